/**
 * The UN Digital Library adapter against an independent reference: votes generated here (seeded)
 * are written in the library's bulk layout (issue 20's column list, without and with vote_note)
 * and in Voeten's layout; the UN family computed from each store must equal the measures written
 * out from METHODS.md on the generated votes themselves, never read back from a store. States
 * are named as the library names them at the time: by ISO3 (withdrawn codes SUN, DDR, ZAR; DEU
 * before and after 1990) and by name alone (ms_code blank), so the crosswalk is tested too.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random.js";
import { frameOf } from "../../src/frames/frame.js";
import { unFamily, voetenEnd } from "../../src/indicators/voting-similarity.js";
import { ingest } from "../../src/ingest/index.js";
import { loadFile } from "../../src/ingest/load-file.js";
import type { Store } from "../../src/store/store.js";
import { tempDir, tempStore } from "../helpers.js";

const YEARS = [1985, 1990, 1995, 2020] as const;
const PER_YEAR = 30;

/** How the library names a state in a year: [ms_code ("" = blank), ms_name, COW code]. */
type Naming = readonly [string, string, number];
function statesOf(year: number): Naming[] {
  const old = year < 1991;
  return [
    ["USA", "UNITED STATES", 2],
    old ? ["SUN", "UNION OF SOVIET SOCIALIST REPUBLICS", 365] : ["RUS", "RUSSIAN FEDERATION", 365],
    ["CHN", "CHINA", 710],
    year < 1990 ? ["DEU", "FEDERAL REPUBLIC OF GERMANY", 260] : ["DEU", "GERMANY", 255],
    ...(year < 1990 ? [["DDR", "GERMAN DEMOCRATIC REPUBLIC", 265] as const] : []),
    // By name only, as the name of the time: Zaire before 1997, then DR Congo by code.
    year < 1997 ? ["", "ZAIRE", 490] : ["COD", "DEMOCRATIC REPUBLIC OF THE CONGO", 490],
    ["", "INDIA", 750],
    ["GBR", "UNITED KINGDOM", 200],
    ["FRA", "FRANCE", 220],
    ["CUB", "CUBA", 40],
    ["IRN", "IRAN (ISLAMIC REPUBLIC OF)", 630],
  ];
}

interface Vote {
  readonly id: number;
  readonly date: string;
  readonly year: number;
  readonly state: Naming;
  /** Y, N, A, X or "" as in ms_vote. */
  readonly msVote: string;
}

/** Votes on PER_YEAR resolutions a year: a bloc line per resolution, states follow it or not. */
function generateVotes(seed: number): Vote[] {
  const rnd = seededRandom(seed);
  const out: Vote[] = [];
  let id = 100_000;
  for (const year of YEARS) {
    for (let k = 0; k < PER_YEAR; k++) {
      id += 1;
      const month = 1 + Math.floor((12 * k) / PER_YEAR);
      const date = `${year}-${String(month).padStart(2, "0")}-${String(1 + (k % 28)).padStart(2, "0")}`;
      const line = rnd() < 0.7 ? "Y" : rnd() < 0.5 ? "N" : "A";
      for (const state of statesOf(year)) {
        const u = rnd();
        const msVote =
          u < 0.55 ? line : u < 0.7 ? "Y" : u < 0.8 ? "N" : u < 0.9 ? "A" : u < 0.95 ? "X" : "";
        out.push({ id, date, year, state, msVote });
      }
    }
  }
  return out;
}

/** The columns as issue 20 lists them (the 2025 layout; vote_note goes after subjects). */
const HEADER = (
  "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting," +
  "title,agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms," +
  "undl_link"
).split(",");

const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The bulk CSV; with `notes`, the 2026 layout (vote_note after subjects, on every 7th record). */
function undlCsv(votes: readonly Vote[], notes: boolean): string {
  const header = notes ? [...HEADER.slice(0, 13), "vote_note", ...HEADER.slice(13)] : HEADER;
  const totals = new Map<number, [number, number, number, number, number]>();
  for (const v of votes) {
    const t = totals.get(v.id) ?? [0, 0, 0, 0, 0];
    t[v.msVote === "Y" ? 0 : v.msVote === "N" ? 1 : v.msVote === "A" ? 2 : 3] += 1;
    t[4] += 1;
    totals.set(v.id, t);
  }
  const lines = votes.map((v) => {
    const session = String(v.year - 1945);
    const t = totals.get(v.id) as number[];
    const fields = [
      String(v.id),
      v.state[0],
      v.state[1],
      v.msVote,
      v.date,
      session,
      `A/RES/${session}/${v.id % 1000}`,
      `A/${session}/L.${v.id % 1000}`,
      "",
      `A/${session}/PV.${v.id % 100}`,
      `Generated resolution ${v.id}, with a comma`,
      "Generated agenda item",
      "TEST--SUBJECT",
      ...(notes ? [v.id % 7 === 0 ? `Recorded vote: ${t[0]}-${t[1]}-${t[2]}` : ""] : []),
      ...t.map((n) => `${n}.0`),
      `https://digitallibrary.un.org/record/${v.id}`,
    ];
    return fields.map(quote).join(",");
  });
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

/**
 * The same votes in Voeten's layout (votes + roll calls), up to and including `until`, under
 * rcids of their own (as in the real data, where the two sources' ids are unrelated).
 */
function voetenFiles(dir: string, votes: readonly Vote[], until: string): string[] {
  const code: Record<string, number> = { Y: 1, A: 2, N: 3, X: 8, "": 8 };
  const kept = votes.filter((v) => v.date <= until);
  const rcid = (v: Vote) => v.id - 99_000;
  const voteLines = kept.map((v) => `${rcid(v)},${v.year - 1945},${v.state[2]},${code[v.msVote]}`);
  const calls = new Map(kept.map((v) => [v.id, v]));
  const callLines = [...calls.values()].map((v) => {
    const [y, m, d] = v.date.split("-").map(Number);
    return `${rcid(v)},${v.year - 1945},${v.year},"${m}/${d}/${y}","R/${v.id}",0,0,0,0,0,0,"0"`;
  });
  const files = [join(dir, "votes.csv"), join(dir, "rollcalls.csv")];
  writeFileSync(files[0] as string, `"rcid","session","ccode","vote"\n${voteLines.join("\n")}\n`);
  writeFileSync(
    files[1] as string,
    `"rcid","session","year","date","unres","importantvote","me","nu","di","hr","co","ec"\n${callLines.join("\n")}\n`,
  );
  return files;
}

type Measures = [n: number, agree: number, s: number, kappa: number, pi: number];
const NAMES = ["un_joint_votes", "un_agree", "un_s", "un_kappa", "un_pi"] as const;

/** METHODS.md "UN General Assembly voting", written out over the generated votes. */
function reference(votes: readonly Vote[], a: number, b: number, year: number): Measures {
  const num: Record<string, number> = { Y: 1, A: 2, N: 3 };
  const of = (c: number) =>
    new Map(
      votes
        .filter((v) => v.year === year && v.state[2] === c && num[v.msVote] !== undefined)
        .map((v) => [v.id, num[v.msVote] as number]),
    );
  const va = of(a);
  const vb = of(b);
  const pairs = [...va].flatMap(([id, x]) => (vb.has(id) ? [[x, vb.get(id) as number]] : []));
  const n = pairs.length;
  if (n === 0) return [0, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  const dist = pairs.reduce((s, [x, y]) => s + Math.abs((x as number) - (y as number)), 0) / n;
  const po = pairs.filter(([x, y]) => x === y).length / n;
  const share = (i: 0 | 1, c: number) => pairs.filter((p) => p[i] === c).length / n;
  let peK = 0;
  let peP = 0;
  for (const c of [1, 2, 3]) {
    peK += share(0, c) * share(1, c);
    peP += ((share(0, c) + share(1, c)) / 2) ** 2;
  }
  return [n, 1 - dist / 2, 1 - dist, (po - peK) / (1 - peK), (po - peP) / (1 - peP)];
}

/** Every pair of the years' states, both orders. */
function dyadYears(years: readonly number[] = YEARS): Array<[number, number, number]> {
  return years.flatMap((y) => {
    const cs = statesOf(y).map((s) => s[2]);
    return cs.flatMap((a) =>
      cs.filter((b) => b !== a).map((b) => [a, b, y] as [number, number, number]),
    );
  });
}

async function expectReference(
  store: Store,
  votes: readonly Vote[],
  unVotes: "auto" | "voeten" | "undl",
  years: readonly number[] = YEARS,
): Promise<void> {
  const rows = dyadYears(years);
  const cols = await unFamily.compute(store, frameOf(rows), { unVotes });
  rows.forEach(([a, b, y], i) => {
    const want = reference(votes, a, b, y);
    NAMES.forEach((name, k) => {
      const got = cols[name]?.[i] as number;
      const w = want[k] as number;
      const where = `${unVotes} ${name} ${a}–${b} ${y}`;
      if (Number.isNaN(w)) expect(got, where).toBeNaN();
      else expect(Math.abs(got - w), `${where}: ${got} vs ${w}`).toBeLessThan(1e-12);
    });
  });
}

describe("UN Digital Library votes against a reference computed on the same votes", () => {
  const votes = generateVotes(20);

  it("the generated votes are not degenerate", () => {
    // Every dyad-year has joint votes, and agreement and kappa vary between dyads.
    const all = dyadYears().map(([a, b, y]) => reference(votes, a, b, y));
    expect(Math.min(...all.map((m) => m[0]))).toBeGreaterThan(15);
    expect(new Set(all.map((m) => m[1].toFixed(6))).size).toBeGreaterThan(20);
    expect(new Set(all.map((m) => m[3].toFixed(6))).size).toBeGreaterThan(20);
  });

  it("both headers give the reference; the 2026 file replaces the 2025 one, changing notes only", async () => {
    const dir = tempDir();
    const f2025 = join(dir, "2025_9_19_ga_voting.csv");
    const f2026 = join(dir, "2026_2_6_ga_voting.csv");
    writeFileSync(f2025, undlCsv(votes, false));
    writeFileSync(f2026, undlCsv(votes, true));
    const store = await tempStore();
    const r1 = await loadFile(store, f2025, { explicit: true });
    expect(r1).toMatchObject({ status: "loaded", rows_rejected: 0, rows_loaded: votes.length });
    // Every state resolved through the crosswalk: by code or by the name of the time.
    expect(await store.query("SELECT count(*) AS n FROM undl_votes WHERE ccode IS NULL")).toEqual([
      { n: 0 },
    ]);
    await expectReference(store, votes, "undl");
    await expectReference(store, votes, "auto");
    const r2 = await loadFile(store, f2026, { explicit: true });
    const noted = votes.filter((v) => v.id % 7 === 0).length;
    expect(r2.release_change).toMatchObject({
      replaced: [{ release: "2025-09-19", files: 1 }],
      added: 0,
      removed: 0,
      changed: noted,
      unchanged: votes.length - noted,
    });
    expect(await store.count("undl_votes")).toBe(votes.length);
    await expectReference(store, votes, "undl");
  });

  it("with Voeten's files of the same votes, auto counts each vote once", async () => {
    const dir = tempDir();
    const undl = join(dir, "2025_9_19_ga_voting.csv");
    writeFileSync(undl, undlCsv(votes, false));
    // Voeten's files end in the middle of 1990: auto takes them to that day, the library after.
    const store = await tempStore();
    const files = [undl, ...voetenFiles(dir, votes, "1990-06-15")];
    expect((await ingest(store, files)).ok).toBe(true);
    expect(await voetenEnd(store)).toBe(votes.filter((v) => v.date <= "1990-06-15").at(-1)?.date);
    await expectReference(store, votes, "auto");
    await expectReference(store, votes, "undl");
    // Voeten's alone: the reference on the votes it holds (1985, and 1990 to 15 June).
    const early = votes.filter((v) => v.date <= "1990-06-15");
    await expectReference(store, early, "voeten", [1985, 1990]);
  });
});

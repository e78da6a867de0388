import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { seededRandom, seedOf } from "../../src/core/random.js";
import { directedKey, type Frame, frameOf } from "../../src/frames/frame.js";
import { bootstrapIntervals } from "../../src/indicators/vote-bootstrap.js";
import {
  buildVoteYear,
  fillFromVoteYears,
  readVoteYears,
  rollCallYear,
  similarityFromCounts,
  UN_INDICATORS,
  unFamily,
  voteSimilarity,
} from "../../src/indicators/voting-similarity.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import type { Store } from "../../src/store/store.js";
import { DATA, dataFile, fixture, hasData, tempStore } from "../helpers.js";

const NAMES = ["un_joint_votes", "un_agree", "un_s", "un_kappa", "un_pi"] as const;
/** The bootstrap interval columns, null unless asked for (test/indicators/vote-bootstrap.test.ts). */
const INTERVALS = ["agree", "s", "kappa", "pi"].flatMap((m) => [`un_${m}_lo`, `un_${m}_hi`]);
const USA = 2;
const CAN = 20;
const RUS = 365;
const ISR = 666;
const CHN = 710;
const TWN = 713;

type Values = [number, number, number, number, number];

function valuesAt(cols: Record<string, Float64Array>, i: number): Values {
  return NAMES.map((n) => cols[n]?.[i] as number) as Values;
}

/** Exact comparison where expected is null (NaN), else within 1e-6. */
function expectValues(got: Values, want: ReadonlyArray<number | null>): void {
  want.forEach((w, k) => {
    if (w === null) expect(got[k], NAMES[k]).toBeNaN();
    else expect(got[k], NAMES[k]).toBeCloseTo(w, 6);
  });
}

const NULLS = [null, null, null, null, null] as const;
const ZERO_JOINT = [0, null, null, null, null] as const;

describe("un formulas (METHODS.md)", () => {
  const x = [1, 1, 1, 2, 3, 1, 1, 2, 1, 3];
  const y = [1, 1, 2, 2, 3, 3, 1, 1, 1, 3];

  it("reproduces test vector U1", () => {
    const r = voteSimilarity(x, y);
    expect(r.n).toBe(10);
    expect(r.agree).toBeCloseTo(0.8, 12);
    expect(r.s).toBeCloseTo(0.6, 12);
    expect(r.kappa).toBeCloseTo(0.5, 12);
    expect(Number(r.kappa.toFixed(6))).toBe(0.5);
    expect(Number(r.pi.toFixed(6))).toBe(0.495798);
    expect(r.pi).toBeCloseTo(59 / 119, 12);
  });

  it("is symmetric and S = 2·agree − 1", () => {
    const a = voteSimilarity(x, y);
    const b = voteSimilarity(y, x);
    expect(b).toEqual(a);
    expect(a.s).toBeCloseTo(2 * a.agree - 1, 12);
  });

  it("drops absent (8) and not-a-member (9) pairwise", () => {
    const r = voteSimilarity([...x, 8, 1, 9, 3], [...y, 1, 9, 3, 8]);
    expect(r).toEqual(voteSimilarity(x, y));
  });

  it("agrees with the joint count table", () => {
    // rows: x = yes, abstain, no; columns: y
    expect(similarityFromCounts([4, 1, 1, 1, 1, 0, 0, 0, 2])).toEqual(voteSimilarity(x, y));
  });

  it("is null without joint votes and kappa/pi null when p_e = 1", () => {
    const none = voteSimilarity([8, 1], [1, 9]);
    expect(none.n).toBe(0);
    for (const v of [none.agree, none.s, none.kappa, none.pi]) expect(v).toBeNaN();
    const same = voteSimilarity([3, 3, 3], [3, 3, 3]);
    expect([same.n, same.agree, same.s]).toEqual([3, 1, 1]);
    expect(same.kappa).toBeNaN();
    expect(same.pi).toBeNaN();
    // one state constant, the other not: p_e < 1, kappa 0
    const one = voteSimilarity([1, 1, 1], [1, 1, 3]);
    expect(one.kappa).toBe(0);
    expect(one.pi).toBeCloseTo(-0.2, 12);
    // perfect agreement with variation: kappa = pi = 1
    const full = voteSimilarity([1, 2, 3], [1, 2, 3]);
    expect([full.kappa, full.pi]).toEqual([1, 1]);
    // total yes/no opposition
    const opp = voteSimilarity([1, 3], [3, 1]);
    expect([opp.agree, opp.s, opp.kappa, opp.pi]).toEqual([0, -1, -1, -1]);
  });

  it("year rule: date year, else 1945 + session", () => {
    expect(rollCallYear(2001, 55)).toBe(2001);
    expect(rollCallYear(null, 57)).toBe(2002);
    expect(rollCallYear(null, null)).toBeNull();
  });

  it("declares five documented indicators and their intervals, computed on request", () => {
    expect(UN_INDICATORS.map((d) => d.name)).toEqual([...NAMES, ...INTERVALS]);
    expect(UN_INDICATORS.filter((d) => d.onRequest).map((d) => d.name)).toEqual(INTERVALS);
    for (const d of UN_INDICATORS) {
      expect(d.family).toBe("un");
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.unit).not.toBe("");
      expect(d.source).toMatch(/Voeten/);
      expect(d.citation).toMatch(/Voeten/);
    }
    expect(unFamily.indicators.find((d) => d.name === "un_s")?.citation).toMatch(/Signorino/);
    expect(unFamily.indicators.find((d) => d.name === "un_kappa")?.citation).toMatch(
      /Häge, Frank M. 2011/,
    );
  });

  it("bit-plane matrices match the plain computation across word boundaries", () => {
    // 100 roll calls (4 words), pseudo-random votes including 8/9; compare every pair.
    const rand = seededRandom(7);
    const codes = [1, 1, 1, 2, 3, 8, 9];
    const states = [2, 20, 365, 710, 999];
    const rcids = Array.from({ length: 100 }, (_, i) => 5000 + i);
    const votes = new Map(
      states.map((s) => [s, rcids.map(() => codes[Math.floor(rand() * codes.length)] as number)]),
    );
    const vy = buildVoteYear(
      2000,
      [...rcids].reverse(),
      states.map((s) => ({ ccode: s, rcids, votes: votes.get(s) as number[] })),
    );
    const rows: [number, number, number][] = [];
    for (const a of states) for (const b of states) rows.push([a, b, 2000]);
    const cols = fillFromVoteYears(frameOf(rows), new Map([[2000, vy]]));
    rows.forEach(([a, b], i) => {
      const want = voteSimilarity(votes.get(a) as number[], votes.get(b) as number[]);
      const got = valuesAt(cols, i);
      expect(got[0]).toBe(want.n);
      [want.agree, want.s, want.kappa, want.pi].forEach((w, k) => {
        if (Number.isNaN(w)) expect(got[k + 1]).toBeNaN();
        else expect(Math.abs((got[k + 1] as number) - w)).toBeLessThan(1e-12);
      });
    });
  });
});

async function fixtureStore(files: string[]): Promise<Store> {
  const store = await tempStore();
  for (const f of files) {
    const r = await loadFile(store, fixture(`indicators/un/${f}`), { explicit: true });
    expect(r.status, `${f}: ${r.error ?? ""}`).toBe("loaded");
    expect(r.rows_rejected, f).toBe(0);
  }
  return store;
}

describe("un family on fixture files", () => {
  const voeten = () => fixtureStore(["rollcalls.csv", "votes.csv"]);

  it("pairwise deletion and U1 on the Voeten layout", async () => {
    const store = await voeten();
    const frame = frameOf([
      [RUS, CHN, 2000],
      [USA, ISR, 2000],
      [USA, RUS, 2000],
      [USA, CHN, 2000],
    ]);
    const cols = await unFamily.compute(store, frame);
    expect(Object.keys(cols).sort()).toEqual([...NAMES, ...INTERVALS].sort());
    for (const n of NAMES) expect(cols[n]?.length).toBe(frame.length);
    // Not asked for: the intervals stay null.
    for (const n of INTERVALS) expect(Array.from(cols[n] ?? []).every(Number.isNaN), n).toBe(true);
    expectValues(valuesAt(cols, 0), [10, 0.8, 0.6, 0.5, 0.495798]);
    expectValues(valuesAt(cols, 1), [12, 1, 1, null, null]);
    expectValues(valuesAt(cols, 2), [11, 3 / 11, -5 / 11, 0, -67 / 131]);
    expectValues(valuesAt(cols, 3), [11, 4 / 11, -3 / 11, 0, -13 / 31]);
  });

  it("fills the bootstrap intervals when asked: bracketing, symmetric, the same as the pure function", async () => {
    const store = await voeten();
    const frame = frameOf([
      [RUS, CHN, 2000],
      [CHN, RUS, 2000],
      [USA, ISR, 2000],
    ]);
    const cols = await unFamily.compute(store, frame, { wanted: new Set(["un_pi_lo"]) });
    for (const m of ["agree", "s", "kappa", "pi"]) {
      const lo = cols[`un_${m}_lo`] as Float64Array;
      const hi = cols[`un_${m}_hi`] as Float64Array;
      const point = cols[`un_${m}`] as Float64Array;
      expect(lo[0], m).toBeLessThanOrEqual(point[0] as number);
      expect(hi[0], m).toBeGreaterThanOrEqual(point[0] as number);
      expect(Object.is(lo[0], lo[1]) && Object.is(hi[0], hi[1]), m).toBe(true);
    }
    // U1's joint table, seeded by the ordered pair and year.
    const ci = bootstrapIntervals(
      [4, 1, 1, 1, 1, 0, 0, 0, 2],
      seededRandom(seedOf(RUS, CHN, 2000)),
    );
    expect(cols.un_pi_lo?.[0]).toBe(ci.lo[3]);
    expect(cols.un_pi_hi?.[0]).toBe(ci.hi[3]);
    // USA and Israel agree on every joint roll call: agree's interval is [1, 1], pi's null.
    expect([cols.un_agree_lo?.[2], cols.un_agree_hi?.[2]]).toEqual([1, 1]);
    expect(cols.un_pi_lo?.[2]).toBeNaN();
  });

  it("years: date year, 1945 + session without a date or roll-call row; coverage edges", async () => {
    const store = await voeten();
    const frame = frameOf([
      [RUS, CHN, 1999],
      [RUS, CHN, 2001],
      [RUS, CHN, 2002],
      [RUS, CHN, 2003],
      [USA, RUS, 2001],
      [USA, CAN, 2000],
      [CAN, RUS, 2000],
      [TWN, CHN, 2000],
      [TWN, USA, 2003],
    ]);
    const cols = await unFamily.compute(store, frame);
    expectValues(valuesAt(cols, 0), NULLS); // before the first roll call
    expectValues(valuesAt(cols, 1), [3, 2 / 3, 1 / 3, 0, -0.2]); // 213 (dated 2001) + 214 + 215
    expectValues(valuesAt(cols, 2), ZERO_JOINT); // covered by 216, only 8/9 votes
    expectValues(valuesAt(cols, 3), NULLS); // after the last roll call
    expectValues(valuesAt(cols, 4), ZERO_JOINT); // USA has no rows in 2001
    expectValues(valuesAt(cols, 5), ZERO_JOINT); // Canada only absent
    expectValues(valuesAt(cols, 6), ZERO_JOINT);
    expectValues(valuesAt(cols, 7), ZERO_JOINT); // Taiwan has no rows at all
    expectValues(valuesAt(cols, 8), NULLS);
  });

  it("is symmetric: (a, b) and (b, a) are identical", async () => {
    const store = await voeten();
    const states = [USA, CAN, RUS, ISR, CHN, TWN];
    const rows: [number, number, number][] = [];
    for (let y = 1999; y <= 2003; y++) {
      for (const a of states) for (const b of states) if (a !== b) rows.push([a, b, y]);
    }
    const frame = frameOf(rows);
    const cols = await unFamily.compute(store, frame);
    const at = new Map(rows.map(([a, b, y], i) => [directedKey(a, b, y), i]));
    rows.forEach(([a, b, y], i) => {
      const j = at.get(directedKey(b, a, y)) as number;
      for (const n of NAMES) expect(Object.is(cols[n]?.[i], cols[n]?.[j])).toBe(true);
    });
    // Never Infinity; nulls only as NaN.
    for (const n of NAMES) for (const v of cols[n] ?? []) expect(Math.abs(v)).not.toBe(Infinity);
  });

  it("the same values whether the SQL is restricted to the frame's states or not", async () => {
    const store = await voeten();
    const all = await readVoteYears(store, 1999, 2003, null);
    const few = await readVoteYears(store, 1999, 2003, [RUS, CHN]);
    expect([...all.keys()].sort()).toEqual([2000, 2001, 2002]);
    expect([...few.keys()].sort()).toEqual([2000, 2001, 2002]);
    const frame = frameOf([
      [RUS, CHN, 2000],
      [CHN, RUS, 2001],
    ]);
    expect(fillFromVoteYears(frame, few)).toEqual(fillFromVoteYears(frame, all));
    expect((all.get(2000) as { rcids: Int32Array }).rcids.length).toBe(12);
    expect((all.get(2001) as { rcids: Int32Array }).rcids.length).toBe(3);
  });

  it("an empty frame gives empty columns", async () => {
    const store = await voeten();
    const cols = await unFamily.compute(store, frameOf([]));
    for (const n of NAMES) expect(cols[n]?.length).toBe(0);
  });

  it("a store without votes: every value null", async () => {
    const store = await tempStore();
    const cols = await unFamily.compute(store, frameOf([[RUS, CHN, 2000]]));
    expectValues(valuesAt(cols, 0), NULLS);
  });

  it("unvotes layout: years from the roll-call dates; votes without a year count nowhere", async () => {
    const store = await fixtureStore(["unvotes_rollcalls.csv", "unvotes_votes.csv"]);
    const frame = frameOf([
      [USA, RUS, 2010],
      [RUS, USA, 2010],
      [USA, RUS, 2011],
    ]);
    const cols = await unFamily.compute(store, frame);
    expectValues(valuesAt(cols, 0), [2, 0.5, 0, 0, -1 / 3]);
    expectValues(valuesAt(cols, 1), [2, 0.5, 0, 0, -1 / 3]);
    expectValues(valuesAt(cols, 2), NULLS);
  });
});

// ---------------------------------------------------------------------------------------------
// Real data: Voeten 2016 release, sessions 46–70 (1991–2015).

const VOTE_FILES = [
  "voeten2016_rollcalls_sessions1-70.csv",
  "voeten2016_votes_sessions46-57.csv",
  "voeten2016_votes_sessions58-70.csv",
];

function allPairsFrame(from: number, to: number): Frame {
  const rows: [number, number, number][] = [];
  for (let y = from; y <= to; y++) {
    const m = systemMembers(y);
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) rows.push([m[i] as number, m[j] as number, y]);
    }
  }
  return frameOf(rows);
}

/** The real CSV files read directly (not through the store), for a plain computation. */
function plainVotes(): { votes: Map<number, Map<number, Map<number, number>>> } {
  // year → ccode → rcid → vote
  const rcYear = new Map<number, number>();
  const rcLines = readFileSync(dataFile(`unga_votes/${VOTE_FILES[0]}`), "utf8").split("\n");
  for (const line of rcLines.slice(1)) {
    if (line.trim() === "") continue;
    const f = line.split(",");
    const date = (f[3] ?? "").replaceAll('"', "");
    if (date !== "") rcYear.set(Number(f[0]), Number(date.split("/")[2]));
  }
  const votes = new Map<number, Map<number, Map<number, number>>>();
  for (const file of VOTE_FILES.slice(1)) {
    const lines = readFileSync(dataFile(`unga_votes/${file}`), "utf8").split("\n");
    for (const line of lines.slice(1)) {
      if (line.trim() === "") continue;
      const [rcid, session, ccode, vote] = line.split(",").map(Number) as [
        number,
        number,
        number,
        number,
      ];
      const year = rcYear.get(rcid) ?? 1945 + session;
      const byState = votes.get(year) ?? new Map<number, Map<number, number>>();
      votes.set(year, byState);
      const byRc = byState.get(ccode) ?? new Map<number, number>();
      byState.set(ccode, byRc);
      byRc.set(rcid, vote);
    }
  }
  return { votes };
}

/** Agreement, S, kappa and pi for one dyad-year written out from the definitions. */
function plainMeasures(
  votes: Map<number, Map<number, Map<number, number>>>,
  a: number,
  b: number,
  year: number,
): Values {
  const va = votes.get(year)?.get(a) ?? new Map<number, number>();
  const vb = votes.get(year)?.get(b) ?? new Map<number, number>();
  const pairs: [number, number][] = [];
  for (const [rcid, x] of va) {
    const y = vb.get(rcid);
    if (x >= 1 && x <= 3 && y !== undefined && y >= 1 && y <= 3) pairs.push([x, y]);
  }
  const n = pairs.length;
  let dist = 0;
  let agreeing = 0;
  const px = [0, 0, 0];
  const py = [0, 0, 0];
  for (const [x, y] of pairs) {
    dist += Math.abs(x - y);
    if (x === y) agreeing += 1;
    px[x - 1] = (px[x - 1] as number) + 1 / n;
    py[y - 1] = (py[y - 1] as number) + 1 / n;
  }
  const po = agreeing / n;
  let peK = 0;
  let peP = 0;
  for (let c = 0; c < 3; c++) {
    peK += (px[c] as number) * (py[c] as number);
    peP += (((px[c] as number) + (py[c] as number)) / 2) ** 2;
  }
  return [
    n,
    1 - dist / n / 2,
    1 - 2 * (dist / n / 2),
    (po - peK) / (1 - peK),
    (po - peP) / (1 - peP),
  ];
}

const here = fileURLToPath(new URL(".", import.meta.url));
const PEER = resolve(here, "../../bench/peers/un_panel.py");
const hasNumpy =
  hasData && spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }).status === 0;

describe.skipIf(!hasData)("un family on the real Voeten 2016 files", () => {
  let dir = "";
  let store: DuckDbStore;
  let frame: Frame;
  let cols: Record<string, Float64Array>;
  let computeMs = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "entente-un-"));
    store = await DuckDbStore.open(join(dir, "un.duckdb"));
    for (const f of VOTE_FILES) {
      const r = await loadFile(store, dataFile(`unga_votes/${f}`), { explicit: true });
      expect(r.status, r.error).toBe("loaded");
    }
    frame = allPairsFrame(1991, 2015);
    const t = performance.now();
    cols = await unFamily.compute(store, frame);
    computeMs = performance.now() - t;
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("fills the 1991–2015 all-dyads frame", () => {
    expect(frame.length).toBeGreaterThan(400_000);
    for (const n of NAMES) expect(cols[n]?.length).toBe(frame.length);
    // Every year 1991–2015 is covered: joint votes never null.
    expect((cols.un_joint_votes as Float64Array).some(Number.isNaN)).toBe(false);
    console.log(`un: ${frame.length} dyad-years computed in ${computeMs.toFixed(0)} ms`);
    // A generous guard against pathological slowdowns (measured: well under a second).
    expect(computeMs).toBeLessThan(10_000);
  });

  it("matches a plain loop over the CSV rows (RUS–CHN, USA–RUS, USA–ISR; 1995, 2014)", async () => {
    const { votes } = plainVotes();
    const dyads: [number, number][] = [
      [RUS, CHN],
      [USA, RUS],
      [USA, ISR],
    ];
    const rows: [number, number, number][] = [];
    for (const [a, b] of dyads) for (const y of [1995, 2014]) rows.push([a, b, y], [b, a, y]);
    const small = frameOf(rows);
    const got = await unFamily.compute(store, small); // ≤ 64 states: SQL restricted to them
    const index = new Map<number, number>();
    for (let i = 0; i < frame.length; i++) {
      index.set(
        directedKey(frame.a[i] as number, frame.b[i] as number, frame.year[i] as number),
        i,
      );
    }
    rows.forEach(([a, b, y], i) => {
      const want = plainMeasures(votes, a, b, y);
      const mine = valuesAt(got, i);
      want.forEach((w, k) => {
        expect(Math.abs((mine[k] as number) - w)).toBeLessThan(1e-12);
      });
      // The same row of the big frame (SQL over all states) is identical.
      const j = index.get(directedKey(Math.min(a, b), Math.max(a, b), y)) as number;
      expect(valuesAt(cols, j)).toEqual(mine);
    });
  });

  it("pins real values", async () => {
    const frame2 = frameOf([
      [RUS, CHN, 1995],
      [RUS, CHN, 2014],
      [USA, RUS, 1995],
      [USA, RUS, 2014],
      [USA, ISR, 1995],
      [USA, ISR, 2014],
      [RUS, CHN, 1990],
      [RUS, CHN, 2016],
    ]);
    const got = await unFamily.compute(store, frame2);
    expectValues(valuesAt(got, 0), [76, 0.671053, 0.342105, -0.137968, -0.230295]);
    expectValues(valuesAt(got, 1), [76, 0.815789, 0.631579, 0.291734, 0.266625]);
    expectValues(valuesAt(got, 2), [79, 0.550633, 0.101266, 0.149257, 0.029365]);
    expectValues(valuesAt(got, 3), [77, 0.37013, -0.25974, -0.056512, -0.221072]);
    expectValues(valuesAt(got, 4), [77, 0.909091, 0.818182, 0.677342, 0.676713]);
    expectValues(valuesAt(got, 5), [77, 0.941558, 0.883117, 0.802057, 0.802025]);
    // Sessions 46–70 loaded: 1990 and 2016 hold no roll call of the loaded data.
    expectValues(valuesAt(got, 6), NULLS);
    expectValues(valuesAt(got, 7), NULLS);
  });

  it.skipIf(!hasNumpy)(
    "agrees with the numpy peer (bench/peers/un_panel.py) on every row, same universe",
    () => {
      const out = join(dir, "peer.csv");
      const run = spawnSync("python3", [PEER, out, DATA], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const lines = readFileSync(out, "utf8").split("\n");
      expect(lines[0]).toBe("ccode1,ccode2,year,un_joint_votes,un_agree,un_s,un_kappa,un_pi");
      const peer = new Map<number, Values>();
      for (const line of lines.slice(1)) {
        if (line === "") continue;
        const f = line.split(",");
        const key = directedKey(Number(f[0]), Number(f[1]), Number(f[2]));
        peer.set(key, f.slice(3).map((v) => (v === "" ? Number.NaN : Number(v))) as Values);
      }
      // Same universe: the peer's states2016 membership = systemMembers(year) for 1991–2015.
      expect(peer.size).toBe(frame.length);
      const mismatches: string[] = [];
      let compared = 0;
      let nonNull = 0;
      let rusChn = 0;
      for (let i = 0; i < frame.length; i++) {
        const a = frame.a[i] as number;
        const b = frame.b[i] as number;
        const y = frame.year[i] as number;
        const p = peer.get(directedKey(a, b, y));
        if (p === undefined) {
          mismatches.push(`${a}-${b} ${y}: not in the peer's output`);
          continue;
        }
        const mine = valuesAt(cols, i);
        for (let k = 0; k < 5; k++) {
          const w = p[k] as number;
          const g = mine[k] as number;
          const same =
            Number.isNaN(w) || Number.isNaN(g)
              ? Number.isNaN(w) === Number.isNaN(g)
              : Math.abs(w - g) <= 1e-9;
          if (!same) mismatches.push(`${NAMES[k]} ${a}-${b} ${y}: peer ${w}, entente ${g}`);
        }
        compared += 1;
        if (!Number.isNaN(mine[4])) nonNull += 1;
        if (a === RUS && b === CHN) rusChn += 1;
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(compared).toBe(frame.length);
      expect(nonNull).toBeGreaterThan(400_000);
      expect(rusChn).toBe(25);
    },
    120_000,
  );

  it("the files the peer reads are in the shared folder (sessions 46–70 and the roll calls)", () => {
    const csvs = readdirSync(dataFile("unga_votes")).filter((f) => f.endsWith(".csv"));
    for (const f of VOTE_FILES) expect(csvs).toContain(f);
  });
});

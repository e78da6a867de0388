import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { directedKey, frameOf } from "../../src/frames/frame.js";
import {
  countJoint,
  EXERCISE_KEY_SQL,
  EXERCISE_SOURCE_PRECEDENCE,
  exerciseKey,
  exercisesFamily,
  jointExercises,
  rankSources,
  sourceByYear,
} from "../../src/indicators/exercises.js";
import { type Column, FAMILIES } from "../../src/indicators/indicator.js";
import { loadFile } from "../../src/ingest/load-file.js";
import type { Store } from "../../src/store/store.js";
import { dataFile, fixture, hasData, tempStore } from "../helpers.js";

const plain = (c: Column | undefined): Array<number | null> =>
  Array.from(c ?? [], (v) => (Number.isNaN(v) ? null : v));

async function load(store: Store, path: string): Promise<void> {
  const r = await loadFile(store, path, { explicit: true });
  expect(r.status, `${path}: ${r.error ?? ""}`).toBe("loaded");
}

/** exercises_joint for (a, b) and (b, a) in each year; asserts symmetry, returns a→b values. */
/** The SQL exercise key equals exerciseKey() on every stored row. */
async function expectKeysAgree(store: Store): Promise<number> {
  const rows = await store.query<{
    name: string | null;
    m: number | null;
    d: number | null;
    f: number;
    l: number;
    k: string;
  }>(
    `SELECT name, start_month AS m, start_day AS d, file_id AS f, line AS l, ${EXERCISE_KEY_SQL} AS k
     FROM exercises`,
  );
  const bad = rows.filter((r) => r.k !== exerciseKey(r.name, r.m, r.d, r.f, r.l));
  expect(bad).toEqual([]);
  return rows.length;
}

async function jointByYear(
  store: Store,
  a: number,
  b: number,
  years: readonly number[],
): Promise<Array<number | null>> {
  const frame = frameOf(years.flatMap((y) => [[a, b, y] as const, [b, a, y] as const]));
  const cols = await exercisesFamily.compute(store, frame);
  expect(Object.keys(cols)).toEqual(["exercises_joint", "exercises_weighted"]);
  const v = plain(cols.exercises_joint);
  expect(v).toHaveLength(frame.length);
  const ab = v.filter((_, i) => i % 2 === 0);
  const ba = v.filter((_, i) => i % 2 === 1);
  expect(ba).toEqual(ab);
  return ab;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("exercise rules (pure)", () => {
  it("ranks MME before JME before any other source", () => {
    expect(EXERCISE_SOURCE_PRECEDENCE).toEqual(["mme", "jme"]);
    expect(rankSources(["zeta", "jme", "alpha", "mme", "jme"])).toEqual([
      "mme",
      "jme",
      "alpha",
      "zeta",
    ]);
  });

  it("counts each year from the preferred dataset that covers it", () => {
    const files = [
      { source: "jme", from: 1974, to: 2010 },
      { source: "mme", from: 1980, to: 1990 },
      { source: "mme", from: 2000, to: 2010 },
    ];
    const chosen = sourceByYear(files, 1970, 2012);
    expect(chosen.get(1973)).toBeUndefined();
    expect(chosen.get(1974)).toBe("jme");
    expect(chosen.get(1980)).toBe("mme");
    expect(chosen.get(1995)).toBe("jme"); // between the two MME files
    expect(chosen.get(2010)).toBe("mme");
    expect(chosen.get(2011)).toBeUndefined();
  });

  it("merges named rows with the same normalised name and start date, never unnamed rows", () => {
    expect(exerciseKey("Cooperation 2003", 8, 6, 1, 2)).toBe(
      exerciseKey(" cooperation  2003 ", 8, 6, 9, 3),
    );
    expect(exerciseKey("Cooperation 2003", 8, 6, 1, 2)).not.toBe(
      exerciseKey("Cooperation 2003", 9, 1, 1, 8),
    );
    expect(exerciseKey("X", null, null, 1, 2)).toBe("name:x:0:0");
    expect(exerciseKey(null, 5, 5, 1, 4)).not.toBe(exerciseKey(null, 5, 5, 1, 5));
    expect(exerciseKey("  ", 5, 5, 1, 4)).toBe("row:1:4");
  });

  it("counts distinct exercises listing both states", () => {
    const ex = [
      { key: "name:a:8:6", participants: [365, 710, 705] },
      { key: "name:a:8:6", participants: [365, 710] },
      { key: "row:1:4", participants: [710, 365] },
      { key: "row:1:5", participants: [365, 2] },
    ];
    expect(countJoint(ex, 365, 710)).toBe(2);
    expect(countJoint(ex, 710, 365)).toBe(2);
    expect(countJoint(ex, 705, 710)).toBe(1);
    expect(countJoint(ex, 2, 710)).toBe(0);
    expect(countJoint(ex, 365, 365)).toBe(0);
  });

  it("weights each joint exercise by 1/(k − 1) for its k participating states", () => {
    const { counts, weighted } = jointExercises(
      [
        { year: 2005, key: "name:a", participants: [365, 710] },
        { year: 2005, key: "name:b", participants: [2, 365, 710, 705, null] },
        { year: 2005, key: "name:b", participants: [200] },
      ],
      [365, 710, 2],
    );
    // Exercise b pools its rows: five states (200 is counted though not kept), weight 1/4.
    expect(counts.get(directedKey(365, 710, 2005))).toBe(2);
    expect(weighted.get(directedKey(365, 710, 2005))).toBeCloseTo(1.25, 12);
    expect(weighted.get(directedKey(2, 365, 2005))).toBeCloseTo(0.25, 12);
    expect(counts.has(directedKey(200, 365, 2005))).toBe(false);
  });

  it("declares the documented indicators", () => {
    expect(FAMILIES).toContain(exercisesFamily.family);
    const [d, w] = exercisesFamily.indicators;
    expect(exercisesFamily.indicators).toHaveLength(2);
    expect(w).toMatchObject({ name: "exercises_weighted", family: "exercises" });
    expect(d).toMatchObject({ name: "exercises_joint", family: "exercises" });
    expect(d?.unit).toBe("count of exercises");
    expect(d?.source).toMatch(/Multinational Military Exercises v7/);
    expect(d?.citation).toMatch(/D'Orazio/);
  });
});

describe("exercises family on fixtures", () => {
  const MME = fixture("indicators/exercises/mme_v7.csv");
  const JME = fixture("indicators/exercises/jme_v3_sheet.csv");

  it("MME and JME loaded: MME for 2005–2007, JME only for 2003–2004, nothing double counted", async () => {
    const store = await tempStore();
    await load(store, MME);
    await load(store, JME);
    // 2003: "Cooperation 2003" twice (name spacing/case differ, same date) = 1, plus the
    // same name on another date = 2. 2004: two unnamed rows = 2. 2005: MME's two (JME's
    // Peace Mission 2005 is not added). 2006: JME's row ignored (MME covers 2005–2007) = 0.
    expect(await jointByYear(store, 365, 710, range(2002, 2008))).toEqual([
      null,
      2,
      2,
      2,
      0,
      0,
      null,
    ]);
    expect(await jointByYear(store, 705, 710, [2003, 2005])).toEqual([1, 1]);
    expect(await jointByYear(store, 369, 2, [2006, 2007])).toEqual([0, 1]);
    // Not a dyad; West Germany's code in 2005 (not a system member) is null; members 0.
    expect(await jointByYear(store, 365, 365, [2005])).toEqual([null]);
    expect(await jointByYear(store, 260, 2, [2005])).toEqual([null]);
    expect(await jointByYear(store, 2, 20, [2005])).toEqual([0]);
    expect(await expectKeysAgree(store)).toBe(10);
  });

  it("JME alone counts its own rows for its own years", async () => {
    const store = await tempStore();
    await load(store, JME);
    expect(await jointByYear(store, 365, 710, range(2002, 2007))).toEqual([null, 2, 2, 1, 1, null]);
  });

  it("MME alone: null before its first year", async () => {
    const store = await tempStore();
    await load(store, MME);
    expect(await jointByYear(store, 365, 710, range(2004, 2008))).toEqual([null, 2, 0, 0, null]);
  });

  it("gives the same values without the SQL state filter (frame of > 64 states)", async () => {
    const store = await tempStore();
    await load(store, MME);
    await load(store, JME);
    const extra = systemMembers(2005).map((c) => [710, c, 2005] as const);
    const frame = frameOf([[365, 710, 2003], [365, 710, 2005], [705, 365, 2005], ...extra]);
    const v = plain((await exercisesFamily.compute(store, frame)).exercises_joint);
    expect(v.slice(0, 3)).toEqual([2, 2, 1]);
    const rest = v.slice(3);
    expect(rest.filter((x) => x === null)).toHaveLength(1); // China with itself
    expect(rest.filter((x) => x !== null && x > 0).sort()).toEqual([1, 2]); // KAZ, RUS
  });

  it("is all null on an empty store", async () => {
    const store = await tempStore();
    expect(await jointByYear(store, 365, 710, [2005])).toEqual([null]);
  });
});

/** Minimal RFC 4180 reader (quotes, doubled quotes, CRLF) for the independent scans. */
function readCsv(path: string): string[][] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/** Per start year, the number of lines listing both names among the participant columns. */
function scan(
  path: string,
  isState: (header: string) => boolean,
  year: (r: Record<string, string>) => number | null,
  x: string,
  y: string,
): Map<number, number> {
  const [header, ...lines] = readCsv(path);
  const cols = (header ?? []).map((h, i) => [h, i] as const).filter(([h]) => isState(h));
  const out = new Map<number, number>();
  for (const line of lines) {
    const names = cols.map(([, i]) => (line[i] ?? "").trim());
    if (!names.includes(x) || !names.includes(y)) continue;
    const rec = Object.fromEntries((header ?? []).map((h, i) => [h, line[i] ?? ""]));
    const t = year(rec);
    if (t !== null) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

describe.skipIf(!hasData)("exercises on the real files", () => {
  const MME = dataFile("military_exercises/mme_v7.csv");
  const JME = dataFile("military_exercises/jme_v3_Sheet1_2.csv");

  it("Russia–China per year equals a plain scan of mme_v7.csv", async () => {
    const expected = scan(
      MME,
      (h) => /^State[A-Z]{1,2}$/.test(h),
      (r) => Number(r["s.year"]),
      "Russia",
      "China",
    );
    // SOURCE.md: 10 exercises, first 1999, Peace Mission 2005/2007/2009/2010.
    expect(Object.fromEntries(expected)).toEqual({ 1999: 1, 2005: 1, 2007: 3, 2009: 2, 2010: 3 });

    const store = await tempStore();
    await load(store, MME);
    const years = range(1979, 2011);
    const got = await jointByYear(store, 365, 710, years);
    expect(got).toEqual(years.map((y) => (y < 1980 || y > 2010 ? null : (expected.get(y) ?? 0))));

    // Loading JME as well changes nothing in MME's years and adds 1974–1979 from JME.
    await load(store, JME);
    const both = await jointByYear(store, 365, 710, range(1973, 2011));
    expect(both).toEqual(
      range(1973, 2011).map((y) =>
        y < 1974 || y > 2010 ? null : y < 1980 ? 0 : (expected.get(y) ?? 0),
      ),
    );
  }, 120_000);

  it("is symmetric and non-null over every member dyad of 2005", async () => {
    const store = await tempStore();
    await load(store, MME);
    await load(store, JME);
    const m = systemMembers(2005);
    const rows = m.flatMap((a) => m.filter((b) => b !== a).map((b) => [a, b, 2005] as const));
    expect(await expectKeysAgree(store)).toBe(3707 + 1786);
    const index = new Map(rows.map(([a, b, y], i) => [directedKey(a, b, y), i] as const));
    const v = plain((await exercisesFamily.compute(store, frameOf(rows))).exercises_joint);
    let asymmetric = 0;
    rows.forEach(([a, b, y], i) => {
      if (v[i] !== v[index.get(directedKey(b, a, y)) as number]) asymmetric++;
    });
    expect(asymmetric).toBe(0);
    expect(v.filter((x) => x === null)).toHaveLength(0);
    expect(v.filter((x) => (x as number) > 0).length).toBeGreaterThan(0);
  }, 120_000);

  it("USA–Russia 2005: eight joint exercises, 3.43 bilateral equivalents", async () => {
    const store = await tempStore();
    await load(store, MME);
    const cols = await exercisesFamily.compute(store, frameOf([[2, 365, 2005]]));
    expect(cols.exercises_joint?.[0]).toBe(8);
    // mme_v7.csv, 2005, both listed: Collaborative Arrow (4 states), Theatre Missile Defense (2),
    // Torgau (2), FRUKUS (4), BALTOPS (11), Sorbet Royal (14), Deep Saber (13), Arctic Sarex (3).
    const expected = 1 / 3 + 1 + 1 + 1 / 3 + 1 / 10 + 1 / 13 + 1 / 12 + 1 / 2;
    expect(cols.exercises_weighted?.[0]).toBeCloseTo(expected, 12);
    const rc = await exercisesFamily.compute(store, frameOf([[365, 710, 2005]]));
    // Peace Mission 2005 was bilateral.
    expect(rc.exercises_weighted?.[0]).toBe(1);
  }, 120_000);

  it("JME alone: Russia–China per year equals a plain scan of the sheet", async () => {
    const expected = scan(
      JME,
      (h) => /^State [A-Z]{1,2}$/.test(h),
      (r) => {
        if ((r["s.year"] ?? "").trim() !== "") return Number(r["s.year"]);
        const m = /(\d{4})\s*$/.exec(r["Start Date"] ?? "");
        return m ? Number(m[1]) : null;
      },
      "RUS",
      "CHN",
    );
    // docs/sources.md: 11 exercises include both; none repeats another's name and start date.
    expect(Object.fromEntries(expected)).toEqual({
      1996: 1,
      2003: 2,
      2005: 1,
      2007: 3,
      2009: 3,
      2010: 1,
    });
    const store = await tempStore();
    await load(store, JME);
    const years = range(1973, 2011);
    expect(await jointByYear(store, 365, 710, years)).toEqual(
      years.map((y) => (y < 1974 || y > 2010 ? null : (expected.get(y) ?? 0))),
    );
  }, 120_000);
});

import { describe, expect, it } from "vitest";
import { directedKey, frameOf } from "../../src/frames/frame.js";
import { contiguityByYear, contiguityFamily } from "../../src/indicators/contiguity.js";
import { decayedHistory, midFamily } from "../../src/indicators/disputes.js";
import { igoFamily, midRanks } from "../../src/indicators/igos.js";
import type { Column } from "../../src/indicators/indicator.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { fixture, tempStore } from "../helpers.js";

const plain = (c: Column | undefined): Array<number | null> =>
  Array.from(c ?? [], (v) => (Number.isNaN(v) ? null : Number(v.toFixed(6))));

/** Rows (a, b, year) and their mirror (b, a, year): symmetric families must agree on both. */
function symmetricFrame(rows: ReadonlyArray<readonly [number, number, number]>) {
  return frameOf(rows.flatMap(([a, b, y]) => [[a, b, y] as const, [b, a, y] as const]));
}
const firstOfPairs = (v: Array<number | null>) => {
  const ab = v.filter((_, i) => i % 2 === 0);
  expect(v.filter((_, i) => i % 2 === 1)).toEqual(ab);
  return ab;
};

describe("igo family", () => {
  it("mid-ranks: share below plus half the share equal", () => {
    expect([
      ...midRanks(
        new Map([
          [55, 2],
          [70, 1],
          [81, 1],
          [90, 1],
        ]),
      ),
    ]).toEqual([
      [55, 0.2],
      [70, 0.5],
      [81, 0.7],
      [90, 0.9],
    ]);
  });

  it("counts and ranks shared IGOs; unlisted or -9 is null", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("igo/cow_igo_ndy.csv"), { explicit: true });
    const frame = symmetricFrame([
      [2, 20, 2014],
      [2, 200, 2014],
      [365, 710, 2014],
      [2, 20, 2013],
      [365, 710, 2013],
      [2, 265, 2014],
      [2, 20, 2015],
    ]);
    const cols = await igoFamily.compute(store, frame);
    expect(firstOfPairs(plain(cols.igo_shared))).toEqual([81, 90, 55, 80, null, null, null]);
    expect(firstOfPairs(plain(cols.igo_shared_rank))).toEqual([
      0.7,
      0.9,
      0.2,
      0.5,
      null,
      null,
      null,
    ]);
  });
});

describe("contiguity family", () => {
  it("takes the closest type in force in any part of the year", () => {
    const m = contiguityByYear(
      [
        { lo: 2, hi: 70, type: 1, from: 1831, to: 1990 },
        { lo: 2, hi: 70, type: 0, from: 1990, to: 2016 },
        { lo: 365, hi: 740, type: 4, from: 1875, to: 2016 },
        { lo: 365, hi: 740, type: 2, from: 1945, to: 1951 },
      ],
      1940,
      2000,
    );
    expect(m.get(directedKey(2, 70, 1990))).toBe(1);
    expect(m.get(directedKey(2, 70, 1991))).toBe(0);
    expect(m.get(directedKey(365, 740, 1944))).toBe(4);
    expect(m.get(directedKey(365, 740, 1948))).toBe(2);
  });

  it("fills types; an unlisted pair of members is 0, a non-member or an uncovered year null", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("contiguity/cow_contdir.csv"), { explicit: true });
    const frame = symmetricFrame([
      [2, 20, 2000],
      [2, 40, 2000],
      [2, 70, 1990],
      [2, 70, 1991],
      [365, 740, 1948],
      [365, 740, 1960],
      [365, 710, 2000],
      [2, 200, 2000],
      [2, 265, 2000],
      [2, 20, 1800],
      [2, 20, 2017],
    ]);
    const cols = await contiguityFamily.compute(store, frame);
    expect(firstOfPairs(plain(cols.contiguity_type))).toEqual([
      1,
      4,
      1,
      0,
      2,
      4,
      1,
      0,
      null,
      null,
      null,
    ]);
  });
});

describe("mid family", () => {
  it("decays dispute history with a five-year half-life", () => {
    const levels = new Map([
      [2009, 4],
      [2012, 4],
    ]);
    expect(decayedHistory(levels, 2009, 2009)).toBeCloseTo(0.8, 12);
    expect(decayedHistory(levels, 2012, 2009)).toBeCloseTo(0.8 * 0.5 ** (3 / 5) + 0.8, 12);
    expect(decayedHistory(levels, 2014, 2009)).toBeCloseTo(0.8 * 0.5 + 0.8 * 0.5 ** 0.4, 12);
    expect(decayedHistory(levels, 2008, 2009)).toBe(0);
  });

  it("aggregates dispute-years per dyad-year within the years covered", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("mid/cow_mid_ddydisps.csv"), { explicit: true });
    const frame = symmetricFrame([
      [365, 710, 2009],
      [365, 710, 2010],
      [365, 710, 2012],
      [2, 365, 2013],
      [2, 365, 2014],
      [2, 20, 2014],
      [2, 265, 2014],
      [2, 365, 2008],
    ]);
    const cols = await midFamily.compute(store, frame);
    const get = (n: string) => firstOfPairs(plain(cols[n]));
    expect(get("mid_onset")).toEqual([1, 0, 1, 0, 1, 0, null, null]);
    expect(get("mid_ongoing")).toEqual([1, 0, 1, 1, 1, 0, null, null]);
    expect(get("mid_disputes")).toEqual([1, 0, 2, 1, 1, 0, null, null]);
    expect(get("mid_hostlev")).toEqual([4, 0, 4, 3, 5, 0, null, null]);
    const h = (x: number) => Number(x.toFixed(6));
    expect(get("mid_history")).toEqual([
      0.8,
      h(0.8 * 0.5 ** 0.2),
      h(0.8 * 0.5 ** 0.6 + 0.8),
      0.6,
      h(0.6 * 0.5 ** 0.2 + 1),
      0,
      null,
      null,
    ]);
    // The fixture covers 2009-2014: no ten-year window is complete.
    expect(get("mid_years_10")).toEqual([null, null, null, null, null, null, null, null]);
  });
});

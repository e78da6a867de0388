import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { frameOf } from "../../src/frames/frame.js";
import { cincFamily, cincRatio } from "../../src/indicators/capabilities.js";
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

const RUS_2014 = 0.039199155;
const CHN_2014 = 0.22896817;

describe("cinc rules (pure)", () => {
  it("divides a by b; null when either is missing or b is 0, never Infinity", () => {
    expect(cincRatio(0.2, 0.1)).toBeCloseTo(2, 12);
    expect(cincRatio(0, 0.1)).toBe(0);
    expect(cincRatio(0.1, 0)).toBeNaN();
    expect(cincRatio(0, 0)).toBeNaN();
    expect(cincRatio(null, 0.1)).toBeNaN();
    expect(cincRatio(0.1, null)).toBeNaN();
    expect(cincRatio(Number.NaN, 0.1)).toBeNaN();
    expect(cincRatio(0.1, Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("declares the documented indicators", () => {
    expect(FAMILIES).toContain(cincFamily.family);
    expect(cincFamily.indicators.map((d) => [d.name, d.unit])).toEqual([
      ["cinc_a", "share of system total"],
      ["cinc_b", "share of system total"],
      ["cinc_ratio", "ratio (unitless)"],
    ]);
    for (const d of cincFamily.indicators) {
      expect(d.source).toMatch(/National Material Capabilities v7\.0/);
      expect(d.citation).toMatch(/Singer/);
    }
  });
});

describe("cinc family on fixtures", () => {
  it("fills a, b and the ratio; nulls for missing, -9 and a zero denominator", async () => {
    const store = await tempStore();
    await load(store, fixture("indicators/cinc/nmc_peacesciencer.csv"));
    const frame = frameOf([
      [365, 710, 2014], // 0
      [710, 365, 2014], // 1
      [365, 2, 2014], // 2: US cinc NA
      [20, 365, 2014], // 3: Canada cinc -9
      [221, 365, 2014], // 4: cinc 0 as numerator
      [365, 221, 2014], // 5: cinc 0 as denominator
      [365, 710, 2015], // 6: no rows
      [365, 365, 2014], // 7: same state: ratio 1
    ]);
    const cols = await cincFamily.compute(store, frame);
    expect(Object.keys(cols)).toEqual(["cinc_a", "cinc_b", "cinc_ratio"]);
    for (const c of Object.values(cols)) expect(c.length).toBe(frame.length);
    expect(plain(cols.cinc_a)).toEqual([
      RUS_2014,
      CHN_2014,
      RUS_2014,
      null,
      0,
      RUS_2014,
      null,
      RUS_2014,
    ]);
    expect(plain(cols.cinc_b)).toEqual([
      CHN_2014,
      RUS_2014,
      null,
      RUS_2014,
      RUS_2014,
      0,
      null,
      RUS_2014,
    ]);
    const r = plain(cols.cinc_ratio);
    expect(r[0]).toBeCloseTo(RUS_2014 / CHN_2014, 12);
    expect(r[1]).toBeCloseTo(CHN_2014 / RUS_2014, 12);
    expect(r.slice(2)).toEqual([null, null, 0, null, null, 1]);
  });

  it("gives the same values without the SQL state filter (frame of > 64 states)", async () => {
    const store = await tempStore();
    await load(store, fixture("indicators/cinc/nmc_peacesciencer.csv"));
    const frame = frameOf([
      [365, 710, 2014],
      ...systemMembers(2014).map((c) => [c, 365, 2014] as const),
    ]);
    const cols = await cincFamily.compute(store, frame);
    expect(plain(cols.cinc_a)[0]).toBe(RUS_2014);
    expect(plain(cols.cinc_b)[0]).toBe(CHN_2014);
    // Only 365, 710 and 221 have a CINC in the fixture.
    expect(plain(cols.cinc_a).filter((v) => v !== null)).toHaveLength(4);
  });
});

describe.skipIf(!hasData)("cinc on the real file", () => {
  const NMC = dataFile("capabilities_nmc/cow_nmc_v7.0_abridged_peacesciencer.csv");

  it("Russia and China 2014 as written in the CSV", async () => {
    // Independent reading: the cinc column of the two lines.
    const lines = readFileSync(NMC, "utf8").split("\n");
    const header = (lines[0] ?? "").replaceAll('"', "").split(",");
    const ci = header.indexOf("cinc");
    const cinc = (c: number, y: number) =>
      Number(
        lines
          .find((l) => l.startsWith(`${c},${y},`))
          ?.trim()
          .split(",")[ci],
      );
    expect(cinc(365, 2014)).toBe(RUS_2014);
    expect(cinc(710, 2014)).toBe(CHN_2014);

    const store = await tempStore();
    await load(store, NMC);
    const frame = frameOf([
      [365, 710, 2014],
      [710, 365, 2014],
      [365, 710, 2023],
      [710, 365, 1859], // China enters NMC in 1860
    ]);
    const cols = await cincFamily.compute(store, frame);
    expect(plain(cols.cinc_a)).toEqual([RUS_2014, CHN_2014, null, null]);
    expect(plain(cols.cinc_b)).toEqual([CHN_2014, RUS_2014, null, cinc(365, 1859)]);
    const r = plain(cols.cinc_ratio);
    expect(r[0]).toBeCloseTo(0.1712, 4);
    expect(r[0]).toBe(RUS_2014 / CHN_2014);
    expect(r[1]).toBe(CHN_2014 / RUS_2014);
    expect(r.slice(2)).toEqual([null, null]);
  }, 120_000);
});

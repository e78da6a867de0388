import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { median, pearson, tradeOverlap } from "../../src/indicators/trade-overlap.js";
import { ingest } from "../../src/ingest/index.js";
import { tempDir, tempStore } from "../helpers.js";

describe("COW–IMTS overlap report", () => {
  it("pearson and median", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("compares the totals per dyad where both sources have them", async () => {
    const dir = tempDir();
    const cow = join(dir, "dyadic.csv");
    writeFileSync(
      cow,
      [
        "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2",
        "365,710,2011,50000,30000,50000,30000",
        "365,710,2012,52000,36000,52000,36000",
        "365,710,2013,53348,40668,53348,40668",
        "365,710,2014,51135,42807,51135,42807",
        "2,710,2013,440000,120000,440000,120000",
        "2,365,2013,-9,10000,-9,10000",
        "",
      ].join("\n"),
    );
    const imts = join(dir, "imts.csv");
    const row = (r: string, ind: string, c: string, y: number, v: number) =>
      `dataflow,IMF.STA:IMTS(1.0.0),I,${r},${ind},${c},A,${y},${v},6`;
    writeFileSync(
      imts,
      [
        "STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,UNIT_MULT",
        row("RUS", "MG_CIF_USD", "CHN", 2011, 48000),
        row("CHN", "MG_CIF_USD", "RUS", 2011, 31000),
        row("RUS", "MG_CIF_USD", "CHN", 2012, 51000),
        row("CHN", "MG_CIF_USD", "RUS", 2012, 37000),
        row("RUS", "MG_CIF_USD", "CHN", 2013, 53173),
        row("CHN", "MG_CIF_USD", "RUS", 2013, 39618),
        // 2014: China's report of its imports is missing; Russia's exports stand in.
        row("RUS", "MG_CIF_USD", "CHN", 2014, 50900),
        row("RUS", "XG_FOB_USD", "CHN", 2014, 41600),
        row("USA", "MG_CIF_USD", "CHN", 2013, 459000),
        row("CHN", "MG_CIF_USD", "USA", 2013, 153000),
        "",
      ].join("\n"),
    );
    const store = await tempStore();
    expect((await ingest(store, [cow, imts])).ok).toBe(true);
    const r = await tradeOverlap(store, { from: 1995, to: 2014 });
    const cowT = [80000, 88000, 94016, 93942];
    const imtsT = [79000, 88000, 92791, 92500];
    const absRatios = cowT.map((c, i) => Math.abs(Math.log((imtsT[i] as number) / c)));
    expect(r.dyads).toEqual([
      {
        ccode1: 2,
        ccode2: 710,
        n: 1,
        logCorrelation: null,
        medianAbsLogRatio: expect.closeTo(Math.abs(Math.log(612000 / 560000)), 12),
      },
      {
        ccode1: 365,
        ccode2: 710,
        n: 4,
        logCorrelation: expect.any(Number),
        // sorted: 0, 0.0126, 0.0131, 0.0155 → the mean of the middle two
        medianAbsLogRatio: expect.closeTo(
          ((absRatios[0] as number) + (absRatios[2] as number)) / 2,
          12,
        ),
      },
    ]);
    const rc = r.dyads[1]?.logCorrelation as number;
    expect(rc).toBeCloseTo(pearson(cowT.map(Math.log), imtsT.map(Math.log)) as number, 12);
    expect(rc).toBeGreaterThan(0.99);
    expect(r.dyadYears).toBe(5);
    // Within 10 %: the four Russia–China years; USA–China differs by 8.9 % (|ln| 0.0886).
    expect(r.shareWithin10Percent).toBe(1);
    expect(r.medianAbsLogRatio).toBeCloseTo(
      (Math.abs(Math.log(612000 / 560000)) + (r.dyads[1]?.medianAbsLogRatio as number)) / 2,
      12,
    );
  });

  it("says nothing when no IMTS data are loaded", async () => {
    const store = await tempStore();
    const r = await tradeOverlap(store);
    expect(r).toEqual({
      from: 1995,
      to: 2014,
      dyads: [],
      dyadYears: 0,
      medianAbsLogRatio: null,
      medianLogCorrelation: null,
      shareWithin10Percent: null,
    });
  });
});

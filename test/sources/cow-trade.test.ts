import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("cow-trade-dyadic", () => {
  it("loads the fixture: -9 is null, bad lines rejected with reasons, repeats counted", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_trade/dyadic.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "cow-trade-dyadic",
      lines_read: 5,
      rows_loaded: 2,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 4, reason: 'flow1: "abc" is not a number' },
      { line: 5, reason: "expected 7 fields, found 5" },
    ]);
    const rows = await store.query(
      "SELECT ccode1, ccode2, year, flow1, flow2, smoothflow1, smoothflow2, line FROM trade_dyadic ORDER BY year",
    );
    expect(rows).toEqual([
      {
        ccode1: 2,
        ccode2: 365,
        year: 1992,
        flow1: null,
        flow2: 2100.5,
        smoothflow1: null,
        smoothflow2: 2101,
        line: 2,
      },
      {
        ccode1: 365,
        ccode2: 710,
        year: 2014,
        flow1: 51135,
        flow2: 42807,
        smoothflow1: 51135,
        smoothflow2: 42807,
        line: 3,
      },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads every row of the peacesciencer subset", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("trade_cow/cow_trade_4.0_ndy_rus_chn_partners_peacesciencer.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({
        status: "loaded",
        lines_read: 20238,
        rows_loaded: 20238,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      const [rc] = await store.query(
        "SELECT flow1, flow2 FROM trade_dyadic WHERE ccode1 = 365 AND ccode2 = 710 AND year = 2014",
      );
      expect(rc).toEqual({ flow1: 51135, flow2: 42807 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

describe("cow-trade-national", () => {
  it("loads national totals with -9 as null", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_trade/national.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "cow-trade-national",
      rows_loaded: 3,
      rows_rejected: 0,
    });
    const rows = await store.query(
      "SELECT ccode, year, imports, exports FROM trade_national ORDER BY ccode",
    );
    expect(rows[0]).toEqual({ ccode: 2, year: 1870, imports: null, exports: 418 });
  });
});

import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { imtsPeriod, scalePower } from "../../src/sources/imf-imts.js";
import { fixture, tempStore } from "../helpers.js";

describe("imf-imts (IMF IMTS, SDMX-CSV)", () => {
  it("reads periods and scales", () => {
    expect(imtsPeriod("2016")).toEqual({ year: 2016, month: null });
    expect(imtsPeriod("2016-M03")).toEqual({ year: 2016, month: 3 });
    expect(imtsPeriod("2016-03")).toEqual({ year: 2016, month: 3 });
    expect(imtsPeriod("2016-Q2")).toEqual({ year: 2016, month: null });
    expect(() => imtsPeriod("2016-M13")).toThrow(/no month 13/);
    expect(() => imtsPeriod("16")).toThrow(/not a year, month or quarter/);
    expect([null, "", "Units", "Millions", "thousands", "9", "6"].map(scalePower)).toEqual([
      0, 0, 0, 6, 3, 9, 6,
    ]);
    expect(() => scalePower("Dozens")).toThrow(/SCALE "Dozens"/);
  });

  it("loads annual US$ values as million US$, the world without a state, NaN as null", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("imf_imts/imts_rus_chn_A.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "imf-imts",
      lines_read: 32,
      rows_loaded: 32,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(r.unresolved).toBeUndefined();
    const rows = await store.query(
      `SELECT reporter, reporter_ccode, counterpart, counterpart_ccode, indicator, flow, frequency,
              period, year, month, value, scale, value_musd
       FROM trade_imts WHERE year = 2016 AND reporter = 'RUS' ORDER BY indicator, counterpart`,
    );
    expect(rows).toEqual([
      {
        reporter: "RUS",
        reporter_ccode: 365,
        counterpart: "CHN",
        counterpart_ccode: 710,
        indicator: "MG_CIF_USD",
        flow: "imports",
        frequency: "A",
        period: "2016",
        year: 2016,
        month: null,
        value: null,
        scale: "Units",
        value_musd: null,
      },
      expect.objectContaining({ counterpart: "G001", counterpart_ccode: null, value_musd: 191000 }),
      expect.objectContaining({ counterpart: "CHN", flow: "exports", value_musd: 28000 }),
      expect.objectContaining({ counterpart: "G001", flow: "exports", value_musd: 282000 }),
    ]);
  });

  it("monthly periods in millions; a non-state partner is listed; a bad month is a reject", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("imf_imts/imts_rus_chn_M.csv"), { explicit: true });
    expect(r).toMatchObject({ lines_read: 5, rows_loaded: 4, rows_rejected: 1 });
    expect(r.rejects).toEqual([{ line: 6, reason: 'TIME_PERIOD "2016-M13" has no month 13' }]);
    expect(r.unresolved).toEqual([{ name: "G998", rows: 1 }]);
    expect(
      await store.query(
        "SELECT period, month, value_musd FROM trade_imts WHERE reporter = 'RUS' ORDER BY period",
      ),
    ).toEqual([
      { period: "2016-M01", month: 1, value_musd: 2891.5 },
      { period: "2016-M02", month: 2, value_musd: 2402.25 },
      { period: "2016-M03", month: 3, value_musd: 2950 },
    ]);
  });

  it("says that a query matched nothing", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("imf_imts/imts_empty.csv"), { explicit: true });
    expect(r).toMatchObject({ status: "loaded", lines_read: 1, rows_loaded: 0, rows_rejected: 1 });
    expect(r.rejects?.[0]?.reason).toMatch(/^no observation: an empty answer row/);
  });
});

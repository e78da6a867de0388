import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const REAL = "sipri_arms/sipri_trade_register_2000-2023_generated2025-01-03.csv";

describe("sipri-arms", () => {
  it("loads the fixture after its preamble: flags, non-state actors, rejects, duplicate", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("sipri_arms/register.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "sipri-arms",
      lines_read: 11,
      rows_loaded: 7,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 15, reason: 'TIV delivery values: "abc" is not a number' },
      { line: 16, reason: 'Order date is estimate: "Maybe" is not Yes or No' },
      { line: 18, reason: "expected 17 fields, found 15" },
    ]);
    expect(r.unresolved).toEqual([
      { name: "Hezbollah (Lebanon)*", rows: 1 },
      { name: "NATO**", rows: 1 },
      { name: "Syria rebels*", rows: 1 },
      { name: "unknown supplier(s)", rows: 1 },
    ]);
    const rows = await store.query("SELECT * EXCLUDE (file_id) FROM arms_transfers ORDER BY line");
    expect(rows[0]).toEqual({
      deal_id: 90001,
      supplier: "Russia",
      supplier_ccode: 365,
      recipient: "China",
      recipient_ccode: 710,
      designation: "Su-30MKK",
      description: "FGA aircraft",
      category: "Aircraft",
      order_year: 1999,
      order_year_estimate: true,
      numbers_delivered: 10,
      numbers_delivered_estimate: false,
      delivery_year: 2001,
      delivery_year_estimate: false,
      status: "New",
      sipri_estimate: 35,
      tiv_unit: 35,
      tiv_delivered: 350,
      local_production: false,
      line: 8,
    });
    const brief = await store.query(
      `SELECT deal_id, supplier, supplier_ccode, recipient, recipient_ccode, designation, delivery_year,
              numbers_delivered_estimate, delivery_year_estimate, status, sipri_estimate, tiv_unit,
              tiv_delivered, local_production, line
       FROM arms_transfers WHERE line > 8 ORDER BY line`,
    );
    const d = {
      numbers_delivered_estimate: true,
      delivery_year_estimate: true,
      local_production: false,
    };
    expect(brief).toEqual([
      {
        deal_id: 90001,
        supplier: "Russia",
        supplier_ccode: 365,
        recipient: "China",
        recipient_ccode: 710,
        designation: "Su-30MKK",
        delivery_year: 2002,
        ...d,
        status: "New",
        sipri_estimate: 35,
        tiv_unit: 35,
        tiv_delivered: 280,
        line: 9,
      },
      {
        deal_id: 90002,
        supplier: "United Kingdom",
        supplier_ccode: 200,
        recipient: "Afghanistan",
        recipient_ccode: 700,
        designation: "Mi-17",
        delivery_year: 2010,
        ...d,
        numbers_delivered_estimate: false,
        delivery_year_estimate: false,
        status: "Second hand",
        sipri_estimate: 7.25,
        tiv_unit: 2.9,
        tiv_delivered: 5.8,
        line: 10,
      },
      {
        deal_id: 90003,
        supplier: "Iran",
        supplier_ccode: 630,
        recipient: "Hezbollah (Lebanon)*",
        recipient_ccode: null,
        designation: "Fajr-3, 240mm",
        delivery_year: 2005,
        ...d,
        status: "New",
        sipri_estimate: 0.4,
        tiv_unit: 0.4,
        tiv_delivered: 8,
        line: 11,
      },
      {
        deal_id: 90004,
        supplier: "United States",
        supplier_ccode: 2,
        recipient: "NATO**",
        recipient_ccode: null,
        designation: "E-3A",
        delivery_year: 2001,
        ...d,
        numbers_delivered_estimate: false,
        delivery_year_estimate: false,
        status: "New",
        sipri_estimate: 150,
        tiv_unit: 150,
        tiv_delivered: 150,
        line: 12,
      },
      {
        deal_id: 90005,
        supplier: "unknown supplier(s)",
        supplier_ccode: null,
        recipient: "Syria rebels*",
        recipient_ccode: null,
        designation: "Konkurs",
        delivery_year: 2013,
        ...d,
        status: "New",
        sipri_estimate: 0.01,
        tiv_unit: 0.01,
        tiv_delivered: 0,
        line: 13,
      },
      {
        deal_id: 90006,
        supplier: "United Kingdom",
        supplier_ccode: 200,
        recipient: "Philippines",
        recipient_ccode: 840,
        designation: "AW-159",
        delivery_year: 2019,
        numbers_delivered_estimate: null,
        delivery_year_estimate: null,
        local_production: true,
        status: "New",
        sipri_estimate: 14,
        tiv_unit: 14,
        tiv_delivered: 28,
        line: 14,
      },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads all 20,480 deal x delivery-year rows; Russia -> China matches SOURCE.md", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile(REAL), { explicit: true });
      expect(r).toMatchObject({
        status: "loaded",
        source: "sipri-arms",
        lines_read: 20480,
        rows_loaded: 20480,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      // (deal_id, delivery_year) is unique in the real file: no duplicates above.
      const [keys] = await store.query(
        "SELECT count(DISTINCT deal_id) AS deals, count(DISTINCT (deal_id, delivery_year)) AS keys FROM arms_transfers",
      );
      expect(keys).toEqual({ deals: 10396, keys: 20480 });
      const [rc] = await store.query<{ n: number; tiv: number; lo: number; hi: number }>(
        "SELECT count(*) AS n, sum(tiv_delivered) AS tiv, min(delivery_year) AS lo, max(delivery_year) AS hi FROM arms_transfers WHERE supplier_ccode = 365 AND recipient_ccode = 710",
      );
      expect(rc?.n).toBe(290);
      expect(rc?.tiv).toBeCloseTo(32383.9, 6);
      expect([rc?.lo, rc?.hi]).toEqual([2000, 2023]);
      const [cr] = await store.query(
        "SELECT count(*) AS n FROM arms_transfers WHERE supplier_ccode = 710 AND recipient_ccode = 365",
      );
      expect(cr).toEqual({ n: 5 });
      const [first] = await store.query(
        "SELECT * EXCLUDE (file_id) FROM arms_transfers WHERE line = 13",
      );
      expect(first).toEqual({
        deal_id: 60320,
        supplier: "Brazil",
        supplier_ccode: 140,
        recipient: "Afghanistan",
        recipient_ccode: 700,
        designation: "EMB-314 -",
        description: "trainer/combat aircraft",
        category: "Aircraft",
        order_year: 2017,
        order_year_estimate: false,
        numbers_delivered: 6,
        numbers_delivered_estimate: true,
        delivery_year: 2018,
        delivery_year_estimate: false,
        status: "New",
        sipri_estimate: 4.5,
        tiv_unit: 4.5,
        tiv_delivered: 27,
        local_production: false,
        line: 13,
      });
      // Every state name resolves; only non-states, "unknown …", Palestine, Libya GNC and
      // Western Sahara stay without a code.
      expect(r.unresolved?.map((u) => u.name).sort()).toEqual(
        [
          "African Union**",
          "Darfur rebels (Sudan)*",
          "European Union**",
          "Hamas (Palestine)*",
          "Hezbollah (Lebanon)*",
          "Houthi rebels (Yemen)*",
          "Kurdistan Regional Government (Iraq)*",
          "LRA (Uganda)*",
          "LTTE (Sri Lanka)*",
          "Libya GNC",
          "Libya HoR*",
          "NATO**",
          "NLA (Macedonia)*",
          "NTC (Libya)*",
          "Northern Alliance (Afghanistan)*",
          "OSCE**",
          "PIJ (Israel/Palestine)*",
          "PKK (Turkiye)*",
          "PRC (Israel/Palestine)*",
          "Palestine",
          "Syria rebels*",
          "UIC (Somalia)*",
          "Ukraine Rebels*",
          "United Nations**",
          "United Wa State (Myanmar)*",
          "Western Sahara",
          "unknown rebel group*",
          "unknown recipient(s)",
          "unknown supplier(s)",
        ].sort(),
      );
      expect(r.unresolved?.slice(0, 2)).toEqual([
        { name: "unknown supplier(s)", rows: 141 },
        { name: "unknown recipient(s)", rows: 60 },
      ]);
      const [nulls] = await store.query(
        "SELECT count(*) FILTER (WHERE supplier_ccode IS NULL) AS s, count(*) FILTER (WHERE recipient_ccode IS NULL) AS r FROM arms_transfers",
      );
      expect(nulls).toEqual({ s: 145, r: 227 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

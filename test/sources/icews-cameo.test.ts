import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { parseQuadCategory } from "../../src/sources/icews-cameo.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("icews-cameo-codes", () => {
  it("reads quad_category text, keeps <xx> escapes, rejects unknown categories", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/icews_cameo_codes.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "icews-cameo-codes",
      lines_read: 11,
      rows_loaded: 7,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      {
        line: 9,
        reason:
          'quad_category: "cooperation" is not a quad category (verbal/material cooperation/conflict)',
      },
      { line: 10, reason: 'cameo_code: "1" is not a CAMEO event code (2 to 4 digits)' },
      { line: 12, reason: "expected 11 fields, found 5" },
    ]);
    const rows = await store.query(
      "SELECT scheme, code, description, quad_class, line FROM cameo_eventcodes ORDER BY line",
    );
    expect(rows).toEqual([
      { scheme: "icews", code: "01", description: "MAKE PUBLIC STATEMENT", quad_class: 1, line: 2 },
      { scheme: "icews", code: "010", description: "Make statement", quad_class: 1, line: 3 },
      {
        scheme: "icews",
        code: "0874",
        description: "Retreat or surrender militarily",
        quad_class: 2,
        line: 4,
      },
      {
        scheme: "icews",
        code: "1213",
        description: "Criticize Moscow<82><c4><f4>s plan",
        quad_class: 3,
        line: 5,
      },
      {
        scheme: "icews",
        code: "190",
        description: "Use conventional military force",
        quad_class: 4,
        line: 6,
      },
      {
        scheme: "icews",
        code: "020",
        description: "Make an appeal or request",
        quad_class: null,
        line: 7,
      },
      { scheme: "icews", code: "10", description: "DEMAND", quad_class: 3, line: 8 },
    ]);
  });

  it("a GDELT and an ICEWS table of the same code do not collide", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("cameo_lookups/gdelt_eventcodes.tsv"), { explicit: true });
    const r = await loadFile(store, fixture("cameo_lookups/icews_cameo_codes.csv"), {
      explicit: true,
    });
    expect(r.rows_loaded).toBe(7);
    const rows = await store.query(
      "SELECT scheme, description FROM cameo_eventcodes WHERE code = '010' ORDER BY scheme",
    );
    expect(rows).toEqual([
      { scheme: "gdelt", description: "Make statement, not specified below" },
      { scheme: "icews", description: "Make statement" },
    ]);
  });
});

describe("icews-goldstein", () => {
  it("loads values, NA as null, rejects values off the scale", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/icews_goldstein.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "icews-goldstein",
      lines_read: 7,
      rows_loaded: 5,
      rows_rejected: 1,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 7, reason: "goldstein: -12 is outside the Goldstein scale (-10 to +10)" },
    ]);
    const rows = await store.query(
      "SELECT scheme, code, goldstein, line FROM cameo_goldstein ORDER BY line",
    );
    expect(rows).toEqual([
      { scheme: "icews", code: "01", goldstein: 0, line: 2 },
      { scheme: "icews", code: "016", goldstein: -5, line: 3 },
      { scheme: "icews", code: "022", goldstein: 3.4, line: 4 },
      { scheme: "icews", code: "0233", goldstein: null, line: 5 },
      { scheme: "icews", code: "204", goldstein: -10, line: 6 },
    ]);
  });
});

describe("parseQuadCategory", () => {
  it("maps the four categories, case and spacing aside", () => {
    expect(parseQuadCategory("verbal cooperation", "q")).toBe(1);
    expect(parseQuadCategory("Material  Cooperation", "q")).toBe(2);
    expect(parseQuadCategory("verbal conflict", "q")).toBe(3);
    expect(parseQuadCategory("material conflict", "q")).toBe(4);
    expect(parseQuadCategory("NA", "q")).toBeNull();
    expect(() => parseQuadCategory("statement", "q")).toThrow(
      'q: "statement" is not a quad category',
    );
  });
});

describe.skipIf(!hasData)("ICEWS CAMEO tables: real files", () => {
  it("ICEWS event codes: 312 codes, quad_class from quad_category", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cameo_lookups/icews_cameo_codes_andybega.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "icews-cameo-codes",
      lines_read: 312,
      rows_loaded: 312,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    const q = await store.query(
      "SELECT quad_class, count(*)::INT AS n FROM cameo_eventcodes GROUP BY quad_class ORDER BY quad_class",
    );
    expect(q).toEqual([
      { quad_class: 1, n: 85 },
      { quad_class: 2, n: 39 },
      { quad_class: 3, n: 98 },
      { quad_class: 4, n: 90 },
    ]);
    const some = await store.query(
      "SELECT code, description, quad_class FROM cameo_eventcodes WHERE code IN ('101', '1213') ORDER BY code",
    );
    expect(some).toEqual([
      { code: "101", description: "Demand material cooperation", quad_class: 3 },
      { code: "1213", description: "Reject judicial cooperation", quad_class: 3 },
    ]);
  });

  it("ICEWS Goldstein mappings: 312 values; both schemes side by side", async () => {
    const store = await tempStore();
    const r = await loadFile(
      store,
      dataFile("cameo_lookups/icews_goldstein_mappings_andybega.csv"),
      {
        explicit: true,
      },
    );
    expect(r).toMatchObject({
      source: "icews-goldstein",
      lines_read: 312,
      rows_loaded: 312,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    await loadFile(store, dataFile("cameo_lookups/CAMEO.goldsteinscale.txt"), { explicit: true });
    const diff = await store.query(
      `SELECT g.code, g.goldstein AS gdelt, i.goldstein AS icews
       FROM cameo_goldstein g JOIN cameo_goldstein i ON g.code = i.code
       WHERE g.scheme = 'gdelt' AND i.scheme = 'icews' AND g.goldstein <> i.goldstein ORDER BY g.code`,
    );
    expect(diff).toEqual([
      { code: "016", gdelt: -2, icews: -5 },
      { code: "022", gdelt: 3.2, icews: 3.4 },
      { code: "164", gdelt: -7, icews: -6.5 },
      { code: "165", gdelt: -6.5, icews: -7 },
    ]);
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});

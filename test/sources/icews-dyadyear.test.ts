import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { notYetSupported } from "../../src/sources/not-yet.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const REAL = "icews_events/netify_icews_dyadyear_quad_rus_chn.csv";
const COLS =
  "ccode1, ccode2, year, source_name, target_name, verbal_coop, material_coop, verbal_conflict, material_conflict, line";

describe("icews-dyadyear", () => {
  it("loads the fixture: NA/empty counts null, ISO fallback, unresolved kept, rejects and a duplicate", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("icews-dyadyear/netify_icews.csv"), {
      explicit: false,
    });
    expect(r).toMatchObject({
      status: "loaded",
      source: "icews-dyadyear",
      lines_read: 12,
      rows_read: 12,
      rows_loaded: 8,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 11, reason: 'verbCoop: "12a" is not a number' },
      {
        line: 12,
        reason: 'j "Mongolia" is COW 712 by name but j_iso3c "CHN" is COW 710 in 2002',
      },
      { line: 13, reason: "matlConf: -1 is not a count (negative)" },
    ]);
    expect(r.unresolved).toEqual([{ name: "Hong Kong", rows: 1 }]);
    const rows = await store.query(`SELECT ${COLS} FROM icews_dyad_year ORDER BY line`);
    const rc = { source_name: "Russian Federation", target_name: "China" };
    const cr = { source_name: "China", target_name: "Russian Federation" };
    expect(rows).toEqual([
      // Line 2 is the real Russia -> China 2002 row; line 10 repeats its key and is dropped.
      {
        ccode1: 365,
        ccode2: 710,
        year: 2002,
        ...rc,
        verbal_coop: 2677,
        material_coop: 32,
        verbal_conflict: 13,
        material_conflict: 10,
        line: 2,
      },
      {
        ccode1: 710,
        ccode2: 365,
        year: 2002,
        ...cr,
        verbal_coop: 2286,
        material_coop: 25,
        verbal_conflict: 21,
        material_conflict: 11,
        line: 3,
      },
      {
        ccode1: 365,
        ccode2: 710,
        year: 2003,
        ...rc,
        verbal_coop: 900,
        material_coop: 15,
        verbal_conflict: null,
        material_conflict: 4,
        line: 4,
      },
      {
        ccode1: 710,
        ccode2: 365,
        year: 2003,
        ...cr,
        verbal_coop: 800,
        material_coop: 10,
        verbal_conflict: 3,
        material_conflict: 2,
        line: 5,
      },
      {
        ccode1: 710,
        ccode2: 365,
        year: 2004,
        ...cr,
        verbal_coop: 300,
        material_coop: 5,
        verbal_conflict: 2,
        material_conflict: 1,
        line: 6,
      },
      {
        ccode1: 712,
        ccode2: 365,
        year: 2004,
        source_name: "Mongolia",
        target_name: "Russian Federation",
        verbal_coop: 0,
        material_coop: 0,
        verbal_conflict: 0,
        material_conflict: 0,
        line: 7,
      },
      {
        ccode1: null,
        ccode2: 710,
        year: 2002,
        source_name: "Hong Kong",
        target_name: "China",
        verbal_coop: 40,
        material_coop: 1,
        verbal_conflict: 0,
        material_conflict: null,
        line: 8,
      },
      {
        ccode1: 490,
        ccode2: 710,
        year: 2002,
        source_name: "Congo, The Democratic Republic Of",
        target_name: "China",
        verbal_coop: 7,
        material_coop: 0,
        verbal_conflict: 1,
        material_conflict: 0,
        line: 9,
      },
    ]);
  });

  it("reads write.csv's unnamed row-name column and resolves by name only without ISO columns", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("icews-dyadyear/rownames.csv"), { explicit: false });
    expect(r).toMatchObject({
      status: "loaded",
      source: "icews-dyadyear",
      lines_read: 3,
      rows_loaded: 3,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    // Without j_iso3c/i_iso3c there is no fallback: the DR Congo name stays unresolved.
    expect(r.unresolved).toEqual([{ name: "Congo, The Democratic Republic Of", rows: 1 }]);
    const rows = await store.query(
      "SELECT ccode1, ccode2, year, verbal_coop, material_coop, verbal_conflict, material_conflict, line FROM icews_dyad_year ORDER BY line",
    );
    expect(rows).toEqual([
      {
        ccode1: 365,
        ccode2: 710,
        year: 2010,
        verbal_coop: 100,
        material_coop: null,
        verbal_conflict: 2,
        material_conflict: 3,
        line: 2,
      },
      {
        ccode1: null,
        ccode2: 365,
        year: 2010,
        verbal_coop: 1,
        material_coop: 0,
        verbal_conflict: 0,
        material_conflict: 0,
        line: 3,
      },
      {
        ccode1: 710,
        ccode2: 365,
        year: 2010,
        verbal_coop: 50,
        material_coop: 4,
        verbal_conflict: 1,
        material_conflict: 0,
        line: 4,
      },
    ]);
  });

  it("is no longer listed as not yet supported", () => {
    const header =
      '"i","j","year","id","verbCoop","matlCoop","verbConf","matlConf","i_year","j_year"';
    expect(notYetSupported([header])).toBeNull();
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads every line of the RUS/CHN subset; Russia -> China 2002 matches SOURCE.md", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile(REAL), { explicit: false });
      expect(r).toMatchObject({
        status: "loaded",
        source: "icews-dyadyear",
        lines_read: 7826,
        rows_loaded: 7826,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      // Every name resolves: "Congo, The Democratic Republic Of" only through j_iso3c/i_iso3c.
      expect(r.unresolved).toBeUndefined();
      const [rc] = await store.query(
        `SELECT ${COLS} FROM icews_dyad_year WHERE ccode1 = 365 AND ccode2 = 710 AND year = 2002`,
      );
      expect(rc).toEqual({
        ccode1: 365,
        ccode2: 710,
        year: 2002,
        source_name: "Russian Federation",
        target_name: "China",
        verbal_coop: 2677,
        material_coop: 32,
        verbal_conflict: 13,
        material_conflict: 10,
        line: expect.any(Number),
      });
      const [summary] = await store.query(
        `SELECT count(*) AS n, min(year) AS lo, max(year) AS hi,
           count(*) FILTER (WHERE ccode1 IS NULL OR ccode2 IS NULL) AS unresolved,
           count(*) FILTER (WHERE ccode1 = 490 OR ccode2 = 490) AS drc,
           count(*) FILTER (WHERE verbal_coop IS NULL OR material_coop IS NULL
             OR verbal_conflict IS NULL OR material_conflict IS NULL) AS na
         FROM icews_dyad_year`,
      );
      expect(summary).toMatchObject({ n: 7826, lo: 2002, hi: 2014, unresolved: 0, na: 0 });
      expect(Number((summary as { drc: number }).drc)).toBeGreaterThan(0);
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

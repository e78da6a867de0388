import { describe, expect, it } from "vitest";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";

describe("DuckDB rows as plain JS values", () => {
  it("reads each column type as toJs gives it, null lists apart from empty ones", async () => {
    const store = await DuckDbStore.open(":memory:");
    try {
      const [r] = await store.query(
        `SELECT 7::INTEGER AS i, NULL::INTEGER AS ni, 2.5::DOUBLE AS d, 1.5::FLOAT AS f,
           3::TINYINT AS t, true AS bo, 'é'::VARCHAR AS s, NULL::VARCHAR AS ns,
           12::BIGINT AS b, 9007199254740993::BIGINT AS huge, NULL::BIGINT AS nb,
           DATE '2020-01-02' AS day, TIMESTAMP '2020-01-02 03:04:05' AS ts, 1.25::DECIMAL(4,2) AS dec,
           [1, NULL, 3]::INTEGER[] AS l, []::INTEGER[] AS el, NULL::INTEGER[] AS nl,
           ['a', NULL] AS sl, [[1], [2, 3]] AS ll, [5::BIGINT] AS bl, {'x': 1} AS st`,
      );
      expect(r).toStrictEqual({
        i: 7,
        ni: null,
        d: 2.5,
        f: 1.5,
        t: 3,
        bo: true,
        s: "é",
        ns: null,
        b: 12,
        huge: 9007199254740993n,
        nb: null,
        day: "2020-01-02",
        ts: "2020-01-02",
        dec: 1.25,
        l: [1, null, 3],
        el: [],
        nl: null,
        sl: ["a", null],
        ll: [[1], [2, 3]],
        bl: [5],
        st: { x: 1 },
      });
    } finally {
      await store.close();
    }
  });

  it("reads every row of a result longer than one chunk, lists in each", async () => {
    const store = await DuckDbStore.open(":memory:");
    try {
      const rows = await store.query<{ i: number; l: number[] | null }>(
        "SELECT i::INTEGER AS i, CASE WHEN i % 3 = 0 THEN NULL ELSE [i, i + 1]::INTEGER[] END AS l FROM range(0, 5000) t(i) ORDER BY i",
      );
      expect(rows).toHaveLength(5000);
      expect(rows[4999]).toStrictEqual({ i: 4999, l: [4999, 5000] });
      expect(rows[3000]).toStrictEqual({ i: 3000, l: null });
      expect(rows.filter((r) => r.l === null)).toHaveLength(1667);
    } finally {
      await store.close();
    }
  });
});

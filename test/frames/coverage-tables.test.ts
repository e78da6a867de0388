/**
 * data/indicators/coverage-tables.csv is what the sources give by the rule of `coverageTables`:
 * a table counts when every dataset that writes it feeds an indicator and its rows have a year.
 * Derived here from ALL_SOURCES and the indicators' datasets, as the CLI once did at every start.
 */
import { describe, expect, it } from "vitest";
import { COVERAGE_FILE, coverageTables } from "../../src/frames/coverage.js";
import { INDICATORS } from "../../src/indicators/registry.js";
import { ALL_SOURCES, type AnySource } from "../../src/sources/index.js";
import { CLICKHOUSE_DIALECT } from "../../src/store/clickhouse/dialect.js";
import { DUCKDB_DIALECT } from "../../src/store/duckdb/dialect.js";
import { quoteIdent } from "../../src/store/sql.js";

const tableOf = (s: AnySource): string => (s.kind === "tabular" ? s.source.table : s.layout.table);

/** The file's rows as the sources give them: table, kind, year. */
function derivedRows(): string[][] {
  const fed = new Set(INDICATORS.flatMap((d) => d.datasets ?? []));
  const byTable = new Map<string, AnySource[]>();
  for (const s of ALL_SOURCES) byTable.set(tableOf(s), [...(byTable.get(tableOf(s)) ?? []), s]);
  const out: string[][] = [];
  for (const [table, sources] of byTable) {
    if (!sources.every((s) => fed.has(s.name))) continue;
    const s = sources[0] as AnySource;
    if (s.kind === "events") out.push([table, "events", ""]);
    else if (s.source.yearSql) out.push([table, "sql", s.source.yearSql]);
    else if (s.source.yearColumn) out.push([table, "column", s.source.yearColumn]);
  }
  return out;
}

describe(COVERAGE_FILE, () => {
  it("lists the tables the sources and the indicators' datasets give, in their order", () => {
    const rows = derivedRows();
    const csv = (r: string[]) => r.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
    // On a difference, the expected file is in the message: write it to the file.
    expect(
      coverageTables().map((t) => t.table),
      `data/${COVERAGE_FILE} should be:\ntable,kind,year\n${rows.map(csv).join("\n")}\n`,
    ).toEqual(rows.map((r) => r[0]));
    for (const sql of [DUCKDB_DIALECT, CLICKHOUSE_DIALECT]) {
      const spans = coverageTables().map((t) => t.span(sql));
      const expected = rows.map(([table, kind, year]) => {
        if (kind === "events") {
          return {
            lo: sql.year("min(day)"),
            hi: sql.year("max(day)"),
            from: `event_volume WHERE table_name = ${sql.literal(table as string)}`,
          };
        }
        const y = kind === "column" ? quoteIdent(year as string) : year;
        return { lo: `min(${y})`, hi: `max(${y})`, from: table };
      });
      expect(spans).toEqual(expected);
    }
  });

  it("includes the tables the hand-kept list once missed (IGO, MID, national trade)", () => {
    const names = coverageTables().map((t) => t.table);
    for (const t of ["igo_dyad_year", "mid_dyad_year", "trade_national", "un_votes"]) {
      expect(names).toContain(t);
    }
  });
});

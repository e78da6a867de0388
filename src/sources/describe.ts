import type { SqlDialect } from "../store/dialect.js";
import { TABLES, type TableName } from "../store/schema.js";
import { intList, quoteIdent } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { EVENT_LAYOUTS } from "./events/layouts.js";
import { SOURCES } from "./index.js";

export interface SourceDescription {
  name: string;
  title: string;
  version: string;
  citation: string;
  homepage: string;
  license: string;
  loaded: { files: number; rows: number; from: number | null; to: number | null };
}

interface Described {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly citation: string;
  readonly homepage: string;
  readonly license: string;
  readonly table: TableName;
  /** SQL of the year of a row in the store's dialect, or null when rows have no year. */
  readonly yearSql: ((sql: SqlDialect) => string) | null;
}

/** Every adapter with its metadata and what the store holds from it (`entente sources`). */
export async function describeSources(
  store: Store | null,
): Promise<{ sources: SourceDescription[] }> {
  const formats: Described[] = [
    ...SOURCES.map((s) => {
      const col = s.yearColumn ? quoteIdent(s.yearColumn) : null;
      return { ...s, yearSql: col === null ? null : () => col };
    }),
    ...EVENT_LAYOUTS.map((l) => ({
      ...l,
      name: l.source,
      yearSql: (sql: SqlDialect) => sql.year("event_date"),
    })),
  ];
  const out: SourceDescription[] = [];
  const files = store ? await store.files() : [];
  for (const s of formats) {
    const mine = files.filter((f) => f.source === s.name);
    let from: number | null = null;
    let to: number | null = null;
    if (store && mine.length && s.yearSql) {
      // count(*) guards the empty case: ClickHouse gives min/max of a non-Nullable expression
      // over zero rows as 0, not NULL.
      // The file ids are listed rather than read with a subquery: on a ClickHouse cluster the
      // event tables are sharded and provenance lives on the coordinator only.
      const y = s.yearSql(store.sql);
      const [r] = await store.query<{ n: number; lo: number | null; hi: number | null }>(
        `SELECT count(*) AS n, min(${y}) AS lo, max(${y}) AS hi FROM ${quoteIdent(TABLES[s.table].name)}
         WHERE file_id IN (${intList(mine.map((f) => f.fileId))})`,
      );
      if (r && Number(r.n) > 0) {
        from = r.lo ?? null;
        to = r.hi ?? null;
      }
    }
    out.push({
      name: s.name,
      title: s.title,
      version: s.version,
      citation: s.citation,
      homepage: s.homepage,
      license: s.license,
      loaded: { files: mine.length, rows: mine.reduce((n, f) => n + f.rowsLoaded, 0), from, to },
    });
  }
  return { sources: out };
}

import type { SqlDialect } from "../store/dialect.js";
import type { ReleaseRecord } from "../store/releases.js";
import { TABLES, type TableName } from "../store/schema.js";
import { intList, quoteIdent } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { ALL_SOURCES, type AnySource } from "./index.js";

/** One dataset's releases in one table, as `entente sources` shows them. */
export interface DatasetReleases {
  readonly dataset: string;
  readonly table: string;
  /** The release in use (null when every release of the dataset in the table is archived). */
  readonly active: string | null;
  readonly files: number;
  /** Replaced releases kept until `entente prune`, oldest first. */
  readonly archived: ReadonlyArray<{ readonly release: string; readonly files: number }>;
}

/** The active and archived releases of every dataset in the store, by dataset and table. */
export function datasetReleases(records: readonly ReleaseRecord[]): DatasetReleases[] {
  const groups = new Map<string, ReleaseRecord[]>();
  for (const r of records) {
    const k = `${r.dataset}\u0000${r.table}`;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...groups.values()].map((list) => {
    const first = list[0] as ReleaseRecord;
    const active = list.filter((r) => r.state === "active");
    const archived = new Map<string, number>();
    for (const r of list) {
      if (r.state === "archived") archived.set(r.release, (archived.get(r.release) ?? 0) + 1);
    }
    return {
      dataset: first.dataset,
      table: first.table,
      active: active.length ? (active[active.length - 1] as ReleaseRecord).release : null,
      files: active.length,
      archived: [...archived].map(([release, files]) => ({ release, files })),
    };
  });
}

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

/** SQL of the year a stored row of a dataset belongs to, or null when its rows have no year. */
export function sourceYearSql(d: AnySource): ((sql: SqlDialect) => string) | null {
  if (d.kind === "events") return (sql) => sql.year("event_date");
  const col = d.source.yearSql ?? (d.source.yearColumn ? quoteIdent(d.source.yearColumn) : null);
  return col === null ? null : () => col;
}

/** Every adapter with its metadata and what the store holds from it (`entente sources`). */
export async function describeSources(
  store: Store | null,
): Promise<{ sources: SourceDescription[]; releases: DatasetReleases[] }> {
  const formats: Described[] = ALL_SOURCES.map((d) => ({
    ...(d.kind === "tabular" ? d.source : d.layout),
    name: d.name,
    yearSql: sourceYearSql(d),
  }));
  const out: SourceDescription[] = [];
  const records = store ? await store.releases() : [];
  // Files of replaced releases are in the archive, not in the data the indicators read.
  const archived = new Set(records.filter((r) => r.state === "archived").map((r) => r.fileId));
  const files = (store ? await store.files() : []).filter((f) => !archived.has(f.fileId));
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
  return { sources: out, releases: datasetReleases(records) };
}

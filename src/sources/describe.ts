import { TABLES, type TableName } from "../store/schema.js";
import { quoteIdent } from "../store/sql.js";
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
  /** SQL of the year of a row, or null when rows have no year. */
  readonly yearSql: string | null;
}

/** Every adapter with its metadata and what the store holds from it (`entente sources`). */
export async function describeSources(
  store: Store | null,
): Promise<{ sources: SourceDescription[] }> {
  const formats: Described[] = [
    ...SOURCES.map((s) => ({ ...s, yearSql: s.yearColumn ? quoteIdent(s.yearColumn) : null })),
    ...EVENT_LAYOUTS.map((l) => ({ ...l, name: l.source, yearSql: "year(event_date)" })),
  ];
  const out: SourceDescription[] = [];
  const files = store ? await store.files() : [];
  for (const s of formats) {
    const mine = files.filter((f) => f.source === s.name);
    let from: number | null = null;
    let to: number | null = null;
    if (store && mine.length && s.yearSql) {
      const [r] = await store.query<{ lo: number | null; hi: number | null }>(
        `SELECT min(${s.yearSql}) AS lo, max(${s.yearSql}) AS hi FROM ${quoteIdent(TABLES[s.table].name)}
         WHERE file_id IN (SELECT file_id FROM provenance WHERE source = $1)`,
        [s.name],
      );
      from = r?.lo ?? null;
      to = r?.hi ?? null;
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

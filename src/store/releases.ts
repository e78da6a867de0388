/**
 * Releases of a dataset. Every loaded file belongs to a dataset and a release of it (FileMeta
 * `dataset` and `release`; by default its adapter and the adapter's version, which is also how
 * files loaded before schema 7 are counted). Within one table, a file whose release differs from
 * the dataset's active release replaces that release: in the same load (one transaction on
 * DuckDB) the old release's rows move to the table's archive (`archived_<table>`), the new rows
 * are compared with them by natural key (rows added, removed, changed, unchanged, with examples)
 * and inserted. Files of the same release add to it, as before. Archived rows stay until
 * `entente prune`; `entente restore` makes an archived release active again.
 *
 * Why rows are moved rather than flagged: every indicator reads the data tables as they are, so
 * a replaced release must leave them, and an archive table per data table keeps the rows
 * byte-identical (with their file_id and line) for a restore.
 */
import { BadInputError } from "../core/errors.js";
import type { TableSpec } from "./schema.js";

/** A stored value as queries return it (store.ts's Cell; not imported, to keep no cycle). */
type Value = unknown;
/** What the release of a loaded file is read from (store.ts's FileMeta). */
export interface ReleaseMeta {
  readonly source: string;
  readonly sourceVersion: string;
  readonly dataset?: string;
  readonly release?: string;
}

/** A pruned release is forgotten (rows, provenance and release record), so it has no state. */
export const RELEASE_STATES = ["active", "archived"] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

/** The release bookkeeping of one loaded file (table `releases`). */
export interface ReleaseRecord {
  readonly fileId: number;
  readonly dataset: string;
  readonly release: string;
  readonly table: string;
  readonly state: ReleaseState;
  /** The file whose load archived this one (null while active, or when archived by a restore). */
  readonly replacedBy: number | null;
}

export type KeyValues = Readonly<Record<string, Value>>;

export interface ChangedRow {
  /** The natural key of the row. */
  readonly key: KeyValues;
  /** The columns whose value differs, old and new. */
  readonly columns: ReadonlyArray<{
    readonly column: string;
    readonly old: Value;
    readonly new: Value;
  }>;
}

/** What a new release changed in one table, by natural key. */
export interface ReleaseChange {
  readonly dataset: string;
  readonly table: string;
  readonly release: string;
  /** The releases it replaced (usually one) and how many files they had. */
  readonly replaced: ReadonlyArray<{ readonly release: string; readonly files: number }>;
  /** Rows of the replaced release(s), and of the new file (first line of each key). */
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Up to EXAMPLES of each kind, in key order. */
  readonly examples: {
    readonly added: readonly KeyValues[];
    readonly removed: readonly KeyValues[];
    readonly changed: readonly ChangedRow[];
  };
}

export const EXAMPLES = 5;

/** The archive table of a data table. */
export const archiveName = (table: string): string => `archived_${table}`;

export const datasetOf = (meta: ReleaseMeta): string => meta.dataset ?? meta.source;

/**
 * The release of a file whose release is its content (a GDELT period's delivery), before its
 * bytes are hashed: event files are hashed while the reader reads them, so the label is known
 * only at commit (`withContent`). A file reaching the load is never byte-identical to a loaded
 * one (that is "unchanged"), so any active release of its dataset is another delivery.
 */
export const CONTENT_RELEASE = "sha256:";

/** The file's metadata with its hash, and a content release resolved to `sha256:<16 hex>`. */
export function withContent<M extends ReleaseMeta>(
  meta: M,
  sha256: string,
): M & { readonly sha256: string } {
  return {
    ...meta,
    sha256,
    ...(meta.release === CONTENT_RELEASE
      ? { release: `${CONTENT_RELEASE}${sha256.slice(0, 16)}` }
      : {}),
  };
}
export const releaseOf = (meta: ReleaseMeta): string => meta.release ?? meta.sourceVersion;

/** How a backend writes the SQL the comparison needs. */
export interface ChangeSqlDialect {
  /** One text per row of the listed columns, nulls included and distinct from any value. */
  rowText(columns: readonly string[]): string;
  ident(name: string): string;
  literal(value: string): string;
}

type Run = (sql: string) => Promise<Array<Record<string, unknown>>>;

const sameCell = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameCell(x, b[i]));
  }
  return a === b || (a == null && b == null);
};

/**
 * Compare a new release's rows with the rows it replaces. `newRows` and `oldRows` are
 * parenthesised subqueries (or tables) with the table's columns, one row per natural key.
 */
export async function compareRows(
  run: Run,
  dialect: ChangeSqlDialect,
  spec: TableSpec,
  newRows: string,
  oldRows: string,
): Promise<Omit<ReleaseChange, "dataset" | "table" | "release" | "replaced">> {
  const keyCols = spec.naturalKey;
  const all = spec.columns.map((c) => c.name);
  const k = dialect.rowText(keyCols);
  const r = dialect.rowText(all);
  const count = async (sql: string): Promise<number> => Number((await run(sql))[0]?.n ?? 0);
  const rowsAfter = await count(`SELECT count(*) AS n FROM ${newRows} n_`);
  const rowsBefore = await count(`SELECT count(*) AS n FROM ${oldRows} o_`);
  const both = await count(
    `SELECT count(*) AS n FROM ${newRows} n_ WHERE ${k} IN (SELECT ${k} FROM ${oldRows} o_)`,
  );
  const unchanged = await count(
    `SELECT count(*) AS n FROM ${newRows} n_ WHERE ${r} IN (SELECT ${r} FROM ${oldRows} o_)`,
  );
  const keys = keyCols.map(dialect.ident).join(", ");
  const examplesOf = async (from: string, other: string): Promise<KeyValues[]> =>
    (await run(
      `SELECT ${keys} FROM ${from} x_ WHERE ${k} NOT IN (SELECT ${k} FROM ${other} y_)
       ORDER BY ${k} LIMIT ${EXAMPLES}`,
    )) as KeyValues[];
  const changedKeys = (
    await run(
      `SELECT ${k} AS k_ FROM ${newRows} n_
       WHERE ${k} IN (SELECT ${k} FROM ${oldRows} o_) AND ${r} NOT IN (SELECT ${r} FROM ${oldRows} o_)
       ORDER BY k_ LIMIT ${EXAMPLES}`,
    )
  ).map((x) => String(x.k_));
  const changed: ChangedRow[] = [];
  if (changedKeys.length) {
    const cols = all.map(dialect.ident).join(", ");
    const list = changedKeys.map(dialect.literal).join(", ");
    const rowsOf = async (from: string) =>
      new Map(
        (await run(`SELECT ${k} AS k_, ${cols} FROM ${from} z_ WHERE ${k} IN (${list})`)).map(
          (x) => [String(x.k_), x] as const,
        ),
      );
    const after = await rowsOf(newRows);
    const before = await rowsOf(oldRows);
    for (const key of changedKeys) {
      const a = after.get(key);
      const b = before.get(key);
      if (!a || !b) continue;
      changed.push({
        key: Object.fromEntries(keyCols.map((c) => [c, a[c] as Value])),
        columns: all
          .filter((c) => !sameCell(a[c], b[c]))
          .map((c) => ({ column: c, old: b[c] as Value, new: a[c] as Value })),
      });
    }
  }
  return {
    rowsBefore,
    rowsAfter,
    added: rowsAfter - both,
    removed: rowsBefore - both,
    changed: both - unchanged,
    unchanged,
    examples: {
      added: await examplesOf(newRows, oldRows),
      removed: await examplesOf(oldRows, newRows),
      changed,
    },
  };
}

/** One line per kind, for the CLI: "+12 −3 ~40 =1,200 (release 2025-09-19 replaces 2024-09-12)". */
export function describeChange(c: ReleaseChange): string {
  const was = c.replaced.map((r) => r.release).join(", ");
  return `release ${c.release} replaces ${was} in ${c.table}: ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.unchanged} unchanged`;
}

/** The columns of the `releases` table a ReleaseRecord is read from, and the reading. */
export const RELEASE_COLUMNS = "file_id, dataset, release, table_name, state, replaced_by";

export function releaseRecord(r: Record<string, unknown>): ReleaseRecord {
  return {
    fileId: Number(r.file_id),
    dataset: String(r.dataset),
    release: String(r.release),
    table: String(r.table_name),
    state: r.state === "archived" ? "archived" : "active",
    replacedBy: r.replaced_by == null ? null : Number(r.replaced_by),
  };
}

/** Bookkeeping tables holding rows per file id: what a prune deletes, release records last. */
export const FILE_TABLES = [
  "event_coverage",
  "load_rejects",
  "load_unresolved",
  "provenance",
  "releases",
] as const;

/** The archived files a restore brings back; an error listing the archived releases if none. */
export function restoreTarget(
  records: readonly ReleaseRecord[],
  dataset: string,
  release: string,
): ReleaseRecord[] {
  const target = records.filter(
    (r) => r.dataset === dataset && r.release === release && r.state === "archived",
  );
  if (target.length) return target;
  const archived = [
    ...new Set(
      records.filter((r) => r.dataset === dataset && r.state === "archived").map((r) => r.release),
    ),
  ];
  throw new BadInputError(
    "no_such_release",
    `Dataset ${dataset} has no archived release ${release}`,
    {
      hint: archived.length
        ? `Archived releases of ${dataset}: ${archived.join(", ")} (entente sources lists them)`
        : `${dataset} has no archived release; entente sources lists the datasets and their releases`,
    },
  );
}

export function restoreConflict(dataset: string, release: string, table: string, n: number) {
  return new BadInputError(
    "restore_conflict",
    `Cannot restore ${dataset} ${release}: ${n} of its rows in ${table} have keys that other loaded files now hold`,
    { hint: "Those files would have to be pruned or unloaded first; nothing was changed" },
  );
}

/** The distinct releases of pruned files. */
export function prunedReleases(
  files: ReadonlyArray<{ dataset: string; release: string; table_name: string }>,
): Array<{ dataset: string; release: string; table: string }> {
  const seen = new Map<string, { dataset: string; release: string; table: string }>();
  for (const f of files) {
    seen.set(`${f.dataset}\u0000${f.release}\u0000${f.table_name}`, {
      dataset: f.dataset,
      release: f.release,
      table: f.table_name,
    });
  }
  return [...seen.values()];
}

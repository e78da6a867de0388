import type { EventLayout } from "./bulk-csv.js";
import type { CoverageSpan } from "./coverage-span.js";
import type { SqlDialect } from "./dialect.js";
import type { ReleaseChange, ReleaseRecord } from "./releases.js";
import type { TableName } from "./schema.js";

/** What a backend can do; code that needs a feature checks the flag instead of the backend kind. */
export interface StoreCapabilities {
  /** Multi-statement transactions with rollback. */
  readonly transactions: boolean;
  /** `query(sql, params)` binds `$1…$n` values server-side. */
  readonly boundParameters: boolean;
  readonly windowFunctions: boolean;
  /** Columns of type int[] / text[]. */
  readonly listColumns: boolean;
}

export type Cell = number | bigint | string | boolean | null | readonly (number | string)[];
export type Row = Readonly<Record<string, Cell>>;

/** Identifies one input file and the adapter that reads it. */
export interface FileMeta {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly source: string;
  readonly sourceVersion: string;
  /**
   * The dataset the file belongs to (default: its adapter, `source`). A file whose release
   * differs from the dataset's active release in the same table replaces it (src/store/releases.ts).
   */
  readonly dataset?: string;
  /** The release of the dataset the file is part of (default: `sourceVersion`). */
  readonly release?: string;
}

/** An event file being loaded: hashed while it is read, so its sha256 is known at commit. */
export type EventFileMeta = Omit<FileMeta, "sha256">;

export interface EventCommitInput extends CommitInput {
  readonly sha256: string;
  readonly rowsDuplicate: number;
  readonly coverage: readonly CoverageSpan[];
}

export interface Reject {
  readonly line: number;
  readonly reason: string;
}

export interface UnresolvedName {
  readonly name: string;
  readonly rows: number;
}

export interface ProvenanceRecord extends FileMeta {
  readonly fileId: number;
  readonly table: string;
  readonly linesRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly rowsDuplicate: number;
  readonly loadedAt: string;
}

export interface LoadResult {
  readonly fileId: number;
  readonly rowsLoaded: number;
  readonly rowsDuplicate: number;
  /** Set when the file replaced an earlier release of its dataset: what changed. */
  readonly change?: ReleaseChange;
}

export interface CommitInput {
  readonly linesRead: number;
  readonly rejects: readonly Reject[];
  readonly unresolved: readonly UnresolvedName[];
  /**
   * Called inside the transaction with what the backend inserted; throwing rolls everything back
   * (the accounting check: lines read = loaded + rejected + duplicates).
   */
  readonly verify: (result: LoadResult) => void;
}

/** What `pruneReleases` removed for good. */
export interface PruneResult {
  readonly files: number;
  readonly rows: number;
  readonly releases: ReadonlyArray<{ dataset: string; release: string; table: string }>;
}

/** What `restoreRelease` did. */
export interface RestoreResult {
  readonly dataset: string;
  readonly release: string;
  /** Rows moved back into the data tables. */
  readonly rows: number;
  /** The releases that were active before and are now archived. */
  readonly archived: readonly string[];
}

/** One file being loaded into one table: rows are staged, then committed atomically or aborted. */
export interface LoadSession {
  /** Stage one row (values in the table's column order, trace columns excluded). */
  append(values: readonly Cell[], line: number): void;
  /** Deduplicate against the store by natural key, insert, write provenance; all or nothing. */
  commit(input: CommitInput): Promise<LoadResult>;
  /** Drop everything staged. Safe to call after a failed commit. */
  abort(): Promise<void>;
}

/** How the store's CSV reader reads one event file (see src/sources/events/layouts.ts). */
export interface CsvReadSpec {
  /** A readable path: the file, or a named pipe fed from an archive. */
  readonly path: string;
  /** The path can be read only once (a pipe). */
  readonly once?: boolean;
  readonly layout: EventLayout;
  /** The file's columns in order (ICEWS: from its header). */
  readonly columns: readonly string[];
  /**
   * Country values and years already resolved to COW codes, set as the rows are read; rows
   * whose value or year is not in the map keep a null code for countryValues/setCountries.
   */
  readonly countries?: ReadonlyArray<{ value: string; year: number; ccode: number }>;
  /**
   * Resolves true when the loader saw the ids of the data's records strictly ascending (so none
   * repeats and the store need not count distinct ids); asked once the rows are read.
   */
  readonly idsAscending?: () => Promise<boolean>;
}

/** A record the loader rejects after reading (by event id), with the rule it breaks. */
export interface InvalidRecord {
  readonly id: string | null;
  readonly reason: string;
}

export interface CountryValue {
  readonly value: string;
  readonly year: number;
  readonly rows: number;
}

/**
 * One event file loaded in bulk by the backend's own CSV reader, inside one transaction. The
 * loader (src/ingest/load-events.ts) drives the steps and checks the accounting between them.
 */
export interface EventLoadSession {
  /** Read every line into the table; the reader's rejects come with their line numbers. */
  readCsv(
    spec: CsvReadSpec,
    onProgress?: (fraction: number) => void,
  ): Promise<{ rowsRead: number; rejects: Reject[] }>;
  /** Records of this file breaking the layout's rules (unknown event code, …), by id. */
  invalidRecords(): Promise<InvalidRecord[]>;
  /** Delete those records; returns how many rows went. */
  deleteInvalid(): Promise<number>;
  /** Distinct country values of this file still without a code, with the event year. */
  countryValues(): Promise<CountryValue[]>;
  /** Set the COW code columns from resolved (value, year) pairs; other rows keep null. */
  setCountries(map: ReadonlyArray<{ value: string; year: number; ccode: number }>): Promise<void>;
  /**
   * Drop records already stored and repeated within the file: by id when the source promises
   * unique ids (GDELT), else only rows identical in every column (ICEWS). `collisions` counts
   * ids kept more than once with different content.
   */
  removeDuplicates(): Promise<{ duplicates: number; collisions: number; collisionIds: string[] }>;
  /** Rows of this file now in the table, and those with no state on one side. */
  counts(): Promise<{ rows: number; withoutDyad: number }>;
  /**
   * The spans of time the file covers, by the rules of src/store/event-coverage.ts applied to
   * its rows (`fileName` is the name of the data, which may state a period): called before
   * duplicates are removed, since a re-delivered event still shows what the file covers.
   */
  coverage(fileName: string): Promise<CoverageSpan[]>;
  /**
   * Also records the spans of time the file covers (table event_coverage), and the file's
   * sha256, hashed while the reader read (provenance).
   */
  commit(input: EventCommitInput): Promise<LoadResult>;
  abort(): Promise<void>;
}

export interface LoadedSummary {
  readonly source: string;
  readonly files: number;
  readonly rows: number;
}

/** One stored UN ideal-point fit (table un_ideal_fits; src/idealpoints computes it). */
export interface IdealPointFitRecord {
  readonly fitId: string;
  readonly votesSha256: string;
  /** Issue subset (me, nu, di, hr, co, ec), null for all roll calls. */
  readonly issue: string | null;
  readonly fromSession: number;
  readonly toSession: number;
  readonly seed: number;
  readonly modelVersion: string;
  /** Estimator settings, JSON. */
  readonly settings: string;
  /** What was used and dropped, and convergence, JSON. */
  readonly report: string;
  readonly iterations: number;
  readonly converged: boolean;
  readonly seconds: number;
  /** ISO 8601, UTC. */
  readonly fittedAt: string;
}

/** One position of a stored fit (table un_ideal_points). */
export interface IdealPointRow {
  readonly ccode: number;
  readonly session: number;
  readonly year: number;
  readonly idealPoint: number;
  readonly se: number;
  readonly votes: number;
}

/**
 * The storage contract. DuckDB (default) and ClickHouse implement it; test/store/contract.ts is
 * the suite every backend runs unchanged.
 */
export interface Store {
  readonly kind: "duckdb" | "clickhouse";
  /** Path or URL, for messages. */
  readonly location: string;
  readonly capabilities: StoreCapabilities;
  /** The backend's spellings of what the shared SQL subset lacks (src/store/dialect.ts). */
  readonly sql: SqlDialect;
  readonly readOnly: boolean;
  schemaVersion(): Promise<number>;
  findFileBySha(sha256: string): Promise<ProvenanceRecord | null>;
  beginLoad(meta: FileMeta, table: TableName): Promise<LoadSession>;
  /** Start a bulk load of one event file (GDELT, ICEWS); its sha256 comes with the commit. */
  beginEventLoad(meta: EventFileMeta, layout: EventLayout): Promise<EventLoadSession>;
  /** Whether a loaded file has this size in bytes (only then can a file's bytes be known). */
  hasFileOfSize(size: number): Promise<boolean>;
  files(): Promise<ProvenanceRecord[]>;
  rejects(fileId: number): Promise<Reject[]>;
  unresolved(fileId: number): Promise<UnresolvedName[]>;
  /** The release of every loaded file (active or archived), by file id. */
  releases(): Promise<ReleaseRecord[]>;
  /**
   * Delete the archived rows of replaced releases for good (of one dataset, or all), with their
   * files' provenance, so that such a file can be loaded again later.
   */
  pruneReleases(dataset?: string): Promise<PruneResult>;
  /**
   * Make an archived release of a dataset active again: the active release of the same tables
   * is archived and the release's rows move back, all or nothing (refused when another file now
   * holds some of their keys).
   */
  restoreRelease(dataset: string, release: string): Promise<RestoreResult>;
  /** Row count of a data table (for tests and `sources`). */
  count(table: TableName): Promise<number>;
  /**
   * Run a read query. Values are bound as `$1…$n`; numbers come back as JS numbers (BIGINT
   * within the safe range), lists as arrays.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Store an ideal-point fit with its positions, replacing a stored fit with the same id; a
   * reader sees either the whole fit or none of it.
   */
  saveIdealPointFit(fit: IdealPointFitRecord, points: readonly IdealPointRow[]): Promise<void>;
  /** Stored fits (of the given votes, when `votesSha256` is given), newest first. */
  idealPointFits(votesSha256?: string): Promise<IdealPointFitRecord[]>;
  /** The positions of a stored fit, by ccode then session (empty for an unknown fit). */
  idealPoints(fitId: string): Promise<IdealPointRow[]>;
  close(): Promise<void>;
}

/** What loading one file yields: its report (the records of `entente ingest --json`) and progress. */
import type { ReleaseChange } from "../store/releases.js";
import type { Reject, UnresolvedName } from "../store/store.js";

export const FILE_STATUSES = ["loaded", "unchanged", "failed", "skipped"] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** One file's outcome; the field names are those of `entente ingest --json`. */
export interface FileReport {
  path: string;
  source: string | null;
  status: FileStatus;
  /** Data lines (records) read after the header; blank lines are not records. */
  lines_read: number;
  /**
   * Rows the file yielded: one per line, or one per value column for wide formats (World Bank,
   * SIPRI milex), plus one per rejected line. Always rows_loaded + rows_rejected + rows_duplicate.
   */
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_duplicate: number;
  sha256: string | null;
  encoding?: string;
  error?: string;
  reason?: string;
  rejects?: Reject[];
  unresolved?: UnresolvedName[];
  /** The dataset and release the file was loaded as (src/store/releases.ts). */
  dataset?: string;
  release?: string;
  /** When the file replaced an earlier release of its dataset: what changed. */
  release_change?: ReleaseChange;
}

export interface Progress {
  readonly path: string;
  readonly lines: number;
  readonly bytes: number;
  /** 0 when unknown (an archive streaming to the reader). */
  readonly totalBytes: number;
  /** Bulk event loads report while the store's reader runs. */
  readonly phase?: "loading";
}

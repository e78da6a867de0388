/** What loading one file yields: its report (the records of `entente ingest --json`) and progress. */
import { EntenteError } from "../core/errors.js";
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

/** A report with nothing read yet. */
export function emptyReport(path: string, status: FileStatus, sha256: string | null): FileReport {
  return {
    path,
    source: null,
    status,
    lines_read: 0,
    rows_read: 0,
    rows_loaded: 0,
    rows_rejected: 0,
    rows_duplicate: 0,
    sha256,
  };
}

/** An error as one line of a report: an Entente error with its hint, else its message. */
export function errorLine(e: unknown): string {
  return e instanceof EntenteError ? e.toCliLine() : e instanceof Error ? e.message : String(e);
}

/** The report of a file that failed before anything was read (missing, unreadable archive). */
export function failedReport(path: string, e: unknown): FileReport {
  return { ...emptyReport(path, "failed", null), error: errorLine(e) };
}

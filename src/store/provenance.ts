import type { ProvenanceRecord } from "./store.js";

/** The provenance columns every backend selects; `loaded_at` is given as an ISO text per backend. */
export const PROVENANCE_COLUMNS =
  "file_id, path, sha256, size, source, source_version, table_name, lines_read, rows_loaded, rows_rejected, rows_duplicate";

/** A provenance row as read by `SELECT ${PROVENANCE_COLUMNS}, <iso text> AS loaded_at`. */
export function provenanceRecord(r: Record<string, unknown>): ProvenanceRecord {
  return {
    fileId: Number(r.file_id),
    path: String(r.path),
    sha256: String(r.sha256),
    size: Number(r.size),
    source: String(r.source),
    sourceVersion: String(r.source_version),
    table: String(r.table_name),
    linesRead: Number(r.lines_read),
    rowsLoaded: Number(r.rows_loaded),
    rowsRejected: Number(r.rows_rejected),
    rowsDuplicate: Number(r.rows_duplicate),
    loadedAt: String(r.loaded_at),
  };
}

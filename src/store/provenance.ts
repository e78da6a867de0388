import type { ProvenanceRecord } from "./store.js";

/** The provenance columns every backend selects; `loaded_at` is given as an ISO text per backend. */
export const PROVENANCE_COLUMNS =
  "file_id, path, sha256, size, source, source_version, table_name, lines_read, rows_loaded, rows_rejected, rows_duplicate";

/** A file's rejected lines, `$1` = file id (the same SQL on every backend). */
export const REJECTS_SQL = "SELECT line, reason FROM load_rejects WHERE file_id = $1 ORDER BY line";
/** A file's unresolved names, most rows first, `$1` = file id. */
export const UNRESOLVED_SQL =
  "SELECT name, rows FROM load_unresolved WHERE file_id = $1 ORDER BY rows DESC, name";

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

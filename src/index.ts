/**
 * The public library API of Entente. The CLI and (later) the server are thin shells over these.
 */

export {
  allStates,
  type CodeSystem,
  isSystemMember,
  lookupCountry,
  type Resolution,
  resolveCountry,
  type State,
  stateByCcode,
  systemMembers,
} from "./core/crosswalk.js";
export {
  AccountingError,
  BadFileError,
  BadInputError,
  EntenteError,
  StoreError,
  UnknownCountryError,
} from "./core/errors.js";
export {
  FILE_STATUSES,
  type FileReport,
  type FileStatus,
  type IngestOptions,
  type IngestResult,
  ingest,
  loadFile,
} from "./ingest/index.js";
export { describeSources, type SourceDescription } from "./sources/describe.js";
export { SOURCES, sourceByName } from "./sources/index.js";
export type { Source, SourceInfo } from "./sources/source.js";
export { DuckDbStore } from "./store/duckdb/duckdb-store.js";
export { openStore, storeLocation } from "./store/open.js";
export { TABLES, type TableName, type TableSpec } from "./store/schema.js";
export type { ProvenanceRecord, Store, StoreCapabilities } from "./store/store.js";

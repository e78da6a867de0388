export { type IngestOptions, type IngestResult, ingest } from "./ingest.js";
export {
  FILE_STATUSES,
  type FileReport,
  type FileStatus,
  loadFile,
  type Progress,
} from "./load-file.js";

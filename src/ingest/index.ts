export {
  type IngestOptions,
  type IngestResult,
  ingest,
  type SkippedGroup,
  summarizeSkipped,
} from "./ingest.js";
export {
  FILE_STATUSES,
  type FileReport,
  type FileStatus,
  loadFile,
  type Progress,
} from "./load-file.js";

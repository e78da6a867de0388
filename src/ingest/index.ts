export { FILE_STATUSES, type FileReport, type FileStatus, type Progress } from "./file-report.js";
export {
  type IngestOptions,
  type IngestPlan,
  type IngestResult,
  ingest,
  type SkippedGroup,
  summarizeSkipped,
} from "./ingest.js";
export { loadFile } from "./load-file.js";

import { datasetOf, type ReleaseChange, releaseOf } from "../store/releases.js";
import type { FileMeta } from "../store/store.js";
import type { FileReport } from "./load-file.js";

/** The release fields of a loaded file's report. */
export function releaseFields(
  meta: FileMeta,
  change: ReleaseChange | undefined,
): Pick<FileReport, "dataset" | "release" | "release_change"> {
  return {
    dataset: datasetOf(meta),
    release: releaseOf(meta),
    ...(change ? { release_change: change } : {}),
  };
}

import { datasetOf, type ReleaseChange, releaseOf } from "../store/releases.js";
import type { FileMeta } from "../store/store.js";

/** The release fields of a loaded file's report. */
export function releaseFields(
  meta: FileMeta,
  change: ReleaseChange | undefined,
): { dataset: string; release: string; release_change?: ReleaseChange } {
  return {
    dataset: datasetOf(meta),
    release: releaseOf(meta),
    ...(change ? { release_change: change } : {}),
  };
}

/**
 * The period an event file delivers, from its official name: GDELT names every file after the
 * span it covers (2.0: `YYYYMMDDHHMMSS.export.CSV.zip`, one per 15 minutes; 1.0: daily
 * `YYYYMMDD.export.CSV.zip`, monthly `YYYYMM.zip`, yearly `YYYY.zip`), and a re-delivery of a
 * period keeps the name. Such a file is its own dataset (`gdelt2:20191024143000`), whose release
 * is the file's content, so that a re-delivery replaces the earlier one (src/store/releases.ts)
 * instead of counting its events as duplicates. Other names (extracts, samples) give null.
 */
import { basename } from "node:path";
import type { EventLayout } from "../store/bulk-csv.js";
import { CONTENT_RELEASE } from "../store/releases.js";

const PERIODS: Readonly<Record<string, RegExp>> = {
  gdelt2: /^(\d{14})\.export\.CSV(?:\.zip)?$/i,
  gdelt1: /^(\d{8})\.export\.CSV(?:\.zip)?$|^(\d{6}|\d{4})\.(?:zip|csv)$/i,
};

/** The dataset and release of an event file named after its period, else null. */
export function eventPeriodRelease(
  layout: EventLayout,
  path: string,
): { dataset: string; release: string } | null {
  const m = PERIODS[layout.name]?.exec(basename(path));
  const period = m?.[1] ?? m?.[2];
  if (period === undefined) return null;
  // The release is the content: resolved from the hash at commit (store/releases.ts).
  return { dataset: `${layout.name}:${period}`, release: CONTENT_RELEASE };
}

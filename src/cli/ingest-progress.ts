/**
 * The overall line of an ingest of many files, rewritten after each file on a terminal:
 * `12 of 48 files (25% of 39.0 MB), 24,000 rows loaded, 31,000 rows/s, about 1 min left`.
 * The time left is the bytes still to read at the rate of the bytes read so far; it is left out
 * until a second has passed (early rates mislead) and when nothing has been read yet.
 */
import { fmtInt } from "./output.js";

export interface IngestTally {
  /** Files finished (loaded, unchanged, skipped or failed), and files in the plan. */
  readonly done: number;
  readonly files: number;
  /** Bytes of the finished files, and of every file in the plan. */
  readonly bytesDone: number;
  readonly bytes: number;
  readonly rows: number;
  readonly seconds: number;
}

export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 100 ? fmtInt(Math.round(mb)) : mb.toFixed(1)} MB`;
}

/** "about 40 s", "about 3 min", "about 2 h 10 min". */
export function about(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 90) return `about ${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `about ${min} min`;
  return `about ${Math.floor(min / 60)} h ${min % 60} min`;
}

export function overallLine(t: IngestTally): string {
  const share = t.bytes > 0 ? `${Math.floor((100 * t.bytesDone) / t.bytes)}% of ` : "";
  const parts = [
    `${fmtInt(t.done)} of ${fmtInt(t.files)} files (${share}${megabytes(t.bytes)})`,
    `${fmtInt(t.rows)} rows loaded`,
  ];
  if (t.seconds >= 1) {
    parts.push(`${fmtInt(Math.round(t.rows / t.seconds))} rows/s`);
    if (t.bytesDone > 0 && t.done < t.files) {
      parts.push(`${about(((t.bytes - t.bytesDone) * t.seconds) / t.bytesDone)} left`);
    }
  }
  return `  ${parts.join(", ")}`;
}

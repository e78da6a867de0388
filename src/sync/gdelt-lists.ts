/**
 * Parsers for the GDELT file lists, and the file-name → time-span rules used to select files.
 *
 * GDELT 2.0 publishes one list, http://data.gdeltproject.org/gdeltv2/masterfilelist.txt, one
 * file per line: `SIZE MD5 URL` (e.g. `150383 297a16b493de7cf6ca809a7cc31d0b93
 * http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip`), with an export, a
 * mentions and a gkg file every 15 minutes. The 14-digit stamp in the name is UTC.
 *
 * GDELT 1.0 (http://data.gdeltproject.org/events/) publishes `md5sums` (`md5sum` output:
 * `MD5  FILENAME`) and `filesizes` (`SIZE FILENAME`). Event files are yearly `YYYY.zip`
 * (1979–2005), monthly `YYYYMM.zip` (2006-01 … 2013-03) and daily `YYYYMMDD.export.CSV.zip`
 * (from 2013-04-01); the lists also name other files (the reduced set
 * `GDELT.MASTERREDUCEDV2.1979-2013.zip`), which are not event files and are left out.
 */
import type { RemoteFile } from "./download.js";

export const GDELT2_MASTER_URL = "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt";
export const GDELT1_BASE_URL = "http://data.gdeltproject.org/events/";
export const GDELT1_MD5SUMS_URL = `${GDELT1_BASE_URL}md5sums`;
export const GDELT1_FILESIZES_URL = `${GDELT1_BASE_URL}filesizes`;

const MD5 = /^[0-9a-f]{32}$/i;
const SIZE = /^\d+$/;
const EXPORT_NAME = /^(\d{14})\.export\.CSV\.zip$/;

/** A UTC date from digits (month and day 1-based); null when the date does not exist. */
function utc(y: number, mo = 1, d = 1, h = 0, mi = 0, s = 0): Date | null {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const ok =
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s;
  return ok ? t : null;
}

const num = (s: string, from: number, to: number): number => Number(s.slice(from, to));

/** `YYYYMMDDHHMMSS` (UTC) → Date; null when it is not a real instant. */
export function parseGdeltStamp(stamp: string): Date | null {
  if (!/^\d{14}$/.test(stamp)) return null;
  return utc(
    num(stamp, 0, 4),
    num(stamp, 4, 6),
    num(stamp, 6, 8),
    num(stamp, 8, 10),
    num(stamp, 10, 12),
    num(stamp, 12, 14),
  );
}

/** An event export file of the GDELT 2.0 master list, with the time it was published. */
export interface MasterFile extends RemoteFile {
  readonly size: number;
  readonly md5: string;
  /** The 14-digit stamp of the file name (UTC). */
  readonly stamp: string;
  readonly time: Date;
}

export interface MasterFileList {
  /** The `*.export.CSV.zip` files, in list order. */
  readonly files: MasterFile[];
  /** Lines that are not `SIZE MD5 URL` (or an export whose stamp is not a date). */
  readonly skipped: number;
  /** 1-based line numbers of the skipped lines. */
  readonly skippedLines: number[];
}

const lastSegment = (pathname: string): string => pathname.slice(pathname.lastIndexOf("/") + 1);

/**
 * Parse masterfilelist.txt. Only event exports are kept (mentions and gkg files are well-formed
 * but not wanted); blank lines are ignored; any other line that does not parse is skipped and
 * counted.
 */
export function parseMasterFileList(text: string): MasterFileList {
  const files: MasterFile[] = [];
  const skippedLines: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const parts = line.split(/\s+/);
    const [size, md5, url] = parts;
    if (
      parts.length !== 3 ||
      size === undefined ||
      md5 === undefined ||
      url === undefined ||
      !SIZE.test(size) ||
      !MD5.test(md5)
    ) {
      skippedLines.push(i + 1);
      return;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      skippedLines.push(i + 1);
      return;
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      skippedLines.push(i + 1);
      return;
    }
    const name = lastSegment(parsed.pathname);
    if (!/\.export\.CSV\.zip$/.test(name)) return; // mentions, gkg: not event exports
    const stamp = EXPORT_NAME.exec(name)?.[1];
    const time = stamp === undefined ? null : parseGdeltStamp(stamp);
    if (stamp === undefined || time === null) {
      skippedLines.push(i + 1);
      return;
    }
    files.push({
      url,
      path: parsed.pathname.replace(/^\/+/, ""),
      size: Number(size),
      md5: md5.toLowerCase(),
      stamp,
      time,
    });
  });
  return { files, skipped: skippedLines.length, skippedLines };
}

export interface NamedList<T> {
  /** File name → value, in list order (a repeated name keeps its last value). */
  readonly entries: ReadonlyMap<string, T>;
  readonly skipped: number;
  readonly skippedLines: number[];
}

/** A file name as listed: no directory part, nothing odd. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function parsePairs<T>(
  text: string,
  split: (line: string) => [string, string] | null,
  value: (s: string) => T | null,
): NamedList<T> {
  const entries = new Map<string, T>();
  const skippedLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const pair = split(line);
    const v = pair ? value(pair[0]) : null;
    if (!pair || v === null || !FILE_NAME.test(pair[1])) {
      skippedLines.push(i + 1);
      return;
    }
    entries.set(pair[1], v);
  });
  return { entries, skipped: skippedLines.length, skippedLines };
}

/** GDELT 1.0 `md5sums`: `MD5  FILENAME` (md5sum output; a `*` before the name marks binary mode). */
export function parseMd5Sums(text: string): NamedList<string> {
  return parsePairs(
    text,
    (line) => {
      const m = /^(\S+)\s+\*?(\S+)$/.exec(line);
      return m ? [m[1] as string, m[2] as string] : null;
    },
    (s) => (MD5.test(s) ? s.toLowerCase() : null),
  );
}

/** GDELT 1.0 `filesizes`: `SIZE FILENAME` (bytes). */
export function parseFileSizes(text: string): NamedList<number> {
  return parsePairs(
    text,
    (line) => {
      const m = /^(\S+)\s+(\S+)$/.exec(line);
      return m ? [m[1] as string, m[2] as string] : null;
    },
    (s) => (SIZE.test(s) ? Number(s) : null),
  );
}

/** The span of events a GDELT 1.0 file holds: [start, end), UTC. */
export interface Gdelt1Span {
  readonly kind: "yearly" | "monthly" | "daily";
  readonly start: Date;
  readonly end: Date;
}

/** Which days a GDELT 1.0 event file covers, from its name; null for files that are not event files. */
export function gdelt1Span(name: string): Gdelt1Span | null {
  let m = /^(\d{4})\.zip$/.exec(name);
  if (m) {
    const y = Number(m[1]);
    const start = utc(y);
    const end = utc(y + 1);
    return start && end ? { kind: "yearly", start, end } : null;
  }
  m = /^(\d{4})(\d{2})\.zip$/.exec(name);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const start = utc(y, mo);
    const end = mo === 12 ? utc(y + 1, 1) : utc(y, mo + 1);
    return start && end ? { kind: "monthly", start, end } : null;
  }
  m = /^(\d{4})(\d{2})(\d{2})\.export\.CSV\.zip$/.exec(name);
  if (m) {
    const start = utc(Number(m[1]), Number(m[2]), Number(m[3]));
    return start ? { kind: "daily", start, end: new Date(start.getTime() + 86_400_000) } : null;
  }
  return null;
}

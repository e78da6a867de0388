/**
 * Read one numeric column (and optionally a time and a volume column) from a delimited text file
 * that an analyst brings, for `entente changepoints`. Empty cells and NA, NaN, null, "." or "-"
 * are missing values: kept as null, counted and listed by line, never silently dropped. Anything
 * else that is not a number stops the read with the file, line and column named.
 */
import { readFile } from "node:fs/promises";
import { BadFileError, BadInputError } from "../core/errors.js";
import { MalformedRecordError, readRecords } from "../core/records.js";
import { decodeText } from "./decode.js";

export interface SeriesCsvOptions {
  readonly column: string;
  readonly time?: string;
  /** Source volume per row (count methods). */
  readonly volume?: string;
}

export interface SeriesCsv {
  readonly path: string;
  /** One entry per data row; null = missing. */
  readonly values: Array<number | null>;
  /** Time labels per data row, as written (null without a time column). */
  readonly times: string[] | null;
  readonly volume: Array<number | null> | null;
  /** 1-based file line of each data row. */
  readonly lines: number[];
}

const MISSING = new Set(["", "na", "nan", "null", ".", "-", "n/a"]);

function delimiterOf(headerLine: string): string {
  const count = (d: string) => headerLine.split(d).length - 1;
  const candidates = [",", "\t", ";"].map((d) => [d, count(d)] as const);
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0] as readonly [string, number];
  return best[1] > 0 ? best[0] : ",";
}

function parseCell(
  path: string,
  line: number,
  column: string,
  raw: string | undefined,
): number | null {
  const s = (raw ?? "").trim();
  if (MISSING.has(s.toLowerCase())) return null;
  const v = Number(s);
  if (!Number.isFinite(v)) {
    throw new BadFileError(path, `${column} is "${s}", not a number`, {
      line,
      hint: "Fix the value, or leave the cell empty (or NA) to mark it missing",
    });
  }
  return v;
}

export async function readSeriesCsv(path: string, opts: SeriesCsvOptions): Promise<SeriesCsv> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new BadInputError("no_file", `Cannot read ${path}: ${(e as Error).message}`, {
      hint: "Give the path of a CSV file",
    });
  }
  const { text } = decodeText(buf);
  const nl = text.indexOf("\n");
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const delimiter = delimiterOf(firstLine);
  const records = readRecords(text, { delimiter, quoting: true, fromLine: 1 });
  const values: Array<number | null> = [];
  const times: string[] = [];
  const volume: Array<number | null> = [];
  const lines: number[] = [];
  try {
    const head = records.next();
    if (head.done) throw new BadFileError(path, "is empty", { hint: "Give a header row and data" });
    const header = head.value.fields.map((f) => f.trim());
    const index = (name: string | undefined, what: string): number => {
      if (name === undefined) return -1;
      const i = header.indexOf(name);
      if (i < 0) {
        throw new BadFileError(path, `has no ${what} column "${name}"`, {
          line: head.value.line,
          hint: `Columns: ${header.join(", ")}`,
        });
      }
      return i;
    };
    const vi = index(opts.column, "value");
    const ti = index(opts.time, "time");
    const wi = index(opts.volume, "volume");
    for (const r of records) {
      if (r.fields.length !== header.length) {
        throw new BadFileError(
          path,
          `has ${r.fields.length} fields where the header has ${header.length}`,
          { line: r.line, hint: "Quote fields that contain the delimiter" },
        );
      }
      values.push(parseCell(path, r.line, opts.column, r.fields[vi]));
      if (ti >= 0) times.push((r.fields[ti] as string).trim());
      if (wi >= 0) volume.push(parseCell(path, r.line, opts.volume as string, r.fields[wi]));
      lines.push(r.line);
    }
  } catch (e) {
    if (e instanceof MalformedRecordError)
      throw new BadFileError(path, e.message, { line: e.line });
    throw e;
  }
  if (values.length === 0) {
    throw new BadFileError(path, "has a header but no data rows", { hint: "Add the series" });
  }
  return {
    path,
    values,
    times: opts.time === undefined ? null : times,
    volume: opts.volume === undefined ? null : volume,
    lines,
  };
}

/**
 * Tables of facts shipped with Entente (the country crosswalk, the office holders, the text
 * lexicons) live in `data/` at the package root as CSV files with a header, one row per line, so
 * that they read and diff as tables. Each file has a spec (the format of each column) from which
 * its checks are built; it is checked when it is read, and a row that does not fit stops the
 * program with the file, the line and the column.
 *
 * `data/` sits two levels above this module both in the sources (src/core) and in the build
 * (dist/core), so the same URL works under tsx, from dist/ and from the installed package.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DataFileError } from "./errors.js";
import { MalformedRecordError, readRecords } from "./records.js";

/** Absolute path of a file in the package's data folder ("crosswalk/states.csv"). */
export const dataPath = (name: string): string =>
  fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

/**
 * What the text of a cell must be, as a regular-expression source (no anchors, never matching a
 * line break) and the message shown when it is not.
 */
export interface CellFormat {
  readonly pattern: string;
  readonly message: string;
}

const escapeRe = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/** The cell formats the data files use. Lists separate their items with "|". */
export const cell = {
  text: { pattern: "[^\\n]+", message: "must not be empty" },
  /** Any text, "" meaning none. */
  optionalText: { pattern: "[^\\n]*", message: "must be one line" },
  int: { pattern: "-?\\d+", message: "expected a whole number" },
  optionalInt: { pattern: "(?:-?\\d+)?", message: "expected a whole number or nothing" },
  day: { pattern: "\\d{4}-\\d{2}-\\d{2}", message: "expected a date YYYY-MM-DD" },
  optionalDay: {
    pattern: "(?:\\d{4}-\\d{2}-\\d{2})?",
    message: "expected a date YYYY-MM-DD or nothing",
  },
  /** `n` capital letters (a code), or nothing when optional. */
  code: (n: number, optional = false): CellFormat => ({
    pattern: optional ? `(?:[A-Z]{${n}})?` : `[A-Z]{${n}}`,
    message: `expected ${n} capital letters${optional ? " or nothing" : ""}`,
  }),
  oneOf: (values: readonly string[]): CellFormat => ({
    pattern: `(?:${values.map(escapeRe).join("|")})`,
    message: `expected one of: ${values.map((v) => (v === "" ? "(empty)" : v)).join(", ")}`,
  }),
  matching: (pattern: string, message: string): CellFormat => ({ pattern, message }),
} as const;

/** The columns of a data file and the format of each. */
export type TableSpec = Readonly<Record<string, CellFormat>>;

/** A checked row: column → cell text (read into values by the loader). */
export type Row<T extends TableSpec> = { readonly [K in keyof T]: string };

/** One row with the line it came from (for errors found across files). */
export interface Lined<T> {
  readonly row: T;
  readonly line: number;
}

/**
 * The checks of a table, compiled once per spec: one regular expression per column that tests
 * the whole column at once (its cells joined by line breaks), so that reading a file costs one
 * test per column, and one per cell, used only to find the cell at fault. Plain regular
 * expressions: the formats are patterns, and the CLI then needs no schema library to start
 * (zod cost some 55 ms to import, paid by every command that resolves a country).
 */
interface TableChecks {
  readonly columns: ReadonlyArray<readonly [string, RegExp]>;
  readonly cells: ReadonlyArray<readonly [string, RegExp, string]>;
}

const checksCache = new WeakMap<TableSpec, TableChecks>();

export function tableChecks(spec: TableSpec): TableChecks {
  let c = checksCache.get(spec);
  if (!c) {
    const entries = Object.entries(spec);
    c = {
      columns: entries.map(([name, f]) => [
        name,
        new RegExp(`^(?:${f.pattern})(?:\\n(?:${f.pattern}))*$`),
      ]),
      cells: entries.map(([name, f]) => [name, new RegExp(`^(?:${f.pattern})$`), f.message]),
    };
    checksCache.set(spec, c);
  }
  return c;
}

/**
 * Parse CSV text (header on line 1) into rows checked against `spec`. A wrong number of cells, an
 * unknown or missing column, or a cell that does not fit its format throws a DataFileError naming
 * `path`, the line and the column.
 */
export function parseDataFile<T extends TableSpec>(
  path: string,
  text: string,
  spec: T,
): Lined<Row<T>>[] {
  const names = Object.keys(spec);
  const rows: Lined<Row<T>>[] = [];
  let header: string[] | null = null;
  try {
    for (const rec of readRecords(text, { delimiter: ",", quoting: true, fromLine: 1 })) {
      if (header === null) {
        header = rec.fields;
        checkHeader(path, header, names);
        continue;
      }
      if (rec.fields.length !== header.length) {
        throw new DataFileError(
          path,
          `${rec.fields.length} cells where the header has ${header.length}`,
          rec.line,
        );
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => {
        const v = rec.fields[i] ?? "";
        if (v.includes("\n") || v.includes("\r"))
          throw new DataFileError(path, `column "${h}": a cell must be one line`, rec.line);
        row[h] = v;
      });
      rows.push({ row: row as Row<T>, line: rec.line });
    }
  } catch (e) {
    if (e instanceof MalformedRecordError) throw new DataFileError(path, e.message, e.line);
    throw e;
  }
  if (header === null) throw new DataFileError(path, "empty file: no header");
  if (rows.length === 0) return rows;
  const checks = tableChecks(spec);
  const ok = checks.columns.every(([name, column]) =>
    column.test(rows.map((r) => r.row[name]).join("\n")),
  );
  if (!ok) {
    // Some cell is wrong: find the first one, row by row, column by column in the spec's order.
    for (const r of rows) {
      for (const [name, cell, message] of checks.cells) {
        if (!cell.test(r.row[name] as string)) {
          throw new DataFileError(path, `column "${name}": ${message}`, r.line);
        }
      }
    }
  }
  return rows;
}

function checkHeader(path: string, header: readonly string[], names: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "" || seen.has(h))
      throw new DataFileError(path, `header has an empty or repeated column "${h}"`, 1);
    if (!names.includes(h))
      throw new DataFileError(path, `unknown column "${h}" (expected ${names.join(",")})`, 1);
    seen.add(h);
  }
  const missing = names.filter((c) => !seen.has(c));
  if (missing.length) throw new DataFileError(path, `missing column "${missing[0]}"`, 1);
}

/** How a loader reads a data file (tests pass one that serves edited copies). */
export type DataReader = <T extends TableSpec>(name: string, spec: T) => Lined<Row<T>>[];

/** Read and check a file of the data folder ("people/offices.csv"). */
export function readDataFile<T extends TableSpec>(name: string, spec: T): Lined<Row<T>>[] {
  const path = dataPath(name);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new DataFileError(path, `cannot read: ${(e as Error).message}`);
  }
  return parseDataFile(path, text, spec);
}

/** "" → null. */
export const optional = (s: string): string | null => (s === "" ? null : s);
/** A checked whole number, "" → null. */
export const optionalInt = (s: string): number | null => (s === "" ? null : Number(s));
/** "a|b|c" → ["a", "b", "c"]; "" → []. */
export const list = (s: string): string[] => (s === "" ? [] : s.split("|"));

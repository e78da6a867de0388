import type { TableName } from "../store/schema.js";
import type { Cell } from "../store/store.js";

/** Descriptive metadata of a dataset format: printed by `entente sources`, kept with every load. */
export interface SourceInfo {
  /** Stable id used with `--source`, e.g. "atop-ddy". */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly citation: string;
  readonly homepage: string;
  readonly license: string;
  /** What one record is: "directed_dyad_year", "country_year", "roll_call_vote", … */
  readonly unit: string;
  /** The store table the rows go to. */
  readonly table: TableName;
  /** Column of `table` that holds the year, for the coverage shown by `entente sources`. */
  readonly yearColumn: string | null;
  /**
   * SQL over `table`'s columns giving a row's year when it is not one column (UN votes: their
   * session, 1945 + session); it then replaces `yearColumn` for coverage.
   */
  readonly yearSql?: string;
  /** Known caveats, for docs/sources.md. */
  readonly caveats: readonly string[];
  /**
   * The release (and dataset, for formats that hold several datasets) a file is, from its
   * published name (the date of a dated bulk file, the World Bank's indicator and file number),
   * when the name says it; loads without `--release` use it (src/store/releases.ts).
   */
  readonly fileRelease?: (fileName: string) => { dataset?: string; release: string } | null;
}

export type Delimiter = "," | "\t";

/** Where the loader sends what it reads from one record. */
export interface Emitter {
  /** One table row, values in the table's column order. */
  row(values: readonly Cell[]): void;
  /** A name the crosswalk could not resolve; the row is kept without a state code. */
  unresolved(name: string): void;
}

/**
 * Maps one record (its fields, split by the loader) to rows. Throw a FieldError (core/fields)
 * to reject the record with a reason; the loader counts it with its line number.
 */
export type RecordMapper = (fields: readonly string[], line: number, out: Emitter) => void;

/**
 * A delimited-text format (CSV/TSV with a header line, possibly after a preamble).
 * Detection is by header, never by file name alone.
 */
export interface TabularSource extends SourceInfo {
  readonly delimiter: Delimiter;
  /**
   * Index of the header among the first lines of the file (already decoded, line ends removed),
   * or -1 when the file is not in this format.
   */
  findHeader(lines: readonly string[], fileName: string): number;
  /**
   * Prepare a mapper for one file from its header fields (and the same first lines that
   * `findHeader` saw, for formats whose content tells more than the header). Each record yields exactly one row
   * unless `wide` is set (one row per value column, e.g. World Bank years).
   */
  begin(header: readonly string[], path: string, head: readonly string[]): RecordMapper;
  /** Records yield several rows each (wide tables); rows, not lines, are then counted. */
  readonly wide?: boolean;
  /** Fields may be quoted (default: comma-separated files only; TSV files quote nothing). */
  readonly quoted?: boolean;
}

export type Source = TabularSource;

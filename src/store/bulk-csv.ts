/**
 * What the store's bulk CSV reader needs to know about an event layout (GDELT 1.0/2.0, ICEWS):
 * the file's columns and how each is typed when read, how the stored columns are made from them,
 * the rules every stored record keeps, and the columns the loader resolves and deduplicates. The
 * layouts themselves are data of the sources layer (src/sources/events/layouts.ts); the store
 * reads them through these types only.
 */
import type { TableName } from "./schema.js";

/** How a column is typed when the file is read; a value that does not convert rejects the line. */
export type CsvType = "bigint" | "int" | "double" | "date" | "text";

/** How one stored column is made from the file's columns. */
export type Projection =
  | { readonly from: string }
  | { readonly equals: string; readonly value: number }
  | { readonly quadOf: string }
  | { readonly constant: number }
  | { readonly none: true }
  | { readonly country: string };

/**
 * A rule every stored record must keep, checked after the bulk read (the reader itself rejects
 * wrong field counts and values that do not convert). Checked twice on purpose: in SQL to find
 * the records, then on their lines to report line numbers; the two must agree.
 */
export type EventRule =
  /** The field must not be empty (or padded away on a short line). */
  | { readonly kind: "required"; readonly column: string; readonly field: string }
  /** The field (read as a number) must have one of these digit counts (a cut DATEADDED has not). */
  | {
      readonly kind: "digits";
      readonly column: string;
      readonly field: string;
      readonly lengths: readonly number[];
    }
  /** The field must be a CAMEO event code. */
  | { readonly kind: "cameo"; readonly column: string; readonly field: string }
  /** The field must equal the first two characters of the event code. */
  | {
      readonly kind: "root";
      readonly column: string;
      readonly field: string;
      readonly codeColumn: string;
      readonly codeField: string;
    };

export type EventLayoutName = "gdelt1" | "gdelt2" | "icews";

export interface EventLayout {
  readonly name: EventLayoutName;
  readonly title: string;
  /** Source name in provenance and reports. */
  readonly source: string;
  readonly version: string;
  readonly table: Extract<TableName, "gdelt_events" | "icews_events">;
  /** Columns of the file, in order. */
  readonly columns: readonly string[];
  /** Also accept lines that lack trailing columns down to this many fields (GDELT 1.0: 57). */
  readonly minColumns: number;
  readonly header: boolean;
  readonly types: Readonly<Record<string, CsvType>>;
  /** strftime format of the date columns. */
  readonly dateFormat: string;
  /** Strings read as missing. */
  readonly nullStrings: readonly string[];
  /** Stored column ← file column(s). Every stored column except the trace columns appears. */
  readonly projection: Readonly<Record<string, Projection>>;
  /** The event id column of the table and the file, and whether the source promises uniqueness. */
  readonly id: { readonly column: string; readonly field: string; readonly unique: boolean };
  readonly dateColumn: string;
  /** The CAMEO event code column of the table. */
  readonly codeColumn: string;
  /** A root-code column that must agree with the event code (GDELT). */
  readonly rootColumn?: string;
  /** The pairs (stored code/name column, stored COW code column) resolved through the crosswalk. */
  readonly countries: ReadonlyArray<readonly [string, string]>;
  /** How country values are read: CAMEO country codes (GDELT) or country names (ICEWS). */
  readonly countryKind: "cameo" | "name";
  readonly rules: readonly EventRule[];
  readonly citation: string;
  readonly homepage: string;
  readonly license: string;
}

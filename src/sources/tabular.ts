import type { Cell } from "../store/store.js";
import { findHeaderWith } from "./header.js";
import type { Delimiter, RecordMapper, SourceInfo, TabularSource } from "./source.js";

export interface TabularDefinition extends SourceInfo {
  readonly delimiter?: Delimiter;
  /** Columns whose presence identifies the format. */
  readonly required: readonly string[];
  /** Columns whose presence rules the format out (to tell look-alike layouts apart). */
  readonly excluded?: readonly string[];
  /** The header may follow up to this many preamble lines. */
  readonly maxPreamble?: number;
  readonly wide?: boolean;
  readonly quoted?: boolean;
  /** Build the mapper for one file; `col(name)` gives a column's position in this file. */
  readonly mapper: (
    col: (name: string) => number,
    header: readonly string[],
    path: string,
    head: readonly string[],
  ) => RecordMapper;
}

/** A header-detected delimited format, from a declarative definition. */
export function tabularSource(def: TabularDefinition): TabularSource {
  const delimiter = def.delimiter ?? ",";
  return {
    ...def,
    delimiter,
    findHeader(lines) {
      const i = findHeaderWith(lines, delimiter, def.required, def.maxPreamble ?? 0);
      if (i < 0 || !def.excluded?.length) return i;
      const header = lines[i] ?? "";
      return def.excluded.some((c) => header.includes(c)) ? -1 : i;
    },
    begin(header, path, head) {
      const idx = new Map<string, number>();
      header.forEach((h, i) => {
        if (!idx.has(h)) idx.set(h, i);
      });
      const col = (name: string): number => {
        const i = idx.get(name);
        if (i === undefined)
          throw new Error(`${def.name}: column ${name} not in header of ${path}`);
        return i;
      };
      return def.mapper(col, header, path, head);
    },
  };
}

/** Parses one cell, named by its column for error messages; throws FieldError to reject. */
export type CellParser = (raw: string | undefined, column: string) => Cell;

/** One output value: a parsed column of the file, or a constant. */
export type ColumnRule = readonly [column: string, parse: CellParser] | { readonly value: Cell };

/**
 * The mapper of a format whose row is a straight projection of its columns, in the target
 * table's column order: `[["ccode1", requireInteger], …, { value: null }]`.
 */
export function projectColumns(rules: readonly ColumnRule[]): TabularDefinition["mapper"] {
  return (col) => {
    const plan = rules.map((r) =>
      "value" in r ? r : { index: col(r[0]), column: r[0], parse: r[1] },
    );
    return (f, _line, out) => {
      out.row(plan.map((p) => ("value" in p ? p.value : p.parse(f[p.index], p.column))));
    };
  };
}

/**
 * The only SQL string builders. Values are bound everywhere else; identifiers come from the
 * schema, never from input, and are still quoted here.
 */
export function quoteIdent(name: string): string {
  if (name.includes("\0")) throw new Error("identifier contains NUL");
  return `"${name.replaceAll('"', '""')}"`;
}

/** Standard-SQL string literal (single quotes doubled). For DDL defaults only. */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("literal contains NUL");
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL list of integers for `IN (…)` (codes, years and file ids: numbers, never text). */
export function intList(values: readonly number[]): string {
  return values
    .map((v) => {
      if (!Number.isInteger(v)) throw new Error(`not an integer: ${v}`);
      return String(v);
    })
    .join(", ");
}

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

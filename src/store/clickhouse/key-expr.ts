import { chIdent } from "./ddl.js";
import { stringLiteral } from "./literal.js";

/** One text value per natural key, nulls included (`(1, NULL)` equals `(1, NULL)`, as in DuckDB). */
export function keyExpr(cols: readonly string[], alias = ""): string {
  const parts = cols.map((c) => `ifNull(toString(${alias}${chIdent(c)}), ${stringLiteral("\\N")})`);
  if (parts.length === 1) return parts[0] as string;
  return `concat(${parts.join(`, ${stringLiteral("\u001f")}, `)})`;
}

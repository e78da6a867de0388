/**
 * Every value that reaches ClickHouse as text passes through this file. ClickHouse 18.16 has no
 * query parameters, so bound values (`$1…$n` in the shared SQL) become literals here, and rows
 * are sent as TabSeparated text. Tested in test/store/clickhouse-literal.test.ts: quotes,
 * backslashes, NUL, control characters, newlines, non-ASCII, lone surrogates.
 *
 * ClickHouse string literals and TSV fields use the same backslash escapes
 * (https://clickhouse.com/docs/en/sql-reference/syntax#string and the TabSeparated format):
 * `\\ \' \n \t \r \0 \b \f`. Anything else is sent as its UTF-8 bytes, which ClickHouse keeps.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\t": "\\t",
  "\r": "\\r",
  "\0": "\\0",
  "\b": "\\b",
  "\f": "\\f",
};

// Lone UTF-16 surrogates cannot be encoded as UTF-8: Node would send U+FFFD and silently change
// the value, so they are refused instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function escapeText(s: string, chars: RegExp): string {
  if (LONE_SURROGATE.test(s)) throw new TypeError("text contains a lone UTF-16 surrogate");
  return s.replace(chars, (c) => ESCAPES[c] ?? c);
}

const LITERAL_CHARS = /[\\'\n\t\r\0\b\f]/g;
// In TSV a single quote needs no escape; ClickHouse reads `\'` too, but plain is smaller.
const TSV_CHARS = /[\\\n\t\r\0\b\f]/g;

/** A ClickHouse string literal: `'…'` with backslash escapes. */
export function stringLiteral(s: string): string {
  return `'${escapeText(s, LITERAL_CHARS)}'`;
}

/** A ClickHouse literal for a JS value: NULL, number, bigint, boolean (1/0), string, array. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`cannot bind ${value} as a SQL value`);
      // Negative numbers in parentheses so `x-$1` never becomes `x--1` (a comment).
      return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
    case "bigint":
      return value < 0n ? `(${value.toString()})` : value.toString();
    case "boolean":
      return value ? "1" : "0";
    case "string":
      return stringLiteral(value);
    default:
      if (Array.isArray(value)) return `[${value.map(element).join(",")}]`;
      throw new TypeError(`cannot bind a value of type ${typeof value}`);
  }
}

/** An array element: as a literal, but a negative number needs no parentheses after `[` or `,`. */
function element(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return literal(value);
}

/**
 * Replace `$1…$n` in `sql` by the literals of `params`. Placeholders inside string literals,
 * quoted identifiers and comments are left alone. Every parameter must be used and every
 * placeholder must have a parameter: a mismatch is a programming error, thrown.
 */
export function bindParams(sql: string, params: readonly unknown[] = []): string {
  let out = "";
  const used = new Set<number>();
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"' || c === "`") {
      const end = quotedEnd(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) throw new SyntaxError("unterminated comment in SQL");
      out += sql.slice(i, end + 2);
      i = end + 2;
    } else if (c === "$" && /[0-9]/.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (/[0-9]/.test(sql[j] ?? "")) j++;
      const n = Number(sql.slice(i + 1, j));
      if (n < 1 || n > params.length) {
        throw new RangeError(`SQL placeholder $${n} has no value (${params.length} given)`);
      }
      used.add(n);
      out += literal(params[n - 1]);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  if (used.size !== params.length) {
    throw new RangeError(`${params.length} values given but ${used.size} placeholders used`);
  }
  return out;
}

/** Index after the quoted token starting at `start` (doubled quotes and backslashes escape). */
function quotedEnd(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "\\") i += 2;
    else if (c === quote && sql[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  throw new SyntaxError("unterminated quoted text in SQL");
}

/** One TabSeparated field: `\N` for null, escaped text, arrays as literals. */
export function tsvField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value, TSV_CHARS);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`cannot store ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "1" : "0";
  // Arrays in TSV are written as literals, [1,2] or ['a\tb'], read once (not escaped again): the
  // literal escapes already keep tabs and line ends out of the field.
  if (Array.isArray(value)) return literal(value);
  throw new TypeError(`cannot store a value of type ${typeof value}`);
}

import type { DuckDBConnection } from "@duckdb/node-api";

/** Numbers as JS numbers (BIGINT within the safe range), lists as arrays, dates as ISO strings. */
export function toJs(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** The rows of a query on one connection (inside its transaction, if any), as plain JS values. */
export async function readRows<T = Record<string, unknown>>(
  con: DuckDBConnection,
  sql: string,
  params?: readonly unknown[],
): Promise<T[]> {
  const reader = await con.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = toJs(v);
    return out as T;
  });
}

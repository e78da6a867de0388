import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { BadInputError } from "../core/errors.js";
import { DuckDbStore } from "./duckdb/duckdb-store.js";
import type { Store } from "./store.js";

export const DEFAULT_STORE = "entente.duckdb";

/** The store location from `--store`, then ENTENTE_STORE, then ./entente.duckdb. */
export function storeLocation(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.ENTENTE_STORE ?? DEFAULT_STORE;
}

/** True for a store given as a URL (clickhouse://…) rather than a DuckDB file path. */
export function isStoreUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

/**
 * Whether a store may exist at `location`: a DuckDB file that exists, or any URL (a server
 * answers for itself when opened).
 */
export function storeMayExist(location: string): boolean {
  return isStoreUrl(location) || existsSync(location);
}

export interface OpenStoreOptions {
  /** Open without write access (read-only commands); the store must exist. */
  readonly readOnly?: boolean;
}

/**
 * Open the store at `location`: a DuckDB file path, or `clickhouse://HOST:PORT/DATABASE` (user
 * and password from ENTENTE_CLICKHOUSE_USER / ENTENTE_CLICKHOUSE_PASSWORD).
 */
export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  if (scheme === "clickhouse" || scheme === "clickhouses") {
    // Loaded on demand: DuckDB users do not pay for the HTTP client at every start.
    const { ClickHouseStore } = await import("./clickhouse/clickhouse-store.js");
    return ClickHouseStore.open(location, opts);
  }
  if (scheme) {
    throw new BadInputError("unsupported_store", `Store URL scheme "${scheme}" is not supported`, {
      hint: "Give a DuckDB file path, or clickhouse://HOST:PORT/DATABASE, with --store or ENTENTE_STORE",
    });
  }
  return DuckDbStore.open(location === ":memory:" ? location : resolve(location), opts);
}

import { resolve } from "node:path";
import { BadInputError } from "../core/errors.js";
import { DuckDbStore } from "./duckdb/duckdb-store.js";
import type { Store } from "./store.js";

export const DEFAULT_STORE = "entente.duckdb";

/** The store location from `--store`, then ENTENTE_STORE, then ./entente.duckdb. */
export function storeLocation(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.ENTENTE_STORE ?? DEFAULT_STORE;
}

export interface OpenStoreOptions {
  /** Open without write access (read-only commands); the store must exist. */
  readonly readOnly?: boolean;
}

/** Open the store at `location`: a DuckDB file path (a URL scheme selects another backend). */
export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  if (scheme) {
    throw new BadInputError("unsupported_store", `Store URL scheme "${scheme}" is not supported`, {
      hint: "Give a DuckDB file path with --store or ENTENTE_STORE",
    });
  }
  return DuckDbStore.open(location === ":memory:" ? location : resolve(location), opts);
}

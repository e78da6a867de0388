import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { DuckDbStore } from "../src/store/duckdb/duckdb-store.js";
import type { Store } from "../src/store/store.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The shared real datasets (../shared/data beside the repo); absent on a user's fresh clone. */
export const DATA = resolve(here, "../../shared/data");
export const hasData = existsSync(DATA);
export const NO_DATA_REASON = `skipped: ${DATA} not present (real-data tests run in CI)`;
export const dataFile = (rel: string): string => join(DATA, rel);

export const FIXTURES = resolve(here, "fixtures");
export const fixture = (rel: string): string => join(FIXTURES, rel);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "entente-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh DuckDB store file in a temporary directory, closed and removed after the test. */
export async function tempStore(): Promise<DuckDbStore> {
  const store = await DuckDbStore.open(join(tempDir(), "test.duckdb"));
  cleanups.unshift(() => store.close());
  return store;
}

export async function rows<T = Record<string, unknown>>(
  store: Store,
  sql: string,
  params?: unknown[],
) {
  return store.query<T>(sql, params);
}

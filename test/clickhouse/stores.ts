/**
 * Fresh ClickHouse stores for tests, on the servers that test/clickhouse/global-setup.ts starts
 * once per run: each store is its own database, dropped afterwards.
 */
import { inject } from "vitest";
import { ClickHouseStore } from "../../src/store/clickhouse/clickhouse-store.js";

export const clickhouse = inject("clickhouse");

let counter = 0;

const hostPort = (url: string): string => new URL(url).host;

/** A unique database name for this worker. */
export function databaseName(prefix = "t"): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}_${Date.now().toString(36)}`;
}

/** Store URL of a database on the single node, or on the two-shard cluster. */
export function storeUrl(db: string, kind: "single" | "cluster"): string {
  const ch = clickhouse;
  if (!ch) throw new Error("ClickHouse is not running");
  if (kind === "single") return `clickhouse://${hostPort(ch.single)}/${db}`;
  const nodes = ch.cluster.map(hostPort).join(",");
  return `clickhouse://${hostPort(ch.cluster[0] as string)}/${db}?cluster=${ch.clusterName}&nodes=${nodes}`;
}

/** Drop a database on every server it may live on. */
export async function dropDatabase(db: string, kind: "single" | "cluster"): Promise<void> {
  const ch = clickhouse;
  if (!ch) return;
  const urls = kind === "single" ? [ch.single] : ch.cluster;
  for (const url of urls) {
    const r = await fetch(`${url}/`, { method: "POST", body: `DROP DATABASE IF EXISTS \`${db}\`` });
    if (!r.ok) throw new Error(`DROP DATABASE ${db} on ${url}: ${await r.text()}`);
  }
}

/** Opens fresh stores; `cleanup()` closes them and drops their databases. */
export function clickhouseStores(kind: "single" | "cluster") {
  const opened: Array<{ store: ClickHouseStore; db: string }> = [];
  return {
    async open(): Promise<ClickHouseStore> {
      const db = databaseName(kind === "single" ? "s" : "c");
      const store = await ClickHouseStore.open(storeUrl(db, kind));
      opened.push({ store, db });
      return store;
    },
    async cleanup(): Promise<void> {
      while (opened.length) {
        const o = opened.pop();
        if (!o) break;
        await o.store.close();
        await dropDatabase(o.db, kind);
      }
    },
  };
}

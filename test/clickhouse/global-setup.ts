// vitest globalSetup: when clickhouse-server is installed, start one single-node server and one
// 2-shard cluster once for the whole run and hand their URLs to the tests:
//
//   const ch = inject("clickhouse");   // null when ClickHouse is not installed
//   it.skipIf(!ch)("…", async () => { await chQuery(ch!.single, "SELECT 1"); });
//
// The servers are shared by all test files, so each file works in its own uniquely named database.
import type { TestProject } from "vitest/node";
import {
  CLUSTER_NAME,
  type ClickHouseCluster,
  type ClickHouseServer,
  hasClickHouse,
  startClickHouse,
  startCluster,
} from "./servers.js";

/** What tests get from inject("clickhouse"). */
export interface ProvidedClickHouse {
  /** URL of the single-node server, e.g. "http://127.0.0.1:40123". */
  single: string;
  /** URLs of the cluster's nodes (2 shards, one replica each). */
  cluster: string[];
  /** The cluster's name in every node's <remote_servers>: "entente". */
  clusterName: string;
  /** Native-protocol ports of the cluster's nodes (same order as cluster), for remote('127.0.0.1:<port>', …). */
  clusterTcpPorts: number[];
}

declare module "vitest" {
  export interface ProvidedContext {
    clickhouse: ProvidedClickHouse | null;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  if (!hasClickHouse()) {
    provide("clickhouse", null);
    return async () => {};
  }
  const [single, cluster] = await Promise.allSettled([startClickHouse(), startCluster(2)]);
  const started: Array<ClickHouseServer | ClickHouseCluster> = [];
  if (single.status === "fulfilled") started.push(single.value);
  if (cluster.status === "fulfilled") started.push(cluster.value);
  const stopAll = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  if (single.status === "rejected" || cluster.status === "rejected") {
    await stopAll();
    // Installed but not starting is a real failure, not a reason to skip.
    throw single.status === "rejected" ? single.reason : (cluster as PromiseRejectedResult).reason;
  }
  provide("clickhouse", {
    single: single.value.url,
    cluster: cluster.value.nodes.map((n) => n.url),
    clusterName: CLUSTER_NAME,
    clusterTcpPorts: cluster.value.nodes.map((n) => n.tcpPort),
  });
  return stopAll;
}

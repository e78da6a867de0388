/**
 * What a ClickHouse load or event session needs of its store: the connections, the dialect, the
 * shard weights and the bookkeeping calls. `ClickHouseStore` implements it; the sessions take it
 * instead of the store's class, so that the store and its sessions do not import each other.
 */
import type { SqlDialect } from "../dialect.js";
import type { ReleaseHost } from "./clickhouse-releases.js";
import type { ChNode } from "./connection.js";

export interface ClickHouseHost extends ReleaseHost {
  readonly node: ChNode;
  readonly shards: readonly ChNode[];
  readonly sql: SqlDialect;
  /** Sum of the cluster's shard weights (1 on a single server). */
  readonly totalWeight: number;
  nextFileId(): Promise<number>;
  /** Record a load in progress, so that a killed one is cleaned up at the next open. */
  journal(fileId: number, table: string, stage: string): Promise<void>;
  /** Delete a file's rows from a table (every shard), waiting until done. */
  removeFile(table: string, fileId: number): Promise<void>;
}

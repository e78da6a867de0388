import { BadInputError } from "../../core/errors.js";

/** Where a ClickHouse store lives, from `clickhouse://HOST:PORT/DATABASE[?cluster=…&nodes=…]`. */
export interface ClickHouseLocation {
  /** HTTP(S) URL of the node Entente talks to (the coordinator of a cluster). */
  readonly url: string;
  readonly database: string;
  /** Cluster name of the servers' `remote_servers`: event tables become Distributed over it. */
  readonly cluster: string | null;
  /**
   * HTTP URLs of every shard, for creating the shard-local tables. Default: the cluster's hosts
   * from system.clusters with the coordinator's HTTP port.
   */
  readonly nodes: readonly string[] | null;
  readonly username: string;
  readonly password: string;
  /** The location without credentials, for messages. */
  readonly display: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function bad(message: string): BadInputError {
  return new BadInputError("bad_store_url", message, {
    hint: "Write it as clickhouse://HOST:PORT/DATABASE (HTTP port, usually 8123), optionally ?cluster=NAME; user and password go in ENTENTE_CLICKHOUSE_USER / ENTENTE_CLICKHOUSE_PASSWORD",
  });
}

function hostPort(text: string, what: string): string {
  const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
    throw bad(`${what} "${text}" is not HOST:PORT`);
  }
  return `${m[1]}:${m[2]}`;
}

/**
 * Parse a store URL. `clickhouse://` talks HTTP, `clickhouses://` HTTPS. Credentials in the URL
 * are refused (they would end up in shell history and in messages); they come from the
 * environment.
 */
export function parseClickHouseUrl(
  location: string,
  env: NodeJS.ProcessEnv = process.env,
): ClickHouseLocation {
  let u: URL;
  try {
    u = new URL(location);
  } catch {
    throw bad(`Store URL "${location}" is not a URL`);
  }
  const scheme = u.protocol.replace(/:$/, "");
  if (scheme !== "clickhouse" && scheme !== "clickhouses") {
    throw bad(`Store URL scheme "${scheme}" is not clickhouse or clickhouses`);
  }
  if (u.username || u.password) {
    throw bad("Store URL carries a user or password");
  }
  if (!u.port) throw bad(`Store URL "${location}" has no port`);
  const http = scheme === "clickhouses" ? "https" : "http";
  const host = hostPort(u.host, "host");
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!IDENT.test(database)) {
    throw bad(
      `Database name "${database}" must be letters, digits and _ (not starting with a digit)`,
    );
  }
  for (const key of u.searchParams.keys()) {
    if (key !== "cluster" && key !== "nodes") throw bad(`Unknown store URL option "${key}"`);
  }
  const cluster = u.searchParams.get("cluster");
  if (cluster !== null && !IDENT.test(cluster)) {
    throw bad(`Cluster name "${cluster}" must be letters, digits and _`);
  }
  const nodesText = u.searchParams.get("nodes");
  if (nodesText !== null && cluster === null) throw bad("nodes= needs cluster=");
  const nodes =
    nodesText === null
      ? null
      : nodesText.split(",").map((n) => `${http}://${hostPort(n.trim(), "node")}`);
  const display = `${scheme}://${host}/${database}${cluster ? `?cluster=${cluster}` : ""}`;
  return {
    url: `${http}://${host}`,
    database,
    cluster,
    nodes,
    username: env.ENTENTE_CLICKHOUSE_USER ?? "default",
    password: env.ENTENTE_CLICKHOUSE_PASSWORD ?? "",
    display,
  };
}

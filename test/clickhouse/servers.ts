// Real ClickHouse servers for tests and benchmarks: Debian's clickhouse-server 18.16, one process
// per server, each in its own temporary directory with its own config, data and logs, listening on
// 127.0.0.1 only, on free ports. No vitest imports here: benchmarks load this file through tsx
// (`node --import tsx bench/….mjs` may import it directly).
//
//   const server = await startClickHouse();         // one server
//   await chQuery(server.url, "SELECT version()");  // "18.16.1\n"
//   await server.stop();                            // SIGTERM, wait, remove the directory
//
//   const c = await startCluster(2);                // cluster "entente": 2 shards, 1 replica each
//   await c.stop();
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Where Debian's clickhouse-server package installs the server. */
export const CLICKHOUSE_SERVER_PATH = "/usr/sbin/clickhouse-server";

/** The name of the cluster that startCluster configures. */
export const CLUSTER_NAME = "entente";

const START_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
const STOP_GRACE_MS = 10_000;

let binaryCache: string | null | undefined;

/** The clickhouse-server executable: /usr/sbin/clickhouse-server, else the first on PATH; null if none. */
export function clickHouseServerBinary(): string | null {
  if (binaryCache !== undefined) return binaryCache;
  const candidates = [
    CLICKHOUSE_SERVER_PATH,
    ...(process.env.PATH ?? "")
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, "clickhouse-server")),
  ];
  binaryCache = candidates.find(isExecutable) ?? null;
  return binaryCache;
}

/** Whether clickhouse-server is installed (tests that need it skip otherwise). */
export function hasClickHouse(): boolean {
  return clickHouseServerBinary() !== null;
}

/** One line for skipped tests. */
export const NO_CLICKHOUSE_REASON = `skipped: clickhouse-server not installed (neither ${CLICKHOUSE_SERVER_PATH} nor on PATH; apt-get install clickhouse-server, as .ci/run does)`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Shards of a cluster, each a list of replicas. */
export type ClusterShards = Array<Array<{ host: string; port: number }>>;

export interface ClickHousePorts {
  http: number;
  tcp: number;
  interserver: number;
}

export interface StartClickHouseOptions {
  /** Clusters for `<remote_servers>`: cluster name → shards → replicas. */
  remoteServers?: Record<string, ClusterShards>;
  /** Fixed ports; by default free ones are picked (and picked again if one was taken meanwhile). */
  ports?: ClickHousePorts;
  /** Prefix of the temporary directory's name (under os.tmpdir()). Default "entente-clickhouse-". */
  prefix?: string;
  /** How long to wait for /ping to answer. Default 30 s. */
  startTimeoutMs?: number;
  /** profiles/default/max_memory_usage in bytes. Default 4 GB. */
  maxMemoryUsage?: number;
  /** Server time zone. Default "UTC". */
  timezone?: string;
}

export interface ClickHouseServer {
  httpPort: number;
  tcpPort: number;
  interserverPort: number;
  /** http://127.0.0.1:<httpPort> */
  url: string;
  /** The temporary directory: config.xml, users.xml, data/, tmp/, log/. Removed by stop(). */
  dir: string;
  pid: number;
  /** SIGTERM, wait for the exit (SIGKILL after 10 s), remove dir. Idempotent. */
  stop(): Promise<void>;
}

export interface ClickHouseCluster {
  nodes: ClickHouseServer[];
  /** The cluster's name in every node's `<remote_servers>`: "entente". */
  cluster: string;
  stop(): Promise<void>;
}

// Servers still running, killed (SIGKILL) and their directories removed if this process exits
// without stopping them. Each server is also started under `setpriv --pdeathsig KILL` when
// available, so the kernel kills it even if this process dies by a signal.
const live = new Map<number, { child: ChildProcess; dir: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const { child, dir } of live.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort: the server may still hold files for a moment
      }
    }
    live.clear();
  });
}

let pdeathsigCache: boolean | undefined;

/**
 * Whether servers die with the process that started them even when it is killed by a signal
 * (they run under util-linux's `setpriv --pdeathsig KILL`, util-linux ≥ 2.33). Otherwise only a
 * normal exit of that process kills them.
 */
export function setprivPdeathsig(): boolean {
  if (pdeathsigCache === undefined) {
    try {
      const help = execFileSync("setpriv", ["--help"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      pdeathsigCache = help.includes("--pdeathsig");
    } catch {
      pdeathsigCache = false;
    }
  }
  return pdeathsigCache;
}

/** n distinct free TCP ports on 127.0.0.1, found by binding port 0 (all held open together). */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.unref();
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => {
    const addr = s.address();
    if (addr === null || typeof addr === "string") throw new Error("freePorts: no port");
    return addr.port;
  });
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

async function freeServerPorts(n: number): Promise<ClickHousePorts[]> {
  const p = await freePorts(3 * n);
  return Array.from({ length: n }, (_, i) => ({
    http: p[3 * i] as number,
    tcp: p[3 * i + 1] as number,
    interserver: p[3 * i + 2] as number,
  }));
}

function xml(s: string | number): string {
  return String(s)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function remoteServersXml(clusters: Record<string, ClusterShards> | undefined): string {
  if (!clusters || Object.keys(clusters).length === 0) return "";
  const body = Object.entries(clusters)
    .map(([name, shards]) => {
      const shardXml = shards
        .map(
          (replicas) =>
            `      <shard>\n${replicas
              .map(
                (r) =>
                  `        <replica><host>${xml(r.host)}</host><port>${xml(r.port)}</port></replica>\n`,
              )
              .join("")}      </shard>\n`,
        )
        .join("");
      return `    <${name}>\n${shardXml}    </${name}>\n`;
    })
    .join("");
  return `  <remote_servers>\n${body}  </remote_servers>\n`;
}

function configXml(dir: string, ports: ClickHousePorts, opts: StartClickHouseOptions): string {
  const d = (rel: string) => xml(join(dir, rel));
  // 18.16 wants the <yandex> root (<clickhouse> came in 21.x) and fails at startup without
  // mark_cache_size. Paths that default to /var/lib/clickhouse are all moved into dir.
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${d("log/server.log")}</log>
    <errorlog>${d("log/error.log")}</errorlog>
    <size>100M</size>
    <count>1</count>
    <console>0</console>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${d("data")}/</path>
  <tmp_path>${d("tmp")}/</tmp_path>
  <user_files_path>${d("user_files")}/</user_files_path>
  <format_schema_path>${d("format_schemas")}/</format_schema_path>
  <users_config>${d("users.xml")}</users_config>
  <include_from>${d("metrika.xml")}</include_from>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>${xml(opts.timezone ?? "UTC")}</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <keep_alive_timeout>3</keep_alive_timeout>
  <mlock_executable>false</mlock_executable>
${remoteServersXml(opts.remoteServers)}</yandex>
`;
}

function usersXml(opts: StartClickHouseOptions): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>${opts.maxMemoryUsage ?? 4_000_000_000}</max_memory_usage>
      <use_uncompressed_cache>0</use_uncompressed_cache>
      <load_balancing>in_order</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks>
        <ip>127.0.0.1</ip>
        <ip>::1</ip>
      </networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval>
        <duration>3600</duration>
        <queries>0</queries>
        <errors>0</errors>
        <result_rows>0</result_rows>
        <read_rows>0</read_rows>
        <execution_time>0</execution_time>
      </interval>
    </default>
  </quotas>
</yandex>
`;
}

/** The last lines of the server's error log and its stdout/stderr, for error messages. */
function logTail(dir: string, lines = 30): string {
  const parts: string[] = [];
  for (const rel of ["log/error.log", "log/stdout.log"]) {
    let text: string;
    try {
      text = readFileSync(join(dir, rel), "utf8");
    } catch {
      continue;
    }
    // Stack traces are long; keep only the lines that are not frames.
    const kept = text.split("\n").filter((l) => l.trim() !== "" && !/^\d+\. /.test(l));
    if (kept.length) parts.push(`--- ${rel} ---\n${kept.slice(-lines).join("\n")}`);
  }
  return parts.length ? parts.join("\n") : "(no log output)";
}

/** GET a URL on 127.0.0.1 without keep-alive; resolves with status and body. */
function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

/** Whether GET <url>/ping answers "Ok.". */
export async function pingClickHouse(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const r = await httpGet(`${url}/ping`, timeoutMs);
    return r.status === 200 && r.body.trim() === "Ok.";
  } catch {
    return false;
  }
}

/**
 * Runs one statement over HTTP (POST body) and returns the response text; throws with the
 * server's message on a non-200 answer. Append `FORMAT JSON` etc. as needed.
 */
export async function chQuery(
  url: string,
  sql: string,
  params: Record<string, string> = {},
): Promise<string> {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  const res = await fetch(u, { method: "POST", body: sql });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse ${res.status}: ${text.trim()}\nquery: ${sql}`);
  return text;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class AddressInUse extends Error {}

async function startOnce(
  ports: ClickHousePorts,
  opts: StartClickHouseOptions,
): Promise<ClickHouseServer> {
  const binary = clickHouseServerBinary();
  if (!binary) throw new Error(NO_CLICKHOUSE_REASON);
  const dir = mkdtempSync(join(tmpdir(), opts.prefix ?? "entente-clickhouse-"));
  for (const sub of ["data", "tmp", "log", "user_files", "format_schemas"]) {
    mkdirSync(join(dir, sub));
  }
  const configFile = join(dir, "config.xml");
  writeFileSync(configFile, configXml(dir, ports, opts));
  writeFileSync(join(dir, "users.xml"), usersXml(opts));
  // Substitutions come from here instead of the host's /etc/metrika.xml; 18.16 refuses to start
  // if the include_from file is missing.
  writeFileSync(join(dir, "metrika.xml"), '<?xml version="1.0"?>\n<yandex></yandex>\n');

  // stdout/stderr go to a file, not to pipes, so that nothing of the child keeps this process's
  // event loop alive; 18.16 prints config errors there before its logger is set up.
  const out = openSync(join(dir, "log/stdout.log"), "a");
  const args = [`--config-file=${configFile}`];
  const [cmd, argv]: [string, string[]] = setprivPdeathsig()
    ? ["setpriv", ["--pdeathsig", "KILL", "--", binary, ...args]]
    : [binary, args];
  let child: ChildProcess;
  try {
    child = spawn(cmd, argv, {
      cwd: dir,
      stdio: ["ignore", out, out],
      env: { ...process.env, TZ: opts.timezone ?? "UTC" },
    });
  } finally {
    closeSync(out);
  }
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const pid = child.pid;
  if (pid === undefined) {
    const e = await spawnError;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start ${cmd}: ${e.message}`);
  }
  child.unref();
  installExitHook();
  live.set(pid, { child, dir });

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (!exited) {
        child.ref(); // keep the event loop alive until the server is gone
        child.kill("SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exitPromise.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          child.kill("SIGKILL");
          await exitPromise;
        }
      }
      live.delete(pid);
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${ports.http}`;
  const timeoutMs = opts.startTimeoutMs ?? START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      const tail = logTail(dir);
      const { code, signal } = exited as { code: number | null; signal: string | null };
      await stop();
      const msg = `clickhouse-server exited during startup (code ${code}, signal ${signal})\n${tail}`;
      throw /Address already in use/i.test(tail) ? new AddressInUse(msg) : new Error(msg);
    }
    if (await pingClickHouse(url, 1_000)) break;
    if (Date.now() > deadline) {
      const tail = logTail(dir);
      await stop();
      throw new Error(
        `clickhouse-server did not answer ${url}/ping within ${timeoutMs} ms\n${tail}`,
      );
    }
    await sleep(POLL_MS);
  }

  return {
    httpPort: ports.http,
    tcpPort: ports.tcp,
    interserverPort: ports.interserver,
    url,
    dir,
    pid,
    stop,
  };
}

const PORT_ATTEMPTS = 3;

/**
 * Starts one clickhouse-server in a fresh temporary directory and resolves once /ping answers.
 * Throws with the tail of its logs if it exits or does not answer within the timeout.
 */
export async function startClickHouse(
  opts: StartClickHouseOptions = {},
): Promise<ClickHouseServer> {
  if (opts.ports) return startOnce(opts.ports, opts);
  for (let attempt = 1; ; attempt++) {
    const [ports] = await freeServerPorts(1);
    try {
      return await startOnce(ports as ClickHousePorts, opts);
    } catch (e) {
      // Another process took a port between freePorts and the server's bind: try new ones.
      if (!(e instanceof AddressInUse) || attempt >= PORT_ATTEMPTS) throw e;
    }
  }
}

export interface StartClusterOptions
  extends Omit<StartClickHouseOptions, "ports" | "remoteServers"> {
  /** The cluster's name. Default "entente". */
  name?: string;
}

/**
 * Starts n servers (in parallel) forming one cluster of n shards with one replica each; every
 * node's `<remote_servers>` lists all shards as 127.0.0.1:<tcp port>.
 */
export async function startCluster(
  n = 2,
  opts: StartClusterOptions = {},
): Promise<ClickHouseCluster> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`startCluster: n must be ≥ 1, got ${n}`);
  const name = opts.name ?? CLUSTER_NAME;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad cluster name: ${name}`);
  for (let attempt = 1; ; attempt++) {
    // Every node must know all tcp ports before any starts: pick them all first.
    const ports = await freeServerPorts(n);
    const shards: ClusterShards = ports.map((p) => [{ host: "127.0.0.1", port: p.tcp }]);
    const results = await Promise.allSettled(
      ports.map((p) =>
        startOnce(p, {
          ...opts,
          prefix: opts.prefix ?? `entente-clickhouse-${name}-`,
          remoteServers: { [name]: shards },
        }),
      ),
    );
    const nodes = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    if (failures.length === 0) {
      return { nodes, cluster: name, stop: () => stopAll(nodes) };
    }
    await stopAll(nodes);
    const retry = failures.every((f) => f instanceof AddressInUse) && attempt < PORT_ATTEMPTS;
    if (!retry) throw failures[0];
  }
}

async function stopAll(servers: ClickHouseServer[]): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}

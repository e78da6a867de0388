// Tests of the ClickHouse test harness itself: the servers started by global-setup.ts, and
// startClickHouse's start/stop/cleanup behaviour.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import {
  chQuery,
  freePorts,
  NO_CLICKHOUSE_REASON,
  pingClickHouse,
  setprivPdeathsig,
  startClickHouse,
} from "./servers.js";

const ch = inject("clickhouse");
const skip = ch ? "" : ` (${NO_CLICKHOUSE_REASON})`;
const here = fileURLToPath(new URL(".", import.meta.url));
const REPO = resolve(here, "../..");

/** Whether pid is a running (not zombie) process. */
function isAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

const uniqueDb = () => `harness_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;

describe("shared servers from global-setup", () => {
  it.skipIf(!ch)(`the single server answers SELECT version() with 18.x${skip}`, async () => {
    if (!ch) return;
    const version = (await chQuery(ch.single, "SELECT version()")).trim();
    expect(version).toMatch(/^18\.\d+\.\d+/);
    expect(await chQuery(ch.single, "SELECT timezone()")).toMatch(/^(Etc\/)?UTC\n$/);
    // The single server is not part of the cluster.
    const n = await chQuery(
      ch.single,
      `SELECT count() FROM system.clusters WHERE cluster = 'entente'`,
    );
    expect(n.trim()).toBe("0");
  });

  it.skipIf(!ch)(`every cluster node lists the entente cluster with 2 shards${skip}`, async () => {
    if (!ch) return;
    expect(ch.clusterName).toBe("entente");
    expect(ch.cluster).toHaveLength(2);
    for (const url of ch.cluster) {
      const n = await chQuery(url, `SELECT count() FROM system.clusters WHERE cluster = 'entente'`);
      expect(n.trim()).toBe("2");
      const ports = await chQuery(
        url,
        `SELECT port FROM system.clusters WHERE cluster = 'entente' ORDER BY shard_num`,
      );
      expect(ports.trim().split("\n").map(Number)).toEqual(ch.clusterTcpPorts);
    }
  });

  it.skipIf(!ch)(`node 1 reaches node 2 through remote() and the cluster${skip}`, async () => {
    if (!ch) return;
    const [n1, n2] = ch.cluster as [string, string];
    const tcp2 = ch.clusterTcpPorts[1];
    const host = await chQuery(
      n1,
      `SELECT hostName() FROM remote('127.0.0.1:${tcp2}', system.one)`,
    );
    expect(host.trim()).not.toBe("");

    // A table that exists on node 2 only, read from node 1.
    const db = uniqueDb();
    await chQuery(n2, `CREATE DATABASE ${db}`);
    try {
      await chQuery(n2, `CREATE TABLE ${db}.marker (v String) ENGINE = Memory`);
      await chQuery(n2, `INSERT INTO ${db}.marker VALUES ('on node 2')`);
      const v = await chQuery(n1, `SELECT v FROM remote('127.0.0.1:${tcp2}', ${db}, marker)`);
      expect(v).toBe("on node 2\n");
      const local = await chQuery(n1, `SELECT count() FROM system.databases WHERE name = '${db}'`);
      expect(local.trim()).toBe("0");
    } finally {
      await chQuery(n2, `DROP DATABASE IF EXISTS ${db}`);
    }

    // One row of system.one per shard, both through cluster() and a Distributed table.
    const viaCluster = await chQuery(n1, `SELECT count() FROM cluster('entente', system.one)`);
    expect(viaCluster.trim()).toBe("2");
    const ddb = uniqueDb();
    await chQuery(n1, `CREATE DATABASE ${ddb}`);
    try {
      await chQuery(
        n1,
        `CREATE TABLE ${ddb}.one AS system.one ENGINE = Distributed(entente, system, one)`,
      );
      expect((await chQuery(n1, `SELECT count() FROM ${ddb}.one`)).trim()).toBe("2");
    } finally {
      await chQuery(n1, `DROP DATABASE IF EXISTS ${ddb}`);
    }
  });
});

describe("startClickHouse", () => {
  it.skipIf(!ch)(
    `stop() ends the server, frees its port and removes its directory${skip}`,
    async () => {
      const server = await startClickHouse();
      try {
        expect(server.url).toBe(`http://127.0.0.1:${server.httpPort}`);
        expect(existsSync(`${server.dir}/config.xml`)).toBe(true);
        expect(existsSync(`${server.dir}/users.xml`)).toBe(true);
        expect(isAlive(server.pid)).toBe(true);
        expect(await pingClickHouse(server.url)).toBe(true);
        expect((await chQuery(server.url, "SELECT 1")).trim()).toBe("1");
        // The default user is allowed from 127.0.0.1 only: the config says so.
        expect(readFileSync(`${server.dir}/users.xml`, "utf8")).not.toContain("::/0");
      } finally {
        await server.stop();
      }
      expect(existsSync(server.dir)).toBe(false);
      expect(isAlive(server.pid)).toBe(false);
      expect(await pingClickHouse(server.url)).toBe(false);
      await server.stop(); // idempotent
    },
  );

  it.skipIf(!ch)(`a port already in use fails fast with the server's log${skip}`, async () => {
    const [port] = (await freePorts(3)) as [number, number, number];
    const others = await freePorts(2);
    // Another service holds the http port (it hangs up on everyone, so close() does not wait).
    const blocker = createServer((socket) => socket.destroy());
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      const started = Date.now();
      await expect(
        startClickHouse({
          ports: { http: port, tcp: others[0] as number, interserver: others[1] as number },
        }),
      ).rejects.toThrow(/exited during startup[\s\S]*Address already in use/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it.skipIf(!ch)(`a server is killed when the process that started it exits${skip}`, async () => {
    const servers = JSON.stringify(resolve(here, "servers.ts"));
    const script = `const { startClickHouse } = await import(${servers});
const s = await startClickHouse();
console.log(JSON.stringify({ pid: s.pid, dir: s.dir, url: s.url }));`;
    // The script ends without stop(): the child must not keep it alive, and its exit hook kills it.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: REPO,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c;
    });
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(err).toBe("");
    expect(code).toBe(0);
    const info = JSON.parse(out) as { pid: number; dir: string; url: string };
    try {
      expect(await waitFor(() => !isAlive(info.pid))).toBe(true);
      expect(existsSync(info.dir)).toBe(false);
      expect(await pingClickHouse(info.url)).toBe(false);
    } finally {
      if (isAlive(info.pid)) process.kill(info.pid, "SIGKILL");
      rmSync(info.dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!ch || !setprivPdeathsig())(
    `a server is killed when the process that started it is SIGKILLed${ch ? (setprivPdeathsig() ? "" : " (skipped: setpriv without --pdeathsig)") : skip}`,
    async () => {
      const servers = JSON.stringify(resolve(here, "servers.ts"));
      const script = `const { startClickHouse } = await import(${servers});
const s = await startClickHouse();
console.log(JSON.stringify({ pid: s.pid, dir: s.dir, url: s.url }));
setInterval(() => {}, 1000);`;
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] },
      );
      const closed = new Promise<void>((r) => child.on("close", () => r()));
      const line = await new Promise<string>((res, rej) => {
        let out = "";
        child.stdout.on("data", (c: Buffer) => {
          out += c;
          if (out.includes("\n")) res(out.slice(0, out.indexOf("\n")));
        });
        child.on("close", () => rej(new Error(`script ended before printing: ${out}`)));
      });
      const info = JSON.parse(line) as { pid: number; dir: string; url: string };
      try {
        expect(isAlive(info.pid)).toBe(true);
        child.kill("SIGKILL");
        await closed;
        expect(await waitFor(() => !isAlive(info.pid))).toBe(true);
        expect(await pingClickHouse(info.url)).toBe(false);
      } finally {
        if (isAlive(info.pid)) process.kill(info.pid, "SIGKILL");
        // Nobody was left to remove the directory.
        rmSync(info.dir, { recursive: true, force: true });
      }
    },
  );
});

/**
 * `entente serve` as a process: the links it prints (issue 16, item 3) and how it stops when
 * started the README's way, `npx entente serve`, with SIGTERM or Ctrl-C (item 7).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { tempDir } from "../helpers.js";
import { BIN, runCli } from "./run-cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TOKEN = "tok-0123456789abcdef-XYZ";

async function emptyStore(): Promise<string> {
  const path = join(tempDir(), "s.duckdb");
  await (await DuckDbStore.open(path)).close();
  return path;
}

interface Started {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
}

/** Spawn a command and wait until it has printed `lines` lines on stdout. */
async function start(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  opts: { lines?: number; detached?: boolean } = {},
): Promise<Started> {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: opts.detached ?? false,
  });
  let out = "";
  let err = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const lines = await new Promise<string[]>((ok, fail) => {
    const check = () => {
      const ls = out.split("\n").slice(0, -1);
      if (ls.length >= (opts.lines ?? 1)) ok(ls);
    };
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      check();
    });
    child.once("exit", (code) => fail(new Error(`exited ${code} before printing: ${err}`)));
  });
  return { child, lines, stderr: () => err };
}

const answers = (url: string) =>
  fetch(new URL("api/health", url), {
    headers: { Authorization: `Bearer ${TOKEN}` },
    signal: AbortSignal.timeout(2000),
  }).then(
    () => true,
    () => false,
  );

async function waitClosed(url: string, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await answers(url))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe("serve prints links that work", () => {
  it("with a token on loopback: one link ending in #token=…, which opens the API", async () => {
    const store = await emptyStore();
    const s = await start(process.execPath, [
      BIN,
      ...["--store", store, "serve", "--port", "0", "--no-web", "--token", TOKEN],
    ]);
    try {
      expect(s.lines).toHaveLength(1);
      const link = new URL(s.lines[0] as string);
      expect(link.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(link.hash).toBe(`#token=${TOKEN}`);
      const token = new URLSearchParams(link.hash.slice(1)).get("token");
      const r = await fetch(new URL("api/health", link), {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(200);
    } finally {
      s.child.kill("SIGTERM");
      expect(await once(s.child, "exit")).toEqual([0, null]);
    }
    expect(s.stderr()).toContain("open the link above (it ends in #token=…)");
  });

  it("with --host 0.0.0.0: a link per address of this machine, never http://0.0.0.0", async () => {
    const store = await emptyStore();
    const expected = Object.values(networkInterfaces())
      .flatMap((l) => l ?? [])
      .filter((a) => !a.internal && a.family === "IPv4")
      .map((a) => a.address);
    const s = await start(
      process.execPath,
      [BIN, ...["--store", store, "serve", "--host", "0.0.0.0", "--port", "0", "--no-web"]],
      { ENTENTE_TOKEN: TOKEN },
      { lines: 1 + new Set(expected).size },
    );
    try {
      const urls = s.lines.map((l) => new URL(l));
      expect(urls.map((u) => u.hostname)).toEqual(["127.0.0.1", ...new Set(expected)]);
      expect(new Set(urls.map((u) => u.port)).size).toBe(1);
      for (const u of urls) expect(u.hash).toBe(`#token=${TOKEN}`);
      expect(s.lines.join("\n")).not.toContain("0.0.0.0");
      // Only the loopback link is tried: tests never send traffic to other addresses.
      expect(await answers(s.lines[0] as string)).toBe(true);
    } finally {
      s.child.kill("SIGTERM");
      await once(s.child, "exit");
    }
  });

  it("refuses a token of spaces or of unprintable characters, with one line and exit 2", () => {
    for (const token of [" ".repeat(16), `${"a".repeat(16)} b`, `${"a".repeat(16)}\u00e9`]) {
      const r = runCli(["serve", "--port", "0", "--no-web", "--token", token]);
      expect(r.code, JSON.stringify(token)).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([
        "entente: The token has spaces or characters that are not printable ASCII. Use letters, digits and punctuation only, e.g. `openssl rand -hex 32`",
      ]);
    }
  });
});

/**
 * `npx entente serve`, as the README says. npx runs from a temporary npm cache, offline and
 * without lifecycle scripts: it links this package and runs the built bin (npm test builds it).
 */
describe("npx entente serve stops with SIGTERM and with Ctrl-C", () => {
  const npx = (store: string, detached: boolean) =>
    start(
      "npx",
      ["entente", "--store", store, "serve", "--port", "0", "--no-web", "--token", TOKEN],
      {
        npm_config_cache: join(tempDir(), "npm-cache"),
        npm_config_ignore_scripts: "true",
        npm_config_offline: "true",
        npm_config_update_notifier: "false",
      },
      { detached },
    );

  it("SIGTERM to the npx process stops the server; the store can then be written", async () => {
    const store = await emptyStore();
    const s = await npx(store, false);
    const url = s.lines[0] as string;
    expect(await answers(url)).toBe(true);
    // While it serves, a write to the store is refused (the server holds it).
    const busy = runCli(["--store", store, "ingest", join(ROOT, "test/fixtures/cow_trade")]);
    expect(busy.code).not.toBe(0);
    s.child.kill("SIGTERM");
    expect(await waitClosed(url)).toBe(true);
    const r = runCli(["--store", store, "ingest", join(ROOT, "test/fixtures/cow_trade")]);
    expect(r.code, r.stderr).toBe(0);
  }, 90_000);

  it("Ctrl-C (SIGINT to the terminal's process group) stops it too", async () => {
    const store = await emptyStore();
    const s = await npx(store, true);
    const url = s.lines[0] as string;
    expect(await answers(url)).toBe(true);
    const exited = once(s.child, "exit");
    process.kill(-(s.child.pid as number), "SIGINT");
    await exited;
    expect(await waitClosed(url)).toBe(true);
    const r = runCli(["--store", store, "ingest", join(ROOT, "test/fixtures/cow_trade")]);
    expect(r.code, r.stderr).toBe(0);
  }, 90_000);
});

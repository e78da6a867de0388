#!/usr/bin/env node
// Benchmark: build a store from ../shared/data once, start `entente --store S serve --port <free>`
// as a separate process, and load `GET /api/dyads/RUS/CHN` with autocannon (50 connections,
// 20 s). Prints p50/p99 latency, requests/s and errors as JSON, then stops the server.
// Target: p99 under 100 ms with 0 errors.
//   npm run build && node bench/api.bench.mjs [--gzip] [--workers N] [SECONDS] [DATA_DIR] [-- serve flags, e.g. --no-cache]
// --gzip sends Accept-Encoding: gzip as browsers do (the body is ~360 KB plain, ~10x less gzipped).
// ENTENTE_BIN overrides the CLI entry point (default bin/entente.js).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const TARGET_P99_MS = 100;
const CONNECTIONS = 50;
const PATH = "/api/dyads/RUS/CHN";
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = resolve(process.env.ENTENTE_BIN ?? join(root, "bin/entente.js"));
const dash = process.argv.indexOf("--");
const own = dash === -1 ? process.argv.slice(2) : process.argv.slice(2, dash);
const gzip = own.includes("--gzip");
// Load generator threads (autocannon workers): one client thread parsing 360 KB answers
// saturates a core of this 2-core machine before the server does.
const wIdx = own.indexOf("--workers");
const workers = wIdx === -1 ? 1 : Number(own[wIdx + 1]);
const positional = own.filter((a, i) => a !== "--gzip" && a !== "--workers" && i !== wIdx + 1);
const serveFlags = dash === -1 ? [] : process.argv.slice(dash + 1);
const seconds = Number(positional[0] ?? 20);
const data = resolve(positional[1] ?? join(root, "../shared/data"));

if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`bench: SECONDS must be a positive number, not ${positional[0]}`);
  process.exit(2);
}
if (!existsSync(data)) {
  console.error(`bench: ${data} not found; pass the data directory`);
  process.exit(2);
}
if (!existsSync(join(root, "dist/cli/main.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}

function entente(args) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(
      `entente ${args.join(" ")} exited ${r.status ?? r.signal}\n${r.stderr || r.stdout.slice(0, 2000)}`,
    );
  }
  return r.stdout;
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Start the server; resolves with the child and the URL it prints on its first line. */
function startServe(store, port) {
  const child = spawn(
    process.execPath,
    [bin, "--store", store, "serve", "--port", String(port), ...serveFlags],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d) => {
    stderr += d;
  });
  return new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(
      () => fail(new Error(`serve did not start in 30 s\n${stderr}`)),
      30_000,
    );
    child.stdout.setEncoding("utf8").on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      if (out.includes("\n") && /^https?:\/\//.test(line)) {
        clearTimeout(timer);
        ok({ child, url: line.trim() });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`serve exited ${code ?? signal} before printing its URL\n${stderr}`));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((ok) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", (code, signal) => {
      clearTimeout(kill);
      ok(code ?? signal);
    });
    child.kill("SIGTERM");
  });
}

const round = (v) => Number(Number(v).toFixed(2));
const dir = mkdtempSync(join(tmpdir(), "entente-bench-api-"));
let server = null;
try {
  const store = join(dir, "bench.duckdb");
  const t0 = Date.now();
  entente(["--store", store, "ingest", data]);
  const ingestSeconds = (Date.now() - t0) / 1000;
  server = await startServe(store, await freePort());
  const url = new URL(PATH, server.url).toString();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    ...(workers > 1 ? { workers } : {}),
    ...(gzip ? { headers: { "accept-encoding": "gzip" } } : {}),
  });
  const exit = await stop(server.child);
  server = null;
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    JSON.stringify({
      url: PATH,
      serve_flags: serveFlags,
      accept_encoding: gzip ? "gzip" : null,
      body_bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
      connections: CONNECTIONS,
      client_workers: workers,
      seconds,
      latency_ms: {
        p50: round(result.latency.p50),
        p99: round(result.latency.p99),
        max: round(result.latency.max),
      },
      requests_per_s: round(result.requests.average),
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non_2xx: result.non2xx,
      target_p99_ms: TARGET_P99_MS,
      within_target: result.latency.p99 < TARGET_P99_MS && errors === 0,
      server_exit: exit,
      ingest_seconds: round(ingestSeconds),
    }),
  );
} catch (e) {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  if (server) await stop(server.child);
  rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// Benchmark: what `entente trend A B` adds to `entente dyad A B`. Builds a store from
// ../shared/data once, reads every indicator of one dyad with dyad() (not timed), then times
// dyadTrends() on that result N times in-process and prints min/median/max milliseconds as JSON,
// the CPU time per call and the machine's load, with the whole-process times of `dyad --format json` and `trend --json` for context.
// Target: dyadTrends under 100 ms.
//   npm run build && node bench/trend.bench.mjs [N] [A] [B] [DATA_DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const TARGET_MS = 100;
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/entente.js");
const runs = Number(process.argv[2] ?? 20);
const a = process.argv[3] ?? "RUS";
const b = process.argv[4] ?? "CHN";
const data = resolve(process.argv[5] ?? join(root, "../shared/data"));
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: N must be a positive integer, not ${process.argv[2]}`);
  process.exit(2);
}
if (!existsSync(data) || !existsSync(join(root, "dist/frames/dyad-trends.js"))) {
  console.error("bench: needs ../shared/data and dist/ (run `npm run build` first)");
  process.exit(2);
}
const { dyad } = await import(join(root, "dist/frames/dyad.js"));
const { dyadTrends } = await import(join(root, "dist/frames/dyad-trends.js"));
const { openStore } = await import(join(root, "dist/store/open.js"));

const dir = mkdtempSync(join(tmpdir(), "entente-bench-trend-"));
const store = join(dir, "bench.duckdb");
const cli = (args) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, "--store", store, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`entente ${args.join(" ")} failed:\n${r.stderr}`);
  return performance.now() - t0;
};
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
try {
  process.stderr.write(`ingesting ${data}\n`);
  cli(["ingest", data]);
  const s = await openStore(store, { readOnly: true });
  const result = await dyad(s, a, b);
  await s.close();
  const series = result.indicators.length;
  dyadTrends(result); // warm-up
  const ms = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    dyadTrends(result);
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const dyadMs = [];
  const trendMs = [];
  for (let i = 0; i < 3; i++) {
    dyadMs.push(cli(["dyad", a, b, "--format", "json"]));
    trendMs.push(cli(["trend", a, b, "--json"]));
  }
  const out = {
    dyad: `${a}-${b}`,
    indicators: series,
    years: result.rows.length,
    dyadTrendsMs: { min: Math.min(...ms), median: median(ms), max: Math.max(...ms) },
    // CPU time per call: what the work costs, less sensitive than wall time to a busy machine.
    dyadTrendsCpuMs: (cpu.user + cpu.system) / 1000 / runs,
    loadAverage: (await import("node:os")).loadavg()[0],
    processMedianMs: { dyad: median(dyadMs), trend: median(trendMs) },
    targetMs: TARGET_MS,
    pass: median(ms) < TARGET_MS,
  };
  console.log(JSON.stringify(out, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

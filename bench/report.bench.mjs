#!/usr/bin/env node
// Benchmark: build a store from ../shared/data once, then time `entente report RUS CHN --case
// russia-china --out <tmp>/report.html` as a whole process (start-up included), N times, and
// print min/median/max wall seconds as JSON. Target: median under 3 s.
//   npm run build && node bench/report.bench.mjs [N] [DATA_DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TARGET_SECONDS = 3;
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/entente.js");
const runs = Number(process.argv[2] ?? 5);
const data = resolve(process.argv[3] ?? join(root, "../shared/data"));
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: N must be a positive integer, not ${process.argv[2]}`);
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

/** Run the CLI as a user would; throw with its output if it fails. */
function entente(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    throw new Error(
      `entente ${args.join(" ")} exited ${r.status ?? r.signal}\n${r.stderr || r.stdout.slice(0, 2000)}`,
    );
  }
  return seconds;
}

const round = (s) => Number(s.toFixed(3));
const dir = mkdtempSync(join(tmpdir(), "entente-bench-report-"));
try {
  const store = join(dir, "bench.duckdb");
  const out = join(dir, "report.html");
  const ingestSeconds = entente(["--store", store, "ingest", data]);
  const times = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    times.push(
      entente(["--store", store, "report", "RUS", "CHN", "--case", "russia-china", "--out", out]),
    );
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  console.log(
    JSON.stringify({
      runs,
      min_seconds: round(times[0]),
      median_seconds: round(median),
      max_seconds: round(times[times.length - 1]),
      target_seconds: TARGET_SECONDS,
      within_target: median < TARGET_SECONDS,
      report_bytes: statSync(out).size,
      ingest_seconds: round(ingestSeconds),
    }),
  );
} catch (e) {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// Benchmark: load every structured file of ../shared/data into a fresh DuckDB store with the
// built CLI, as a user would, and print rows, seconds and rows/s. Results: docs/benchmarks.md.
//   npm run build && node bench/ingest.bench.mjs [DATA_DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const data = resolve(process.argv[2] ?? join(root, "../shared/data"));
if (!existsSync(data)) {
  console.error(`bench: ${data} not found; pass the data directory`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
try {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [join(root, "bin/entente.js"), "--store", join(dir, "bench.duckdb"), "ingest", "--json", data],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stderr || r.stdout.slice(0, 2000));
    process.exit(1);
  }
  const out = JSON.parse(r.stdout);
  const loaded = out.files.filter((f) => f.status === "loaded");
  const rows = loaded.reduce((n, f) => n + f.rows_loaded, 0);
  console.log(
    JSON.stringify({
      files_loaded: loaded.length,
      files_skipped: out.files.filter((f) => f.status === "skipped").length,
      rows_loaded: rows,
      seconds: Number(seconds.toFixed(2)),
      rows_per_second: Math.round(rows / seconds),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

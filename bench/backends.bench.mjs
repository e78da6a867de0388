#!/usr/bin/env node
// Benchmark: the same GDELT file on DuckDB, a ClickHouse node and a two-shard ClickHouse cluster,
// in one run, side by side (results in docs/benchmarks.md, "Backends"):
//   1. `entente ingest` of a --rows file (default 10,000,000, made by
//      ../shared/tools/make-gdelt.mjs from the real export) into a fresh store, as a whole process;
//   2. `entente dyad RUS CHN --period month` (every indicator) on that store, --runs times
//      (median).
// The ClickHouse servers (Debian's clickhouse-server 18.16) are started by the test harness in
// temporary directories and stopped at the end; each has the default 4 GB query memory limit.
//
//   npm run build && node --import tsx bench/backends.bench.mjs [--rows 10000000] [--runs 3] [--work DIR]
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startClickHouse, startCluster } from "../test/clickhouse/servers.ts";
import { entente, gdeltFile, gdeltWorkDir, log, median, parseArgs, run } from "./lib.mjs";

const args = parseArgs();
const rows = Number(args.rows ?? 10_000_000);
const runs = Number(args.runs ?? 3);
const work = gdeltWorkDir(args, "entente-events-bench");
const cli = (argv) => run(process.execPath, [entente, ...argv]);

const file = gdeltFile(work, rows);
const db = `bench_${process.pid}`;
const single = await startClickHouse();
const cluster = await startCluster(2);
const host = (url) => new URL(url).host;
const storeDir = join(work, `duckdb-${process.pid}`);
mkdirSync(storeDir, { recursive: true });
const stores = {
  duckdb: join(storeDir, "bench.duckdb"),
  "clickhouse-single": `clickhouse://${host(single.url)}/${db}`,
  "clickhouse-2-shards": `clickhouse://${host(cluster.nodes[0].url)}/${db}?cluster=${cluster.cluster}&nodes=${cluster.nodes.map((n) => host(n.url)).join(",")}`,
};
const results = [];
try {
  for (const [backend, store] of Object.entries(stores)) {
    log(`${backend}: ingest ${rows.toLocaleString("en")} rows`);
    const ing = await cli(["--store", store, "ingest", "--json", file]);
    const report = JSON.parse(ing.out);
    const loaded = report.files.reduce((n, f) => n + (f.rows_loaded ?? 0), 0);
    const times = [];
    let months = 0;
    for (let i = 0; i < runs; i++) {
      const q = await cli([
        "--store",
        store,
        "dyad",
        "RUS",
        "CHN",
        "--period",
        "month",
        "--format",
        "json",
      ]);
      times.push(q.seconds);
      months = JSON.parse(q.out).rows.length;
    }
    const result = {
      backend,
      rows_loaded: loaded,
      ingest_seconds: Number(ing.seconds.toFixed(2)),
      ingest_rows_per_second: Math.round(loaded / ing.seconds),
      ingest_peak_rss_mb: Math.round(ing.peak / 2 ** 20),
      dyad_month_seconds_median: Number(median(times).toFixed(3)),
      dyad_month_seconds: times.map((t) => Number(t.toFixed(3))),
      months,
    };
    log(JSON.stringify(result));
    results.push(result);
  }
} finally {
  await single.stop();
  await cluster.stop();
  rmSync(storeDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ rows, runs, results }, null, 2));

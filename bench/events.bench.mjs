#!/usr/bin/env node
// Benchmark: GDELT event ingest and queries at scale (issue targets; results in
// docs/benchmarks.md). Test files are made by ../shared/tools/make-gdelt.mjs from the real export.
//
//   npm run build && node bench/events.bench.mjs [--rows 2000000] [--big 10000000] [--runs 3]
//                                                [--work DIR] [--skip-big]
//
// 1. ratio: `entente ingest` of a --rows file vs DuckDB's own typed read of the same file
//    (bench/duckdb-ctas.mjs: CREATE TABLE … AS SELECT the 28 stored columns FROM read_csv(…) with
//    the layout's types), each as a whole process into a fresh database file, alternating,
//    --runs times; medians and their ratio (target ≤ 1.0, issue 21).
// 2. memory: peak resident memory of `entente ingest` of a --big file (target < 2 GB).
// 3. query: `entente dyad RUS CHN --period month` on the --big store, --runs times (target ≤ 0.5 s).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { entente, gdeltFile, gdeltWorkDir, log, median, parseArgs, root, run } from "./lib.mjs";

const args = parseArgs();
const rows = Number(args.rows ?? 2_000_000);
const big = Number(args.big ?? 10_000_000);
const runs = Number(args.runs ?? 3);
const work = gdeltWorkDir(args, "entente-events-bench");
const makeFile = (n) => gdeltFile(work, n);

const fresh = (name) => {
  const p = join(work, name);
  rmSync(p, { force: true });
  rmSync(`${p}.wal`, { force: true });
  return p;
};

const results = {};
{
  const file = makeFile(rows);
  const duck = [];
  const ours = [];
  const duckCpu = [];
  const oursCpu = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const d = await run(process.execPath, [
      join(root, "bench/duckdb-ctas.mjs"),
      fresh("ctas.duckdb"),
      file,
    ]);
    duck.push(d.seconds);
    const e = await run(process.execPath, [
      entente,
      "--store",
      fresh("ours.duckdb"),
      "ingest",
      "--json",
      file,
    ]);
    const rep = JSON.parse(e.out).files[0];
    if (rep.rows_loaded !== rows) throw new Error(`loaded ${rep.rows_loaded} of ${rows} rows`);
    ours.push(e.seconds);
    duckCpu.push(d.cpu);
    oursCpu.push(e.cpu);
    ratios.push(e.seconds / d.seconds);
    log(
      `pair ${i + 1}: duckdb ${d.seconds.toFixed(2)} s (${d.cpu?.toFixed(2)} s CPU), entente ${e.seconds.toFixed(2)} s (${e.cpu?.toFixed(2)} s CPU)`,
    );
  }
  const cpuKnown = duckCpu.every((c) => c !== null);
  results.ratio = {
    rows,
    duckdb_ctas_seconds: duck.map((s) => Number(s.toFixed(2))),
    entente_ingest_seconds: ours.map((s) => Number(s.toFixed(2))),
    duckdb_median: Number(median(duck).toFixed(2)),
    entente_median: Number(median(ours).toFixed(2)),
    ratio: Number((median(ours) / median(duck)).toFixed(3)),
    // Each pair's ratio (the two runs of a pair see about the same load on the machine).
    pair_ratio_median: Number(median(ratios).toFixed(3)),
    ...(cpuKnown
      ? {
          duckdb_cpu_median: Number(median(duckCpu).toFixed(2)),
          entente_cpu_median: Number(median(oursCpu).toFixed(2)),
          cpu_ratio: Number((median(oursCpu) / median(duckCpu)).toFixed(3)),
        }
      : {}),
    target: "≤ 1.0 (issue 21)",
  };
}

if (args["skip-big"] !== "true") {
  const file = makeFile(big);
  const store = fresh("big.duckdb");
  const e = await run(process.execPath, [entente, "--store", store, "ingest", "--json", file]);
  const rep = JSON.parse(e.out).files[0];
  results.memory = {
    rows: rep.rows_loaded,
    seconds: Number(e.seconds.toFixed(2)),
    rows_per_second: Math.round(rep.rows_loaded / e.seconds),
    peak_rss_mb: Math.round(e.peak / 2 ** 20),
    target: "< 2048 MB",
  };
  const q = [];
  let out = null;
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const r = await run(process.execPath, [
      entente,
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
    q.push(r.seconds);
    out = JSON.parse(r.out);
  }
  results.query = {
    command: "entente dyad RUS CHN --period month",
    events: rep.rows_loaded,
    rows: out.rows.length,
    seconds: q.map((s) => Number(s.toFixed(3))),
    median: Number(median(q).toFixed(3)),
    target: "≤ 0.5 s at 10 M (issue 21)",
  };
}
console.log(JSON.stringify(results, null, 2));

#!/usr/bin/env node
// Benchmark: GDELT ingest at 100,000,000 events, as GDELT itself is published — many files, each
// made, ingested and deleted in turn so that the CSV never fills the disk (100 M rows are about
// 40 GB). Results: docs/benchmarks.md.
//
//   npm run build && node bench/events-scale.bench.mjs [--total 100000000] [--chunk 10000000]
//       [--work DIR] [--keep-at 10000000] [--keep-store] [--panel-year 2015]
//
// Each chunk: ../shared/tools/make-gdelt.mjs --seed k writes the rows (ids 1,000,000,000 + i);
// the leading "1" of every id is replaced by k + 1, so that chunks hold different events (and
// disjoint id ranges, as successive GDELT files do). Each `entente ingest --json FILE` runs under
// /usr/bin/time: wall, user and system seconds and peak resident memory (the kernel's own count).
// --keep-at N copies the store once it holds N events (for the dyad benchmark at that size).
// The CSV chunks are deleted after their ingest; the store is kept only with --keep-store.
// Then, on the full store: `dyad RUS CHN --period month` 5 times and the all-dyads monthly GDELT
// panel of --panel-year (Parquet), each under /usr/bin/time.
import { spawn } from "node:child_process";
import { copyFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { entente, gdeltWorkDir, log, maker, parseArgs, run } from "./lib.mjs";

const args = parseArgs();
const total = Number(args.total ?? 100_000_000);
const chunk = Number(args.chunk ?? 10_000_000);
const keepAt = args["keep-at"] === undefined ? null : Number(args["keep-at"]);
if (!(chunk > 0 && chunk < 1e9 && total % chunk === 0)) {
  console.error("bench: --chunk must divide --total and be below 1,000,000,000");
  process.exit(2);
}
const work = gdeltWorkDir(args, "entente-scale-bench");
const store = join(work, "scale.duckdb");
rmSync(store, { force: true });
rmSync(`${store}.wal`, { force: true });

/** Run argv (lib.mjs run: under GNU time); its stdout, wall and CPU seconds, peak memory. */
async function timed(argv) {
  const [cmd, ...rest] = argv;
  const r = await run(cmd, rest);
  if (r.cpu === null) throw new Error("this benchmark needs GNU time (/usr/bin/time)");
  return { out: r.out, wall: Number(r.seconds.toFixed(2)), cpu: r.cpu, peakMb: r.peak / 2 ** 20 };
}

/** make-gdelt's rows with each id's leading "1" replaced by `lead` (a shell pipe into sed). */
function makeChunk(file, seed, lead) {
  return new Promise((ok, fail) => {
    const sh = `node '${maker}' --rows ${chunk} --seed ${seed} --out /dev/stdout | sed 's/^1/${lead}/' > '${file}'`;
    const child = spawn("sh", ["-c", sh], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`making ${file}: ${code}`))));
  });
}

const chunks = [];
let stored = 0;
const started = Date.now();
for (let k = 0; stored < total; k++) {
  const file = join(work, `gdelt-scale-${String(k).padStart(3, "0")}.CSV`);
  const made = Date.now();
  await makeChunk(file, k + 1, k + 1);
  const bytes = statSync(file).size;
  const makeSeconds = (Date.now() - made) / 1000;
  const r = await timed([process.execPath, entente, "--store", store, "ingest", "--json", file]);
  rmSync(file, { force: true });
  const rep = JSON.parse(r.out).files[0];
  if (rep.rows_loaded !== chunk) {
    throw new Error(`${file}: loaded ${rep.rows_loaded} of ${chunk} rows (${rep.status})`);
  }
  stored += rep.rows_loaded;
  const storeMb = statSync(store).size / 2 ** 20;
  const row = {
    chunk: k,
    rows: rep.rows_loaded,
    stored,
    csv_mb: Math.round(bytes / 2 ** 20),
    make_seconds: Number(makeSeconds.toFixed(1)),
    wall_seconds: r.wall,
    cpu_seconds: Number(r.cpu.toFixed(2)),
    rows_per_second: Math.round(rep.rows_loaded / r.wall),
    peak_rss_mb: Math.round(r.peakMb),
    store_mb: Math.round(storeMb),
  };
  chunks.push(row);
  log(JSON.stringify(row));
  if (keepAt !== null && stored === keepAt) {
    copyFileSync(store, join(work, `store-${keepAt}.duckdb`));
    log(`copied the store at ${stored} events to ${join(work, `store-${keepAt}.duckdb`)}`);
  }
}
const sum = (k) => chunks.reduce((n, c) => n + c[k], 0);
const result = {
  total_rows: stored,
  chunk_rows: chunk,
  files: chunks.length,
  ingest_wall_seconds: Number(sum("wall_seconds").toFixed(1)),
  ingest_cpu_seconds: Number(sum("cpu_seconds").toFixed(1)),
  rows_per_second: Math.round(stored / sum("wall_seconds")),
  peak_rss_mb: Math.max(...chunks.map((c) => c.peak_rss_mb)),
  store_mb: chunks.at(-1)?.store_mb,
  elapsed_with_generation_seconds: Math.round((Date.now() - started) / 1000),
  chunks,
};
// On the full store: the monthly dyad query (cube), and the all-dyads monthly panel of one year.
const q = [];
for (let i = 0; i < 5; i++) {
  const argv = ["--store", store, "dyad", "RUS", "CHN", "--period", "month"];
  q.push((await timed([process.execPath, entente, ...argv])).wall);
}
result.dyad_month_wall_seconds = q;
const year = args["panel-year"] ?? "2015";
const panelOut = join(work, "panel.parquet");
const p = await timed([
  process.execPath,
  entente,
  "--store",
  store,
  "panel",
  "--dyads",
  "all",
  "--indicators",
  "gdelt",
  "--period",
  "month",
  "--from",
  year,
  "--to",
  year,
  "--out",
  panelOut,
  "--json",
]);
result.panel = {
  year,
  rows: JSON.parse(p.out).rows,
  wall_seconds: p.wall,
  cpu_seconds: Number(p.cpu.toFixed(2)),
};
rmSync(panelOut, { force: true });
console.log(JSON.stringify(result, null, 2));
if (args["keep-store"] !== "true") rmSync(store, { force: true });

#!/usr/bin/env node
// Benchmark: many small GDELT 2.0 files, as the 15-minute updates arrive (about 2,000 events
// each, zipped), loaded by one `entente ingest` of their folder. What it measures is the cost
// of a file beyond its rows: per file = (wall of N files - wall of 1 file) / (N - 1), so that
// Node's and the store's start-up is not counted in it. Results in docs/benchmarks.md.
//
//   npm run build && node bench/updates.bench.mjs [--files 48] [--rows 2000] [--runs 3]
//                                                 [--work DIR] [--old DIR]
//
// --old DIR: a checkout of another build (its bin/entente.js), run in turn with this one.
// Files: one export of --rows rows from ../shared/tools/make-gdelt.mjs, copied --files times
// with the event ids moved on (no file repeats another's events) and named by quarter hour;
// the zipped copies are made with `zip` (skipped when it is not installed).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { entente, gdeltFile, gdeltWorkDir, log, median, parseArgs, run } from "./lib.mjs";

const args = parseArgs();
const files = Number(args.files ?? 48);
const rows = Number(args.rows ?? 2000);
const runs = Number(args.runs ?? 3);
const work = gdeltWorkDir(args, "entente-updates-bench");
const builds = [["this", entente]];
if (args.old) builds.push(["old", join(resolve(args.old), "bin/entente.js")]);

const stamp = (i) => {
  const minutes = i * 15;
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  const day = String(1 + Math.floor(minutes / 1440)).padStart(2, "0");
  return `202401${day}${hh}${mm}00`;
};

/** `n` files in `dir` (plain, and zipped in `${dir}-zip`), the first `n` of the series. */
function makeSet(n) {
  const dir = join(work, `updates-${rows}x${n}`);
  const zipDir = `${dir}-zip`;
  rmSync(dir, { recursive: true, force: true });
  rmSync(zipDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  mkdirSync(zipDir, { recursive: true });
  const lines = readFileSync(gdeltFile(work, rows), "utf8").trimEnd().split("\n");
  let zipped = true;
  for (let i = 0; i < n; i++) {
    const name = `${stamp(i)}.export.CSV`;
    const text = lines.map((l) => {
      const tab = l.indexOf("\t");
      return `${Number(l.slice(0, tab)) + i * rows}${l.slice(tab)}`;
    });
    writeFileSync(join(dir, name), `${text.join("\n")}\n`);
    if (zipped) {
      const z = spawnSync("zip", ["-q", "-j", join(zipDir, `${name}.zip`), join(dir, name)]);
      if (z.error || z.status !== 0) zipped = false;
    }
  }
  return { dir, zipDir: zipped ? zipDir : null };
}

const all = makeSet(files);
const one = makeSet(1);
if (!all.zipDir) log("zip not found: the zipped files are skipped");

const store = join(work, "updates.duckdb");
async function ingest(bin, dir) {
  rmSync(store, { force: true });
  rmSync(`${store}.wal`, { force: true });
  return run(process.execPath, [bin, "ingest", dir, "--store", store, "--json"]);
}

const results = {};
for (const kind of ["plain", "zip"]) {
  const many = kind === "plain" ? all.dir : all.zipDir;
  const single = kind === "plain" ? one.dir : one.zipDir;
  if (!many || !single) continue;
  for (const [name] of builds) results[`${kind} ${name}`] = { perFile: [], wall: [], cpu: [] };
  for (let r = 0; r < runs; r++) {
    for (const [name, bin] of builds) {
      const a = await ingest(bin, single);
      const b = await ingest(bin, many);
      const perFile = ((b.seconds - a.seconds) / (files - 1)) * 1000;
      const res = results[`${kind} ${name}`];
      res.perFile.push(perFile);
      res.wall.push(b.seconds);
      res.cpu.push(b.cpu);
      log(
        `${kind} ${name} run ${r + 1}: ${files} files ${b.seconds.toFixed(2)} s (${b.cpu?.toFixed(2)} s CPU), 1 file ${a.seconds.toFixed(2)} s, ${perFile.toFixed(1)} ms per file`,
      );
    }
  }
}
rmSync(store, { force: true });
const summary = Object.fromEntries(
  Object.entries(results).map(([k, v]) => [
    k,
    {
      ms_per_file_median: Number(median(v.perFile).toFixed(1)),
      ms_per_file: v.perFile.map((x) => Number(x.toFixed(1))),
      wall_s_median: Number(median(v.wall).toFixed(2)),
      rows_per_s: Math.round((files * rows) / median(v.wall)),
    },
  ]),
);
console.log(JSON.stringify({ files, rows, runs, results: summary }, null, 2));

#!/usr/bin/env node
// Benchmark (issue 23): blocs from the UN votes. Builds a store from ../shared/data/unga_votes
// and capabilities_nmc once, then times
//   - the library: blocYear() for 1970, 1990 and 2010 in this process (store open, network,
//     50-seed consensus), targets: each under 1 s;
//   - whole processes: `entente blocs --year 2010 --json` (target under 1 s), the same through a
//     script that imports only the store and blocs modules, and
//     `entente blocs --from FIRST --to LAST --out timeline.csv` over every covered year (target
//     under 20 s),
// and prints min/median/max seconds as JSON.
//   npm run build && node bench/blocs.bench.mjs [--runs N] [--data DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, root } from "./lib.mjs";

const args = parseArgs();
const runs = Number(args.runs ?? 5);
const data = resolve(args.data ?? join(root, "../shared/data"));
const bin = join(root, "bin/entente.js");
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a positive integer, not ${args.runs}`);
  process.exit(2);
}
if (!existsSync(join(data, "unga_votes"))) {
  console.error(`bench: ${join(data, "unga_votes")} not found; pass --data DIR`);
  process.exit(2);
}
if (!existsSync(join(root, "dist/index.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
const lib = await import(join(root, "dist/index.js"));

function entente(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: root, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`entente ${argv.join(" ")} exited ${r.status}\n${r.stderr}`);
  return seconds;
}

const round = (s) => Number(s.toFixed(3));
function summary(times, target) {
  const t = [...times].sort((a, b) => a - b);
  const mid = Math.floor(t.length / 2);
  const median = t.length % 2 ? t[mid] : (t[mid - 1] + t[mid]) / 2;
  return {
    min_seconds: round(t[0]),
    median_seconds: round(median),
    max_seconds: round(t[t.length - 1]),
    target_seconds: target,
    within_target: median < target,
  };
}

const dir = mkdtempSync(join(tmpdir(), "entente-bench-blocs-"));
try {
  const store = join(dir, "bench.duckdb");
  entente(["--store", store, "ingest", join(data, "unga_votes"), join(data, "capabilities_nmc")]);

  const library = {};
  for (const year of [1970, 1990, 2010]) {
    const times = [];
    for (let i = 0; i <= runs; i++) {
      const started = process.hrtime.bigint();
      const s = await lib.openStore(store, { readOnly: true });
      try {
        await lib.blocYear(s, { year });
      } finally {
        await s.close();
      }
      // The first run warms the JIT and the file cache; it is not counted.
      if (i > 0) times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    library[year] = summary(times, 1);
  }

  const year = [];
  for (let i = 0; i <= runs; i++) {
    const t = entente(["--store", store, "blocs", "--year", "2010", "--json"]);
    if (i > 0) year.push(t);
  }

  // The same year in a process that loads only the store and blocs modules: what the command
  // costs without the start-up of the whole CLI (which imports every command's modules).
  const script = `const { openStore } = await import(${JSON.stringify(join(root, "dist/store/open.js"))});
const { blocs } = await import(${JSON.stringify(join(root, "dist/blocs/blocs.js"))});
const s = await openStore(${JSON.stringify(store)}, { readOnly: true });
process.stdout.write(JSON.stringify(await blocs(s, { year: 2010 })));
await s.close();`;
  const lean = [];
  for (let i = 0; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`library process exited ${r.status}\n${r.stderr}`);
    if (i > 0) lean.push(Number(process.hrtime.bigint() - started) / 1e9);
  }

  const years = await (async () => {
    const s = await lib.openStore(store, { readOnly: true });
    try {
      return await lib.blocMeasure("kappa").years(s);
    } finally {
      await s.close();
    }
  })();
  const out = join(dir, "timeline.csv");
  const timeline = [];
  const timelineRuns = Math.min(runs, 3);
  for (let i = 0; i < timelineRuns; i++) {
    rmSync(out, { force: true });
    timeline.push(
      entente([
        "--store",
        store,
        "blocs",
        "--from",
        String(years[0]),
        "--to",
        String(years[years.length - 1]),
        "--out",
        out,
      ]),
    );
  }
  const rows = readFileSync(out, "utf8").trim().split("\n").length - 1;
  console.log(
    JSON.stringify(
      {
        runs,
        library_blocs_year: library,
        process_blocs_year_2010: summary(year, 1),
        process_library_only_2010: summary(lean, 1),
        process_timeline: {
          from: years[0],
          to: years[years.length - 1],
          years: years.length,
          state_years: rows,
          runs: timelineRuns,
          ...summary(timeline, 20),
        },
      },
      null,
      2,
    ),
  );
} catch (e) {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

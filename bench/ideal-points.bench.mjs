#!/usr/bin/env node
// Benchmark: the full 1946–2015 UN ideal-point fit. Loads ../shared/data/unga_votes (votes, roll
// calls, matched resolutions) into a fresh DuckDB store once, then times `entente ideal-points
// --refit --out <tmp>/ip.csv --json` as a whole process, N times, with its peak memory.
// Targets: ≤ 180 s and ≤ 2 GiB. The load average at the start is printed: the machine is shared,
// and a fit on a busy machine takes several times longer.
//   npm run build && node bench/ideal-points.bench.mjs [--runs N] [--data DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { entente, log, median, parseArgs, root, run } from "./lib.mjs";

const TARGET_SECONDS = 180;
const TARGET_BYTES = 2 * 1024 ** 3;
const args = parseArgs();
const runs = Number(args.runs ?? 3);
const data = resolve(args.data ?? join(root, "../shared/data/unga_votes"));
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a positive integer, not ${args.runs}`);
  process.exit(2);
}
if (!existsSync(data)) {
  console.error(`bench: ${data} not found; pass --data DIR (the unga_votes folder)`);
  process.exit(2);
}
if (!existsSync(join(root, "dist/cli/main.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "entente-bench-ideal-"));
try {
  const store = join(dir, "votes.duckdb");
  log(`loading ${data}`);
  const load = spawnSync(process.execPath, [entente, "--store", store, "ingest", "--json", data], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (load.status !== 0 || !JSON.parse(load.stdout).ok) {
    console.error(`bench: ingest failed\n${load.stderr}`);
    process.exit(1);
  }
  const load1 = loadavg()[0];
  const results = [];
  for (let i = 0; i < runs; i++) {
    log(`run ${i + 1}/${runs}`);
    const r = await run(process.execPath, [
      entente,
      "--store",
      store,
      "ideal-points",
      "--refit",
      "--out",
      join(dir, "ip.csv"),
      "--json",
    ]);
    const summary = JSON.parse(r.out);
    results.push({
      seconds: r.seconds,
      peak: r.peak,
      iterations: summary.iterations,
      stateSessions: summary.state_sessions,
    });
  }
  const seconds = results.map((r) => r.seconds);
  const peaks = results.map((r) => r.peak);
  const round = (x) => Number(x.toFixed(2));
  console.log(
    JSON.stringify(
      {
        runs,
        load_average_at_start: round(load1),
        state_sessions: results[0]?.stateSessions,
        iterations: results.map((r) => r.iterations),
        wall_seconds: {
          min: round(Math.min(...seconds)),
          median: round(median(seconds)),
          max: round(Math.max(...seconds)),
        },
        peak_mib: round(median(peaks) / 1024 ** 2),
        within_targets: median(seconds) <= TARGET_SECONDS && Math.max(...peaks) <= TARGET_BYTES,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

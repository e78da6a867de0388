#!/usr/bin/env node
// Score `entente changepoints` defaults on the Turing Change Point Dataset (van den Burg &
// Williams 2020): F1 with a margin of 5 against every annotator, as TCPDBench's metrics.py
// computes it (0 counts as a change point in every annotation and prediction; precision against
// the union of annotations, recall averaged over annotators). The data are not in this repo:
// pass a checkout of github.com/alan-turing-institute/TCPD with its datasets built.
//   npm run build && node bench/changepoints-tcpd.mjs TCPD_DIR [--method M] [--json]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--"));
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? undefined : (args[i + 1] ?? "true");
};
if (!dir || !existsSync(join(dir, "annotations.json"))) {
  console.error("bench: give a TCPD checkout (a folder with annotations.json and datasets/)");
  process.exit(2);
}
const { changepointsOnRows } = await import(join(root, "dist/trends/observed.js"));
const annotations = JSON.parse(readFileSync(join(dir, "annotations.json"), "utf8"));
const method = flag("method");

function truePositives(truth, predicted, margin = 5) {
  const left = new Set(predicted);
  let count = 0;
  for (const tau of truth) {
    let best;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const x of [...left].sort((a, b) => a - b)) {
      const d = Math.abs(tau - x);
      if (d <= margin && d < bestDist) {
        bestDist = d;
        best = x;
      }
    }
    if (best !== undefined) {
      count++;
      left.delete(best);
    }
  }
  return count;
}

function f1(byAnnotator, predicted) {
  const sets = Object.values(byAnnotator).map((v) => new Set([0, ...v]));
  const x = new Set([0, ...predicted]);
  const union = new Set(sets.flatMap((s) => [...s]));
  const p = truePositives(union, x) / x.size;
  const r = sets.reduce((a, s) => a + truePositives(s, x) / s.size, 0) / sets.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const rows = [];
for (const name of Object.keys(annotations).sort()) {
  const file = join(dir, "datasets", name, `${name}.json`);
  if (!existsSync(file)) {
    rows.push({ name, f1: null, note: "not built" });
    continue;
  }
  const data = JSON.parse(readFileSync(file, "utf8"));
  if (data.n_dim !== 1) {
    rows.push({ name, f1: null, note: "multivariate" });
    continue;
  }
  const values = data.series[0].raw.map((v) => (typeof v === "number" ? v : null));
  const r = changepointsOnRows(values, method ? { method } : {});
  const predicted = r.changepoints.map((c) => c.index);
  rows.push({ name, f1: f1(annotations[name], predicted), predicted });
}
const scored = rows.filter((r) => r.f1 !== null);
const mean = scored.reduce((a, r) => a + r.f1, 0) / scored.length;
if (flag("json")) {
  console.log(
    JSON.stringify({ method: method ?? "default", mean, series: scored.length, rows }, null, 2),
  );
} else {
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(20)} ${r.f1 === null ? r.note : r.f1.toFixed(3)} ${r.predicted ? `[${r.predicted.join(", ")}]` : ""}`,
    );
  }
  console.log(`mean F1 over ${scored.length} univariate series: ${mean.toFixed(3)}`);
}

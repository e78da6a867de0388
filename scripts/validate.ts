#!/usr/bin/env node
// Validation of the alignment measures (docs/validation.md):
//   npm run validate                         # ingests ../shared/data into a temporary store
//   npm run validate -- --store entente.duckdb [--write] [--json] [--skip-ideal]
// Fits the UN ideal points into the store when none is stored (a writable store), to validate
// them as well; --skip-ideal leaves them out.
// --write replaces the generated block of docs/validation.md with the tables printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fitAndStore, fitRequest, storedFit } from "../src/idealpoints/ideal-points.js";
import { ingest } from "../src/ingest/index.js";
import { openStore } from "../src/store/open.js";
import {
  type CriterionResult,
  runValidation,
  type ValidationResult,
} from "../src/validation/run.js";

const { values: args } = parseArgs({
  options: {
    store: { type: "string" },
    data: { type: "string", default: resolve(import.meta.dirname, "../../shared/data") },
    from: { type: "string", default: "1950" },
    to: { type: "string", default: "2010" },
    write: { type: "boolean", default: false },
    // Leave out the UN ideal points (otherwise fitted, or a stored fit reused, and validated).
    "skip-ideal": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

const f3 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(3));
const cell = (c: CriterionResult) =>
  `${f3(c.auc)} (${c.n.toLocaleString("en")}; ${c.positives.toLocaleString("en")})`;

function markdown(r: ValidationResult): string {
  const lines: string[] = [];
  lines.push(
    `Politically relevant dyad-years ${r.from}–${r.to}: ${r.relevantRows.toLocaleString("en")}. AUC (cases; positives). Predictive: forming an ATOP obligation within t+1…t+${r.horizon} among relevant dyad-years with none at t (positives = formed). Rivals: score above for dyad-years *without* a dispute onset in t+1…t+${r.horizon} (positives = no onset), and outside the literature rivalries of data/validation/rivalries-literature.csv (positives = not listed). Hostile measures are reversed, so 0.5 is chance and higher is better everywhere.`,
    "",
    "| measure | predictive | rivals: disputes ahead | rivals: literature list |",
    "| --- | --- | --- | --- |",
  );
  for (const m of r.measures) {
    lines.push(
      `| ${m.label} | ${cell(m.predictive)} | ${cell(m.rivalsDisputes)} | ${cell(m.rivalsListed)} |`,
    );
  }
  const mid = Math.floor((r.from + r.to) / 2);
  lines.push(
    "",
    `By half of the period (AUC only): ${r.from}–${mid} / ${mid + 1}–${r.to}.`,
    "",
    "| measure | predictive | rivals: disputes ahead | rivals: literature list |",
    "| --- | --- | --- | --- |",
  );
  for (const m of r.measures) {
    const [a, b] = m.halves;
    lines.push(
      `| ${m.label} | ${f3(a[0]?.auc ?? Number.NaN)} / ${f3(b[0]?.auc ?? Number.NaN)} | ${f3(a[1]?.auc ?? Number.NaN)} / ${f3(b[1]?.auc ?? Number.NaN)} | ${f3(a[2]?.auc ?? Number.NaN)} / ${f3(b[2]?.auc ?? Number.NaN)} |`,
    );
  }
  lines.push(
    "",
    "Known groups (alignment_index):",
    "",
    "| # | claim | value | compared with | result |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const k of r.knownGroups) {
    const what =
      k.relation === "above"
        ? `${f3(k.other)} (${k.other_year})`
        : `${f3(k.other)} (median of relevant dyads, ${k.year})`;
    const res = k.holds ? "holds" : "fails";
    const note = (k.expect === "holds") === k.holds ? "" : " (unexpected)";
    lines.push(`| ${k.id} | ${k.claim} | ${f3(k.value)} (${k.year}) | ${what} | ${res}${note} |`);
  }
  return lines.join("\n");
}

let tmp: string | null = null;
let location = args.store;
if (!location) {
  tmp = mkdtempSync(join(tmpdir(), "entente-validate-"));
  location = join(tmp, "validate.duckdb");
}
const store = await openStore(location);
try {
  if (tmp) {
    process.stderr.write(`loading ${args.data} into a temporary store…\n`);
    const res = await ingest(store, [args.data as string]);
    if (!res.ok) throw new Error("ingest failed: see `entente ingest` on the same folder");
  }
  const ideal = args["skip-ideal"] !== true;
  if (ideal) {
    const req = await fitRequest(store);
    if (!(await storedFit(store, req))) {
      process.stderr.write("fitting the UN ideal points (a minute or two)…\n");
      await fitAndStore(store, req);
    }
  }
  const started = Date.now();
  const result = await runValidation(store, {
    ideal,
    from: Number(args.from),
    to: Number(args.to),
    onStep: (s) =>
      process.stderr.write(
        `  ${s.family} (${s.index + 1}/${s.of}, ${s.rows.toLocaleString("en")} rows)\n`,
      ),
  });
  process.stderr.write(`validated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const md = markdown(result);
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${md}\n`);
  if (args.write) {
    const path = resolve(import.meta.dirname, "../docs/validation.md");
    const doc = readFileSync(path, "utf8");
    const begin = "<!-- validate:begin -->";
    const end = "<!-- validate:end -->";
    const i = doc.indexOf(begin);
    const j = doc.indexOf(end);
    if (i < 0 || j < i) throw new Error(`${path} has no ${begin} … ${end} block`);
    writeFileSync(path, `${doc.slice(0, i + begin.length)}\n${md}\n${doc.slice(j)}`);
    process.stderr.write(`wrote the tables into ${path}\n`);
  }
} finally {
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

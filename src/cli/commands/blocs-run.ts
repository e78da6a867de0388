import { extname } from "node:path";
import type { Command } from "commander";
import {
  type BlocsResult,
  blocTimeline,
  blocYear,
  DEFAULT_SEEDS,
  timelineCsv,
  timelineRows,
} from "../../blocs/blocs.js";
import { blocMeasure } from "../../blocs/measures.js";
import { stateCode } from "../../blocs/member-rank.js";
import { resolutionRange, resolutionSweep, type SweepResult } from "../../blocs/sweep.js";
import { BadInputError } from "../../core/errors.js";
import { atomicWrite } from "../../report/write.js";
import { ProgressLine, writeJson } from "../output.js";
import { parseCount, parseYearOption } from "../parse-options.js";
import { type GlobalOptions, withStore } from "../store-option.js";

type Opts = Record<string, string | boolean | undefined>;

/** A positive number option (--resolution). */
function parsePositive(v: string | boolean | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x) || x <= 0) {
    throw new BadInputError("bad_option", `${name} ${String(v)} is not a positive number`, {
      hint: `Write ${name} 1 (or 0.5, 1.5 …)`,
    });
  }
  return x;
}

function parseSweep(v: string | boolean | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const parts = String(v).split(":").map(Number);
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) {
    throw new BadInputError("bad_resolution", `--sweep ${String(v)} is not FROM:TO:STEP`, {
      hint: "Write e.g. --sweep 0.5:2:0.25",
    });
  }
  const [from, to, step] = parts as [number, number, number];
  return resolutionRange(from, to, step);
}

const OUT_FORMATS = [".csv", ".json"] as const;

function outFormat(out: string): "csv" | "json" {
  const ext = extname(out).toLowerCase();
  if (!(OUT_FORMATS as readonly string[]).includes(ext)) {
    throw new BadInputError("bad_out", `--out ${out}: unknown file type "${ext}"`, {
      hint: "Name a .csv (membership per state-year) or .json file",
    });
  }
  return ext === ".csv" ? "csv" : "json";
}

/** The file is written whole or not at all (atomicWrite); a failure names the file. */
async function writeOut(path: string, text: string): Promise<void> {
  try {
    await atomicWrite(path, text);
  } catch (e) {
    throw new BadInputError("bad_out", `Cannot write ${path}: ${(e as Error).message}`, {
      hint: "Check that the folder exists and is writable",
    });
  }
}

const pct = (x: number): string => x.toFixed(2);

/** Members as ISO3 (else COW) codes, wrapped; a stability below 0.9 follows the code. */
function renderYear(r: BlocsResult, width: number): string {
  const lines: string[] = [];
  const alone: string[] = [];
  for (const b of r.blocs) {
    const codes = b.members.map(
      (m) => `${stateCode(m.ccode)}${m.stability < 0.9 ? `(${pct(m.stability)})` : ""}`,
    );
    if (b.members.length === 1) {
      alone.push(codes[0] as string);
      continue;
    }
    lines.push(`bloc ${b.id}  ${b.label}  (${b.members.length} states)`);
    lines.push(...wrap(codes, width, "  "));
  }
  if (alone.length) {
    lines.push(
      `in a bloc of their own (${alone.length}): no positive tie, or none stronger than chance`,
    );
    lines.push(...wrap(alone, width, "  "));
  }
  return `${lines.join("\n")}\n`;
}

function wrap(words: readonly string[], width: number, indent: string): string[] {
  const out: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length > indent.length && line.length + w.length + 1 > width) {
      out.push(line.trimEnd());
      line = indent;
    }
    line += `${w} `;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}

/** One line per year for a timeline: the blocs with more than one member, id and label. */
function renderCompact(r: BlocsResult): string {
  const multi = r.blocs.filter((b) => b.members.length > 1);
  const alone = r.blocs.length - multi.length;
  const blocs = multi.map((b) => `${b.id}: ${b.label}`).join(" · ");
  return `${r.year}  ${blocs}${alone ? ` · ${alone} alone` : ""}`;
}

function renderSweep(s: SweepResult): string {
  const head = `Resolution sweep, ${s.year}, ${s.measure}\n\n   γ  blocs  alone  modularity  stability  largest blocs\n`;
  const rows = s.points.map(
    (p) =>
      `${p.resolution.toFixed(2).padStart(5)}  ${String(p.blocs).padStart(5)}  ${String(p.singletons).padStart(5)}  ${(p.modularity === null ? "–" : p.modularity.toFixed(4)).padStart(10)}  ${p.meanStability.toFixed(3).padStart(9)}  ${p.labels.slice(0, 4).join(" | ")}`,
  );
  return `${head}${rows.join("\n")}\n`;
}

export const runBlocs = async (opts: Opts, cmd: Command) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const year = parseYearOption(opts.year as string | undefined, "--year");
  const from = parseYearOption(opts.from as string | undefined, "--from");
  const to = parseYearOption(opts.to as string | undefined, "--to");
  const measure = blocMeasure(String(opts.measure));
  const resolution = parsePositive(opts.resolution, "--resolution") ?? 1;
  const seeds = parseCount(opts.seeds, "--seeds", 10_000) ?? DEFAULT_SEEDS;
  const seed = parseCount(opts.seed, "--seed", 2 ** 31) ?? 1;
  const sweep = parseSweep(opts.sweep);
  const out = opts.out === undefined ? undefined : String(opts.out);
  const format = out === undefined ? undefined : outFormat(out);
  const timeline = from !== undefined || to !== undefined;
  if (timeline && (from === undefined || to === undefined)) {
    throw new BadInputError("bad_years", "A timeline needs both --from and --to", {
      hint: "Write --from 1946 --to 2015, or --year YYYY for one year",
    });
  }
  if (timeline && (year !== undefined || sweep)) {
    throw new BadInputError(
      "bad_option",
      "--year and --sweep are for one year, not with --from/--to",
    );
  }
  const common = { measure, resolution, seeds, seed };

  if (sweep) {
    if (format === "csv") {
      throw new BadInputError("bad_out", "--sweep writes JSON only", {
        hint: "Use --out FILE.json",
      });
    }
    const s = await withStore(global, { readOnly: true }, (store) =>
      resolutionSweep(store, { ...common, ...(year ? { year } : {}), resolutions: sweep }),
    );
    if (out) await writeOut(out, `${JSON.stringify(s, null, 2)}\n`);
    if (opts.json) writeJson(s);
    else if (!out) process.stdout.write(renderSweep(s));
    else
      process.stdout.write(
        `wrote the sweep of ${s.year} (${s.points.length} resolutions) to ${out}\n`,
      );
    return;
  }

  const progress = !opts.json && process.stderr.isTTY ? new ProgressLine() : null;
  const results = await withStore(global, { readOnly: true }, async (store) => {
    if (!timeline)
      return [(await blocYear(store, { ...common, ...(year ? { year } : {}) })).result];
    const years = await blocTimeline(store, {
      ...common,
      from: from as number,
      to: to as number,
      onYear: (y, done, total) =>
        progress?.update((secs) => `  blocs: ${y} (${done}/${total} years), ${secs.toFixed(1)} s`),
    });
    return years.map((b) => b.result);
  });
  progress?.clear();
  const json = timeline ? results : results[0];
  if (out) {
    await writeOut(
      out,
      format === "csv" ? timelineCsv(timelineRows(results)) : `${JSON.stringify(json, null, 2)}\n`,
    );
  }
  if (opts.json) {
    writeJson(json);
    return;
  }
  if (out) {
    const rows = results.reduce((n, r) => n + r.blocs.reduce((m, b) => m + b.members.length, 0), 0);
    process.stdout.write(
      `wrote ${format === "csv" ? `${rows} state-years` : "the blocs"} of ${results.length} year${results.length === 1 ? "" : "s"} to ${out}\n`,
    );
    return;
  }
  if (timeline) {
    for (const r of results) process.stdout.write(`${renderCompact(r)}\n`);
    return;
  }
  const width = process.stdout.columns ?? 100;
  for (const r of results) {
    process.stdout.write(
      `Blocs in ${r.year} by ${r.measure} (γ = ${resolution}, ${seeds} seeds): modularity ${r.modularity === null ? "–" : r.modularity.toFixed(3)}\n${renderYear(r, width)}${results.length > 1 ? "\n" : ""}`,
    );
  }
};

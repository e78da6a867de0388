import type { Command } from "commander";
import { defined } from "../../core/defined.js";
import { type FileReport, ingest, type SkippedGroup } from "../../ingest/index.js";
import { overallLine } from "../ingest-progress.js";
import { fmtInt, isInteractive, ProgressLine, writeJson } from "../output.js";
import { changeLines } from "../release-report.js";
import { type GlobalOptions, withStore } from "../store-option.js";

const SHOWN = 20;
const PROGRESS_MIN_BYTES = 10 * 1024 * 1024;

function describe(r: FileReport): string {
  const status = r.status.padEnd(9);
  const source = (r.source ?? "-").padEnd(22);
  switch (r.status) {
    case "loaded":
      return `${status} ${source} ${fmtInt(r.rows_loaded)} rows, ${fmtInt(r.rows_rejected)} rejected, ${fmtInt(r.rows_duplicate)} duplicate  ${r.path}`;
    case "unchanged":
      return `${status} ${source} ${r.path} (${r.reason})`;
    case "skipped":
      return `${status} ${source} ${r.path} (${r.reason})`;
    case "failed":
      return `${status} ${source} ${r.error}`;
  }
}

const EXTENSIONS_SHOWN = 5;

/** `1,969 skipped: no known header (1,840 .txt, 100 .xml, 29 others); …` */
export function skippedLine(groups: readonly SkippedGroup[], verbose = false): string {
  const total = groups.reduce((n, g) => n + g.files, 0);
  const parts = groups.map((g) => {
    const exts = Object.entries(g.extensions);
    const shown = exts
      .slice(0, EXTENSIONS_SHOWN)
      .map(([ext, n]) => `${fmtInt(n)} ${ext || "without extension"}`);
    const rest = exts.slice(EXTENSIONS_SHOWN).reduce((n, [, k]) => n + k, 0);
    if (rest) shown.push(`${fmtInt(rest)} others`);
    return `${g.reason} (${shown.join(", ")})`;
  });
  return `${fmtInt(total)} skipped: ${parts.join("; ")}${verbose ? "" : " (--verbose lists them)"}`;
}

function details(r: FileReport): string[] {
  const lines: string[] = r.release_change ? changeLines(r.release_change) : [];
  if (r.rejects?.length) {
    for (const rej of r.rejects.slice(0, SHOWN)) lines.push(`    line ${rej.line}: ${rej.reason}`);
    if (r.rejects.length > SHOWN) {
      lines.push(
        `    … and ${fmtInt(r.rejects.length - SHOWN)} more rejected lines (--json lists all)`,
      );
    }
  }
  if (r.unresolved?.length) {
    const names = r.unresolved.slice(0, SHOWN).map((u) => `${u.name} (${fmtInt(u.rows)})`);
    const more = r.unresolved.length > SHOWN ? `, … ${r.unresolved.length - SHOWN} more` : "";
    lines.push(`    kept without a state code, name not resolved: ${names.join(", ")}${more}`);
  }
  return lines;
}

export const runIngest = async (
  paths: string[],
  opts: { source?: string; json?: boolean; verbose?: boolean; release?: string; dataset?: string },
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const started = Date.now();
  const interactive = !opts.json && isInteractive();
  const progress = new ProgressLine();
  // Rates are per file and phase (an event file is first read, then loaded).
  let current: { path: string; phase: string | undefined; started: number } = {
    path: "",
    phase: undefined,
    started: Date.now(),
  };
  const inputs = paths.map((path) => ({
    path,
    ...defined({ release: opts.release, dataset: opts.dataset }),
  }));
  // Over many files, a line for the whole ingest: files and bytes done, rows, rate, time left.
  const tally = { done: 0, files: 0, bytesDone: 0, bytes: 0, rows: 0 };
  const overall = () => overallLine({ ...tally, seconds: (Date.now() - started) / 1000 });
  const result = await withStore(global, { readOnly: false }, (store) =>
    ingest(store, inputs, {
      ...(opts.source ? { source: opts.source } : {}),
      ...(interactive
        ? {
            onStart: (plan) => {
              tally.files = plan.files;
              tally.bytes = plan.bytes;
            },
          }
        : {}),
      onFile: (r, bytes) => {
        tally.done += 1;
        tally.bytesDone += bytes;
        tally.rows += r.rows_loaded;
        if (!opts.json && (r.status !== "skipped" || opts.verbose)) {
          progress.clear();
          process.stdout.write(`${describe(r)}\n`);
          for (const l of details(r)) process.stdout.write(`${l}\n`);
        }
        if (interactive && tally.files > 1) progress.update(overall, true);
      },
      onProgress: (p) => {
        if (!interactive) return;
        if (p.path !== current.path || p.phase !== current.phase) {
          current = { path: p.path, phase: p.phase, started: Date.now() };
        }
        if (p.phase !== "loading" && p.totalBytes < PROGRESS_MIN_BYTES) return;
        const what = p.phase === "loading" ? "rows" : "lines";
        const pct = p.totalBytes > 0 ? `, ${Math.round((100 * p.bytes) / p.totalBytes)}%` : "";
        const of = tally.files > 1 ? `[${fmtInt(tally.done + 1)}/${fmtInt(tally.files)}] ` : "";
        progress.update(
          () =>
            `  ${of}${p.path}: ${fmtInt(p.lines)} ${what}, ${fmtInt(Math.round(p.lines / Math.max((Date.now() - current.started) / 1000, 0.001)))} ${what}/s${pct}`,
        );
      },
    }),
  );
  progress.clear();
  if (opts.json) {
    writeJson(result);
  } else {
    const count = (s: FileReport["status"]) => result.files.filter((f) => f.status === s).length;
    const sum = (k: "rows_loaded" | "rows_rejected" | "rows_duplicate") =>
      result.files.reduce((n, f) => n + f[k], 0);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.skipped.length)
      process.stdout.write(`${skippedLine(result.skipped, opts.verbose)}\n`);
    process.stdout.write(
      `${fmtInt(result.files.length)} ${result.files.length === 1 ? "file" : "files"}: ${fmtInt(count("loaded"))} loaded, ${fmtInt(count("unchanged"))} unchanged, ${fmtInt(count("skipped"))} skipped, ${fmtInt(count("failed"))} failed; ${fmtInt(sum("rows_loaded"))} rows loaded, ${fmtInt(sum("rows_rejected"))} rejected, ${fmtInt(sum("rows_duplicate"))} duplicate in ${secs} s\n`,
    );
  }
  if (!result.ok) process.exitCode = 2;
};

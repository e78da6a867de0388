import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { defined } from "../core/defined.js";
import { BadFileError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { type FileReport, failedReport, type Progress } from "./file-report.js";
import { type LoadFileOptions, loadFile } from "./load-file.js";

export interface IngestOptions {
  /** Force one format for every file (`--source`). */
  readonly source?: string;
  /**
   * Called after each file, for live output, with its size as planned (`onStart`; 0 without
   * it or for a missing path).
   */
  readonly onFile?: (report: FileReport, bytes: number) => void;
  readonly onProgress?: (p: Progress) => void;
  /**
   * Called once the inputs are walked, before the first file loads: how many files and bytes
   * there are to read (for an overall progress line; sizing them costs one stat per file).
   */
  readonly onStart?: (plan: IngestPlan) => void;
}

/** What one ingest will read: files found (directories walked; a missing path counts as one) and their bytes. */
export interface IngestPlan {
  readonly files: number;
  readonly bytes: number;
}

export interface IngestResult {
  /** False only when some file failed. */
  ok: boolean;
  files: FileReport[];
  /** The skipped files by reason, most first: how many, and how many of each extension. */
  skipped: SkippedGroup[];
}

export interface SkippedGroup {
  reason: string;
  files: number;
  /** File extension (".txt"; "" for none) → files, most first. */
  extensions: Record<string, number>;
}

/**
 * The reason a skipped file is grouped under: the reason itself, without the parts that vary
 * by file (the member or the number of members of a zip archive), so that a folder of archives
 * is one group.
 */
function skipGroup(reason: string): string {
  const m = /^zip archive of .+, which (.+)$/.exec(reason);
  if (m) return `zip archive of a file which ${m[1]}`;
  return reason.replace(/^the archive holds \d+ files/, "the archive holds several files");
}

/** Skipped files summarised by reason and extension (a folder of 2,000 files is one line). */
export function summarizeSkipped(files: readonly FileReport[]): SkippedGroup[] {
  const groups = new Map<string, Map<string, number>>();
  for (const f of files) {
    if (f.status !== "skipped") continue;
    const key = skipGroup(f.reason ?? "skipped");
    const exts = groups.get(key) ?? new Map<string, number>();
    const ext = extname(f.path).toLowerCase();
    exts.set(ext, (exts.get(ext) ?? 0) + 1);
    groups.set(key, exts);
  }
  const byCount = <T>(m: Map<T, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "en"));
  return byCount(
    new Map(
      [...groups].map(([reason, exts]) => [reason, [...exts.values()].reduce((a, b) => a + b, 0)]),
    ),
  ).map(([reason, n]) => ({
    reason,
    files: n,
    extensions: Object.fromEntries(byCount(groups.get(reason) as Map<string, number>)),
  }));
}

interface Target {
  readonly path: string;
  readonly explicit: boolean;
  readonly dataset?: string;
  readonly release?: string;
}

/** A file or directory to load, with the dataset and release its files are part of. */
export interface IngestInput {
  readonly path: string;
  readonly dataset?: string;
  readonly release?: string;
}

/** Every file below `dir`, recursively, in name order (code points, so the same in any locale). */
export async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function missing(path: string): FileReport {
  return failedReport(
    path,
    new BadFileError(path, "no such file or directory", { hint: "Check the path" }),
  );
}

/**
 * Load files and directories (walked recursively, in name order). Each file loads in its own
 * transaction; a failed file leaves the store as it was and the others still load.
 */
export async function ingest(
  store: Store,
  inputs: ReadonlyArray<string | IngestInput>,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const files: FileReport[] = [];
  const record = (r: FileReport, bytes = 0) => {
    files.push(r);
    opts.onFile?.(r, bytes);
  };
  // Every input is walked first, so that the whole plan is known before the first load.
  const plan: Array<{ readonly missing: FileReport } | { readonly target: Target; bytes: number }> =
    [];
  for (const item of inputs) {
    const { path: input, ...release } = typeof item === "string" ? { path: item } : item;
    try {
      const st = await stat(input);
      const targets: Target[] = st.isDirectory()
        ? (await walk(input)).map((path) => ({ path, explicit: false, ...release }))
        : [{ path: input, explicit: true, ...release }];
      for (const target of targets) plan.push({ target, bytes: 0 });
    } catch {
      plan.push({ missing: missing(input) });
    }
  }
  if (opts.onStart) {
    let bytes = 0;
    for (const p of plan) {
      if (!("target" in p)) continue;
      p.bytes = await stat(p.target.path).then(
        (st) => st.size,
        () => 0,
      );
      bytes += p.bytes;
    }
    opts.onStart({ files: plan.length, bytes });
  }
  for (const p of plan) {
    if ("missing" in p) {
      record(p.missing);
      continue;
    }
    const t = p.target;
    const loadOpts: LoadFileOptions = {
      explicit: t.explicit,
      ...(opts.source ? { source: opts.source } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...defined({ dataset: t.dataset, release: t.release }),
    };
    record(await loadFile(store, t.path, loadOpts), p.bytes);
  }
  return { ok: files.every((f) => f.status !== "failed"), files, skipped: summarizeSkipped(files) };
}

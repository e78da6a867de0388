/**
 * `entente sync`: plan what to download (the registry's file lists, through a mirror when
 * ENTENTE_MIRROR is set), download it into the cache (resumable, verified; see download.ts),
 * extract the member to load from multi-file archives, and ingest only files that arrived whole
 * and verified. Nothing partial or mismatching ever reaches `ingest`: a failed download has no
 * final name in the cache.
 */
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import yauzl from "yauzl";
import { BadFileError, BadInputError } from "../core/errors.js";
import type { FileReport } from "../ingest/file-report.js";
import { ingest } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import {
  cachedPath,
  type DownloadEvent,
  type DownloadResult,
  downloadAll,
  type RemoteFile,
} from "./download.js";
import { mirrorUrl, SYNC_SOURCES, type SyncSource, syncSource } from "./registry.js";

export interface PlannedFile {
  readonly source: string;
  readonly file: RemoteFile;
  /** Already in the cache, verified: will not be downloaded again. */
  readonly cached: boolean;
}

export interface SyncPlan {
  readonly files: readonly PlannedFile[];
  /** Downloads to make and files already cached, one per cache path (two sources may share one). */
  readonly pending: number;
  readonly cached: number;
  /** Bytes to download (files not cached; unknown sizes count 0 and are listed in `unknownSize`). */
  readonly bytes: number;
  readonly unknownSize: number;
  /** Sources that must be downloaded by hand, with the instructions. */
  readonly manual: ReadonlyArray<{ readonly source: string; readonly instructions: string }>;
}

export interface PlanOptions {
  /** Source names; empty: every source with downloadable files except the event data. */
  readonly sources: readonly string[];
  readonly from: Date | null;
  readonly to: Date | null;
  readonly cacheDir: string;
  readonly mirror?: string | undefined;
}

/** Text of a list file (masterfilelist.txt, md5sums, …), through the mirror when set. */
async function fetchText(url: string, mirror: string | undefined): Promise<string> {
  const target = mirrorUrl(url, mirror);
  if (target.startsWith("file:")) {
    try {
      return await readFile(fileURLToPath(target), "utf8");
    } catch (e) {
      throw new BadFileError(target, `cannot read the list: ${(e as Error).message}`);
    }
  }
  let lastError = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const r = await fetch(target);
      if (r.ok) return await r.text();
      lastError = `HTTP ${r.status} ${r.statusText}`;
      if (r.status < 500 && r.status !== 429) break;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await new Promise((ok) => setTimeout(ok, 200 * 2 ** attempt));
  }
  throw new BadInputError("download_failed", `Cannot fetch the file list ${target}: ${lastError}`, {
    hint: "Check the network (or ENTENTE_MIRROR) and run entente sync again",
  });
}

/** A verified file in the cache (the sidecar written by download.ts exists). */
function isCached(cacheDir: string, file: RemoteFile): boolean {
  const p = cachedPath(cacheDir, file);
  return existsSync(p) && existsSync(`${p}.verified.json`);
}

export function selectSources(names: readonly string[]): SyncSource[] {
  if (names.length) return names.map(syncSource);
  return SYNC_SOURCES.filter((s) => s.core);
}

export async function planSync(opts: PlanOptions): Promise<SyncPlan> {
  const files: PlannedFile[] = [];
  const manual: Array<{ source: string; instructions: string }> = [];
  for (const s of selectSources(opts.sources)) {
    const listed = await s.list({
      from: opts.from,
      to: opts.to,
      fetchText: (url) => fetchText(url, opts.mirror),
    });
    if (!listed.length && s.manual) manual.push({ source: s.name, instructions: s.manual });
    for (const file of listed) {
      files.push({ source: s.name, file, cached: isCached(opts.cacheDir, file) });
    }
  }
  // One download per cache path: two sources may share an archive (COW trade).
  const unique = [...new Map(files.map((f) => [f.file.path, f])).values()];
  const todo = unique.filter((f) => !f.cached);
  return {
    files,
    pending: todo.length,
    cached: unique.length - todo.length,
    bytes: todo.reduce((n, f) => n + (f.file.size ?? 0), 0),
    unknownSize: todo.filter((f) => f.file.size === undefined).length,
    manual,
  };
}

/** Extract the one member matching `pattern` of a zip next to it (once); returns its path. */
async function extractMember(zipPath: string, pattern: RegExp): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) =>
    yauzl.open(zipPath, { lazyEntries: true }, (e, z) => (e || !z ? fail(e) : ok(z))),
  );
  try {
    const entry = await new Promise<yauzl.Entry | null>((ok, fail) => {
      zip.on("entry", (en: yauzl.Entry) => {
        if (pattern.test(en.fileName.split("/").pop() ?? "")) ok(en);
        else zip.readEntry();
      });
      zip.on("end", () => ok(null));
      zip.on("error", fail);
      zip.readEntry();
    });
    if (!entry) {
      throw new BadFileError(zipPath, `no member matching ${pattern} in the archive`, {
        hint: "The publisher changed the archive; download it by hand and load it with entente ingest",
      });
    }
    const out = join(
      dirname(zipPath),
      `${zipPath.split("/").pop()}.d`,
      entry.fileName.split("/").pop() as string,
    );
    if (existsSync(out)) return out;
    await mkdir(dirname(out), { recursive: true });
    const stream = await new Promise<NodeJS.ReadableStream>((ok, fail) =>
      zip.openReadStream(entry, (e, s) => (e || !s ? fail(e) : ok(s))),
    );
    await pipeline(stream, createWriteStream(`${out}.part`));
    await rename(`${out}.part`, out);
    return out;
  } finally {
    zip.close();
  }
}

export interface SyncOptions extends PlanOptions {
  readonly parallel?: number;
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly timeoutMs?: number;
  readonly onEvent?: (e: DownloadEvent) => void;
  readonly onFile?: (r: FileReport) => void;
}

export interface SyncResult {
  readonly plan: SyncPlan;
  readonly downloads: readonly DownloadResult[];
  /** What ingest made of the files that arrived (none for failed downloads). */
  readonly ingested: readonly FileReport[];
  /** True when every planned file arrived and loaded (or was unchanged). */
  readonly ok: boolean;
}

/** Download a plan's files and ingest those that arrived whole. */
export async function runSync(
  store: Store,
  plan: SyncPlan,
  opts: SyncOptions,
): Promise<SyncResult> {
  const files = plan.files.map((f) => ({
    ...f.file,
    url: mirrorUrl(f.file.url, opts.mirror),
  }));
  const downloads = await downloadAll(files, {
    cacheDir: opts.cacheDir,
    ...(opts.parallel === undefined ? {} : { parallel: opts.parallel }),
    ...(opts.retries === undefined ? {} : { retries: opts.retries }),
    ...(opts.backoffMs === undefined ? {} : { backoffMs: opts.backoffMs }),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
  });
  const toLoad: string[] = [];
  for (const [i, d] of downloads.entries()) {
    if (d.status === "failed" || !d.localPath) continue;
    const source = syncSource(plan.files[i]?.source as string);
    toLoad.push(source.extract ? await extractMember(d.localPath, source.extract) : d.localPath);
  }
  const result = toLoad.length
    ? await ingest(store, toLoad, opts.onFile ? { onFile: opts.onFile } : {})
    : { ok: true, files: [] };
  return {
    plan,
    downloads,
    ingested: result.files,
    ok: result.ok && downloads.every((d) => d.status !== "failed"),
  };
}

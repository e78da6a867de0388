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
import { defined } from "../core/defined.js";
import { BadFileError, BadInputError } from "../core/errors.js";
import { errorLine, type FileReport, failedReport } from "../ingest/file-report.js";
import { type IngestInput, ingest } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import {
  cachedPath,
  type DownloadEvent,
  type DownloadResult,
  downloadAll,
  type RemoteFile,
  tooOld,
} from "./download.js";
import { IMF_RATE } from "./imf-imts.js";
import { RateLimiter } from "./rate-limit.js";
import { mirrorUrl, SYNC_SOURCES, type SyncSource, syncSource } from "./registry.js";
import { fetchSdmxQuery } from "./sdmx.js";

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
  /**
   * Sources whose file list could not be had (the list unreachable, or not as expected): the
   * others are synced all the same, and the run does not count as ok.
   */
  readonly unavailable: ReadonlyArray<{ readonly source: string; readonly error: string }>;
}

export interface PlanOptions {
  /** Source names; empty: every source with downloadable files except the event data. */
  readonly sources: readonly string[];
  readonly from: Date | null;
  readonly to: Date | null;
  readonly cacheDir: string;
  readonly mirror?: string | undefined;
  /** Pairs of states (ISO alpha-3) for bilateral sources (IMF IMTS); null or absent: all. */
  readonly pairs?: ReadonlyArray<readonly [string, string]> | null;
  /** Monthly data too for sources that otherwise fetch annual data only. */
  readonly monthly?: boolean;
  /** Today, for releases named after the day of the fetch (tests fix it). */
  readonly now?: Date;
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

/** A verified file in the cache (the sidecar written by download.ts exists), not too old. */
async function isCached(cacheDir: string, file: RemoteFile): Promise<boolean> {
  const p = cachedPath(cacheDir, file);
  if (!existsSync(p) || !existsSync(`${p}.verified.json`)) return false;
  if (file.maxAgeDays === undefined) return true;
  try {
    const side = JSON.parse(await readFile(`${p}.verified.json`, "utf8")) as {
      verifiedAt?: string;
    };
    return !tooOld(file, side.verifiedAt);
  } catch {
    return false;
  }
}

export function selectSources(names: readonly string[]): SyncSource[] {
  if (names.length) return names.map(syncSource);
  return SYNC_SOURCES.filter((s) => s.core);
}

export async function planSync(opts: PlanOptions): Promise<SyncPlan> {
  const files: PlannedFile[] = [];
  const manual: Array<{ source: string; instructions: string }> = [];
  const unavailable: Array<{ source: string; error: string }> = [];
  for (const s of selectSources(opts.sources)) {
    let listed: RemoteFile[];
    try {
      listed = await s.list({
        from: opts.from,
        to: opts.to,
        fetchText: (url) => fetchText(url, opts.mirror),
        pairs: opts.pairs ?? null,
        monthly: opts.monthly === true,
        ...(opts.now ? { now: opts.now } : {}),
      });
    } catch (e) {
      // A range the user must give is a mistake to report at once; anything else concerns this
      // source only.
      if (
        e instanceof BadInputError &&
        !(e instanceof BadFileError) &&
        e.code !== "download_failed"
      ) {
        throw e;
      }
      unavailable.push({
        source: s.name,
        error: errorLine(e),
      });
      continue;
    }
    if (!listed.length && s.manual) manual.push({ source: s.name, instructions: s.manual });
    for (const file of listed) {
      files.push({ source: s.name, file, cached: await isCached(opts.cacheDir, file) });
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
    unavailable,
  };
}

/**
 * Extract the member whose name matches `pattern` from a zip, next to it (once); returns its
 * path. When the zip does not hold it directly, its members matching `nested` (zips inside the
 * zip) are extracted and searched in turn.
 */
export async function extractMember(
  zipPath: string,
  pattern: RegExp,
  nested?: RegExp,
): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (e, z) =>
      e || !z ? fail(e) : ok(z),
    ),
  );
  const baseName = (en: yauzl.Entry) => en.fileName.split("/").pop() ?? "";
  const outPath = (en: yauzl.Entry) =>
    join(dirname(zipPath), `${zipPath.split("/").pop()}.d`, baseName(en));
  const write = async (en: yauzl.Entry): Promise<string> => {
    const out = outPath(en);
    if (existsSync(out)) return out;
    await mkdir(dirname(out), { recursive: true });
    const stream = await new Promise<NodeJS.ReadableStream>((ok, fail) =>
      zip.openReadStream(en, (e, st) => (e || !st ? fail(e) : ok(st))),
    );
    await pipeline(stream, createWriteStream(`${out}.part`));
    await rename(`${out}.part`, out);
    return out;
  };
  const inner: yauzl.Entry[] = [];
  try {
    const entry = await new Promise<yauzl.Entry | null>((ok, fail) => {
      zip.on("entry", (en: yauzl.Entry) => {
        if (pattern.test(baseName(en))) return ok(en);
        if (nested?.test(baseName(en))) inner.push(en);
        zip.readEntry();
      });
      zip.on("end", () => ok(null));
      zip.on("error", fail);
      zip.readEntry();
    });
    if (entry) return await write(entry);
    for (const en of inner) {
      const found = await extractMember(await write(en), pattern, nested).catch(() => null);
      if (found) return found;
    }
    throw new BadFileError(
      zipPath,
      `no member matching ${pattern} in the archive${nested ? " or the archives inside it" : ""}`,
      {
        hint: "The publisher changed the archive; download it by hand and load it with entente ingest",
      },
    );
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
  /** Requests per window for paged API queries (default: the IMF's, src/sync/imf-imts.ts). */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
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
  // Files are downloaded in bounded parallel; paged API queries one after the other, through one
  // rate limiter, after them.
  const plain = plan.files.filter((f) => f.file.pageSize === undefined);
  const files = plain.map((f) => ({
    ...f.file,
    url: mirrorUrl(f.file.url, opts.mirror),
  }));
  const fileResults = await downloadAll(files, {
    cacheDir: opts.cacheDir,
    ...defined({
      parallel: opts.parallel,
      retries: opts.retries,
      backoffMs: opts.backoffMs,
      timeoutMs: opts.timeoutMs,
    }),
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
  });
  const limiter = new RateLimiter(
    opts.rateLimit?.max ?? IMF_RATE.max,
    opts.rateLimit?.windowMs ?? IMF_RATE.windowMs,
  );
  const queryResults = new Map<PlannedFile, DownloadResult>();
  for (const f of plan.files) {
    if (f.file.pageSize === undefined) continue;
    if (f.cached) {
      const localPath = cachedPath(opts.cacheDir, f.file);
      opts.onEvent?.({ kind: "done", file: f.file, status: "cached" });
      queryResults.set(f, { file: f.file, status: "cached", localPath, bytes: 0 });
      continue;
    }
    queryResults.set(
      f,
      await fetchSdmxQuery(f.file, f.file.pageSize, {
        cacheDir: opts.cacheDir,
        urlFor: (u) => mirrorUrl(u, opts.mirror),
        limiter,
        ...defined({ retries: opts.retries, backoffMs: opts.backoffMs }),
        ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
      }),
    );
  }
  // In plan order again, so that downloads[i] is the result of plan.files[i].
  let nextPlain = 0;
  const downloads = plan.files.map((f) =>
    f.file.pageSize === undefined
      ? (fileResults[nextPlain++] as DownloadResult)
      : (queryResults.get(f) as DownloadResult),
  );
  const toLoad: IngestInput[] = [];
  const extractFailures: FileReport[] = [];
  for (const [i, d] of downloads.entries()) {
    if (d.status === "failed" || !d.localPath) continue;
    const planned = plan.files[i] as PlannedFile;
    const source = syncSource(planned.source);
    let path = d.localPath;
    if (source.extract) {
      try {
        path = await extractMember(d.localPath, source.extract, source.nested);
      } catch (e) {
        extractFailures.push(failedReport(d.localPath, e));
        continue;
      }
    }
    toLoad.push({
      path,
      ...defined({ release: planned.file.release, dataset: planned.file.dataset }),
    });
  }
  for (const r of extractFailures) opts.onFile?.(r);
  const result = toLoad.length
    ? await ingest(store, toLoad, opts.onFile ? { onFile: opts.onFile } : {})
    : { ok: true, files: [] };
  return {
    plan,
    downloads,
    ingested: [...extractFailures, ...result.files],
    ok:
      result.ok &&
      !extractFailures.length &&
      !plan.unavailable.length &&
      downloads.every((d) => d.status !== "failed"),
  };
}

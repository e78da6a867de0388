/**
 * SDMX data queries answered as SDMX-CSV, fetched page by page: the SDMX REST API's `offset` and
 * `limit` parameters (number of observations to skip, and the most to return), each page a
 * complete SDMX-CSV answer with its header. Requests go through a rate limiter; a 429 answer is
 * waited out (its Retry-After, else exponential backoff) and asked again. The pages are joined
 * into one file (the header once) that gets its final name in the cache only when every page
 * arrived, with the same `.verified.json` record as other downloads, so a query is loaded whole
 * or not at all.
 *
 * Stopping: a page with fewer observations than asked is the last; a page with more (a server
 * that ignores `limit`) is the whole answer; a page identical to the one before (a server that
 * ignores `offset`) is dropped and ends the query.
 */
import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { readRecords } from "../core/records.js";
import {
  cachedPath,
  type DownloadEvent,
  type DownloadResult,
  type RemoteFile,
  safeEmitter,
} from "./download.js";
import { type RateLimiter, retryAfterMs } from "./rate-limit.js";

export const SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";

export interface SdmxFetchOptions {
  readonly cacheDir: string;
  /** Rewrites the official URL of each page (ENTENTE_MIRROR). */
  readonly urlFor: (officialUrl: string) => string;
  readonly limiter: RateLimiter;
  /** Attempts after the first for a 429, 5xx or network error of one page; default 4. */
  readonly retries?: number;
  /** First wait before a retry without Retry-After, doubled each time; default 1000. */
  readonly backoffMs?: number;
  readonly onEvent?: (e: DownloadEvent) => void;
}

/** The official URL of one page of a query: the query's URL with offset and limit. */
export function pageUrl(queryUrl: string, offset: number, limit: number): string {
  const u = new URL(queryUrl);
  u.searchParams.set("offset", String(offset));
  u.searchParams.set("limit", String(limit));
  return u.toString();
}

/**
 * Header line and data records of one SDMX-CSV page; observations are the records with a
 * TIME_PERIOD (SDMX-CSV answers a query that matches nothing with one row of empty values).
 */
export function splitPage(text: string): { header: string; rows: string[]; observations: number } {
  const body = text.replace(/^\uFEFF/, "");
  const rows: string[] = [];
  let header = "";
  let time = -1;
  let observations = 0;
  let start = 0;
  for (const r of readRecords(body, { delimiter: ",", quoting: true, fromLine: 1 })) {
    const raw = body
      .slice(start, r.end)
      .replace(/^(\r?\n)+/, "")
      .replace(/\r?\n$/, "");
    start = r.end;
    if (!header) {
      header = raw;
      time = r.fields.map((f) => f.trim()).indexOf("TIME_PERIOD");
      continue;
    }
    rows.push(raw);
    if (time >= 0 && (r.fields[time] ?? "").trim() !== "") observations += 1;
  }
  return { header, rows, observations };
}

class PageError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly waitMs: number | null = null,
  ) {
    super(message);
  }
}

async function getPage(url: string, opts: SdmxFetchOptions, file: RemoteFile): Promise<string> {
  const retries = Math.max(0, opts.retries ?? 4);
  const backoff = Math.max(0, opts.backoffMs ?? 1000);
  for (let attempt = 0; ; attempt++) {
    await opts.limiter.take();
    try {
      let res: Response;
      try {
        res = await fetch(url, { headers: { accept: SDMX_CSV, "user-agent": "entente-sync" } });
      } catch (e) {
        throw new PageError(`${(e as Error).message} for ${url}`, true);
      }
      if (res.ok) return await res.text();
      await res.body?.cancel();
      const retryable = res.status === 429 || res.status === 408 || res.status >= 500;
      throw new PageError(
        `HTTP ${res.status} ${res.statusText} for ${url}`.replace(/ +for/, " for"),
        retryable,
        retryable ? retryAfterMs(res.headers.get("retry-after")) : null,
      );
    } catch (e) {
      const err = e instanceof PageError ? e : new PageError(String(e), false);
      if (!err.retryable || attempt >= retries) throw err;
      const waitMs = err.waitMs ?? Math.min(60_000, backoff * 2 ** attempt);
      opts.onEvent?.({ kind: "retry", file, attempt: attempt + 1, error: err.message, waitMs });
      await new Promise((ok) => setTimeout(ok, waitMs));
    }
  }
}

/**
 * Fetch every page of one query (`file.url`, without offset/limit) into the file `file.path` of
 * the cache; `pageSize` observations per page.
 */
export async function fetchSdmxQuery(
  file: RemoteFile,
  pageSize: number,
  opts: SdmxFetchOptions,
): Promise<DownloadResult & { pages: number; observations: number }> {
  const emit = safeEmitter(opts.onEvent);
  emit({ kind: "start", file });
  let local: string;
  try {
    local = cachedPath(opts.cacheDir, file);
  } catch (e) {
    const error = (e as Error).message;
    emit({ kind: "failed", file, error });
    return { file, status: "failed", localPath: null, error, bytes: 0, pages: 0, observations: 0 };
  }
  let bytes = 0;
  let pages = 0;
  let observations = 0;
  try {
    let header = "";
    const rows: string[] = [];
    let previous: string | null = null;
    for (let offset = 0; ; offset += pageSize) {
      const text = await getPage(opts.urlFor(pageUrl(file.url, offset, pageSize)), opts, file);
      bytes += Buffer.byteLength(text);
      emit({ kind: "bytes", file, bytes: Buffer.byteLength(text) });
      if (previous !== null && text === previous) break; // offset ignored: the same page again
      const page = splitPage(text);
      if (!header) header = page.header;
      else if (page.header && page.header !== header) {
        throw new Error(
          `page at offset ${offset} of ${file.url} has another header than the first page`,
        );
      }
      pages += 1;
      observations += page.observations;
      // An empty answer past the first page adds nothing (the row SDMX-CSV writes when nothing
      // matches is kept only when the whole query matched nothing).
      if (page.observations > 0 || pages === 1) rows.push(...page.rows);
      if (page.observations !== pageSize) break;
      previous = text;
    }
    if (!header) throw new Error(`${file.url} answered nothing, not even a header`);
    const body = Buffer.from(`${[header, ...rows].join("\n")}\n`);
    await mkdir(dirname(local), { recursive: true });
    await writeFile(`${local}.part`, body);
    await rename(`${local}.part`, local);
    const sidecar = {
      url: file.url,
      size: body.length,
      md5: createHash("md5").update(body).digest("hex"),
      sha256: createHash("sha256").update(body).digest("hex"),
      verifiedAt: new Date().toISOString(),
      pages,
      observations,
    };
    await writeFile(`${local}.verified.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
    emit({ kind: "done", file, status: "downloaded" });
    return { file, status: "downloaded", localPath: local, bytes, pages, observations };
  } catch (e) {
    await rm(`${local}.part`, { force: true });
    const error = (e as Error).message;
    emit({ kind: "failed", file, error });
    return { file, status: "failed", localPath: null, error, bytes, pages, observations };
  }
}

/**
 * The download engine of `entente sync`: fetches open-data files (GDELT's 15-minute zips, …) into a
 * local cache with bounded parallelism, resumable `.part` files, retries with exponential backoff,
 * an idle timeout, and size/md5 verification. A file only gets its final name in the cache once it
 * is verified, and a `.verified.json` sidecar then records what was checked, so a later run can
 * skip it and nothing partial can ever be ingested.
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

export interface RemoteFile {
  /** Official URL (http/https), already rewritten to a mirror by the caller if any; may be file:///… */
  readonly url: string;
  /** Cache-relative path, e.g. "gdeltv2/20191024143000.export.CSV.zip": stable across mirrors. */
  readonly path: string;
  /** Bytes, when the source publishes it. */
  readonly size?: number;
  /** Hex md5, when the source publishes it. */
  readonly md5?: string;
  /**
   * The release of its dataset the file is (a dated file, a Dataverse version), when the source
   * says; loaded as such, a newer release replaces the older one (src/store/releases.ts).
   */
  readonly release?: string;
  /** The dataset it loads as, when not its adapter's name. */
  readonly dataset?: string;
  /**
   * The publisher replaces the file at its address without publishing a size or checksum (the
   * World Bank's bulk files): a cached copy verified more than this many days ago is fetched
   * again.
   */
  readonly maxAgeDays?: number;
  /**
   * An SDMX data query fetched in pages of this many observations (src/sync/sdmx.ts) rather than
   * a file; `path` is where the joined answer goes.
   */
  readonly pageSize?: number;
}

export type DownloadEvent =
  | { kind: "start"; file: RemoteFile }
  | { kind: "bytes"; file: RemoteFile; bytes: number }
  | { kind: "retry"; file: RemoteFile; attempt: number; error: string; waitMs: number }
  | { kind: "done"; file: RemoteFile; status: "downloaded" | "cached" }
  | { kind: "failed"; file: RemoteFile; error: string };

export interface DownloadOptions {
  readonly cacheDir: string;
  /** Files fetched at once; default 4. */
  readonly parallel?: number;
  /** Attempts after the first for a retryable error; default 4. */
  readonly retries?: number;
  /** First wait before a retry, doubled each retry, with jitter; default 500. */
  readonly backoffMs?: number;
  /** No bytes for this long → abort the response and retry (resuming); default 30000. */
  readonly timeoutMs?: number;
  readonly onEvent?: (e: DownloadEvent) => void;
}

export interface DownloadResult {
  readonly file: RemoteFile;
  readonly status: "downloaded" | "cached" | "failed";
  /** The verified file in the cache; null when failed. */
  readonly localPath: string | null;
  readonly error?: string;
  /** Bytes transferred by this run for the file (0 when cached). */
  readonly bytes: number;
}

/** The sidecar written beside a verified file. */
export interface VerifiedSidecar {
  readonly url: string;
  readonly size: number;
  readonly md5: string;
  readonly sha256: string;
  readonly verifiedAt: string;
}

const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;
const USER_AGENT = "entente-sync (+https://github.com/)";

/** $XDG_CACHE_HOME/entente, or ~/.cache/entente. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "entente");
  return join(env.HOME || homedir(), ".cache", "entente");
}

/** Where `file` lives in the cache; throws when its path would escape the cache directory. */
export function cachedPath(cacheDir: string, file: RemoteFile): string {
  const p = file.path;
  if (!p || p.includes("\0")) throw new Error(`invalid cache path ${JSON.stringify(p)}`);
  if (isAbsolute(p) || /^[a-zA-Z]:/.test(p) || p.startsWith("\\")) {
    throw new Error(`cache path ${JSON.stringify(p)} is absolute`);
  }
  const segments = p.split(/[/\\]/);
  if (segments.some((s) => s === "..")) {
    throw new Error(`cache path ${JSON.stringify(p)} escapes the cache directory`);
  }
  const root = resolve(cacheDir);
  const full = resolve(root, p);
  if (!full.startsWith(root + sep)) {
    throw new Error(`cache path ${JSON.stringify(p)} escapes the cache directory`);
  }
  return full;
}

const partPath = (local: string): string => `${local}.part`;
const sidecarPath = (local: string): string => `${local}.verified.json`;

/** Downloads every file (bounded parallelism); results in input order, failures don't stop others. */
export async function downloadAll(
  files: readonly RemoteFile[],
  opts: DownloadOptions,
): Promise<DownloadResult[]> {
  const parallel = Math.max(1, Math.floor(opts.parallel ?? 4));
  const results: DownloadResult[] = new Array(files.length);
  // Two entries naming the same cache path must not write the same .part at once.
  const inFlight = new Map<string, Promise<DownloadResult>>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as RemoteFile;
      let key: string;
      try {
        key = cachedPath(opts.cacheDir, file);
      } catch {
        key = `\0invalid:${i}`;
      }
      const earlier = inFlight.get(key);
      if (earlier) {
        const r = await earlier;
        results[i] =
          r.status === "failed" ? { ...r, file } : { ...r, file, status: "cached", bytes: 0 };
        continue;
      }
      const p = downloadOne(file, opts);
      inFlight.set(key, p);
      results[i] = await p;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
  return results;
}

/** A fatal (non-retryable) or retryable failure of one attempt. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Running md5/sha256 over the bytes of the .part, valid while `length` equals the file size. */
interface Hasher {
  md5: Hash;
  sha256: Hash;
  length: number;
}
const newHasher = (): Hasher => ({
  md5: createHash("md5"),
  sha256: createHash("sha256"),
  length: 0,
});

interface Ctx {
  readonly file: RemoteFile;
  readonly part: string;
  readonly timeoutMs: number;
  readonly emit: (e: DownloadEvent) => void;
  /** Null when the .part holds bytes this process did not hash (resumed from an earlier run). */
  hasher: Hasher | null;
  transferred: number;
}

/** The event callback, kept from breaking downloads when a progress display throws. */
export function safeEmitter(onEvent?: (e: DownloadEvent) => void): (e: DownloadEvent) => void {
  return (e) => {
    try {
      onEvent?.(e);
    } catch {
      // a broken progress display must not break downloads
    }
  };
}

async function downloadOne(file: RemoteFile, opts: DownloadOptions): Promise<DownloadResult> {
  const emit = safeEmitter(opts.onEvent);
  emit({ kind: "start", file });
  let local: string;
  try {
    local = cachedPath(opts.cacheDir, file);
  } catch (e) {
    const error = errorMessage(e);
    emit({ kind: "failed", file, error });
    return { file, status: "failed", localPath: null, error, bytes: 0 };
  }
  const ctx: Ctx = {
    file,
    part: partPath(local),
    timeoutMs: opts.timeoutMs ?? 30_000,
    emit,
    hasher: null,
    transferred: 0,
  };
  try {
    if (await isCached(local, file)) {
      emit({ kind: "done", file, status: "cached" });
      return { file, status: "cached", localPath: local, bytes: 0 };
    }
    // Whatever sits under the final name is stale (or unverified): it must not outlive a failure,
    // and neither may members extracted from it.
    await rm(sidecarPath(local), { force: true });
    await rm(local, { force: true });
    await rm(`${local}.d`, { recursive: true, force: true });
    await mkdir(dirname(local), { recursive: true });
    const partSize = await sizeOf(ctx.part);
    ctx.hasher = partSize ? null : newHasher();

    let mismatch: string | null = null;
    for (let round = 0; round < 2; round++) {
      await fetchWithRetries(ctx, opts);
      const verified = await verify(ctx);
      if (typeof verified === "string") {
        mismatch = verified;
        await rm(ctx.part, { force: true });
        ctx.hasher = newHasher();
        continue;
      }
      await rename(ctx.part, local);
      const tmp = `${sidecarPath(local)}.tmp`;
      await writeFile(tmp, `${JSON.stringify(verified, null, 2)}\n`);
      await rename(tmp, sidecarPath(local));
      emit({ kind: "done", file, status: "downloaded" });
      return { file, status: "downloaded", localPath: local, bytes: ctx.transferred };
    }
    throw new Error(mismatch ?? `verification failed for ${file.url}`);
  } catch (e) {
    const error = errorMessage(e);
    emit({ kind: "failed", file, error });
    return { file, status: "failed", localPath: null, error, bytes: ctx.transferred };
  }
}

async function isCached(local: string, file: RemoteFile): Promise<boolean> {
  let side: Partial<VerifiedSidecar>;
  try {
    side = JSON.parse(await readFile(sidecarPath(local), "utf8")) as Partial<VerifiedSidecar>;
  } catch {
    return false;
  }
  if (typeof side.size !== "number" || typeof side.md5 !== "string") return false;
  if (file.size !== undefined && side.size !== file.size) return false;
  if (file.md5 !== undefined && side.md5.toLowerCase() !== file.md5.toLowerCase()) return false;
  if (tooOld(file, side.verifiedAt)) return false;
  return (await sizeOf(local)) === side.size;
}

/** A cached copy of a file its publisher updates in place, verified longer ago than allowed. */
export function tooOld(
  file: RemoteFile,
  verifiedAt: string | undefined,
  now = Date.now(),
): boolean {
  if (file.maxAgeDays === undefined) return false;
  const at = verifiedAt === undefined ? Number.NaN : Date.parse(verifiedAt);
  return !(at >= now - file.maxAgeDays * 86_400_000);
}

/** The verified sidecar, or a message naming the url, expected and actual values. */
async function verify(ctx: Ctx): Promise<VerifiedSidecar | string> {
  const { file } = ctx;
  const size = (await sizeOf(ctx.part)) ?? 0;
  let md5: string;
  let sha256: string;
  if (ctx.hasher && ctx.hasher.length === size) {
    md5 = ctx.hasher.md5.digest("hex");
    sha256 = ctx.hasher.sha256.digest("hex");
  } else {
    ({ md5, sha256 } = await hashFile(ctx.part));
  }
  ctx.hasher = null;
  const problems: string[] = [];
  if (file.size !== undefined && size !== file.size) {
    problems.push(`size expected ${file.size}, actual ${size}`);
  }
  if (file.md5 !== undefined && md5 !== file.md5.toLowerCase()) {
    problems.push(`md5 expected ${file.md5.toLowerCase()}, actual ${md5}`);
  }
  if (problems.length) return `verification failed for ${file.url}: ${problems.join("; ")}`;
  return { url: file.url, size, md5, sha256, verifiedAt: new Date().toISOString() };
}

async function hashFile(path: string): Promise<{ md5: string; sha256: string }> {
  const md5 = createHash("md5");
  const sha256 = createHash("sha256");
  for await (const chunk of createReadStream(path)) {
    md5.update(chunk as Buffer);
    sha256.update(chunk as Buffer);
  }
  return { md5: md5.digest("hex"), sha256: sha256.digest("hex") };
}

async function fetchWithRetries(ctx: Ctx, opts: DownloadOptions): Promise<void> {
  const retries = Math.max(0, opts.retries ?? 4);
  const backoffMs = Math.max(0, opts.backoffMs ?? 500);
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchOnce(ctx);
      return;
    } catch (e) {
      const retryable = e instanceof AttemptError ? e.retryable : true;
      if (!retryable || attempt >= retries) throw e;
      const jitter = 0.75 + Math.random() * 0.5;
      let waitMs = Math.min(MAX_RETRY_AFTER_MS, Math.round(backoffMs * 2 ** attempt * jitter));
      if (e instanceof AttemptError && e.retryAfterMs !== undefined) waitMs = e.retryAfterMs;
      ctx.emit({
        kind: "retry",
        file: ctx.file,
        attempt: attempt + 1,
        error: errorMessage(e),
        waitMs,
      });
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/** One attempt: brings the .part to the full file (resuming it when possible), or throws. */
async function fetchOnce(ctx: Ctx): Promise<void> {
  let offset = (await sizeOf(ctx.part)) ?? 0;
  const expected = ctx.file.size;
  if (expected !== undefined && offset > expected) {
    await restart(ctx);
    offset = 0;
  }
  const url = new URL(ctx.file.url);
  if (url.protocol === "file:") return copyFile(ctx, url, offset);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AttemptError(`unsupported URL scheme ${url.protocol} in ${ctx.file.url}`, false);
  }
  const res = await request(ctx, url, offset);
  try {
    if (res.statusCode === 416) {
      const total = /\*\/(\d+)/.exec(String(res.headers["content-range"] ?? ""))?.[1];
      const complete =
        offset > 0 &&
        (expected !== undefined
          ? offset === expected
          : total !== undefined && Number(total) === offset);
      if (complete) return;
      res.resume();
      await restart(ctx);
      return fetchOnce(ctx);
    }
    if (res.statusCode === 206 && offset > 0) {
      const start = /bytes\s+(\d+)-/.exec(String(res.headers["content-range"] ?? ""))?.[1];
      if (start !== undefined && Number(start) === offset) {
        await receive(ctx, res, true);
        return;
      }
      // A range we did not ask for: start over.
      res.resume();
      await restart(ctx);
      return fetchOnce(ctx);
    }
    if (res.statusCode === 200 || res.statusCode === 206) {
      await receive(ctx, res, false);
      return;
    }
    res.resume();
    throw statusError(res, ctx.file.url);
  } finally {
    res.destroy();
  }
}

async function restart(ctx: Ctx): Promise<void> {
  await rm(ctx.part, { force: true });
  ctx.hasher = newHasher();
}

function statusError(res: http.IncomingMessage, url: string): AttemptError {
  const status = res.statusCode ?? 0;
  const message =
    `HTTP ${status} ${res.statusMessage || http.STATUS_CODES[status] || ""}`.trimEnd();
  const retryable = status >= 500 || status === 429 || status === 408;
  return new AttemptError(
    `${message} for ${url}`,
    retryable,
    retryable ? retryAfterMs(res.headers["retry-after"]) : undefined,
  );
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return undefined;
  let ms: number;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    ms = at - Date.now();
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}

/** Requests aborted by the idle timeout (their responses then only report "aborted"). */
const idleResponses = new WeakSet<http.IncomingMessage>();

/** Sends the GET (with a Range from `offset`), following redirects; resolves with the response. */
async function request(ctx: Ctx, url: URL, offset: number): Promise<http.IncomingMessage> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await new Promise<http.IncomingMessage>((resolvePromise, reject) => {
      const headers: Record<string, string> = {
        "user-agent": USER_AGENT,
        "accept-encoding": "identity",
      };
      if (offset > 0) headers.range = `bytes=${offset}-`;
      const mod = current.protocol === "https:" ? https : http;
      let response: http.IncomingMessage | undefined;
      const req = mod.get(current, { headers }, (r) => {
        response = r;
        resolvePromise(r);
      });
      req.on("error", (e) =>
        reject(new AttemptError(`${errorMessage(e)} for ${ctx.file.url}`, true)),
      );
      req.setTimeout(ctx.timeoutMs, () => {
        if (response) idleResponses.add(response);
        req.destroy(new Error(`idle for ${ctx.timeoutMs} ms (no bytes received)`));
      });
    });
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      if (hop >= MAX_REDIRECTS)
        throw new AttemptError(`too many redirects for ${ctx.file.url}`, false);
      current = new URL(location, current);
      continue;
    }
    return res;
  }
}

/** Streams the response body into the .part (appending when `append`), hashing as it goes. */
async function receive(ctx: Ctx, res: http.IncomingMessage, append: boolean): Promise<void> {
  const length = res.headers["content-length"];
  const expected = length !== undefined ? Number(length) : undefined;
  let received: number;
  // The request's socket timeout (see `request`) keeps running for the body: it fires when no
  // bytes arrive for timeoutMs, destroying the request and so this response.
  try {
    received = await writeStream(ctx, res, append);
  } catch (e) {
    const why = idleResponses.has(res) ? `idle for ${ctx.timeoutMs} ms` : errorMessage(e);
    throw new AttemptError(`${why} while receiving ${ctx.file.url}`, true);
  }
  if (expected !== undefined && received !== expected) {
    throw new AttemptError(
      `connection closed after ${received} of ${expected} bytes for ${ctx.file.url}`,
      true,
    );
  }
}

/** Copies a file:// source (resuming from `offset`) with the same hashing and events. */
async function copyFile(ctx: Ctx, url: URL, offset: number): Promise<void> {
  const src = fileURLToPath(url);
  const size = await sizeOf(src);
  if (size === null) throw new AttemptError(`file not found: ${src} for ${ctx.file.url}`, false);
  if (offset > size) {
    await restart(ctx);
    offset = 0;
  }
  if (offset === size && offset > 0) return;
  await writeStream(ctx, createReadStream(src, { start: offset }), offset > 0);
}

/** Writes every chunk of `body` to the .part; a chunk is hashed only once it is on disk. */
async function writeStream(ctx: Ctx, body: Readable, append: boolean): Promise<number> {
  if (!append) ctx.hasher = newHasher();
  const fh = await open(ctx.part, append ? "a" : "w");
  let n = 0;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      let written = 0;
      while (written < buf.length) {
        const r = await fh.write(buf, written, buf.length - written);
        written += r.bytesWritten;
      }
      if (ctx.hasher) {
        ctx.hasher.md5.update(buf);
        ctx.hasher.sha256.update(buf);
        ctx.hasher.length += buf.length;
      }
      n += buf.length;
      ctx.transferred += buf.length;
      ctx.emit({ kind: "bytes", file: ctx.file, bytes: buf.length });
    }
  } finally {
    await fh.close();
  }
  return n;
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

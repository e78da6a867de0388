/**
 * An in-memory cache of response bodies, keyed by the normalised request. The server opens the
 * store read-only and DuckDB refuses writers while it is open, so a computed answer stays true
 * for the life of the process; entries are only evicted for space (least recently used first).
 * Concurrent requests for the same key share one computation.
 */
import { gzipSync } from "node:zlib";

/** A body as UTF-8 bytes (written to the socket as is), and gzipped once it is asked for. */
export class CachedBody {
  private gz: Uint8Array<ArrayBuffer> | null = null;
  constructor(readonly bytes: Uint8Array<ArrayBuffer>) {}

  static of(text: string): CachedBody {
    const b = Buffer.from(text, "utf8");
    return new CachedBody(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }

  gzip(): Uint8Array<ArrayBuffer> {
    if (!this.gz) {
      const z = gzipSync(this.bytes);
      this.gz = new Uint8Array(z.buffer, z.byteOffset, z.byteLength);
    }
    return this.gz;
  }
}

export class ResponseCache {
  private readonly done = new Map<string, CachedBody>();
  private readonly pending = new Map<string, Promise<CachedBody>>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 512,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.done.size;
  }

  /** The cached body for `key`, else `compute()` (failures are not cached). */
  async get(key: string, compute: () => Promise<string>): Promise<CachedBody> {
    const hit = this.done.get(key);
    if (hit !== undefined) {
      // Refresh recency: a Map iterates in insertion order.
      this.done.delete(key);
      this.done.set(key, hit);
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const p = compute().then(
      (text) => {
        this.pending.delete(key);
        const body = CachedBody.of(text);
        this.put(key, body);
        return body;
      },
      (e: unknown) => {
        this.pending.delete(key);
        throw e;
      },
    );
    this.pending.set(key, p);
    return p;
  }

  private put(key: string, body: CachedBody): void {
    const size = body.bytes.byteLength;
    if (size > this.maxBytes) return;
    this.done.set(key, body);
    this.bytes += size;
    for (const [k, v] of this.done) {
      if (this.done.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.done.delete(k);
      this.bytes -= v.bytes.byteLength;
    }
  }
}

/** Whether an Accept-Encoding header accepts gzip (q > 0, by name or `*`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | null = null;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const ok = q === undefined || Number(q) > 0;
    if (name.trim() === "gzip") return ok;
    if (name.trim() === "*") star = ok;
  }
  return star === true;
}

import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  cachedPath,
  type DownloadEvent,
  type DownloadOptions,
  defaultCacheDir,
  downloadAll,
  type RemoteFile,
} from "../../src/sync/download.js";
import { type FileServer, type RouteSpec, startFileServer } from "./server.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "entente-sync-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(routes: Record<string, RouteSpec>): Promise<FileServer> {
  const server = await startFileServer(routes);
  cleanups.push(() => server.close());
  return server;
}

const md5 = (b: Buffer): string => createHash("md5").update(b).digest("hex");
const sha256 = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

/** A RemoteFile for `body` served at `route`, with its published size and md5. */
function remote(server: FileServer, route: string, body: Buffer, extra?: Partial<RemoteFile>) {
  return {
    url: `${server.url}${route}`,
    path: `gdeltv2${route}`,
    size: body.length,
    md5: md5(body),
    ...extra,
  } satisfies RemoteFile;
}

function options(cacheDir: string, events: DownloadEvent[], extra?: Partial<DownloadOptions>) {
  return {
    cacheDir,
    backoffMs: 5,
    timeoutMs: 2000,
    onEvent: (e: DownloadEvent) => events.push(e),
    ...extra,
  } satisfies DownloadOptions;
}

describe("downloadAll", () => {
  it("downloads several files in parallel, verifies them, then serves them from the cache", async () => {
    const bodies = [
      randomBytes(300_000),
      randomBytes(70_001),
      randomBytes(1),
      randomBytes(128_000),
    ];
    const routes = Object.fromEntries(bodies.map((b, i) => [`/f${i}.zip`, { body: b }]));
    const server = await serve(routes);
    const files = bodies.map((b, i) => remote(server, `/f${i}.zip`, b));
    const cache = tempDir();
    const events: DownloadEvent[] = [];

    const results = await downloadAll(files, options(cache, events, { parallel: 3 }));
    expect(results.map((r) => r.status)).toEqual([
      "downloaded",
      "downloaded",
      "downloaded",
      "downloaded",
    ]);
    results.forEach((r, i) => {
      const body = bodies[i] as Buffer;
      expect(r.file).toBe(files[i]);
      expect(r.localPath).toBe(join(cache, "gdeltv2", `f${i}.zip`));
      expect(r.bytes).toBe(body.length);
      expect(readFileSync(r.localPath as string).equals(body)).toBe(true);
      expect(existsSync(`${r.localPath}.part`)).toBe(false);
      const side = JSON.parse(readFileSync(`${r.localPath}.verified.json`, "utf8"));
      expect(side).toMatchObject({
        url: files[i]?.url,
        size: body.length,
        md5: md5(body),
        sha256: sha256(body),
      });
      expect(Number.isNaN(Date.parse(side.verifiedAt))).toBe(false);
    });
    // byte increments add up to the file sizes
    const total = events.filter((e) => e.kind === "bytes").reduce((s, e) => s + e.bytes, 0);
    expect(total).toBe(bodies.reduce((s, b) => s + b.length, 0));
    expect(events.filter((e) => e.kind === "start")).toHaveLength(4);
    expect(events.filter((e) => e.kind === "done")).toHaveLength(4);

    const hitsBefore = [...server.hits.values()].reduce((a, b) => a + b, 0);
    expect(hitsBefore).toBe(4);
    const again = await downloadAll(files, options(cache, []));
    expect(again.map((r) => r.status)).toEqual(["cached", "cached", "cached", "cached"]);
    expect(again.map((r) => r.bytes)).toEqual([0, 0, 0, 0]);
    expect(again[0]?.localPath).toBe(results[0]?.localPath);
    expect([...server.hits.values()].reduce((a, b) => a + b, 0)).toBe(hitsBefore);
  });

  it("re-downloads when the published md5 changed since the cached copy", async () => {
    const oldBody = randomBytes(1000);
    const newBody = randomBytes(1000);
    const server = await serve({ "/a.zip": { body: oldBody } });
    const cache = tempDir();
    await downloadAll([remote(server, "/a.zip", oldBody)], options(cache, []));
    const server2 = await serve({ "/a.zip": { body: newBody } });
    const [r] = await downloadAll([remote(server2, "/a.zip", newBody)], options(cache, []));
    expect(r?.status).toBe("downloaded");
    expect(readFileSync(r?.localPath as string).equals(newBody)).toBe(true);
  });

  it("retries HTTP 500 with backoff, then succeeds", async () => {
    const body = randomBytes(5000);
    const server = await serve({ "/e.zip": { body, status: 500, times: 2 } });
    const events: DownloadEvent[] = [];
    const [r] = await downloadAll([remote(server, "/e.zip", body)], options(tempDir(), events));
    expect(r?.status).toBe("downloaded");
    expect(server.hits.get("/e.zip")).toBe(3);
    const retries = events.filter((e) => e.kind === "retry");
    expect(retries.map((e) => e.attempt)).toEqual([1, 2]);
    expect(retries[0]?.error).toContain("HTTP 500");
    // exponential backoff with jitter: 5 ms then 10 ms, ±25 %
    expect(retries[0]?.waitMs).toBeGreaterThanOrEqual(3);
    expect(retries[0]?.waitMs).toBeLessThanOrEqual(7);
    expect(retries[1]?.waitMs).toBeGreaterThanOrEqual(7);
    expect(retries[1]?.waitMs).toBeLessThanOrEqual(13);
  });

  it("respects Retry-After on 429 and gives up after the configured retries", async () => {
    const body = randomBytes(100);
    const server = await serve({
      "/busy.zip": { body, status: 429, times: 1, headers: { "retry-after": "0" } },
      "/down.zip": { body, status: 503 },
    });
    const events: DownloadEvent[] = [];
    const [busy, down] = await downloadAll(
      [remote(server, "/busy.zip", body), remote(server, "/down.zip", body)],
      options(tempDir(), events, { retries: 2 }),
    );
    expect(busy?.status).toBe("downloaded");
    const busyRetry = events.find((e) => e.kind === "retry" && e.file.url.endsWith("/busy.zip"));
    expect(busyRetry).toMatchObject({ kind: "retry", waitMs: 0 });
    expect(down?.status).toBe("failed");
    expect(down?.error).toBe(`HTTP 503 Service Unavailable for ${server.url}/down.zip`);
    expect(down?.localPath).toBeNull();
    expect(server.hits.get("/down.zip")).toBe(3);
  });

  it("resumes a connection cut mid-body with a Range request from the cut offset", async () => {
    const body = randomBytes(200_000);
    const server = await serve({ "/cut.zip": { body, cutAfter: 65_536, times: 1 } });
    const events: DownloadEvent[] = [];
    const cache = tempDir();
    const [r] = await downloadAll([remote(server, "/cut.zip", body)], options(cache, events));
    expect(r?.status).toBe("downloaded");
    expect(readFileSync(r?.localPath as string).equals(body)).toBe(true);
    const reqs = server.requests.filter((q) => q.path === "/cut.zip");
    expect(reqs).toHaveLength(2);
    expect(reqs[0]?.headers.range).toBeUndefined();
    // From what arrived before the cut: at most the 65,536 bytes sent (a loaded machine may lose
    // the tail of what was in flight when the socket was destroyed).
    const from = Number(/^bytes=(\d+)-$/.exec(String(reqs[1]?.headers.range))?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(65_536);
    expect(events.filter((e) => e.kind === "retry")).toHaveLength(1);
    // nothing was fetched twice
    expect(r?.bytes).toBe(body.length);
  });

  it("resumes a .part left by an earlier run and verifies the whole file", async () => {
    const body = randomBytes(50_000);
    const server = await serve({ "/p.zip": { body } });
    const cache = tempDir();
    const file = remote(server, "/p.zip", body);
    const local = cachedPath(cache, file);
    mkdirSync(join(cache, "gdeltv2"));
    writeFileSync(`${local}.part`, body.subarray(0, 12_345));
    const [r] = await downloadAll([file], options(cache, []));
    expect(r?.status).toBe("downloaded");
    expect(r?.bytes).toBe(50_000 - 12_345);
    expect(server.requests[0]?.headers.range).toBe("bytes=12345-");
    expect(readFileSync(local).equals(body)).toBe(true);
    expect(JSON.parse(readFileSync(`${local}.verified.json`, "utf8")).sha256).toBe(sha256(body));
  });

  it("treats a 416 on a complete .part as done, and restarts a corrupt .part", async () => {
    const body = randomBytes(4000);
    const server = await serve({ "/c.zip": { body } });
    const cache = tempDir();
    const file = remote(server, "/c.zip", body);
    const local = cachedPath(cache, file);
    mkdirSync(join(cache, "gdeltv2"));
    writeFileSync(`${local}.part`, body);
    const [r] = await downloadAll([file], options(cache, []));
    expect(r?.status).toBe("downloaded");
    expect(r?.bytes).toBe(0);
    expect(server.hits.get("/c.zip")).toBe(1);

    // A full-size .part with wrong bytes: md5 mismatch → deleted, fetched again from zero.
    rmSync(local);
    rmSync(`${local}.verified.json`);
    writeFileSync(`${local}.part`, randomBytes(4000));
    const [r2] = await downloadAll([file], options(cache, []));
    expect(r2?.status).toBe("downloaded");
    expect(readFileSync(local).equals(body)).toBe(true);
    expect(server.requests.at(-1)?.headers.range).toBeUndefined();
  });

  it("restarts from zero when the server ignores Range", async () => {
    const body = randomBytes(150_000);
    const server = await serve({
      "/nr.zip": { body, cutAfter: 40_000, times: 1, ignoreRange: true },
    });
    const events: DownloadEvent[] = [];
    const [r] = await downloadAll([remote(server, "/nr.zip", body)], options(tempDir(), events));
    expect(r?.status).toBe("downloaded");
    expect(readFileSync(r?.localPath as string).equals(body)).toBe(true);
    expect(server.requests[1]?.headers.range).toBe("bytes=40000-");
    expect(r?.bytes).toBe(40_000 + 150_000);
  });

  it("fails a wrong md5 after one retry from zero, leaving nothing in the cache", async () => {
    const body = randomBytes(3000);
    const good = randomBytes(2000);
    const server = await serve({ "/bad.zip": { body }, "/good.zip": { body: good } });
    const cache = tempDir();
    const wrong = "0123456789abcdef0123456789abcdef";
    const bad = remote(server, "/bad.zip", body, { md5: wrong });
    const events: DownloadEvent[] = [];
    const [r, ok] = await downloadAll(
      [bad, remote(server, "/good.zip", good)],
      options(cache, events),
    );
    expect(r?.status).toBe("failed");
    expect(r?.localPath).toBeNull();
    expect(r?.error).toContain(bad.url);
    expect(r?.error).toContain(wrong);
    expect(r?.error).toContain(md5(body));
    expect(server.hits.get("/bad.zip")).toBe(2);
    const local = cachedPath(cache, bad);
    expect(existsSync(local)).toBe(false);
    expect(existsSync(`${local}.part`)).toBe(false);
    expect(existsSync(`${local}.verified.json`)).toBe(false);
    expect(events.find((e) => e.kind === "failed")).toMatchObject({ file: bad });
    expect(ok?.status).toBe("downloaded");
    expect(readFileSync(ok?.localPath as string).equals(good)).toBe(true);
  });

  it("fails a wrong size naming both sizes", async () => {
    const body = randomBytes(3000);
    const server = await serve({ "/s.zip": { body } });
    const [r] = await downloadAll(
      [remote(server, "/s.zip", body, { size: 3001, md5: undefined })],
      options(tempDir(), []),
    );
    expect(r?.status).toBe("failed");
    expect(r?.error).toContain("size expected 3001, actual 3000");
  });

  it("fails a 404 at once, without retries", async () => {
    const server = await serve({});
    const events: DownloadEvent[] = [];
    const file = { url: `${server.url}/missing.zip`, path: "x/missing.zip" };
    const [r] = await downloadAll([file], options(tempDir(), events));
    expect(r).toMatchObject({
      status: "failed",
      localPath: null,
      error: `HTTP 404 Not Found for ${file.url}`,
    });
    expect(server.hits.get("/missing.zip")).toBe(1);
    expect(events.filter((e) => e.kind === "retry")).toHaveLength(0);
  });

  it("aborts an idle response and retries", async () => {
    const body = randomBytes(10_000);
    const server = await serve({
      "/slow.zip": { body, slowMs: 1000, times: 1 },
      "/stuck.zip": { body, slowMs: 5000 },
    });
    const events: DownloadEvent[] = [];
    const [slow, stuck] = await downloadAll(
      [remote(server, "/slow.zip", body), remote(server, "/stuck.zip", body)],
      options(tempDir(), events, { timeoutMs: 150, retries: 1 }),
    );
    expect(slow?.status).toBe("downloaded");
    expect(readFileSync(slow?.localPath as string).equals(body)).toBe(true);
    expect(server.hits.get("/slow.zip")).toBe(2);
    const retry = events.find((e) => e.kind === "retry" && e.file.url.endsWith("/slow.zip"));
    expect(retry).toMatchObject({ kind: "retry", attempt: 1 });
    expect(retry?.kind === "retry" && retry.error).toContain("idle for 150 ms");
    expect(stuck?.status).toBe("failed");
    expect(stuck?.error).toContain("idle for 150 ms");
    expect(stuck?.error).toContain("/stuck.zip");
    expect(server.hits.get("/stuck.zip")).toBe(2);
  });

  it("refuses paths that escape the cache directory", async () => {
    const cache = tempDir();
    const events: DownloadEvent[] = [];
    const results = await downloadAll(
      [
        { url: "http://127.0.0.1:1/a", path: "../evil.zip" },
        { url: "http://127.0.0.1:1/b", path: "gdeltv2/../../evil.zip" },
        { url: "http://127.0.0.1:1/c", path: "/etc/passwd" },
      ],
      options(cache, events),
    );
    for (const r of results) {
      expect(r.status).toBe("failed");
      expect(r.error).toMatch(/escapes the cache directory|is absolute/);
    }
    expect(() => cachedPath(cache, { url: "x", path: "a/../../b" })).toThrow(/escapes/);
    expect(cachedPath(cache, { url: "x", path: "a/b.zip" })).toBe(join(cache, "a", "b.zip"));
    expect(events.filter((e) => e.kind === "failed")).toHaveLength(3);
  });

  it("copies and verifies file:// sources", async () => {
    const src = tempDir();
    const body = randomBytes(20_000);
    writeFileSync(join(src, "mirror.zip"), body);
    const cache = tempDir();
    const file: RemoteFile = {
      url: pathToFileURL(join(src, "mirror.zip")).href,
      path: "gdeltv2/mirror.zip",
      size: body.length,
      md5: md5(body),
    };
    const [r, missing, wrong] = await downloadAll(
      [
        file,
        { url: pathToFileURL(join(src, "nope.zip")).href, path: "gdeltv2/nope.zip" },
        { ...file, path: "gdeltv2/wrong.zip", md5: "f".repeat(32) },
      ],
      options(cache, []),
    );
    expect(r?.status).toBe("downloaded");
    expect(readFileSync(r?.localPath as string).equals(body)).toBe(true);
    expect(JSON.parse(readFileSync(`${r?.localPath}.verified.json`, "utf8")).md5).toBe(md5(body));
    expect(missing?.status).toBe("failed");
    expect(missing?.error).toContain("not found");
    expect(wrong?.status).toBe("failed");
    expect(existsSync(join(cache, "gdeltv2", "wrong.zip"))).toBe(false);
    const [again] = await downloadAll([file], options(cache, []));
    expect(again?.status).toBe("cached");
  });

  it("downloads a file listed twice only once", async () => {
    const body = randomBytes(1000);
    const server = await serve({ "/d.zip": { body } });
    const file = remote(server, "/d.zip", body);
    const results = await downloadAll([file, file], options(tempDir(), []));
    expect(results.map((r) => r.status)).toEqual(["downloaded", "cached"]);
    expect(server.hits.get("/d.zip")).toBe(1);
  });
});

describe("defaultCacheDir", () => {
  it("uses XDG_CACHE_HOME, else ~/.cache", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/xdg" })).toBe(join("/xdg", "entente"));
    expect(defaultCacheDir({ HOME: "/home/u" })).toBe(join("/home/u", ".cache", "entente"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "relative", HOME: "/h" })).toBe("/h/.cache/entente");
  });
});

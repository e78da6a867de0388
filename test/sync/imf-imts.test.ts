/**
 * IMF IMTS through its SDMX API, offline: a local server plays api.imf.org (through the mirror
 * rewrite), answers in pages of SDMX-CSV by offset/limit, says 429 with Retry-After once, and in
 * other routes ignores limit or offset, as some servers do.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMTS_PAGE, imtsQueries } from "../../src/sync/imf-imts.js";
import { RateLimiter, retryAfterMs } from "../../src/sync/rate-limit.js";
import { mirrorUrl, syncSource } from "../../src/sync/registry.js";
import { fetchSdmxQuery, pageUrl, SDMX_CSV, splitPage } from "../../src/sync/sdmx.js";
import { fixture, tempDir } from "../helpers.js";
import { type FileServer, type RouteSpec, startFileServer } from "./server.js";

const ANNUAL = readFileSync(fixture("imf_imts/imts_rus_chn_A.csv"), "utf8");
const [HEADER = "", ...DATA] = ANNUAL.trimEnd().split("\n");
const page = (rows: string[]) => Buffer.from(`${[HEADER, ...rows].join("\n")}\n`);

describe("IMTS queries", () => {
  it("asks for both directions, both reports and the world, annual and monthly, per pair", () => {
    const q = imtsQueries(
      [
        ["RUS", "CHN"],
        ["CHN", "RUS"],
      ],
      false,
      "2026-10-02",
    );
    expect(q.map((f) => decodeURIComponent(f.url))).toEqual([
      "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001.A?c[TIME_PERIOD]=ge:1995",
      "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001.M?c[TIME_PERIOD]=ge:1995",
    ]);
    expect(q[0]).toMatchObject({
      path: "external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001.A/2026-10-02.csv",
      release: "2026-10-02",
      dataset: "imf-imts:CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001.A",
      pageSize: IMTS_PAGE,
    });
  });

  it("without pairs: every reporter and partner, annual (monthly when asked)", async () => {
    const all = imtsQueries(null, false, "2026-10-02");
    expect(all.map((f) => f.dataset)).toEqual(["imf-imts:.XG_FOB_USD+MG_CIF_USD..A"]);
    expect(all[0]?.path).toMatch(/IMTS\/\+\/all\.XG_FOB_USD\+MG_CIF_USD\.all\.A\/2026-10-02\.csv$/);
    expect(imtsQueries(null, true, "d")).toHaveLength(2);
    const listed = await syncSource("imf-imts").list({
      from: null,
      to: null,
      fetchText: async () => "",
      pairs: [["RUS", "CHN"]],
      now: new Date("2026-10-02T23:59:00Z"),
    });
    expect(listed.map((f) => f.release)).toEqual(["2026-10-02", "2026-10-02"]);
  });
});

describe("SDMX-CSV pages", () => {
  it("counts observations by TIME_PERIOD, not the empty row of a query that matched nothing", () => {
    expect(splitPage(ANNUAL)).toMatchObject({ header: HEADER, observations: 32 });
    expect(splitPage(readFileSync(fixture("imf_imts/imts_empty.csv"), "utf8"))).toMatchObject({
      observations: 0,
      rows: ["dataflow,IMF.STA:IMTS(1.0.0),I,,,,,,,"],
    });
    expect(pageUrl("https://x.org/d/K?c%5BTIME_PERIOD%5D=ge%3A1995", 40, 20)).toBe(
      "https://x.org/d/K?c%5BTIME_PERIOD%5D=ge%3A1995&offset=40&limit=20",
    );
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 60_000, 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBeNull();
  });

  it("the limiter lets at most max requests start in any window", async () => {
    let t = 0;
    const waits: number[] = [];
    const lim = new RateLimiter(
      2,
      1000,
      () => t,
      async (ms) => {
        waits.push(ms);
        t += ms;
      },
    );
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await lim.take();
      starts.push(t);
    }
    expect(starts).toEqual([0, 0, 1001, 1001, 2002]);
    expect(waits).toEqual([1001, 1001]);
  });
});

describe("fetchSdmxQuery against a server that pages, limits and misbehaves", () => {
  const KEY =
    "/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001.A";
  const LIMIT = 12;
  const search = (offset: number) =>
    `?c%5BTIME_PERIOD%5D=ge%3A1995&offset=${offset}&limit=${LIMIT}`;
  const routes: Record<string, RouteSpec> = {};
  let server: FileServer;

  beforeAll(async () => {
    // 32 observations in pages of 12: 12, 12, 8. The second page first answers 429.
    routes[`${KEY}${search(0)}`] = { body: page(DATA.slice(0, 12)) };
    routes[`${KEY}${search(12)}`] = {
      body: page(DATA.slice(12, 24)),
      status: 429,
      times: 1,
      headers: { "retry-after": "1" },
    };
    routes[`${KEY}${search(24)}`] = { body: page(DATA.slice(24)) };
    // A server that ignores offset (always the first page) and one that ignores limit.
    routes[`/no-offset${search(0)}`] = { body: page(DATA.slice(0, 12)) };
    routes[`/no-offset${search(12)}`] = { body: page(DATA.slice(0, 12)) };
    routes[`/no-limit${search(0)}`] = { body: page(DATA) };
    routes["/down"] = { status: 503 };
    server = await startFileServer(routes);
  });
  afterAll(async () => {
    await server.close();
  });

  const file = (path: string) => ({
    url: `https://api.imf.org${path}?c%5BTIME_PERIOD%5D=ge%3A1995`,
    path: `imf${path}/2026-10-02.csv`,
  });

  it("joins the pages, waits out the 429's Retry-After, and keeps to the rate", async () => {
    const dir = tempDir();
    const events: string[] = [];
    const started = Date.now();
    const r = await fetchSdmxQuery(file(KEY), LIMIT, {
      cacheDir: dir,
      urlFor: (u) => mirrorUrl(u, server.url),
      limiter: new RateLimiter(2, 400),
      backoffMs: 10,
      onEvent: (e) => {
        if (e.kind === "retry") events.push(`${e.attempt}:${e.waitMs}:${e.error}`);
      },
    });
    expect(r).toMatchObject({ status: "downloaded", pages: 3, observations: 32 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events).toEqual([
      expect.stringMatching(
        /^1:1000:HTTP 429 Too Many Requests for http:\/\/127\.0\.0\.1:\d+\/external/,
      ),
    ]);
    const asked = server.requests.filter((q) => q.path === KEY);
    expect(asked.map((q) => new URLSearchParams(q.search).get("offset"))).toEqual([
      "0",
      "12",
      "12",
      "24",
    ]);
    expect(asked.every((q) => q.headers.accept === SDMX_CSV)).toBe(true);
    // Never more than 2 requests in 400 ms.
    const times = asked.map((q) => q.at);
    for (let i = 2; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 2] as number)).toBeGreaterThanOrEqual(395);
    }
    const joined = readFileSync(r.localPath as string, "utf8");
    expect(joined).toBe(ANNUAL);
    const side = JSON.parse(readFileSync(`${r.localPath}.verified.json`, "utf8"));
    expect(side).toMatchObject({ pages: 3, observations: 32, size: Buffer.byteLength(ANNUAL) });
  });

  it("stops when a server ignores offset or limit, without doubling rows", async () => {
    const dir = tempDir();
    const opts = {
      cacheDir: dir,
      urlFor: (u: string) => mirrorUrl(u, server.url),
      limiter: new RateLimiter(10, 100),
    };
    const a = await fetchSdmxQuery(file("/no-offset"), LIMIT, opts);
    expect(a).toMatchObject({ status: "downloaded", pages: 1, observations: 12 });
    expect(readFileSync(a.localPath as string, "utf8")).toBe(page(DATA.slice(0, 12)).toString());
    const b = await fetchSdmxQuery(file("/no-limit"), LIMIT, opts);
    expect(b).toMatchObject({ status: "downloaded", pages: 1, observations: 32 });
  });

  it("gives up after its retries on a server error, leaving nothing in the cache", async () => {
    const dir = tempDir();
    const r = await fetchSdmxQuery(file("/down"), LIMIT, {
      cacheDir: dir,
      urlFor: (u) => mirrorUrl(u, server.url),
      limiter: new RateLimiter(10, 100),
      retries: 2,
      backoffMs: 5,
    });
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(/HTTP 503 Service Unavailable/);
    expect(server.hits.get("/down")).toBe(3);
    expect(r.localPath).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { loadCase } from "../../src/assess/case-file.js";
import { resolveCasePath } from "../../src/assess/case-location.js";
import { RULES } from "../../src/assess/scoring.js";
import { dyad } from "../../src/frames/dyad.js";
import { panel, writePanel } from "../../src/frames/panel.js";
import { parseWeights } from "../../src/indicators/composite.js";
import { ingest } from "../../src/ingest/index.js";
import { createApp, REPORT_CSP } from "../../src/server/app.js";
import { describeSources } from "../../src/sources/describe.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { dataFile, hasData, NO_DATA_REASON, tempDir } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

/** What `entente dyad` passes to dyad() when no option is given. */
const CLI_DEFAULTS = { weights: parseWeights(undefined), period: "year", directed: false } as const;
const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v));

describe.skipIf(!hasData)(`API on real data (${hasData ? "COW trade" : NO_DATA_REASON})`, () => {
  let store: DuckDbStore;
  let a: Hono;
  beforeAll(async () => {
    store = await DuckDbStore.open(":memory:");
    const r = await ingest(store, [dataFile("trade_cow")]);
    expect(r.ok).toBe(true);
    a = createApp({ store, casesDir: join(tempDir(), "cases"), readOnly: false, version: "0" });
    return () => store.close();
  }, 120_000);

  it("GET /api/dyads/:a/:b answers exactly what dyad() (entente dyad --format json) gives", async () => {
    const r = await a.request("/api/dyads/RUS/CHN?from=2005&to=2014");
    expect(r.status).toBe(200);
    const body = (await r.json()) as Json;
    const expected = await dyad(store, "RUS", "CHN", { ...CLI_DEFAULTS, from: 2005, to: 2014 });
    expect(body).toEqual(roundTrip(expected));
    expect(body.rows.find((x: { year: number }) => x.year === 2014).trade_total).toBe(93942);

    // Options, names and codes: the same answer as the library, from the cache or not.
    const q = "from=2010&to=2014&indicators=trade,un_agree&weights=dependence.trade=2";
    const byName = (await (
      await a.request(`/api/dyads/Russian%20Federation/710?${q}`)
    ).json()) as Json;
    const byCode = (await (await a.request(`/api/dyads/365/CHN?${q}`)).json()) as Json;
    const lib = await dyad(store, "Russian Federation", 710, {
      ...CLI_DEFAULTS,
      from: 2010,
      to: 2014,
      indicators: "trade,un_agree",
      weights: parseWeights("dependence.trade=2"),
    });
    expect(byName).toEqual(roundTrip(lib));
    expect(byCode).toEqual(byName);
    // Cached bodies go out gzipped to clients that accept it, and decode to the same JSON.
    const gz = await a.request("/api/dyads/RUS/CHN?from=2005&to=2014", {
      headers: { "Accept-Encoding": "gzip, deflate, br" },
    });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("vary")).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8"))).toEqual(
      roundTrip(expected),
    );
    const same = await a.request("/api/dyads/RUS/RUS?from=2010&to=2014");
    expect(same.status).toBe(400);
  });

  it("GET /api/sources is entente sources --json", async () => {
    const body = (await (await a.request("/api/sources")).json()) as Json;
    expect(body).toEqual(roundTrip(await describeSources(store)));
    expect(body.sources.some((s: { loaded: { files: number } }) => s.loaded.files > 0)).toBe(true);
  });

  it("GET /api/panel streams the CSV that writePanel writes, as an attachment", async () => {
    const q = "dyads=RUS-CHN,USA-JPN&from=2000&to=2014&indicators=trade";
    const r = await a.request(`/api/panel?${q}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="entente-panel.csv"');
    expect(r.headers.get("x-entente-rows")).toBe("30");
    const text = await r.text();
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ccode1,ccode2,year,trade_a_imports_from_b,/);
    expect(lines).toHaveLength(31);
    const file = join(tempDir(), "panel.csv");
    await writePanel(
      await panel(store, {
        dyads: "RUS-CHN,USA-JPN",
        from: 2000,
        to: 2014,
        indicators: "trade",
        period: "year",
        directed: false,
        weights: parseWeights(undefined),
      }),
      file,
    );
    expect(text).toBe(readFileSync(file, "utf8"));

    const pq = await a.request(`/api/panel?${q}&format=parquet`);
    expect(pq.status).toBe(200);
    expect(pq.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    const bytes = Buffer.from(await pq.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(Number(pq.headers.get("content-length"))).toBe(bytes.length);
  });

  it("GET /api/panel refuses more rows than limit with 400 before writing", async () => {
    const r = await a.request("/api/panel?dyads=all&from=2000&to=2014&limit=1000");
    expect(r.status).toBe(400);
    const body = (await r.json()) as Json;
    expect(body.error.code).toBe("panel_too_large");
    expect(body.error.message).toMatch(/would have \d+ rows, more than limit 1000/);
    const over = await a.request("/api/panel?limit=5000001");
    expect(over.status).toBe(400);
    expect(((await over.json()) as Json).error.problems[0].path).toBe("query.limit");
    const fmt = await a.request("/api/panel?format=xlsx");
    expect(fmt.status).toBe(400);
  });

  it("GET /api/panel?dyads=relevant is the library's politically relevant panel", async () => {
    const r = await a.request("/api/panel?dyads=relevant&from=2014&to=2014&indicators=trade");
    // The majors are not loaded yet: the library's own refusal, not "relevant is not a pair".
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).error.code).toBe("no_majors");
    expect(
      (
        await ingest(store, [
          dataFile("cow_states/majors2016_peacesciencer.csv"),
          dataFile("contiguity_cow/cow_contdir_peacesciencer.csv"),
        ])
      ).ok,
    ).toBe(true);
    const r2 = await a.request("/api/panel?dyads=relevant&from=2014&to=2014&indicators=trade");
    expect(r2.status).toBe(200);
    const lib = await panel(store, {
      dyads: "relevant",
      from: 2014,
      to: 2014,
      indicators: "trade",
    });
    expect(Number(r2.headers.get("x-entente-rows"))).toBe(lib.frame.length);
    // The five majors with every other state, and the contiguous pairs: ~1,000 of 19,000.
    expect(lib.frame.length).toBeGreaterThan(900);
    expect(lib.frame.length).toBeLessThan(2000);
    const file = join(tempDir(), "relevant.csv");
    await writePanel(lib, file);
    expect(await r2.text()).toBe(readFileSync(file, "utf8"));
  });

  it("GET /api/cases/:name/assessment answers exactly what assess() (entente assess --json) gives", async () => {
    const expected = roundTrip(
      await assess(store, await loadCase(resolveCasePath("russia-china")), RULES),
    );
    const r = await a.request("/api/cases/russia-china/assessment");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(expected);
    const heuer = (await (
      await a.request("/api/cases/russia-china/assessment?rule=heuer")
    ).json()) as Json;
    expect(Object.keys(heuer.rules)).toEqual(["heuer"]);
    expect((await a.request("/api/cases/russia-china/assessment?rule=vote")).status).toBe(400);
    expect((await a.request("/api/cases/nope/assessment")).status).toBe(404);
  });

  it("GET /api/reports/:a/:b is the HTML report with a strict CSP", async () => {
    const r = await a.request("/api/reports/RUS/CHN?case=russia-china&from=2000&to=2014");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(r.headers.get("content-security-policy")).toBe(REPORT_CSP);
    const html = await r.text();
    expect(html).toMatch(/<h1[^>]*>[^<]*Russia/);
    expect(html).not.toMatch(/<script/i);
    expect((await a.request("/api/reports/RUS/CHN?case=Bad.Name")).status).toBe(400);
    expect((await a.request("/api/reports/RUS/CHN?case=no-such")).status).toBe(404);
  });
});

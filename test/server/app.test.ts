import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { CSP, createApp, REPORT_CSP } from "../../src/server/app.js";
import { acceptsGzip } from "../../src/server/cache.js";
import { ROUTES } from "../../src/server/schemas.js";
import { checkServeOptions, startServer } from "../../src/server/serve.js";
import { tempDir, tempStore } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const TOKEN = "0123456789abcdef0123456789abcdef";

async function app(opts: { token?: string; readOnly?: boolean; webDir?: string } = {}) {
  const store = await tempStore();
  return createApp({
    store,
    casesDir: join(tempDir(), "cases"),
    readOnly: opts.readOnly ?? false,
    version: "9.9.9",
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
  });
}

async function getJson(a: Hono, path: string, init?: RequestInit) {
  const r = await a.request(path, init);
  return { status: r.status, headers: r.headers, body: (await r.json()) as Json };
}

describe("API basics", () => {
  it("GET /api/health says the store and the package version", async () => {
    const store = await tempStore();
    const a = createApp({ store, casesDir: tempDir(), readOnly: false, version: "9.9.9" });
    const r = await getJson(a, "/api/health");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: true,
      store: store.location,
      version: "9.9.9",
      read_only: false,
      ideal_points: "no_votes",
    });
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("GET /api/countries searches codes and names, accent- and case-insensitively", async () => {
    const a = await app();
    const rus = await getJson(a, "/api/countries?q=rus");
    expect(rus.status).toBe(200);
    expect(rus.body.countries[0]).toEqual({ ccode: 365, iso3: "RUS", name: "Russia" });
    expect(rus.body.countries.length).toBeLessThanOrEqual(20);
    // An alias the crosswalk knows, a COW number, an ISO2 code, accents and case.
    expect(
      (await getJson(a, "/api/countries?q=Russian%20Federation")).body.countries[0].ccode,
    ).toBe(365);
    expect((await getJson(a, "/api/countries?q=710")).body.countries[0].iso3).toBe("CHN");
    expect((await getJson(a, "/api/countries?q=jp")).body.countries[0].iso3).toBe("JPN");
    const ivory = await getJson(a, `/api/countries?q=${encodeURIComponent("CÔTE D’IVOIRE")}`);
    expect(ivory.body.countries[0]).toEqual({ ccode: 437, iso3: "CIV", name: "Ivory Coast" });
    const sao = await getJson(a, `/api/countries?q=${encodeURIComponent("SÃO")}`);
    expect(sao.body.countries[0].name).toBe("Sao Tome and Principe");
    const ger = await getJson(a, "/api/countries?q=germ");
    expect(ger.body.countries.every((c: { name: string }) => /germ/i.test(c.name))).toBe(true);
    expect((await getJson(a, "/api/countries")).body.countries).toHaveLength(20);
    expect((await getJson(a, "/api/countries?limit=5")).body.countries).toHaveLength(5);
    expect((await getJson(a, "/api/countries?q=zzzzqq")).body.countries).toEqual([]);
    const bad = await getJson(a, "/api/countries?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("query.limit");
  });

  it("names the field of bad input and refuses unknown parameters", async () => {
    const a = await app();
    const r = await getJson(a, "/api/dyads/RUS/CHN?from=20x0&period=week&colour=red");
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect(r.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "query.colour",
      "query.from",
      "query.period",
    ]);
    const unknown = await getJson(a, "/api/dyads/RUS/Atlantis?from=2000&to=2001");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("unknown_country");
    expect(unknown.body.error.hint).toBeTruthy();
    const nf = await getJson(a, "/api/nothing-here");
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe("not_found");
  });

  it("GET /api/openapi.json is OpenAPI 3.1 and lists every route the app serves", async () => {
    const a = await app();
    const r = await a.request("/api/openapi.json");
    expect(r.status).toBe(200);
    const doc = JSON.parse(await r.text());
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = [
      ...new Set(
        a.routes
          .filter((r) => r.method !== "ALL")
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
      ),
    ].sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual(
      Object.values(ROUTES)
        .map((r) => `${r.method.toUpperCase()} ${r.path}`)
        .sort(),
    );
    for (const path of [
      "/api/health",
      "/api/sources",
      "/api/countries",
      "/api/dyads/{a}/{b}",
      "/api/panel",
      "/api/cases",
      "/api/cases/{name}",
      "/api/cases/{name}/assessment",
      "/api/reports/{a}/{b}",
      "/api/blocs",
      "/api/blocs/years",
      "/api/blocs/matrix",
      "/api/blocs/timeline",
      "/api/neighbours/{a}",
      "/api/openapi.json",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const dyad = doc.paths["/api/dyads/{a}/{b}"].get;
    expect(dyad.parameters.map((p: { name: string }) => p.name)).toEqual([
      "a",
      "b",
      "from",
      "to",
      "indicators",
      "weights",
      "period",
      "directed",
      "root_only",
      "min_sources",
      "min_articles",
    ]);
    expect(dyad.parameters[2].schema).toEqual({ type: "string", pattern: "^\\d{4}$" });
    const put = doc.paths["/api/cases/{name}"].put;
    expect(put.requestBody.content["application/json"].schema.required).toEqual(["yaml"]);
    expect(Object.keys(put.responses)).toEqual(
      expect.arrayContaining(["200", "201", "400", "403", "409", "413"]),
    );
    expect(doc.components.schemas.Case.properties.evidence).toBeDefined();
  });
});

describe("Accept-Encoding", () => {
  it("accepts gzip by name or *, unless its q is 0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("security", () => {
  it("refuses a non-loopback address without a token, and short tokens", async () => {
    const dir = tempDir();
    const base = { storePath: join(dir, "none.duckdb"), casesDir: dir, port: 0 };
    await expect(startServer({ ...base, host: "0.0.0.0" })).rejects.toMatchObject({
      code: "insecure_host",
      httpStatus: 400,
    });
    expect(() => checkServeOptions({ host: "192.168.1.10" })).toThrow(/without a token/);
    expect(() => checkServeOptions({ host: "0.0.0.0", token: "short" })).toThrow(/characters/);
    expect(() => checkServeOptions({ host: "0.0.0.0", token: TOKEN })).not.toThrow();
    for (const host of ["127.0.0.1", "localhost", "::1"]) {
      expect(() => checkServeOptions({ host })).not.toThrow();
    }
  });

  it("with a token, every /api route needs Authorization: Bearer <token>", async () => {
    const a = await app({ token: TOKEN });
    const none = await getJson(a, "/api/health");
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("unauthorized");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    for (const auth of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
      "Bearer",
    ]) {
      const r = await a.request("/api/health", { headers: { Authorization: auth } });
      expect(r.status, auth).toBe(401);
    }
    for (const path of ["/api/cases", "/api/openapi.json", "/api/cases/russia-china"]) {
      expect((await a.request(path)).status, path).toBe(401);
    }
    const ok = await a.request("/api/health", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const doc = (await (
      await a.request("/api/openapi.json", { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as Json;
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it("without a token, answers only to local host names (DNS rebinding)", async () => {
    const a = await app();
    expect((await a.request("http://127.0.0.1:8787/api/health")).status).toBe(200);
    expect((await a.request("http://[::1]:8787/api/health")).status).toBe(200);
    const r = await getJson(a, "http://attacker.example:8787/api/health");
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("bad_host");
  });

  it("read-only: PUT answers 403 and writes nothing", async () => {
    const a = await app({ readOnly: true });
    const r = await getJson(a, "/api/cases/mine", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yaml: "title: x\n" }),
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("read_only");
    expect((await getJson(a, "/api/health")).body.read_only).toBe(true);
  });

  it("refuses bodies over 1 MB with 413, and bodies that are not JSON with 415", async () => {
    const a = await app();
    const big = await getJson(a, "/api/cases/mine", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yaml: `# ${"x".repeat(1_100_000)}\n` }),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("body_too_large");
    const form = await a.request("/api/cases/mine", {
      method: "PUT",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "yaml=x",
    });
    expect(form.status).toBe(415);
    const notJson = await getJson(a, "/api/cases/mine", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: "{yaml:",
    });
    expect(notJson.status).toBe(400);
  });

  it("sets the content security policy and related headers on every response", async () => {
    const a = await app();
    for (const path of ["/api/health", "/api/nothing", "/", "/api/dyads/RUS/CHN?from=x"]) {
      const r = await a.request(path);
      expect(r.headers.get("content-security-policy"), path).toBe(CSP);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    expect(REPORT_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
  });
});

describe("static web app", () => {
  function webDir() {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), '{"name": "SECRET-OUTSIDE"}');
    const web = join(root, "web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>app</title>INDEX");
    writeFileSync(join(web, "assets", "app.js"), "console.log('app')");
    symlinkSync(join(root, "package.json"), join(web, "link.json"));
    return web;
  }

  it("serves files, index.html for / and client routes, never anything outside webDir", async () => {
    const a = await app({ webDir: webDir() });
    const index = await a.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    expect(index.headers.get("content-security-policy")).toBe(CSP);
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await index.text()).toContain("INDEX");
    const js = await a.request("/assets/app.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe("console.log('app')");
    expect(await (await a.request("/dyads/RUS/CHN")).text()).toContain("INDEX");
    expect((await a.request("/assets/missing.js")).status).toBe(404);
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/..%2fpackage.json",
      "/%2e%2e%2fpackage.json",
      "/assets/..%2f..%2fpackage.json",
      "/link.json",
      "/%00index.html",
    ]) {
      const r = await a.request(path);
      expect(r.status, path).toBe(404);
      expect(await r.text(), path).not.toContain("SECRET-OUTSIDE");
    }
  });

  it("without a web directory, / is a JSON 404", async () => {
    const a = await app({ webDir: join(tempDir(), "absent") });
    const r = await getJson(a, "/");
    expect(r.status).toBe(404);
  });
});

import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { startServer } from "../../src/server/serve.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { runCli } from "../cli/run-cli.js";
import { dataFile, fixture, hasData, tempDir } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const TOKEN = "test-token-0123456789abcdef";

/** A store file with the given inputs loaded, closed again (the server opens it read-only). */
async function storeFile(inputs: string[]): Promise<string> {
  const path = join(tempDir(), "served.duckdb");
  const store = await DuckDbStore.open(path);
  try {
    expect((await ingest(store, inputs)).ok).toBe(true);
  } finally {
    await store.close();
  }
  return path;
}

/** GET with the raw path on the wire (fetch would normalise `..` before sending). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request(
      { host: u.hostname, port: u.port, path, method: "GET", headers: { Connection: "close" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", fail);
    req.end();
  });
}

describe("startServer (listening on 127.0.0.1)", () => {
  it("serves over TCP with a token, opens the store read-only, and closes", async () => {
    const storePath = await storeFile([fixture("cow_trade")]);
    const root = tempDir();
    writeFileSync(join(root, "secret.txt"), "SECRET-OUTSIDE");
    mkdirSync(join(root, "web"));
    writeFileSync(join(root, "web", "index.html"), "<!doctype html>INDEX");
    const server = await startServer({
      host: "127.0.0.1",
      port: 0,
      storePath,
      casesDir: join(root, "cases"),
      token: TOKEN,
      webDir: join(root, "web"),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
      const health = await fetch(new URL("api/health", server.url), auth);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, store: storePath });
      expect(health.headers.get("content-security-policy")).toMatch(/^default-src 'self'/);
      expect((await fetch(new URL("api/health", server.url))).status).toBe(401);

      const d = await fetch(
        new URL("api/dyads/RUS/CHN?from=2014&to=2014&indicators=trade", server.url),
        auth,
      );
      expect(d.status).toBe(200);
      expect(((await d.json()) as Json).rows[0]).toMatchObject({ year: 2014, trade_total: 93942 });

      // The store is read-only for the server: another read-only opener works beside it.
      const reader = await DuckDbStore.open(storePath, { readOnly: true });
      expect(await reader.count("trade_dyadic")).toBeGreaterThan(0);
      await reader.close();

      expect((await fetch(server.url)).status).toBe(200);
      for (const path of [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/web/../../secret.txt",
      ]) {
        const r = await rawGet(server.url, path);
        expect(r.body, path).not.toContain("SECRET-OUTSIDE");
      }
    } finally {
      await server.close();
    }
    // Closed: the port no longer answers and the store can be opened for writing again.
    await expect(fetch(new URL("api/health", server.url))).rejects.toThrow();
    const writer = await DuckDbStore.open(storePath);
    await writer.close();
  });

  it.skipIf(!hasData)(
    "answers what `entente dyad --format json` prints, with the CLI running beside it",
    async () => {
      const storePath = await storeFile([dataFile("trade_cow")]);
      const server = await startServer({ port: 0, storePath, casesDir: join(tempDir(), "cases") });
      try {
        const args = ["dyad", "RUS", "CHN", "--from", "2000", "--to", "2014", "--format", "json"];
        const cli = runCli(["--store", storePath, ...args]);
        expect(cli.code, cli.stderr).toBe(0);
        const api = await fetch(new URL("api/dyads/RUS/CHN?from=2000&to=2014", server.url));
        expect(await api.json()).toEqual(JSON.parse(cli.stdout));
        const assessCli = runCli(["--store", storePath, "assess", "russia-china", "--json"]);
        expect(assessCli.code, assessCli.stderr).toBe(0);
        const assessApi = await fetch(new URL("api/cases/russia-china/assessment", server.url));
        expect(await assessApi.json()).toEqual(JSON.parse(assessCli.stdout));
      } finally {
        await server.close();
      }
    },
  );
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_YEAR, LAST_YEAR, parseYear, yearProblem } from "../../src/core/years.js";
import { ingest } from "../../src/ingest/index.js";
import { startServer } from "../../src/server/serve.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

describe("one year check for the CLI, the API and the library", () => {
  it("accepts four-digit years from 1816 to 2100 and names the problem otherwise", () => {
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1816, 2100]);
    expect(parseYear("1816", "--from")).toBe(1816);
    expect(parseYear("2100", "--to")).toBe(2100);
    expect(yearProblem("9999")).toBe("9999 is outside the years Entente covers (1816–2100)");
    expect(yearProblem("0001")).toBe("1 is outside the years Entente covers (1816–2100)");
    expect(yearProblem("20x4")).toBe('"20x4" is not a year (YYYY)');
    expect(() => parseYear("1200", "--from")).toThrow(
      "--from: 1200 is outside the years Entente covers (1816–2100)",
    );
  });
});

describe("years out of range (CLI exit 2 with one line; API 400 over a real socket)", () => {
  // One store for the whole block (tempDir() is removed after each test).
  const dir = mkdtempSync(join(tmpdir(), "entente-years-"));
  const store = join(dir, "years.duckdb");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const db = await DuckDbStore.open(store);
    try {
      expect((await ingest(db, [fixture("cow_trade")])).ok).toBe(true);
    } finally {
      await db.close();
    }
  });

  const cases: Array<[string, string[]]> = [
    ["dyad --to 9999", ["dyad", "RUS", "CHN", "--to", "9999"]],
    ["dyad --from 1200", ["dyad", "RUS", "CHN", "--from", "1200", "--to", "2000"]],
    ["panel --from 0001", ["panel", "--dyads", "RUS-CHN", "--from", "0001", "--out", "x.csv"]],
    ["report --to 9999", ["report", "RUS", "CHN", "--to", "9999", "--out", "x.html"]],
  ];
  for (const [name, args] of cases) {
    it(`${name}: exit 2, one line naming the option and the range, no stack trace`, () => {
      const dir = tempDir();
      const r = runCli([
        "--store",
        store,
        ...args.map((a) => (a.startsWith("x.") ? join(dir, a) : a)),
      ]);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^entente: --(from|to): \d+ is outside the years Entente covers \(1816–2100\)\. Give --(from|to) as a year from 1816 to 2100$/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("the API answers 400 naming the parameter, never 500", async () => {
    const server = await startServer({ port: 0, storePath: store, casesDir: join(tempDir(), "c") });
    try {
      for (const path of [
        "api/dyads/RUS/CHN?to=9999",
        "api/panel?dyads=RUS-CHN&from=0001&to=9999",
        "api/reports/RUS/CHN?to=9999",
        "api/dyads/RUS/CHN?from=1200",
      ]) {
        const r = await fetch(new URL(path, server.url));
        expect(r.status, path).toBe(400);
        const body = (await r.json()) as Json;
        expect(body.error.code, path).toBe("bad_request");
        expect(body.error.message, path).toMatch(
          /^query\.(from|to): \d+ is outside the years Entente covers \(1816–2100\)/,
        );
      }
      const ok = await fetch(new URL("api/dyads/RUS/CHN?from=2014&to=2014", server.url));
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

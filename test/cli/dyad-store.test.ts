/**
 * `entente dyad` opens its store while its modules load (cli/store-option.ts openAhead): the
 * options are still checked first, a missing store is still reported, and a run that stops at a
 * bad state name reports it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe("entente dyad and its store", () => {
  it("refuses a bad --format before looking at the store, and names a missing store", () => {
    const missing = join(tempDir(), "none.duckdb");
    const bad = runCli(["--store", missing, "dyad", "RUS", "CHN", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('entente: Unknown format "xml". Use table, json, csv\n');
    const absent = runCli(["--store", missing, "dyad", "RUS", "CHN"]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(
      `entente: Store ${missing} does not exist. Load data first with \`entente ingest <files>\` or point --store at an existing store\n`,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it("answers from a store, and a run that stops at a bad state name says why", async () => {
    const path = join(tempDir(), "s.duckdb");
    const store = await DuckDbStore.open(path);
    expect((await ingest(store, [fixture("cow_trade")])).ok).toBe(true);
    await store.close();
    const csv = runCli([
      "--store",
      path,
      "dyad",
      "RUS",
      "CHN",
      "--from",
      "2013",
      "--to",
      "2014",
      "--indicators",
      "trade_total",
      "--format",
      "csv",
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n")[0]).toBe("year,trade_total");
    expect(csv.stdout.trim().split("\n")).toHaveLength(3);
    const unknown = runCli(["--store", path, "dyad", "RUS", "XXX"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^entente: Unknown country "XXX"/);
  });
});

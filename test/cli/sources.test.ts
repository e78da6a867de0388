import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_LAYOUTS } from "../../src/sources/events/layouts.js";
import { SOURCES } from "../../src/sources/index.js";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe("entente sources (CLI)", () => {
  it("--json lists every adapter with metadata, and what is loaded with its years", () => {
    const store = join(tempDir(), "s.duckdb");
    expect(runCli(["--store", store, "ingest", fixture("cow_trade/dyadic.csv")]).code).toBe(0);
    const r = runCli(["--store", store, "sources", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sources: Array<Record<string, unknown>> };
    expect(out.sources.map((s) => s.name)).toEqual([
      ...SOURCES.map((s) => s.name),
      ...EVENT_LAYOUTS.map((l) => l.source),
    ]);
    for (const s of out.sources) {
      expect(Object.keys(s)).toEqual([
        "name",
        "title",
        "version",
        "citation",
        "homepage",
        "license",
        "loaded",
      ]);
      expect(String(s.version), `${s.name}.version`).toMatch(/\d/);
      for (const k of ["title", "citation", "homepage", "license"]) {
        expect(String(s[k]).length, `${s.name}.${k}`).toBeGreaterThan(10);
      }
      expect(String(s.homepage), `${s.name}.homepage`).toMatch(/^https?:\/\//);
    }
    const trade = out.sources.find((s) => s.name === "cow-trade-dyadic");
    expect(trade?.loaded).toEqual({ files: 1, rows: 2, from: 1992, to: 2014 });
    const nmc = out.sources.find((s) => s.name === "cow-nmc");
    expect(nmc?.loaded).toEqual({ files: 0, rows: 0, from: null, to: null });
  });

  it("works without a store, and prints citations as text", () => {
    const store = join(tempDir(), "none.duckdb");
    const r = runCli(["--store", store, "sources"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^cow-nmc\s+COW National Material Capabilities \(v7\.0\) — not loaded$/m,
    );
    expect(r.stdout).toContain("Singer, J. David");
  });
});

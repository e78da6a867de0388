import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFile, fixture, hasData, NO_DATA_REASON } from "../helpers.js";
import { hasNile, NILE, NO_NILE } from "../trends/nile.js";
import { runCli } from "./run-cli.js";

describe.skipIf(!hasNile)(`entente changepoints ${hasNile ? "" : NO_NILE}`, () => {
  it("--json prints exactly the documented object for the Nile", () => {
    const r = runCli(["changepoints", NILE, "--column", "flow", "--time", "year", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["changepoints", "segments", "method", "penalty"]);
    expect(out.changepoints).toHaveLength(1);
    // As in the dyad trends block (`trend --json`, `dyad --format json`).
    expect(Object.keys(out.changepoints[0])).toEqual([
      "index",
      "lower",
      "upper",
      "time",
      "lowerTime",
      "upperTime",
    ]);
    expect(out.changepoints[0]).toMatchObject({ index: 28, time: "1899" });
    const c = out.changepoints[0];
    expect([c.lowerTime, c.upperTime]).toEqual([String(1871 + c.lower), String(1871 + c.upper)]);
    expect(out.segments.map((s: { mean: number }) => Number(s.mean.toFixed(2)))).toEqual([
      1097.75, 849.97,
    ]);
    expect(out.segments[0]).toMatchObject({ start: 0, end: 27, startTime: "1871", n: 28 });
    expect(out.method).toBe("pelt-linear");
    expect(out.penalty.name).toBe("mbic");
  });

  it("pelt-meanvar with segments of 2 reproduces R's 4, 6, 28; --crops lists penalties", () => {
    const r = runCli([
      "changepoints",
      NILE,
      "--column",
      "flow",
      "--method",
      "pelt-meanvar",
      "--min-seg",
      "2",
      "--json",
      "--crops",
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.changepoints.map((c: { index: number }) => c.index)).toEqual([4, 6, 28]);
    expect(out.changepoints[0].time).toBeNull();
    expect(out.changepoints[0].lowerTime).toBeNull();
    expect(out.crops.length).toBeGreaterThan(1);
    const table = runCli(["changepoints", NILE, "--column", "flow", "--time", "year"]);
    expect(table.stdout).toContain("change at 1899 (row 28)");
    expect(table.stdout).toMatch(/segment 1871–1898: n 28, mean 1,098/);
  });
});

describe("entente changepoints: bad input", () => {
  it("names the file and line of a non-number and exits 2", () => {
    const path = fixture("trends/series-bad.csv");
    const r = runCli(["changepoints", path, "--column", "value"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:4: value is "abc", not a number`);
    const m = runCli(["changepoints", path, "--column", "value", "--method", "kmeans"]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/Unknown method "kmeans". Use one of pelt-linear/);
  });

  it("skips missing values, says so on stderr, and keeps row positions", () => {
    const r = runCli([
      "changepoints",
      fixture("trends/series-gaps.csv"),
      "--column",
      "value",
      "--time",
      "year",
      "--min-seg",
      "2",
      "--method",
      "pelt-mean",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("2 missing values in value skipped (lines 3, 5)");
    const out = JSON.parse(r.stdout);
    expect(out.changepoints.map((c: { time: string }) => c.time)).toEqual(["2011"]);
    expect(out.segments[0]).toMatchObject({ start: 0, end: 9, n: 8 });
  });
});

describe.skipIf(!hasData)(`entente trend (CLI, COW trade) ${hasData ? "" : NO_DATA_REASON}`, () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-trend-"));
    store = join(dir, "trade.duckdb");
    const r = runCli(["--store", store, "ingest", "--json", dataFile("trade_cow")]);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives segments, change points with intervals and a trend per indicator", () => {
    const r = runCli([
      "--store",
      store,
      "trend",
      "RUS",
      "CHN",
      "--from",
      "1992",
      "--to",
      "2014",
      "--indicators",
      "trade_total",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.dyad.a.iso3).toBe("RUS");
    expect(out.times[0]).toBe("1992");
    const d = out.indicators.find((x: { name: string }) => x.name === "trade_total");
    expect(d.n).toBe(23);
    expect(d.method).toBe("pelt-linear");
    expect(d.trend.slope).toBeGreaterThan(0);
    expect(d.trend.p).toBeLessThan(0.05);
    expect(d.segments[0].startTime).toBe("1992");
    expect(d.segments.at(-1).endTime).toBe("2014");
    for (const c of d.changepoints) {
      expect(Number(c.lowerTime)).toBeLessThanOrEqual(Number(c.time));
      expect(Number(c.upperTime)).toBeGreaterThanOrEqual(Number(c.time));
    }
    const text = runCli([
      "--store",
      store,
      "trend",
      "RUS",
      "CHN",
      "--from",
      "1992",
      "--to",
      "2014",
      "--indicators",
      "trade_total",
    ]);
    expect(text.stdout).toMatch(/overall trend .*\/yr/);
  });
});

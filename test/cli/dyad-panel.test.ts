import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe.skipIf(!hasData)("entente dyad and panel (CLI, real data)", () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-cli-"));
    store = join(dir, "all.duckdb");
    const r = runCli(["--store", store, "ingest", "--json", dataFile("")]);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("dyad --format json prints exactly the documented object", () => {
    const r = runCli([
      "--store",
      store,
      "dyad",
      "Russian Federation",
      "China",
      "--from",
      "2013",
      "--to",
      "2014",
      "--indicators",
      "trade,atop_nonagg",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.dyad.a).toEqual({ ccode: 365, iso3: "RUS", name: "Russia" });
    expect(out.indicators.map((d: { name: string }) => d.name)).toEqual([
      "atop_nonagg",
      "trade_a_imports_from_b",
      "trade_b_imports_from_a",
      "trade_total",
      "trade_share_a",
      "trade_share_b",
      "trade_salience",
      "trade_symmetry",
      "trade_interdependence",
      "trade_asymmetry",
      "trade_dependence_a",
      "trade_dependence_b",
      "trade_source",
    ]);
    expect(out.rows.map((x: { year: number }) => x.year)).toEqual([2013, 2014]);
    // 2014 is COW's last year: trade_source 1 (COW), not 2 (IMF IMTS, not loaded here).
    expect(out.rows[1]).toMatchObject({
      year: 2014,
      trade_total: 93942,
      atop_nonagg: 1,
      trade_dependence_a: null,
      trade_source: 1,
    });
  });

  it("dyad: a historical code outside its years is noted on stderr and in JSON, or refused", () => {
    const sun = runCli([
      "--store",
      store,
      "dyad",
      "SUN",
      "CHN",
      "--from",
      "2016",
      "--to",
      "2016",
      "--indicators",
      "arms_tiv_a_to_b",
      "--format",
      "json",
    ]);
    expect(sun.code).toBe(0);
    const out = JSON.parse(sun.stdout);
    expect(out.dyad.a).toEqual({ ccode: 365, iso3: "RUS", name: "Russia" });
    expect(out.rows).toEqual([{ year: 2016, arms_tiv_a_to_b: 771.95 }]);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toMatch(/^SUN names the Soviet Union: .* successor Russia \(COW 365\)\.$/);
    expect(sun.stderr).toBe(`entente: note: ${out.notes[0]}\n`);

    const ddr = runCli(["--store", store, "dyad", "DDR", "POL", "--from", "2000", "--to", "2000"]);
    expect(ddr.code).toBe(2);
    expect(ddr.stdout).toBe("");
    expect(ddr.stderr).toMatch(
      /^entente: DDR is German Democratic Republic \(COW 265\), a member of the COW state system 1954–1990 only, not in 2000: .*For 2000 ask for Germany \(DEU, COW 255\)/,
    );

    const svn = runCli(["--store", store, "dyad", "SVN", "AUT", "--from", "1980", "--to", "1980"]);
    expect(svn.code).toBe(0);
    expect(svn.stderr).toMatch(
      /^entente: note: Slovenia \(COW 349\) is a member of the COW state system from 1992: in 1980/,
    );
  });

  it("dyad table shows – for null and fits the terminal width in blocks", () => {
    const r = runCli(["--store", store, "dyad", "RUS", "CHN", "--from", "2012", "--to", "2014"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toContain("Russia (RUS) – China (CHN)");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(120);
    expect(r.stdout).toMatch(/^2014 .*–/m);
    expect(r.stdout).toContain("cow_defense");
  });

  it("dyad csv has one row per year; unknown names give the closest matches", () => {
    const r = runCli([
      "--store",
      store,
      "dyad",
      "RUS",
      "CHN",
      "--from",
      "2000",
      "--to",
      "2002",
      "--indicators",
      "atop",
      "--format",
      "csv",
    ]);
    expect(r.stdout.trim().split("\n")).toEqual([
      "year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul",
      "2000,0,0,0,1,0",
      "2001,0,0,0,1,1",
      "2002,0,0,0,1,1",
    ]);
    const bad = runCli(["--store", store, "dyad", "Rusia", "CHN"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown country "Rusia".*Russia \(cow:365\)/);
  });

  it("panel --dyads all writes the universe; --directed doubles it", () => {
    const out = join(dir, "p.csv");
    const r = runCli([
      "--store",
      store,
      "panel",
      "--dyads",
      "all",
      "--from",
      "2014",
      "--to",
      "2014",
      "--indicators",
      "trade_total,atop_defense",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("ccode1,ccode2,year,atop_defense,trade_total");
    expect(summary.rows).toBe(lines.length - 1);
    expect(lines).toContain("365,710,2014,0,93942");
    const d = runCli([
      "--store",
      store,
      "panel",
      "--from",
      "2014",
      "--to",
      "2014",
      "--indicators",
      "atop_defense",
      "--directed",
      "--out",
      join(dir, "d.parquet"),
      "--json",
    ]);
    expect(JSON.parse(d.stdout).rows).toBe(2 * summary.rows);
  });

  it("panel refuses an unknown extension and an unknown indicator", () => {
    expect(runCli(["--store", store, "panel", "--out", join(dir, "x.xlsx")]).stderr).toMatch(
      /\.csv or \.parquet/,
    );
    const r = runCli([
      "--store",
      store,
      "panel",
      "--indicators",
      "un_nope",
      "--out",
      join(dir, "x.csv"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown indicator or family "un_nope"/);
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});

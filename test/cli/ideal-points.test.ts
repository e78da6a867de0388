import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateVotes, writeVoteFiles } from "../idealpoints/simulate.js";
import { runCli } from "./run-cli.js";

describe("entente ideal-points (CLI)", () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-cli-ideal-"));
    store = join(dir, "s.duckdb");
    const sim = simulateVotes({
      states: 30,
      sessions: 4,
      rollCallsPerSession: 25,
      bridgeShare: 0.2,
      step: 0.15,
      turnover: 0.1,
      absent: 0.05,
      seed: 8,
      firstSession: 66,
      firstRcid: 5001,
    });
    const f = writeVoteFiles(dir, sim);
    const r = runCli(["--store", store, "ingest", "--json", f.votes, f.rollcalls, f.matches]);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fits, prints CSV with the documented columns, then reuses the stored fit", () => {
    const first = runCli(["--store", store, "ideal-points"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toBe("ccode,session,year,ideal_point,se,votes,iso3,country");
    expect(lines[1]).toMatch(/^2,66,2011,\d\.\d+,0\.\d+,\d+,USA,United States of America$/);
    const json = runCli(["--store", store, "ideal-points", "--json"]);
    const out = JSON.parse(json.stdout) as {
      reused: boolean;
      fit: { fitId: string; report: { bridges: { used: number } } };
      columns: string[];
      points: unknown[][];
    };
    expect(out.reused).toBe(true);
    expect(out.columns.slice(0, 5)).toEqual(["ccode", "session", "year", "ideal_point", "se"]);
    expect(out.points.length).toBe(lines.length - 1);
    expect(out.fit.report.bridges.used).toBeGreaterThan(0);
  }, 300_000);

  it("writes a file with --out, rescales with --scale session, and fits an issue", () => {
    const out = join(dir, "ip.csv");
    const r = runCli(["--store", store, "ideal-points", "--out", out, "--scale", "session"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote \d+ state-sessions \(sessions 66–69\) to .*ip\.csv \(csv\); fit [0-9a-f]{12} reused\n$/,
    );
    const rows = readFileSync(out, "utf8").trim().split("\n").slice(1);
    const s66 = rows.filter((l) => l.split(",")[1] === "66").map((l) => Number(l.split(",")[3]));
    expect(s66.reduce((a, b) => a + b, 0) / s66.length).toBeCloseTo(0, 10);
    const issue = runCli([
      "--store",
      store,
      "ideal-points",
      "--issue",
      "me",
      "--from",
      "2012",
      "--json",
      "--out",
      join(dir, "me.parquet"),
    ]);
    expect(issue.code).toBe(0);
    expect(JSON.parse(issue.stdout)).toMatchObject({
      reused: false,
      sessions: [67, 69],
      format: "parquet",
    });
  }, 300_000);

  it("says what is wrong with bad options and with no votes", () => {
    const bad = runCli(["--store", store, "ideal-points", "--issue", "xx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown issue "xx".*me, nu, di, hr, co, ec/);
    const scale = runCli(["--store", store, "ideal-points", "--scale", "year"]);
    expect(scale.code).toBe(2);
    const empty = join(dir, "empty.duckdb");
    runCli(["--store", empty, "sources"]);
    const none = runCli(["--store", empty, "ideal-points"]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/ingest/);
    const withFit = runCli([
      "--store",
      join(dir, "s.duckdb"),
      "dyad",
      "USA",
      "CAN",
      "--indicators",
      "un_ideal",
      "--from",
      "2011",
      "--to",
      "2012",
      "--format",
      "csv",
    ]);
    // A fit exists (made above): the indicators are filled.
    expect(withFit.code).toBe(0);
    expect(withFit.stdout.split("\n")[0]).toBe(
      "year,un_ideal_a,un_ideal_a_se,un_ideal_b,un_ideal_b_se,un_ideal_distance,un_ideal_distance_se",
    );
  }, 300_000);
});

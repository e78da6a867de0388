import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFile, hasData, NO_DATA_REASON, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe.skipIf(!hasData)(
  `event data through the CLI (${hasData ? "real data" : NO_DATA_REASON})`,
  () => {
    // One store for the file (tempDir() would be removed after the first test).
    const dir = mkdtempSync(join(tmpdir(), "entente-events-cli-"));
    const store = join(dir, "events.duckdb");
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeAll(() => {
      const r = runCli([
        "--store",
        store,
        "ingest",
        "--json",
        dataFile("gdelt_events"),
        dataFile("icews_events"),
      ]);
      expect(r.code).toBe(0);
      const files = JSON.parse(r.stdout).files as Array<Record<string, unknown>>;
      const gdelt2 = files.find((f) => f.source === "gdelt2-events");
      expect(gdelt2).toMatchObject({ status: "loaded", lines_read: 2111, rows_loaded: 2111 });
    });

    it("gives monthly GDELT rows keyed by period (2 CHN → RUS events in 2019-10)", () => {
      const r = runCli([
        "--store",
        store,
        "dyad",
        "RUS",
        "CHN",
        "--period",
        "month",
        "--from",
        "2019",
        "--to",
        "2019",
        "--indicators",
        "gdelt",
        "--format",
        "json",
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.period).toBe("month");
      expect(out.rows).toHaveLength(12);
      const oct = out.rows.find((row: Record<string, unknown>) => row.period === "2019-10");
      expect(oct).toMatchObject({
        gdelt_events: 2,
        gdelt_verbal_coop: 2,
        gdelt_goldstein_mean: 0.4,
      });
      expect(oct.year).toBeUndefined();
      // No GDELT file covers 2019-01: null, not 0.
      expect(out.rows[0]).toMatchObject({ period: "2019-01", gdelt_events: null });
    });

    it("counts only a → b with --directed (RUS → CHN has none of the two)", () => {
      const r = runCli([
        "--store",
        store,
        "dyad",
        "RUS",
        "CHN",
        "--period",
        "quarter",
        "--from",
        "2019",
        "--to",
        "2019",
        "--indicators",
        "gdelt_events",
        "--directed",
        "--format",
        "csv",
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split("\n")).toEqual([
        "period,gdelt_events",
        "2019-Q1,",
        "2019-Q2,",
        // Q3 holds events the 2019-10-24 update re-reports, but no loaded file covers it.
        "2019-Q3,",
        "2019-Q4,0",
      ]);
    });

    it("writes a monthly panel with a period column", () => {
      const out = join(tempDir(), "p.csv");
      const r = runCli([
        "--store",
        store,
        "panel",
        "--dyads",
        "RUS-CHN",
        "--from",
        "2018",
        "--to",
        "2018",
        "--period",
        "month",
        "--indicators",
        "icews_events,icews_verbal_coop",
        "--out",
        out,
      ]);
      expect(r.code).toBe(0);
      const lines = readFileSync(out, "utf8").trim().split("\n");
      expect(lines[0]).toBe("ccode1,ccode2,period,icews_events,icews_verbal_coop");
      expect(lines).toContain("365,710,2018-06,8,8");
      expect(lines).toHaveLength(13);
    });

    it("refuses yearly indicators by month and an unknown period, exit 2", () => {
      const yearly = runCli([
        "--store",
        store,
        "dyad",
        "RUS",
        "CHN",
        "--period",
        "month",
        "--indicators",
        "un",
      ]);
      expect(yearly.code).toBe(2);
      expect(yearly.stderr).toMatch(/yearly and cannot be given by month/);
      const week = runCli(["--store", store, "dyad", "RUS", "CHN", "--period", "week"]);
      expect(week.code).toBe(2);
      expect(week.stderr).toMatch(/Unknown period "week"/);
    });
  },
);

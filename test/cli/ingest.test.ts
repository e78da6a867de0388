import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "../../src/sources/index.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe("entente ingest (CLI)", () => {
  it("--json prints exactly one object with the documented fields", () => {
    const store = join(tempDir(), "s.duckdb");
    const r = runCli(["--store", store, "ingest", "--json", fixture("cow_trade/dyadic.csv")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["ok", "files", "skipped"]);
    expect(out.skipped).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.files).toHaveLength(1);
    const f = out.files[0];
    expect(f).toMatchObject({
      path: fixture("cow_trade/dyadic.csv"),
      source: "cow-trade-dyadic",
      status: "loaded",
      rows_loaded: 2,
      rows_rejected: 2,
      rows_duplicate: 1,
      rejects: [
        { line: 4, reason: 'flow1: "abc" is not a number' },
        { line: 5, reason: "expected 7 fields, found 5" },
      ],
    });
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("prints a per-file summary with rejects, exits 2 when a file failed, and honours ENTENTE_STORE", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "ccode;year;imports;exports\n2;1990;1;1\n");
    const env = { ENTENTE_STORE: join(dir, "env.duckdb") };
    const r = runCli(["ingest", fixture("cow_trade/dyadic.csv"), bad], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^loaded\s+cow-trade-dyadic\s+2 rows, 2 rejected, 1 duplicate/m);
    expect(r.stdout).toContain('    line 4: flow1: "abc" is not a number');
    expect(r.stdout).toMatch(
      /^failed .*bad\.csv: looks like COW Trade national totals but is separated by ";"/m,
    );
    expect(r.stdout).toMatch(
      /2 files: 1 loaded, 0 unchanged, 0 skipped, 1 failed; 2 rows loaded, 2 rejected, 1 duplicate/,
    );
    const again = runCli(["ingest", fixture("cow_trade/dyadic.csv")], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged\s+cow-trade-dyadic/m);
  });

  it("--help describes the command", () => {
    const r = runCli(["ingest", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--source <name>");
    expect(r.stdout).toContain("Exit code 2 when a file failed");
  });

  describe.skipIf(!hasData)("on ../shared/data", () => {
    it("loads every structured file, then reports every file unchanged", () => {
      const store = join(tempDir(), "all.duckdb");
      const first = runCli(["--store", store, "ingest", "--json", dataFile("")]);
      const out = JSON.parse(first.stdout) as {
        ok: boolean;
        files: Array<Record<string, unknown>>;
      };
      expect(first.stderr).toBe("");
      expect(out.files.filter((f) => f.status === "failed")).toEqual([]);
      expect(out.ok).toBe(true);
      const loaded = out.files.filter((f) => f.status === "loaded");
      const skipped = out.files.filter((f) => f.status === "skipped");
      // Every CSV/TSV/TXT/TAB file that is not documentation or an event-coder dictionary loads,
      // event data included.
      const notLoaded = skipped.map((f) => String(f.path).slice(dataFile("").length));
      expect(
        notLoaded.filter(
          (p) => !/(^|\/)(SOURCE|README)\.md$|event_coder_validation\/|Column_Labels/.test(p),
        ),
      ).toEqual([]);
      for (const f of loaded) {
        expect(f.rows_read).toBe(
          Number(f.rows_loaded) + Number(f.rows_rejected) + Number(f.rows_duplicate),
        );
        if (!SOURCES.find((s) => s.name === f.source)?.wide) expect(f.lines_read).toBe(f.rows_read);
      }
      const reason = (p: string) => skipped.find((f) => String(f.path).endsWith(p))?.reason;
      const source = (p: string) => loaded.find((f) => String(f.path).endsWith(p))?.source;
      expect(source("20191024143000.export.CSV")).toBe("gdelt2-events");
      expect(source("gdelt1_sample_events.tsv")).toBe("gdelt1-events");
      expect(source("events.2018.sample.tab")).toBe("icews-events");
      expect(source("netify_icews_dyadyear_quad_rus_chn.csv")).toBe("icews-dyadyear");
      expect(reason("GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")).toBe(
        "GDELT column-label list (documentation, not data)",
      );
      expect(reason("README.md")).toBe("no known header");
      const second = runCli(["--store", store, "ingest", "--json", dataFile("")]);
      const out2 = JSON.parse(second.stdout) as { files: Array<{ status: string }> };
      expect(out2.files.filter((f) => f.status === "loaded" || f.status === "failed")).toEqual([]);
      expect(out2.files.filter((f) => f.status === "unchanged")).toHaveLength(loaded.length);
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

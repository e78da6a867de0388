/**
 * A new release of a dataset through the CLI: `ingest --release`, the change report, `sources`
 * showing the active release, `restore` and `prune`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const HEADER = '"ccode","year","imports","exports"';

describe("entente ingest --release, sources, restore, prune", () => {
  it("replaces the old release's rows, reports the change, and can go back", () => {
    const dir = tempDir();
    const store = join(dir, "s.duckdb");
    const v1 = join(dir, "national-v1.csv");
    const v2 = join(dir, "national-v2.csv");
    writeFileSync(v1, `${HEADER}\n365,2014,308000,497800\n710,2014,1960000,2342000\n2,2013,1,2\n`);
    writeFileSync(v2, `${HEADER}\n365,2014,308000,497800\n710,2014,1959000,2342000\n2,2015,3,4\n`);
    const cli = (...args: string[]) => runCli(["--store", store, ...args]);
    expect(cli("ingest", "--release", "4.0", v1).code).toBe(0);
    const second = cli("ingest", "--release", "4.1", v2);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      "release 4.1 of cow-trade-national replaces 4.0 (1 file) in trade_national: 1 added, 1 removed, 1 changed, 1 unchanged (3 rows before, 3 now)",
    );
    expect(second.stdout).toContain("added, e.g.: ccode=2 year=2015");
    expect(second.stdout).toContain("removed, e.g.: ccode=2 year=2013");
    expect(second.stdout).toContain("changed: ccode=710 year=2014: imports 1960000 → 1959000");
    expect(second.stdout).toMatch(/^loaded +cow-trade-national +3 rows, 0 rejected, 0 duplicate/m);

    const json = JSON.parse(cli("ingest", "--json", v1).stdout) as {
      files: Array<{ status: string; reason: string }>;
    };
    expect(json.files[0]?.status).toBe("unchanged");
    expect(json.files[0]?.reason).toMatch(
      /as release 4\.0 of cow-trade-national, since replaced \(entente restore cow-trade-national 4\.0 brings it back\)$/,
    );

    const sources = JSON.parse(cli("sources", "--json").stdout) as {
      sources: Array<{ name: string; loaded: Record<string, unknown> }>;
      releases: unknown[];
    };
    expect(sources.releases).toEqual([
      {
        dataset: "cow-trade-national",
        table: "trade_national",
        active: "4.1",
        files: 1,
        archived: [{ release: "4.0", files: 1 }],
      },
    ]);
    expect(sources.sources.find((s) => s.name === "cow-trade-national")?.loaded).toEqual({
      files: 1,
      rows: 3,
      from: 2014,
      to: 2015,
    });
    expect(cli("sources").stdout).toMatch(
      /^cow-trade-national +trade_national: 4\.1 \(1 file\); archived until `entente prune`: 4\.0 \(1 file\)$/m,
    );

    const restored = cli("restore", "cow-trade-national", "4.0");
    expect(restored.stdout).toBe(
      "restored  cow-trade-national 4.0: 3 rows back in use; archived 4.1\n",
    );
    const missing = cli("restore", "cow-trade-national", "9.9");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /no archived release 9\.9\. Archived releases of cow-trade-national: 4\.1/,
    );

    const pruned = JSON.parse(cli("prune", "--json").stdout);
    expect(pruned).toEqual({
      files: 1,
      rows: 3,
      releases: [{ dataset: "cow-trade-national", release: "4.1", table: "trade_national" }],
    });
    // The pruned file is forgotten: it loads again, replacing 4.0 once more.
    const again = cli("ingest", "--release", "4.1", v2);
    expect(again.stdout).toContain("release 4.1 of cow-trade-national replaces 4.0");
  });
});

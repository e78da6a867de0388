// The overall progress line of an ingest of several files: its wording, and that it shows on a
// terminal (through `script`, which gives the CLI a pseudo-terminal) and never when piped.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { about, megabytes, overallLine } from "../../src/cli/ingest-progress.js";
import { fixture, tempDir } from "../helpers.js";
import { BIN, runCli } from "./run-cli.js";

describe("overall ingest line", () => {
  it("says files and bytes done, rows, rate and time left at the rate of the bytes so far", () => {
    expect(
      overallLine({
        done: 12,
        files: 48,
        bytesDone: 9_750_000,
        bytes: 39_000_000,
        rows: 24_000,
        seconds: 40,
      }),
    ).toBe("  12 of 48 files (25% of 39.0 MB), 24,000 rows loaded, 600 rows/s, about 2 min left");
    // Before a second has passed: no rate, no estimate.
    expect(
      overallLine({ done: 1, files: 3, bytesDone: 800, bytes: 1_600_000, rows: 2, seconds: 0.4 }),
    ).toBe("  1 of 3 files (0% of 1.6 MB), 2 rows loaded");
    // Done: no time left.
    expect(
      overallLine({
        done: 3,
        files: 3,
        bytesDone: 250_000_000,
        bytes: 250_000_000,
        rows: 1_000_000,
        seconds: 4,
      }),
    ).toBe("  3 of 3 files (100% of 250 MB), 1,000,000 rows loaded, 250,000 rows/s");
  });

  it("rounds the time left to seconds, minutes, or hours and minutes", () => {
    expect(about(0.2)).toBe("about 1 s");
    expect(about(89)).toBe("about 89 s");
    expect(about(90)).toBe("about 2 min");
    expect(about(89 * 60)).toBe("about 89 min");
    expect(about(130 * 60 + 10)).toBe("about 2 h 10 min");
    expect(megabytes(99_949_999)).toBe("99.9 MB");
    expect(megabytes(1_234_567_890)).toBe("1,235 MB");
  });
});

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("entente ingest of several files", () => {
  const files = [
    fixture("gdelt/gdelt2_clean.export.CSV"),
    "does-not-exist.CSV",
    fixture("gdelt/gdelt2_rejects.export.CSV"),
  ];
  const total = statSync(files[0] as string).size + statSync(files[2] as string).size;

  it.skipIf(!hasScript)("shows the overall line on a terminal, after each file", () => {
    const store = join(tempDir(), "s.duckdb");
    const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, BIN, "ingest", ...files, "--store", store]
      .map(quote)
      .join(" ");
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    const out = r.stdout.replaceAll("\r\n", "\n");
    const mb = megabytes(total);
    expect(out).toMatch(new RegExp(`\\r\\x1b\\[K  1 of 3 files \\(\\d+% of ${mb}\\), \\d+ rows`));
    expect(out).toContain("\r\x1b[K  2 of 3 files (");
    expect(out).toMatch(new RegExp(`\\r\\x1b\\[K  3 of 3 files \\(100% of ${mb}\\), \\d+ rows`));
    expect(out).toMatch(/3 files: 2 loaded, 0 unchanged, 0 skipped, 1 failed;/);
  });

  it("writes no progress when piped, and says 1 file for one", () => {
    const store = join(tempDir(), "s.duckdb");
    const r = runCli(["ingest", ...files, "--store", store]);
    expect(r.stdout + r.stderr).not.toContain("\r");
    expect(r.stdout + r.stderr).not.toMatch(/of 3 files/);
    expect(r.stdout).toMatch(/3 files: 2 loaded/);
    const one = runCli(["ingest", files[0] as string, "--store", join(tempDir(), "t.duckdb")]);
    expect(one.stdout).toMatch(/^1 file: 1 loaded,/m);
  });
});

/**
 * A folder of many unrelated files: ingest summarises the skipped ones by reason and extension
 * instead of a line per file; --verbose and --json list them (issue 16, item 9).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const TXT = 300;
const XML = 20;
const PNG = 4;
const SKIPPED = TXT + XML + PNG + 1; // and a Makefile

/** Unrelated files in nested folders, beside one real dataset file. */
function folder(): string {
  const dir = join(tempDir(), "mixed");
  for (let i = 0; i < TXT; i++) {
    const sub = join(dir, `notes-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `note-${i}.txt`),
      `A note, number ${i}, about nothing in particular.\n`,
    );
  }
  mkdirSync(join(dir, "xml"));
  for (let i = 0; i < XML; i++) writeFileSync(join(dir, "xml", `f${i}.xml`), `<r n="${i}"/>\n`);
  for (let i = 0; i < PNG; i++) {
    writeFileSync(join(dir, `img${i}.png`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, i]));
  }
  writeFileSync(join(dir, "Makefile"), "all:\n\techo hi\n");
  mkdirSync(join(dir, "data"));
  copyFileSync(fixture("cow_trade/dyadic.csv"), join(dir, "data", "dyadic.csv"));
  return dir;
}

describe("ingest of a folder of unrelated files", () => {
  it("prints one summary line for the skipped files, not a line each", () => {
    const dir = folder();
    const r = runCli(["--store", join(tempDir(), "s.duckdb"), "ingest", dir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("skipped"))).toEqual([]);
    expect(lines).toContain(
      `${SKIPPED} skipped: no known header (${TXT} .txt, ${XML} .xml, 1 without extension); binary file, not delimited text (${PNG} .png) (--verbose lists them)`,
    );
    expect(lines.some((l) => /^loaded\s+cow-trade-dyadic/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^${SKIPPED + 1} files: 1 loaded, 0 unchanged, ${SKIPPED} skipped, 0 failed;`),
    );
    expect(lines.length).toBeLessThan(10);
  });

  it("--verbose lists every skipped file; --json lists them and the same summary", () => {
    const dir = folder();
    const verbose = runCli(["--store", join(tempDir(), "s.duckdb"), "ingest", "--verbose", dir]);
    expect(verbose.code, verbose.stderr).toBe(0);
    const skippedLines = verbose.stdout.split("\n").filter((l) => l.startsWith("skipped"));
    expect(skippedLines).toHaveLength(SKIPPED);
    expect(skippedLines.filter((l) => l.endsWith(".txt (no known header)"))).toHaveLength(TXT);
    expect(verbose.stdout).toMatch(new RegExp(`^${SKIPPED} skipped: no known header`, "m"));
    expect(verbose.stdout).not.toContain("--verbose lists them");

    const json = runCli(["--store", join(tempDir(), "s.duckdb"), "ingest", "--json", dir]);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.files.filter((f: { status: string }) => f.status === "skipped")).toHaveLength(
      SKIPPED,
    );
    expect(out.skipped).toEqual([
      {
        reason: "no known header",
        files: TXT + XML + 1,
        extensions: { ".txt": TXT, ".xml": XML, "": 1 },
      },
      { reason: "binary file, not delimited text", files: PNG, extensions: { ".png": PNG } },
    ]);
  });
});

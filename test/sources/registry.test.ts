import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, headLines } from "../../src/ingest/decode.js";
import { SOURCES } from "../../src/sources/index.js";
import { DATA, FIXTURES, hasData } from "../helpers.js";

const docs = readFileSync(new URL("../../docs/sources.md", import.meta.url), "utf8");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function matching(path: string): string[] {
  const lines = headLines(decodeText(readFileSync(path)).text, 25);
  return SOURCES.filter((s) => s.findHeader(lines, basename(path)) >= 0).map((s) => s.name);
}

describe("source registry", () => {
  it("has unique names, each documented in docs/sources.md with its citation data", () => {
    const names = SOURCES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SOURCES) expect(docs, s.name).toContain(`## ${s.name}\n`);
  });

  it("detects every fixture CSV/TSV as at most one format", () => {
    for (const f of files(FIXTURES).filter((p) => /\.(csv|tsv|txt|tab)$/i.test(p))) {
      expect(matching(f).length, f).toBeLessThanOrEqual(1);
    }
  });

  it.skipIf(!hasData)("detects no real file in ../shared/data as two formats", () => {
    for (const f of files(DATA)) expect(matching(f).length, f).toBeLessThanOrEqual(1);
  });
});

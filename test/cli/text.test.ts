import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCase } from "../../src/assess/case-file.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const corpus = (f: string) => fixture(`text/corpus/${f}`);

describe("entente text", () => {
  it("--json prints exactly the documented object, with offsets that point at the text", () => {
    const dir = tempDir();
    const store = join(dir, "s.duckdb");
    const r = runCli(["--store", store, "text", "--json", corpus("wire_2014_shanghai.txt")]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["documents"]);
    const [d] = out.documents;
    expect(Object.keys(d)).toEqual([
      "path",
      "sha256",
      "title",
      "dates",
      "entities",
      "rhetoric",
      "quotes",
      "indirect",
    ]);
    expect(Object.keys(d.entities)).toEqual(["states", "organizations", "people"]);
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.dates).toContain("2014-05-20");
    expect(d.entities.states.map((s: { iso3: string }) => s.iso3)).toEqual(
      expect.arrayContaining(["RUS", "CHN"]),
    );
    expect(d.quotes.length).toBeGreaterThan(2);
    for (const q of d.quotes) {
      expect(Object.keys(q)).toEqual([
        "speaker",
        "role",
        "speaker_mention",
        "cue",
        "text",
        "offset",
        "rhetoric",
      ]);
      expect(Object.keys(q.rhetoric)).toEqual(["score", "matches"]);
    }
    const lavrov = d.quotes.find((q: { speaker: string }) => q.speaker === "Sergei Lavrov");
    expect(lavrov?.role).toBe("Foreign Minister of Russia");

    // Offsets are positions in the stored main text.
    const s = runCli(["--store", store, "sources", "--json"]);
    expect(s.code).toBe(0);
    return (async () => {
      const db = await DuckDbStore.open(store, { readOnly: true });
      try {
        const [row] = await db.query<{ text: string; quote_count: number }>(
          "SELECT text, quote_count FROM documents",
        );
        expect(row?.quote_count).toBe(d.quotes.length);
        const text = row?.text ?? "";
        for (const q of d.quotes) {
          expect(text.slice(q.offset, q.offset + q.text.length)).toBe(q.text);
          // The speaker and the cue as written point at their words.
          for (const w of [q.speaker_mention, q.cue].filter(Boolean))
            expect(text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
        }
        for (const m of d.rhetoric.matches) {
          expect(text.slice(m.offset).toLowerCase().startsWith(m.term.split(" ")[0])).toBe(true);
        }
        const [p] = await db.query<{ source: string; lines_read: number }>(
          "SELECT source, lines_read FROM provenance",
        );
        expect(p).toEqual({ source: "text-document", lines_read: 1 });
      } finally {
        await db.close();
      }
    })();
  });

  it("stores each file once, appends unrated quotes to a case once, and reports bad files", async () => {
    const dir = tempDir();
    const store = join(dir, "s.duckdb");
    const docs = join(dir, "docs");
    mkdirSync(docs);
    for (const f of ["wire_2019_putin_xi.txt", "analysis_2015_no_quotes.txt"]) {
      copyFileSync(corpus(f), join(docs, f));
    }
    copyFileSync(fixture("text/formats/news.html"), join(docs, "news.html"));
    const caseFile = join(dir, "case.yaml");
    copyFileSync(fixture("cases/minimal.yaml"), caseFile);
    const before = (await loadCase(caseFile)).evidence.length;

    const first = runCli(["--store", store, "text", docs, "--case", caseFile]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^analysed\s+.*wire_2019_putin_xi\.txt$/m);
    expect(first.stdout).toMatch(/quotes\s+0/);
    const added = Number(/(\d+) evidence items? added/.exec(first.stdout)?.[1]);
    expect(added).toBeGreaterThan(2);
    const after = await loadCase(caseFile);
    expect(after.evidence.length).toBe(before + added);
    const t1 = after.evidence.find((e) => e.id === "T1");
    expect(t1?.kind).toBe("quote");
    expect(t1?.ratings).toEqual({});
    expect(readFileSync(caseFile, "utf8")).toContain("Proposed by entente text");

    const second = runCli(["--store", store, "text", docs, "--case", caseFile]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^unchanged\s+.*wire_2019_putin_xi\.txt$/m);
    expect(second.stdout).toMatch(/0 evidence items added, \d+ already there/);
    expect((await loadCase(caseFile)).evidence.length).toBe(before + added);

    const db = await DuckDbStore.open(store, { readOnly: true });
    expect(await db.count("documents")).toBe(3);
    await db.close();

    const bad = runCli(["--store", store, "text", fixture("text/formats/latin1.txt")]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/failed .*latin1\.txt: .*invalid UTF-8 at byte offset \d+/);
  });
});

/**
 * The whole text pipeline on the annotated corpus (test/fixtures/text/corpus): quote detection
 * and attribution (speaker resolved to the person, pronouns to their antecedent) against the
 * gold annotations. The figures are printed and reported in docs/text.md; the assertions fail
 * if they fall below what the pipeline achieves now (minus a small margin).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/text/analyze.js";
import { readDocument } from "../../src/text/read.js";
import { fixture } from "../helpers.js";

interface GoldQuote {
  readonly text_start: string;
  readonly speaker: string | null;
  readonly pronoun_of?: string;
}
interface GoldFile {
  readonly file: string;
  readonly quotes: readonly GoldQuote[];
  readonly held_out?: boolean;
}

const gold = JSON.parse(
  readFileSync(fixture("text/corpus/gold.json"), "utf8"),
) as readonly GoldFile[];

const norm = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

interface Tally {
  gold: number;
  found: number;
  detected: number;
  attributed: number;
  pronouns: number;
  pronounsRight: number;
}

async function evaluate(files: readonly GoldFile[]): Promise<Tally & { misses: string[] }> {
  const t: Tally = { gold: 0, found: 0, detected: 0, attributed: 0, pronouns: 0, pronounsRight: 0 };
  const misses: string[] = [];
  for (const g of files) {
    const doc = await readDocument(fixture(`text/corpus/${g.file}`));
    const { analysis } = analyzeDocument(doc, "0".repeat(64));
    t.gold += g.quotes.length;
    t.found += analysis.quotes.length;
    for (const q of g.quotes) {
      const hit = analysis.quotes.find((a) => a.text.startsWith(q.text_start.trim()));
      if (!hit) {
        misses.push(`${g.file}: not found: ${q.text_start}`);
        continue;
      }
      t.detected++;
      const want = q.pronoun_of ?? q.speaker;
      const right = norm(hit.speaker) === norm(want);
      if (right) t.attributed++;
      else misses.push(`${g.file}: "${q.text_start}" → ${hit.speaker}, want ${want}`);
      if (q.pronoun_of) {
        t.pronouns++;
        if (right) t.pronounsRight++;
      }
    }
  }
  return { ...t, misses };
}

const pct = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe("text pipeline on the annotated corpus", () => {
  it("reads every corpus document and finds its date", async () => {
    for (const g of gold) {
      const doc = await readDocument(fixture(`text/corpus/${g.file}`));
      const { date } = analyzeDocument(doc, "0".repeat(64));
      expect(date, g.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The year in the file name is the document's year.
      expect(date?.slice(0, 4), g.file).toBe(/_(\d{4})_/.exec(g.file)?.[1]);
    }
  });

  for (const [name, files, floor] of [
    ["main set", gold.filter((g) => !g.held_out), { p: 0.89, r: 0.9 }],
    ["held-out set", gold.filter((g) => g.held_out), { p: 0.9, r: 0.7 }],
  ] as const) {
    it(`attributes quotes on the ${name} (precision and recall reported in docs/text.md)`, async () => {
      const t = await evaluate(files);
      const detectionP = pct(t.detected, t.found);
      const detectionR = pct(t.detected, t.gold);
      // Attribution: a quote found AND given the right speaker.
      const attributionP = pct(t.attributed, t.found);
      const attributionR = pct(t.attributed, t.gold);
      console.log(
        `${name}: ${files.length} documents, ${t.gold} gold quotes, ${t.found} found; detection P ${(
          detectionP * 100
        ).toFixed(
          1,
        )}% R ${(detectionR * 100).toFixed(1)}%; attribution P ${(attributionP * 100).toFixed(1)}% (${t.attributed}/${t.found}) R ${(attributionR * 100).toFixed(1)}% (${t.attributed}/${t.gold}); pronouns ${t.pronounsRight}/${t.pronouns}\n  ${t.misses.join("\n  ")}`,
      );
      expect(t.gold).toBeGreaterThan(20);
      expect(attributionP).toBeGreaterThanOrEqual(floor.p);
      expect(attributionR).toBeGreaterThanOrEqual(floor.r);
    });
  }

  it("finds no quote in the document without quotes", async () => {
    const doc = await readDocument(fixture("text/corpus/analysis_2015_no_quotes.txt"));
    expect(analyzeDocument(doc, "0".repeat(64)).analysis.quotes).toEqual([]);
  });
});

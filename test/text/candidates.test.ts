import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCase } from "../../src/assess/case-file.js";
import { appendCandidates, candidate, quoteKey } from "../../src/text/candidates.js";
import { fixture, tempDir } from "../helpers.js";

const doc = {
  path: "/docs/lavrov.txt",
  sha256: "ab".repeat(32),
  title: "Lavrov on relations with China",
  date: "2014-05-20",
};

describe("evidence candidates", () => {
  it("states who said what and when, in neutral words", () => {
    const c = candidate(doc, {
      speaker: "Sergei Lavrov",
      role: "Foreign Minister of Russia",
      text: "Our relations are at their best in history.",
      offset: 120,
      rhetoric: 0,
    });
    expect(c.claim).toBe(
      "Sergei Lavrov (Foreign Minister of Russia) said on 2014-05-20: “Our relations are at their best in history.”",
    );
    expect(c.source).toEqual({
      title: doc.title,
      path: doc.path,
      sha256: doc.sha256,
      offset: 120,
    });
    expect(
      candidate(
        { ...doc, title: null, date: null },
        {
          speaker: null,
          role: null,
          text: "x",
          offset: 0,
          rhetoric: 0,
        },
      ).claim,
    ).toBe("An unnamed speaker said: “x”");
  });

  it("compares quotes loosely", () => {
    expect(quoteKey(" “No  LIMITS”—really ")).toBe(quoteKey('"no limits"-really'));
  });

  it("appends unrated evidence to a case, keeps its comments, and never duplicates a quote", async () => {
    const file = join(tempDir(), "case.yaml");
    copyFileSync(fixture("cases/minimal.yaml"), file);
    const before = await loadCase(file);
    const q = (text: string, speaker = "Wang Yi") =>
      candidate(doc, {
        speaker,
        role: "Foreign Minister of China",
        speaker_mention: { text: "he", offset: 40 },
        cue: { text: "said", offset: 43 },
        text,
        offset: 5,
        rhetoric: 0.5,
      });
    const first = await appendCandidates(file, [
      q("The partnership is not directed against any third country."),
      q("We are not allies, and we will never be."),
      q("We are not allies,   and we will never be."), // the same quote twice in one batch
    ]);
    expect(first).toEqual({ added: ["T1", "T2"], skipped: 1 });
    const after = await loadCase(file);
    expect(after.evidence).toHaveLength(before.evidence.length + 2);
    const t1 = after.evidence.find((e) => e.id === "T1");
    expect(t1).toMatchObject({
      kind: "quote",
      date: "2014-05-20",
      credibility: "M",
      relevance: "M",
      ratings: {},
      source: { title: doc.title },
    });
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("# A small valid case")).toBe(true);
    expect(text).toContain("Proposed by entente text from /docs/lavrov.txt");
    expect(text).toContain("Unrated: review credibility and relevance");
    expect(text).toContain("Attribution: speaker as written “he” at 40, cue “said” at 43.");
    // Running again adds nothing.
    expect(await appendCandidates(file, [q("We are not allies, and we will never be.")])).toEqual({
      added: [],
      skipped: 1,
    });
    expect((await loadCase(file)).evidence).toHaveLength(before.evidence.length + 2);
  });

  it("refuses an invalid case without touching it", async () => {
    const file = join(tempDir(), "bad.yaml");
    copyFileSync(fixture("cases/bad.yaml"), file);
    const text = readFileSync(file, "utf8");
    await expect(
      appendCandidates(file, [
        candidate(doc, { speaker: "X", role: null, text: "y", offset: 0, rhetoric: 0 }),
      ]),
    ).rejects.toThrow();
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

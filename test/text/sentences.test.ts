import { describe, expect, it } from "vitest";
import { documentFromString } from "../../src/text/read.js";
import { sentences } from "../../src/text/sentences.js";

/** Sentences of a plain-text document as strings, checking every span and paragraph index. */
function split(input: string): string[] {
  const doc = documentFromString(input, "txt");
  const out = sentences(doc);
  let last = -1;
  for (const s of out) {
    const p = doc.paragraphs[s.paragraph];
    expect(p).toBeDefined();
    if (!p) continue;
    expect(s.start).toBeGreaterThanOrEqual(p.start);
    expect(s.end).toBeLessThanOrEqual(p.end);
    expect(s.start).toBeGreaterThan(last);
    last = s.end;
    const t = doc.text.slice(s.start, s.end);
    expect(t).toBe(t.trim());
  }
  return out.map((s) => doc.text.slice(s.start, s.end));
}

describe("sentences", () => {
  it("splits on . ! ? followed by a space and a capital, with exact offsets", () => {
    const doc = documentFromString("Russia objected. China agreed! Who won? Nobody knows.", "txt");
    expect(sentences(doc)).toEqual([
      { start: 0, end: 16, paragraph: 0 },
      { start: 17, end: 30, paragraph: 0 },
      { start: 31, end: 39, paragraph: 0 },
      { start: 40, end: 53, paragraph: 0 },
    ]);
  });

  it("never crosses paragraphs and numbers them", () => {
    const doc = documentFromString("A heading without a stop\n\nFirst. Second.\n\nThird", "txt");
    const out = sentences(doc);
    expect(out.map((s) => [doc.text.slice(s.start, s.end), s.paragraph])).toEqual([
      ["A heading without a stop", 0],
      ["First.", 1],
      ["Second.", 1],
      ["Third", 2],
    ]);
  });

  it("does not split after titles and other abbreviations", () => {
    expect(
      split("Mr. Smith met Dr. Jones and Gen. Lt. Col. Ivanov in St. Petersburg. They talked."),
    ).toEqual([
      "Mr. Smith met Dr. Jones and Gen. Lt. Col. Ivanov in St. Petersburg.",
      "They talked.",
    ]);
    expect(
      split("Sen. Graham and Rep. Pelosi wrote to Gov. Abbott and Pres. Biden. Done."),
    ).toEqual(["Sen. Graham and Rep. Pelosi wrote to Gov. Abbott and Pres. Biden.", "Done."]);
    expect(
      split("Some states, e.g. Russia, agree; i.e. Moscow. Others, vs. Kyiv, do not."),
    ).toEqual(["Some states, e.g. Russia, agree; i.e. Moscow.", "Others, vs. Kyiv, do not."]);
    expect(split("It was signed on Jan. 12 and Sept. 3 at No. 10 Downing Street. Yes.")).toEqual([
      "It was signed on Jan. 12 and Sept. 3 at No. 10 Downing Street.",
      "Yes.",
    ]);
    expect(split("Gazprom Inc. and Rosneft Ltd. and Smith Jr. signed. Then they left.")).toEqual([
      "Gazprom Inc. and Rosneft Ltd. and Smith Jr. signed.",
      "Then they left.",
    ]);
  });

  it("keeps U.S., U.K. and U.N. inside a sentence unless a new sentence clearly starts", () => {
    expect(split("U.S. officials met U.K. and U.N. envoys. The talks ended.")).toEqual([
      "U.S. officials met U.K. and U.N. envoys.",
      "The talks ended.",
    ]);
    expect(split("Sanctions were imposed by the U.S. The move angered Moscow.")).toEqual([
      "Sanctions were imposed by the U.S.",
      "The move angered Moscow.",
    ]);
    expect(split("Pipes, valves, etc. The list is long.")).toEqual([
      "Pipes, valves, etc.",
      "The list is long.",
    ]);
  });

  it("does not split after initials or inside decimals", () => {
    expect(split("V. Putin met J. R. R. Tolkien fans. Then he left.")).toEqual([
      "V. Putin met J. R. R. Tolkien fans.",
      "Then he left.",
    ]);
    expect(split("Growth was 3.5 percent, down from 4.25. Inflation rose.")).toEqual([
      "Growth was 3.5 percent, down from 4.25.",
      "Inflation rose.",
    ]);
  });

  it("treats ellipses by what follows them", () => {
    expect(split("He paused… and then continued. Next.")).toEqual([
      "He paused… and then continued.",
      "Next.",
    ]);
    expect(split("We waited... Then it happened.")).toEqual(["We waited...", "Then it happened."]);
    expect(split("Really?! Yes.")).toEqual(["Really?!", "Yes."]);
  });

  it("keeps closing quotes and brackets with their sentence and splits quoted sentences", () => {
    expect(split("“We will act. We are ready,” he said. Then silence.")).toEqual([
      "“We will act.",
      "We are ready,” he said.",
      "Then silence.",
    ]);
    expect(split('"Why?" he asked. "Because." She left.')).toEqual([
      '"Why?" he asked.',
      '"Because."',
      "She left.",
    ]);
    expect(split("(This is an aside.) The main point follows. ‘Quoted.’ Done.")).toEqual([
      "(This is an aside.)",
      "The main point follows.",
      "‘Quoted.’",
      "Done.",
    ]);
  });

  it("starts a sentence on a digit, not on a lowercase word", () => {
    expect(split("It ended in 2014. 2015 was calmer. It was a lot. so what.")).toEqual([
      "It ended in 2014.",
      "2015 was calmer.",
      "It was a lot. so what.",
    ]);
  });

  it("handles documents from every reader", () => {
    const md = documentFromString("# Title\n\nOne *two*. Three.", "md");
    expect(sentences(md).map((s) => md.text.slice(s.start, s.end))).toEqual([
      "Title",
      "One two.",
      "Three.",
    ]);
    expect(sentences(documentFromString("", "txt"))).toEqual([]);
  });
});

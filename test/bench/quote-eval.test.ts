/**
 * The PolNeAR evaluation's parts on a small annotation written for this test (not corpus text):
 * brat parsing, the direct/indirect split, and the scoring rules of bench/quotes/score.ts.
 */
import { describe, expect, it } from "vitest";
import { cueHead } from "../../bench/quotes/learn-cues.js";
import { type Article, goldAttributions, parseBrat } from "../../bench/quotes/polnear.js";
import { type Found, nameKey, scoreArticle } from "../../bench/quotes/score.js";

const TEXT =
  "Headline.\n\n" +
  "“We will win the vote,” the mayor of Springfield said on Monday.\n\n" +
  "She added that the budget was balanced.\n\n" +
  "Officials called the plan “a fair deal for everyone.”";

const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(`not in text: ${s}`);
  return { start, end: start + s.length };
};
const t = (id: string, label: string, s: string, from = 0) => {
  const sp = at(s, from);
  return `${id}\t${label} ${sp.start} ${sp.end}\t${s}`;
};

const ANN = [
  t("T1", "Content", "“We will win the vote,”"),
  t("T2", "Source", "the mayor of Springfield"),
  t("T3", "Cue", "said"),
  "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
  t("T4", "Source", "She"),
  t("T5", "Cue", "added"),
  t("T6", "Content", "that the budget was balanced"),
  "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
  t("T7", "Source", "Officials"),
  t("T8", "Cue", "called"),
  t("T9", "Content", "the plan “a fair deal for everyone.”"),
  "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9",
].join("\n");

const article: Article = {
  id: "test",
  publisher: "test",
  text: TEXT,
  gold: goldAttributions(TEXT, ANN),
};

describe("PolNeAR reading", () => {
  it("parses brat spans, discontinuous ones included, and events", () => {
    const { spans, events } = parseBrat(
      "T1\tContent 0 4;10 12\tabcd ef\nE1\tAttribution:T2 Content:T1",
    );
    expect(spans.get("T1")).toEqual({
      label: "Content",
      spans: [
        { start: 0, end: 4 },
        { start: 10, end: 12 },
      ],
    });
    expect(events).toEqual([{ Attribution: "T2", Content: "T1" }]);
  });

  it("calls an attribution direct when most of its content is in quotation marks", () => {
    expect(article.gold.map((g) => g.kind)).toEqual(["direct", "indirect", "direct"]);
    expect(article.gold[1]?.source).toEqual([at("She")]);
  });

  it("takes the head of a cue after auxiliaries and keeps 'according to' whole", () => {
    expect(cueHead("has also said")).toBe("said");
    expect(cueHead("According to")).toBe("according to");
    expect(cueHead("in a statement")).toBeNull();
    expect(cueHead(":")).toBeNull();
  });
});

describe("scoring", () => {
  const quote = (content: string, mention: string | null, speaker: string | null): Found => ({
    kind: "direct",
    content: at(content),
    mention: mention ? at(mention) : null,
    speaker,
    cue: at("said"),
  });

  it("counts precision, recall, speaker and cue on direct quotations", () => {
    const s = scoreArticle(article, [
      quote("We will win the vote", "the mayor of Springfield", "the mayor of Springfield"),
      quote("a fair deal for everyone.", null, null),
      quote("Headline", null, null),
    ]);
    expect(s.direct).toEqual({
      gold: 2,
      recalled: 2,
      found: 3,
      correct: 2,
      speakerRight: 1,
      resolvedRight: 1,
      cueRight: 1,
    });
    expect(s.spurious.map((f) => f.content)).toEqual([at("Headline")]);
    expect(s.missed).toEqual([]);
    expect(s.indirect.gold).toBe(1);
  });

  it("resolves a pronoun source to the nearest named source before it", () => {
    const she: Found = {
      kind: "indirect",
      content: at("the budget was balanced"),
      mention: null,
      speaker: "Mayor Springfield",
      cue: at("added"),
    };
    const s = scoreArticle(article, [she]);
    expect(s.indirect).toMatchObject({ found: 1, correct: 1, speakerRight: 1, cueRight: 1 });
    expect(nameKey("Donald J. Trump's")).toBe("trump");
    expect(nameKey("the mayor")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { LEXICON, rhetoric, rhetoricMatches, rhetoricScore } from "../../src/text/rhetoric.js";

const terms = (text: string) => rhetoricMatches(text).map((m) => [m.term, m.offset]);

describe("alliance rhetoric", () => {
  it("finds alliance terms with their offsets, longest first", () => {
    const text =
      "Relations have reached a comprehensive strategic partnership of coordination; the strategic partnership has no limits.";
    expect(terms(text)).toEqual([
      ["comprehensive strategic partnership", 25],
      ["strategic partnership", 82],
      ["no limits", 108],
    ]);
    for (const m of rhetoricMatches(text)) {
      expect(text.slice(m.offset).toLowerCase()).toMatch(/^(comprehensive|strategic|no)/);
    }
  });

  it("reads a denial as a hedge, not as the alliance word inside it", () => {
    expect(terms("This is not a military alliance.")).toEqual([["not an alliance", 8]]);
    expect(terms("It is not an alliance and not directed against any third country.")).toEqual([
      ["not an alliance", 6],
      ["not directed against third countries", 26],
    ]);
    expect(terms("We will never form alliances.")).toEqual([["not form alliances", 8]]);
    expect(terms("India remains non-aligned; nonalignment; non aligned")).toEqual([
      ["non-aligned", 14],
      ["non-aligned", 27],
      ["non-aligned", 41],
    ]);
  });

  it("keeps a negation inside its scope: 'if not an alliance' is not a hedge", () => {
    expect(terms("The two are close partners, if not an alliance, in all but name.")).toEqual([
      ["alliance", 38],
    ]);
    expect(terms("They will, if not form alliances, at least coordinate.")).toEqual([
      ["alliance", 23],
    ]);
    // A plain denial is still a hedge.
    expect(terms("It is not an alliance.")).toEqual([["not an alliance", 6]]);
    expect(rhetoric("a partnership close to, if not an alliance").score).toBe(1);
  });

  it("matches spelling variants and whole words only", () => {
    expect(terms("mutual defense and mutual defence")).toEqual([
      ["mutual defence", 0],
      ["mutual defence", 19],
    ]);
    expect(terms("Joint naval drills; joint air patrols; military-technical cooperation")).toEqual([
      ["joint exercises", 0],
      ["joint patrols", 20],
      ["military cooperation", 39],
    ]);
    expect(terms("a rally of tallies; the Alliance Française")).toEqual([["alliance", 24]]);
    expect(terms("sovereignty and sovereigntyism")).toEqual([["sovereignty", 0]]);
  });

  it("scores (A − H) / (A + H) with the documented weights", () => {
    expect(rhetoric("Nothing to see.").score).toBe(0);
    expect(rhetoric("a military alliance").score).toBe(1);
    expect(rhetoric("not an alliance").score).toBe(-1);
    // alliance 1 + strategic partnership 1 against sovereignty 0.5: (2 − 0.5) / 2.5.
    expect(rhetoric("An alliance, a strategic partnership, and sovereignty.").score).toBeCloseTo(
      0.6,
      12,
    );
    expect(rhetoricScore([])).toBe(0);
  });

  it("scores a span with document offsets", () => {
    const text = "Intro about sovereignty. He said the alliance is strong.";
    const r = rhetoric(text, { start: 25, end: text.length });
    expect(r.matches).toEqual([{ term: "alliance", offset: 37, kind: "alliance", weight: 1 }]);
    expect(text.slice(37, 45)).toBe("alliance");
    expect(r.score).toBe(1);
  });

  it("has a documented, consistent lexicon", () => {
    const names = LEXICON.map((l) => `${l.kind}:${l.term}`);
    expect(new Set(names).size).toBe(names.length);
    for (const l of LEXICON) expect(l.weight).toBeGreaterThan(0);
  });
});

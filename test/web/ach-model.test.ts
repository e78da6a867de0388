// The dashboard's pure parts, without a browser: the ACH editor scores a case exactly as
// `entente assess` does (same scoring module, same ratings that apply, same sensitivity), its
// YAML edits change only the edited text, and the URL state round-trips.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assess } from "../../src/assess/assess.js";
import { parseCase } from "../../src/assess/case-file.js";
import { RULES } from "../../src/assess/scoring.js";
import { CaseText } from "../../web/src/ach/case-text.js";
import { type Applied, nextRating, readCase, scoreCase } from "../../web/src/ach/model.js";
import { formatState, hashParams, parseState } from "../../web/src/state.js";

const CASE = fileURLToPath(new URL("../../cases/russia-china/case.yaml", import.meta.url));
const text = readFileSync(CASE, "utf8");

/** Lines of `b` that differ from `a`, compared position by position after a common prefix/suffix. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split("\n");
  const y = b.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return { removed: x.slice(i, x.length - j), added: y.slice(i, y.length - j) };
}

describe("ACH scoring in the browser", () => {
  it("agrees with `entente assess` on the bundled case (no store: bound items not scored)", async () => {
    const server = await assess(null, parseCase(text, CASE), RULES);
    const local = scoreCase(readCase(parse(text)), new Map());
    for (const rule of RULES) {
      const theirs = server.rules[rule];
      const scores = rule === "bayes" ? theirs?.posterior : theirs?.scores;
      expect(local.rules[rule].scores).toEqual(scores);
      expect(local.rules[rule].ranking).toEqual(theirs?.ranking);
      expect(local.rules[rule].ties).toEqual(theirs?.ties);
    }
    expect(local.sensitivity).toEqual(server.sensitivity);
    expect(local.rows.map((r) => r.diagnosticity)).toEqual(
      server.evidence.map((e) => e.diagnosticity),
    );
    expect(local.rows.map((r) => r.shown)).toEqual(
      server.evidence.map((e) =>
        e.binding ? local.rows.find((r) => r.ev.id === e.id)?.shown : e.ratings,
      ),
    );
  });

  it("applies ratings_if_false when the server says a bound test failed, and edits those", () => {
    const c = readCase(parse(text));
    const bound = c.evidence.filter((e) => e.ratingsIfFalse !== undefined);
    expect(bound.length).toBeGreaterThan(0);
    const first = bound[0];
    if (!first) throw new Error("no bound item");
    const outcomes = new Map<string, Applied>(bound.map((e) => [e.id, "ratings"]));
    outcomes.set(first.id, "ratings_if_false");
    const s = scoreCase(c, outcomes);
    const row = s.rows.find((r) => r.ev.id === first.id);
    expect(row?.applied).toBe("ratings_if_false");
    expect(row?.target).toBe("ratings_if_false");
    expect(row?.shown).toEqual({ H1: "NA", H2: "NA", H3: "NA", ...first.ratingsIfFalse });
    // With every bound test holding, a bound item counts with its own ratings.
    const holds = scoreCase(c, new Map(bound.map((e) => [e.id, "ratings" as Applied])));
    const none = scoreCase(c, new Map());
    expect(holds.rules.heuer.scores).not.toEqual(none.rules.heuer.scores);
  });

  it("cycles ratings CC → C → N → I → II → NA → CC", () => {
    const seen = ["CC"];
    for (let i = 0; i < 6; i++) seen.push(nextRating(seen[seen.length - 1] as never));
    expect(seen).toEqual(["CC", "C", "N", "I", "II", "NA", "CC"]);
  });
});

describe("editing the case's YAML text", () => {
  it("changes only the edited line when a rating changes, keeping comments and folded claims", () => {
    const t = new CaseText(text);
    t.apply({ op: "set", path: ["evidence", 0, "ratings", "H1"], value: "C" });
    expect(changedLines(text, t.text)).toEqual({
      removed: ["    ratings: { H1: I, H2: C, H3: N }"],
      added: ["    ratings: { H1: C, H2: C, H3: N }"],
    });
    expect(t.text.startsWith("# Analysis of Competing Hypotheses")).toBe(true);
    expect(t.reprinted).toBe(0);
  });

  it("adds rating keys, hypotheses and evidence, rewrites claims and removes items, as data", () => {
    const t = new CaseText(text);
    const expected = parse(text);
    t.apply({ op: "set", path: ["evidence", 1, "ratings", "H4"], value: "II" });
    expected.evidence[1].ratings.H4 = "II";
    t.apply({ op: "set", path: ["hypotheses", 0, "label"], value: "Alliance: forming? #1" });
    expected.hypotheses[0].label = "Alliance: forming? #1";
    const claim = `A claim long enough to be folded over lines, ${"and then some more words ".repeat(6)}end.`;
    t.apply({ op: "set", path: ["evidence", 2, "claim"], value: claim });
    expected.evidence[2].claim = claim;
    const hyp = { id: "H4", label: "Something else" };
    t.apply({ op: "append", path: ["hypotheses"], value: hyp });
    expected.hypotheses.push(hyp);
    const ev = {
      id: "E99",
      claim: "New: \"quoted\" and 'single' with a # hash",
      kind: "event",
      source: { title: "A title" },
      credibility: "M",
      relevance: "H",
      ratings: {},
    };
    t.apply({ op: "append", path: ["evidence"], value: ev });
    expected.evidence.push(structuredClone(ev));
    t.apply({
      op: "set",
      path: ["evidence", expected.evidence.length - 1, "ratings", "H1"],
      value: "I",
    });
    expected.evidence[expected.evidence.length - 1].ratings.H1 = "I";
    t.apply({ op: "remove", path: ["evidence"], index: 5 });
    expected.evidence.splice(5, 1);
    expect(t.toJS()).toEqual(expected);
    expect(t.reprinted).toBe(0);
    // The edited file is still a valid case, with its comments.
    expect(() => parseCase(t.text, "edited.yaml")).not.toThrow();
    expect(t.text).toContain("# A url is given only where it is known to be exact.");
    expect(t.text).toMatch(/ {4}claim: >-\n {6}A claim long enough/);
  });

  it("falls back to printing the document when text cannot be spliced, still exactly", () => {
    const t = new CaseText(text);
    t.apply({ op: "remove", path: ["states"], index: 0 });
    expect(t.reprinted).toBe(1);
    expect((t.toJS() as { states: string[] }).states).toEqual(["CHN"]);
    expect(t.text).toContain("Treaty of Good-Neighbourliness");
  });
});

describe("the dashboard's URL state", () => {
  it("round-trips through the fragment and leaves defaults out", () => {
    const st = {
      view: "compare",
      a: "RUS",
      b: "CHN",
      from: 1990,
      to: 2020,
      indicators: ["un_agree", "trade_share_a"],
      dyads: ["RUS-CHN", "USA-JPN"],
      indicator: "un_kappa",
      case: "russia-china",
    } as const;
    const hash = formatState(st);
    expect(hash).toBe(
      "#view=compare&a=RUS&b=CHN&from=1990&to=2020&indicators=un_agree,trade_share_a&dyads=RUS-CHN,USA-JPN&indicator=un_kappa&case=russia-china",
    );
    expect(parseState(hashParams(hash))).toEqual({ ...st, period: undefined });
    expect(formatState({ view: "dyad" })).toBe("#view=dyad");
    expect(parseState(hashParams("#view=bogus&from=abc&indicators="))).toMatchObject({
      view: "dyad",
      from: undefined,
      indicators: [],
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  applyRule,
  bayesPosterior,
  diagnosticity,
  heuerScores,
  type Level,
  parcScores,
  type Rating,
  rank,
  type ScoredItem,
  sensitivity,
} from "../../src/assess/scoring.js";

// METHODS.md prints the PARC score of H3 in the worked matrix as −1.414214 (= −√2 to 6 places).
// biome-ignore lint/suspicious/noApproximativeNumericConstant: the published test vector, as printed
const METHODS_PARC_H3 = -1.414214;

const item = (
  id: string,
  cred: Level,
  rel: Level,
  r: Rating[],
  hyps = ["H1", "H2", "H3"],
): ScoredItem => ({
  id,
  credibility: cred,
  relevance: rel,
  ratings: Object.fromEntries(hyps.map((h, i) => [h, r[i] as Rating])),
});

// METHODS.md "Analysis of Competing Hypotheses", worked matrix.
const H = ["H1", "H2", "H3"];
const MATRIX = [
  item("E1", "H", "M", ["C", "C", "I"]),
  item("E2", "H", "H", ["II", "C", "C"]),
  item("E3", "M", "M", ["I", "N", "C"]),
  item("E4", "H", "L", ["C", "C", "C"]),
];

describe("METHODS.md worked matrix", () => {
  it("PARC weighted: −5.0 / 0.0 / −1.414214", () => {
    const s = parcScores(MATRIX, H);
    expect(s.H1).toBeCloseTo(-5, 12);
    expect(s.H2).toBe(0);
    expect(s.H3).toBeCloseTo(METHODS_PARC_H3, 6);
    expect(applyRule("parc", MATRIX, H).ranking).toEqual(["H2", "H3", "H1"]);
  });

  it("Bayes with a uniform prior: 0.017544 / 0.701754 / 0.280702", () => {
    const p = bayesPosterior(MATRIX, H);
    expect(p.H1).toBeCloseTo(0.017544, 6);
    expect(p.H2).toBeCloseTo(0.701754, 6);
    expect(p.H3).toBeCloseTo(0.280702, 6);
  });

  it("Heuer counts I and II cells: 2 / 0 / 1", () => {
    expect(heuerScores(MATRIX, H)).toEqual({ H1: 2, H2: 0, H3: 1 });
    expect(applyRule("heuer", MATRIX, H)).toMatchObject({
      ranking: ["H2", "H3", "H1"],
      leader: "H2",
      ties: [],
    });
  });

  it("a prior moves the posterior: prior ∝ 1,1,4 makes H3 lead", () => {
    const p = bayesPosterior(MATRIX, H, { H1: 1 / 6, H2: 1 / 6, H3: 4 / 6 });
    expect(p.H3).toBeCloseTo((0.1024 * 4) / (0.0064 + 0.256 + 0.1024 * 4), 12);
    expect(applyRule("bayes", MATRIX, H, { H1: 1 / 6, H2: 1 / 6, H3: 4 / 6 }).leader).toBe("H3");
  });
});

describe("the vague-hypothesis trap (METHODS.md)", () => {
  // A = CC,CC,CC,CC,II; B = N,N,C,N,I over five items of medium credibility and relevance.
  const ratings: Array<[Rating, Rating]> = [
    ["CC", "N"],
    ["CC", "N"],
    ["CC", "C"],
    ["CC", "N"],
    ["II", "I"],
  ];
  const items = ratings.map(([a, b], i) => item(`E${i + 1}`, "M", "M", [a, b], ["A", "B"]));

  it("inconsistency prefers B (PARC) or cannot choose (Heuer); Bayes prefers A at 0.670648", () => {
    expect(applyRule("parc", items, ["A", "B"])).toMatchObject({
      leader: "B",
      scores: { A: -2, B: -1 },
    });
    const heuer = applyRule("heuer", items, ["A", "B"]);
    expect(heuer).toMatchObject({ leader: null, ties: [["A", "B"]], scores: { A: 1, B: 1 } });
    const bayes = applyRule("bayes", items, ["A", "B"]);
    expect(bayes.leader).toBe("A");
    expect(bayes.scores.A).toBeCloseTo(0.670648, 6);
  });
});

describe("diagnosticity", () => {
  it("is 0 for an item rated alike, log10(0.8/0.2) for C against I, log10(19) for CC against II", () => {
    expect(diagnosticity(MATRIX[3] as ScoredItem, H)).toBe(0);
    expect(diagnosticity(MATRIX[0] as ScoredItem, H)).toBeCloseTo(Math.log10(4), 12);
    expect(diagnosticity(item("X", "M", "M", ["CC", "N", "II"]), H)).toBeCloseTo(
      Math.log10(19),
      12,
    );
  });
});

describe("rankings", () => {
  it("surface ties and keep the case's order inside them", () => {
    const r = rank({ H1: 0, H2: -1, H3: 0 }, H, "higher");
    expect(r).toEqual({ ranking: ["H1", "H3", "H2"], ties: [["H1", "H3"]], leader: null });
    expect(rank({ H1: 2, H2: 1, H3: 1 }, H, "lower")).toEqual({
      ranking: ["H2", "H3", "H1"],
      ties: [["H2", "H3"]],
      leader: null,
    });
  });
});

describe("sensitivity", () => {
  it("finds that the worked matrix hinges on E1, the only evidence against H3", () => {
    const s = sensitivity(["heuer", "parc", "bayes"], MATRIX, H, undefined);
    // Without E1: Heuer 2/0/0 and PARC −5/0/0 tie H2 and H3; Bayes .008/.32/.512 puts H3 first.
    expect(s).toEqual([
      { rule: "heuer", evidence: "E1", change: "remove", new_leader: "H2 = H3" },
      { rule: "parc", evidence: "E1", change: "remove", new_leader: "H2 = H3" },
      { rule: "bayes", evidence: "E1", change: "remove", new_leader: "H3" },
    ]);
  });

  it("reports a removal that flips the leader, and a credibility change under PARC", () => {
    const items = [
      item("E1", "H", "H", ["I", "C"], ["A", "B"]),
      item("E2", "L", "M", ["C", "I"], ["A", "B"]),
      item("E3", "M", "M", ["C", "I"], ["A", "B"]),
    ];
    // PARC: A −2, B −0.707 − 1 = −1.707 → B leads.
    expect(applyRule("parc", items, ["A", "B"]).leader).toBe("B");
    const s = sensitivity(["parc"], items, ["A", "B"], undefined);
    expect(s).toContainEqual({ rule: "parc", evidence: "E1", change: "remove", new_leader: "A" });
    expect(s).toContainEqual({
      rule: "parc",
      evidence: "E1",
      change: "credibility L",
      new_leader: "A",
    });
    expect(s).toContainEqual({
      rule: "parc",
      evidence: "E2",
      change: "credibility H",
      new_leader: "A",
    });
    expect(s.some((c) => c.evidence === "E3" && c.change === "remove")).toBe(false);
  });
});

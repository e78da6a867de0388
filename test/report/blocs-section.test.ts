// The bloc section's sentences from given numbers: each says what the numbers say and no more.
import { describe, expect, it } from "vitest";
import type { NeighboursResult } from "../../src/blocs/neighbours.js";
import { type BlocSide, blocSentences, listOf } from "../../src/report/blocs-section.js";

const ref = (ccode: number, name: string) => ({ ccode, iso3: null, name });
const side = (
  ccode: number,
  name: string,
  bloc: { id: number; label: string; size: number },
  nbrs: Array<[number, string, number]>,
): BlocSide => {
  const neighbours: NeighboursResult = {
    state: ref(ccode, name),
    year: 2000,
    measure: "kappa",
    beforeYear: 1990,
    neighbours: nbrs.map(([c, n, v], i) => ({
      rank: i + 1,
      ccode: c,
      iso3: null,
      name: n,
      similarity: v,
      before: null,
      change: null,
    })),
  };
  return {
    state: ref(ccode, name),
    bloc: { ...bloc, largest: [ref(1, "Big"), ref(2, "Bigger"), ref(ccode, name)] },
    stability: 1,
    neighbours,
  };
};

const base = {
  measure: "kappa" as const,
  seeds: 10,
  covered: { from: 1990, to: 2000 },
  year: 2000,
  pairKappa: -0.114,
  byCinc: false,
};
const years = Array.from({ length: 11 }, (_, i) => 1990 + i).filter((y) => y !== 1994);

describe("bloc section sentences", () => {
  it("a pair apart since a year in which one state cast no vote", () => {
    const a = side(10, "Aland", { id: 1, label: "BIG, AL +3", size: 5 }, [[11, "Cland", 0.6]]);
    const b = side(20, "Bland", { id: 2, label: "BL, XX", size: 2 }, [[10, "Aland", 0.2]]);
    const s = blocSentences(
      {
        ...base,
        together: false,
        since: 1993,
        runStart: "absent",
        before: 1992,
        absent: b.state,
        a,
        b,
      },
      years,
    );
    // 1994 has no network: the run 1993–2000 counts 7 years with votes.
    expect(s[0]).toBe(
      "Grouped by Cohen's kappa of their UN General Assembly votes, Aland and Bland were in different blocs in 2000, and in every year with UN votes since 1993 (7 years); Bland cast no vote in 1992.",
    );
    expect(s[1]).toBe(
      "Aland's bloc in 2000 (BIG, AL +3) had 5 members; the largest by the strength of their ties: Big, Bigger and Aland. Bland's (BL, XX) had 2 members; the largest by the strength of their ties: Big, Bigger and Bland.",
    );
    expect(s[2]).toMatch(/^Their own kappa in 2000 was −0\.11\. A bloc is a group/);
    expect(s[3]).toBe(
      "Aland's closest partner by kappa in 2000 was Cland (0.60), Bland's Aland (0.20); Aland is among Bland's 5 closest, Bland not among Aland's.",
    );
  });

  it("a pair together, the latest year before the period's end, without a kappa of its own", () => {
    const a = side(10, "Aland", { id: 1, label: "BIG +9", size: 10 }, [[20, "Bland", 0.9]]);
    const b = side(20, "Bland", { id: 1, label: "BIG +9", size: 10 }, [[10, "Aland", 0.9]]);
    const s = blocSentences(
      {
        ...base,
        covered: { from: 1990, to: 2003 },
        byCinc: true,
        pairKappa: null,
        together: true,
        since: 2000,
        runStart: "change",
        before: 1999,
        absent: null,
        a,
        b,
      },
      years,
    );
    expect(s).toEqual([
      "Grouped by Cohen's kappa of their UN General Assembly votes, Aland and Bland were in the same bloc in 2000; in 1999 they were in different blocs.",
      "2000 is the latest year with votes of both in this report's period.",
      "Their bloc in 2000 (BIG +9) had 10 members; the largest by material capabilities (CINC): Big, Bigger and Aland.",
      "Their own kappa in 2000 is not defined: they shared fewer than 5 roll calls. A bloc is a group found by modularity, not a set of pairwise ties: states in one bloc need not vote alike with each other, and the closest partners below can sit in another bloc.",
      "Aland's closest partner by kappa in 2000 was Bland (0.90), Bland's Aland (0.90); each is among the other's 5 closest.",
    ]);
  });

  it("lists names with a final and", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["A"])).toBe("A");
    expect(listOf(["A", "B", "C"])).toBe("A, B and C");
  });
});

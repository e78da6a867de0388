import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random.js";
import { bootstrapIntervals } from "../../src/indicators/vote-bootstrap.js";
import { similarityFromCounts } from "../../src/indicators/voting-similarity.js";

/** Counts of METHODS.md's vector U1: x = 1,1,1,2,3,1,1,2,1,3; y = 1,1,2,2,3,3,1,1,1,3. */
const U1 = [4, 1, 1, 1, 1, 0, 0, 0, 2];

describe("bootstrap intervals of the UN measures", () => {
  it("brackets the point estimates of U1 and is the same for the same seed", () => {
    const a = bootstrapIntervals(U1, seededRandom(42));
    const b = bootstrapIntervals(U1, seededRandom(42));
    expect(Array.from(a.lo)).toEqual(Array.from(b.lo));
    const point = similarityFromCounts(U1);
    const values = [point.agree, point.s, point.kappa, point.pi];
    values.forEach((v, m) => {
      expect(a.lo[m]).toBeLessThanOrEqual(v);
      expect(a.hi[m]).toBeGreaterThanOrEqual(v);
    });
    // S is 2·agree − 1 replicate by replicate, so its interval is too.
    expect(a.lo[1]).toBeCloseTo(2 * (a.lo[0] as number) - 1, 12);
    // Ten roll calls: a wide interval.
    expect((a.hi[0] as number) - (a.lo[0] as number)).toBeGreaterThan(0.2);
  });

  it("is null for kappa and pi when both always vote the same single way", () => {
    const r = bootstrapIntervals([30, 0, 0, 0, 0, 0, 0, 0, 0], seededRandom(1));
    expect(r.lo[0]).toBe(1);
    expect(r.hi[0]).toBe(1);
    expect(r.lo[2]).toBeNaN();
    expect(r.lo[3]).toBeNaN();
  });

  it("covers the true agreement in about 95% of simulated dyad-years", () => {
    // A true joint distribution of votes; samples of 80 roll calls, as in a typical year.
    const p = [0.55, 0.05, 0.03, 0.05, 0.1, 0.04, 0.02, 0.04, 0.12];
    // 1 − mean|x − y|/2: cells at distance 1 count half, yes/no cells (distance 2) whole.
    const [, p1, p2, p3, , p5, p6, p7] = p as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const truth = 1 - (0.5 * (p1 + p3 + p5 + p7) + (p2 + p6));
    const random = seededRandom(7);
    const cum = p.map((_, k) => p.slice(0, k + 1).reduce((s, x) => s + x, 0));
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const counts = new Array(9).fill(0);
      for (let i = 0; i < 80; i++) {
        const u = random();
        let k = 0;
        while (u >= (cum[k] as number) && k < 8) k++;
        counts[k]++;
      }
      const ci = bootstrapIntervals(counts, seededRandom(1000 + t), 400);
      if ((ci.lo[0] as number) <= truth && truth <= (ci.hi[0] as number)) covered++;
    }
    // Percentile intervals undercover slightly at n = 80; 95% ± sampling error of 400 trials.
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });
});

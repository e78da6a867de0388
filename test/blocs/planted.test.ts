import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../../src/blocs/adjusted-rand.js";
import { consensusPartition } from "../../src/blocs/consensus.js";
import { communityCount } from "../../src/blocs/partition.js";
import { seededRandom } from "../../src/core/random.js";

/**
 * A planted-partition graph (Condon & Karp 2001): groups of the given sizes; each pair is linked
 * with probability pIn inside a group and pOut across groups. `weighted` draws each edge's weight
 * uniformly from (0, 1], like similarities, instead of 1.
 */
function planted(
  sizes: readonly number[],
  pIn: number,
  pOut: number,
  seed: number,
  weighted = false,
): { w: Float64Array; n: number; truth: Int32Array } {
  const rand = seededRandom(seed);
  const truth = Int32Array.from(sizes.flatMap((s, g) => Array.from({ length: s }, () => g)));
  const n = truth.length;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = truth[i] === truth[j] ? pIn : pOut;
      if (rand() < p) {
        const x = weighted ? 1 - rand() : 1;
        w[i * n + j] = x;
        w[j * n + i] = x;
      }
    }
  }
  return { w, n, truth };
}

describe("adjusted Rand index", () => {
  // Published examples (scikit-learn, adjusted_rand_score documentation).
  it("reproduces the documented values", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe("planted partitions are recovered (ARI ≥ 0.95)", () => {
  const cases = [
    { name: "5 equal groups of 40", sizes: [40, 40, 40, 40, 40], pIn: 0.4, pOut: 0.05 },
    { name: "unequal groups 80/60/35/15", sizes: [80, 60, 35, 15], pIn: 0.5, pOut: 0.02 },
    { name: "2 groups of 95", sizes: [95, 95], pIn: 0.3, pOut: 0.1 },
  ];
  for (const c of cases) {
    for (const weighted of [false, true]) {
      it(`${c.name}${weighted ? ", weighted" : ""}`, () => {
        for (const seed of [1, 2, 3]) {
          const g = planted(c.sizes, c.pIn, c.pOut, seed, weighted);
          const found = consensusPartition(g.w, g.n, { seeds: 30 });
          const ari = adjustedRandIndex(found.membership, g.truth);
          expect(ari, `graph seed ${seed}`).toBeGreaterThanOrEqual(0.95);
          expect(communityCount(found.membership)).toBe(c.sizes.length);
        }
      });
    }
  }

  it("no planted structure (pIn = pOut): ARI with an arbitrary split is near 0", () => {
    const g = planted([50, 50], 0.2, 0.2, 9);
    const found = consensusPartition(g.w, g.n, { seeds: 30 });
    expect(Math.abs(adjustedRandIndex(found.membership, g.truth))).toBeLessThan(0.1);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { consensusPartition } from "../../src/blocs/consensus.js";
import { LouvainRunner } from "../../src/blocs/louvain.js";
import { modularity } from "../../src/blocs/modularity.js";
import { communityCount, partitionKey } from "../../src/blocs/partition.js";
import { fixture } from "../helpers.js";

/** Zachary's karate club (test/fixtures/karate/README.md) as a dense 34 × 34 0/1 matrix. */
function karate(): { w: Float64Array; n: number; edges: number } {
  const lines = readFileSync(fixture("karate/karate-edges.csv"), "utf8").trim().split("\n");
  const n = 34;
  const w = new Float64Array(n * n);
  for (const line of lines.slice(1)) {
    const [a, b] = line.split(",").map(Number) as [number, number];
    w[(a - 1) * n + (b - 1)] = 1;
    w[(b - 1) * n + (a - 1)] = 1;
  }
  return { w, n, edges: lines.length - 1 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

describe("Louvain on Zachary's karate club", () => {
  const { w, n, edges } = karate();
  const runner = new LouvainRunner(w, n);
  const runs = Array.from({ length: 200 }, (_, s) => runner.run(s + 1));
  const qs = runs.map((r) => modularity(w, n, r.membership));

  it("reads the 78 edges of the published list", () => {
    expect(edges).toBe(78);
    expect(runner.edgeCount).toBe(78);
  });

  it("median modularity over 200 seeds ≥ 0.418, best ≥ 0.4197 (optimum 0.4198)", () => {
    expect(median(qs)).toBeGreaterThanOrEqual(0.418);
    const best = Math.max(...qs);
    expect(best).toBeGreaterThanOrEqual(0.4197);
    // Never above the proven optimum (Brandes et al. 2008): a check on the modularity formula.
    expect(best).toBeLessThan(0.41981);
    // The optimum has four communities.
    const top = runs[qs.indexOf(best)] as { membership: Int32Array };
    expect(communityCount(top.membership)).toBe(4);
  });

  it("our modularity equals the library's for every run", () => {
    runs.forEach((r, k) => {
      expect(qs[k]).toBeCloseTo(r.modularity, 10);
    });
  });

  it("the same seed gives the same partition; seeds differ", () => {
    for (const s of [1, 7, 123]) {
      expect(partitionKey(runner.run(s).membership)).toBe(
        partitionKey((runs[s - 1] as { membership: Int32Array }).membership),
      );
      expect(new LouvainRunner(w, n).run(s).membership).toEqual(runner.run(s).membership);
    }
    expect(new Set(runs.map((r) => partitionKey(r.membership))).size).toBeGreaterThan(1);
  });

  it("resolution: a higher γ gives more communities; modularity matches the library's at γ", () => {
    const low = runner.run(1, 0.5);
    const high = runner.run(1, 2);
    expect(communityCount(high.membership)).toBeGreaterThan(communityCount(low.membership));
    expect(modularity(w, n, high.membership, 2)).toBeCloseTo(high.modularity, 10);
    expect(modularity(w, n, low.membership, 0.5)).toBeCloseTo(low.modularity, 10);
  });

  it("consensus: deterministic, at least as good as the median run, stabilities in [0, 1]", () => {
    const c = consensusPartition(w, n, { seeds: 50 });
    const again = consensusPartition(w, n, { seeds: 50 });
    expect(again.membership).toEqual(c.membership);
    expect(c.converged).toBe(true);
    expect(c.modularity).toBeGreaterThanOrEqual(median([...c.runModularity]));
    for (const s of c.stability) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    // Instructor (1) and administrator (34) end in different communities.
    expect(c.membership[0]).not.toBe(c.membership[33]);
  });
});

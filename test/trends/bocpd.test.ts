import { describe, expect, it } from "vitest";
import { bocpd } from "../../src/trends/bocpd.js";
import { detectChangepoints } from "../../src/trends/changepoints.js";
import { countModel, estimateSize } from "../../src/trends/count-model.js";
import { mulberry32, negbin } from "./simulate.js";

/**
 * Overdispersed counts like a dyad's monthly GDELT events: 120 periods, the rate per average
 * source volume doubles from 20 to 40 at t = 60, negative binomial with size 10 (variance 3× the
 * mean before, 5× after), and a source volume that grows 1% a period with ±20% noise. The
 * counts are dyad events ∝ rate × volume, so the volume growth alone must not look like a change.
 */
function simulate(seed: number): { counts: number[]; volume: number[] } {
  const u = mulberry32(seed);
  const counts: number[] = [];
  const volume: number[] = [];
  for (let t = 0; t < 120; t++) {
    const v = 1e5 * (1 + 0.01 * t) * (0.8 + 0.4 * u());
    volume.push(v);
    const rate = t < 60 ? 20 : 40;
    counts.push(negbin(u, (rate * v) / 1.6e5, 10));
  }
  return { counts, volume };
}

describe("count change points (Adams & MacKay with negative-binomial and Poisson models)", () => {
  it("finds a doubling at t = 60 within ±3 in ≥ 90% of 200 seeded runs; Poisson raises false alarms", () => {
    const hits = { negbin: 0, poisson: 0 };
    const falseAlarms = { negbin: 0, poisson: 0 };
    for (let run = 0; run < 200; run++) {
      const { counts, volume } = simulate(1000 + run);
      for (const model of ["negbin", "poisson"] as const) {
        const r = detectChangepoints(counts, { method: `bocpd-${model}`, volume });
        const idx = r.changepoints.map((c) => c.index);
        if (idx.some((c) => Math.abs(c - 60) <= 3)) hits[model]++;
        if (idx.some((c) => Math.abs(c - 60) > 3)) falseAlarms[model]++;
      }
    }
    // Measured: negbin 194/200 hits, 10 runs with a false alarm; Poisson 193 hits, 197 runs
    // with false alarms (docs/trends.md).
    expect(hits.negbin / 200).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarms.negbin / 200).toBeLessThanOrEqual(0.1);
    expect(falseAlarms.poisson / 200).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("gives the probability of a change since T from the run-length posterior", () => {
    const { counts, volume } = simulate(7);
    const r = detectChangepoints(counts, { method: "bocpd-negbin", volume });
    const since = r.changeSince as number[];
    expect(since).toHaveLength(120);
    expect(since[0]).toBe(0);
    expect(since[50]).toBeGreaterThan(0.95);
    expect(since[70]).toBeLessThan(0.5);
    expect(since[100]).toBeLessThan(0.1);
    for (let t = 2; t < 120; t++)
      expect(since[t]).toBeLessThanOrEqual((since[t - 1] as number) + 1e-12);
    expect(r.changepoints[0]?.lower).toBeLessThanOrEqual(r.changepoints[0]?.index as number);
  });

  it("estimates the dispersion from successive differences, and without volume the growth shows", () => {
    const { counts, volume } = simulate(11);
    const m = countModel("negbin", { counts, volume });
    expect(m.size).toBeGreaterThan(5);
    expect(m.size).toBeLessThan(20);
    expect(estimateSize([5, 5, 5, 5], [1, 1, 1, 1], 5)).toBe(Number.POSITIVE_INFINITY);
    // The posterior sums to one and is a distribution over where the current run began.
    const r = bocpd(m);
    const total = r.startPosterior.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(() => countModel("poisson", { counts: [1, 2.5] })).toThrow(/whole numbers/);
  });
});

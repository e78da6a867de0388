/**
 * CROPS, changepoints for a range of penalties (Haynes, Eckley & Fearnhead 2017): every distinct
 * optimal segmentation for β in [βmin, βmax], found with O(number of solutions) PELT runs.
 * Between two solutions with m₁ > m₀ change points and costs Q₁ < Q₀, the penalty at which they
 * tie is (Q₀ − Q₁)/(m₁ − m₀); a run there either finds a new solution or proves none lies between.
 * A user sees how many change points each penalty gives, and so how robust the answer is.
 */
import { type PeltOptions, pelt, type Segmentation } from "./pelt.js";
import type { SegmentCost } from "./segment-cost.js";

export interface CropsSolution extends Segmentation {
  /** This segmentation is optimal for penalties in [penaltyFrom, penaltyTo]. */
  readonly penaltyFrom: number;
  readonly penaltyTo: number;
}

export function crops(
  cost: SegmentCost,
  range: { readonly min: number; readonly max: number },
  opts: Omit<PeltOptions, "penalty"> = {},
): CropsSolution[] {
  if (!(range.min >= 0) || !(range.max >= range.min)) {
    throw new RangeError(`bad penalty range [${range.min}, ${range.max}]`);
  }
  const run = (beta: number) => pelt(cost, { ...opts, penalty: beta });
  const found = new Map<number, Segmentation>();
  const keep = (s: Segmentation) => {
    if (!found.has(s.changepoints.length)) found.set(s.changepoints.length, s);
  };
  const lo = run(range.min);
  const hi = run(range.max);
  keep(lo);
  keep(hi);
  const stack: Array<[Segmentation, Segmentation]> = [[lo, hi]];
  while (stack.length) {
    const [a, b] = stack.pop() as [Segmentation, Segmentation];
    const ma = a.changepoints.length;
    const mb = b.changepoints.length;
    if (ma <= mb + 1) continue;
    const beta = (b.cost - a.cost) / (ma - mb);
    const mid = run(beta);
    const mm = mid.changepoints.length;
    if (mm !== mb && mm !== ma) {
      keep(mid);
      stack.push([a, mid], [mid, b]);
    }
  }
  const sols = [...found.values()].sort((x, y) => y.changepoints.length - x.changepoints.length);
  // Each solution holds from the tie with the next richer one up to the tie with the next poorer.
  return sols.map((s, i) => {
    const richer = sols[i - 1];
    const poorer = sols[i + 1];
    const tie = (r: Segmentation, p: Segmentation) =>
      (p.cost - r.cost) / (r.changepoints.length - p.changepoints.length);
    return {
      ...s,
      penaltyFrom: richer ? Math.max(range.min, tie(richer, s)) : range.min,
      penaltyTo: poorer ? Math.min(range.max, tie(s, poorer)) : range.max,
    };
  });
}

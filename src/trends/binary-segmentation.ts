/**
 * Binary segmentation (Scott & Knott 1974; Vostrikova 1981), greedy as in R's changepoint
 * `BinSeg`: split the segment whose best single split lowers the cost most, and stop at the first
 * split that gains no more than the penalty β, or after `maxChanges` (changepoint's Q, default 5)
 * splits. Approximate, unlike PELT; kept because it was the best default method of the Turing
 * change-point benchmark (van den Burg & Williams 2020).
 */
import { type Segmentation, segmentationCost, segmentCostFn } from "./pelt.js";
import type { SegmentCost } from "./segment-cost.js";

export interface BinSegOptions {
  readonly penalty: number;
  readonly perSegmentLog?: boolean;
  readonly minSegLen?: number;
  /** Most change points to return (default 5, changepoint's Q). */
  readonly maxChanges?: number;
}

interface Split {
  readonly s: number;
  readonly e: number;
  readonly at: number;
  readonly gain: number;
}

function bestSplit(c: (s: number, e: number) => number, s: number, e: number, m: number): Split {
  const whole = c(s, e);
  let gain = Number.NEGATIVE_INFINITY;
  let at = -1;
  for (let t = s + m; t <= e - m; t++) {
    const g = whole - c(s, t) - c(t, e);
    if (g > gain) {
      gain = g;
      at = t;
    }
  }
  return { s, e, at, gain };
}

export function binarySegmentation(cost: SegmentCost, opts: BinSegOptions): Segmentation {
  const n = cost.n;
  const m = Math.max(1, Math.floor(opts.minSegLen ?? 1));
  const q = opts.maxChanges ?? 5;
  const c = segmentCostFn(cost, opts.perSegmentLog === true);
  const cps: number[] = [];
  let open: Split[] = [bestSplit(c, 0, n, m)];
  while (cps.length < q) {
    let best: Split | undefined;
    for (const sp of open) if (sp.at >= 0 && (!best || sp.gain > best.gain)) best = sp;
    if (!best || !(best.gain > opts.penalty)) break;
    cps.push(best.at);
    const chosen = best;
    open = open.filter((sp) => sp !== chosen);
    open.push(bestSplit(c, chosen.s, chosen.at, m), bestSplit(c, chosen.at, chosen.e, m));
  }
  cps.sort((a, b) => a - b);
  return { changepoints: cps, cost: segmentationCost(c, cps, n) };
}

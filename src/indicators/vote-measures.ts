/**
 * The UN voting similarity measures as pure functions of the joint votes (docs/indicators.md (UN
 * voting similarity), METHODS.md "UN General Assembly voting").
 */
/** Voeten vote codes that count: 1 yes, 2 abstain, 3 no. */
export const isValidVote = (v: number): boolean => v === 1 || v === 2 || v === 3;

export interface VoteSimilarity {
  /** Roll calls on which both voted 1–3. */
  readonly n: number;
  /** 1 − mean|x−y|/2 (NaN when n = 0). */
  readonly agree: number;
  /** Signorino–Ritter S with absolute distances, max distance 2: 2·agree − 1. */
  readonly s: number;
  /** Cohen's kappa on the three categories (NaN when n = 0 or p_e = 1). */
  readonly kappa: number;
  /** Scott's pi on the three categories (NaN when n = 0 or p_e = 1). */
  readonly pi: number;
}

/**
 * The five measures from seven sufficient statistics of the joint votes: n roll calls where both
 * voted 1–3, `same` of them with identical votes, `far` with one yes and one no (|x−y| = 2), and
 * the first state's yes/abstain counts (x1, x2) and the second's (y1, y2) over those n roll calls.
 * Writes agree, s, kappa, pi into out[o…o+3]; NaN where undefined.
 */
export function measuresFromStats(
  n: number,
  same: number,
  far: number,
  x1: number,
  x2: number,
  y1: number,
  y2: number,
  out: Float64Array,
  o = 0,
): void {
  if (n === 0) {
    out[o] = out[o + 1] = out[o + 2] = out[o + 3] = Number.NaN;
    return;
  }
  // Σ|x−y|: the n − same − far unequal votes at distance 1, the far ones at distance 2.
  const dist = n - same + far;
  out[o] = 1 - dist / (2 * n);
  out[o + 1] = 1 - dist / n;
  const x3 = n - x1 - x2;
  // p_e = 1 (for kappa and for pi alike) exactly when both states cast one and the same vote on
  // every joint roll call; decided on the counts, not on a rounded float.
  if (same === n && (x1 === n || x2 === n || x3 === n)) {
    out[o + 2] = out[o + 3] = Number.NaN;
    return;
  }
  const po = same / n;
  const px1 = x1 / n;
  const px2 = x2 / n;
  const px3 = x3 / n;
  const py1 = y1 / n;
  const py2 = y2 / n;
  const py3 = (n - y1 - y2) / n;
  const peK = px1 * py1 + px2 * py2 + px3 * py3;
  const m1 = (px1 + py1) / 2;
  const m2 = (px2 + py2) / 2;
  const m3 = (px3 + py3) / 2;
  const peP = m1 * m1 + m2 * m2 + m3 * m3;
  out[o + 2] = (po - peK) / (1 - peK);
  out[o + 3] = (po - peP) / (1 - peP);
}

/**
 * agree, S, kappa and pi into out[0…3] from the joint counts (laid out as in
 * similarityFromCounts) of `n` roll calls.
 */
export function measuresFromCounts(counts: ArrayLike<number>, n: number, out: Float64Array): void {
  const c = (x: number, y: number): number => counts[3 * (x - 1) + (y - 1)] as number;
  measuresFromStats(
    n,
    c(1, 1) + c(2, 2) + c(3, 3),
    c(1, 3) + c(3, 1),
    c(1, 1) + c(1, 2) + c(1, 3),
    c(2, 1) + c(2, 2) + c(2, 3),
    c(1, 1) + c(2, 1) + c(3, 1),
    c(1, 2) + c(2, 2) + c(3, 2),
    out,
  );
}

/**
 * The five measures from the joint counts: `counts[3·(x−1) + (y−1)]` = roll calls on which the
 * first state voted x and the second y (x, y in 1…3).
 */
export function similarityFromCounts(counts: ArrayLike<number>): VoteSimilarity {
  let n = 0;
  for (let i = 0; i < 9; i++) n += counts[i] as number;
  const out = new Float64Array(4);
  measuresFromCounts(counts, n, out);
  return {
    n,
    agree: out[0] as number,
    s: out[1] as number,
    kappa: out[2] as number,
    pi: out[3] as number,
  };
}

/**
 * The measures for two aligned vote vectors (one entry per roll call, Voeten codes). Pairwise
 * deletion: only roll calls where both voted 1, 2 or 3 count.
 */
export function voteSimilarity(x: ArrayLike<number>, y: ArrayLike<number>): VoteSimilarity {
  if (x.length !== y.length) throw new Error("vote vectors differ in length");
  const counts = new Int32Array(9);
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (!isValidVote(a) || !isValidVote(b)) continue;
    const k = 3 * (a - 1) + (b - 1);
    counts[k] = (counts[k] as number) + 1;
  }
  return similarityFromCounts(counts);
}

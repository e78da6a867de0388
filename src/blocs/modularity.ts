/**
 * Weighted modularity with a resolution parameter (Newman & Girvan 2004; Newman 2004 for
 * weights; Reichardt & Bornholdt 2006 for γ):
 *
 *   Q = (1 / 2m) · Σ_ij [ w_ij − γ · k_i · k_j / 2m ] · δ(c_i, c_j)
 *
 * with k_i the strength of node i and 2m = Σ_ij w_ij. Computed per community as
 * Σ_c [ in_c / 2m − γ · (tot_c / 2m)² ], in_c the weight inside c counted both ways.
 */
export function modularity(
  w: Float64Array,
  n: number,
  membership: ArrayLike<number>,
  resolution = 1,
): number {
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, (membership[i] as number) + 1);
  const inside = new Float64Array(k);
  const total = new Float64Array(k);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    const ci = membership[i] as number;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const x = w[row + j] as number;
      if (x === 0) continue;
      twoM += x;
      total[ci] = (total[ci] as number) + x;
      if (membership[j] === ci) inside[ci] = (inside[ci] as number) + x;
    }
  }
  // No edges at all: every partition is as good as any other; modularity is undefined.
  if (twoM === 0) return Number.NaN;
  let q = 0;
  for (let c = 0; c < k; c++) {
    const t = (total[c] as number) / twoM;
    q += (inside[c] as number) / twoM - resolution * t * t;
  }
  return q;
}

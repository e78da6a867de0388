/**
 * Adjusted Rand index of two partitions of the same nodes (Hubert & Arabie 1985, Journal of
 * Classification 2: 193–218): the Rand index corrected for the agreement expected by chance
 * given the group sizes. 1 for identical groupings, about 0 for unrelated ones (it can be
 * negative).
 *
 *   ARI = (Σ_ij C(n_ij, 2) − E) / (½ (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E),
 *   E = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
 *
 * over the contingency table n_ij of the two partitions with row sums a_i and column sums b_j.
 */
export function adjustedRandIndex(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error("partitions differ in length");
  const n = x.length;
  const pair = (m: number): number => (m * (m - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    const key = `${a}\u0000${b}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  }
  let index = 0;
  for (const m of cells.values()) index += pair(m);
  let sumA = 0;
  for (const m of rows.values()) sumA += pair(m);
  let sumB = 0;
  for (const m of cols.values()) sumB += pair(m);
  const expected = n < 2 ? 0 : (sumA * sumB) / pair(n);
  const max = (sumA + sumB) / 2;
  // Both partitions all singletons or both one group: identical, and the formula is 0/0.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

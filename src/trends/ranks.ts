/** Small order statistics shared by the trend tests. */

/** Median of values already sorted ascending (NaN when empty). */
export function sortedMedian(v: ArrayLike<number>): number {
  const n = v.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 ? (v[h] as number) : ((v[h - 1] as number) + (v[h] as number)) / 2;
}

export function median(v: ArrayLike<number>): number {
  return sortedMedian(Float64Array.from(v).sort());
}

/** Sizes of the groups of equal values that hold more than one value. */
export function tieGroups(v: ArrayLike<number>): number[] {
  const s = Float64Array.from(v).sort();
  const out: number[] = [];
  let run = 1;
  for (let i = 1; i <= s.length; i++) {
    if (i < s.length && s[i] === s[i - 1]) run++;
    else {
      if (run > 1) out.push(run);
      run = 1;
    }
  }
  return out;
}

/** Ranks 1..n, ties given the average of their ranks (R's rank(), scipy's rankdata). */
export function averageRanks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (v[a] as number) - (v[b] as number),
  );
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && v[idx[j + 1] as number] === v[idx[i] as number]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k] as number] = avg;
    i = j + 1;
  }
  return r;
}

/** Round half to even, as numpy's round (scipy's Theil–Sen interval indices use it). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

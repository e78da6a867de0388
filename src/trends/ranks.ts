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
  // A typed sort and two binary searches per value: much faster than sorting indices with a
  // comparator, and this runs for every indicator.
  const sorted = Float64Array.from(v).sort();
  const n = sorted.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    r[i] = (first + lo - 1) / 2 + 1;
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

/**
 * The k-th smallest value (0-based) of `a`, reordering `a` in place (Wirth's selection, O(n) on
 * average). Repeated calls on the same array stay correct: each works on any permutation.
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[k] as number;
    let i = lo;
    let j = hi;
    do {
      while ((a[i] as number) < pivot) i++;
      while (pivot < (a[j] as number)) j--;
      if (i <= j) {
        const tmp = a[i] as number;
        a[i] = a[j] as number;
        a[j] = tmp;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k] as number;
}

/** Median by selection (reorders `a`). */
export function selectMedian(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  const upper = selectKth(a, h);
  return n % 2 ? upper : (selectKth(a, h - 1) + upper) / 2;
}

/**
 * Seeded pseudo-random numbers for resampling (bootstrap intervals): the same seed gives the same
 * stream on every machine, so intervals are reproducible. SplitMix32-style mixing of a 32-bit
 * state (Steele, Lea & Flood 2014's SplitMix, 32-bit variant); not for cryptography.
 */
export type Random = () => number;

/** A generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}

/** A 32-bit seed from integers (e.g. two state codes and a year), order-sensitive. */
export function seedOf(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return h >>> 0;
}

/**
 * The q-quantile (0…1) of sorted values, linearly interpolated between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R and numpy). NaN for an empty list.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

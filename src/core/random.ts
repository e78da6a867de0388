/**
 * Seeded pseudo-random numbers, so that every randomised computation (community detection runs)
 * gives the same result for the same seed on every machine (community detection runs, bootstrap
 * intervals).
 *
 * Mersenne Twister (MT19937; Matsumoto & Nishimura 1998) from pure-rand, read as 53-bit uniform
 * doubles. Not pure-rand's xoroshiro128+: it takes a small seed as its state without mixing it,
 * so seeds 0, 1, 2 … start with nearly the same numbers (all about 1.0), which would make
 * "independent" seeded runs alike; MT19937's initialisation spreads the seed over its state.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { mersenne } from "pure-rand/generator/mersenne";

/** Uniform numbers in [0, 1). */
export type Random = () => number;

/** A function returning uniform numbers in [0, 1), the same sequence for the same integer seed. */
export function seededRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${seed} is not an integer`);
  const rng = mersenne(seed);
  return () => uniformFloat64(rng);
}

/**
 * A 32-bit seed from integers (e.g. two state codes and a year), order-sensitive: FNV-1a over the
 * parts with an extra avalanche step, so that neighbouring years get unrelated streams.
 */
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

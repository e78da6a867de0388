/**
 * Seeded pseudo-random numbers, so that every randomised computation (community detection runs)
 * gives the same result for the same seed on every machine.
 *
 * Mersenne Twister (MT19937; Matsumoto & Nishimura 1998) from pure-rand, read as 53-bit uniform
 * doubles. Not pure-rand's xoroshiro128+: it takes a small seed as its state without mixing it,
 * so seeds 0, 1, 2 … start with nearly the same numbers (all about 1.0), which would make
 * "independent" seeded runs alike; MT19937's initialisation spreads the seed over its state.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { mersenne } from "pure-rand/generator/mersenne";

/** A function returning uniform numbers in [0, 1), the same sequence for the same integer seed. */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${seed} is not an integer`);
  const rng = mersenne(seed);
  return () => uniformFloat64(rng);
}

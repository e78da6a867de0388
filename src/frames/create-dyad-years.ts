import { systemMembers } from "../core/crosswalk.js";
import { directedKey, type Frame } from "./frame.js";

export interface DyadYearsOptions {
  /** "all": every pair of COW system members in each year; or the listed pairs. */
  readonly dyads: "all" | ReadonlyArray<readonly [number, number]>;
  readonly from: number;
  readonly to: number;
  /** Both orders of each pair; otherwise one row per pair with ccode1 < ccode2 ("all"). */
  readonly directed?: boolean;
}

/**
 * The dyad-year universe, built before any indicator is added (peacesciencer's
 * create_dyadyears): rows sorted by first state, second state, year.
 *
 * With "all", a pair is in a year when both states were COW system members in some part of that
 * year. Listed pairs keep every year from..to and their order as given (a is the first named).
 */
export function createDyadYears(opts: DyadYearsOptions): Frame {
  // Rows are collected as directedKey numbers: sorting them orders by (a, b, year), and a typed
  // array sorts several times faster than an array of tuples with a comparator.
  const keys: number[] = [];
  if (opts.dyads === "all") {
    for (let y = opts.from; y <= opts.to; y++) {
      const m = systemMembers(y);
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          keys.push(directedKey(m[i] as number, m[j] as number, y));
          if (opts.directed) keys.push(directedKey(m[j] as number, m[i] as number, y));
        }
      }
    }
  } else {
    const seen = new Set<number>();
    for (const [a, b] of opts.dyads) {
      const pairs: Array<[number, number]> = opts.directed
        ? [
            [a, b],
            [b, a],
          ]
        : [[a, b]];
      for (const [x, y] of pairs) {
        const pair = x * 1000 + y;
        if (seen.has(pair)) continue;
        seen.add(pair);
        for (let t = opts.from; t <= opts.to; t++) keys.push(directedKey(x, y, t));
      }
    }
  }
  const sorted = Float64Array.from(keys).sort();
  const a = new Int32Array(sorted.length);
  const b = new Int32Array(sorted.length);
  const year = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i] as number;
    const pair = Math.floor(k / 10000);
    year[i] = k - pair * 10000;
    const first = Math.floor(pair / 1000);
    a[i] = first;
    b[i] = pair - first * 1000;
  }
  return { a, b, year, length: sorted.length, directed: opts.directed === true };
}

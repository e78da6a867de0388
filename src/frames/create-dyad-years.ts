import { systemMembers } from "../core/crosswalk.js";
import type { Frame } from "../indicators/indicator.js";

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
  const rows: Array<[number, number, number]> = [];
  if (opts.dyads === "all") {
    for (let y = opts.from; y <= opts.to; y++) {
      const m = systemMembers(y);
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          rows.push([m[i] as number, m[j] as number, y]);
          if (opts.directed) rows.push([m[j] as number, m[i] as number, y]);
        }
      }
    }
  } else {
    const seen = new Set<string>();
    for (const [a, b] of opts.dyads) {
      const pairs: Array<[number, number]> = opts.directed
        ? [
            [a, b],
            [b, a],
          ]
        : [[a, b]];
      for (const [x, y] of pairs) {
        if (seen.has(`${x}-${y}`)) continue;
        seen.add(`${x}-${y}`);
        for (let t = opts.from; t <= opts.to; t++) rows.push([x, y, t]);
      }
    }
  }
  rows.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  const a = new Int32Array(rows.length);
  const b = new Int32Array(rows.length);
  const year = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as [number, number, number];
    a[i] = r[0];
    b[i] = r[1];
    year[i] = r[2];
  }
  return { a, b, year, length: rows.length };
}

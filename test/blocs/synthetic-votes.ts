/**
 * Synthetic UN roll calls with planted blocs, for tests that need votes with a known answer:
 * on every roll call each group takes a position (yes, abstain or no, at random) and each member
 * follows it with probability `follow`, else votes at random. Seeded: the same call gives the
 * same votes.
 */

import { seededRandom } from "../../src/core/random.js";
import type { StateVotes } from "../../src/indicators/voting-similarity.js";

/** Three planted groups of real COW codes (so names and ISO codes resolve). */
export const WEST = [2, 20, 200, 210, 211, 212, 220, 230, 235, 325];
export const EAST = [365, 290, 310, 315, 355, 360, 339, 700, 710, 712];
export const SOUTH = [750, 770, 771, 850, 651, 652, 630, 645, 615, 600];

export interface SyntheticYear {
  readonly year: number;
  readonly rcids: number[];
  readonly states: StateVotes[];
}

export interface SyntheticOptions {
  readonly year: number;
  readonly groups: ReadonlyArray<readonly number[]>;
  readonly seed: number;
  readonly rollCalls?: number;
  /** First roll-call id (default year · 1000). */
  readonly firstRcid?: number;
  /** Probability that a member votes with its group (default 0.85). */
  readonly follow?: number;
  /** States that vote yes on every roll call. */
  readonly constant?: readonly number[];
  /** States that vote on the first three roll calls only. */
  readonly sparse?: readonly number[];
}

export function syntheticYear(o: SyntheticOptions): SyntheticYear {
  const rand = seededRandom(o.seed);
  const vote = (): number => 1 + Math.floor(rand() * 3);
  const count = o.rollCalls ?? 60;
  const first = o.firstRcid ?? o.year * 1000;
  const rcids = Array.from({ length: count }, (_, k) => first + k);
  const votes = new Map<number, number[]>();
  for (const g of o.groups) for (const s of g) votes.set(s, []);
  for (let k = 0; k < count; k++) {
    for (const g of o.groups) {
      const position = vote();
      for (const s of g) votes.get(s)?.push(rand() < (o.follow ?? 0.85) ? position : vote());
    }
  }
  const states: StateVotes[] = [...votes].map(([ccode, v]) => ({ ccode, rcids, votes: v }));
  for (const c of o.constant ?? []) states.push({ ccode: c, rcids, votes: rcids.map(() => 1) });
  for (const c of o.sparse ?? []) {
    states.push({ ccode: c, rcids: rcids.slice(0, 3), votes: [1, 3, 1] });
  }
  return { year: o.year, rcids, states };
}

/**
 * Votes in the Voeten layout ("rcid","session","ccode","vote"), session = year − 1945 (no
 * roll-call file, so the loader takes the year from the session).
 */
export function voetenCsv(years: readonly SyntheticYear[]): string {
  const lines = ['"rcid","session","ccode","vote"'];
  for (const y of years) {
    for (const s of y.states) {
      s.rcids.forEach((rc, k) => {
        lines.push(`${rc},${y.year - 1945},${s.ccode},${s.votes[k]}`);
      });
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Which members of a bloc are its "largest", for ordering members and naming blocs.
 *
 * By CINC (COW National Material Capabilities, a state's share of the system's capabilities)
 * when the store holds NMC rows for the year: a measure of size that exists for every state-year
 * since 1816 in one unit, unlike GDP series, whose coverage and money units differ by source.
 * States without a CINC value that year come after those with one. Ties, and every state in a
 * year without NMC data, are ordered by strength in the network (the sum of the state's positive
 * similarities: how aligned it is with the rest), then by COW code.
 */
import { stateByCcode } from "../core/crosswalk.js";
import type { Store } from "../store/store.js";

/** CINC per year and state for the years from…to (years without NMC rows are absent). */
export async function readCinc(
  store: Store,
  from: number,
  to: number,
): Promise<Map<number, Map<number, number>>> {
  const rows = await store.query<{ ccode: number; year: number; cinc: number }>(
    `SELECT ccode, year, cinc FROM nmc
     WHERE year BETWEEN $1 AND $2 AND cinc IS NOT NULL AND ccode IS NOT NULL`,
    [from, to],
  );
  const out = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const year = Number(r.year);
    let m = out.get(year);
    if (!m) {
      m = new Map();
      out.set(year, m);
    }
    m.set(Number(r.ccode), Number(r.cinc));
  }
  return out;
}

export interface RankInput {
  readonly ccode: number;
  readonly strength: number;
}

/** Members from largest to smallest (see the file comment); `cinc` null: no NMC that year. */
export function rankMembers<T extends RankInput>(
  members: readonly T[],
  cinc: ReadonlyMap<number, number> | null,
): T[] {
  const size = (m: T): number => cinc?.get(m.ccode) ?? Number.NEGATIVE_INFINITY;
  return [...members].sort(
    (p, q) => size(q) - size(p) || q.strength - p.strength || p.ccode - q.ccode,
  );
}

/** Short code of a state for labels: ISO alpha-3, else the COW abbreviation, else the code. */
export function stateCode(ccode: number): string {
  const s = stateByCcode(ccode);
  return s?.iso3 ?? s?.cowAbb ?? String(ccode);
}

/** A bloc's label: its three largest members, and how many more it has ("USA, JPN, DEU +56"). */
export function blocLabel(rankedCcodes: readonly number[], shown = 3): string {
  const head = rankedCcodes.slice(0, shown).map(stateCode).join(", ");
  const more = rankedCcodes.length - shown;
  return more > 0 ? `${head} +${more}` : head;
}

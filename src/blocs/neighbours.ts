/**
 * A state's closest neighbours in a year's similarity network, with how each pair's similarity
 * changed over the previous decade (docs/blocs.md).
 */
import { stateByCcode } from "../core/crosswalk.js";
import { BadInputError } from "../core/errors.js";
import { stateRef } from "../frames/dyad.js";
import type { StateRef } from "../frames/dyad-result.js";
import type { Store } from "../store/store.js";
import { yearNetwork } from "./blocs.js";
import { type BlocMeasure, type BlocMeasureName, blocMeasure } from "./measures.js";
import { type SimilarityNetwork, similarityOf } from "./similarity-network.js";

export interface Neighbour {
  rank: number;
  ccode: number;
  iso3: string | null;
  name: string;
  /** The measure between the state and this neighbour in the year. */
  similarity: number;
  /** The same ten years earlier (null: no value then). */
  before: number | null;
  /** similarity − before (null when before is). */
  change: number | null;
}

/** The shape of `entente neighbours --json`. */
export interface NeighboursResult {
  state: StateRef;
  year: number;
  measure: string;
  /** The year `before` and `change` refer to: year − 10. */
  beforeYear: number;
  neighbours: Neighbour[];
}

export interface NeighboursOptions {
  readonly year?: number;
  readonly measure?: BlocMeasureName | BlocMeasure;
  /** How many neighbours (default 20). */
  readonly top?: number;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The states most aligned with `state` in the year (default: the last year covered). */
export async function neighbours(
  store: Store,
  state: string | number,
  opts: NeighboursOptions = {},
): Promise<NeighboursResult> {
  const top = opts.top ?? 20;
  if (!Number.isInteger(top) || top < 1) {
    throw new BadInputError("bad_top", `--top ${top} is not a positive whole number`);
  }
  const measure = blocMeasure(opts.measure);
  const net = await yearNetwork(store, { measure, ...(opts.year ? { year: opts.year } : {}) });
  const ref = stateRef(state, net.year);
  if (net.nodes.indexOf(ref.ccode) < 0) {
    throw new BadInputError("no_data", `${ref.name} has no ${measure.name} value in ${net.year}`, {
      hint: "It cast no vote that year in the loaded data; try another --year",
    });
  }
  const beforeYear = net.year - 10;
  const past = (await measure.networks(store, beforeYear, beforeYear)).get(beforeYear) ?? null;
  return neighboursIn(net, past, ref, top);
}

/**
 * The neighbours of a state in a network already read (`past`: the network ten years earlier,
 * null when there is none). The state must be a node of `net`.
 */
export function neighboursIn(
  net: SimilarityNetwork,
  past: SimilarityNetwork | null,
  ref: StateRef,
  top: number,
): NeighboursResult {
  const i = net.nodes.indexOf(ref.ccode);
  const n = net.nodes.length;
  const found: Neighbour[] = [];
  for (let j = 0; j < n; j++) {
    const s = net.similarity[i * n + j] as number;
    if (j === i || Number.isNaN(s)) continue;
    const ccode = net.nodes[j] as number;
    const b = past ? similarityOf(past, ref.ccode, ccode) : Number.NaN;
    const info = stateByCcode(ccode);
    found.push({
      rank: 0,
      ccode,
      iso3: info?.iso3 ?? null,
      name: info?.name ?? String(ccode),
      similarity: round(s),
      before: Number.isNaN(b) ? null : round(b),
      change: Number.isNaN(b) ? null : round(s - b),
    });
  }
  found.sort((p, q) => q.similarity - p.similarity || p.ccode - q.ccode);
  const list = found.slice(0, top);
  list.forEach((nb, k) => {
    nb.rank = k + 1;
  });
  return {
    state: ref,
    year: net.year,
    measure: net.measure,
    beforeYear: net.year - 10,
    neighbours: list,
  };
}

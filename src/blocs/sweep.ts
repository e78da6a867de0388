/**
 * Resolution sweep: the consensus blocs of one year at several resolutions γ. Modularity at
 * γ = 1 cannot see groups below a size set by the network's total weight (Fortunato &
 * Barthélemy 2007), and UN voting networks are dense; Macon, Mucha & Porter (2012) therefore
 * read their communities across resolutions. A range of γ over which the number of blocs and the
 * stability hold steady is a partition the data support; one that changes with every step is not.
 */
import { BadInputError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { type BlocsOptions, detectBlocs, yearNetwork } from "./blocs.js";
import { readCinc } from "./member-rank.js";
import type { SimilarityNetwork } from "./similarity-network.js";

export interface SweepPoint {
  resolution: number;
  /** Blocs with more than one member. */
  blocs: number;
  /** States alone in a bloc of their own. */
  singletons: number;
  /** Modularity of the consensus partition at this γ (null: no positive tie). */
  modularity: number | null;
  /** Mean stability over all states. */
  meanStability: number;
  /** Labels of the blocs with more than one member, largest first. */
  labels: string[];
}

export interface SweepResult {
  year: number;
  measure: string;
  points: SweepPoint[];
}

/** Resolutions from…to by step, inclusive (rounded to 6 decimals against float drift). */
export function resolutionRange(from: number, to: number, step: number): number[] {
  if (!(from > 0) || !(to >= from) || !(step > 0)) {
    throw new BadInputError("bad_resolution", `Resolution range ${from}:${to}:${step} is empty`, {
      hint: "Write --sweep FROM:TO:STEP with 0 < FROM ≤ TO and STEP > 0, e.g. 0.5:2:0.25",
    });
  }
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > 200) {
    throw new BadInputError(
      "bad_resolution",
      `Resolution range ${from}:${to}:${step} has ${n} steps`,
      {
        hint: "Use at most 200 steps",
      },
    );
  }
  return Array.from({ length: n }, (_, k) => Math.round((from + k * step) * 1e6) / 1e6);
}

/** The sweep over one network (pure). */
export function sweepNetwork(
  net: SimilarityNetwork,
  resolutions: readonly number[],
  opts: Omit<BlocsOptions, "resolution" | "measure"> = {},
  cinc: ReadonlyMap<number, number> | null = null,
): SweepResult {
  const points = resolutions.map((resolution) => {
    const { result } = detectBlocs(net, { ...opts, resolution }, cinc);
    const multi = result.blocs.filter((b) => b.members.length > 1);
    let sum = 0;
    let count = 0;
    for (const b of result.blocs) {
      for (const m of b.members) {
        sum += m.stability;
        count += 1;
      }
    }
    return {
      resolution,
      blocs: multi.length,
      singletons: result.blocs.length - multi.length,
      modularity: result.modularity,
      meanStability: count ? Math.round((sum / count) * 1e4) / 1e4 : 1,
      labels: multi.map((b) => b.label),
    };
  });
  return { year: net.year, measure: net.measure, points };
}

/** `entente blocs --year Y --sweep FROM:TO:STEP`. */
export async function resolutionSweep(
  store: Store,
  opts: Omit<BlocsOptions, "resolution"> & {
    readonly year?: number;
    readonly resolutions: readonly number[];
  },
): Promise<SweepResult> {
  const network = await yearNetwork(store, opts);
  const cinc = (await readCinc(store, network.year, network.year)).get(network.year) ?? null;
  return sweepNetwork(network, opts.resolutions, opts, cinc);
}

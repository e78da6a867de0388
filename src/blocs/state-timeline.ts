/**
 * The blocs of chosen states over a range of years: one row per state-year, with the id a bloc
 * keeps across the years (track.ts) and its label, as in `entente blocs --from --to --out
 * timeline.csv`, for a few states instead of all. What the dashboard's bloc timeline draws.
 */
import { BadInputError } from "../core/errors.js";
import { stateRef } from "../frames/dyad.js";
import type { StateRef } from "../frames/dyad-result.js";
import type { Store } from "../store/store.js";
import { type BlocsOptions, blocTimeline, type TimelineRow, timelineRows } from "./blocs.js";
import { blocMeasure } from "./measures.js";

export interface StateTimelineOptions extends BlocsOptions {
  /** Codes or names of the states to follow (at least one). */
  readonly states: ReadonlyArray<string | number>;
  /** First and last year (default: the years the measure covers). */
  readonly from?: number;
  readonly to?: number;
}

/** The shape of GET /api/blocs/timeline. */
export interface StateTimeline {
  measure: string;
  from: number;
  to: number;
  /** Years in from…to in which the measure has a network, ascending. */
  years: number[];
  /** The states asked for, as resolved, in the order asked. */
  states: StateRef[];
  /**
   * One row per state and covered year in which the state has a value (by year, then COW code);
   * `bloc` is the tracked id, `label` the bloc's label that year, `size` its member count.
   */
  rows: TimelineRow[];
}

export async function stateTimeline(
  store: Store,
  opts: StateTimelineOptions,
): Promise<StateTimeline> {
  if (opts.states.length === 0) {
    throw new BadInputError("bad_states", "Name at least one state to follow", {
      hint: "e.g. states=RUS,CHN",
    });
  }
  const measure = blocMeasure(opts.measure);
  let { from, to } = opts;
  if (from === undefined || to === undefined) {
    const years = await measure.years(store);
    if (years.length === 0) {
      throw new BadInputError("no_data", `No data for --measure ${measure.name} in the store`, {
        hint: "Load UN votes first with `entente ingest <dir>`",
      });
    }
    from ??= years[0] as number;
    to ??= years.at(-1) as number;
  }
  const states = opts.states.map((s) => stateRef(s, to));
  const wanted = new Set(states.map((s) => s.ccode));
  const years = await blocTimeline(store, { ...opts, measure, from, to });
  return {
    measure: measure.name,
    from,
    to,
    years: years.map((y) => y.result.year),
    states,
    rows: timelineRows(years.map((y) => y.result)).filter((r) => wanted.has(r.ccode)),
  };
}

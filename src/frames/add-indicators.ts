import {
  type CompositeWeights,
  computeComposites,
  DEFAULT_WEIGHTS,
  UN_MEASURE_INPUTS,
} from "../indicators/composite.js";
import type {
  Column,
  EventFilter,
  Family,
  FamilyComputer,
  IndicatorDef,
  UnVoteSource,
} from "../indicators/indicator.js";
import { selectIndicators } from "../indicators/registry.js";
import type { Store } from "../store/store.js";
import { type Frame, periodKind } from "./frame.js";

/** Frames up to this many rows compute their families concurrently. */
const CONCURRENT_ROWS = 20_000;

export interface IndicatorColumns {
  readonly frame: Frame;
  readonly indicators: readonly IndicatorDef[];
  /** One column per shown indicator, aligned with the frame (NaN = null). */
  readonly values: Readonly<Record<string, Column>>;
  /** For each shown composite with coverage, per row the components that entered (or are missing). */
  readonly coverage: Readonly<Record<string, readonly string[]>>;
}

export interface AddIndicatorsOptions {
  readonly indicators?: string | readonly string[];
  readonly weights?: CompositeWeights;
  /** Filters for GDELT events (root events only, minimum sources/articles). */
  readonly events?: EventFilter;
  /** Which UN General Assembly votes the UN measures read (default auto). */
  readonly unVotes?: UnVoteSource;
  /** Compute the interval columns of the selected families and composites (costly for panels). */
  readonly intervals?: boolean;
  /** Opt-in families to add to the default selection (un_ideal when a fit is stored). */
  readonly optIn?: readonly Family[];
  /** Told before each family is computed, for a progress line. */
  readonly onStep?: (step: { family: string; index: number; of: number; rows: number }) => void;
}

/**
 * Add indicator columns to a frame (left joins: the frame's rows never change). Families are
 * computed together for a small frame, one after another for a large one; composites from their
 * columns. Each family fills only its own columns, so the order changes nothing.
 */
export async function addIndicators(
  store: Store,
  frame: Frame,
  opts: AddIndicatorsOptions = {},
): Promise<IndicatorColumns> {
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const sel = selectIndicators(opts.indicators, periodKind(frame), {
    intervals: opts.intervals === true,
    compositeInputs: UN_MEASURE_INPUTS[weights.unMeasure ?? "pi"],
    ...(opts.optIn ? { optIn: opts.optIn } : {}),
  });
  const all: Record<string, Column> = {};
  const compute = (fam: FamilyComputer, index: number) => {
    opts.onStep?.({ family: fam.family, index, of: sel.families.length, rows: frame.length });
    return fam.compute(store, frame, {
      wanted: sel.needed,
      ...(opts.events ? { events: opts.events } : {}),
      ...(opts.unVotes ? { unVotes: opts.unVotes } : {}),
    });
  };
  // A small frame (a dyad's years) computes its families at once: one family's JavaScript runs
  // while another's query does. A large one (a panel) one after another, to bound memory.
  const results =
    frame.length <= CONCURRENT_ROWS
      ? await Promise.all(sel.families.map(compute))
      : await sel.families.reduce<Promise<Array<Record<string, Column>>>>(
          async (done, fam, index) => [...(await done), await compute(fam, index)],
          Promise.resolve([]),
        );
  for (const [index, fam] of sel.families.entries()) {
    const cols = results[index] as Record<string, Column>;
    for (const def of fam.indicators) {
      const col = cols[def.name];
      if (!col || col.length !== frame.length) {
        throw new Error(
          `${fam.family} returned ${col?.length ?? "no"} values for ${def.name}; the frame has ${frame.length} rows`,
        );
      }
      all[def.name] = col;
    }
  }
  const coverage: Record<string, readonly string[]> = {};
  if (sel.composites) {
    const c = computeComposites(frame.length, all, weights);
    Object.assign(all, c.values);
    Object.assign(coverage, c.coverage);
  }
  const values: Record<string, Column> = {};
  for (const d of sel.shown) values[d.name] = all[d.name] as Column;
  const shownCoverage: Record<string, readonly string[]> = {};
  for (const d of sel.shown) {
    const comp = coverage[d.name];
    if (comp) shownCoverage[d.name] = comp;
  }
  return { frame, indicators: sel.shown, values, coverage: shownCoverage };
}

/** A column value as output: null for NaN (never NaN or Infinity). */
export function outValue(col: Column, i: number): number | null {
  const v = col[i] as number;
  return Number.isFinite(v) ? v : null;
}

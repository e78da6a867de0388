import { resolveCountry, stateByCcode } from "../core/crosswalk.js";
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { yearNotes } from "../core/succession.js";
import { checkYear } from "../core/years.js";
import type { CompositeWeights } from "../indicators/composite.js";
import { indicatorFit } from "../indicators/ideal-points.js";
import type { EventFilter, UnVoteSource } from "../indicators/indicator.js";
import type { Store } from "../store/store.js";
import { addIndicators, outValue } from "./add-indicators.js";
import { loadedYearRange } from "./coverage.js";
import { createDyadYears } from "./create-dyad-years.js";
import type { DyadResult, DyadRow, StateRef } from "./dyad-result.js";
import { type PeriodKind, periodCode, periodLabel } from "./frame.js";
import { expandPeriods } from "./periods.js";

export interface DyadOptions {
  readonly from?: number;
  readonly to?: number;
  /** Indicator and family names (default: all). */
  readonly indicators?: string | readonly string[];
  readonly weights?: CompositeWeights;
  /** Rows per year (default), quarter or month; sub-year periods carry event indicators only. */
  readonly period?: PeriodKind;
  /** Event indicators count a → b only (default: both directions). */
  readonly directed?: boolean;
  readonly events?: EventFilter;
  /** Which UN General Assembly votes the UN measures read (default auto). */
  readonly unVotes?: UnVoteSource;
  /** Bootstrap intervals of the UN measures and the composites (default true: one pair is cheap). */
  readonly intervals?: boolean;
  /** Trends and change points of every indicator (the `trends` block; default true). */
  readonly trends?: boolean;
}

export function stateRef(input: string | number, year?: number): StateRef {
  const r = resolveCountry(input, year === undefined ? {} : { year });
  const s = stateByCcode(r.ccode);
  return { ccode: r.ccode, iso3: r.iso3 ?? s?.iso3 ?? null, name: s?.name ?? r.name };
}

/** Year range for a request: given bounds, else the years the loaded data cover. */
export async function yearRange(
  store: Store,
  from?: number,
  to?: number,
): Promise<{ from: number; to: number }> {
  if (from !== undefined) checkYear(from, "from");
  if (to !== undefined) checkYear(to, "to");
  const loaded = from === undefined || to === undefined ? await loadedYearRange(store) : null;
  const lo = from ?? loaded?.from;
  const hi = to ?? loaded?.to;
  if (lo === undefined || hi === undefined) {
    throw new BadInputError("no_data", "No data loaded and no --from/--to given", {
      hint: "Load data first with `entente ingest <dir>`",
    });
  }
  if (lo > hi) throw new BadInputError("bad_years", `--from ${lo} is after --to ${hi}`);
  return { from: lo, to: hi };
}

/** All indicators for one dyad, a year (or period) per row (a is the first state named). */
export async function dyad(
  store: Store,
  a: string | number,
  b: string | number,
  opts: DyadOptions = {},
): Promise<DyadResult> {
  const sa = stateRef(a, opts.to);
  const sb = stateRef(b, opts.to);
  if (sa.ccode === sb.ccode) {
    throw new BadInputError("same_state", `${sa.name} is given twice`, {
      hint: "Name two different states",
    });
  }
  const kind = opts.period ?? "year";
  // The ideal points are part of a dyad's default indicators once a fit of the votes is stored;
  // whether one is, asked at the same time as the years the loaded data cover.
  const [{ from, to }, fit] = await Promise.all([
    yearRange(store, opts.from, opts.to),
    opts.indicators === undefined && kind === "year" ? indicatorFit(store) : null,
  ]);
  const withIdeal = !!fit;
  const notes = [...yearNotes(a, from, to), ...yearNotes(b, from, to)];
  const years = createDyadYears({ dyads: [[sa.ccode, sb.ccode]], from, to });
  const frame = expandPeriods({ ...years, directed: opts.directed === true }, kind);
  const cols = await addIndicators(store, frame, {
    ...defined({
      indicators: opts.indicators,
      weights: opts.weights,
      events: opts.events,
      unVotes: opts.unVotes,
    }),
    intervals: opts.intervals ?? true,
    ...(withIdeal ? { optIn: ["un_ideal"] as const } : {}),
  });
  const rows: DyadRow[] = [];
  for (let i = 0; i < frame.length; i++) {
    const row: DyadRow =
      kind === "year"
        ? { year: frame.year[i] as number }
        : { period: periodLabel(kind, periodCode(frame, i)) };
    for (const d of cols.indicators) {
      row[d.name] = outValue(cols.values[d.name] as Float64Array, i);
      const comp = cols.coverage[d.name];
      if (comp) row[`${d.name}_coverage`] = comp[i] as string;
    }
    rows.push(row);
  }
  const result: DyadResult = {
    dyad: { a: sa, b: sb, directed: opts.directed === true },
    period: kind,
    indicators: cols.indicators.map(({ name, description, unit, source, citation }) => ({
      name,
      description,
      unit,
      source,
      citation,
    })),
    rows,
    notes,
  };
  // Loaded only when asked for: the change-point searches are not needed by a table or CSV.
  if (opts.trends !== false) result.trends = (await import("./dyad-trends.js")).dyadTrends(result);
  return result;
}

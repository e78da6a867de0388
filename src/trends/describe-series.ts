/**
 * Everything `entente trend` says about one series: its change points with intervals, the
 * segments between them with their means and trends, and the trend over the whole span. Rows
 * may be missing (null); indices are rows, trends use the observed values with their times.
 */
import type { ChangepointOptions, Segment } from "./changepoints.js";
import { changepointsOnRows, observed, type RowChangepoints } from "./observed.js";
import { type Trend, trend } from "./trend.js";

export interface SegmentWithTrend extends Segment {
  readonly trend: Trend | null;
}

export interface SeriesDescription extends Omit<RowChangepoints, "segments"> {
  /** Observed values. */
  readonly n: number;
  readonly segments: SegmentWithTrend[];
  readonly trend: Trend | null;
}

/** `time`: the time of each row (years for yearly series); default 0, 1, …. */
export function describeSeries(
  values: ReadonlyArray<number | null>,
  time?: ArrayLike<number>,
  opts: ChangepointOptions = {},
): SeriesDescription {
  const t = time ?? Float64Array.from({ length: values.length }, (_, i) => i);
  const level = opts.level ?? 0.95;
  const obs = observed(values);
  const times = Float64Array.from(obs.rows, (r) => t[r] as number);
  const cp = changepointsOnRows(values, opts);
  const within = (s: Segment) => {
    const y: number[] = [];
    const u: number[] = [];
    obs.rows.forEach((r, i) => {
      if (r >= s.start && r <= s.end) {
        y.push(obs.values[i] as number);
        u.push(times[i] as number);
      }
    });
    return trend(y, u, { level });
  };
  return {
    ...cp,
    n: obs.values.length,
    segments: cp.segments.map((s) => ({ ...s, trend: within(s) })),
    trend: trend(obs.values, times, { level }),
  };
}

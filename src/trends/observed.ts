/**
 * Series with gaps. The methods run on the observed values in order; results are mapped back to
 * row positions, so an index always names a row of the input (as a file's data row, or a year
 * of a dyad), and the rows that were skipped are listed.
 */
import {
  type Changepoint,
  type ChangepointOptions,
  type ChangepointResult,
  detectChangepoints,
  type Segment,
} from "./changepoints.js";

export interface Observed {
  /** The non-missing values, in order. */
  readonly values: Float64Array;
  /** Row of each observed value. */
  readonly rows: Int32Array;
  /** Rows whose value is missing (null or NaN). */
  readonly missing: number[];
}

export function observed(values: ReadonlyArray<number | null>): Observed {
  const x: number[] = [];
  const rows: number[] = [];
  const missing: number[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) missing.push(i);
    else {
      x.push(v);
      rows.push(i);
    }
  });
  return { values: Float64Array.from(x), rows: Int32Array.from(rows), missing };
}

export interface RowChangepoints extends Omit<ChangepointResult, "changeSince"> {
  /** Rows skipped as missing. */
  readonly missing: number[];
  /** Count methods: P(a change at this row or later), for each observed row after the first. */
  readonly changeSince?: Array<{ readonly index: number; readonly p: number }>;
}

/** Change points of a series with gaps, as row positions. */
export function changepointsOnRows(
  values: ReadonlyArray<number | null>,
  opts: ChangepointOptions = {},
): RowChangepoints {
  const obs = observed(values);
  const row = (i: number) => obs.rows[i] as number;
  const r = detectChangepoints(obs.values, opts);
  const changepoints: Changepoint[] = r.changepoints.map((c) => ({
    index: row(c.index),
    lower: row(c.lower),
    upper: row(c.upper),
  }));
  const segments: Segment[] = r.segments.map((s) => ({
    ...s,
    start: row(s.start),
    end: row(s.end),
  }));
  const { changeSince, ...rest } = r;
  return {
    ...rest,
    changepoints,
    segments,
    missing: obs.missing,
    ...(changeSince
      ? { changeSince: changeSince.slice(1).map((p, i) => ({ index: row(i + 1), p })) }
      : {}),
  };
}

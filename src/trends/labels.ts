/**
 * Change points and segments with the time labels of their rows ("1899", "2016-05"): the shape
 * both `entente changepoints --json` and the dyad trends block print (docs/trends.md).
 */
import type { Changepoint, Segment } from "./changepoints.js";

export interface LabelledChangepoint<L> {
  readonly index: number;
  readonly lower: number;
  readonly upper: number;
  readonly time: L;
  readonly lowerTime: L;
  readonly upperTime: L;
}

export interface LabelledSegment<L> {
  readonly start: number;
  readonly end: number;
  readonly startTime: L;
  readonly endTime: L;
  readonly n: number;
  readonly mean: number;
  readonly sd: number | null;
}

/** A change point, the rows of its interval, and their labels (`label` of a row index). */
export function labelChangepoint<L>(
  c: Changepoint,
  label: (row: number) => L,
): LabelledChangepoint<L> {
  return {
    index: c.index,
    lower: c.lower,
    upper: c.upper,
    time: label(c.index),
    lowerTime: label(c.lower),
    upperTime: label(c.upper),
  };
}

/** A segment's rows, their labels, and its summary. */
export function labelSegment<L>(s: Segment, label: (row: number) => L): LabelledSegment<L> {
  return {
    start: s.start,
    end: s.end,
    startTime: label(s.start),
    endTime: label(s.end),
    n: s.n,
    mean: s.mean,
    sd: s.sd,
  };
}

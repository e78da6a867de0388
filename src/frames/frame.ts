/**
 * The frame every indicator fills: parallel arrays of dyad-years (or dyad-periods), the units of
 * time they are keyed by, and the integer keys families join on. The frames layer owns them;
 * indicator families import them from here.
 */
/**
 * The rows to fill: parallel arrays, one entry per dyad-year. `a` is the first state named (or
 * ccode1 of a panel), `b` the second. The frame never changes; families only fill columns.
 */
export interface Frame {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly year: Int32Array;
  readonly length: number;
  /** Row (a, b) describes a → b only (directed panels); otherwise both directions. */
  readonly directed?: boolean;
  /** Sub-year periods (event data): absent for a dyad-year frame. */
  readonly period?: { readonly kind: Exclude<PeriodKind, "year">; readonly code: Int32Array };
}

export const PERIOD_KINDS = ["year", "quarter", "month"] as const;
/** The unit of time of a frame's rows (`--period`). */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function periodKind(frame: Frame): PeriodKind {
  return frame.period?.kind ?? "year";
}

/** The period code of row i: YYYY, YYYYQ (year*10 + quarter) or YYYYMM (year*100 + month). */
export function periodCode(frame: Frame, i: number): number {
  return frame.period ? (frame.period.code[i] as number) : (frame.year[i] as number);
}

/** How a period code is written: "2016", "2016-Q2", "2016-05". */
export function periodLabel(kind: PeriodKind, code: number): string {
  if (kind === "year") return String(code);
  if (kind === "quarter") return `${Math.floor(code / 10)}-Q${code % 10}`;
  return `${Math.floor(code / 100)}-${String(code % 100).padStart(2, "0")}`;
}

/** Key of an ordered dyad-year (COW codes are below 1000). */
export function directedKey(a: number, b: number, year: number): number {
  return (a * 1000 + b) * 10000 + year;
}

/** Key of an unordered dyad-year: the same for (a, b) and (b, a). */
export function undirectedKey(a: number, b: number, year: number): number {
  return a < b ? directedKey(a, b, year) : directedKey(b, a, year);
}

/** Key of a state-year. */
export function stateYearKey(ccode: number, year: number): number {
  return ccode * 10000 + year;
}

export interface FrameBounds {
  readonly from: number;
  readonly to: number;
  /** The states in the frame, when few enough to filter SQL by; null for large frames. */
  readonly states: readonly number[] | null;
}

/** Year range and states of a frame, to restrict the SQL that feeds a family. */
export function frameBounds(frame: Frame, maxStates = 64): FrameBounds {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const states = new Set<number>();
  for (let i = 0; i < frame.length; i++) {
    const y = frame.year[i] as number;
    if (y < from) from = y;
    if (y > to) to = y;
    if (states.size <= maxStates) {
      states.add(frame.a[i] as number);
      states.add(frame.b[i] as number);
    }
  }
  if (frame.length === 0) return { from: 0, to: -1, states: [] };
  return { from, to, states: states.size > maxStates ? null : [...states].sort((x, y) => x - y) };
}

/** Build a frame from rows (tests, small requests). */
export function frameOf(rows: ReadonlyArray<readonly [number, number, number]>): Frame {
  const a = new Int32Array(rows.length);
  const b = new Int32Array(rows.length);
  const year = new Int32Array(rows.length);
  rows.forEach(([x, y, t], i) => {
    a[i] = x;
    b[i] = y;
    year[i] = t;
  });
  return { a, b, year, length: rows.length };
}

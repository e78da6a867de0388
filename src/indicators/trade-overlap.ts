/**
 * How close COW Trade 4.0 and IMF IMTS are where both cover a dyad-year (1995–2014 by default),
 * to judge the splice of the trade family (docs/sources.md, "Trade: COW and IMTS"). Per
 * undirected dyad, over the years where both give a positive total T (COW: flow1 + flow2; IMTS:
 * each side's imports as the trade family reads them, src/indicators/imts-trade.ts):
 *
 * - n, the years compared;
 * - the Pearson correlation of ln T_COW and ln T_IMTS (null under 3 years or without variance);
 * - the median of |ln(T_IMTS / T_COW)| (0.10 ≈ a 10 % gap).
 *
 * Computed only from what the store holds: with no IMTS rows loaded there is nothing to compare.
 */
import type { Store } from "../store/store.js";
import { imtsImports, loadImts } from "./imts-trade.js";

export interface DyadOverlap {
  readonly ccode1: number;
  readonly ccode2: number;
  readonly n: number;
  readonly logCorrelation: number | null;
  readonly medianAbsLogRatio: number;
}

export interface TradeOverlap {
  readonly from: number;
  readonly to: number;
  readonly dyads: readonly DyadOverlap[];
  /** Dyad-years with a COW and an IMTS total. */
  readonly dyadYears: number;
  /** Median over dyads of their median |log ratio|; null with no dyad. */
  readonly medianAbsLogRatio: number | null;
  /** Median over dyads (with a correlation) of the log correlation. */
  readonly medianLogCorrelation: number | null;
  /** Share of dyad-years where the two totals are within 10 % (|log ratio| ≤ ln 1.1). */
  readonly shareWithin10Percent: number | null;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Pearson correlation; null under 3 pairs or when either side does not vary. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export async function tradeOverlap(
  store: Store,
  opts: { from?: number; to?: number } = {},
): Promise<TradeOverlap> {
  const from = opts.from ?? 1995;
  const to = opts.to ?? 2014;
  const cow = await store.query<{ lo: number; hi: number; year: number; t: number }>(
    `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, year, flow1 + flow2 AS t
     FROM trade_dyadic
     WHERE year BETWEEN $1 AND $2 AND ccode1 <> ccode2 AND flow1 IS NOT NULL AND flow2 IS NOT NULL
     ORDER BY lo, hi, year`,
    [from, to],
  );
  const imts = await loadImts(store, from - 1, to, null);
  const byDyad = new Map<string, { lo: number; hi: number; c: number[]; i: number[] }>();
  for (const r of cow) {
    const t = Number(r.t);
    const ti = imtsImports(imts, r.lo, r.hi, r.year) + imtsImports(imts, r.hi, r.lo, r.year);
    if (!(t > 0) || !(ti > 0)) continue;
    const k = `${r.lo}-${r.hi}`;
    const d = byDyad.get(k) ?? { lo: r.lo, hi: r.hi, c: [], i: [] };
    d.c.push(Math.log(t));
    d.i.push(Math.log(ti));
    byDyad.set(k, d);
  }
  const dyads: DyadOverlap[] = [];
  let years = 0;
  let within = 0;
  for (const d of byDyad.values()) {
    const ratios = d.i.map((v, k) => Math.abs(v - (d.c[k] as number)));
    years += ratios.length;
    within += ratios.filter((r) => r <= Math.log(1.1)).length;
    dyads.push({
      ccode1: d.lo,
      ccode2: d.hi,
      n: ratios.length,
      logCorrelation: pearson(d.c, d.i),
      medianAbsLogRatio: median(ratios) as number,
    });
  }
  return {
    from,
    to,
    dyads,
    dyadYears: years,
    medianAbsLogRatio: median(dyads.map((d) => d.medianAbsLogRatio)),
    medianLogCorrelation: median(
      dyads.flatMap((d) => (d.logCorrelation === null ? [] : [d.logCorrelation])),
    ),
    shareWithin10Percent: years ? within / years : null,
  };
}

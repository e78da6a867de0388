/**
 * Trends and change points for every indicator of one dyad: the `trends` block of
 * `entente trend A B`. Pure: it takes the result of `dyad()` and computes, per indicator,
 * the segments with their means and trends, the change points with intervals, and the trend over
 * the whole span (docs/trends.md).
 *
 * Event counts (unit "events") use the negative-binomial count model (Adams & MacKay's online
 * detection, with the MAP segmentation of the same model) on counts normalised by the source's
 * volume. The volume per period is recovered from the family's `share` column
 * (share = events/volume·10⁶); where the dyad has no events the volume is unknown and the median of
 * the known volumes stands in. Other indicators use the default normal method.
 */
import { defined } from "../core/defined.js";
import { indicatorDef } from "../indicators/registry.js";
import type { ChangepointOptions, Method } from "../trends/changepoints.js";
import type { CountModelName } from "../trends/count-model.js";
import { describeSeries } from "../trends/describe-series.js";
import { labelChangepoint, labelSegment } from "../trends/labels.js";
import { median } from "../trends/ranks.js";
import type { DyadResult, DyadRow, DyadTrends, IndicatorTrends } from "./dyad-result.js";

export interface DyadTrendOptions {
  /** Method for the non-count indicators (default pelt-linear). */
  readonly method?: Method;
  readonly countModel?: CountModelName;
  readonly penalty?: ChangepointOptions["penalty"];
  readonly penaltyValue?: number;
  readonly minSegLen?: number;
  readonly level?: number;
}

/** Row label ("2016", "2016-Q2", "2016-05") and its time in years (2016, 2016.25, 2016.333…). */
function rowTime(row: DyadRow, period: DyadResult["period"]): { label: string; t: number } {
  if (period === "year") return { label: String(row.year), t: Number(row.year) };
  const label = String(row.period);
  const y = Number(label.slice(0, 4));
  const q = label.match(/-Q(\d)$/);
  if (q) return { label, t: y + (Number(q[1]) - 1) / 4 };
  return { label, t: y + (Number(label.slice(5, 7)) - 1) / 12 };
}

const numeric = (v: DyadRow[string] | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

/** Volume per row from `<family>_events` and `<family>_share`; null where it cannot be known. */
function volumes(rows: DyadRow[], family: string): Array<number | null> | null {
  const events = `${family}_events`;
  const share = `${family}_share`;
  if (!rows.some((r) => share in r && events in r)) return null;
  return rows.map((r) => {
    const n = numeric(r[events]);
    const s = numeric(r[share]);
    return n !== null && s !== null && n > 0 && s > 0 ? (n / s) * 1e6 : null;
  });
}

export function dyadTrends(result: DyadResult, opts: DyadTrendOptions = {}): DyadTrends {
  const labels: string[] = [];
  const t: number[] = [];
  for (const r of result.rows) {
    const x = rowTime(r, result.period);
    labels.push(x.label);
    t.push(x.t);
  }
  const label = (i: number) => labels[i] as string;
  const indicators: IndicatorTrends[] = [];
  for (const d of result.indicators) {
    // Interval ends are not series of their own.
    if (indicatorDef(d.name)?.onRequest) continue;
    const values = result.rows.map((r) => numeric(r[d.name]));
    const family = indicatorDef(d.name)?.family;
    const isCount = d.unit === "events" && values.every((v) => v === null || Number.isInteger(v));
    let method: Method | undefined = opts.method;
    let volume: number[] | undefined;
    let volumeNormalised: boolean | undefined;
    if (isCount) {
      method = opts.countModel === "poisson" ? "bocpd-poisson" : "bocpd-negbin";
      const vol = family ? volumes(result.rows, family) : null;
      const known = (vol ?? []).filter((v): v is number => v !== null);
      volumeNormalised = known.length >= 3;
      if (volumeNormalised && vol) {
        const fill = median(known);
        volume = vol.flatMap((v, i) => (values[i] === null ? [] : [v ?? fill]));
      }
    }
    const n = values.filter((v) => v !== null).length;
    const common = { name: d.name, unit: d.unit, n, missing: values.length - n };
    if (n === 0) {
      indicators.push({
        ...common,
        method: method ?? "none",
        penalty: null,
        changepoints: [],
        segments: [],
        trend: null,
      });
      continue;
    }
    const desc = describeSeries(values, t, {
      ...(method ? { method } : {}),
      ...(opts.penalty ? { penalty: opts.penalty } : {}),
      ...defined({ penaltyValue: opts.penaltyValue, minSegLen: opts.minSegLen, level: opts.level }),
      ...(volume ? { volume } : {}),
    });
    indicators.push({
      ...common,
      method: desc.method,
      penalty: desc.penalty,
      changepoints: desc.changepoints.map((c) => labelChangepoint(c, label)),
      segments: desc.segments.map((s) => ({ ...labelSegment(s, label), trend: s.trend })),
      trend: desc.trend,
      ...(desc.changeSince
        ? { changeSince: desc.changeSince.map((c) => ({ time: label(c.index), p: c.p })) }
        : {}),
      ...defined({ volumeNormalised }),
    });
  }
  return { period: result.period, times: labels, indicators };
}

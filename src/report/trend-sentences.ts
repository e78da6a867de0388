/**
 * Sentences on change over time for the report's headline indicators, from the `trends` block of
 * `dyad()` (docs/trends.md): the segments between change points with their means, each change
 * with its 95% interval, and the trend over the span with its Mann–Kendall p (corrected for
 * autocorrelation). Said only for series of at least ten values; a series without a change point
 * is said to have none, over the years it covers.
 */
import type { DyadTrends, IndicatorTrends } from "../frames/dyad-result.js";
import type { Names, Sentence } from "./summary.js";

/** The indicators the report speaks of, with how a sentence names them. */
export const HEADLINE_TRENDS: ReadonlyArray<readonly [string, (n: Names) => string, Format]> = [
  ["un_agree", () => "UN voting agreement", "fixed"],
  ["trade_share_a", (n) => `${n.b}'s share of ${n.a}'s trade`, "pct"],
  ["trade_share_b", (n) => `${n.a}'s share of ${n.b}'s trade`, "pct"],
  ["alignment_index", () => "Net alignment", "fixed"],
];

type Format = "fixed" | "pct";

/** Fewer values than this make no sentence: a change in a short series cannot be told. */
export const MIN_TREND_VALUES = 10;

/** A real minus sign; −0.00 is 0.00. */
const minus = (s: string) => s.replace(/^-(0\.0+)$/, "$1").replace(/^-/, "\u2212");
const value = (v: number, f: Format): string =>
  f === "pct" ? `${minus((v * 100).toFixed(1))}%` : minus(v.toFixed(2));
const slopeText = (v: number, f: Format): string => {
  const s = f === "pct" ? `${(v * 100).toPrecision(2)} points` : v.toPrecision(2);
  return `${v > 0 ? "+" : ""}${minus(s)}`;
};
const pText = (p: number): string => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);
const span = (a: string, b: string): string => (a === b ? a : `${a}–${b}`);

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** One indicator's sentence, or null when its series is too short. */
export function trendSentence(t: IndicatorTrends, label: string, f: Format): string | null {
  if (t.n < MIN_TREND_VALUES || t.segments.length === 0) return null;
  const first = t.segments[0];
  const last = t.segments[t.segments.length - 1];
  if (!first || !last) return null;
  const whole = span(first.startTime, last.endTime);
  let text: string;
  if (t.changepoints.length === 0) {
    text = `${label} shows no change point in ${whole} (${t.n} values; mean ${value(first.mean, f)})`;
  } else {
    // Each segment by its mean and its own trend: a segment of a piecewise-linear fit can rise or
    // fall within itself, so "rose from one mean to the next" would hide what happened.
    const segments = t.segments.map((seg, k) => {
      const tr = seg.trend ? ` (trend ${slopeText(seg.trend.slope, f)} a year)` : "";
      return `${value(seg.mean, f)}${k === 0 ? " on average" : ""} in ${span(seg.startTime, seg.endTime)}${tr}`;
    });
    const changes = t.changepoints.map(
      (c) => `${c.time} (95% interval ${span(c.lowerTime, c.upperTime)})`,
    );
    text = `${label} changed in ${list(changes)}: ${segments.join(", then ")}`;
  }
  if (t.trend && t.trend.n >= 3) {
    text += `; over ${whole} the trend is ${slopeText(t.trend.slope, f)} a year (Theil–Sen; Mann–Kendall ${pText(t.trend.p)}, corrected for autocorrelation)`;
  }
  return `${text}.`;
}

/** The report's trend sentences, in the order of {@link HEADLINE_TRENDS}. */
export function trendSentences(trends: DyadTrends | undefined, n: Names): Sentence[] {
  if (trends?.period !== "year") return [];
  const out: Sentence[] = [];
  for (const [key, name, f] of HEADLINE_TRENDS) {
    const t = trends.indicators.find((x) => x.name === key);
    const text = t ? trendSentence(t, name(n), f) : null;
    if (text) out.push({ topic: "trends", text, cites: [] });
  }
  return out;
}

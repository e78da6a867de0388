/** How numbers are written in charts, tooltips and tables. */

const small = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const large = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function fmt(v: number | null | undefined, unit = ""): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (unit === "0/1") return v === 1 ? "1 (yes)" : v === 0 ? "0 (no)" : small.format(v);
  if (Number.isInteger(v) || Math.abs(v) >= 1000) return large.format(v);
  return small.format(v);
}

/** Tick labels: as short as the step allows. */
export function fmtTick(v: number, step: number): string {
  if (Math.abs(v) < 1e-12) return "0";
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

/** About `count` round tick values covering [lo, hi] (the d3 rule: steps of 1, 2 or 5 × 10^k). */
export function ticks(lo: number, hi: number, count: number): { values: number[]; step: number } {
  if (!(hi > lo)) return { values: [lo], step: 1 };
  const raw = (hi - lo) / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  const step = (f >= 7.07 ? 10 : f >= 3.16 ? 5 : f >= 1.41 ? 2 : 1) * pow;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    values.push(Math.round(v / step) * step);
  }
  return { values, step };
}

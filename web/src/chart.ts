/**
 * Charts drawn as plain SVG (no eval, no inline script: fits the server's CSP): lines with points,
 * grouped bars, or a strip of 0/1 cells; a line may carry a band (an interval around each value). Every value drawn is an element with class `mark`; the
 * SVG has an accessible title and a description summarising the data. Hover shows the values of
 * the nearest period; dragging across the plot zooms to those years, double-click resets.
 */
import { h, replace, s, uid } from "./dom.js";
import { fmt, fmtTick, ticks } from "./format.js";
import type { ChartKind } from "./indicators.js";

export interface Point {
  readonly x: number;
  readonly label: string;
  readonly v: number | null;
  /** A 95% interval around v, drawn as a band under the line of a line chart. */
  readonly lo?: number | null;
  readonly hi?: number | null;
}
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly unit: string;
  /** In x order; a null breaks a line. */
  readonly points: readonly Point[];
  /** Change points and segment means of this series (the dyad's trends block), when shown. */
  readonly changes?: SeriesChanges;
}
export interface SeriesChanges {
  /** x of the first period of each new segment, with its words ("change in 2000 (1998–2001)"). */
  readonly at: ReadonlyArray<{ readonly x: number; readonly text: string }>;
  readonly means: ReadonlyArray<{ readonly x0: number; readonly x1: number; readonly v: number }>;
}
export interface ChartSpec {
  readonly title: string;
  readonly kind: ChartKind;
  readonly axis: string;
  readonly series: readonly Series[];
  /** First and last x shown (years; quarters and months are fractions of a year). */
  readonly x: readonly [number, number];
  /** Width of one period in years: 1, 1/4 or 1/12. */
  readonly step: number;
  readonly onBrush?: (from: number, to: number) => void;
  readonly onReset?: () => void;
  /** Width in CSS pixels (text then stays at its CSS size); default 640. */
  readonly width?: number;
}

const DEFAULT_W = 640;
const LINE_H = 230;
const ROW_H = 16;

interface Value {
  s: Series;
  v: number | null;
  lo?: number | null | undefined;
  hi?: number | null | undefined;
}
interface Row {
  readonly label: string;
  readonly x: number;
  readonly values: readonly Value[];
}

/** The rows of the table behind the chart (one per x), for tooltips. */
function rowsOf(spec: ChartSpec): Row[] {
  const byX = new Map<number, { label: string; values: Map<string, Point> }>();
  for (const sr of spec.series) {
    for (const p of sr.points) {
      if (p.x < spec.x[0] || p.x > spec.x[1]) continue;
      const r = byX.get(p.x) ?? { label: p.label, values: new Map<string, Point>() };
      byX.set(p.x, r);
      r.values.set(sr.key, p);
    }
  }
  return [...byX.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([x, r]) => ({
      x,
      label: r.label,
      values: spec.series.map((sr) => {
        const p = r.values.get(sr.key);
        return { s: sr, v: p?.v ?? null, lo: p?.lo, hi: p?.hi };
      }),
    }));
}

function summary(spec: ChartSpec): string {
  const parts = spec.series.map((sr) => {
    const pts = sr.points.filter((p) => p.v !== null && p.x >= spec.x[0] && p.x <= spec.x[1]);
    if (!pts.length) return `${sr.label}: no data`;
    const vs = pts.map((p) => p.v as number);
    const last = pts[pts.length - 1] as Point;
    return `${sr.label}: ${pts.length} values from ${pts[0]?.label} to ${last.label}, between ${fmt(Math.min(...vs), sr.unit)} and ${fmt(Math.max(...vs), sr.unit)}; ${fmt(last.v, sr.unit)} in ${last.label}`;
  });
  return parts.length ? `${parts.join(". ")}.` : "No series shown.";
}

export function renderChart(spec: ChartSpec): SVGSVGElement {
  const W = Math.round(Math.max(320, Math.min(2000, spec.width || DEFAULT_W)));
  const strip = spec.kind === "strip";
  const M = { l: strip ? 150 : 56, r: 14, t: 12, b: 30 };
  const H = strip ? M.t + Math.max(1, spec.series.length) * ROW_H + M.b : LINE_H;
  const plotW = W - M.l - M.r;
  const [x0, x1] = spec.x;
  const lo = x0 - spec.step / 2;
  const hi = x1 + spec.step / 2;
  const sx = (x: number) => M.l + ((x - lo) / (hi - lo || 1)) * plotW;
  const band = (plotW * spec.step) / (hi - lo || 1);

  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const svg = s("svg", {
    class: `chart chart-${spec.kind}`,
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
  });
  svg.append(s("title", { id: titleId }, spec.title), s("desc", { id: descId }, summary(spec)));

  const rows = rowsOf(spec);
  const inRange = spec.series.flatMap((sr) =>
    sr.points.filter((p) => p.v !== null && p.x >= x0 && p.x <= x1),
  );
  const axes = s("g", { class: "axis", "aria-hidden": "true" });
  const marks = s("g", { class: "marks" });
  svg.append(axes, marks);

  // x axis: whole years.
  const xt = ticks(x0, x1, Math.max(2, Math.floor(plotW / 70)));
  const xStep = Math.max(1, xt.step);
  for (let v = Math.ceil(x0 / xStep) * xStep; v <= x1; v += xStep) {
    const x = sx(v);
    axes.append(
      s("line", { x1: x, x2: x, y1: H - M.b, y2: H - M.b + 4, class: "tick" }),
      s("text", { x, y: H - M.b + 16, "text-anchor": "middle" }, String(v)),
    );
  }
  axes.append(s("line", { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: "domain" }));

  let sy = (_v: number) => 0;
  if (strip) {
    spec.series.forEach((sr, i) => {
      const y = M.t + i * ROW_H;
      axes.append(s("text", { x: M.l - 6, y: y + ROW_H / 2 + 4, "text-anchor": "end" }, sr.label));
      for (const p of sr.points) {
        if (p.x < x0 || p.x > x1) continue;
        const attrs = {
          x: sx(p.x) - band / 2 + 0.5,
          y: y + 1,
          width: Math.max(1, band - 1),
          height: ROW_H - 2,
        };
        if (p.v === null) marks.append(s("rect", { ...attrs, class: "nodata" }));
        else if (p.v > 0)
          marks.append(s("rect", { ...attrs, class: "mark cell on", fill: sr.color }));
        else marks.append(s("rect", { ...attrs, class: "mark cell off" }));
      }
    });
  } else {
    const vs = inRange.flatMap((p) =>
      [p.v, p.lo, p.hi].filter((v): v is number => typeof v === "number"),
    );
    let yLo = Math.min(0, ...vs);
    let yHi = Math.max(0, ...vs);
    if (yHi - yLo < 1e-12) yHi = yLo + 1;
    const yt = ticks(yLo, yHi, 5);
    yLo = Math.min(yLo, Math.floor(yLo / yt.step) * yt.step);
    yHi = Math.max(yHi, Math.ceil(yHi / yt.step - 1e-9) * yt.step);
    const plotH = H - M.t - M.b;
    sy = (v: number) => M.t + (1 - (v - yLo) / (yHi - yLo)) * plotH;
    for (const v of ticks(yLo, yHi, 5).values) {
      const y = sy(v);
      axes.append(
        s("line", { x1: M.l, x2: W - M.r, y1: y, y2: y, class: v === 0 ? "grid zero" : "grid" }),
        s("text", { x: M.l - 6, y: y + 4, "text-anchor": "end" }, fmtTick(v, yt.step)),
      );
    }
    if (spec.axis) {
      axes.append(
        s(
          "text",
          {
            class: "axis-title",
            transform: `translate(12 ${M.t + plotH / 2}) rotate(-90)`,
            "text-anchor": "middle",
          },
          spec.axis,
        ),
      );
    }
    if (spec.kind === "bar") drawBars(marks, spec, sx, sy, band);
    else {
      drawChanges(marks, spec, sx, sy, { top: M.t, bottom: H - M.b, step: spec.step });
      drawBands(marks, spec, sx, sy);
      drawLines(marks, spec, sx, sy, inRange.length);
    }
  }

  if (!inRange.length) {
    svg.append(
      s(
        "text",
        {
          class: "empty",
          x: M.l + plotW / 2,
          y: M.t + (H - M.t - M.b) / 2,
          "text-anchor": "middle",
        },
        spec.series.length ? "No data in these years" : "Every series is switched off",
      ),
    );
  }
  interact(svg, spec, rows, { W, M, H, lo, hi, sx, sy, plotW });
  return svg;
}

/** Change points as dotted verticals and segment means as light bars, under the lines. */
function drawChanges(
  g: SVGGElement,
  spec: ChartSpec,
  sx: (x: number) => number,
  sy: (v: number) => number,
  box: { top: number; bottom: number; step: number },
): void {
  const [x0, x1] = spec.x;
  for (const sr of spec.series) {
    if (!sr.changes) continue;
    for (const m of sr.changes.means) {
      const a = Math.max(m.x0, x0);
      const b = Math.min(m.x1, x1);
      if (a > b) continue;
      g.append(
        s("line", {
          x1: sx(a),
          x2: sx(b),
          y1: sy(m.v),
          y2: sy(m.v),
          class: "segment-mean",
          stroke: sr.color,
        }),
      );
    }
    for (const c of sr.changes.at) {
      if (c.x < x0 || c.x > x1) continue;
      const x = sx(c.x - box.step / 2);
      g.append(
        s(
          "line",
          { x1: x, x2: x, y1: box.top, y2: box.bottom, class: "change-point", stroke: sr.color },
          s("title", {}, `${sr.label}: ${c.text}`),
        ),
      );
    }
  }
}

/** Bands (lo…hi) as filled areas under the lines, one per unbroken run of points. */
function drawBands(
  g: SVGGElement,
  spec: ChartSpec,
  sx: (x: number) => number,
  sy: (v: number) => number,
): void {
  for (const sr of spec.series) {
    const runs: Point[][] = [[]];
    for (const p of sr.points) {
      const inside = p.x >= spec.x[0] && p.x <= spec.x[1];
      if (inside && typeof p.lo === "number" && typeof p.hi === "number") {
        runs[runs.length - 1]?.push(p);
      } else if (runs[runs.length - 1]?.length) runs.push([]);
    }
    for (const run of runs) {
      if (!run.length) continue;
      const top = run.map((p) => `${sx(p.x).toFixed(1)},${sy(p.hi as number).toFixed(1)}`);
      const bottom = run
        .map((p) => `${sx(p.x).toFixed(1)},${sy(p.lo as number).toFixed(1)}`)
        .reverse();
      g.append(
        s("path", {
          class: "band",
          d: `M${top.join("L")}L${bottom.join("L")}Z`,
          fill: sr.color,
          "data-key": sr.key,
        }),
      );
    }
  }
}

function drawLines(
  g: SVGGElement,
  spec: ChartSpec,
  sx: (x: number) => number,
  sy: (v: number) => number,
  n: number,
): void {
  const r = n > 240 ? 1.6 : 2.6;
  for (const sr of spec.series) {
    let d = "";
    let pen = false;
    for (const p of sr.points) {
      if (p.x < spec.x[0] || p.x > spec.x[1] || p.v === null) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${sx(p.x).toFixed(1)},${sy(p.v).toFixed(1)}`;
      pen = true;
    }
    if (d) g.append(s("path", { class: "mark line", d, stroke: sr.color, "data-key": sr.key }));
    for (const p of sr.points) {
      if (p.x < spec.x[0] || p.x > spec.x[1] || p.v === null) continue;
      g.append(
        s("circle", {
          class: "mark point",
          cx: sx(p.x).toFixed(1),
          cy: sy(p.v).toFixed(1),
          r,
          fill: sr.color,
          "data-key": sr.key,
        }),
      );
    }
  }
}

function drawBars(
  g: SVGGElement,
  spec: ChartSpec,
  sx: (x: number) => number,
  sy: (v: number) => number,
  band: number,
): void {
  const n = spec.series.length;
  const w = Math.max(1, (band * 0.8) / n);
  spec.series.forEach((sr, i) => {
    for (const p of sr.points) {
      if (p.x < spec.x[0] || p.x > spec.x[1] || p.v === null) continue;
      const x = sx(p.x) - (band * 0.8) / 2 + i * w;
      const y0 = sy(0);
      const y1 = sy(p.v);
      const top = Math.min(y0, y1);
      g.append(
        s("rect", {
          class: p.v === 0 ? "mark bar zero" : "mark bar",
          x: x.toFixed(1),
          y: (p.v === 0 ? y0 - 1 : top).toFixed(1),
          width: w.toFixed(1),
          height: Math.max(1, Math.abs(y1 - y0)).toFixed(1),
          fill: sr.color,
          "data-key": sr.key,
        }),
      );
    }
  });
}

interface Geometry {
  W: number;
  M: { l: number; r: number; t: number; b: number };
  H: number;
  lo: number;
  hi: number;
  plotW: number;
  sx: (x: number) => number;
  sy: (v: number) => number;
}

function interact(svg: SVGSVGElement, spec: ChartSpec, rows: Row[], geo: Geometry): void {
  const { W, M, H, lo, hi, plotW, sx } = geo;
  const overlay = s("rect", {
    class: "overlay",
    x: M.l,
    y: M.t,
    width: plotW,
    height: H - M.t - M.b,
  });
  const rule = s("line", { class: "hover-rule", y1: M.t, y2: H - M.b, visibility: "hidden" });
  const brush = s("rect", { class: "brush", y: M.t, height: H - M.t - M.b, visibility: "hidden" });
  svg.append(rule, brush, overlay);

  const toX = (clientX: number): number => {
    const r = svg.getBoundingClientRect();
    const px = ((clientX - r.left) * W) / (r.width || W);
    return lo + ((px - M.l) / plotW) * (hi - lo);
  };
  const nearest = (x: number): Row | undefined => {
    let best: Row | undefined;
    for (const r of rows) if (!best || Math.abs(r.x - x) < Math.abs(best.x - x)) best = r;
    return best;
  };
  let start: number | null = null;

  overlay.addEventListener("pointermove", (ev) => {
    const x = toX(ev.clientX);
    if (start !== null) {
      const a = sx(Math.max(lo, Math.min(start, x)));
      const b = sx(Math.min(hi, Math.max(start, x)));
      brush.setAttribute("x", String(a));
      brush.setAttribute("width", String(b - a));
      brush.setAttribute("visibility", "visible");
      tooltip.hide();
      return;
    }
    const row = nearest(x);
    if (!row) return;
    rule.setAttribute("x1", String(sx(row.x)));
    rule.setAttribute("x2", String(sx(row.x)));
    rule.setAttribute("visibility", "visible");
    tooltip.show(ev.clientX, ev.clientY, `${spec.title}, ${row.label}`, row.values);
  });
  overlay.addEventListener("pointerleave", () => {
    rule.setAttribute("visibility", "hidden");
    tooltip.hide();
  });
  overlay.addEventListener("pointerdown", (ev) => {
    if (ev.button !== 0 || !spec.onBrush) return;
    start = toX(ev.clientX);
    overlay.setPointerCapture(ev.pointerId);
  });
  overlay.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const begin = start;
    const end = toX(ev.clientX);
    start = null;
    brush.setAttribute("visibility", "hidden");
    // A click is not a drag: zoom only when the pointer moved across the plot.
    if (Math.abs(sx(end) - sx(begin)) < 6) return;
    const from = Math.round(Math.max(lo, Math.min(begin, end)));
    const to = Math.round(Math.min(hi, Math.max(begin, end)));
    if (to > from) spec.onBrush?.(from, to);
  });
  overlay.addEventListener("dblclick", () => spec.onReset?.());
}

/** A small square of a series' colour. */
export function swatch(color: string): HTMLSpanElement {
  const el = h("span", { class: "swatch", "aria-hidden": "true" });
  el.style.background = color;
  return el;
}

/** The one tooltip of the page (#tooltip): text only. */
export const tooltip = {
  el(): HTMLElement | null {
    return document.getElementById("tooltip");
  },
  show(clientX: number, clientY: number, heading: string, values: readonly Value[]): void {
    const el = this.el();
    if (!el) return;
    replace(
      el,
      h("strong", {}, heading),
      h(
        "ul",
        {},
        ...values.map(({ s: sr, v, lo, hi }) =>
          h(
            "li",
            {},
            swatch(sr.color),
            `${sr.label}: `,
            h(
              "b",
              {},
              sr.unit === "0/1" && v !== null
                ? v > 0
                  ? "in force"
                  : "not in force"
                : fmt(v, sr.unit),
            ),
            v !== null && typeof lo === "number" && typeof hi === "number"
              ? ` (95%: ${fmt(lo, sr.unit)} to ${fmt(hi, sr.unit)})`
              : null,
          ),
        ),
      ),
    );
    this.place(el, clientX, clientY);
  },
  /** Plain lines of text under a heading (views other than the line charts). */
  lines(clientX: number, clientY: number, heading: string, lines: readonly string[]): void {
    const el = this.el();
    if (!el) return;
    replace(el, h("strong", {}, heading), h("ul", {}, ...lines.map((l) => h("li", {}, l))));
    this.place(el, clientX, clientY);
  },
  place(el: HTMLElement, clientX: number, clientY: number): void {
    el.hidden = false;
    const r = el.getBoundingClientRect();
    const left = Math.min(clientX + 14, window.innerWidth - r.width - 8);
    const top =
      clientY + 14 + r.height > window.innerHeight ? clientY - r.height - 10 : clientY + 14;
    el.style.left = `${Math.max(4, left)}px`;
    el.style.top = `${Math.max(4, top)}px`;
  },
  hide(): void {
    const el = this.el();
    if (el) el.hidden = true;
  },
};

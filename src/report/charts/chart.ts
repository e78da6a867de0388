/**
 * Report charts: pure functions from dyad rows to Vega-Lite specs, and one renderer from a spec to a
 * deterministic, self-contained SVG string (no fonts, images, scripts or links to fetch).
 */
import * as vega from "vega";
import { type Config, compile, type TopLevelSpec } from "vega-lite";
import type { DyadTrends } from "../../frames/dyad-result.js";
import { vegaTextWidth } from "./text-width.js";

export interface Chart {
  /** Stable id: golden file names, element ids, anchors ("un-voting", "trade-shares", …). */
  id: string;
  title: string;
  /** text alternative for screen readers: what the chart shows, in one or two sentences with the key numbers */
  description: string;
  /** A complete Vega-Lite spec (data inline, shared config included), also usable by a web dashboard. */
  spec: TopLevelSpec;
  /** false when no row has data: the report then prints "no data" instead of an empty chart */
  hasData: boolean;
}

/** The `rows` of a `dyad()` result: keyed by `year` (or `period`), indicator columns, null = no data. */
export type ChartRow = Readonly<Record<string, number | string | null>>;
export type ChartRows = readonly ChartRow[];

/** Display names of the two states; a is the first state of the dyad. */
export interface ChartOptions {
  readonly a: string;
  readonly b: string;
  /** The dyad's trends block: line charts mark its change points and segment means. */
  readonly trends?: DyadTrends;
}

export const CHART_FONT = "Helvetica, Arial, sans-serif";
/** Size of the whole SVG in px (autosize "fit": title, axes and legend included). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 220;
/** Space around the chart inside the SVG, px. */
export const CHART_PADDING = 6;

/**
 * Okabe–Ito colours, ordered by contrast on white: the first three reach 3:1 (WCAG non-text
 * contrast); yellow is left out. Line series also differ in dash, for greyscale print.
 */
export const PALETTE = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000",
] as const;

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: "white",
  padding: CHART_PADDING,
  view: { stroke: null },
  title: {
    fontSize: 14,
    fontWeight: "bold",
    color: "#000000",
    anchor: "start",
    offset: 8,
    // long state names: truncate (…) rather than shrink the plot to fit the title
    limit: CHART_WIDTH - 2 * CHART_PADDING,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: "normal",
    labelColor: "#222222",
    titleColor: "#000000",
    tickColor: "#767676",
    domainColor: "#767676",
    gridColor: "#e3e3e3",
    labelLimit: 200,
  },
  // The y-axis title sits horizontally above the axis: easier to read than rotated text, and a
  // rotated title longer than the plot is tall pushes the chart title out of the fitted SVG.
  axisY: {
    titleAngle: 0,
    titleAlign: "left",
    titleAnchor: "end",
    titleBaseline: "bottom",
    titleY: -8,
  },
  legend: {
    orient: "bottom",
    direction: "horizontal",
    title: null,
    labelFontSize: 11,
    labelColor: "#222222",
    labelLimit: CHART_WIDTH - 80,
    symbolStrokeWidth: 2,
    offset: 6,
  },
  range: { category: [...PALETTE] },
  line: { strokeWidth: 2 },
  point: { size: 28, filled: true },
  bar: { binSpacing: 0 },
  text: { fontSize: 11, color: "#000000" },
};

/** The shared config under the spec's own (the spec's keys win, one level deep). */
function withConfig(spec: TopLevelSpec): TopLevelSpec {
  const own = (spec.config ?? {}) as Record<string, unknown>;
  const base = CHART_CONFIG as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(own)) {
    const b = base[k];
    merged[k] =
      isPlainObject(b) && isPlainObject(v)
        ? { ...(b as object), ...(v as object) }
        : (v as unknown);
  }
  return { ...spec, config: merged as Config };
}

const isPlainObject = (x: unknown): boolean =>
  typeof x === "object" && x !== null && !Array.isArray(x);

// Text widths: vega measures with node-canvas when that package is installed (layout would then
// depend on the machine's fonts) and otherwise guesses 0.8 em per character (long titles and
// labels squeeze the plot). Use Helvetica metrics instead while rendering (text-width.ts).
// npm may install several copies of vega-scenegraph (vega-view, which draws the SVG and truncates
// long labels, can have its own): override the metrics of every copy vega's modules load.
interface TextMetrics {
  width: unknown;
}

const SCENEGRAPH_USERS = [
  "vega-view",
  "vega-view-transforms",
  "vega-encode",
  "vega-label",
  "vega-functions",
  "vega-parser",
];
let allMetrics: Promise<TextMetrics[]> | undefined;

async function findTextMetrics(): Promise<TextMetrics[]> {
  const found = new Set<TextMetrics>();
  const own = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (own) found.add(own);
  try {
    const { createRequire } = await import("node:module");
    const { pathToFileURL } = await import("node:url");
    const fromVega = createRequire(createRequire(import.meta.url).resolve("vega"));
    for (const user of SCENEGRAPH_USERS) {
      try {
        const sg = createRequire(fromVega.resolve(user)).resolve("vega-scenegraph");
        const mod = (await import(pathToFileURL(sg).href)) as { textMetrics?: TextMetrics };
        if (mod.textMetrics) found.add(mod.textMetrics);
      } catch {
        // not installed or not resolvable: that module is not in use
      }
    }
  } catch {
    // not Node (a bundle in a browser): only the copy vega exports
  }
  return [...found];
}

let rendering = 0;
const saved = new Map<TextMetrics, unknown>();

function enterMetrics(metrics: readonly TextMetrics[]): void {
  if (rendering++ > 0) return;
  for (const m of metrics) {
    saved.set(m, m.width);
    m.width = vegaTextWidth;
  }
}

function leaveMetrics(): void {
  if (--rendering > 0) return;
  for (const [m, width] of saved) m.width = width;
  saved.clear();
}

/** Render a chart to a deterministic, self-contained, accessible SVG string. */
export async function renderSvg(chart: Chart): Promise<string> {
  allMetrics ??= findTextMetrics();
  const metrics = await allMetrics;
  const compiled = compile(withConfig(chart.spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  let svg: string;
  enterMetrics(metrics);
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
    leaveMetrics();
  }
  return finishSvg(svg, chart);
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Attributes holding coordinates, rounded to 3 decimals so float noise cannot change the output. */
const COORD_ATTR = /\b(transform|x|y|x1|x2|y1|y2|width|height|dx|dy|d)="([^"]*)"/g;
const LONG_DECIMAL = /-?\d+\.\d{4,}/g;

function finishSvg(svg: string, chart: Chart): string {
  // Clip-path and gradient ids come from module-wide counters in vega: renumber them per SVG,
  // prefixed with the chart id so several SVGs inlined in one HTML page cannot clash.
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  const idOf = (old: string, kind: string): string => {
    let id = ids.get(old);
    if (id === undefined) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      id = `${chart.id}-${kind}${n}`;
      ids.set(old, id);
    }
    return id;
  };
  let out = svg
    .replace(/\bid="(clip\d+)"/g, (_, old: string) => `id="${idOf(old, "clip")}"`)
    .replace(/\burl\(#(clip\d+)\)/g, (_, old: string) => `url(#${idOf(old, "clip")})`)
    .replace(/\bid="((?:p_)?gradient_\d+)"/g, (_, old: string) => `id="${idOf(old, "gradient")}"`)
    .replace(
      /\burl\(#((?:p_)?gradient_\d+)\)/g,
      (_, old: string) => `url(#${idOf(old, "gradient")})`,
    )
    .replace(
      COORD_ATTR,
      (_, name: string, value: string) =>
        `${name}="${value.replace(LONG_DECIMAL, (n) => String(Number(Number(n).toFixed(3))))}"`,
    );
  const open = out.indexOf("<svg");
  const close = open < 0 ? -1 : out.indexOf(">", open);
  if (close < 0) throw new Error(`vega produced no <svg> element for chart ${chart.id}`);
  const label = escapeXml(chart.description);
  out =
    `${out.slice(0, close)} role="img" aria-label="${label}">` +
    `<title>${escapeXml(chart.title)}</title><desc>${label}</desc>` +
    out.slice(close + 1);
  return out.endsWith("\n") ? out : `${out}\n`;
}

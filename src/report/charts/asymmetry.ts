import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { PALETTE } from "./chart.js";
import {
  baseSpec,
  dec4,
  type Encoding,
  fmt,
  type Layer,
  num,
  pct,
  type TimePoint,
  timeline,
} from "./common.js";

export interface AsymmetryItem {
  /** "Trade", "Arms", "Capabilities", … */
  domain: string;
  /** −1…+1, positive = a depends more on b; null = no data. */
  value: number | null;
  /** Where the value comes from, with its year ("2014: trade_asymmetry 0.86"). */
  note: string;
}

/** The latest point where `ok` holds. */
function latest(points: readonly TimePoint[], ok: (p: TimePoint) => boolean): TimePoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i] as TimePoint;
    if (ok(p)) return p;
  }
  return null;
}

/**
 * The asymmetry profile of a dyad from the latest year with data per domain (the components of
 * dependence_asymmetry, docs/indicators.md#composites):
 * - Trade: trade_share_a − trade_share_b (the asymmetry scaled by how much the pair trades).
 * - Arms: arms_dependence_5y, a's dependence on b's arms minus b's on a's over five years.
 * Power (CINC) is not dependence and is not shown here.
 */
export function asymmetryItems(rows: ChartRows, opts: ChartOptions): AsymmetryItem[] {
  const points = timeline(rows);
  const items: AsymmetryItem[] = [];

  const trade = latest(
    points,
    (p) => num(p.row, "trade_share_a") !== null && num(p.row, "trade_share_b") !== null,
  );
  if (trade) {
    const a = num(trade.row, "trade_share_a") as number;
    const b = num(trade.row, "trade_share_b") as number;
    items.push({
      domain: "Trade",
      value: dec4(a - b),
      note: `${trade.label}: ${pct(a)} of ${opts.a}'s trade with ${opts.b}, ${pct(b)} of ${opts.b}'s with ${opts.a}`,
    });
  } else {
    items.push({ domain: "Trade", value: null, note: "no year with both trade shares" });
  }

  const arms = latest(points, (p) => num(p.row, "arms_dependence_5y") !== null);
  if (arms) {
    const v = num(arms.row, "arms_dependence_5y") as number;
    const aFromB = num(arms.row, "arms_share_a_from_b_5y");
    const bFromA = num(arms.row, "arms_share_b_from_a_5y");
    const share = (x: number | null, who: string, from: string) =>
      x === null
        ? `${who} imported under 50 TIV million`
        : `${pct(x)} of ${who}'s arms imports from ${from}`;
    const y = Number(arms.label);
    items.push({
      domain: "Arms",
      value: dec4(v),
      note: `${Number.isFinite(y) ? `${y - 4}–${y}` : arms.label}: ${share(aFromB, opts.a, opts.b)}, ${share(bFromA, opts.b, opts.a)}`,
    });
  } else {
    items.push({ domain: "Arms", value: null, note: "no five-year window of SIPRI data" });
  }
  return items;
}

/**
 * Who depends on whom, per domain: a diverging horizontal bar on −1…+1 (positive: a depends more
 * on b); a domain without data shows the words "no data" instead of a bar.
 */
export function asymmetryProfile(items: readonly AsymmetryItem[], opts: ChartOptions): Chart {
  const hasData = items.some((i) => i.value !== null && Number.isFinite(i.value));
  const title = `Who depends on whom: ${opts.a} and ${opts.b}`;
  const aMore = `${opts.a} depends more`;
  const bMore = `${opts.b} depends more`;
  const parts = items.map((i) =>
    i.value === null || !Number.isFinite(i.value)
      ? `${i.domain.toLowerCase()} no data`
      : `${i.domain.toLowerCase()} ${fmt(i.value, 2, true)} (${i.note})`,
  );
  const description = hasData
    ? `Dependence asymmetry of ${opts.a} and ${opts.b} on a scale from −1 (${bMore} on ${opts.a}) to +1 (${aMore} on ${opts.b}): ${parts.join("; ")}.`
    : `No data on dependence between ${opts.a} and ${opts.b}.`;

  const domains = items.map((i) => i.domain);
  const values = items.map((i) => {
    const ok = i.value !== null && Number.isFinite(i.value);
    const v = ok ? dec4(i.value as number) : null;
    return {
      domain: i.domain,
      value: v,
      side: v === null ? "none" : v >= 0 ? aMore : bMore,
      label: v === null ? "no data" : fmt(v, 2, true),
      note: i.note,
      desc: `${i.domain}: ${v === null ? "no data" : `${fmt(v, 2, true)}, ${v >= 0 ? aMore : bMore}`} (${i.note})`,
    };
  });
  const x: Encoding["x"] = {
    field: "value",
    type: "quantitative",
    scale: { domain: [-1, 1], nice: false, zero: true },
    axis: {
      title: "Dependence asymmetry (−1…+1)",
      values: [-1, -0.5, 0, 0.5, 1],
      // the ends name who depends more, on two lines: the state, then "depends more"
      labelExpr: `datum.value === -1 ? ${JSON.stringify([opts.b, "depends more"])} : datum.value === 1 ? ${JSON.stringify([opts.a, "depends more"])} : datum.value === 0 ? "balanced" : ""`,
      labelFlush: true,
      labelLimit: 280,
      labelOverlap: false,
      grid: true,
    },
  };
  const y: Encoding["y"] = {
    field: "domain",
    type: "nominal",
    sort: domains,
    scale: { domain: domains, paddingInner: 0.35 },
    axis: { title: null, ticks: false, domain: false, labelFontSize: 11 },
  };
  // Value labels sit on the other side of the zero line from their bar, so they never overflow.
  const label = (name: string, filter: string, align: "left" | "right", italic = false): Layer => ({
    name,
    transform: [{ filter }],
    mark: {
      type: "text",
      align,
      baseline: "middle",
      dx: align === "left" ? 5 : -5,
      fontSize: 11,
      ...(italic ? { fontStyle: "italic", color: "#4d4d4d" } : {}),
    },
    encoding: {
      x: { datum: 0, type: "quantitative" },
      y,
      text: { field: "label", type: "nominal" },
      description: { field: "desc", type: "nominal" },
    },
  });
  return {
    id: "asymmetry",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      layer: [
        {
          name: "bars",
          transform: [{ filter: "isValid(datum.value)" }],
          mark: { type: "bar" },
          encoding: {
            x,
            x2: { datum: 0 },
            y,
            color: {
              field: "side",
              type: "nominal",
              scale: { domain: [aMore, bMore], range: [PALETTE[1], PALETTE[0]] },
              legend: null,
            },
            description: { field: "desc", type: "nominal" },
            tooltip: [
              { field: "domain", type: "nominal", title: "Domain" },
              { field: "label", type: "nominal", title: "Asymmetry" },
              { field: "note", type: "nominal", title: "Source" },
            ],
          },
        },
        {
          name: "zero",
          data: { values: [{ zero: 0 }] },
          mark: { type: "rule", color: "#000000", strokeWidth: 1, aria: false },
          encoding: { x: { field: "zero", type: "quantitative" } },
        },
        label("value_labels_left", "isValid(datum.value) && datum.value >= 0", "right"),
        label("value_labels_right", "isValid(datum.value) && datum.value < 0", "left"),
        label("no_data_labels", "!isValid(datum.value)", "left", true),
      ],
    },
  };
}

import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { PALETTE } from "./chart.js";
import {
  anyValue,
  baseSpec,
  dec4,
  num,
  shown,
  span,
  type TimePoint,
  yearRuns,
  yearSpans,
} from "./common.js";

/** The obligation types, top to bottom. */
export const ALLIANCE_TYPES = [
  { key: "atop_defense", label: "ATOP defence", source: "ATOP" },
  { key: "atop_offense", label: "ATOP offence", source: "ATOP" },
  { key: "atop_neutral", label: "ATOP neutrality", source: "ATOP" },
  { key: "atop_nonagg", label: "ATOP non-aggression", source: "ATOP" },
  { key: "atop_consul", label: "ATOP consultation", source: "ATOP" },
  { key: "cow_defense", label: "COW defence", source: "COW" },
  { key: "cow_neutral", label: "COW neutrality", source: "COW" },
  { key: "cow_nonagg", label: "COW non-aggression", source: "COW" },
  { key: "cow_entente", label: "COW entente", source: "COW" },
] as const;

const STATUS = ["In force", "Not in force", "No data"] as const;

/**
 * A heat strip of alliance obligations: a row per obligation type, a cell per year, filled when
 * the obligation is in force (1), empty (outlined) when not (0), light grey when there is no data.
 */
export function allianceTimeline(rows: ChartRows, opts: ChartOptions): Chart {
  const keys = ALLIANCE_TYPES.map((t) => t.key);
  const points = shown(rows, keys);
  const hasData = anyValue(points, keys);
  const title = `Alliance obligations: ${opts.a} and ${opts.b}`;

  const inForce: string[] = [];
  for (const t of ALLIANCE_TYPES) {
    const years = points.filter((p) => num(p.row, t.key) === 1).map((p) => p.t);
    if (years.length) inForce.push(`${t.label} ${yearRuns(years)}`);
  }
  const coverage = ["ATOP", "COW"].map((source) => {
    const cols = ALLIANCE_TYPES.filter((t) => t.source === source).map((t) => t.key);
    const covered = points.filter((p: TimePoint) => cols.some((k) => num(p.row, k) !== null));
    return covered.length ? `${source} ${yearRuns(covered.map((p) => p.t))}` : `no ${source} data`;
  });
  const description = hasData
    ? `Alliance obligations between ${opts.a} and ${opts.b} by year, ${span(points)} (data: ${coverage.join(", ")}): ` +
      (inForce.length ? `in force were ${inForce.join("; ")}.` : "no obligation was in force.") +
      " Filled cells: in force; empty cells: not in force; grey cells: no data."
    : `No ATOP or COW alliance data for ${opts.a} and ${opts.b}.`;

  const values = points.flatMap((p) =>
    ALLIANCE_TYPES.map((t) => {
      const v = num(p.row, t.key);
      const status = v === null ? STATUS[2] : v > 0 ? STATUS[0] : STATUS[1];
      const desc = `${t.label}, ${p.label}: ${status.toLowerCase()}`;
      return {
        x0: dec4(p.t - 0.5),
        x1: dec4(p.t + 0.5),
        period: p.label,
        type: t.label,
        status,
        desc,
      };
    }),
  );
  return {
    id: "alliances",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      name: "cells",
      mark: { type: "rect", stroke: "#8c8c8c", strokeWidth: 0.5 },
      encoding: {
        ...yearSpans(points),
        y: {
          field: "type",
          type: "nominal",
          sort: ALLIANCE_TYPES.map((t) => t.label),
          scale: { domain: ALLIANCE_TYPES.map((t) => t.label), paddingInner: 0.15 },
          axis: { title: null, labelFontSize: 10, ticks: false, domain: false },
        },
        fill: {
          field: "status",
          type: "nominal",
          scale: { domain: [...STATUS], range: [PALETTE[0], "#ffffff", "#d0d0d0"] },
        },
        description: { field: "desc", type: "nominal" },
        tooltip: [
          { field: "period", type: "nominal", title: "Year" },
          { field: "type", type: "nominal", title: "Obligation" },
          { field: "status", type: "nominal", title: "Status" },
        ],
      },
    },
  };
}

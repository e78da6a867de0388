/**
 * Which indicators the dashboard charts, how they are labelled, and which datasets (adapters in
 * /api/sources) each family is computed from, for the provenance of every value.
 */
import type { SourceInfo } from "./api.js";

export type ChartKind = "line" | "bar" | "strip";

export interface ChartGroup {
  readonly id: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly keys: readonly string[];
  /** The y axis, in words. */
  readonly axis: string;
  /** An index whose `<index>_coverage` (components per year) is shown under the chart. */
  readonly coverage?: string;
  /** Standard-error column of a key: the chart draws value ± 1.96·se as a band. */
  readonly se?: Readonly<Record<string, string>>;
}

export const GROUPS: readonly ChartGroup[] = [
  {
    id: "un",
    title: "UN General Assembly voting",
    kind: "line",
    keys: ["un_agree", "un_kappa"],
    axis: "agreement / κ",
  },
  {
    id: "ideal",
    title: "UN ideal points",
    kind: "line",
    keys: ["un_ideal_a", "un_ideal_b"],
    axis: "ideal point (USA positive)",
    se: { un_ideal_a: "un_ideal_a_se", un_ideal_b: "un_ideal_b_se" },
  },
  {
    id: "trade",
    title: "Trade shares",
    kind: "line",
    keys: ["trade_share_a", "trade_share_b"],
    axis: "share of total trade",
  },
  {
    id: "arms",
    title: "Arms transfers",
    kind: "bar",
    keys: ["arms_tiv_a_to_b", "arms_tiv_b_to_a"],
    axis: "TIV million",
  },
  {
    id: "exercises",
    title: "Joint military exercises",
    kind: "bar",
    keys: ["exercises_joint"],
    axis: "exercises",
  },
  {
    id: "alliances",
    title: "Alliance obligations",
    kind: "strip",
    keys: [
      "atop_defense",
      "atop_offense",
      "atop_neutral",
      "atop_nonagg",
      "atop_consul",
      "cow_defense",
      "cow_neutral",
      "cow_nonagg",
      "cow_entente",
    ],
    axis: "",
  },
  {
    id: "profile",
    title: "Alignment profile",
    kind: "line",
    keys: ["cooperation_index", "hostility_index", "alignment_index"],
    axis: "index (net alignment −1 … 1)",
    coverage: "alignment_index",
  },
  {
    id: "events",
    title: "Event data: net cooperation",
    kind: "line",
    keys: ["gdelt_net_coop", "icews_net_coop", "icews_dy_net_coop"],
    axis: "net cooperation (−1 … 1)",
  },
];

export const CHART_KEYS: readonly string[] = GROUPS.flatMap((g) => g.keys);

const LABELS: Record<string, string> = {
  un_agree: "Agreement",
  un_kappa: "Cohen's κ",
  un_s: "S score",
  un_pi: "Scott's π",
  un_joint_votes: "Joint roll calls",
  un_ideal_a: "{A}'s ideal point",
  un_ideal_b: "{B}'s ideal point",
  un_ideal_distance: "Ideal-point distance",
  trade_share_a: "{B} in {A}'s trade",
  trade_share_b: "{A} in {B}'s trade",
  trade_total: "Trade {A}–{B}",
  trade_asymmetry: "Trade asymmetry",
  arms_tiv_a_to_b: "{A} → {B}",
  arms_tiv_b_to_a: "{B} → {A}",
  arms_share_b_from_a: "Share of {B}'s arms imports from {A}",
  arms_share_a_from_b: "Share of {A}'s arms imports from {B}",
  exercises_joint: "Joint exercises",
  atop_defense: "ATOP defence",
  atop_offense: "ATOP offence",
  atop_neutral: "ATOP neutrality",
  atop_nonagg: "ATOP non-aggression",
  atop_consul: "ATOP consultation",
  cow_defense: "COW defence",
  cow_neutral: "COW neutrality",
  cow_nonagg: "COW non-aggression",
  cow_entente: "COW entente",
  gdelt_net_coop: "GDELT",
  icews_net_coop: "ICEWS events",
  icews_dy_net_coop: "ICEWS dyad-years (netify)",
  alignment_index: "Net alignment",
  cooperation_index: "Cooperation",
  hostility_index: "Hostility",
  dependence_asymmetry: "Dependence asymmetry",
  arms_share_b_from_a_5y: "Share of {B}'s arms imports from {A}, 5 years",
  arms_share_a_from_b_5y: "Share of {A}'s arms imports from {B}, 5 years",
  arms_dependence_5y: "Arms dependence {A} on {B}, 5 years",
  exercises_weighted: "Joint exercises, weighted by participants",
  igo_shared: "Shared IGOs",
  igo_shared_rank: "Shared-IGO rank",
  contiguity_type: "Contiguity",
  mid_hostlev: "Dispute hostility level",
  mid_history: "Dispute history",
};

/**
 * The components of an index by year, from its `<index>_coverage` column: "un_pi+atop+igo+mid
 * 1993–2014; missing igo+mid 2015–2023".
 */
export function coverageRuns(rows: ReadonlyArray<Record<string, unknown>>, index: string): string {
  const byLabel = new Map<string, number[]>();
  for (const row of rows) {
    const c = row[`${index}_coverage`];
    const x = typeof row.year === "number" ? row.year : null;
    if (typeof c !== "string" || c === "" || x === null) continue;
    byLabel.set(c, [...(byLabel.get(c) ?? []), x]);
  }
  const runs = (years: number[]) => {
    const out: string[] = [];
    for (let i = 0; i < years.length; ) {
      let j = i;
      while (j + 1 < years.length && years[j + 1] === (years[j] as number) + 1) j++;
      out.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
      i = j + 1;
    }
    return out.join(", ");
  };
  return [...byLabel].map(([label, years]) => `${label} ${runs(years)}`).join("; ");
}

/** A short label, with the dyad's states filled in ("Russia → China"). */
export function label(key: string, a = "A", b = "B"): string {
  const l = LABELS[key];
  return l ? l.replaceAll("{A}", a).replaceAll("{B}", b) : key;
}

/** Okabe–Ito colours (distinguishable with colour-blindness), darkest first. */
export const PALETTE = [
  "#0072b2",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#e69f00",
  "#56b4e9",
  "#000000",
  "#999933",
  "#882255",
];

/** Adapters whose files feed each indicator family, longest prefix first. */
const DATASETS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["icews_dy_", ["icews-dyadyear"]],
  ["icews_", ["icews-events"]],
  ["gdelt_", ["gdelt1-events", "gdelt2-events"]],
  [
    "un_ideal_",
    [
      "unga-voeten-votes",
      "unga-voeten-rollcalls",
      "unga-matches",
      "unvotes-votes",
      "unvotes-rollcalls",
    ],
  ],
  ["un_", ["unga-voeten-votes", "unga-voeten-rollcalls", "unvotes-votes", "unvotes-rollcalls"]],
  ["atop_", ["atop-ddy", "atop-ddyr"]],
  ["cow_", ["cow-alliance-ddy", "cow-alliance-yearly"]],
  ["trade_dependence_", ["cow-trade-dyadic", "cow-trade-national", "wb-indicator"]],
  ["trade_", ["cow-trade-dyadic", "cow-trade-national"]],
  ["arms_", ["sipri-arms"]],
  ["exercises_", ["mme", "jme"]],
  ["cinc_", ["cow-nmc"]],
  ["igo_", ["cow-igo-ndy"]],
  ["contiguity_", ["cow-contdir"]],
  ["mid_", ["cow-mid-ddydisps"]],
  ["hostility_index", ["cow-mid-ddydisps"]],
  [
    "cooperation_index",
    [
      "unga-voeten-votes",
      "unvotes-votes",
      "atop-ddy",
      "atop-ddyr",
      "cow-alliance-ddy",
      "cow-alliance-yearly",
      "cow-igo-ndy",
    ],
  ],
  [
    "alignment_index",
    [
      "unga-voeten-votes",
      "unvotes-votes",
      "atop-ddy",
      "atop-ddyr",
      "cow-alliance-ddy",
      "cow-alliance-yearly",
      "cow-igo-ndy",
      "cow-mid-ddydisps",
    ],
  ],
  ["dependence_asymmetry", ["cow-trade-dyadic", "cow-trade-national", "sipri-arms"]],
];

/** The datasets an indicator is computed from, as /api/sources lists them (loaded ones first). */
export function datasetsOf(key: string, sources: readonly SourceInfo[]): SourceInfo[] {
  const names = DATASETS.find(([prefix]) => key.startsWith(prefix))?.[1] ?? [];
  return sources
    .filter((s) => names.includes(s.name))
    .sort((x, y) => Number(y.loaded.files > 0) - Number(x.loaded.files > 0));
}

/** The x position of a row: its year, or the middle of its quarter or month. */
export function rowX(row: Record<string, unknown>): number | null {
  if (typeof row.year === "number") return row.year;
  const p = typeof row.period === "string" ? row.period : "";
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return Number(q[1]) + (Number(q[2]) - 1) / 4;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return Number(m[1]) + (Number(m[2]) - 1) / 12;
  return null;
}

export const rowLabel = (row: Record<string, unknown>): string =>
  String(row.year ?? row.period ?? "");

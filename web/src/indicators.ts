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
  alignment_index: "Alignment index",
  dependence_asymmetry: "Dependence asymmetry",
};

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
  ["un_", ["unga-voeten-votes", "unga-voeten-rollcalls", "unvotes-votes", "unvotes-rollcalls"]],
  ["atop_", ["atop-ddy", "atop-ddyr"]],
  ["cow_", ["cow-alliance-ddy", "cow-alliance-yearly"]],
  ["trade_dependence_", ["cow-trade-dyadic", "cow-trade-national", "wb-indicator"]],
  ["trade_", ["cow-trade-dyadic", "cow-trade-national"]],
  ["arms_", ["sipri-arms"]],
  ["exercises_", ["mme", "jme"]],
  ["cinc_", ["cow-nmc"]],
  [
    "alignment_index",
    [
      "unga-voeten-votes",
      "unvotes-votes",
      "atop-ddy",
      "atop-ddyr",
      "cow-alliance-ddy",
      "cow-alliance-yearly",
      "sipri-arms",
      "mme",
      "jme",
    ],
  ],
  ["dependence_asymmetry", ["cow-trade-dyadic", "cow-trade-national", "sipri-arms", "cow-nmc"]],
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

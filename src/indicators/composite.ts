import { BadInputError } from "../core/errors.js";
import type { Column, IndicatorDef } from "./indicator.js";

/**
 * Composite indices. Both combine domain components (each on a common scale) with weights,
 * over the components that have data for that dyad-year, and report which ones did.
 * Formulas and default weights: docs/indicators.md#composites.
 */
export const ALIGNMENT_COMPONENTS = ["un", "alliance", "arms", "exercises"] as const;
export const DEPENDENCE_COMPONENTS = ["trade", "arms", "capability"] as const;
export type AlignmentComponent = (typeof ALIGNMENT_COMPONENTS)[number];
export type DependenceComponent = (typeof DEPENDENCE_COMPONENTS)[number];

export interface CompositeWeights {
  readonly alignment: Readonly<Record<AlignmentComponent, number>>;
  readonly dependence: Readonly<Record<DependenceComponent, number>>;
}

export const DEFAULT_WEIGHTS: CompositeWeights = {
  alignment: { un: 0.35, alliance: 0.35, arms: 0.15, exercises: 0.15 },
  dependence: { trade: 0.5, arms: 0.25, capability: 0.25 },
};

/** The indicators a composite is computed from (they are computed even when not shown). */
export const COMPOSITE_INPUTS = [
  "un_agree",
  "atop_defense",
  "atop_offense",
  "atop_neutral",
  "atop_nonagg",
  "atop_consul",
  "cow_defense",
  "cow_neutral",
  "cow_nonagg",
  "cow_entente",
  "arms_tiv_a_to_b",
  "arms_tiv_b_to_a",
  "arms_share_b_from_a",
  "arms_share_a_from_b",
  "exercises_joint",
  "trade_share_a",
  "trade_share_b",
  "cinc_a",
  "cinc_b",
] as const;

const COMPOSITE_CITATION =
  "Entente composite (docs/indicators.md#composites); components after Häge 2011 (UN agreement), Leeds et al. 2002 (ATOP), Gibler 2009 (COW alliances), SIPRI TIV methodology, D'Orazio & Galambos 2021 (MME), Barbieri 1996 (trade shares), Singer et al. 1972 (CINC).";

export const COMPOSITE_INDICATORS: readonly IndicatorDef[] = [
  {
    name: "alignment_index",
    family: "composite",
    description:
      "How aligned the pair is, 0–1: weighted mean of UN agreement, alliance obligation level, arms-supply share and joint-exercise intensity over the components with data",
    unit: "index 0–1",
    source: "UN votes, ATOP/COW alliances, SIPRI arms transfers, MME exercises",
    citation: COMPOSITE_CITATION,
  },
  {
    name: "dependence_asymmetry",
    family: "composite",
    description:
      "Who depends on whom, −1…+1 (above 0: a depends more on b): weighted mean of trade-share, arms-supply and capability asymmetry over the components with data",
    unit: "index −1…+1",
    source: "COW trade, SIPRI arms transfers, COW NMC",
    citation: COMPOSITE_CITATION,
  },
];

const isNum = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

/** Alliance obligation level 0–1: defense/offense 1, neutrality/non-aggression 0.5, consultation or entente 0.25. */
export function allianceLevel(
  atop: { defense: number; offense: number; neutral: number; nonagg: number; consul: number },
  cow: { defense: number; neutral: number; nonagg: number; entente: number },
): number {
  const atopCovered = [atop.defense, atop.offense, atop.neutral, atop.nonagg, atop.consul].some(
    isNum,
  );
  if (atopCovered) {
    if (atop.defense === 1 || atop.offense === 1) return 1;
    if (atop.neutral === 1 || atop.nonagg === 1) return 0.5;
    return atop.consul === 1 ? 0.25 : 0;
  }
  const cowCovered = [cow.defense, cow.neutral, cow.nonagg, cow.entente].some(isNum);
  if (!cowCovered) return Number.NaN;
  if (cow.defense === 1) return 1;
  if (cow.neutral === 1 || cow.nonagg === 1) return 0.5;
  return cow.entente === 1 ? 0.25 : 0;
}

/** Joint exercises mapped to 0–1: 1 − exp(−n/2) (1 exercise 0.39, 2 0.63, 4 0.86). */
export function exerciseIntensity(n: number): number {
  return isNum(n) ? 1 - Math.exp(-n / 2) : Number.NaN;
}

/** Arms component of alignment: the larger supply share, 0 when neither received arms. */
export function armsAlignment(
  tivAB: number,
  tivBA: number,
  shareBfromA: number,
  shareAfromB: number,
): number {
  if (!isNum(tivAB) && !isNum(tivBA)) return Number.NaN;
  const shares = [shareBfromA, shareAfromB].filter(isNum);
  return shares.length ? Math.max(...shares) : 0;
}

/** Trade component of dependence: (share_a − share_b)/(share_a + share_b), −1…+1. */
export function tradeAsymmetryComponent(shareA: number, shareB: number): number {
  if (!isNum(shareA) || !isNum(shareB) || shareA + shareB === 0) return Number.NaN;
  return (shareA - shareB) / (shareA + shareB);
}

/** Arms component of dependence: share of a's arms from b minus share of b's arms from a. */
export function armsDependenceComponent(
  tivAB: number,
  tivBA: number,
  shareAfromB: number,
  shareBfromA: number,
): number {
  if (!isNum(tivAB) && !isNum(tivBA)) return Number.NaN;
  // Within coverage, a state that received no arms at all depends on nobody for them.
  return (isNum(shareAfromB) ? shareAfromB : 0) - (isNum(shareBfromA) ? shareBfromA : 0);
}

/** Capability component of dependence: (cinc_b − cinc_a)/(cinc_a + cinc_b): the weaker side depends more. */
export function capabilityComponent(cincA: number, cincB: number): number {
  if (!isNum(cincA) || !isNum(cincB) || cincA + cincB === 0) return Number.NaN;
  return (cincB - cincA) / (cincA + cincB);
}

/** Weighted mean over the components with data; NaN when none has. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const w = weights[i] as number;
    if (Number.isNaN(v) || w === 0) continue;
    num += w * v;
    den += w;
  }
  return den === 0 ? Number.NaN : num / den;
}

export interface CompositeColumns {
  readonly alignment_index: Column;
  readonly dependence_asymmetry: Column;
  /** Per row, the components that had data, joined with "+" ("" when none). */
  readonly alignment_index_components: string[];
  readonly dependence_asymmetry_components: string[];
}

/** Compute both composites from the input columns (see COMPOSITE_INPUTS). */
export function computeComposites(
  length: number,
  cols: Readonly<Record<string, Column>>,
  weights: CompositeWeights = DEFAULT_WEIGHTS,
): CompositeColumns {
  const get = (name: string, i: number): number => cols[name]?.[i] ?? Number.NaN;
  const alignment = new Float64Array(length);
  const dependence = new Float64Array(length);
  const alignmentUsed: string[] = new Array(length);
  const dependenceUsed: string[] = new Array(length);
  const wa = ALIGNMENT_COMPONENTS.map((k) => weights.alignment[k]);
  const wd = DEPENDENCE_COMPONENTS.map((k) => weights.dependence[k]);
  for (let i = 0; i < length; i++) {
    const tivAB = get("arms_tiv_a_to_b", i);
    const tivBA = get("arms_tiv_b_to_a", i);
    const shareBfromA = get("arms_share_b_from_a", i);
    const shareAfromB = get("arms_share_a_from_b", i);
    const a = [
      get("un_agree", i),
      allianceLevel(
        {
          defense: get("atop_defense", i),
          offense: get("atop_offense", i),
          neutral: get("atop_neutral", i),
          nonagg: get("atop_nonagg", i),
          consul: get("atop_consul", i),
        },
        {
          defense: get("cow_defense", i),
          neutral: get("cow_neutral", i),
          nonagg: get("cow_nonagg", i),
          entente: get("cow_entente", i),
        },
      ),
      armsAlignment(tivAB, tivBA, shareBfromA, shareAfromB),
      exerciseIntensity(get("exercises_joint", i)),
    ];
    const d = [
      tradeAsymmetryComponent(get("trade_share_a", i), get("trade_share_b", i)),
      armsDependenceComponent(tivAB, tivBA, shareAfromB, shareBfromA),
      capabilityComponent(get("cinc_a", i), get("cinc_b", i)),
    ];
    alignment[i] = weightedMean(a, wa);
    dependence[i] = weightedMean(d, wd);
    alignmentUsed[i] = ALIGNMENT_COMPONENTS.filter(
      (_, k) => !Number.isNaN(a[k] as number) && wa[k] !== 0,
    ).join("+");
    dependenceUsed[i] = DEPENDENCE_COMPONENTS.filter(
      (_, k) => !Number.isNaN(d[k] as number) && wd[k] !== 0,
    ).join("+");
  }
  return {
    alignment_index: alignment,
    dependence_asymmetry: dependence,
    alignment_index_components: alignmentUsed,
    dependence_asymmetry_components: dependenceUsed,
  };
}

/**
 * Parse `alignment.un=0.5,dependence.trade=1` over the defaults. Weights are non-negative;
 * they need not sum to 1 (the mean divides by the weights of the components with data).
 */
export function parseWeights(
  spec: string | undefined,
  base: CompositeWeights = DEFAULT_WEIGHTS,
): CompositeWeights {
  const alignment: Record<string, number> = { ...base.alignment };
  const dependence: Record<string, number> = { ...base.dependence };
  if (!spec) return base;
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(alignment|dependence)\.([a-z]+)=([0-9]*\.?[0-9]+)$/.exec(part);
    const target = m?.[1] === "alignment" ? alignment : dependence;
    const known = m?.[1] === "alignment" ? ALIGNMENT_COMPONENTS : DEPENDENCE_COMPONENTS;
    if (!m || !(known as readonly string[]).includes(m[2] as string)) {
      throw new BadInputError("bad_weights", `Bad weight "${part}"`, {
        hint: `Write index.component=number, e.g. alignment.un=0.5; components: alignment.{${ALIGNMENT_COMPONENTS.join(",")}}, dependence.{${DEPENDENCE_COMPONENTS.join(",")}}`,
      });
    }
    target[m[2] as string] = Number(m[3]);
  }
  return {
    alignment: alignment as CompositeWeights["alignment"],
    dependence: dependence as CompositeWeights["dependence"],
  };
}

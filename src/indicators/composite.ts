import { BadInputError } from "../core/errors.js";
import type { Column, IndicatorDef } from "./indicator.js";

/**
 * Composite indices, a profile of three dimensions and a net score (docs/indicators.md#composites):
 *
 * - cooperation_index (0…1): the weighted mean of UN voting similarity (Scott's pi, rescaled to
 *   0…1), the alliance obligation scale and the shared-IGO rank;
 * - hostility_index (0…1): 1 − exp(−mid_history), the decayed record of militarized disputes;
 * - alignment_index (−1…+1): cooperation_index − hostility_index;
 * - dependence_asymmetry (−1…+1): the weighted mean of the trade-share difference and the
 *   five-year arms-dependence difference (above 0: a depends more on b).
 *
 * Each index has a fixed set of components, all of them core: a dyad-year lacking one is null,
 * never an average of whatever is left, so a series does not jump when a dataset starts or stops.
 * `<index>_coverage` names the components (and the alliance dataset) that entered, or the
 * missing ones. Intervals come from the bootstrap intervals of the sampled inputs (UN roll calls;
 * arms deals): every index is monotone in them, so the index at the input's interval ends is the
 * percentile interval of the index.
 */
export const COOPERATION_COMPONENTS = ["un", "alliance", "igo"] as const;
export const DEPENDENCE_COMPONENTS = ["trade", "arms"] as const;
export type CooperationComponent = (typeof COOPERATION_COMPONENTS)[number];
export type DependenceComponent = (typeof DEPENDENCE_COMPONENTS)[number];

/** What the UN component of cooperation_index is made of. */
export const UN_MEASURES = ["pi", "ideal"] as const;
export type UnMeasure = (typeof UN_MEASURES)[number];

export interface CompositeWeights {
  readonly cooperation: Readonly<Record<CooperationComponent, number>>;
  readonly dependence: Readonly<Record<DependenceComponent, number>>;
  /** The UN component: Scott's pi (default) or the ideal-point distance of a stored fit. */
  readonly unMeasure?: UnMeasure;
}

/** Equal weights (Dawes 1979; Wainer 1976): no component is privileged without evidence. */
export const DEFAULT_WEIGHTS: CompositeWeights = {
  cooperation: { un: 1, alliance: 1, igo: 1 },
  dependence: { trade: 1, arms: 1 },
};

/** Ideal-point distance at which the UN component reaches 0 (standard deviations of the fit). */
export const IDEAL_DISTANCE_MAX = 4;

/** The indicators the UN component reads for each measure (point, then interval ends). */
export const UN_MEASURE_INPUTS: Readonly<Record<UnMeasure, readonly string[]>> = {
  pi: ["un_pi"],
  ideal: ["un_ideal_distance", "un_ideal_distance_se"],
};

/**
 * Alliance obligation scale, after the depth of the commitment (Leeds et al. 2002; ATOP codebook):
 * defense 1 > offense 0.8 > neutrality 0.6 > consultation 0.4 > non-aggression 0.2 > none 0. A
 * non-aggression pact promises only abstention from attack and is signed by adversaries (the
 * Helsinki Final Act, Soviet-Japanese 1941): the weakest tie. COW's entente is read as
 * consultation, its types otherwise as ATOP's.
 */
export const ALLIANCE_SCALE = {
  defense: 1,
  offense: 0.8,
  neutral: 0.6,
  consul: 0.4,
  nonagg: 0.2,
} as const;

/** The indicators the composites are computed from (computed even when not shown). */
export const COMPOSITE_INPUTS = [
  "un_pi",
  "atop_defense",
  "atop_offense",
  "atop_neutral",
  "atop_nonagg",
  "atop_consul",
  "cow_defense",
  "cow_neutral",
  "cow_nonagg",
  "cow_entente",
  "igo_shared_rank",
  "mid_history",
  "trade_share_a",
  "trade_share_b",
  "arms_dependence_5y",
] as const;

/** The extra inputs of the composites' intervals. */
export const COMPOSITE_INTERVAL_INPUTS = [
  "un_pi_lo",
  "un_pi_hi",
  "arms_dependence_5y_lo",
  "arms_dependence_5y_hi",
] as const;

const COMPOSITE_CITATION =
  "Entente composite (docs/indicators.md#composites): UN component Häge 2011 (Scott's pi); alliance scale after Leeds et al. 2002 (ATOP obligations); shared IGOs Pevehouse et al. 2020; dispute history after Crescenzi & Enterline 2001 (decayed interaction memory) on COW MID 5.0 (Palmer et al. 2022); trade shares Barbieri 1996; arms SIPRI TIV (five-year windows); equal weights Dawes 1979.";

const composite = (
  name: string,
  description: string,
  unit: string,
  source: string,
  onRequest = false,
): IndicatorDef => ({
  name,
  family: "composite",
  description,
  unit,
  source,
  citation: COMPOSITE_CITATION,
  ...(onRequest ? { onRequest: true } : {}),
});

const COOP_SOURCE = "UN votes (Scott's pi), ATOP (or COW) alliances, COW IGO v3";
const HOSTILITY_SOURCE = "COW Militarized Interstate Disputes 5.0";
const DEPENDENCE_SOURCE = "COW trade (shares), SIPRI arms transfers (five-year windows)";

export const COMPOSITE_INDICATORS: readonly IndicatorDef[] = [
  composite(
    "cooperation_index",
    "How much the pair cooperates, 0–1: mean of UN voting similarity (Scott's pi rescaled to 0–1), the alliance obligation scale and the shared-IGO rank; null unless all three are known.",
    "index 0–1",
    COOP_SOURCE,
  ),
  composite(
    "hostility_index",
    "How hostile the pair has been, 0–1: 1 − exp(−mid_history), the militarized disputes of this and past years weighted by hostility and halved every five years.",
    "index 0–1",
    HOSTILITY_SOURCE,
  ),
  composite(
    "alignment_index",
    "Net alignment, −1…+1: cooperation_index − hostility_index; null unless both are known.",
    "index −1…+1",
    `${COOP_SOURCE}; ${HOSTILITY_SOURCE}`,
  ),
  composite(
    "dependence_asymmetry",
    "Who depends on whom, −1…+1 (above 0: a depends more on b): mean of the trade-share difference (share_a − share_b) and the five-year arms-dependence difference; null unless both are known. Power (CINC) is not part of it.",
    "index −1…+1",
    DEPENDENCE_SOURCE,
  ),
  composite(
    "cooperation_index_lo",
    "Lower end of the 95% interval of cooperation_index (UN roll calls resampled).",
    "index 0–1",
    COOP_SOURCE,
    true,
  ),
  composite(
    "cooperation_index_hi",
    "Upper end of the 95% interval of cooperation_index (UN roll calls resampled).",
    "index 0–1",
    COOP_SOURCE,
    true,
  ),
  composite(
    "alignment_index_lo",
    "Lower end of the 95% interval of alignment_index (UN roll calls resampled; disputes are records, not samples).",
    "index −1…+1",
    `${COOP_SOURCE}; ${HOSTILITY_SOURCE}`,
    true,
  ),
  composite(
    "alignment_index_hi",
    "Upper end of the 95% interval of alignment_index.",
    "index −1…+1",
    `${COOP_SOURCE}; ${HOSTILITY_SOURCE}`,
    true,
  ),
  composite(
    "dependence_asymmetry_lo",
    "Lower end of the 95% interval of dependence_asymmetry (arms deals of the window resampled; trade flows are records, not samples).",
    "index −1…+1",
    DEPENDENCE_SOURCE,
    true,
  ),
  composite(
    "dependence_asymmetry_hi",
    "Upper end of the 95% interval of dependence_asymmetry.",
    "index −1…+1",
    DEPENDENCE_SOURCE,
    true,
  ),
];

/** The composites that carry a `<name>_coverage` column. */
export const COVERAGE_COMPOSITES = [
  "cooperation_index",
  "hostility_index",
  "alignment_index",
  "dependence_asymmetry",
] as const;
export type CoverageComposite = (typeof COVERAGE_COMPOSITES)[number];

const isNum = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

export interface AllianceInputs {
  readonly atop: {
    defense: number;
    offense: number;
    neutral: number;
    nonagg: number;
    consul: number;
  };
  readonly cow: { defense: number; neutral: number; nonagg: number; entente: number };
}

/**
 * The alliance component (0–1) on {@link ALLIANCE_SCALE} and the dataset it came from: ATOP when
 * it covers the year, else COW; NaN when neither does or the covering dataset has a null.
 */
export function allianceComponent(x: AllianceInputs): { value: number; dataset: string } {
  const atop = [x.atop.defense, x.atop.offense, x.atop.neutral, x.atop.nonagg, x.atop.consul];
  if (atop.some(isNum)) {
    if (!atop.every(isNum)) return { value: Number.NaN, dataset: "atop" };
    const s = ALLIANCE_SCALE;
    return {
      value: Math.max(
        x.atop.defense * s.defense,
        x.atop.offense * s.offense,
        x.atop.neutral * s.neutral,
        x.atop.consul * s.consul,
        x.atop.nonagg * s.nonagg,
      ),
      dataset: "atop",
    };
  }
  const cow = [x.cow.defense, x.cow.neutral, x.cow.nonagg, x.cow.entente];
  if (!cow.some(isNum)) return { value: Number.NaN, dataset: "" };
  if (!cow.every(isNum)) return { value: Number.NaN, dataset: "cow" };
  const s = ALLIANCE_SCALE;
  return {
    value: Math.max(
      x.cow.defense * s.defense,
      x.cow.neutral * s.neutral,
      x.cow.entente * s.consul,
      x.cow.nonagg * s.nonagg,
    ),
    dataset: "cow",
  };
}

/** UN component: Scott's pi (−1…1) rescaled to 0…1. */
export function unComponent(pi: number): number {
  return isNum(pi) ? (pi + 1) / 2 : Number.NaN;
}

/**
 * UN component from ideal points: 1 − d / 4 for a distance d between the two states' positions
 * (standard deviations of the fit's scale), 0 beyond 4 — about the distance of the USA from Cuba
 * or the USSR in the 1980s.
 */
export function idealComponent(distance: number): number {
  return isNum(distance) ? Math.max(0, 1 - distance / IDEAL_DISTANCE_MAX) : Number.NaN;
}

/** Hostility from the decayed dispute history: 1 − exp(−h), 0…1. */
export function hostilityFromHistory(history: number): number {
  return isNum(history) ? 1 - Math.exp(-history) : Number.NaN;
}

/** Trade component of dependence: share_a − share_b (the asymmetry scaled by how much the pair trades). */
export function tradeDependenceComponent(shareA: number, shareB: number): number {
  return isNum(shareA) && isNum(shareB) ? shareA - shareB : Number.NaN;
}

/**
 * Weighted mean over a fixed set of components; NaN when any component with a positive weight
 * is missing (every component of an index is core).
 */
export function coreMean(values: readonly number[], weights: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    const v = values[i] as number;
    if (Number.isNaN(v)) return Number.NaN;
    num += w * v;
    den += w;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** "un_pi+atop+igo" when all entered, "missing igo" otherwise. */
function coverageLabel(names: readonly string[], present: readonly boolean[]): string {
  const missing = names.filter((_, k) => !present[k]);
  return missing.length ? `missing ${missing.join("+")}` : names.join("+");
}

export interface CompositeColumns {
  readonly values: Readonly<Record<string, Column>>;
  /** Per composite with coverage, per row: the components that entered, or the missing ones. */
  readonly coverage: Readonly<Record<CoverageComposite, string[]>>;
}

/** Compute every composite from the input columns (see COMPOSITE_INPUTS). */
export function computeComposites(
  length: number,
  cols: Readonly<Record<string, Column>>,
  weights: CompositeWeights = DEFAULT_WEIGHTS,
): CompositeColumns {
  const get = (name: string, i: number): number => cols[name]?.[i] ?? Number.NaN;
  const values: Record<string, Column> = {};
  for (const d of COMPOSITE_INDICATORS) values[d.name] = new Float64Array(length).fill(Number.NaN);
  const coverage: Record<CoverageComposite, string[]> = {
    cooperation_index: new Array(length),
    hostility_index: new Array(length),
    alignment_index: new Array(length),
    dependence_asymmetry: new Array(length),
  };
  const wc = COOPERATION_COMPONENTS.map((k) => weights.cooperation[k]);
  const wd = DEPENDENCE_COMPONENTS.map((k) => weights.dependence[k]);
  const col = (n: string) => values[n] as Column;
  for (let i = 0; i < length; i++) {
    const alliance = allianceComponent({
      atop: {
        defense: get("atop_defense", i),
        offense: get("atop_offense", i),
        neutral: get("atop_neutral", i),
        nonagg: get("atop_nonagg", i),
        consul: get("atop_consul", i),
      },
      cow: {
        defense: get("cow_defense", i),
        neutral: get("cow_neutral", i),
        nonagg: get("cow_nonagg", i),
        entente: get("cow_entente", i),
      },
    });
    const igo = get("igo_shared_rank", i);
    let un: number;
    let unLo: number;
    let unHi: number;
    if (weights.unMeasure === "ideal") {
      // The interval of the distance is ± 1.96 standard errors; a larger distance is a lower U.
      const d = get("un_ideal_distance", i);
      const se = get("un_ideal_distance_se", i);
      un = idealComponent(d);
      unLo = idealComponent(d + 1.96 * se);
      unHi = idealComponent(Math.max(0, d - 1.96 * se));
    } else {
      un = unComponent(get("un_pi", i));
      unLo = unComponent(get("un_pi_lo", i));
      unHi = unComponent(get("un_pi_hi", i));
    }
    const coopParts = [un, alliance.value, igo];
    const coop = coreMean(coopParts, wc);
    const coopLo = coreMean([unLo, alliance.value, igo], wc);
    const coopHi = coreMean([unHi, alliance.value, igo], wc);
    const hostility = hostilityFromHistory(get("mid_history", i));
    col("cooperation_index")[i] = coop;
    col("cooperation_index_lo")[i] = coopLo;
    col("cooperation_index_hi")[i] = coopHi;
    col("hostility_index")[i] = hostility;
    col("alignment_index")[i] = coop - hostility;
    col("alignment_index_lo")[i] = coopLo - hostility;
    col("alignment_index_hi")[i] = coopHi - hostility;

    const trade = tradeDependenceComponent(get("trade_share_a", i), get("trade_share_b", i));
    const depParts = [trade, get("arms_dependence_5y", i)];
    col("dependence_asymmetry")[i] = coreMean(depParts, wd);
    col("dependence_asymmetry_lo")[i] = coreMean([trade, get("arms_dependence_5y_lo", i)], wd);
    col("dependence_asymmetry_hi")[i] = coreMean([trade, get("arms_dependence_5y_hi", i)], wd);

    const unName = weights.unMeasure === "ideal" ? "un_ideal" : "un_pi";
    const coopNames = [unName, alliance.dataset || "alliance", "igo"].filter((_, k) => wc[k] !== 0);
    const coopPresent = coopParts.filter((_, k) => wc[k] !== 0).map((v) => isNum(v));
    coverage.cooperation_index[i] = coverageLabel(coopNames, coopPresent);
    coverage.hostility_index[i] = coverageLabel(["mid"], [isNum(hostility)]);
    coverage.alignment_index[i] = coverageLabel(
      [...coopNames, "mid"],
      [...coopPresent, isNum(hostility)],
    );
    const depNames = ["trade", "arms5y"].filter((_, k) => wd[k] !== 0);
    coverage.dependence_asymmetry[i] = coverageLabel(
      depNames,
      depParts.filter((_, k) => wd[k] !== 0).map((v) => isNum(v)),
    );
  }
  return { values, coverage };
}

/**
 * Parse `cooperation.un=2,dependence.arms=0` over the defaults. Weights are non-negative; a
 * weight of 0 takes the component out of the index (and out of its core). The mean divides by
 * the sum of the weights. `cooperation.un_measure=ideal` makes the UN component the ideal-point
 * distance of the stored fit instead of Scott's pi.
 */
export function parseWeights(
  spec: string | undefined,
  base: CompositeWeights = DEFAULT_WEIGHTS,
): CompositeWeights {
  if (!spec) return base;
  const cooperation: Record<string, number> = { ...base.cooperation };
  const dependence: Record<string, number> = { ...base.dependence };
  let unMeasure: UnMeasure | undefined = base.unMeasure;
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const um = /^cooperation\.un_measure=(.*)$/.exec(part);
    if (um) {
      if (!(UN_MEASURES as readonly string[]).includes(um[1] as string)) {
        throw new BadInputError("bad_weights", `Bad UN measure "${um[1]}"`, {
          hint: `Write cooperation.un_measure=${UN_MEASURES.join(" or cooperation.un_measure=")}`,
        });
      }
      unMeasure = um[1] as UnMeasure;
      continue;
    }
    const m = /^(cooperation|dependence)\.([a-z]+)=([0-9]*\.?[0-9]+)$/.exec(part);
    const target = m?.[1] === "cooperation" ? cooperation : dependence;
    const known = m?.[1] === "cooperation" ? COOPERATION_COMPONENTS : DEPENDENCE_COMPONENTS;
    if (!m || !(known as readonly string[]).includes(m[2] as string)) {
      const old = /^alignment\./.test(part)
        ? " (alignment.* weights were replaced by cooperation.*: see CHANGELOG.md)"
        : "";
      throw new BadInputError("bad_weights", `Bad weight "${part}"${old}`, {
        hint: `Write index.component=number, e.g. cooperation.un=2; components: cooperation.{${COOPERATION_COMPONENTS.join(",")}}, dependence.{${DEPENDENCE_COMPONENTS.join(",")}}`,
      });
    }
    target[m[2] as string] = Number(m[3]);
  }
  for (const [group, w] of [
    ["cooperation", cooperation],
    ["dependence", dependence],
  ] as const) {
    if (Object.values(w).every((v) => v === 0)) {
      throw new BadInputError("bad_weights", `Every ${group} weight is 0`, {
        hint: "Give at least one component a positive weight",
      });
    }
  }
  return {
    cooperation: cooperation as CompositeWeights["cooperation"],
    dependence: dependence as CompositeWeights["dependence"],
    ...(unMeasure ? { unMeasure } : {}),
  };
}

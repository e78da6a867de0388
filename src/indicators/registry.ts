import { BadInputError } from "../core/errors.js";
import type { PeriodKind } from "../frames/frame.js";
import { atopFamily, cowFamily } from "./alliances.js";
import { armsFamily } from "./arms-supply.js";
import { armsWindowFamily } from "./arms-window.js";
import { cincFamily } from "./capabilities.js";
import { COMPOSITE_INDICATORS, COMPOSITE_INPUTS, COMPOSITE_INTERVAL_INPUTS } from "./composite.js";
import { contiguityFamily } from "./contiguity.js";
import { midFamily } from "./disputes.js";
import { gdeltFamily, icewsFamily } from "./events.js";
import { exercisesFamily } from "./exercises.js";
import { icewsDyadYearFamily } from "./icews-dyadyear.js";
import { unIdealFamily } from "./ideal-points.js";
import { igoFamily } from "./igos.js";
import { FAMILIES, type Family, type FamilyComputer, type IndicatorDef } from "./indicator.js";
import { tradeFamily } from "./trade-dependence.js";
import { unFamily } from "./voting-similarity.js";

/** Families computed from the store, in output order; composites are derived from them. */
export const FAMILY_COMPUTERS: readonly FamilyComputer[] = [
  unFamily,
  atopFamily,
  cowFamily,
  tradeFamily,
  armsFamily,
  armsWindowFamily,
  exercisesFamily,
  cincFamily,
  igoFamily,
  contiguityFamily,
  midFamily,
  gdeltFamily,
  icewsFamily,
  icewsDyadYearFamily,
  unIdealFamily,
];

/** Every indicator, in output order. */
export const INDICATORS: readonly IndicatorDef[] = [
  ...FAMILY_COMPUTERS.flatMap((f) => f.indicators),
  ...COMPOSITE_INDICATORS,
];

const BY_NAME = new Map(INDICATORS.map((d) => [d.name, d]));
/** Families left out of the default selection (FamilyComputer.optIn). */
const OPT_IN = new Set(FAMILY_COMPUTERS.filter((f) => f.optIn).map((f) => f.family));

export function indicatorDef(name: string): IndicatorDef | undefined {
  return BY_NAME.get(name);
}

export interface IndicatorSelection {
  /** The indicators to show, in output order. */
  readonly shown: readonly IndicatorDef[];
  /** The families to compute (shown ones, and those composites need). */
  readonly families: readonly FamilyComputer[];
  readonly composites: boolean;
  /** Every indicator to compute: the shown ones and the inputs of the composites shown. */
  readonly needed: ReadonlySet<string>;
}

export interface SelectOptions {
  /** Opt-in families to include in the default selection (e.g. un_ideal when a fit is stored). */
  readonly optIn?: readonly Family[];
  /** Extra inputs the composites need (the ideal-point distance when it is the UN component). */
  readonly compositeInputs?: readonly string[];
  /**
   * Include the interval columns (indicators marked onRequest) of the selected families and
   * composites; otherwise they are included only when named one by one.
   */
  readonly intervals?: boolean;
}

/**
 * Resolve `--indicators`: indicator names and family names, comma-separated (default: all).
 * Unknown names are an error listing the valid ones.
 */
export function selectIndicators(
  list?: string | readonly string[],
  period: PeriodKind = "year",
  opts: SelectOptions = {},
): IndicatorSelection {
  const items = (typeof list === "string" ? list.split(",") : (list ?? []))
    .map((s) => s.trim())
    .filter(Boolean);
  const available = (d: IndicatorDef) => period === "year" || supportsPeriod(d.family, period);
  const implicit = (d: IndicatorDef) => opts.intervals === true || d.onRequest !== true;
  const wanted = new Set<string>();
  // Opt-in families (ideal points) only when the caller includes them, e.g. once a fit exists.
  const opted = (d: IndicatorDef) => !OPT_IN.has(d.family) || (opts.optIn ?? []).includes(d.family);
  if (!items.length)
    for (const d of INDICATORS) if (available(d) && implicit(d) && opted(d)) wanted.add(d.name);
  for (const item of items) {
    if ((FAMILIES as readonly string[]).includes(item)) {
      for (const d of INDICATORS)
        if (d.family === (item as Family) && implicit(d)) wanted.add(d.name);
    } else if (BY_NAME.has(item)) {
      wanted.add(item);
    } else {
      throw new BadInputError("unknown_indicator", `Unknown indicator or family "${item}"`, {
        hint: `Families: ${FAMILIES.join(", ")}; indicators: ${INDICATORS.map((d) => d.name).join(", ")}`,
      });
    }
  }
  const yearly = INDICATORS.filter((d) => wanted.has(d.name) && !available(d));
  if (yearly.length) {
    throw new BadInputError(
      "yearly_indicator",
      `${yearly.map((d) => d.name).join(", ")} ${yearly.length > 1 ? "are" : "is"} yearly and cannot be given by ${period}`,
      {
        hint: `Use --period year, or pick event indicators (families ${FAMILY_COMPUTERS.filter(
          (f) => f.periods?.includes(period),
        )
          .map((f) => f.family)
          .join(", ")})`,
      },
    );
  }
  const shown = INDICATORS.filter((d) => wanted.has(d.name));
  const composites = shown.some((d) => d.family === "composite");
  const needed = new Set(shown.map((d) => d.name));
  if (composites) {
    for (const n of COMPOSITE_INPUTS) needed.add(n);
    for (const n of opts.compositeInputs ?? []) needed.add(n);
    // A composite's interval needs the intervals of its inputs.
    if (shown.some((d) => d.family === "composite" && d.onRequest)) {
      for (const n of COMPOSITE_INTERVAL_INPUTS) needed.add(n);
    }
  }
  const families = FAMILY_COMPUTERS.filter((f) => f.indicators.some((d) => needed.has(d.name)));
  return { shown, families, composites, needed };
}

/** Whether a family can fill rows of the given period (composites are yearly). */
export function supportsPeriod(family: Family, period: PeriodKind): boolean {
  if (period === "year") return true;
  return FAMILY_COMPUTERS.find((f) => f.family === family)?.periods?.includes(period) ?? false;
}

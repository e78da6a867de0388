/**
 * `npm run validate`: the measures of docs/validation.md against criteria they do not use, on
 * the politically relevant dyad-years of the loaded data.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { BadInputError } from "../core/errors.js";
import { addIndicators } from "../frames/add-indicators.js";
import { createDyadYears } from "../frames/create-dyad-years.js";
import { directedKey } from "../frames/frame.js";
import { allianceComponent, computeComposites, DEFAULT_WEIGHTS } from "../indicators/composite.js";
import type { Store } from "../store/store.js";
import { auc } from "./auc.js";
import {
  ahead,
  anyAtop,
  listedRival,
  type MajorSpell,
  majorLookup,
  type PanelView,
  type RivalrySpell,
  relevance,
  rowIndex,
} from "./criteria.js";

/** A measure validated on its own: a panel column, or a function of several. */
export interface MeasureSpec {
  readonly name: string;
  /** What it is, for the table. */
  readonly label: string;
  readonly values: (p: PanelView) => Float64Array;
  /** Higher means more hostile (disputes): reversed for every criterion. */
  readonly hostile?: boolean;
}

const column = (name: string, label: string, hostile = false): MeasureSpec => ({
  name,
  label,
  values: (p) => p.col(name),
  ...(hostile ? { hostile } : {}),
});

const allianceScale: MeasureSpec = {
  name: "alliance scale",
  label: "ATOP obligations on the alliance scale (component of cooperation_index)",
  values: (p) => {
    const n = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];
    const c = n.map((x) => p.col(x));
    const out = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      out[i] = allianceComponent({
        atop: {
          defense: c[0]?.[i] as number,
          offense: c[1]?.[i] as number,
          neutral: c[2]?.[i] as number,
          nonagg: c[3]?.[i] as number,
          consul: c[4]?.[i] as number,
        },
        cow: { defense: Number.NaN, neutral: Number.NaN, nonagg: Number.NaN, entente: Number.NaN },
      }).value;
    }
    return out;
  },
};

const armsMaxShare: MeasureSpec = {
  name: "arms share 5y",
  label: "larger of the two five-year arms-supply shares",
  values: (p) => {
    const x = p.col("arms_share_a_from_b_5y");
    const y = p.col("arms_share_b_from_a_5y");
    const dep = p.col("arms_dependence_5y");
    const out = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const v = [x[i], y[i]].filter((s) => !Number.isNaN(s as number)) as number[];
      // Covered (dependence known) with neither above the minimum volume: no supply tie, 0.
      out[i] = v.length ? Math.max(...v) : Number.isNaN(dep[i] as number) ? Number.NaN : 0;
    }
    return out;
  },
};

/** The measures of the validation table: components first, then the composites. */
export const VALIDATED_MEASURES: readonly MeasureSpec[] = [
  column("un_agree", "UN agreement (raw)"),
  column("un_kappa", "UN Cohen's kappa"),
  column("un_pi", "UN Scott's pi (component of cooperation_index)"),
  allianceScale,
  column("igo_shared", "shared IGOs (count)"),
  column("igo_shared_rank", "shared-IGO rank in the year (component of cooperation_index)"),
  column("exercises_weighted", "joint exercises weighted by participants (1980–2010 only)"),
  armsMaxShare,
  column("mid_years_10", "years with a dispute in the last ten", true),
  column("mid_history", "decayed dispute history (component of hostility_index)", true),
  column("cooperation_index", "cooperation_index (composite)"),
  column("hostility_index", "hostility_index (composite)", true),
  column("alignment_index", "alignment_index = cooperation − hostility (composite)"),
];

/** Measures with the UN ideal points (validated when a fit is stored). */
export const IDEAL_MEASURES: readonly MeasureSpec[] = [
  column("un_ideal_distance", "UN ideal-point distance", true),
  column("cooperation_index_ideal", "cooperation_index with ideal points as UN component"),
  column("alignment_index_ideal", "alignment_index with ideal points as UN component"),
];

const INPUTS = [
  "un",
  "atop",
  "igo",
  "contiguity",
  "mid",
  "exercises_weighted",
  "arms_share_a_from_b_5y",
  "arms_share_b_from_a_5y",
  "arms_dependence_5y",
  "cooperation_index",
  "hostility_index",
  "alignment_index",
];

const dataFile = (name: string) => new URL(`../../data/validation/${name}`, import.meta.url);

function readCsv(url: URL): Record<string, string>[] {
  const [head, ...lines] = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const cols = (head as string).split(",");
  // The files are written without quoted commas except in the last column (a free-text claim).
  return lines.map((line) => {
    const cells = line.split(",");
    const row: Record<string, string> = {};
    cols.forEach((c, i) => {
      row[c] = i === cols.length - 1 ? cells.slice(i).join(",") : (cells[i] ?? "");
    });
    return row;
  });
}

const RivalRow = z.object({
  ccode1: z.coerce.number().int(),
  ccode2: z.coerce.number().int(),
  from: z.coerce.number().int(),
  to: z.coerce.number().int(),
});

/** The literature rivalry list (data/validation/rivalries-literature.csv). */
export function literatureRivalries(): RivalrySpell[] {
  return readCsv(dataFile("rivalries-literature.csv")).map((r) => {
    const x = RivalRow.parse(r);
    return [x.ccode1, x.ccode2, x.from, x.to] as const;
  });
}

const KnownGroupRow = z.object({
  id: z.coerce.number().int(),
  a: z.coerce.number().int(),
  b: z.coerce.number().int(),
  year: z.coerce.number().int(),
  relation: z.enum(["above", "below_median"]),
  other_a: z.string(),
  other_b: z.string(),
  other_year: z.string(),
  expect: z.enum(["holds", "fails"]),
  claim: z.string(),
});
export type KnownGroup = z.infer<typeof KnownGroupRow>;

/** The known-groups table (data/validation/known-groups.csv). */
export function knownGroups(): KnownGroup[] {
  return readCsv(dataFile("known-groups.csv")).map((r) => KnownGroupRow.parse(r));
}

export interface CriterionResult {
  readonly n: number;
  readonly positives: number;
  readonly auc: number;
}

export interface MeasureResult {
  readonly name: string;
  readonly label: string;
  /** Forming an ATOP obligation within t+1…t+horizon among relevant dyads with none at t. */
  readonly predictive: CriterionResult;
  /** Relevant dyad-years without a dispute onset in t+1…t+horizon score above those with one. */
  readonly rivalsDisputes: CriterionResult;
  /** Relevant dyad-years outside the literature rivalries score above those inside. */
  readonly rivalsListed: CriterionResult;
  /** The same three for the first and second half of the period. */
  readonly halves: readonly [readonly CriterionResult[], readonly CriterionResult[]];
}

export interface KnownGroupResult extends KnownGroup {
  readonly value: number;
  readonly other: number;
  readonly holds: boolean;
}

export interface ValidationResult {
  readonly from: number;
  readonly to: number;
  readonly horizon: number;
  readonly relevantRows: number;
  readonly measures: readonly MeasureResult[];
  readonly knownGroups: readonly KnownGroupResult[];
}

export interface ValidationOptions {
  readonly from?: number;
  readonly to?: number;
  readonly horizon?: number;
  /**
   * Also validate the ideal-point distance and the composites with it as their UN component
   * (needs a stored fit of the loaded votes: `entente ideal-points`).
   */
  readonly ideal?: boolean;
  readonly onStep?: (step: { family: string; index: number; of: number; rows: number }) => void;
}

async function majorSpells(store: Store): Promise<MajorSpell[]> {
  const rows = await store.query<{ code: number; lo: number; hi: number }>(
    `SELECT code, ${store.sql.year("start_date")} AS lo, ${store.sql.year("end_date")} AS hi
     FROM states WHERE system = 'cow_major'`,
  );
  if (rows.length === 0) {
    throw new BadInputError("no_majors", "No COW major-power list is loaded", {
      hint: "Load cow_states/majors2016 (entente ingest ../shared/data/cow_states): relevance needs it",
    });
  }
  return rows.map((r) => [Number(r.code), Number(r.lo), Number(r.hi)] as const);
}

/** Run every criterion for every measure, and the known groups, on the store's data. */
export async function runValidation(
  store: Store,
  opts: ValidationOptions = {},
): Promise<ValidationResult> {
  const from = opts.from ?? 1950;
  const to = opts.to ?? 2010;
  const horizon = opts.horizon ?? 5;
  const frame = createDyadYears({ dyads: "all", from, to: to + horizon });
  const cols = await addIndicators(store, frame, {
    indicators: opts.ideal ? [...INPUTS, "un_ideal"] : INPUTS,
    ...(opts.onStep ? { onStep: opts.onStep } : {}),
  });
  const values: Record<string, Float64Array> = { ...cols.values };
  if (opts.ideal) {
    // The same composites with the ideal-point distance as their UN component.
    const c = computeComposites(frame.length, values, { ...DEFAULT_WEIGHTS, unMeasure: "ideal" });
    values.cooperation_index_ideal = c.values.cooperation_index as Float64Array;
    values.alignment_index_ideal = c.values.alignment_index as Float64Array;
  }
  const view: PanelView = {
    a: frame.a,
    b: frame.b,
    year: frame.year,
    length: frame.length,
    col: (name) => {
      const c = values[name];
      if (!c) throw new Error(`validation needs ${name}`);
      return c;
    },
  };
  const major = majorLookup(await majorSpells(store));
  const relevant = relevance(view, major);
  const index = rowIndex(view);
  const atopNow = anyAtop(view);
  const atopAhead = ahead(view, index, atopNow, horizon);
  const onsetAhead = ahead(view, index, view.col("mid_onset"), horizon);
  const listed = listedRival(view, literatureRivalries());
  const mid = Math.floor((from + to) / 2);
  let relevantRows = 0;
  for (let i = 0; i < view.length; i++) {
    const y = view.year[i] as number;
    if (relevant[i] === 1 && y >= from && y <= to) relevantRows++;
  }

  const criteria = (values: Float64Array, hostile: boolean, lo: number, hi: number) => {
    const n = view.length;
    const sign = hostile ? -1 : 1;
    const scoreP = new Float64Array(n).fill(Number.NaN);
    const labP = new Float64Array(n).fill(Number.NaN);
    const scoreR = new Float64Array(n).fill(Number.NaN);
    const labD = new Float64Array(n).fill(Number.NaN);
    const labL = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < n; i++) {
      const y = view.year[i] as number;
      if (relevant[i] !== 1 || y < lo || y > hi) continue;
      const v = (values[i] as number) * sign;
      scoreR[i] = v;
      labD[i] = Number.isNaN(onsetAhead[i] as number) ? Number.NaN : 1 - (onsetAhead[i] as number);
      labL[i] = 1 - (listed[i] as number);
      if (atopNow[i] === 0) {
        scoreP[i] = v;
        labP[i] = atopAhead[i] as number;
      }
    }
    return [auc(scoreP, labP), auc(scoreR, labD), auc(scoreR, labL)] as const;
  };

  const specs = opts.ideal ? [...VALIDATED_MEASURES, ...IDEAL_MEASURES] : VALIDATED_MEASURES;
  const measures: MeasureResult[] = specs.map((m) => {
    const values = m.values(view);
    const [p, d, l] = criteria(values, m.hostile === true, from, to);
    const first = criteria(values, m.hostile === true, from, mid);
    const second = criteria(values, m.hostile === true, mid + 1, to);
    return {
      name: m.name,
      label: m.label,
      predictive: p,
      rivalsDisputes: d,
      rivalsListed: l,
      halves: [first, second],
    };
  });

  const align = view.col("alignment_index");
  const valueAt = (a: number, b: number, y: number): number => {
    const i = index.get(a < b ? directedKey(a, b, y) : directedKey(b, a, y));
    return i === undefined ? Number.NaN : (align[i] as number);
  };
  const medianAt = (y: number): number => {
    const v: number[] = [];
    for (let i = 0; i < view.length; i++) {
      if (view.year[i] === y && relevant[i] === 1 && !Number.isNaN(align[i] as number)) {
        v.push(align[i] as number);
      }
    }
    v.sort((x, z) => x - z);
    if (v.length === 0) return Number.NaN;
    const h = Math.floor(v.length / 2);
    return v.length % 2 ? (v[h] as number) : ((v[h - 1] as number) + (v[h] as number)) / 2;
  };
  const known = knownGroups().map((k) => {
    const value = valueAt(k.a, k.b, k.year);
    const other =
      k.relation === "above"
        ? valueAt(Number(k.other_a), Number(k.other_b), Number(k.other_year))
        : medianAt(k.year);
    const holds = k.relation === "above" ? value > other : value < other;
    return { ...k, value, other, holds };
  });
  return { from, to, horizon, relevantRows, measures, knownGroups: known };
}

/**
 * Assessing a case: bound evidence is evaluated against the store, then every selected scoring
 * rule runs on the ratings that apply, with diagnosticity and sensitivity. The result is the
 * shape of `entente assess --json`.
 */
import { dyad } from "../frames/dyad.js";
import type { Store } from "../store/store.js";
import { type Binding, type CaseFile, type Evidence, TEST_PATTERN } from "./case-schema.js";
import {
  type MatrixItem,
  normalisedPriors,
  type Rating,
  type RuleName,
  type RuleResult,
  type ScoredRow,
  type SensitivityChange,
  scoreMatrix,
} from "./scoring.js";

export interface BindingResult {
  /** The aggregate over the years with data; null when there are none (item inapplicable). */
  value: number | null;
  /** Whether the test held; null when the item is inapplicable. */
  held: boolean | null;
  /** Which ratings apply: the item's, the ratings_if_false, or none (inapplicable). */
  applied: "ratings" | "ratings_if_false" | "none";
  /** What was computed, in words: "mean of trade_asymmetry RUS–CHN 2010–2014 (5 years) = 0.86 ≥ 0.6". */
  detail: string;
  /** The yearly values used (null: no data that year). */
  years: Array<{ year: number; value: number | null }>;
}

export interface AssessedEvidence {
  id: string;
  claim: string;
  kind: Evidence["kind"];
  credibility: Evidence["credibility"];
  relevance: Evidence["relevance"];
  source: Evidence["source"];
  diagnosticity: number;
  /** The ratings that apply, every hypothesis (missing = NA). */
  ratings: Record<string, Rating>;
  binding?: BindingResult;
}

export interface AssessResult {
  case: { title: string; question: string };
  hypotheses: Array<{ id: string; label: string; prior: number }>;
  evidence: AssessedEvidence[];
  rules: Partial<Record<RuleName, RuleOutput>>;
  sensitivity: SensitivityChange[];
}

export interface RuleOutput {
  /** Heuer and PARC scores, or Bayes posteriors (`posterior` then). */
  scores?: Record<string, number>;
  posterior?: Record<string, number>;
  ranking: string[];
  ties: string[][];
}

export function parseTest(test: string): { op: string; value: number } {
  const m = TEST_PATTERN.exec(test);
  if (!m) throw new Error(`bad test "${test}"`);
  return { op: m[1] as string, value: Number(m[2]) };
}

export function testHolds(value: number, test: string): boolean {
  const { op, value: x } = parseTest(test);
  const eq = Math.abs(value - x) <= 1e-12 * Math.max(1, Math.abs(x));
  switch (op) {
    case ">=":
      return value > x || eq;
    case "<=":
      return value < x || eq;
    case ">":
      return value > x && !eq;
    case "<":
      return value < x && !eq;
    case "==":
      return eq;
    default:
      return !eq;
  }
}

/** The aggregate of the yearly values that exist; null without any ("change" needs two). */
export function aggregate(kind: Binding["aggregate"], values: readonly number[]): number | null {
  if (!values.length) return null;
  switch (kind) {
    case "mean":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "last":
      return values[values.length - 1] as number;
    case "change":
      return values.length < 2
        ? null
        : (values[values.length - 1] as number) - (values[0] as number);
  }
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(4));

/** Evaluate a bound item against the store (null store: no data, so inapplicable). */
export async function evaluateBinding(store: Store | null, b: Binding): Promise<BindingResult> {
  const [from, to] = b.years;
  const what = `${b.aggregate} of ${b.indicator} ${b.dyad[0]}–${b.dyad[1]} ${from}–${to}`;
  if (!store) {
    return { value: null, held: null, applied: "none", detail: `${what}: no store`, years: [] };
  }
  const r = await dyad(store, b.dyad[0], b.dyad[1], {
    from,
    to,
    indicators: b.indicator,
    trends: false,
    intervals: false,
  });
  const years = r.rows.map((row) => ({
    year: row.year as number,
    value: typeof row[b.indicator] === "number" ? (row[b.indicator] as number) : null,
  }));
  const have = years.filter((y) => y.value !== null).map((y) => y.value as number);
  const value = aggregate(b.aggregate, have);
  if (value === null) {
    const why = have.length ? "one year with data; change needs two" : "no data in these years";
    return { value: null, held: null, applied: "none", detail: `${what}: ${why}`, years };
  }
  const held = testHolds(value, b.test);
  return {
    value,
    held,
    applied: held ? "ratings" : "ratings_if_false",
    detail: `${what} (${have.length} of ${years.length} years with data) = ${fmt(value)}; test ${b.test.trim()} ${held ? "holds" : "does not hold"}`,
    years,
  };
}

/** Priors as given, normalised to sum 1; uniform when none are given. */
export function priorsOf(c: CaseFile): Record<string, number> {
  return normalisedPriors(c.hypotheses);
}

export async function assess(
  store: Store | null,
  c: CaseFile,
  rules: readonly RuleName[],
): Promise<AssessResult> {
  const hyps = c.hypotheses.map((h) => h.id);
  const priors = priorsOf(c);
  const bindings = new Map<string, BindingResult>();
  for (const e of c.evidence) {
    if (e.binding) bindings.set(e.id, await evaluateBinding(store, e.binding));
  }
  const items: MatrixItem[] = c.evidence.map((e) => ({
    id: e.id,
    credibility: e.credibility,
    relevance: e.relevance,
    ratings: e.ratings,
    ...(e.binding ? { ratingsIfFalse: e.binding.ratings_if_false } : {}),
    applied: bindings.get(e.id)?.applied ?? "ratings",
  }));
  const score = scoreMatrix(hyps, priors, items, rules);
  const evidence: AssessedEvidence[] = c.evidence.map((e, i) => {
    const row = score.rows[i] as ScoredRow;
    const binding = bindings.get(e.id);
    return {
      id: e.id,
      claim: e.claim,
      kind: e.kind,
      credibility: e.credibility,
      relevance: e.relevance,
      source: e.source,
      diagnosticity: row.diagnosticity,
      ratings: row.ratings,
      ...(binding ? { binding } : {}),
    };
  });
  const out: AssessResult["rules"] = {};
  for (const rule of rules) {
    const r = score.rules[rule] as RuleResult;
    out[rule] =
      rule === "bayes"
        ? { posterior: r.scores, ranking: r.ranking, ties: r.ties }
        : { scores: r.scores, ranking: r.ranking, ties: r.ties };
  }
  return {
    case: { title: c.title, question: c.question },
    hypotheses: c.hypotheses.map((h) => ({
      id: h.id,
      label: h.label,
      prior: priors[h.id] as number,
    })),
    evidence,
    rules: out,
    sensitivity: score.sensitivity,
  };
}

/** The leader of a rule's output, in words ("H2", or "H1 = H2" for a tie). */
export function ruleLeader(r: RuleOutput): string {
  const first = r.ranking[0] ?? "";
  const tie = r.ties.find((t) => t.includes(first));
  return tie ? tie.join(" = ") : first;
}

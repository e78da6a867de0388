/**
 * An ACH case scored in the browser with the CLI's own scoring (scoreMatrix in
 * src/assess/scoring.ts), so the two agree. Bound items take the outcome of their data test from
 * the server's assessment.
 */
import type { Evidence } from "../../../src/assess/case-schema.js";
import {
  type Applied,
  LEVELS,
  type Level,
  type MatrixItem,
  type ScoredRow as MatrixRow,
  normalisedPriors,
  RATINGS,
  type Rating,
  RULES,
  type RuleName,
  type RuleResult,
  type SensitivityChange,
  scoreMatrix,
} from "../../../src/assess/scoring.js";

export type { Applied };
export { LEVELS, type Level, RATINGS, type Rating, RULES, type RuleName };

/** The kinds of evidence the editor offers: the case schema's, in its order. */
export const KINDS = [
  "quote",
  "event",
  "statistic",
  "document",
  "assumption",
] as const satisfies readonly Evidence["kind"][];

export interface Hypothesis {
  readonly id: string;
  readonly label: string;
  readonly prior?: number;
}

export interface EvidenceItem {
  /** Position in the file's evidence list. */
  readonly index: number;
  readonly id: string;
  readonly claim: string;
  readonly kind: string;
  readonly credibility: Level;
  readonly relevance: Level;
  readonly ratings: Readonly<Record<string, Rating>>;
  /** Present for items bound to an indicator test. */
  readonly ratingsIfFalse?: Readonly<Record<string, Rating>>;
  readonly sourceTitle: string;
}

export interface CaseModel {
  readonly title: string;
  readonly question: string;
  readonly hypotheses: readonly Hypothesis[];
  readonly evidence: readonly EvidenceItem[];
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v !== null && typeof v === "object" ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : String(v));
const level = (v: unknown): Level =>
  (LEVELS as readonly unknown[]).includes(v) ? (v as Level) : "M";
const ratingsOf = (v: unknown): Record<string, Rating> =>
  Object.fromEntries(
    Object.entries(obj(v)).map(([h, r]) => [
      h,
      (RATINGS as readonly unknown[]).includes(r) ? (r as Rating) : "NA",
    ]),
  );

/** The case as the editor needs it, read leniently (the server validates on save). */
export function readCase(raw: unknown): CaseModel {
  const c = obj(raw);
  return {
    title: str(c.title),
    question: str(c.question),
    hypotheses: arr(c.hypotheses).map((x) => {
      const h = obj(x);
      return {
        id: str(h.id),
        label: str(h.label),
        ...(typeof h.prior === "number" ? { prior: h.prior } : {}),
      };
    }),
    evidence: arr(c.evidence).map((x, index) => {
      const e = obj(x);
      const binding = e.binding === undefined ? undefined : obj(e.binding);
      return {
        index,
        id: str(e.id),
        claim: str(e.claim),
        kind: str(e.kind),
        credibility: level(e.credibility),
        relevance: level(e.relevance),
        ratings: ratingsOf(e.ratings),
        ...(binding ? { ratingsIfFalse: ratingsOf(binding.ratings_if_false) } : {}),
        sourceTitle: str(obj(e.source).title ?? obj(e.source).url),
      };
    }),
  };
}

/** Priors as given, normalised to sum 1; uniform when not every hypothesis has one. */
export function priorsOf(c: CaseModel): Record<string, number> {
  return normalisedPriors(c.hypotheses);
}

export interface ScoredRow {
  readonly ev: EvidenceItem;
  /** Which ratings apply; "ratings" for items with no binding. */
  readonly applied: Applied;
  /** The ratings the matrix shows and edits: the item's own, or ratings_if_false when those apply. */
  readonly target: "ratings" | "ratings_if_false";
  readonly shown: Readonly<Record<string, Rating>>;
  readonly diagnosticity: number;
}

export interface Scored {
  readonly hyps: readonly string[];
  readonly rows: readonly ScoredRow[];
  readonly rules: Readonly<Record<RuleName, RuleResult>>;
  readonly sensitivity: readonly SensitivityChange[];
}

/**
 * Every rule and the sensitivity, as `entente assess` computes them (the same scoreMatrix).
 * `outcomes` holds the server's result of each bound item's test (missing: no data, the item
 * does not count).
 */
export function scoreCase(c: CaseModel, outcomes: ReadonlyMap<string, Applied>): Scored {
  const hyps = c.hypotheses.map((h) => h.id);
  const items: MatrixItem[] = c.evidence.map((e) => ({
    id: e.id,
    credibility: e.credibility,
    relevance: e.relevance,
    ratings: e.ratings,
    ...(e.ratingsIfFalse ? { ratingsIfFalse: e.ratingsIfFalse } : {}),
    applied: e.ratingsIfFalse !== undefined ? (outcomes.get(e.id) ?? "none") : "ratings",
  }));
  const score = scoreMatrix(hyps, priorsOf(c), items, RULES);
  const rows: ScoredRow[] = c.evidence.map((e, i) => {
    const r = score.rows[i] as MatrixRow;
    const target = r.applied === "ratings_if_false" ? "ratings_if_false" : "ratings";
    return {
      ev: e,
      applied: r.applied,
      target,
      shown: target === "ratings" ? r.own : r.ifFalse,
      diagnosticity: r.diagnosticity,
    };
  });
  return {
    hyps,
    rows,
    rules: score.rules as Record<RuleName, RuleResult>,
    sensitivity: score.sensitivity,
  };
}

/** The rating after `r` when a cell is clicked: CC → C → N → I → II → NA → CC. */
export const nextRating = (r: Rating): Rating =>
  RATINGS[(RATINGS.indexOf(r) + 1) % RATINGS.length] as Rating;

/** The first id "<prefix><n>" not taken. */
export function freeId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++)
    if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

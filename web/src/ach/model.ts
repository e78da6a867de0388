/**
 * An ACH case scored in the browser with the CLI's own scoring module, so the two agree: the
 * same ratings that apply, the same priors, the same perturbations for the sensitivity. This is
 * the part of src/assess/assess.ts that needs no store: bound items take the outcome of their
 * data test from the server's assessment.
 */
import {
  applyRule,
  diagnosticity,
  LEVELS,
  type Level,
  type Perturbation,
  RATINGS,
  type Rating,
  RULES,
  type RuleName,
  type RuleResult,
  type ScoredItem,
  type SensitivityChange,
  sensitivity,
} from "../../../src/assess/scoring.js";

export { LEVELS, type Level, RATINGS, type Rating, RULES, type RuleName };

export type Applied = "ratings" | "ratings_if_false" | "none";

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

const fill = (hyps: readonly string[], r: Readonly<Record<string, Rating>>) =>
  Object.fromEntries(hyps.map((h) => [h, r[h] ?? "NA"])) as Record<string, Rating>;

/** Priors as given, normalised to sum 1; uniform when not every hypothesis has one. */
export function priorsOf(c: CaseModel): Record<string, number> {
  const given = c.hypotheses.every((h) => h.prior !== undefined);
  const raw = c.hypotheses.map((h) => (given ? (h.prior as number) : 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(c.hypotheses.map((h, i) => [h.id, (raw[i] as number) / sum]));
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
 * Every rule and the sensitivity, as `entente assess` computes them. `outcomes` holds the
 * server's result of each bound item's test (missing: no data, the item does not count).
 */
export function scoreCase(c: CaseModel, outcomes: ReadonlyMap<string, Applied>): Scored {
  const hyps = c.hypotheses.map((h) => h.id);
  const priors = priorsOf(c);
  const scored: ScoredItem[] = [];
  const flips: Perturbation[] = [];
  const rows: ScoredRow[] = [];
  for (const e of c.evidence) {
    const bound = e.ratingsIfFalse !== undefined;
    const applied: Applied = bound ? (outcomes.get(e.id) ?? "none") : "ratings";
    const own = fill(hyps, e.ratings);
    const ifFalse = bound ? fill(hyps, e.ratingsIfFalse ?? {}) : own;
    const ratings =
      applied === "ratings" ? own : applied === "ratings_if_false" ? ifFalse : fill(hyps, {});
    const item: ScoredItem = {
      id: e.id,
      credibility: e.credibility,
      relevance: e.relevance,
      ratings,
    };
    if (applied !== "none") scored.push(item);
    if (bound) {
      if (applied !== "ratings") {
        flips.push({
          evidence: e.id,
          change: "binding test holds",
          item: { ...item, ratings: own },
        });
      }
      if (applied !== "ratings_if_false") {
        flips.push({
          evidence: e.id,
          change: "binding test fails",
          item: { ...item, ratings: ifFalse },
        });
      }
    }
    const target = applied === "ratings_if_false" ? "ratings_if_false" : "ratings";
    rows.push({
      ev: e,
      applied,
      target,
      shown: target === "ratings" ? own : ifFalse,
      diagnosticity: diagnosticity(item, hyps),
    });
  }
  const rules = Object.fromEntries(
    RULES.map((rule) => [rule, applyRule(rule, scored, hyps, priors)]),
  ) as Record<RuleName, RuleResult>;
  return { hyps, rows, rules, sensitivity: sensitivity(RULES, scored, hyps, priors, flips) };
}

/** The rating after `r` when a cell is clicked: CC → C → N → I → II → NA → CC. */
export const nextRating = (r: Rating): Rating =>
  RATINGS[(RATINGS.indexOf(r) + 1) % RATINGS.length] as Rating;

/** The first id "<prefix><n>" not taken. */
export function freeId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++)
    if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

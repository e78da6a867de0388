/**
 * ACH scoring rules, exactly as METHODS.md ("Analysis of Competing Hypotheses") defines them,
 * plus diagnosticity, rankings that surface ties, and the sensitivity of each rule's leader.
 * Pure functions: the matrix in, numbers out. See docs/assessment.md.
 */

export const RATINGS = ["CC", "C", "N", "I", "II", "NA"] as const;
export type Rating = (typeof RATINGS)[number];
export const LEVELS = ["H", "M", "L"] as const;
export type Level = (typeof LEVELS)[number];
export const RULES = ["heuer", "parc", "bayes"] as const;
export type RuleName = (typeof RULES)[number];

/** One evidence row as scored: the ratings that apply (missing = NA). */
export interface ScoredItem {
  readonly id: string;
  readonly credibility: Level;
  readonly relevance: Level;
  readonly ratings: Readonly<Record<string, Rating>>;
}

/** PARC ACH weights of credibility and relevance. */
export const LEVEL_WEIGHT: Readonly<Record<Level, number>> = {
  H: Math.SQRT2,
  M: 1,
  L: Math.SQRT1_2,
};
/** PARC ACH consistency values: only inconsistency counts. */
export const CONSISTENCY: Readonly<Record<Rating, number>> = {
  CC: 0,
  C: 0,
  N: 0,
  I: -1,
  II: -2,
  NA: 0,
};
/** P(E | H) of a rating (Schiller's Bayesian reading of ACH). */
export const LIKELIHOOD: Readonly<Record<Rating, number>> = {
  CC: 0.95,
  C: 0.8,
  N: 0.5,
  I: 0.2,
  II: 0.05,
  NA: 0.5,
};

const rating = (item: ScoredItem, h: string): Rating => item.ratings[h] ?? "NA";

/** Heuer: the number of I and II cells per hypothesis (fewer = more likely). */
export function heuerScores(items: readonly ScoredItem[], hyps: readonly string[]) {
  const out: Record<string, number> = {};
  for (const h of hyps) {
    out[h] = items.filter((e) => {
      const r = rating(e, h);
      return r === "I" || r === "II";
    }).length;
  }
  return out;
}

/** PARC weighted inconsistency: Σ consistency × credibility × relevance (≤ 0; nearer 0 = more likely). */
export function parcScores(items: readonly ScoredItem[], hyps: readonly string[]) {
  const out: Record<string, number> = {};
  for (const h of hyps) {
    let s = 0;
    for (const e of items) {
      s += CONSISTENCY[rating(e, h)] * LEVEL_WEIGHT[e.credibility] * LEVEL_WEIGHT[e.relevance];
    }
    out[h] = s === 0 ? 0 : s; // no -0
  }
  return out;
}

/** Bayesian reading: posterior ∝ prior × Π P(E|H), normalised. Priors default to uniform. */
export function bayesPosterior(
  items: readonly ScoredItem[],
  hyps: readonly string[],
  priors?: Readonly<Record<string, number>>,
) {
  // Logs keep long matrices from underflowing.
  const logs = hyps.map((h) => {
    let l = Math.log(priors?.[h] ?? 1 / hyps.length);
    for (const e of items) l += Math.log(LIKELIHOOD[rating(e, h)]);
    return l;
  });
  const max = Math.max(...logs);
  const w = logs.map((l) => Math.exp(l - max));
  const sum = w.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  hyps.forEach((h, i) => {
    out[h] = (w[i] as number) / sum;
  });
  return out;
}

/**
 * Diagnosticity of an item: log10 of the largest over the smallest P(E|H) across hypotheses
 * (the weight of evidence between the hypotheses it separates most). 0 when every hypothesis is
 * rated alike; C against I gives 0.602, CC against II 1.279.
 */
export function diagnosticity(item: ScoredItem, hyps: readonly string[]): number {
  const ls = hyps.map((h) => LIKELIHOOD[rating(item, h)]);
  return Math.log10(Math.max(...ls) / Math.min(...ls));
}

export interface Ranking {
  /** Hypotheses from most to least likely under the rule (ties keep the case's order). */
  readonly ranking: string[];
  /** Groups of hypotheses whose scores are equal (to 1e-9). */
  readonly ties: string[][];
  /** The single most likely hypothesis, or null when the first place is tied. */
  readonly leader: string | null;
}

const EPS = 1e-9;

export function rank(
  scores: Readonly<Record<string, number>>,
  hyps: readonly string[],
  better: "lower" | "higher",
): Ranking {
  const sign = better === "lower" ? 1 : -1;
  const order = [...hyps].sort((a, b) => {
    const d = sign * ((scores[a] as number) - (scores[b] as number));
    return Math.abs(d) < EPS ? hyps.indexOf(a) - hyps.indexOf(b) : d;
  });
  const ties: string[][] = [];
  let group: string[] = [];
  for (const h of order) {
    const prev = group[group.length - 1];
    if (prev !== undefined && Math.abs((scores[prev] as number) - (scores[h] as number)) < EPS) {
      group.push(h);
    } else {
      if (group.length > 1) ties.push(group);
      group = [h];
    }
  }
  if (group.length > 1) ties.push(group);
  const first = order[0] ?? null;
  const leader = first !== null && ties.some((t) => t.includes(first)) ? null : first;
  return { ranking: order, ties, leader };
}

export interface RuleResult extends Ranking {
  readonly rule: RuleName;
  readonly scores: Record<string, number>;
}

export function applyRule(
  rule: RuleName,
  items: readonly ScoredItem[],
  hyps: readonly string[],
  priors?: Readonly<Record<string, number>>,
): RuleResult {
  switch (rule) {
    case "heuer": {
      const scores = heuerScores(items, hyps);
      return { rule, scores, ...rank(scores, hyps, "lower") };
    }
    case "parc": {
      const scores = parcScores(items, hyps);
      return { rule, scores, ...rank(scores, hyps, "higher") };
    }
    case "bayes": {
      const scores = bayesPosterior(items, hyps, priors);
      return { rule, scores, ...rank(scores, hyps, "higher") };
    }
  }
}

/** A score as shown: Heuer counts as integers, PARC to 2 decimals, posteriors to 3. */
export function formatScore(rule: RuleName, v: number): string {
  return rule === "heuer" ? String(v) : rule === "parc" ? v.toFixed(2) : v.toFixed(3);
}

/** How a leader is written: its id, or the tied ids joined by " = ". */
export function leaderLabel(r: Ranking): string {
  if (r.leader) return r.leader;
  return r.ties[0]?.join(" = ") ?? "";
}

export interface SensitivityChange {
  readonly rule: RuleName;
  readonly evidence: string;
  /** "remove", "credibility L", "binding flipped", … */
  readonly change: string;
  /** The new leader (or tie, "H1 = H2") after the change. */
  readonly new_leader: string;
}

/** Alternative rows to try for one item: the change's name and the item as changed (null = removed). */
export interface Perturbation {
  readonly evidence: string;
  readonly change: string;
  readonly item: ScoredItem | null;
}

/**
 * What would change the conclusion: for each rule, the single-item changes (removal, another
 * credibility, a bound item's test going the other way) after which the leader is different.
 */
export function sensitivity(
  rules: readonly RuleName[],
  items: readonly ScoredItem[],
  hyps: readonly string[],
  priors: Readonly<Record<string, number>> | undefined,
  extra: readonly Perturbation[] = [],
): SensitivityChange[] {
  const perturbations: Perturbation[] = [];
  for (const e of items) {
    perturbations.push({ evidence: e.id, change: "remove", item: null });
    for (const c of LEVELS) {
      if (c !== e.credibility) {
        perturbations.push({
          evidence: e.id,
          change: `credibility ${c}`,
          item: { ...e, credibility: c },
        });
      }
    }
  }
  perturbations.push(...extra);
  const out: SensitivityChange[] = [];
  for (const rule of rules) {
    const base = leaderLabel(applyRule(rule, items, hyps, priors));
    for (const p of perturbations) {
      const changed = items.flatMap((e) => (e.id === p.evidence ? (p.item ? [p.item] : []) : [e]));
      if (!items.some((e) => e.id === p.evidence) && p.item) changed.push(p.item);
      const now = leaderLabel(applyRule(rule, changed, hyps, priors));
      if (now !== base) {
        out.push({ rule, evidence: p.evidence, change: p.change, new_leader: now });
      }
    }
  }
  return out;
}

/** Which ratings of an item apply: its own, those for a failed binding test, or none (no data). */
export type Applied = "ratings" | "ratings_if_false" | "none";

/** One evidence row before scoring: its ratings, and for a bound item the other set and outcome. */
export interface MatrixItem {
  readonly id: string;
  readonly credibility: Level;
  readonly relevance: Level;
  readonly ratings: Readonly<Record<string, Rating>>;
  /** Present for items bound to data. */
  readonly ratingsIfFalse?: Readonly<Record<string, Rating>>;
  /** "ratings" for items without a binding. */
  readonly applied: Applied;
}

export interface ScoredRow {
  readonly id: string;
  readonly applied: Applied;
  /** The ratings that apply, every hypothesis (NA everywhere when none apply). */
  readonly ratings: Record<string, Rating>;
  /** The item's own ratings and those for a failed test, every hypothesis filled. */
  readonly own: Record<string, Rating>;
  readonly ifFalse: Record<string, Rating>;
  readonly diagnosticity: number;
}

export interface MatrixScore {
  readonly rows: readonly ScoredRow[];
  readonly rules: Readonly<Partial<Record<RuleName, RuleResult>>>;
  readonly sensitivity: SensitivityChange[];
}

/** Priors as given, normalised to sum 1; uniform unless every hypothesis has one. */
export function normalisedPriors(
  hyps: ReadonlyArray<{ readonly id: string; readonly prior?: number | undefined }>,
): Record<string, number> {
  const given = hyps.every((h) => h.prior !== undefined);
  const raw = hyps.map((h) => (given ? (h.prior as number) : 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(hyps.map((h, i) => [h.id, (raw[i] as number) / sum]));
}

/**
 * Score a matrix as `entente assess` does (and the dashboard's editor, which runs this in the
 * browser): the ratings that apply per item, every selected rule, diagnosticity, and the
 * sensitivity including what each bound item's test going the other way would do. Items whose
 * binding has no data (`applied: "none"`) are shown but not scored.
 */
export function scoreMatrix(
  hyps: readonly string[],
  priors: Readonly<Record<string, number>>,
  items: readonly MatrixItem[],
  rules: readonly RuleName[],
): MatrixScore {
  const fill = (r: Readonly<Record<string, Rating>>) =>
    Object.fromEntries(hyps.map((h) => [h, r[h] ?? "NA"])) as Record<string, Rating>;
  const scored: ScoredItem[] = [];
  const flips: Perturbation[] = [];
  const rows: ScoredRow[] = [];
  for (const e of items) {
    const own = fill(e.ratings);
    const bound = e.ratingsIfFalse !== undefined;
    const ifFalse = bound ? fill(e.ratingsIfFalse ?? {}) : own;
    const ratings =
      e.applied === "ratings" ? own : e.applied === "ratings_if_false" ? ifFalse : fill({});
    const item: ScoredItem = {
      id: e.id,
      credibility: e.credibility,
      relevance: e.relevance,
      ratings,
    };
    if (e.applied !== "none") scored.push(item);
    if (bound) {
      // What if the data said otherwise (or, for missing data, either way)?
      if (e.applied !== "ratings") {
        flips.push({
          evidence: e.id,
          change: "binding test holds",
          item: { ...item, ratings: own },
        });
      }
      if (e.applied !== "ratings_if_false") {
        flips.push({
          evidence: e.id,
          change: "binding test fails",
          item: { ...item, ratings: ifFalse },
        });
      }
    }
    rows.push({
      id: e.id,
      applied: e.applied,
      ratings,
      own,
      ifFalse,
      diagnosticity: diagnosticity(item, hyps),
    });
  }
  const out: Partial<Record<RuleName, RuleResult>> = {};
  for (const rule of rules) out[rule] = applyRule(rule, scored, hyps, priors);
  return { rows, rules: out, sensitivity: sensitivity(rules, scored, hyps, priors, flips) };
}

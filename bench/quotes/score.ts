/**
 * Scoring attributions found by `entente text` against gold annotations (PolNeAR), by kind:
 * direct quotations and indirect attributions.
 *
 * - An attribution found is **correct** when its content overlaps the Content of a gold
 *   attribution (of any kind: a quoted phrase inside indirect speech is an attributed quote);
 *   precision = correct / found. A gold attribution is **recalled** when something found of the
 *   same kind overlaps its Content; recall = recalled / gold of that kind.
 * - On the correct ones, matched to the gold attribution they overlap most (same kind first):
 *   the **speaker** is right when the speaker mention found overlaps the gold Source, or, when
 *   the gold Source is a pronoun or a description, when the resolved speaker has the same name
 *   (its last capitalised word) as the nearest gold Source before it that is a name (PolNeAR does
 *   not annotate coreference); the **cue** is right when the cue found overlaps the gold Cue.
 *   "Resolved" speaker accuracy asks for the same name whatever the mention.
 */
import type { Article, GoldAttribution, Span } from "./polnear.js";

export interface Found {
  readonly kind: "direct" | "indirect";
  readonly content: Span;
  readonly mention: Span | null;
  /** The speaker as resolved (a name, or the words naming them). */
  readonly speaker: string | null;
  readonly cue: Span | null;
}

export interface Tally {
  gold: number;
  recalled: number;
  found: number;
  correct: number;
  speakerRight: number;
  resolvedRight: number;
  cueRight: number;
}

export const emptyTally = (): Tally => ({
  gold: 0,
  recalled: 0,
  found: 0,
  correct: 0,
  speakerRight: 0,
  resolvedRight: 0,
  cueRight: 0,
});

export function addTally(a: Tally, b: Tally): Tally {
  return {
    gold: a.gold + b.gold,
    recalled: a.recalled + b.recalled,
    found: a.found + b.found,
    correct: a.correct + b.correct,
    speakerRight: a.speakerRight + b.speakerRight,
    resolvedRight: a.resolvedRight + b.resolvedRight,
    cueRight: a.cueRight + b.cueRight,
  };
}

const overlap = (a: Span, b: Span): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const overlapAny = (a: Span, bs: readonly Span[] | null): number =>
  bs ? bs.reduce((n, b) => n + overlap(a, b), 0) : 0;

const PRONOUNS = new Set(
  "he she they him her it i we you who which his their its this that".split(" "),
);
/** Capitalised words that are not names: titles, determiners, sentence openers. */
const NOT_NAME = new Set(
  `The A An Mr Mrs Ms Dr Sen Rep Gov Gen President Senator Governor Secretary Rev Prof Former
  Democratic Republican Democrat Presidential Candidate Nominee Chairman Speaker Leader House
  Campaign Spokesman Spokeswoman Director Chief Lt Col Capt Sgt Vice Mayor Judge Justice`.split(
    /\s+/,
  ),
);

/** The last capitalised word of a name ("Donald J. Trump's" → "trump"), or null. */
export function nameKey(s: string | null): string | null {
  if (!s) return null;
  const words = s.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] ?? "").replace(/['’]s$/, "");
    if (w.length > 1 && !NOT_NAME.has(w)) return w.toLowerCase();
  }
  return null;
}

const textOf = (text: string, spans: readonly Span[] | null): string =>
  spans ? spans.map((s) => text.slice(s.start, s.end)).join(" ") : "";

/**
 * The name a gold attribution's Source stands for: its own, or for a pronoun or a description,
 * that of the nearest earlier gold Source that names someone.
 */
function goldNames(article: Article): Map<GoldAttribution, string | null> {
  const named = article.gold
    .filter((g) => g.source)
    .map((g) => ({
      g,
      at: g.source?.[0]?.start ?? 0,
      key: nameKey(textOf(article.text, g.source)),
    }))
    .sort((a, b) => a.at - b.at);
  const out = new Map<GoldAttribution, string | null>();
  let last: string | null = null;
  for (const n of named) {
    const words = textOf(article.text, n.g.source).trim().toLowerCase();
    const own = PRONOUNS.has(words) ? null : n.key;
    out.set(n.g, own ?? last);
    if (own) last = own;
  }
  return out;
}

export interface ArticleScore {
  readonly direct: Tally;
  readonly indirect: Tally;
  /** Gold direct quotations nothing found overlaps, and found quotes no gold overlaps. */
  readonly missed: readonly GoldAttribution[];
  readonly spurious: readonly Found[];
  /** Found quotes matched to gold with the wrong speaker. */
  readonly wrongSpeaker: ReadonlyArray<{ found: Found; gold: GoldAttribution }>;
}

export function scoreArticle(article: Article, found: readonly Found[]): ArticleScore {
  const names = goldNames(article);
  const tallies = { direct: emptyTally(), indirect: emptyTally() };
  const spurious: Found[] = [];
  const wrongSpeaker: Array<{ found: Found; gold: GoldAttribution }> = [];
  for (const g of article.gold) tallies[g.kind].gold++;
  for (const kind of ["direct", "indirect"] as const) {
    for (const g of article.gold) {
      if (g.kind !== kind) continue;
      if (found.some((f) => f.kind === kind && overlapAny(f.content, g.content) > 0))
        tallies[kind].recalled++;
    }
  }
  for (const f of found) {
    const t = tallies[f.kind];
    t.found++;
    let best: GoldAttribution | null = null;
    let bestScore = 0;
    for (const g of article.gold) {
      const o = overlapAny(f.content, g.content);
      if (o === 0) continue;
      const score = o + (g.kind === f.kind ? 1e6 : 0);
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (!best) {
      spurious.push(f);
      continue;
    }
    t.correct++;
    const want = names.get(best) ?? null;
    const mentionHit = f.mention !== null && overlapAny(f.mention, best.source) > 0;
    const resolved = want !== null && nameKey(f.speaker) === want;
    if (mentionHit || resolved) t.speakerRight++;
    else wrongSpeaker.push({ found: f, gold: best });
    if (resolved || (mentionHit && want === null)) t.resolvedRight++;
    if (f.cue && overlapAny(f.cue, best.cue) > 0) t.cueRight++;
  }
  const missed = article.gold.filter(
    (g) =>
      g.kind === "direct" &&
      !found.some((f) => f.kind === "direct" && overlapAny(f.content, g.content) > 0),
  );
  return { ...tallies, missed, spurious, wrongSpeaker };
}

/**
 * What the quote rules share: the text with quoted words masked, its sentences, and the helpers
 * that read a speaker and a cue out of a pattern match (src/text/quotes.ts runs the steps).
 */

import { listedPeople } from "./office-holders.js";
import { isSpace, type Pair, type Para } from "./quote-marks.js";
import { quotePatterns } from "./quote-patterns.js";
import { opensSentence, sentenceBoundaries } from "./sentences.js";

export interface SpeakerSurface {
  /** The words naming the speaker, as written. */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}

export interface RawQuote {
  /** Span of the quoted words, without the marks (multi-paragraph: first word to last word). */
  readonly start: number;
  readonly end: number;
  /** The quoted words: paragraphs joined by one space, inner whitespace collapsed. */
  readonly text: string;
  readonly speaker: SpeakerSurface | null;
  /** The speaker surface is a pronoun (he/she/they), for the pipeline to resolve. */
  readonly pronoun: boolean;
  /** "said", "told", "according to", "colon", "continued", "transcript", "previous sentence", … */
  readonly cue: string;
  /**
   * The words of the cue as written, with offsets ("said", "according to", ":"); for a quote that
   * continues an earlier one, that quote's cue; null when there is none (cue "none").
   */
  readonly cueWords: SpeakerSurface | null;
  /** A block quote: a paragraph without quotation marks introduced by a colon. */
  readonly block?: boolean;
  /** A trailing apposition describing the speaker ("Russia's foreign minister"), when written. */
  readonly apposition?: string;
  /**
   * For a pronoun speaker: the nearest person named before it, as the subject of an earlier
   * sentence ("Lavrov welcomed him. "…," he said.") or as the speaker of an earlier quote.
   */
  readonly antecedent?: SpeakerSurface;
}

/** A quoted span that is not a quotation: a scare quote, a title, a slogan. */
export interface QuotedTerm {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Sentences, over a copy of the text where quoted words are masked.

export interface Context {
  readonly text: string;
  /** The text with every quoted word replaced by "_" (marks kept): cues are searched here. */
  readonly masked: string;
  readonly paras: readonly Para[];
  /** Sentence ends (index after the final punctuation) per paragraph. */
  readonly breaks: readonly number[][];
  /** personLike answers by surface. */
  readonly personLike: Map<string, boolean>;
}

/**
 * Sentence ends (index after the final punctuation and closing marks) of one paragraph: those of
 * the sentence splitter (sentences.ts) run on the masked text, so that punctuation inside quotes
 * does not count, and the closing mark of a quote whose words end with . ! ? when a new sentence
 * starts after it ("…the end." Then …).
 */
export function sentenceBreaks(
  text: string,
  masked: string,
  p: Para,
  pairs: readonly Pair[],
): number[] {
  const out = sentenceBoundaries(masked, p.start, p.end).map((b) => b.end);
  for (const pair of pairs) {
    if (pair.close === null) continue;
    const inner = text.slice(pair.open + 1, pair.close).trimEnd();
    if (!/[.!?]$/.test(inner)) continue;
    let k = pair.close + 1;
    while (k < p.end && isSpace(text[k])) k++;
    if (k < p.end && (k === pair.close + 1 || !opensSentence(text, k))) continue;
    // "…?" Ortega asked. — after a question or an exclamation, the cue after the mark belongs to
    // the quote's sentence (after a full stop, a name and a verb start a new one).
    if (
      k < p.end &&
      /[?!]$/.test(inner) &&
      cueFollows(masked.slice(pair.close + 1, Math.min(p.end, k + 200)))
    )
      continue;
    out.push(pair.close + 1);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The sentence `s` holds an attribution: a speaker with a cue verb, or "according to". */
export function attributes(s: string): boolean {
  const qp = quotePatterns();
  return allMatches(qp.beforeSv, s).length > 0 || allMatches(qp.beforeAccording, s).length > 0;
}

/** An attribution cue opens `s`: "said X", "X said", "according to X". */
export function cueFollows(s: string): boolean {
  const qp = quotePatterns();
  return (
    qp.afterInverted.test(s) ||
    qp.afterSv.test(s) ||
    qp.afterAccording.test(s) ||
    qp.afterAnyVerb.test(s)
  );
}

export const sentenceStart = (ctx: Context, para: number, pos: number): number => {
  let s = ctx.paras[para]?.start ?? 0;
  for (const b of ctx.breaks[para] ?? []) if (b <= pos) s = b;
  return s;
};
export const sentenceEnd = (ctx: Context, para: number, pos: number): number => {
  for (const b of ctx.breaks[para] ?? []) if (b > pos) return b;
  return ctx.paras[para]?.end ?? ctx.text.length;
};

// ---------------------------------------------------------------------------------------------
// Step 3: attribution.

export interface Attribution {
  readonly speaker: SpeakerSurface | null;
  readonly cue: string;
  readonly cueWords: SpeakerSurface | null;
  readonly apposition?: string;
  /** Where the cue came from: decides whether a following quote continues this one. */
  readonly via: "after" | "before" | "continued" | "other";
}

export type Groups = Record<string, [number, number] | undefined>;

/** The speaker named by group `sp` (or `sp2`) of a match run on `masked.slice(base)`. */
export function speakerOf(text: string, m: RegExpExecArray, base: number): SpeakerSurface | null {
  const g = m.indices?.groups as Groups | undefined;
  const span = g?.sp ?? g?.sp2;
  if (!span) return null;
  const start = base + span[0];
  const end = base + span[1];
  return { surface: text.slice(start, end), start, end };
}

/** The words of group `verb` (or `verb2`) of a match run on `masked.slice(base)`. */
export function cueWordsOf(text: string, m: RegExpExecArray, base: number): SpeakerSurface | null {
  const g = m.indices?.groups as Groups | undefined;
  const span = g?.verb ?? g?.verb2;
  if (!span) return null;
  return {
    surface: text.slice(base + span[0], base + span[1]),
    start: base + span[0],
    end: base + span[1],
  };
}

export const cueOf = (m: RegExpExecArray): string =>
  (m.groups?.verb ?? m.groups?.verb2 ?? "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace("was quoted as saying", "quoted");

export const appositionOf = (m: RegExpExecArray): string | undefined =>
  (m.groups?.ap ?? m.groups?.tap)?.trim() || undefined;

export function allMatches(regex: RegExp, s: string): RegExpExecArray[] {
  regex.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = regex.exec(s); m; m = regex.exec(s)) {
    out.push(m);
    regex.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return out;
}

export function lastMatch(regex: RegExp, s: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = regex.exec(s); m; m = regex.exec(s)) {
    last = m;
    regex.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return last;
}

export const isPronoun = (s: SpeakerSurface | null): boolean =>
  s !== null && /^(he|she|they)$/i.test(s.surface);

export const wordCount = (s: string): number =>
  s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

let surnames: ReadonlySet<string> | undefined;

/** The surnames of listed office holders that are not also common words or first names. */
export function listedSurnames(): ReadonlySet<string> {
  surnames ??= new Set(listedPeople().flatMap((p) => (p.commonSurname ? [] : p.surnames)));
  return surnames;
}

/**
 * A single capitalised word opening a sentence ("Analysts were cautious") is only taken for a
 * name when the text also writes it capitalised inside a sentence ("… met Putin in …").
 */
export function personLike(ctx: Context, s: SpeakerSurface): boolean {
  const surface = s.surface;
  if (/\s/.test(surface) || /^\p{Ll}/u.test(surface) || isPronoun(s)) return true;
  // A surname of the office-holder list ("Lavrov", not "Major") is a name wherever it stands.
  if (listedSurnames().has(surface)) return true;
  let known = ctx.personLike.get(surface);
  if (known === undefined) {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    known = new RegExp(`[\\p{L},]\\s+${escaped}(?![\\p{L}])`, "u").test(ctx.masked);
    ctx.personLike.set(surface, known);
  }
  return known;
}

export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The colon at `at`, as cue words. */
export const colonAt = (at: number): SpeakerSurface => ({
  surface: ":",
  start: at,
  end: at + 1,
});

/** The first colon at or after `from` (a transcript label's), as cue words. */
export function colonAfter(text: string, from: number): SpeakerSurface | null {
  const at = text.indexOf(":", from);
  return at < 0 ? null : colonAt(at);
}

/** The word starting at `from` (after spaces): the verb after a sentence's subject. */
export function wordAfter(text: string, from: number): SpeakerSurface | null {
  const m = /^\s*([\p{L}\p{M}'’-]+)/u.exec(text.slice(from, from + 40));
  if (!m?.[1]) return null;
  const start = from + m[0].length - m[1].length;
  return { surface: m[1], start, end: start + m[1].length };
}

/**
 * Attributed quotations, found by rules (no model): who said what, as written. The extractor works
 * on plain text whose paragraphs are separated by a blank line ("\n\n") and reports, for each
 * quotation, the quoted words and the SPEAKER SURFACE (the words naming the speaker: "Sergei
 * Lavrov", "Mr Xi", "the Russian foreign minister", "the ministry", "he"), with exact offsets.
 * Resolving a surface to a person (and a pronoun to the last named speaker) is left to the pipeline.
 *
 * It runs in three steps:
 *
 *   1. paragraphs and transcript turns ("LAVROV: …" is a quote by LAVROV; "Q: …" is not);
 *   2. a tokenizer for quotation marks in each paragraph: straight "…", curly “…”, guillemets «…»
 *      (single ‘…’ and apostrophes are ignored: a single-quoted passage is only ever nested inside
 *      a double-quoted one and belongs to it), then multi-paragraph quotes, where each continued
 *      paragraph opens with a mark and only the last one closes;
 *   3. attribution of each quotation, first rule that applies:
 *        a. split quote in one sentence:  "…," X said, "…"            → cue "continued"
 *        b. cue after the quote:          "…," X said. / "…," said X. / "…", according to X.
 *        c. cue before the quote:         X said: "…" / X said that "…" / According to X, "…" /
 *                                         X told the meeting:¶"…  / X put it plainly: "…"  (colon)
 *        d. continuation of the previous quote's speaker: "…," X said. "…"  (same or next paragraph)
 *        e. following sentence:           "…" Those were X's words.
 *        f. previous sentence:            X spoke of the partnership. "…"
 *        g. a full quoted sentence with none of the above: a quote with no speaker (cue "none").
 *      A quoted span that none of these makes a quote (no cue, or a cue but only 1–3 words inside a
 *      sentence: "so-called "no limits" partnership") is a quoted term, see `quotedTerms`.
 *
 * Offsets are UTF-16 indices into the text: `text.slice(q.start, q.end)` is the quoted words of a
 * one-paragraph quote and `text.slice(s.start, s.end) === s.surface` for every speaker.
 */

import { weakCue } from "./cue-verbs.js";
import { isSpace, type Pair, type Para, pairMarks, paragraphs, type Unit } from "./quote-marks.js";
import { NOT_TURN_LABELS, QUESTION_LABELS, quotePatterns } from "./quote-patterns.js";
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

export function extractQuotes(text: string): RawQuote[] {
  return analyse(text).quotes;
}

export function quotedTerms(text: string): QuotedTerm[] {
  return analyse(text).terms;
}

/**
 * Whom a pronoun speaker of quote `i` most likely refers to: the quote's `antecedent` when the
 * extractor found one, else the speaker of the nearest earlier quote named by a name or a title
 * (not a pronoun). Null when there is none.
 */
export function lastNamedSpeaker(quotes: readonly RawQuote[], i: number): SpeakerSurface | null {
  const own = quotes[i]?.antecedent;
  if (own) return own;
  for (let j = Math.min(i, quotes.length) - 1; j >= 0; j--) {
    const q = quotes[j];
    if (q?.speaker && !q.pronoun) return q.speaker;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sentences, over a copy of the text where quoted words are masked.

interface Context {
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
function sentenceBreaks(text: string, masked: string, p: Para, pairs: readonly Pair[]): number[] {
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
function attributes(s: string): boolean {
  const qp = quotePatterns();
  return allMatches(qp.beforeSv, s).length > 0 || allMatches(qp.beforeAccording, s).length > 0;
}

/** An attribution cue opens `s`: "said X", "X said", "according to X". */
function cueFollows(s: string): boolean {
  const qp = quotePatterns();
  return qp.afterInverted.test(s) || qp.afterSv.test(s) || qp.afterAccording.test(s);
}

const sentenceStart = (ctx: Context, para: number, pos: number): number => {
  let s = ctx.paras[para]?.start ?? 0;
  for (const b of ctx.breaks[para] ?? []) if (b <= pos) s = b;
  return s;
};
const sentenceEnd = (ctx: Context, para: number, pos: number): number => {
  for (const b of ctx.breaks[para] ?? []) if (b > pos) return b;
  return ctx.paras[para]?.end ?? ctx.text.length;
};

// ---------------------------------------------------------------------------------------------
// Step 3: attribution.

interface Attribution {
  readonly speaker: SpeakerSurface | null;
  readonly cue: string;
  readonly cueWords: SpeakerSurface | null;
  readonly apposition?: string;
  /** Where the cue came from: decides whether a following quote continues this one. */
  readonly via: "after" | "before" | "continued" | "other";
}

type Groups = Record<string, [number, number] | undefined>;

/** The speaker named by group `sp` (or `sp2`) of a match run on `masked.slice(base)`. */
function speakerOf(text: string, m: RegExpExecArray, base: number): SpeakerSurface | null {
  const g = m.indices?.groups as Groups | undefined;
  const span = g?.sp ?? g?.sp2;
  if (!span) return null;
  const start = base + span[0];
  const end = base + span[1];
  return { surface: text.slice(start, end), start, end };
}

/** The words of group `verb` of a match run on `masked.slice(base)`. */
function cueWordsOf(text: string, m: RegExpExecArray, base: number): SpeakerSurface | null {
  const span = (m.indices?.groups as Groups | undefined)?.verb;
  if (!span) return null;
  return {
    surface: text.slice(base + span[0], base + span[1]),
    start: base + span[0],
    end: base + span[1],
  };
}

const cueOf = (m: RegExpExecArray): string =>
  (m.groups?.verb ?? "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace("was quoted as saying", "quoted");

const appositionOf = (m: RegExpExecArray): string | undefined =>
  (m.groups?.ap ?? m.groups?.tap)?.trim() || undefined;

function allMatches(regex: RegExp, s: string): RegExpExecArray[] {
  regex.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = regex.exec(s); m; m = regex.exec(s)) {
    out.push(m);
    regex.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return out;
}

function lastMatch(regex: RegExp, s: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = regex.exec(s); m; m = regex.exec(s)) {
    last = m;
    regex.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return last;
}

const isPronoun = (s: SpeakerSurface | null): boolean =>
  s !== null && /^(he|she|they)$/i.test(s.surface);

const wordCount = (s: string): number =>
  s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * A single capitalised word opening a sentence ("Analysts were cautious") is only taken for a
 * name when the text also writes it capitalised inside a sentence ("… met Putin in …").
 */
function personLike(ctx: Context, s: SpeakerSurface): boolean {
  const surface = s.surface;
  if (/\s/.test(surface) || /^\p{Ll}/u.test(surface) || isPronoun(s)) return true;
  let known = ctx.personLike.get(surface);
  if (known === undefined) {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    known = new RegExp(`[\\p{L},]\\s+${escaped}(?![\\p{L}])`, "u").test(ctx.masked);
    ctx.personLike.set(surface, known);
  }
  return known;
}

function analyse(text: string): { quotes: RawQuote[]; terms: QuotedTerm[] } {
  const paras = paragraphs(text);

  // Step 1: transcript turns ("LAVROV: …"), only in a text with two labelled turns or more. A
  // paragraph without a label continues the turn before it (up to three paragraphs).
  type Turn = { label: string; labelStart: number; textStart: number; question: boolean };
  const turns: (Turn | "continued" | null)[] = paras.map((p) => {
    const m = quotePatterns().turn.exec(text.slice(p.start, p.end));
    const label = m?.groups?.label?.replace(/[.\s]+$/, "");
    if (!m || !label || NOT_TURN_LABELS.has(label) || label.split(" ").length > 4) return null;
    const question = QUESTION_LABELS.has(label);
    return { label, labelStart: p.start, textStart: p.start + m[0].length, question };
  });
  if (turns.filter((t) => t !== null).length < 2) turns.fill(null);
  for (let i = 1, run = 0; i < turns.length; i++) {
    run = turns[i] ? 0 : run + 1;
    if (!turns[i] && turns[i - 1] && run <= 3) turns[i] = "continued";
  }

  // Step 2: marks, masked text, sentences.
  const pairs = paras.map((p, i) => pairMarks(text, p, i));
  // Block quotes: a paragraph without quotation marks after one that ends with a colon
  // ("Putin stated that:¶Russia and China …"); a quote only if the colon's sentence names a
  // speaker with a cue (checked in step 3).
  const blocks = paras.flatMap((p, i) => {
    const prev = paras[i - 1];
    if (!prev || turns[i] || turns[i - 1] || (pairs[i]?.length ?? 0) > 0) return [];
    if (
      !/:\s*$/.test(text.slice(prev.start, prev.end)) ||
      /["“”«»„]/.test(text.slice(p.start, p.end))
    )
      return [];
    if (wordCount(text.slice(p.start, p.end)) < 5) return [];
    return [
      {
        parts: [{ start: p.start, end: p.end }],
        open: p.start,
        close: p.end,
        firstPara: i,
        lastPara: i,
      },
    ];
  });
  // UTF-16 units, so that offsets in the masked copy are those of `text`.
  const maskedChars = text.split("");
  for (const ps of pairs)
    for (const pair of ps) {
      const end = pair.close ?? paras[pair.para]?.end ?? text.length;
      for (let i = pair.open + 1; i < end; i++) if (!isSpace(maskedChars[i])) maskedChars[i] = "_";
    }
  for (const b of blocks)
    for (let i = b.open; i < b.close; i++) if (!isSpace(maskedChars[i])) maskedChars[i] = "_";
  const masked = maskedChars.join("");
  const ctx: Context = {
    text,
    masked,
    paras,
    breaks: paras.map((p, i) => sentenceBreaks(text, masked, p, pairs[i] ?? [])),
    personLike: new Map(),
  };

  // Multi-paragraph quotes: an unclosed quote continues into the next paragraph when that one
  // opens with a mark; the chain ends at the first paragraph whose opening quote closes.
  const units: Unit[] = [];
  const consumed = new Set<Pair>();
  for (let i = 0; i < paras.length; i++) {
    if (turns[i]) continue;
    for (const pair of pairs[i] ?? []) {
      if (consumed.has(pair)) continue;
      if (pair.close !== null) {
        units.push({
          parts: [{ start: pair.open + 1, end: pair.close }],
          open: pair.open,
          close: pair.close,
          firstPara: i,
          lastPara: i,
        });
        continue;
      }
      const parts = [{ start: pair.open + 1, end: paras[i]?.end ?? text.length }];
      let k = i + 1;
      let last: Pair | undefined;
      const chain: Pair[] = [];
      while (k < paras.length && !turns[k]) {
        const first = pairs[k]?.[0];
        if (!first || first.open !== paras[k]?.start) break;
        chain.push(first);
        if (first.close === null) {
          parts.push({ start: first.open + 1, end: paras[k]?.end ?? text.length });
          k++;
          continue;
        }
        parts.push({ start: first.open + 1, end: first.close });
        last = first;
        break;
      }
      // No closing paragraph: the opening mark yields no quote.
      if (!last || last.close === null) continue;
      const unit: Unit = {
        parts,
        open: pair.open,
        close: last.close,
        firstPara: i,
        lastPara: k,
      };
      // A chain attributed twice (cue before its start and after its end) is two quotes, the
      // first one unclosed: keep the second only.
      if (pair.open > (paras[i]?.start ?? 0) && beforeCue(ctx, unit) && afterCue(ctx, unit))
        continue;
      for (const c of chain) consumed.add(c);
      units.push(unit);
    }
  }

  // Step 3: attribution, in document order.
  const quotes: RawQuote[] = [];
  const terms: QuotedTerm[] = [];
  const done: { unit: Unit; att: Attribution | null }[] = [];
  const blockSet = new Set<Unit>(blocks);
  for (const unit of [...units, ...blocks].sort((a, b) => a.open - b.open)) {
    if (blockSet.has(unit)) {
      // A block quote needs a speaker named with a speech verb before its colon.
      const att = blockCue(ctx, unit);
      const q = att ? toQuote(text, unit, att, null) : null;
      if (q && att) {
        quotes.push({ ...q, block: true });
        done.push({ unit, att });
      }
      continue;
    }
    const att = attribute(ctx, unit, done);
    const q = att ? toQuote(text, unit, att, antecedent(ctx, unit, att, done)) : null;
    if (q && att && accepted(ctx, unit, q, att)) {
      quotes.push(q);
      done.push({ unit, att });
    } else {
      done.push({ unit, att: null });
      if (unit.firstPara === unit.lastPara) {
        const s = trimSpan(text, unit.open + 1, unit.close);
        terms.push({ ...s, text: collapse(text.slice(s.start, s.end)) });
      }
    }
  }

  // Transcript turns: the whole turn, with the continued paragraphs, is the quote.
  for (let i = 0; i < paras.length; i++) {
    const turn = turns[i];
    if (!turn || turn === "continued") continue;
    let k = i;
    while (turns[k + 1] === "continued") k++;
    if (turn.question) {
      for (let j = i; j <= k; j++)
        for (const pair of pairs[j] ?? [])
          if (pair.close !== null) {
            const s = trimSpan(text, pair.open + 1, pair.close);
            terms.push({ ...s, text: collapse(text.slice(s.start, s.end)) });
          }
      continue;
    }
    const parts = [{ start: turn.textStart, end: paras[i]?.end ?? text.length }];
    for (let j = i + 1; j <= k; j++) {
      const p = paras[j];
      if (p) parts.push({ start: p.start, end: p.end });
    }
    const label = turn.label;
    const named = !/^(A|ANSWER)$/.test(label);
    const start = turn.labelStart;
    quotes.push({
      start: parts[0]?.start ?? start,
      end: parts[parts.length - 1]?.end ?? start,
      text: parts.map((s) => collapse(text.slice(s.start, s.end))).join(" "),
      speaker: named ? { surface: label, start, end: start + label.length } : null,
      pronoun: false,
      cue: "transcript",
      cueWords: colonAfter(text, start + label.length),
    });
  }

  quotes.sort((a, b) => a.start - b.start);
  terms.sort((a, b) => a.start - b.start);
  return { quotes, terms };
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The colon at `at`, as cue words. */
const colonAt = (at: number): SpeakerSurface => ({
  surface: ":",
  start: at,
  end: at + 1,
});

/** The first colon at or after `from` (a transcript label's), as cue words. */
function colonAfter(text: string, from: number): SpeakerSurface | null {
  const at = text.indexOf(":", from);
  return at < 0 ? null : colonAt(at);
}

/** The word starting at `from` (after spaces): the verb after a sentence's subject. */
function wordAfter(text: string, from: number): SpeakerSurface | null {
  const m = /^\s*([\p{L}\p{M}'’-]+)/u.exec(text.slice(from, from + 40));
  if (!m?.[1]) return null;
  const start = from + m[0].length - m[1].length;
  return { surface: m[1], start, end: start + m[1].length };
}

/** Most words capitalised: a title ("Joint Military Exercises: Introducing a Dataset."). */
function titleCase(s: string): boolean {
  const ws = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const caps = ws.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return ws.length > 1 && caps / ws.length >= 0.7;
}

/**
 * 1–3 quoted words are a quote only right after or before a cue ("Nonsense," he said), never
 * inside a sentence (a "scare quote"); a quote without a speaker needs four words or more and
 * must not read as a title.
 */
function accepted(ctx: Context, unit: Unit, q: RawQuote, att: Attribution): boolean {
  const n = wordCount(q.text);
  if (att.speaker === null) return n > 3 && !titleCase(q.text);
  if (n > 3) return true;
  if (att.via !== "other" && !embedded(ctx, unit)) return true;
  // A quoted phrase that is most of what a speech verb introduces: "X called it “a disgrace”".
  return (
    att.via === "before" &&
    att.cue !== "colon" &&
    !weakCue(att.cue) &&
    quotedShare(ctx, unit, att) >= 0.5
  );
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

function toQuote(
  text: string,
  unit: Unit,
  att: Attribution,
  antecedent: SpeakerSurface | null,
): RawQuote | null {
  const parts = unit.parts
    .map((p) => trimSpan(text, p.start, p.end))
    .filter((p) => p.end > p.start);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) return null;
  // The comma before a closing mark belongs to the attribution ("…," he said), not to the words.
  while (last.end > last.start && /[\s,]/.test(text[last.end - 1] ?? "")) last.end--;
  const words = parts.map((p) => collapse(text.slice(p.start, p.end))).join(" ");
  if (!words) return null;
  const q: RawQuote = {
    start: first.start,
    end: last.end,
    text: words,
    speaker: att.speaker,
    pronoun: isPronoun(att.speaker),
    cue: att.cue,
    cueWords: att.cueWords,
  };
  return {
    ...q,
    ...(att.apposition ? { apposition: att.apposition } : {}),
    ...(antecedent ? { antecedent } : {}),
  };
}

/**
 * For a pronoun speaker, the nearest person named before the quote: going back sentence by
 * sentence (at most six, within three paragraphs), the subject of the sentence when it is a name
 * or a title ("The Chinese defence minister, Wei Fenghe, …" gives the name in apposition), else
 * the named speaker of a quote in that sentence.
 */
function antecedent(
  ctx: Context,
  unit: Unit,
  att: Attribution,
  done: readonly { unit: Unit; att: Attribution | null }[],
): SpeakerSurface | null {
  if (!isPronoun(att.speaker)) return null;
  let para = unit.firstPara;
  let end = sentenceStart(ctx, para, unit.open);
  for (let steps = 0; steps < 6 && para >= Math.max(0, unit.firstPara - 2); steps++) {
    const p = ctx.paras[para];
    if (!p) break;
    if (end <= p.start) {
      para--;
      end = ctx.paras[para]?.end ?? 0;
      continue;
    }
    const start = sentenceStart(ctx, para, end - 1);
    const m = quotePatterns().subject.exec(ctx.masked.slice(start, end));
    const subject = m ? speakerOf(ctx.text, m, start) : null;
    if (subject && !isPronoun(subject) && personLike(ctx, subject)) {
      const ap = m?.indices?.groups?.ap;
      const apText = ap ? ctx.text.slice(start + ap[0], start + ap[1]) : "";
      if (ap && quotePatterns().fullName.test(apText))
        return { surface: apText, start: start + ap[0], end: start + ap[1] };
      return subject;
    }
    for (let k = done.length - 1; k >= 0; k--) {
      const d = done[k];
      const speaker = d?.att?.speaker;
      if (d && speaker && !isPronoun(speaker) && d.unit.open >= start && d.unit.open < end)
        return speaker;
    }
    end = start;
  }
  return null;
}

/** The outside text of the sentence before the opening mark. */
function beforeText(ctx: Context, unit: Unit): { s: string; base: number } {
  const p = ctx.paras[unit.firstPara];
  const start = sentenceStart(ctx, unit.firstPara, unit.open);
  // A quote opening its paragraph after a paragraph ending with a colon: "Xi told the meeting:".
  if (p && unit.open === p.start && unit.firstPara > 0) {
    const prev = ctx.paras[unit.firstPara - 1];
    if (prev && ctx.masked[prev.end - 1] === ":") {
      const s = sentenceStart(ctx, unit.firstPara - 1, prev.end - 1);
      return { s: `${ctx.masked.slice(s, prev.end)} `, base: s };
    }
  }
  return { s: ctx.masked.slice(start, unit.open), base: start };
}

/** The outside text after the closing mark, to the end of its sentence or the next quote. */
function afterText(ctx: Context, unit: Unit): { s: string; base: number } {
  const from = unit.close + 1;
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  const nextMark = ctx.masked.slice(from, end).search(/["“«„”»]/);
  return { s: ctx.masked.slice(from, nextMark >= 0 ? from + nextMark : end), base: from };
}

function afterCue(ctx: Context, unit: Unit): (Attribution & { matchEnd: number }) | null {
  const qp = quotePatterns();
  const { s, base } = afterText(ctx, unit);
  for (const regex of [qp.afterAccording, qp.afterInverted, qp.afterSv]) {
    const m = regex.exec(s);
    if (!m) continue;
    const speaker = speakerOf(ctx.text, m, base);
    if (!speaker) continue;
    const apposition = appositionOf(m);
    return {
      speaker,
      cue: cueOf(m),
      cueWords: cueWordsOf(ctx.text, m, base),
      via: "after",
      matchEnd: base + m.index + m[0].length,
      ...(apposition ? { apposition } : {}),
    };
  }
  return null;
}

function beforeCue(ctx: Context, unit: Unit): Attribution | null {
  const qp = quotePatterns();
  const { s, base } = beforeText(ctx, unit);
  // "According to X, …" and "X said …" anywhere earlier in the sentence; the nearest wins.
  const candidates = [...allMatches(qp.beforeAccording, s), ...allMatches(qp.beforeSv, s)];
  candidates.sort((a, b) => b.index - a.index);
  let found: Attribution | null = null;
  let foundAt = -1;
  for (const [k, m] of candidates.entries()) {
    // "The minister said Paris wanted to support “…”": a weak cue reports inside an earlier
    // strong one.
    const earlierStrong = candidates.slice(k + 1).some((e) => !weakCue(e.groups?.verb ?? ""));
    if (earlierStrong && weakCue(m.groups?.verb ?? "")) continue;
    const speaker = speakerOf(ctx.text, m, base);
    if (!speaker) continue;
    const apposition = appositionOf(m);
    found = {
      speaker,
      cue: cueOf(m),
      cueWords: cueWordsOf(ctx.text, m, base),
      via: "before",
      ...(apposition ? { apposition } : {}),
    };
    foundAt = m.index;
    break;
  }
  // A participle after the clause that names the speaker: "…, saying “…”", "…, telling reporters, “…”";
  // or a second verb of the subject: "Ortega voted early and says he “…”".
  const part =
    [lastMatch(qp.participle, s), lastMatch(qp.coordinated, s)]
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => b.index - a.index)[0] ?? null;
  if (part && part.index > foundAt) {
    const speaker = found?.speaker ?? subjectOf(ctx, s, base);
    if (speaker)
      return {
        speaker,
        cue: cueOf(part),
        cueWords: cueWordsOf(ctx.text, part, base),
        via: "before",
      };
  }
  if (found) return found;
  // "Said Maria Ortega, who grew up there, “…”", "Stated Moreau: “…”".
  const inv = qp.beforeInverted.exec(s);
  const invSpeaker = inv ? speakerOf(ctx.text, inv, base) : null;
  if (inv && invSpeaker)
    return {
      speaker: invSpeaker,
      cue: cueOf(inv),
      cueWords: cueWordsOf(ctx.text, inv, base),
      via: "before",
    };
  if (/:\s*$/.test(s)) {
    // Any verb before the colon ("the retired teacher retorted:"), or a name alone
    // ("pollster Dana Whitfield:").
    for (const regex of [qp.colonVerb, qp.colonName]) {
      const m = regex.exec(s);
      const speaker = m ? speakerOf(ctx.text, m, base) : null;
      if (m && speaker && personLike(ctx, speaker))
        return {
          speaker,
          cue: "colon",
          cueWords: cueWordsOf(ctx.text, m, base) ?? colonAt(base + s.lastIndexOf(":")),
          via: "before",
        };
    }
  }
  // Colon with no speech verb: "Wang Yi put the Chinese position most clearly on March 7: "…"".
  if (/:\s*$/.test(s)) {
    const m = quotePatterns().subject.exec(s);
    const speaker = m ? speakerOf(ctx.text, m, base) : null;
    return {
      speaker: speaker && personLike(ctx, speaker) ? speaker : null,
      cue: "colon",
      cueWords: colonAt(base + s.lastIndexOf(":")),
      via: "before",
    };
  }
  return null;
}

/** The speaker and verb before the colon that introduces a block quote, or null. */
function blockCue(ctx: Context, unit: Unit): Attribution | null {
  const { s, base } = beforeText(ctx, unit);
  const m = quotePatterns().blockIntro.exec(s);
  const speaker = m ? speakerOf(ctx.text, m, base) : null;
  if (!m || !speaker || !personLike(ctx, speaker)) return null;
  const g = m.indices?.groups as Groups | undefined;
  const verb = g?.verb ?? g?.verb2;
  const cueWords = verb
    ? {
        surface: ctx.text.slice(base + verb[0], base + verb[1]),
        start: base + verb[0],
        end: base + verb[1],
      }
    : null;
  return { speaker, cue: (cueWords?.surface ?? "colon").toLowerCase(), cueWords, via: "before" };
}

/**
 * The subject of the sentence `s` (masked text from `base`): a name or a title followed by a verb,
 * at its start or after a leading clause ("Hours later, Ortega answered …").
 */
function subjectOf(ctx: Context, s: string, base: number): SpeakerSurface | null {
  const subject = quotePatterns().subject;
  let m = subject.exec(s);
  let at = 0;
  if (!m) {
    const comma = s.slice(0, 80).indexOf(", ");
    if (comma > 0) {
      at = comma + 2;
      m = subject.exec(s.slice(at));
    }
  }
  const speaker = m ? speakerOf(ctx.text, m, base + at) : null;
  return speaker && !isPronoun(speaker) && personLike(ctx, speaker)
    ? speaker
    : speaker && isPronoun(speaker)
      ? speaker
      : null;
}

/**
 * The share of quoted words in what the cue introduces: from the cue to the end of the clause that
 * holds the quote (its sentence's end, or a comma, semicolon or "and" after the quote).
 */
function quotedShare(ctx: Context, unit: Unit, att: Attribution): number {
  let from = att.cueWords?.end;
  if (from === undefined || from > unit.open) return 0;
  // "tells supporters that “…”": what is said starts after "that".
  const that = /(?<![\p{L}])that\s+/u.exec(ctx.masked.slice(from, unit.open));
  if (that) from += that.index + that[0].length;
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  const rest = ctx.masked.slice(unit.close + 1, end);
  const stop = rest.search(/[,;:]/);
  const region = ctx.masked.slice(from, stop >= 0 ? unit.close + 1 + stop : end);
  // Letters, as the annotators' rule for direct quotations counts them.
  const letters = (region.match(/[\p{L}\p{N}_]/gu) ?? []).length;
  if (letters === 0) return 0;
  return (region.match(/_/g) ?? []).length / letters;
}

/** The quote sits inside a sentence ("… were "at their best ever" and …"), not after a cue. */
function embedded(ctx: Context, unit: Unit): boolean {
  const before = beforeText(ctx, unit).s;
  const after = afterText(ctx, unit).s;
  const beforeOk = /^\s*$/.test(before) || /[:,—–]\s*$/.test(before);
  const afterOk =
    /^\s*$/.test(after) || /^\s*[,.;:!?—–-]/.test(after) || afterCue(ctx, unit) !== null;
  return !(beforeOk && afterOk);
}

/** Whether the quote opens its sentence (nothing but spaces before it in the sentence). */
function sentenceInitial(ctx: Context, unit: Unit): boolean {
  const start = sentenceStart(ctx, unit.firstPara, unit.open);
  // Nothing before it, or a short connective: "Therefore, “…”", "In his words, “…”".
  return /^\s*(?:\p{Lu}[\p{L}'’]*(?:\s+[\p{L}'’]+){0,3}\s*,\s*)?$/u.test(
    ctx.masked.slice(start, unit.open),
  );
}

function attribute(
  ctx: Context,
  unit: Unit,
  done: readonly { unit: Unit; att: Attribution | null }[],
): Attribution | null {
  const prev = done[done.length - 1];
  const prevAtt = prev?.att ?? null;

  // a. Split quote in one sentence: "…," X said, "…".
  if (prev && prevAtt?.via === "after" && prev.unit.lastPara === unit.firstPara) {
    const cue = afterCue(ctx, prev.unit);
    if (cue && /^[\s,:;—–-]*$/.test(ctx.masked.slice(cue.matchEnd, unit.open)))
      return {
        speaker: prevAtt.speaker,
        cue: "continued",
        cueWords: prevAtt.cueWords,
        via: "continued",
      };
  }

  // b. Cue after the quote.
  const after = afterCue(ctx, unit);
  if (after) {
    const { matchEnd: _, ...att } = after;
    return att;
  }

  // c. Cue before the quote.
  const before = beforeCue(ctx, unit);
  if (before) return before;

  if (!sentenceInitial(ctx, unit)) return null;
  const start = sentenceStart(ctx, unit.firstPara, unit.open);
  const p = ctx.paras[unit.firstPara];

  // d. The previous quote's speaker goes on: "…," X said. "…" (same or next paragraph); a
  // quoted title in between ("X told NBC's “Today”.") is not a quote and does not interrupt.
  const last = [...done].reverse().find((d) => d.att !== null);
  const lastAtt = last?.att ?? null;
  if (last && lastAtt?.speaker && finalInSentence(ctx, last.unit, lastAtt)) {
    const prevEnd = sentenceEnd(ctx, last.unit.lastPara, last.unit.close);
    const samePara = last.unit.lastPara === unit.firstPara && prevEnd === start;
    const paraBefore =
      p !== undefined &&
      unit.open === p.start &&
      last.unit.lastPara === unit.firstPara - 1 &&
      prevEnd === ctx.paras[last.unit.lastPara]?.end;
    if (samePara || paraBefore)
      return {
        speaker: lastAtt.speaker,
        cue: "continued",
        cueWords: lastAtt.cueWords,
        via: "continued",
      };
  }

  const quotedWords = collapse(ctx.text.slice(unit.open + 1, unit.close));
  const fullSentence = /[.!?]$/.test(quotedWords) && wordCount(quotedWords) > 3;

  // e. Following sentence: "…" Those were Xi's words.
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  if (end === unit.close + 1 || /^\s*$/.test(ctx.masked.slice(unit.close + 1, end))) {
    const next = ctx.masked.slice(end, sentenceEnd(ctx, unit.lastPara, end));
    const m = quotePatterns().following.exec(next);
    const speaker = m ? speakerOf(ctx.text, m, end) : null;
    if (speaker) return { speaker, cue: "following sentence", cueWords: null, via: "other" };
  }

  // f. Previous sentence in the paragraph whose subject is a person or a title; or the last
  // sentence of the paragraph before, when it attributes something ("Kashin argued that …").
  const prevPara = ctx.paras[unit.firstPara - 1];
  const inPara = p !== undefined && start > p.start;
  const prevStart = inPara
    ? sentenceStart(ctx, unit.firstPara, start - 1)
    : prevPara && p && unit.open === p.start
      ? sentenceStart(ctx, unit.firstPara - 1, prevPara.end - 1)
      : -1;
  if (prevStart >= 0) {
    const prevEnd = inPara ? start : (prevPara?.end ?? start);
    const sentence = ctx.masked.slice(prevStart, prevEnd);
    const m = quotePatterns().subject.exec(sentence);
    const speaker = m ? speakerOf(ctx.text, m, prevStart) : null;
    const attributing = attributes(sentence);
    if (speaker && (inPara || attributing) && (attributing || personLike(ctx, speaker)))
      return {
        speaker,
        cue: "previous sentence",
        cueWords: wordAfter(ctx.text, prevStart + (m?.index ?? 0) + (m?.[0].length ?? 0)),
        via: "other",
      };
  }

  // g. A full quoted sentence with no speaker in sight.
  if (fullSentence) return { speaker: null, cue: "none", cueWords: null, via: "other" };
  return null;
}

/** Nothing but the quote's cue follows it in its sentence (so a next quote may continue it). */
function finalInSentence(ctx: Context, unit: Unit, att: Attribution): boolean {
  if (att.via === "after" || att.via === "continued") return true;
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  if (!/^[\s.,;:!?"”»’)]*$/.test(ctx.masked.slice(unit.close + 1, end))) return false;
  return !embedded(ctx, unit) || wordCount(ctx.text.slice(unit.open + 1, unit.close)) > 3;
}

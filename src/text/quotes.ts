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
import {
  doubledApostrophes,
  isSpace,
  type Pair,
  pairMarks,
  paragraphs,
  type Unit,
} from "./quote-marks.js";
import {
  NOT_TURN_LABELS,
  namingComplement,
  QUESTION_LABELS,
  quotePatterns,
} from "./quote-patterns.js";

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

import {
  type Attribution,
  type Context,
  collapse,
  colonAfter,
  isPronoun,
  personLike,
  type QuotedTerm,
  type RawQuote,
  type SpeakerSurface,
  sentenceBreaks,
  sentenceStart,
  speakerOf,
  wordCount,
} from "./quote-context.js";
import {
  afterCue,
  attribute,
  beforeCue,
  beforeText,
  blockCue,
  embedded,
  quotedShare,
} from "./quote-cues.js";

function analyse(original: string): { quotes: RawQuote[]; terms: QuotedTerm[] } {
  // Offsets and every word are those of `original`; only doubled apostrophes read as marks.
  const text = doubledApostrophes(original);
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
  // A quoted phrase that is most of what a speech verb introduces: "X called it “a disgrace”",
  // or of the clause before a cue that follows it: "The plan is “a disgrace,” X said".
  if (att.via === "after") return quotedShareBefore(ctx, unit) >= 0.5;
  // The complement of a naming verb that is the cue: "X called the system “rigged”".
  if (att.via === "before" && att.cueWords && namingVerbAt(ctx, unit) === att.cueWords.start)
    return true;
  return (
    att.via === "before" &&
    att.cue !== "colon" &&
    !weakCue(att.cue) &&
    quotedShare(ctx, unit, att) >= 0.5
  );
}

/** Where the naming verb whose complement the quote is starts ("called the plan “…”"), or -1. */
function namingVerbAt(ctx: Context, unit: Unit): number {
  const { s, base } = beforeText(ctx, unit);
  const m = namingComplement(s);
  const verb = m?.indices?.groups?.verb;
  return verb ? base + verb[0] : -1;
}

/** The share of quoted letters from the start of the quote's sentence to its closing mark. */
function quotedShareBefore(ctx: Context, unit: Unit): number {
  const region = ctx.masked.slice(sentenceStart(ctx, unit.firstPara, unit.open), unit.close + 1);
  const letters = (region.match(/[\p{L}\p{N}_]/gu) ?? []).length;
  return letters === 0 ? 0 : (region.match(/_/g) ?? []).length / letters;
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

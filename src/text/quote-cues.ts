/**
 * Step 3 of src/text/quotes.ts: finding the cue and the speaker of one quotation, before it,
 * after it, before the colon of a block quote, or in the sentence before.
 */

import { weakCue } from "./cue-verbs.js";
import {
  type Attribution,
  allMatches,
  appositionOf,
  attributes,
  type Context,
  collapse,
  colonAt,
  cueOf,
  cueWordsOf,
  type Groups,
  isPronoun,
  lastMatch,
  personLike,
  type SpeakerSurface,
  sentenceEnd,
  sentenceStart,
  speakerOf,
  wordAfter,
  wordCount,
} from "./quote-context.js";
import type { Unit } from "./quote-marks.js";
import { namingComplement, quotePatterns } from "./quote-patterns.js";

/** The outside text of the sentence before the opening mark. */
export function beforeText(ctx: Context, unit: Unit): { s: string; base: number } {
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
export function afterText(ctx: Context, unit: Unit): { s: string; base: number } {
  const from = unit.close + 1;
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  const nextMark = ctx.masked.slice(from, end).search(/["“«„”»]/);
  return { s: ctx.masked.slice(from, nextMark >= 0 ? from + nextMark : end), base: from };
}

export function afterCue(ctx: Context, unit: Unit): (Attribution & { matchEnd: number }) | null {
  const qp = quotePatterns();
  const { s, base } = afterText(ctx, unit);
  // A quote that ends with a comma (or ! ?) is followed by its attribution: any verb will do.
  const regexes = [qp.afterAccording, qp.afterInverted, qp.afterSv];
  const any = commaFinal(ctx, unit, s);
  const found = cueAt(ctx, any ? [...regexes, qp.afterAnyVerb, qp.afterLoose] : regexes, s, base);
  if (found) return found;
  // "“…” for the victory, Ortega said.": a few words that finish the quoted sentence, then the
  // cue; only for a quote that opens its sentence and is most of what the cue introduces.
  const clause = /^[^,;:.!?]{2,80}?,(?=\s)/.exec(s);
  if (!clause || !sentenceInitial(ctx, unit)) return null;
  const quoted = letters(ctx.text.slice(unit.open + 1, unit.close));
  if (quoted < letters(clause[0])) return null;
  const rest = s.slice(clause[0].length);
  return cueAt(ctx, [qp.afterInverted, qp.afterSv], rest, base + clause[0].length);
}

export const letters = (s: string): number => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** The quote's words end with a comma, a dash, "!" or "?", or a comma follows the mark. */
export function commaFinal(ctx: Context, unit: Unit, after: string): boolean {
  const inner = ctx.text.slice(unit.open + 1, unit.close).trimEnd();
  return /[,!?—–-]$/.test(inner) || /^\s*,/.test(after);
}

/** The first of `regexes` that matches `s` (the masked text from `base`) with a speaker. */
export function cueAt(
  ctx: Context,
  regexes: readonly RegExp[],
  s: string,
  base: number,
): (Attribution & { matchEnd: number }) | null {
  for (const regex of regexes) {
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

/** Text ending with a preposition (then spaces): what follows it is not a subject. */
export const PREPOSITION_BEFORE =
  /(?<![\p{L}])(?:on|at|in|during|for|of|from|with|by|to|after|before|since|until|about|over|into|than)\s+$/iu;

export function beforeCue(ctx: Context, unit: Unit): Attribution | null {
  const qp = quotePatterns();
  const { s, base } = beforeText(ctx, unit);
  const cueFrom = (speaker: SpeakerSurface, m: RegExpExecArray): Attribution => ({
    speaker,
    cue: cueOf(m),
    cueWords: cueWordsOf(ctx.text, m, base),
    via: "before",
  });
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
    const named = speakerOf(ctx.text, m, base);
    if (!named) continue;
    // "Trump at the time said", "Ryan on Tuesday called": the object of a preposition is no
    // speaker; the sentence's subject is, when there is one.
    const according = /^according/i.test(m.groups?.verb ?? "");
    const speaker =
      !according && PREPOSITION_BEFORE.test(s.slice(0, named.start - base))
        ? (subjectOf(ctx, s, base) ?? named)
        : named;
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
    [lastMatch(qp.participle, s), lastMatch(qp.coordinated, s), lastMatch(qp.participleBefore, s)]
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => b.index - a.index)[0] ?? null;
  if (part && part.index > foundAt) {
    const speaker = found?.speaker ?? subjectOf(ctx, s, base);
    if (speaker) return cueFrom(speaker, part);
  }
  if (found) return found;
  // "Said Maria Ortega, who grew up there, “…”", "Stated Moreau: “…”".
  const inv = qp.beforeInverted.exec(s);
  const invSpeaker = inv ? speakerOf(ctx.text, inv, base) : null;
  if (inv && invSpeaker) return cueFrom(invSpeaker, inv);
  // A naming verb that is not a quotation cue, with its subject: "X dismissed the report as “…”".
  const naming = namingComplement(s);
  const nv = naming?.indices?.groups?.verb;
  if (naming && nv) {
    const sv = allMatches(qp.namingSv, s).find((m) => m.indices?.groups?.verb?.[0] === nv[0]);
    const speaker = sv ? speakerOf(ctx.text, sv, base) : subjectOf(ctx, s, base);
    if (speaker) return cueFrom(speaker, naming);
  }
  // A cue verb further back, with the sentence's subject as its speaker: "X, who studies …,
  // said, “…”", "X was prompted to say, “…”".
  const bare = lastMatch(qp.bareVerb, s);
  // A weak cue ("say") counts right before the mark: "… rose to say, “…”".
  const rightBefore = bare !== null && /^\s*[,:]?\s*$/.test(s.slice(bare.index + bare[0].length));
  if (bare && (rightBefore || !weakCue(bare.groups?.verb ?? ""))) {
    const speaker = subjectOf(ctx, s, base);
    if (speaker) return cueFrom(speaker, bare);
  }
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
export function blockCue(ctx: Context, unit: Unit): Attribution | null {
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
export function subjectOf(ctx: Context, s: string, base: number): SpeakerSurface | null {
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
 * The share of quoted letters in what the cue introduces, from the cue (or the "that" after it)
 * to the quote's closing mark: "called the plan “a gift to developers”" is mostly quotation,
 * "said Paris valued the “unprecedented level” of trust" is not. What follows the mark is left
 * out: it is most often a new clause ("… “a disgrace” in a tweet on Sunday").
 */
export function quotedShare(ctx: Context, unit: Unit, att: Attribution): number {
  let from = att.cueWords?.end;
  if (from === undefined || from > unit.open) return 0;
  // "tells supporters that “…”": what is said starts after "that".
  const that = /(?<![\p{L}])that\s+/u.exec(ctx.masked.slice(from, unit.open));
  if (that) from += that.index + that[0].length;
  // The clause goes on after the mark until punctuation or a word that starts a new part of
  // the sentence ("and", "in", "who", "saying"): "“unprecedented level” of trust" goes on.
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  const rest = ctx.masked.slice(unit.close + 1, end);
  const stop = rest.search(CLAUSE_STOP);
  const region = ctx.masked.slice(from, stop >= 0 ? unit.close + 1 + stop : end);
  // Letters, as the annotators' rule for direct quotations counts them.
  const letters = (region.match(/[\p{L}\p{N}_]/gu) ?? []).length;
  if (letters === 0) return 0;
  return (region.match(/_/g) ?? []).length / letters;
}

export const CLAUSE_STOP =
  /[,;:.!?()—–]|(?<![\p{L}])(?:and|or|but|in|on|at|to|for|by|from|with|as|after|before|while|when|because|during|who|which|that|than|since|until|if|over|\p{Ll}+ing)(?![\p{L}])/u;

/** The quote sits inside a sentence ("… were "at their best ever" and …"), not after a cue. */
export function embedded(ctx: Context, unit: Unit): boolean {
  const before = beforeText(ctx, unit).s;
  const after = afterText(ctx, unit).s;
  const beforeOk = /^\s*$/.test(before) || /[:,—–]\s*$/.test(before);
  const afterOk =
    /^\s*$/.test(after) || /^\s*[,.;:!?—–-]/.test(after) || afterCue(ctx, unit) !== null;
  return !(beforeOk && afterOk);
}

/** Whether the quote opens its sentence (nothing but spaces before it in the sentence). */
export function sentenceInitial(ctx: Context, unit: Unit): boolean {
  const start = sentenceStart(ctx, unit.firstPara, unit.open);
  // Nothing before it, or a short connective: "Therefore, “…”", "In his words, “…”".
  return /^\s*(?:\p{Lu}[\p{L}'’]*(?:\s+[\p{L}'’]+){0,3}\s*,\s*)?$/u.test(
    ctx.masked.slice(start, unit.open),
  );
}

export function attribute(
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
export function finalInSentence(ctx: Context, unit: Unit, att: Attribution): boolean {
  if (att.via === "after" || att.via === "continued") return true;
  const end = sentenceEnd(ctx, unit.lastPara, unit.close);
  if (!/^[\s.,;:!?"”»’)]*$/.test(ctx.masked.slice(unit.close + 1, end))) return false;
  return !embedded(ctx, unit) || wordCount(ctx.text.slice(unit.open + 1, unit.close)) > 3;
}

/**
 * Indirect attributions, found by rules: what someone said, thought or found, in the writer's
 * words ("X said that …", "…, X said.", "according to X, …"). Each has the content span, the
 * speaker as written and the cue as written, with offsets; resolving the speaker is left to the
 * pipeline, as for quotes. Sentences that hold a direct quotation are left to quotes.ts.
 */
import { quotePatterns } from "./quote-patterns.js";
import type { RawQuote, SpeakerSurface } from "./quotes.js";
import { splitSpan } from "./sentences.js";

type Groups = Record<string, [number, number] | undefined>;

function group(text: string, m: RegExpExecArray, base: number, ...names: string[]) {
  const g = m.indices?.groups as Groups | undefined;
  for (const n of names) {
    const span = g?.[n];
    if (span)
      return {
        surface: text.slice(base + span[0], base + span[1]),
        start: base + span[0],
        end: base + span[1],
      };
  }
  return null;
}

const isPronoun = (s: SpeakerSurface | null): boolean =>
  s !== null && /^(he|she|they|we|i|it)$/i.test(s.surface);

/** Trim spaces and a final full stop or comma from a content span. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /[\s.,;:]/.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e };
}

const words = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** "…, saying that …": the participle's speaker is the sentence's subject. */
function participleAttribution(
  text: string,
  s: string,
  base: number,
  end: number,
): RawQuote | null {
  const qp = quotePatterns();
  qp.participle.lastIndex = 0;
  const p = qp.participle.exec(s);
  const subject = p ? qp.subject.exec(s) : null;
  if (!p || !subject) return null;
  const after = /^\s*(?:that\s+)?/.exec(s.slice(p.index + p[0].length))?.[0].length ?? 0;
  const cueWords = group(text, p, base, "verb");
  const speaker = group(text, subject, base, "sp");
  const c = trimmed(text, base + p.index + p[0].length + after, end);
  const content = text.slice(c.start, c.end);
  if (!cueWords || !speaker || words(content) < 3) return null;
  return {
    start: c.start,
    end: c.end,
    text: content.replace(/\s+/g, " "),
    speaker,
    pronoun: isPronoun(speaker),
    cue: cueWords.surface.toLowerCase(),
    cueWords,
  };
}

/**
 * Indirect attributions of `text` (paragraphs separated by blank lines), skipping the sentences
 * that overlap one of `quotes`.
 */
export function extractIndirect(text: string, quotes: readonly RawQuote[]): RawQuote[] {
  const qp = quotePatterns();
  const out: RawQuote[] = [];
  for (const para of text.matchAll(/[^\n]+/g)) {
    for (const sent of splitSpan(text, para.index, para.index + para[0].length)) {
      if (quotes.some((q) => q.start < sent.end && sent.start < q.end)) continue;
      const s = text.slice(sent.start, sent.end);
      const base = sent.start;
      let found: {
        content: { start: number; end: number };
        m: RegExpExecArray;
        verb: string[];
      } | null = null;
      const lead = qp.accordingLead.exec(s);
      if (lead)
        found = {
          content: { start: base + lead[0].length, end: sent.end },
          m: lead,
          verb: ["verb"],
        };
      const trail = found ? null : (qp.accordingTrail.exec(s) ?? qp.indirectTrailing.exec(s));
      if (trail)
        found = {
          content: { start: base, end: base + trail.index },
          m: trail,
          verb: ["verb", "verb2"],
        };
      if (!found) {
        qp.indirectSv.lastIndex = 0;
        const m = qp.indirectSv.exec(s);
        if (m)
          found = {
            content: { start: base + m.index + m[0].length, end: sent.end },
            m,
            verb: ["verb"],
          };
      }
      if (!found) {
        const p = participleAttribution(text, s, base, sent.end);
        if (p) out.push(p);
        continue;
      }
      const speaker = group(text, found.m, base, "sp", "sp2");
      const cueWords = group(text, found.m, base, ...found.verb);
      const c = trimmed(text, found.content.start, found.content.end);
      const content = text.slice(c.start, c.end);
      if (!speaker || !cueWords || words(content) < 3) continue;
      out.push({
        start: c.start,
        end: c.end,
        text: content.replace(/\s+/g, " "),
        speaker,
        pronoun: isPronoun(speaker),
        cue: cueWords.surface.toLowerCase().replace(/\s+/g, " "),
        cueWords,
      });
    }
  }
  return out;
}

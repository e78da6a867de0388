/**
 * Rule-based sentence splitting inside each paragraph (never across paragraphs), with exact
 * offsets into TextDocument.text.
 *
 * A sentence ends at ".", "!", "?", "…" (or a run of them, e.g. "?!" or "..."), optionally
 * followed by closing quotes or brackets, when whitespace and then a capital letter, an opening
 * quote or bracket, or a digit follow. It does not end:
 * - after titles and other abbreviations that precede a name or number (Mr., Dr., Gen., St.,
 *   Jan., No., e.g., vs., …);
 * - after an initial ("V. Putin", "J. R. R. Tolkien");
 * - after abbreviations that may also end a sentence (U.S., U.K., U.N., etc., Inc., Ltd., Co.,
 *   Jr., Sr., and other dotted acronyms) unless the next word is a usual sentence opener
 *   ("the U.S. The talks…" splits, "U.S. officials" does not);
 * - inside numbers ("3.5") or before a lowercase word ("wait… and see").
 */
import type { Sentence, TextDocument } from "./types.js";

const MONTHS: ReadonlySet<string> = new Set([
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
]);

/** Abbreviated titles written before a name ("Gen. Ivanov", "Rev. Jackson"). */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  "Mr",
  "Mrs",
  "Ms",
  "Messrs",
  "Mme",
  "Mlle",
  "Dr",
  "Prof",
  "St",
  "Ste",
  "Gen",
  "Lt",
  "Col",
  "Maj",
  "Capt",
  "Cpt",
  "Cmdr",
  "Adm",
  "Sgt",
  "Cpl",
  "Brig",
  "Sen",
  "Rep",
  "Reps",
  "Gov",
  "Pres",
  "Amb",
  "Ambs",
  "Rev",
  "Hon",
  "Fr",
  "Sec",
];

/** Abbreviations that are followed by a name, a number or a phrase: never a sentence end. */
const NEVER_FINAL: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  "Mt",
  "Ft",
  "Dept",
  ...MONTHS,
  "No",
  "Nos",
  "Art",
  "Arts",
  "Para",
  "Fig",
  "Vol",
  "Ch",
  "vs",
  "v",
  "cf",
  "e.g",
  "i.e",
  "approx",
  "ca",
  "viz",
  "al",
]);

/** Abbreviations that can also end a sentence ("… made in the U.S. The …"). */
const MAYBE_FINAL: ReadonlySet<string> = new Set([
  "U.S",
  "U.K",
  "U.N",
  "U.S.A",
  "U.S.S.R",
  "E.U",
  "etc",
  "Inc",
  "Ltd",
  "Co",
  "Corp",
  "Jr",
  "Sr",
  "Bros",
  "a.m",
  "p.m",
  "A.M",
  "P.M",
]);

/** Words that usually open a sentence: after a MAYBE_FINAL abbreviation they mark a new one. */
const OPENERS: ReadonlySet<string> = new Set(
  (
    "The A An This That These Those It Its He She They We I You His Her Their Our My " +
    "In On At For But And Or So Yet However Meanwhile Moreover Still Then There Here " +
    "When While After Before Since If As Although Though Despite Under Over With Without " +
    "Some Many Most Several Both Each Every All No Not Only Also Such What Why How Who " +
    "Where Which Last Next Earlier Later Today Yesterday Tomorrow"
  ).split(" "),
);

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "'", "”", "’", "»", "›", ")", "]", "}"]);
const OPENING = /["'“‘«‹([{]/;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/;

/** Sentence spans of a document, paragraph by paragraph, in order. */
export function sentences(doc: TextDocument): Sentence[] {
  const out: Sentence[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    for (const s of splitSpan(doc.text, p.start, p.end)) out.push({ ...s, paragraph });
  });
  return out;
}

/** Split text[start, end) into sentence spans (trimmed of surrounding whitespace). */
export function splitSpan(
  text: string,
  start: number,
  end: number,
): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let from = start;
  for (const b of sentenceBoundaries(text, start, end)) {
    pushTrimmed(text, from, b.end, spans);
    from = b.next;
  }
  pushTrimmed(text, from, end, spans);
  return spans;
}

/** Where a sentence ends: after its final punctuation and closing marks (`end`), and where the next one starts (`next`). */
export interface Boundary {
  readonly end: number;
  readonly next: number;
}

/**
 * The sentence boundaries inside text[start, end), in order. The quote extractor runs this on a
 * copy of the text whose quoted words are masked, so that only the punctuation outside quotes
 * counts.
 */
export function sentenceBoundaries(text: string, start: number, end: number): Boundary[] {
  const out: Boundary[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    const ch = text[i] as string;
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    // The run of terminators and closing quotes/brackets.
    const termStart = i;
    let j = i;
    while (j < end && TERMINATORS.has(text[j] as string)) j++;
    const termEnd = j;
    while (j < end && CLOSERS.has(text[j] as string)) j++;
    const sentenceEnd = j;
    // Whitespace, then what starts the next sentence.
    let k = j;
    while (k < end && SPACE.test(text[k] as string)) k++;
    if (k === j || k >= end) {
      i = Math.max(j, i + 1);
      continue;
    }
    if (isBoundary(text, from, termStart, termEnd, k, end)) {
      out.push({ end: sentenceEnd, next: k });
      from = k;
    }
    i = k;
  }
  return out;
}

/** Whether text at `k` (after whitespace) can open a sentence: a capital, a digit, an opening quote or bracket. */
export function opensSentence(text: string, k: number): boolean {
  const c = text[k] ?? "";
  return UPPER.test(c) || OPENING.test(c) || DIGIT.test(c);
}

function pushTrimmed(
  text: string,
  start: number,
  end: number,
  spans: Array<{ start: number; end: number }>,
): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s] as string)) s++;
  while (e > s && SPACE.test(text[e - 1] as string)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** The word after position `k` (letters, digits, apostrophes), for opener checks. */
function wordAt(text: string, k: number, end: number): string {
  const m = /^[\p{L}\p{N}'’]+/u.exec(text.slice(k, Math.min(end, k + 40)));
  return m ? m[0] : "";
}

function isBoundary(
  text: string,
  from: number,
  termStart: number,
  termEnd: number,
  next: number,
  end: number,
): boolean {
  const nextCh = text[next] as string;
  if (!opensSentence(text, next)) return false;
  const run = text.slice(termStart, termEnd);
  // Only a single "." can be an abbreviation's dot; "!", "?", "…" and "..." always end.
  if (run !== ".") return true;
  // The token before the dot: back to whitespace or an opening bracket/quote.
  let b = termStart;
  while (b > from && !SPACE.test(text[b - 1] as string) && !OPENING.test(text[b - 1] as string))
    b--;
  const token = text.slice(b, termStart);
  if (token === "") return true;
  if (NEVER_FINAL.has(token)) {
    // "No." and month abbreviations only abbreviate before a number ("No. 5", "Jan. 12").
    if (token === "No" || token === "Nos" || MONTHS.has(token)) return !DIGIT.test(nextCh);
    return false;
  }
  // An initial: one capital letter ("V. Putin", "J. R. R. Tolkien").
  if (/^\p{Lu}$/u.test(token)) return false;
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(token);
  if (MAYBE_FINAL.has(token) || dotted) {
    return OPENERS.has(wordAt(text, next, end)) || OPENING.test(nextCh);
  }
  return true;
}

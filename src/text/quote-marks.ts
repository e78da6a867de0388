/**
 * Paragraphs and quotation marks: the double marks of each paragraph paired into quotations
 * (straight "…", curly “…”, guillemets «…»; single marks and apostrophes are left to the quote
 * they sit in), with a quote left open at the end of its paragraph marked as such.
 */
// ---------------------------------------------------------------------------------------------
// Step 1: paragraphs.

export interface Para {
  readonly start: number;
  readonly end: number;
}

export function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  const sep = /\n[ \t\r]*\n/g;
  let from = 0;
  for (let m = sep.exec(text); ; m = sep.exec(text)) {
    const to = m ? m.index : text.length;
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ start: s, end: e });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Step 2: quotation marks.

const OPENERS = new Set(["“", "«", "„"]);
const CLOSERS = new Set(["”", "»"]);
export const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** A pair of marks in one paragraph; `close` is null when the paragraph ends first. */
export interface Pair {
  readonly para: number;
  readonly open: number;
  readonly close: number | null;
}

/**
 * Pairs the double quotation marks of one paragraph. A mark's role comes from its context where
 * that is clear (a mark after a space and before a word opens; after a word and before a space or
 * punctuation closes), else from its shape (“ « open, ” » close), else, for a straight mark, from
 * whether a quote is open. So a typo like “…“ still closes, and a stray mark is ignored.
 */
export function pairMarks(text: string, p: Para, index: number): Pair[] {
  const nested = pairWith(text, p, index, true);
  if (nested[nested.length - 1]?.close !== null) return nested;
  // Unbalanced: an opening mark was never closed, and with nesting it would swallow every quote
  // after it. Read again without nesting (an opening mark inside a quote restarts it) and keep
  // that reading when it closes more quotes.
  const flat = pairWith(text, p, index, false);
  const closed = (ps: Pair[]) => ps.filter((x) => x.close !== null).length;
  return closed(flat) > closed(nested) ? flat : nested;
}

function pairWith(text: string, p: Para, index: number, nesting: boolean): Pair[] {
  const pairs: Pair[] = [];
  let depth = 0;
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i] ?? "";
    if (c !== '"' && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
    const prev = i > p.start ? text[i - 1] : undefined;
    const next = i + 1 < p.end ? text[i + 1] : undefined;
    const openLike = (isSpace(prev) || /[([{—–\-/“«„‘]/.test(prev ?? "")) && !isSpace(next);
    const closeLike =
      !isSpace(prev) && (isSpace(next) || /[.,;:!?)\]}—–\-/”»’'"]/.test(next ?? ""));
    let role: "open" | "close";
    if (OPENERS.has(c)) role = closeLike && !openLike && depth > 0 ? "close" : "open";
    else if (CLOSERS.has(c)) role = openLike && !closeLike && depth === 0 ? "open" : "close";
    else if (openLike && !closeLike) role = "open";
    else if (closeLike && !openLike) role = "close";
    else role = depth > 0 ? "close" : "open";

    if (role === "open") {
      if (depth === 0 || !nesting) open = i;
      depth = nesting ? depth + 1 : 1;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) pairs.push({ para: index, open, close: i });
    }
  }
  if (depth > 0) pairs.push({ para: index, open, close: null });
  return pairs;
}

/** A quotation candidate: one pair, or a chain of paragraphs continued by opening marks. */
export interface Unit {
  /** Inner spans (between the marks, or from the mark to the paragraph end). */
  readonly parts: { start: number; end: number }[];
  readonly open: number;
  readonly close: number;
  readonly firstPara: number;
  readonly lastPara: number;
}

/**
 * Dates written in a text (full dates, months, years) with exact offsets, and the document's own
 * date (dateline, publication cue, title), at which office holders and states are resolved.
 */
import type { FoundDate, TextDocument } from "./types.js";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH_INDEX = new Map<string, number>();
MONTH_NAMES.forEach((m, i) => {
  MONTH_INDEX.set(m, i + 1);
  MONTH_INDEX.set(m.toUpperCase(), i + 1);
  if (m.length > 3) {
    MONTH_INDEX.set(m.slice(0, 3), i + 1);
    MONTH_INDEX.set(m.slice(0, 3).toUpperCase(), i + 1);
  }
});
MONTH_INDEX.set("Sept", 9);
MONTH_INDEX.set("SEPT", 9);

const MONTH_RE = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join("|");
/** A month name, with the abbreviation's dot when it has one ("Sept."). */
const MON = `(${MONTH_RE})(?:\\.(?=\\s))?`;
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(\\d{4})";
const NB = "(?<![\\p{L}\\p{N}_])";
const NA = "(?![\\p{L}\\p{N}_])";

const DATE_RE = new RegExp(
  [
    // 2014-05-12
    `(?<![\\p{L}\\p{N}_.\\-/])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{N}]|-\\d)`,
    // 12 May 2014, 12th of May, 2014
    `${NB}${DAY}\\s+(?:of\\s+)?${MON},?\\s+${YEAR}${NA}`,
    // May 12, 2014; May 12th 2014
    `${NB}${MON}\\s+${DAY},?\\s+${YEAR}${NA}`,
    // May 2014, May of 2014
    `${NB}${MON},?\\s+(?:of\\s+)?${YEAR}${NA}`,
  ]
    .map((p) => `(?:${p})`)
    .join("|"),
  "gu",
);

const YEAR_RE = /(?<![\p{L}\p{N}_.,$€£¥#/+:%])(\d{4})(?![\p{L}\p{N}_%]|[.,:/]\d)/gu;

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const validYear = (y: number) => y >= 1000 && y <= 2999;

/**
 * Dates written out in the text: full dates ("12 May 2014", "May 12, 2014", "2014-05-12" →
 * "2014-05-12"), months ("May 2014" → "2014-05") and bare years 1900–2100 ("in 2014" → "2014";
 * not "2014km", "2,014", "1990s" or a group of a phone number). A month or day without a year
 * ("May said", "on May 12") is not a date.
 */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m !== null; m = DATE_RE.exec(text)) {
    const g = m;
    let value: string | null = null;
    if (g[1] !== undefined) {
      const [y, mo, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
      if (validYear(y) && validDay(y, mo, d)) value = `${g[1]}-${g[2]}-${g[3]}`;
    } else if (g[4] !== undefined) {
      const [d, mo, y] = [Number(g[4]), MONTH_INDEX.get(g[5] as string) ?? 0, Number(g[6])];
      if (validYear(y) && validDay(y, mo, d)) value = `${g[6]}-${pad(mo)}-${pad(d)}`;
    } else if (g[7] !== undefined) {
      const [mo, d, y] = [MONTH_INDEX.get(g[7]) ?? 0, Number(g[8]), Number(g[9])];
      if (validYear(y) && validDay(y, mo, d)) value = `${g[9]}-${pad(mo)}-${pad(d)}`;
    } else if (g[10] !== undefined) {
      const [mo, y] = [MONTH_INDEX.get(g[10]) ?? 0, Number(g[11])];
      if (validYear(y)) value = `${g[11]}-${pad(mo)}`;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (value !== null) {
      out.push({ start, end, value });
      taken.push([start, end]);
    }
  }
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m !== null; m = YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + 4;
    const y = Number(m[1]);
    if (y < 1900 || y > 2100) continue;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    if (partOfNumberGroup(text, start, end)) continue;
    out.push({ start, end, value: m[1] as string });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a four-digit run is a group of a longer number ("555-2014", "+7 495 2014 1234") rather
 * than a year. Year ranges ("2014-15", "1990–1995") are not groups.
 */
function partOfNumberGroup(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 6);
  const rangeBefore = /(?<!\d)(19|20)\d\d[-–]$/.test(before);
  if (/\d[-\s.]$/.test(before) && !rangeBefore) return true;
  const rangeAfter = /^[-–](\d{2}|\d{4})(?!\d)/.test(after);
  if ((/^-\d/.test(after) && !rangeAfter) || /^-\d\d?-\d/.test(after)) return true;
  if (/^\s\d{2,}[-\s]\d/.test(after)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The document's own date.

/** Words that introduce the publication date ("Published 20 May 2014", "Updated: …"). */
const DATE_CUE =
  /\b(?:published|posted|updated|dated|date|released|issued|delivered|filed)\b[^\n]{0,20}$/i;
/** A dateline ("MOSCOW, ", "Moscow, Tuesday, ") or nothing before the date. */
const DATELINE = /^(?:[A-Z][\p{L} .'-]{1,30},\s*(?:[A-Z][a-z]+day,\s*)?)?$/u;

/**
 * The document's own date: a full date in a dateline ("MOSCOW, May 20, 2014 —"), after a
 * publication cue ("Published 20 May 2014") or at the start of one of the first two paragraphs;
 * else a full date in the title; else the first full date in the first two paragraphs. Only
 * full dates (YYYY-MM-DD) count; null when there is none.
 */
export function documentDate(doc: TextDocument): string | null {
  const full = (s: string) => findDates(s).filter((d) => d.value.length === 10);
  const heads = doc.paragraphs.slice(0, 2).map((p) => doc.text.slice(p.start, p.end));
  for (const head of heads) {
    for (const d of full(head)) {
      const lead = head.slice(0, d.start);
      if (d.start < 100 && (DATE_CUE.test(lead) || DATELINE.test(lead))) return d.value;
    }
  }
  if (doc.title) {
    const t = full(doc.title)[0];
    if (t) return t.value;
  }
  for (const head of heads) {
    const d = full(head)[0];
    if (d) return d.value;
  }
  return null;
}

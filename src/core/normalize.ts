/**
 * Folding: one table of the characters that spell the same thing in plain ASCII (curly
 * apostrophes, Unicode hyphens and spaces, letters that Unicode does not decompose such as ß, ø,
 * ł), used by everything that matches names:
 *
 * - `normalizeName`: the crosswalk's keys (folded, lower case, punctuation as spaces);
 * - `foldWithOffsets`: office holders in a text (folded, with a map back to the text's offsets);
 * - `foldKeepingLength`: states and organisations in a text (one UTF-16 unit in, one out, so
 *   offsets need no map; the few letters that fold to two, ß → ss, stay as they are).
 *
 * Name keys are deliberately dumb: no word reordering, no stemming, no dropping of words, so
 * "Niger" and "Nigeria" or "Korea, Republic of" and "Korea, People's Republic of" can never
 * collapse into one key. Inversions such as "Korea, Rep." are handled by the reviewed alias
 * table, not here.
 */

/** Apostrophes, primes and accents used as apostrophes. */
const APOSTROPHES = "\u2018\u2019\u201B\u02BB\u02BC\u0060\u00B4\u2032";
/** Hyphens, the figure dash, the en dash and the minus sign. */
const HYPHENS = "\u2010\u2011\u2012\u2013\u2212";
/** No-break, figure, thin, hair, en, em and narrow no-break spaces. */
const SPACES = "\u00A0\u2007\u2009\u200A\u2002\u2003\u202F";

/** The folding table: character → its plain spelling (case kept). */
export const FOLD_TABLE: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...APOSTROPHES].map((c) => [c, "'"])),
  ...Object.fromEntries([...HYPHENS].map((c) => [c, "-"])),
  ...Object.fromEntries([...SPACES].map((c) => [c, " "])),
  // Letters that canonical decomposition leaves whole.
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  ł: "l",
  Ł: "L",
  ı: "i",
  þ: "th",
  Þ: "Th",
};

/** Combining marks (diacritics left over after decomposition). */
const MARKS_RE = /\p{M}+/gu;
const TABLE_RE = new RegExp(`[${Object.keys(FOLD_TABLE).join("")}]`, "g");

/** One character (code point) folded: the table, else its decomposition without marks. */
export function foldChar(ch: string): string {
  return FOLD_TABLE[ch] ?? ch.normalize("NFD").replace(MARKS_RE, "");
}

/**
 * Normalise a country name for exact matching: compatibility decomposition (NFKD: ligatures and
 * full-width forms too), diacritics stripped, the folding table, `&` → "and", lower case, every
 * run of punctuation (apostrophes, curly quotes, dots, commas, hyphens, brackets…) and whitespace
 * becomes one space, trimmed.
 *
 * "Côte d’Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" all give "cote d ivoire".
 */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(MARKS_RE, "")
    .replace(TABLE_RE, (ch) => FOLD_TABLE[ch] ?? ch)
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const APOSTROPHE_RE = new RegExp(`['${APOSTROPHES}]`, "g");

/**
 * The same, but with apostrophes removed instead of turned into a space, so "People's" also
 * matches "Peoples" and "d'Ivoire" also matches "dIvoire". Used only to add a second index key
 * for each alias, never for fuzzy matching.
 */
export function normalizeNameJoined(s: string): string {
  return normalizeName(s.replace(APOSTROPHE_RE, ""));
}

/** A folded copy of a text with, for each of its UTF-16 units, the span of the original. */
export interface Folded {
  readonly text: string;
  /** Original start offset of each folded UTF-16 unit. */
  readonly starts: readonly number[];
  /** Original end offset of each folded UTF-16 unit. */
  readonly ends: readonly number[];
}

/**
 * Fold a text character by character (`foldChar`), keeping for each unit of the result the span
 * of the character it came from: a match in the folded text maps back to the original.
 */
export function foldWithOffsets(text: string): Folded {
  let out = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    // ASCII folds to itself, except the backtick (an apostrophe).
    const rep = cp < 0x80 && cp !== 0x60 ? ch : foldChar(ch);
    for (let k = 0; k < rep.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    out += rep;
    i += ch.length;
  }
  return { text: out, starts, ends };
}

const sameLengthCache = new Map<string, string>();

function foldUnit(c: string): string {
  let f = sameLengthCache.get(c);
  if (f === undefined) {
    const folded = foldChar(c);
    f = folded.length === 1 ? folded : c;
    sameLengthCache.set(c, f);
  }
  return f;
}

/**
 * Fold a text without changing its length: each UTF-16 unit is replaced by its fold when that is
 * one unit too (é → e, ’ → ', – → -), else kept (ß, æ, emoji halves). Offsets in the result are
 * offsets in the text.
 */
export function foldKeepingLength(s: string): string {
  return s.replace(/[\u0060\u0080-\uFFFF]/g, foldUnit);
}

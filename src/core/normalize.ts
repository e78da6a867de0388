/**
 * Name normalisation for the country crosswalk. Deliberately dumb: no word reordering, no
 * stemming, no dropping of words, so "Niger" and "Nigeria" or "Korea, Republic of" and
 * "Korea, People's Republic of" can never collapse into one key. Inversions such as
 * "Korea, Rep." are handled by the reviewed alias table, not here.
 */

/** Letters that NFKD does not decompose into a base letter plus combining marks. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  ł: "l",
  Ł: "l",
  ı: "i",
  þ: "th",
  Þ: "th",
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join("")}]`, "g");

/** Combining marks (diacritics left over after NFKD). */
const COMBINING_RE = /\p{M}+/gu;

/**
 * Normalise a country name for exact matching: NFKD, strip diacritics, `&` → "and", lowercase,
 * every run of punctuation (apostrophes, curly quotes, dots, commas, hyphens, brackets…) and
 * whitespace becomes one space, trimmed.
 *
 * "Côte d’Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" all give "cote d ivoire".
 */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(COMBINING_RE, "")
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The same, but with apostrophes removed instead of turned into a space, so "People's" also
 * matches "Peoples" and "d'Ivoire" also matches "dIvoire". Used only to add a second index key
 * for each alias, never for fuzzy matching.
 */
export function normalizeNameJoined(s: string): string {
  return normalizeName(s.replace(/['\u2018\u2019\u201B\u02BB\u02BC\u0060\u00B4\u2032]/g, ""));
}

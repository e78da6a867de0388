/** Whether a string looks like a person's name (for speakers the list does not know). */

const PARTICLES = new Set([
  "de",
  "del",
  "della",
  "der",
  "den",
  "di",
  "da",
  "das",
  "dos",
  "du",
  "van",
  "von",
  "ter",
  "ten",
  "zu",
  "und",
  "le",
  "la",
  "Le",
  "La",
  "bin",
  "ibn",
  "bint",
  "ben",
  "al",
  "el",
  "y",
]);
const HON_RE = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Mme|Herr|Frau|Monsieur|Madame|M)\.?$/;
const SUFFIX_RE = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
const INITIAL_RE = /^(?:\p{Lu}\.){1,3}$/u;
const PREFIXED_RE =
  /^(?:al|el|ad|as|ash|at|ar|an|bin|ibn|ben|abu|Abu|Al|El)-\p{Lu}[\p{L}\p{M}'’-]*$/u;
const NAME_WORD_RE =
  /^(?:Mc|Mac|O'|O’|D'|D’|d'|d’)?\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*$/u;
/** Capitalised words that make a phrase a place, body or date rather than a person. */
const NOT_NAME_WORDS = new Set(
  [
    "United States Kingdom Republic Federation Union Nations Ministry House White Foreign Minister",
    "President Premier Party Council Federal National Security Department Office Government Army",
    "Navy Force Forces Committee Commission Bank Street City University Institute Center Centre",
    "Group Corporation Company Inc Ltd Agency Organization Organisation Treaty Summit Day Year",
    "Act Daily Press News Times Post International Assembly Parliament Congress Senate Court",
    "State States Affairs Defence Defense Secretary General Chief Embassy Kremlin Pentagon North",
    "South East West New Soviet Russian Chinese American British French German Japanese Indian",
    "European Asian Pacific Atlantic Sea Ocean Strait Island Islands River Mountains Beijing Moscow",
    "Washington London Paris Berlin Tokyo Delhi Monday Tuesday Wednesday Thursday Friday Saturday",
    "Sunday January February March April June July August September October November December",
    "The And Of For In On At To By With From This That These Those It Its We They He She",
    "Belt Road Initiative Cooperation Organization Economic Eurasian Shanghai Communist",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Whether a string looks like a person's name: two or more capitalised words ("Anatoly
 * Antonov", "Bashar al-Assad", "Laurent de Saint-Aubin", "George W. Bush"), or an honorific with
 * one ("Mr Smith"); particles, initials, diacritics and hyphens allowed; no lower-case words
 * (other than particles), no all-capital words, no place, body or calendar words.
 */
export function personLike(surface: string): boolean {
  const s = surface.trim();
  if (s.length === 0 || s.length > 80) return false;
  const words = s.split(/\s+/);
  if (words.length > 7) return false;
  let honorific = false;
  let names = 0;
  let initials = 0;
  for (const [i, w] of words.entries()) {
    if (i === 0 && HON_RE.test(w)) {
      honorific = true;
      continue;
    }
    if (PARTICLES.has(w) && i > 0 && i < words.length - 1) continue;
    if (INITIAL_RE.test(w)) {
      initials++;
      continue;
    }
    if (i > 0 && SUFFIX_RE.test(w)) continue;
    if (PREFIXED_RE.test(w) && i > 0) {
      names++;
      continue;
    }
    if (!NAME_WORD_RE.test(w)) return false;
    if (!/\p{Ll}/u.test(w)) return false;
    if (NOT_NAME_WORDS.has(w.replace(/['’]s$/, ""))) return false;
    names++;
  }
  return names >= 2 || (names >= 1 && (honorific || initials > 0));
}

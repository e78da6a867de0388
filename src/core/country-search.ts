/**
 * Country search for pickers and the API: a code (COW number, COW abbreviation, ISO alpha-2 or
 * alpha-3) or any part of any name or alias the crosswalk knows ("sovi" → Russia as Soviet
 * Union, "cote d" and "Côte" → Ivory Coast), case- and accent-insensitive. Ranked: exact name
 * or code, names that start with the query, names with a word that does, names that contain
 * it, then close spellings by edit distance ("Rusia", "Chian"), then codes that start with it.
 * Search only ranks: resolving a name (`resolveCountry`) never guesses.
 */
import { allStates, lookupCountry, type State, stateByCcode, stateNames } from "./crosswalk.js";
import { editDistance } from "./edit-distance.js";
import { normalizeName } from "./normalize.js";

export interface CountryHit {
  ccode: number;
  iso3: string | null;
  name: string;
  /** The alias that matched, when it is not the state's own name ("Soviet Union"). */
  matched?: string;
}

const EXACT = 0;
const CODE = 1;
const PREFIX = 2;
const WORD_START = 3;
const CONTAINS = 4;
const CLOSE = 5;
const CODE_PREFIX = 6;

interface Rank {
  tier: number;
  /** Edit distance for close spellings, else 0. */
  d: number;
  /** The alias that matched (null: the state's own name, or a code). */
  via: string | null;
}

/** Edits allowed for a query of this many letters: none up to 3, one up to 5, then two. */
const maxEdits = (n: number): number => (n <= 3 ? 0 : n <= 5 ? 1 : 2);

function nameRank(nq: string, key: string): { tier: number; d: number } | null {
  if (key === nq) return { tier: EXACT, d: 0 };
  if (key.startsWith(nq)) return { tier: PREFIX, d: 0 };
  if (` ${key}`.includes(` ${nq}`)) return { tier: WORD_START, d: 0 };
  if (key.includes(nq)) return { tier: CONTAINS, d: 0 };
  const max = maxEdits(nq.length);
  if (max === 0) return null;
  // The whole name, or its start when only part of a name was typed ("soveit" → "soviet union").
  const d = Math.min(editDistance(nq, key, max), editDistance(nq, key.slice(0, nq.length), max));
  return d <= max ? { tier: CLOSE, d } : null;
}

const better = (a: Rank, b: Rank): boolean =>
  a.tier !== b.tier ? a.tier < b.tier : a.d !== b.d ? a.d < b.d : a.via === null && b.via !== null;

const hit = (s: State, via: string | null): CountryHit => ({
  ccode: s.ccode,
  iso3: s.iso3,
  name: s.name,
  ...(via ? { matched: via } : {}),
});

export function searchCountries(q: string | undefined, limit = 20): CountryHit[] {
  const byName = (a: State, b: State) => a.name.localeCompare(b.name, "en");
  const query = (q ?? "").trim();
  if (!query)
    return [...allStates()]
      .sort(byName)
      .slice(0, limit)
      .map((s) => hit(s, null));
  const nq = normalizeName(query);
  const upper = query.toUpperCase();
  const ranks = new Map<number, Rank>();
  const consider = (ccode: number, r: Rank) => {
    const cur = ranks.get(ccode);
    if (!cur || better(r, cur)) ranks.set(ccode, r);
  };
  const exact = lookupCountry(query);
  if (exact) consider(exact.ccode, { tier: EXACT, d: 0, via: null });
  for (const s of allStates()) {
    const codes = [s.iso3, s.iso2, s.cowAbb.toUpperCase()];
    if (String(s.ccode) === query || codes.includes(upper)) {
      consider(s.ccode, { tier: CODE, d: 0, via: null });
    } else if (/^[a-z]+$/i.test(query) && codes.some((c) => c?.startsWith(upper))) {
      consider(s.ccode, { tier: CODE_PREFIX, d: 0, via: null });
    }
  }
  if (nq) {
    for (const n of stateNames()) {
      const r = nameRank(nq, n.key);
      if (!r) continue;
      const own = normalizeName(stateByCcode(n.ccode)?.name ?? "") === n.key;
      consider(n.ccode, { ...r, via: own ? null : n.name });
    }
  }
  return [...ranks.entries()]
    .flatMap(([ccode, r]) => {
      const s = stateByCcode(ccode);
      return s ? [{ s, r }] : [];
    })
    .sort((x, y) => (better(x.r, y.r) ? -1 : better(y.r, x.r) ? 1 : byName(x.s, y.s)))
    .slice(0, limit)
    .map(({ s, r }) => hit(s, r.tier === EXACT || r.tier === CODE ? null : r.via));
}

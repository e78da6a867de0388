/**
 * Country search over the crosswalk for pickers: a code (COW number, COW abbreviation, ISO
 * alpha-2/alpha-3) or any part of a name, case- and accent-insensitive. Exact matches come first
 * (including the crosswalk's aliases: "Russian Federation", "USA"), then names that start with
 * the query, then names with a word that does, then names that contain it.
 */
import { allStates, lookupCountry, type State } from "../core/crosswalk.js";
import { normalizeName } from "../core/normalize.js";

export interface CountryHit {
  ccode: number;
  iso3: string | null;
  name: string;
}

const hit = (s: State): CountryHit => ({ ccode: s.ccode, iso3: s.iso3, name: s.name });

export function searchCountries(q: string | undefined, limit = 20): CountryHit[] {
  const states = [...allStates()].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const query = (q ?? "").trim();
  if (!query) return states.slice(0, limit).map(hit);
  const nq = normalizeName(query);
  const upper = query.toUpperCase();
  const exact = lookupCountry(query);
  const rank = (s: State): number => {
    if (exact?.ccode === s.ccode) return 0;
    if (
      String(s.ccode) === query ||
      s.iso3 === upper ||
      s.iso2 === upper ||
      s.cowAbb.toUpperCase() === upper
    )
      return 1;
    if (!nq) return -1;
    const name = normalizeName(s.name);
    if (name === nq) return 0;
    if (name.startsWith(nq)) return 2;
    if (name.split(" ").some((w) => w.startsWith(nq))) return 3;
    if (name.includes(nq)) return 4;
    if (
      /^[a-z]+$/i.test(query) &&
      [s.iso3, s.iso2, s.cowAbb].some((c) => c?.toUpperCase().startsWith(upper))
    )
      return 5;
    return -1;
  };
  return states
    .map((s) => ({ s, r: rank(s) }))
    .filter((x) => x.r >= 0)
    .sort((x, y) => x.r - y.r)
    .slice(0, limit)
    .map((x) => hit(x.s));
}

/**
 * States mentioned in a text, with exact offsets (UTF-16 indexes into the text, so
 * `text.slice(start, end) === surface`): every COW state name and reviewed alias of the crosswalk
 * (data/crosswalk), plus adjectives and demonyms ("Russian", "Chinese", "Americans") and combining prefixes
 * ("Sino-", "Russo-", "Indo-", "Franco-", "Anglo-"), each resolved through the crosswalk at the
 * document's year. Matching is case-sensitive (as written, or all capitals), word-bounded,
 * diacritic- and apostrophe-insensitive ("Cote d'Ivoire" = "Côte d’Ivoire"), leftmost-longest
 * with no overlaps. Capitals are not states ("Moscow" is not Russia). A prefix counts only when
 * a state follows it ("Sino-Russian", not "Indo-Pacific" or "Anglo-Saxon"). Place names that
 * contain a state name but are not the state ("South China Sea", "Indian Ocean", "Latin
 * America", "New Mexico", "Lake Chad") are recognised and dropped.
 */
import { countryTables } from "../core/country-tables.js";
import { isSystemMember, lookupCountry, stateByCcode } from "../core/crosswalk.js";
import { foldKeepingLength } from "../core/normalize.js";
import { keyOf, literalRegex } from "./literal-matcher.js";
import type { FoundState } from "./types.js";

/** All-capital aliases that are used as names in prose; others ("CAR", "YAR") are not matched. */
const ACRONYMS: ReadonlySet<string> = new Set([
  "US",
  "U.S.",
  "USA",
  "U.S.A.",
  "UK",
  "U.K.",
  "USSR",
  "U.S.S.R.",
  "PRC",
  "ROC",
  "DPRK",
  "ROK",
  "UAE",
  "U.A.E.",
  "DRC",
  "FRG",
  "GDR",
  "DDR",
  "FYROM",
  "PNG",
]);

/** Aliases that are too often something else in prose (a city, an airline, a newspaper). */
const EXCLUDED_NAMES: ReadonlySet<string> = new Set([
  "Salvador",
  "Emirates",
  "Columbia",
  "Chosun",
  "Joseon",
  "Hannover",
  "Hanover",
  "Parma",
  "Modena",
  "Baden",
]);

/** Names that take "the" in prose: "the United States" is one mention, surface included. */
const TAKES_THE =
  /\b(?:Republic|Kingdom|Union|Federation|Emirates|States|Netherlands|Philippines|Bahamas|Maldives|Comoros|Seychelles|Gambia|Confederation|Islands)\b/;

/**
 * Adjectives and demonyms → the crosswalk name they stand for. Plurals ("Russians", "Saudis",
 * "Czechs") are added below, except where the word takes none ("the Chinese", "the Swiss"). Ambiguous ones are left out or resolve to nothing through
 * the crosswalk ("Korean" → "Korea", ambiguous after 1948; "Congolese", "Dominican", "Guinean").
 */
const ADJECTIVES: Readonly<Record<string, string>> = {
  American: "United States",
  British: "United Kingdom",
  Briton: "United Kingdom",
  French: "France",
  Frenchman: "France",
  German: "Germany",
  Prussian: "Prussia",
  "West German": "West Germany",
  "East German": "East Germany",
  Russian: "Russia",
  Soviet: "Soviet Union",
  Chinese: "China",
  Taiwanese: "Taiwan",
  Japanese: "Japan",
  Korean: "Korea",
  "North Korean": "North Korea",
  "South Korean": "South Korea",
  Indian: "India",
  Pakistani: "Pakistan",
  Afghan: "Afghanistan",
  Bangladeshi: "Bangladesh",
  "Sri Lankan": "Sri Lanka",
  Nepali: "Nepal",
  Nepalese: "Nepal",
  Bhutanese: "Bhutan",
  Burmese: "Myanmar",
  Thai: "Thailand",
  Vietnamese: "Vietnam",
  Cambodian: "Cambodia",
  Laotian: "Laos",
  Malaysian: "Malaysia",
  Singaporean: "Singapore",
  Indonesian: "Indonesia",
  Filipino: "Philippines",
  Philippine: "Philippines",
  Mongolian: "Mongolia",
  Kazakh: "Kazakhstan",
  Kazakhstani: "Kazakhstan",
  Kyrgyz: "Kyrgyzstan",
  Tajik: "Tajikistan",
  Tajikistani: "Tajikistan",
  Turkmen: "Turkmenistan",
  Uzbek: "Uzbekistan",
  Uzbekistani: "Uzbekistan",
  Azerbaijani: "Azerbaijan",
  Azeri: "Azerbaijan",
  Armenian: "Armenia",
  Georgian: "Georgia",
  Belarusian: "Belarus",
  Belarussian: "Belarus",
  Byelorussian: "Belarus",
  Ukrainian: "Ukraine",
  Moldovan: "Moldova",
  Iranian: "Iran",
  Iraqi: "Iraq",
  Syrian: "Syria",
  Lebanese: "Lebanon",
  Jordanian: "Jordan",
  Israeli: "Israel",
  Saudi: "Saudi Arabia",
  Emirati: "United Arab Emirates",
  Qatari: "Qatar",
  Kuwaiti: "Kuwait",
  Bahraini: "Bahrain",
  Omani: "Oman",
  Yemeni: "Yemen",
  Turkish: "Turkey",
  Turk: "Turkey",
  Egyptian: "Egypt",
  Libyan: "Libya",
  Tunisian: "Tunisia",
  Algerian: "Algeria",
  Moroccan: "Morocco",
  Sudanese: "Sudan",
  "South Sudanese": "South Sudan",
  Ethiopian: "Ethiopia",
  Eritrean: "Eritrea",
  Somali: "Somalia",
  Kenyan: "Kenya",
  Ugandan: "Uganda",
  Tanzanian: "Tanzania",
  Rwandan: "Rwanda",
  Nigerian: "Nigeria",
  Nigerien: "Niger",
  Ghanaian: "Ghana",
  Malian: "Mali",
  Senegalese: "Senegal",
  Cameroonian: "Cameroon",
  Angolan: "Angola",
  Mozambican: "Mozambique",
  Zimbabwean: "Zimbabwe",
  Zambian: "Zambia",
  "South African": "South Africa",
  Namibian: "Namibia",
  Polish: "Poland",
  Pole: "Poland",
  Czech: "Czech Republic",
  Czechoslovak: "Czechoslovakia",
  Slovak: "Slovakia",
  Hungarian: "Hungary",
  Romanian: "Romania",
  Bulgarian: "Bulgaria",
  Serbian: "Serbia",
  Serb: "Serbia",
  Croatian: "Croatia",
  Croat: "Croatia",
  Slovenian: "Slovenia",
  Slovene: "Slovenia",
  Bosnian: "Bosnia and Herzegovina",
  Montenegrin: "Montenegro",
  Macedonian: "North Macedonia",
  Albanian: "Albania",
  Kosovar: "Kosovo",
  Yugoslav: "Yugoslavia",
  Greek: "Greece",
  Cypriot: "Cyprus",
  Italian: "Italy",
  Spanish: "Spain",
  Spaniard: "Spain",
  Portuguese: "Portugal",
  Belgian: "Belgium",
  Dutch: "Netherlands",
  Luxembourgish: "Luxembourg",
  Austrian: "Austria",
  Swiss: "Switzerland",
  Danish: "Denmark",
  Dane: "Denmark",
  Swedish: "Sweden",
  Swede: "Sweden",
  Norwegian: "Norway",
  Finnish: "Finland",
  Finn: "Finland",
  Icelandic: "Iceland",
  Icelander: "Iceland",
  Estonian: "Estonia",
  Latvian: "Latvia",
  Lithuanian: "Lithuania",
  Irish: "Ireland",
  Maltese: "Malta",
  Canadian: "Canada",
  Mexican: "Mexico",
  Cuban: "Cuba",
  Venezuelan: "Venezuela",
  Colombian: "Colombia",
  Brazilian: "Brazil",
  Argentine: "Argentina",
  Argentinian: "Argentina",
  Chilean: "Chile",
  Peruvian: "Peru",
  Bolivian: "Bolivia",
  Ecuadorian: "Ecuador",
  Uruguayan: "Uruguay",
  Paraguayan: "Paraguay",
  Nicaraguan: "Nicaragua",
  Panamanian: "Panama",
  Australian: "Australia",
  "New Zealander": "New Zealand",
};

/** Nouns whose plural is irregular or that take no "-s" ("the Chinese", "the Swiss"). */
const NO_PLURAL = /(?:ese|ish|ss|man|Dutch|French|Kyrgyz|Turkmen|Philippine)$/;

/** Combining prefixes: "Sino-Russian", "Indo-Pakistani", "Franco-German", "Anglo-American". */
const PREFIXES: Readonly<Record<string, string>> = {
  Sino: "China",
  Russo: "Russia",
  Indo: "India",
  Franco: "France",
  Anglo: "United Kingdom",
  Turco: "Turkey",
  Japano: "Japan",
  Nippo: "Japan",
  Austro: "Austria",
  Italo: "Italy",
  Greco: "Greece",
  Serbo: "Serbia",
  Irano: "Iran",
  Germano: "Germany",
  Polono: "Poland",
  Luso: "Portugal",
  Hispano: "Spain",
};

/** Places that contain a state's name or adjective but are not the state: matched, dropped. */
const BLOCKED: readonly string[] = [
  "Indo-Pacific",
  "Indo-Asia-Pacific",
  "Indo-China",
  "Indo-European",
  "Indian Ocean",
  "American Indian",
  "West Indian",
  "West Indies",
  "South China Sea",
  "East China Sea",
  "Sea of Japan",
  "Irish Sea",
  "Latin America",
  "Latin American",
  "South America",
  "South American",
  "North America",
  "North American",
  "Central America",
  "Central American",
  "Native American",
  "Pan-American",
  "Pan American",
  "American Samoa",
  "New Mexico",
  "New Mexican",
  "Gulf of Mexico",
  "British Columbia",
  "British Isles",
  "New Guinea",
  "French Guiana",
  "French Polynesia",
  "Korean Peninsula",
  "Niger Delta",
  "Niger River",
  "River Niger",
  "Congo River",
  "Congo Basin",
  "Lake Chad",
  "Jordan River",
  "River Jordan",
  "Jordan Valley",
];

type VocabKind = "name" | "prefix" | "block";

interface VocabEntry {
  kind: VocabKind;
  /** Crosswalk name to resolve (name:…); empty for blocked places. */
  key: string;
}

interface StateVocab {
  regex: RegExp;
  entries: Map<string, VocabEntry>;
}

let stateVocab: StateVocab | null = null;

function buildStateVocab(): StateVocab {
  const entries = new Map<string, VocabEntry>();
  const put = (surface: string, entry: VocabEntry, override = false) => {
    const k = keyOf(foldKeepingLength(surface));
    if (override || !entries.has(k)) entries.set(k, entry);
  };
  const isAcronym = (s: string) => /^[A-Z.]+$/.test(s);
  const addName = (name: string, key: string) => {
    const entry: VocabEntry = { kind: "name", key };
    put(name, entry);
    if (!isAcronym(name) && name.replace(/[^A-Za-z]/g, "").length >= 4)
      put(name.toUpperCase(), entry);
    if (TAKES_THE.test(name) && !/^the\b/i.test(name)) {
      put(`the ${name}`, entry);
      put(`The ${name}`, entry);
    }
  };
  const names = new Set<string>();
  const { states, nameRules } = countryTables();
  for (const e of states) for (const n of [e.name, ...e.aliases]) names.add(n);
  for (const r of nameRules) names.add(r.name);
  for (const n of names) {
    if (/[,()/:]/.test(n) || EXCLUDED_NAMES.has(n)) continue;
    if (isAcronym(n) && !ACRONYMS.has(n)) continue;
    addName(n, n);
  }
  for (const [adj, key] of Object.entries(ADJECTIVES)) {
    addName(adj, key);
    if (!NO_PLURAL.test(adj)) addName(`${adj}s`, key);
  }
  for (const [prefix, key] of Object.entries(PREFIXES)) {
    put(`${prefix}-`, { kind: "prefix", key });
  }
  for (const place of BLOCKED) put(place, { kind: "block", key: "" }, true);
  return { regex: literalRegex(entries.keys()), entries };
}

interface Resolved {
  ccode: number;
  iso3: string;
  name: string;
}

const resolveCache = new Map<string, Resolved | null>();

/** A crosswalk name at a year (null = current), or null when unknown, ambiguous or obsolete. */
function resolveState(key: string, year: number | null): Resolved | null {
  const ck = `${year ?? ""}\u0000${key}`;
  const hit = resolveCache.get(ck);
  if (hit !== undefined) return hit;
  const res = lookupCountry(`name:${key}`, year === null ? undefined : { year });
  let out: Resolved | null = null;
  if (res) {
    const state = stateByCcode(res.ccode);
    // States gone before 1945 (Hanover, Bavaria, the Korean Empire) count only in their own time.
    const relevant =
      state !== null &&
      ((year !== null && isSystemMember(state.ccode, year)) ||
        state.spells.some(([, to]) => to === null || to >= 1945));
    if (state && relevant) {
      out = { ccode: res.ccode, iso3: res.iso3 ?? state.cowAbb, name: res.name };
    }
  }
  resolveCache.set(ck, out);
  return out;
}

/** An all-capitals word (a headline), where "US" is the pronoun. */
const isCapsWord = (w: string | undefined) => w !== undefined && /^[A-Z]{2,}$/.test(w);

function inCapsRun(text: string, start: number, end: number): boolean {
  const before = /([\p{L}']+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^[^\p{L}]*([\p{L}']+)/u.exec(text.slice(end, end + 40));
  return isCapsWord(before?.[1]) && isCapsWord(after?.[1]);
}

/**
 * States mentioned in `text`, in order, resolved at `year` (null: the current meaning, e.g.
 * "Germany" → COW 255 now, 260 West Germany in 1946–1989).
 */
export function findStates(text: string, year: number | null): FoundState[] {
  if (!stateVocab) stateVocab = buildStateVocab();
  const { regex, entries } = stateVocab;
  const folded = foldKeepingLength(text);
  interface Hit {
    start: number;
    end: number;
    entry: VocabEntry;
  }
  const hits: Hit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
    const entry = entries.get(keyOf(m[0]));
    if (entry) hits.push({ start: m.index, end: m.index + m[0].length, entry });
  }
  const out: FoundState[] = [];
  // A prefix counts only when a state (or another valid prefix) follows it directly.
  const valid: boolean[] = new Array(hits.length).fill(false);
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as Hit;
    if (h.entry.kind === "block") continue;
    if (h.entry.kind === "prefix") {
      const next = hits[i + 1];
      valid[i] = next !== undefined && next.start === h.end && valid[i + 1] === true;
      if (valid[i] && resolveState(h.entry.key, year) === null) valid[i] = false;
      continue;
    }
    const surface = text.slice(h.start, h.end);
    if (/^[A-Z]{2}$/.test(surface) && inCapsRun(text, h.start, h.end)) continue;
    valid[i] = resolveState(h.entry.key, year) !== null;
  }
  hits.forEach((h, i) => {
    if (!valid[i]) return;
    const r = resolveState(h.entry.key, year) as Resolved;
    out.push({
      start: h.start,
      end: h.end,
      ccode: r.ccode,
      iso3: r.iso3,
      name: r.name,
      surface: text.slice(h.start, h.end),
    });
  });
  return out;
}

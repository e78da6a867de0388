/**
 * States, organisations and dates mentioned in a text, with exact offsets (UTF-16 indexes into
 * the text, so `text.slice(start, end) === surface`).
 *
 * States: every COW state name and reviewed alias of the crosswalk (data/crosswalk),
 * plus adjectives and demonyms ("Russian", "Chinese", "Americans") and combining prefixes
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
import type { FoundDate, FoundOrganization, FoundState, TextDocument } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Folding: one UTF-16 unit in, one out, so offsets in the folded text are offsets in the text.

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  f = c;
  if (/[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4]/.test(c)) f = "'";
  else if (/[\u2010\u2011\u2012\u2013\u2212]/.test(c)) f = "-";
  else if (/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/.test(c)) f = " ";
  else if (c === "ı") f = "i";
  else if (c === "ł") f = "l";
  else if (c === "Ł") f = "L";
  else if (c === "ø") f = "o";
  else if (c === "Ø") f = "O";
  else if (c === "đ") f = "d";
  else if (c === "Đ") f = "D";
  else {
    const base = c.normalize("NFD")[0];
    if (base !== undefined && /[A-Za-z]/.test(base)) f = base;
  }
  foldCache.set(c, f);
  return f;
}

/** Fold diacritics, curly apostrophes, Unicode hyphens and spaces; same length as the input. */
export function foldText(s: string): string {
  return s.replace(/[\u0080-\uFFFF]/g, foldChar);
}

// ---------------------------------------------------------------------------------------------
// A literal matcher: a trie of literals compiled to one regular expression (fast on long texts),
// greedy so that the longest literal at a position wins. A space in a literal matches any run
// of whitespace.

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const escapeChar = (c: string): string =>
  c === " " ? "\\s+" : c.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

function trieSource(node: TrieNode): string {
  const parts: string[] = [];
  for (const [c, child] of node.children) parts.push(escapeChar(c) + trieSource(child));
  if (parts.length === 0) return "";
  const body = parts.length === 1 ? (parts[0] as string) : `(?:${parts.join("|")})`;
  return node.end ? `(?:${body})?` : body;
}

/** Regex matching any of the literals, word-bounded, leftmost-longest (global, unicode). */
function literalRegex(literals: Iterable<string>): RegExp {
  const root: TrieNode = { children: new Map(), end: false };
  for (const lit of literals) {
    let node = root;
    for (const c of lit) {
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), end: false };
        node.children.set(c, next);
      }
      node = next;
    }
    node.end = true;
  }
  // A literal ending in "-" ("Sino-") needs no bound after it: a word follows by design.
  const after = "(?:(?<=-)|(?![\\p{L}\\p{N}_]))";
  return new RegExp(`(?<![\\p{L}\\p{N}_])${trieSource(root)}${after}`, "gu");
}

const keyOf = (matched: string): string => matched.replace(/\s+/g, " ");

// ---------------------------------------------------------------------------------------------
// State vocabulary.

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
    const k = keyOf(foldText(surface));
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
  const folded = foldText(text);
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

// ---------------------------------------------------------------------------------------------
// Organisations.

interface OrgDef {
  id: string;
  name: string;
  surfaces: readonly string[];
}

const ORGS: readonly OrgDef[] = [
  {
    id: "SCO",
    name: "Shanghai Cooperation Organisation",
    surfaces: ["SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"],
  },
  {
    id: "CSTO",
    name: "Collective Security Treaty Organization",
    surfaces: [
      "CSTO",
      "Collective Security Treaty Organization",
      "Collective Security Treaty Organisation",
    ],
  },
  {
    id: "EAEU",
    name: "Eurasian Economic Union",
    surfaces: ["EAEU", "EEU", "EaEU", "Eurasian Economic Union", "Eurasian Union"],
  },
  {
    id: "CIS",
    name: "Commonwealth of Independent States",
    surfaces: ["CIS", "Commonwealth of Independent States"],
  },
  {
    id: "BRI",
    name: "Belt and Road Initiative",
    surfaces: [
      "BRI",
      "OBOR",
      "Belt and Road Initiative",
      "Belt and Road",
      "Belt-and-Road",
      "Belt & Road",
      "One Belt, One Road",
      "One Belt One Road",
      "One Belt and One Road",
    ],
  },
  {
    id: "NATO",
    name: "North Atlantic Treaty Organization",
    surfaces: [
      "NATO",
      "Nato",
      "North Atlantic Treaty Organization",
      "North Atlantic Treaty Organisation",
      "North Atlantic Alliance",
    ],
  },
  {
    id: "ASEAN",
    name: "Association of Southeast Asian Nations",
    surfaces: [
      "ASEAN",
      "Asean",
      "Association of Southeast Asian Nations",
      "Association of South-East Asian Nations",
      "Association of South East Asian Nations",
    ],
  },
  { id: "EU", name: "European Union", surfaces: ["EU", "E.U.", "European Union"] },
  {
    id: "UNSC",
    name: "United Nations Security Council",
    surfaces: [
      "UNSC",
      "Security Council",
      "UN Security Council",
      "U.N. Security Council",
      "United Nations Security Council",
    ],
  },
  { id: "UN", name: "United Nations", surfaces: ["UN", "U.N.", "United Nations"] },
  { id: "BRICS", name: "BRICS", surfaces: ["BRICS", "BRICS+", "Brics"] },
  { id: "G7", name: "Group of Seven", surfaces: ["G7", "G-7", "Group of Seven"] },
  { id: "G20", name: "Group of Twenty", surfaces: ["G20", "G-20", "Group of Twenty"] },
  { id: "AUKUS", name: "AUKUS", surfaces: ["AUKUS", "Aukus"] },
  {
    id: "Quad",
    name: "Quadrilateral Security Dialogue",
    surfaces: ["the Quad", "The Quad", "Quadrilateral Security Dialogue"],
  },
  {
    id: "OSCE",
    name: "Organization for Security and Co-operation in Europe",
    surfaces: [
      "OSCE",
      "Organization for Security and Co-operation in Europe",
      "Organisation for Security and Co-operation in Europe",
      "Organization for Security and Cooperation in Europe",
    ],
  },
  {
    id: "APEC",
    name: "Asia-Pacific Economic Cooperation",
    surfaces: ["APEC", "Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation"],
  },
  {
    id: "WTO",
    name: "World Trade Organization",
    surfaces: ["WTO", "World Trade Organization", "World Trade Organisation"],
  },
  {
    id: "IMF",
    name: "International Monetary Fund",
    surfaces: ["IMF", "International Monetary Fund"],
  },
  {
    id: "CICA",
    name: "Conference on Interaction and Confidence-Building Measures in Asia",
    surfaces: [
      "CICA",
      "Conference on Interaction and Confidence-Building Measures in Asia",
      "Conference on Interaction and Confidence Building Measures in Asia",
    ],
  },
];

let orgVocab: { regex: RegExp; entries: Map<string, OrgDef> } | null = null;

function buildOrgVocab() {
  const entries = new Map<string, OrgDef>();
  for (const o of ORGS) for (const s of o.surfaces) entries.set(keyOf(foldText(s)), o);
  // "BRICS+" ends in a non-word character: let the trie match it, the bound check follows.
  return { regex: literalRegex(entries.keys()), entries };
}

/** Organisations mentioned in `text`, in order; `id` is canonical ("EAEU" for "EEU"). */
export function findOrganizations(text: string): FoundOrganization[] {
  if (!orgVocab) orgVocab = buildOrgVocab();
  const { regex, entries } = orgVocab;
  const folded = foldText(text);
  const out: FoundOrganization[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
    const org = entries.get(keyOf(m[0]));
    if (!org) continue;
    let start = m.index;
    // "the Quad": the article only tells the Quad from other quads; the span is "Quad".
    if (/^the\s/i.test(m[0])) start += m[0].search(/Quad/);
    const end = m.index + m[0].length;
    out.push({ start, end, id: org.id, name: org.name, surface: text.slice(start, end) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates.

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

/**
 * Office holders in a text: names, surnames, titles with names ("Foreign Minister Sergei
 * Lavrov") and titles alone ("the Russian foreign minister"), resolved against the list in
 * data/people (office-holders.ts) at the document's date.
 *
 * Matching works on a folded copy of the text (NFD, combining marks removed, curly apostrophes and
 * odd spaces and hyphens made plain) that keeps, for each of its UTF-16 units, the span of the
 * original text it came from: every FoundPerson reports offsets into the ORIGINAL text, and
 * `text.slice(start, end) === surface`. Names are case-sensitive, whole words ("Putinism" is not
 * Putin, "Xi'an" is not Xi; "Putin's" is), with hyphens and spaces interchangeable inside a name
 * and an optional middle initial ("Sergei V. Lavrov").
 *
 * Resolution rules (date = the document's date, YYYY-MM-DD; YYYY-MM and YYYY read as the 15th of
 * the month and 1 July):
 * - a full name or alias resolves to its person (when two listed people share it, "George Bush",
 *   like a surname below);
 * - a surname alone ("Lavrov", "Mr Lavrov") resolves when exactly one listed person with that
 *   surname held an office at the date; with no date, when the surname is unique in the list;
 *   otherwise it is reported unresolved (personId null). Guards: a surname right after another
 *   capitalised word that is not a title or sentence word ("Hunter Biden", "Andrew Yang") is
 *   someone else and is skipped; so is a family-name-first surname followed by a given name that is
 *   not the listed one ("Wang Wenbin"); surnames that are ordinary words ("May", "Major") are read
 *   only after a title or honorific;
 * - a title before a name narrows the candidates to those who held that kind of office (and
 *   state): "Premier Li" in 2015 is Li Keqiang; "President Carter" is nobody listed (Ash Carter was
 *   never president) and is dropped;
 * - a title with a state alone ("the Russian foreign minister", "China's defence minister", "the
 *   foreign minister of Russia") resolves to the holder at the date, only when the date is known,
 *   and is left out otherwise; not after "former", "then", "a", "deputy" …, nor when a name follows
 *   it (the name is reported instead).
 * Spans never overlap; the longest wins; results are sorted by start.
 */
import { type ListedPerson, listedPeople, type OfficeKind } from "./office-holders.js";
import type { FoundPerson, Office, Person } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Offices and roles

const KIND_RANK: Readonly<Record<string, number>> = {
  "head of state": 0,
  "head of government": 1,
  "party leader": 2,
  "foreign minister": 3,
  "defence minister": 4,
};
const rank = (o: Office): number => KIND_RANK[o.kind] ?? 9;

/**
 * A date as YYYY-MM-DD: full dates as they are, "YYYY-MM" as the 15th, "YYYY" as 1 July.
 * Throws a RangeError for anything else.
 */
export function dayOf(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
}

/** Offices held on a date (from inclusive, to exclusive), most senior first. */
export function officesAt(person: Person, isoDate: string): Office[] {
  const d = dayOf(isoDate);
  return person.offices
    .filter((o) => o.from <= d && (o.to === null || d < o.to))
    .sort((a, b) => rank(a) - rank(b) || b.from.localeCompare(a.from));
}

/**
 * The title of the most senior office held at the date (head of state > head of government >
 * party leader > foreign > defence); null when none. With a null date, the most recent office
 * (one still held, else the last to end).
 */
export function roleAt(person: Person, isoDate: string | null): string | null {
  if (isoDate !== null) return officesAt(person, isoDate)[0]?.title ?? null;
  const end = (o: Office) => o.to ?? "9999-12-31";
  const latest = [...person.offices].sort(
    (a, b) => end(b).localeCompare(end(a)) || rank(a) - rank(b) || b.from.localeCompare(a.from),
  );
  return latest[0]?.title ?? null;
}

let byId: Map<string, ListedPerson> | null = null;

/** A listed person by id. */
export function personById(id: string): ListedPerson | undefined {
  byId ??= new Map(listedPeople().map((p) => [p.id, p]));
  return byId.get(id);
}

/** Who held an office of this kind for this state (ISO3, "SUN" for the USSR) at the date. */
export function holdersAt(state: string, kind: OfficeKind, isoDate: string): ListedPerson[] {
  return listedPeople().filter((p) =>
    officesAt(p, isoDate).some((o) => o.state === state && o.kind === kind),
  );
}

// ---------------------------------------------------------------------------------------------
// Folding: a copy of the text for matching, with a map back to the original offsets

interface Folded {
  readonly text: string;
  /** Original start offset of each folded UTF-16 unit. */
  readonly starts: readonly number[];
  /** Original end offset of each folded UTF-16 unit. */
  readonly ends: readonly number[];
}

const SPECIAL: Readonly<Record<string, string>> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u2010": "-",
  "\u2011": "-",
  "\u00a0": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u202f": " ",
  ß: "ss",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ı: "i",
};

function fold(text: string): Folded {
  let out = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const rep = SPECIAL[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "");
    for (let k = 0; k < rep.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    out += rep;
    i += ch.length;
  }
  return { text: out, starts, ends };
}

/** The folded form of a name: no diacritics, plain apostrophes and hyphens. */
export const foldName = (s: string): string => fold(s).text;

/** Original span of folded [start, end), taking trailing combining marks along. */
function originalSpan(f: Folded, text: string, start: number, end: number): [number, number] {
  const s = f.starts[start] ?? text.length;
  let e = f.ends[end - 1] ?? text.length;
  while (e < text.length && /\p{M}/u.test(text[e] ?? "")) e++;
  return [s, e];
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** What separates a word from the previous one. */
type Sep = "start" | "space" | "hyphen" | "dot" | "apos" | "break";

interface Token {
  readonly w: string;
  readonly start: number;
  readonly end: number;
  readonly sep: Sep;
}

function sepOf(s: string): Sep {
  if (/\n[^\S\n]*\n/.test(s)) return "break";
  if (/^\s+$/.test(s)) return "space";
  if (s === "-") return "hyphen";
  if (/^\.\s*$/.test(s)) return "dot";
  if (s === "'") return "apos";
  return "break";
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of s.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const sep: Sep = prevEnd < 0 ? "start" : sepOf(s.slice(prevEnd, start));
    out.push({ w: m[0], start, end: start + m[0].length, sep });
    prevEnd = start + m[0].length;
  }
  return out;
}

const isInitial = (w: string): boolean => w.length === 1 && /\p{Lu}/u.test(w);
const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

// ---------------------------------------------------------------------------------------------
// Name forms

interface Form {
  readonly words: readonly string[];
  readonly seps: readonly Sep[];
  /** A full name (resolves by itself) or a surname (date rules apply). */
  readonly full: boolean;
  readonly ids: string[];
  needsTitle: boolean;
  /** Some person with this form writes the family name first. */
  familyFirst: boolean;
}

interface Index {
  readonly byFirst: Map<string, Form[]>;
  /** Initials of given names per person ("V", "VV" for Putin). */
  readonly initials: Map<string, Set<string>>;
  /** Given names and patronymics per person ("Vladimir", "Vladimirovich"). */
  readonly given: Map<string, Set<string>>;
}

let index: Index | null = null;

function buildIndex(): Index {
  const byKey = new Map<string, Form>();
  const initials = new Map<string, Set<string>>();
  const given = new Map<string, Set<string>>();
  const add = (raw: string, p: ListedPerson, full: boolean) => {
    const toks = tokenize(foldName(raw));
    if (toks.length === 0) return;
    const variants: Token[][] = [toks];
    // "P. V. Narasimha Rao" is also written "PV Narasimha Rao".
    let k = 0;
    while (k < toks.length && isInitial(toks[k]?.w ?? "")) k++;
    if (k >= 2 && k < toks.length) {
      const joined: Token = {
        w: toks
          .slice(0, k)
          .map((t) => t.w)
          .join(""),
        start: 0,
        end: 0,
        sep: "start",
      };
      variants.push([joined, ...toks.slice(k)]);
    }
    for (const v of variants) {
      const words = v.map((t) => t.w);
      const key = words.join(" ");
      let form = byKey.get(key);
      if (!form) {
        form = {
          words,
          seps: v.slice(1).map((t) => t.sep),
          full,
          ids: [],
          needsTitle: false,
          familyFirst: false,
        };
        byKey.set(key, form);
      }
      if (!form.ids.includes(p.id)) form.ids.push(p.id);
      if (!full && p.commonSurname) form.needsTitle = true;
      if (p.familyFirst) form.familyFirst = true;
    }
  };
  for (const p of listedPeople()) {
    const surnames = new Set(p.surnames);
    for (const a of p.aliases) if (!/\s/.test(a.trim())) surnames.add(a);
    for (const s of surnames) {
      add(s, p, false);
      // "de Villepin" opens a sentence as "De Villepin".
      if (/^\p{Ll}/u.test(s)) add(s[0]?.toUpperCase() + s.slice(1), p, false);
    }
    const fulls = [p.name, ...p.aliases].filter((a) => !surnames.has(a));
    for (const f of fulls) add(f, p, true);
    // Given-name initials, from the full forms that end with a surname.
    const set = new Set<string>();
    const givenWords = new Set<string>();
    const surnameWords = [...surnames].map((s) => tokenize(foldName(s)).map((t) => t.w));
    for (const f of fulls) {
      const words = tokenize(foldName(f)).map((t) => t.w);
      for (const sw of surnameWords) {
        if (
          sw.length < words.length &&
          sw.every((w, i) => words[words.length - sw.length + i] === w)
        ) {
          const before = words.slice(0, words.length - sw.length);
          set.add(before.map((w) => w[0] ?? "").join(""));
          for (const w of before) if (w.length > 1) givenWords.add(w);
        }
      }
    }
    initials.set(p.id, set);
    given.set(p.id, givenWords);
  }
  const byFirst = new Map<string, Form[]>();
  for (const form of byKey.values()) {
    const first = form.words[0] ?? "";
    const list = byFirst.get(first) ?? [];
    list.push(form);
    byFirst.set(first, list);
  }
  return { byFirst, initials, given };
}

const getIndex = (): Index => {
  index ??= buildIndex();
  return index;
};

/** Whether a text separator may stand where the form has `formSep`. */
function sepFits(formSep: Sep, textSep: Sep, afterInitial: boolean): boolean {
  if (formSep === "apos") return textSep === "apos";
  return textSep === "space" || textSep === "hyphen" || (afterInitial && textSep === "dot");
}

/** The last token of `form` matched at token i (-1 when none), and whether an initial was skipped. */
function matchAt(
  tokens: readonly Token[],
  i: number,
  form: Form,
): { last: number; skipped: boolean } {
  const none = { last: -1, skipped: false };
  const first = tokens[i];
  if (!first || first.w !== form.words[0]) return none;
  if (first.sep === "apos") return none; // "d'Estaing": inside another word
  let t = i;
  let skipped = false;
  for (let j = 1; j < form.words.length; j++) {
    const prev = tokens[t];
    let next = tokens[t + 1];
    if (!prev || !next) return none;
    // A middle initial the form does not have: "Sergei V. Lavrov".
    if (
      next.w !== form.words[j] &&
      !skipped &&
      isInitial(next.w) &&
      next.sep === "space" &&
      tokens[t + 2]?.sep === "dot"
    ) {
      skipped = true;
      t++;
      next = tokens[t + 1];
      if (!next) return none;
      if (next.w !== form.words[j]) return none;
      t++;
      continue;
    }
    if (next.w !== form.words[j]) return none;
    if (!sepFits(form.seps[j - 1] ?? "space", next.sep, isInitial(prev.w))) return none;
    t++;
  }
  const after = tokens[t + 1];
  if (after && after.sep === "apos" && after.w !== "s") return none; // "Xi'an"
  return { last: t, skipped };
}

// ---------------------------------------------------------------------------------------------
// Titles

const FM: OfficeKind = "foreign minister";
const DM: OfficeKind = "defence minister";
const HOS: OfficeKind = "head of state";
const HOG: OfficeKind = "head of government";
const PARTY: OfficeKind = "party leader";

interface TitleDef {
  readonly words: string;
  readonly kind: OfficeKind;
  /** States where the title names that office; null for any. */
  readonly states: readonly string[] | null;
  /** Match the case as written ("PM"). */
  readonly exact?: boolean;
}

const PRESIDENT_STATES = ["USA", "RUS", "CHN", "FRA", "DEU", "IND", "SUN"];
const PM_STATES = ["RUS", "CHN", "GBR", "FRA", "JPN", "IND"];

const TITLE_DEFS: readonly TitleDef[] = [
  { words: "president", kind: HOS, states: PRESIDENT_STATES },
  { words: "federal president", kind: HOS, states: ["DEU"] },
  { words: "king", kind: HOS, states: ["GBR"] },
  { words: "queen", kind: HOS, states: ["GBR"] },
  { words: "monarch", kind: HOS, states: ["GBR"] },
  { words: "prime minister", kind: HOG, states: PM_STATES },
  { words: "premier", kind: HOG, states: PM_STATES },
  { words: "PM", kind: HOG, states: PM_STATES, exact: true },
  { words: "chancellor", kind: HOG, states: ["DEU"] },
  { words: "federal chancellor", kind: HOG, states: ["DEU"] },
  { words: "general secretary", kind: PARTY, states: ["CHN", "SUN"] },
  { words: "party chief", kind: PARTY, states: ["CHN", "SUN"] },
  { words: "party leader", kind: PARTY, states: ["CHN", "SUN"] },
  { words: "foreign minister", kind: FM, states: null },
  { words: "foreign affairs minister", kind: FM, states: null },
  { words: "minister of foreign affairs", kind: FM, states: null },
  { words: "minister for foreign affairs", kind: FM, states: null },
  { words: "minister for Europe and foreign affairs", kind: FM, states: ["FRA"] },
  { words: "foreign secretary", kind: FM, states: ["GBR"] },
  { words: "secretary of state", kind: FM, states: ["USA"] },
  { words: "external affairs minister", kind: FM, states: ["IND"] },
  { words: "minister of external affairs", kind: FM, states: ["IND"] },
  { words: "minister for external affairs", kind: FM, states: ["IND"] },
  { words: "defence minister", kind: DM, states: null },
  { words: "defense minister", kind: DM, states: null },
  { words: "minister of defence", kind: DM, states: null },
  { words: "minister of defense", kind: DM, states: null },
  { words: "minister for defence", kind: DM, states: null },
  { words: "minister of national defense", kind: DM, states: null },
  { words: "minister of national defence", kind: DM, states: null },
  { words: "defence secretary", kind: DM, states: ["USA", "GBR"] },
  { words: "defense secretary", kind: DM, states: ["USA", "GBR"] },
  { words: "secretary of defense", kind: DM, states: ["USA"] },
  { words: "secretary of defence", kind: DM, states: ["USA", "GBR"] },
  { words: "secretary for defence", kind: DM, states: ["GBR"] },
  { words: "secretary of war", kind: DM, states: ["USA"] },
  { words: "war secretary", kind: DM, states: ["USA"] },
  { words: "armed forces minister", kind: DM, states: ["FRA"] },
  { words: "minister of the armed forces", kind: DM, states: ["FRA"] },
];

const TITLE_BY_WORDS = new Map(TITLE_DEFS.map((t) => [t.words.toLowerCase(), t]));

/** `[Ww]ord` for every letter; spaces match any whitespace. */
const anyCase = (s: string): string =>
  s
    .split(" ")
    .map((w) => w.replace(/\p{L}/gu, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`))
    .join("\\s+");
const exactWords = (s: string): string => s.split(" ").join("\\s+");
const alt = (xs: readonly string[]): string =>
  [...xs].sort((a, b) => b.length - a.length).join("|");

const TITLE_SRC = `(?:${alt(TITLE_DEFS.map((t) => (t.exact ? exactWords(t.words) : anyCase(t.words))))})`;

/** State words before a title ("Russian", "China's", "US"), case as written. */
const STATE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["Russian Federation's", "RUS"],
  ["Russian", "RUS"],
  ["Russia's", "RUS"],
  ["Russia", "RUS"],
  ["Soviet Union's", "SUN"],
  ["Soviet", "SUN"],
  ["USSR's", "SUN"],
  ["USSR", "SUN"],
  ["Chinese", "CHN"],
  ["China's", "CHN"],
  ["China", "CHN"],
  ["PRC", "CHN"],
  ["United States'", "USA"],
  ["United States", "USA"],
  ["US", "USA"],
  ["U.S.", "USA"],
  ["USA", "USA"],
  ["American", "USA"],
  ["America's", "USA"],
  ["British", "GBR"],
  ["Britain's", "GBR"],
  ["UK", "GBR"],
  ["U.K.", "GBR"],
  ["United Kingdom's", "GBR"],
  ["French", "FRA"],
  ["France's", "FRA"],
  ["France", "FRA"],
  ["German", "DEU"],
  ["Germany's", "DEU"],
  ["Germany", "DEU"],
  ["Japanese", "JPN"],
  ["Japan's", "JPN"],
  ["Japan", "JPN"],
  ["Indian", "IND"],
  ["India's", "IND"],
  ["India", "IND"],
];
/** State names after "of" ("the foreign minister of Russia"). */
const STATE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["the Russian Federation", "RUS"],
  ["Russia", "RUS"],
  ["the Soviet Union", "SUN"],
  ["the USSR", "SUN"],
  ["the People's Republic of China", "CHN"],
  ["China", "CHN"],
  ["the United States of America", "USA"],
  ["the United States", "USA"],
  ["the US", "USA"],
  ["the U.S.", "USA"],
  ["the United Kingdom", "GBR"],
  ["the UK", "GBR"],
  ["Great Britain", "GBR"],
  ["Britain", "GBR"],
  ["France", "FRA"],
  ["Germany", "DEU"],
  ["the Federal Republic of Germany", "DEU"],
  ["Japan", "JPN"],
  ["India", "IND"],
];
const STATE_BY_WORD = new Map(STATE_WORDS.map(([w, s]) => [w, s]));
const STATE_BY_NAME = new Map(STATE_NAMES.map(([w, s]) => [w.replace(/^the /, ""), s]));
const reEsc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const STATE_SRC = `(?:${alt(STATE_WORDS.map(([w]) => exactWords(reEsc(w))))})`;
const STATE_NAME_SRC = `(?:${alt(STATE_NAMES.map(([w]) => exactWords(reEsc(w.replace(/^the /, "")))))})`;

/** Honorifics and role nouns before a name: no office kind, but a title all the same. */
const HONORIFICS = [
  "Mr",
  "Mrs",
  "Ms",
  "Mx",
  "Dr",
  "Mme",
  "Prof",
  "Sen",
  "Rep",
  "Gov",
  "Gen",
  "Adm",
  "Amb",
  "Smt",
  "Shri",
  "Sri",
  "Mister",
  "Miss",
  "Madam",
  "Madame",
  "Monsieur",
  "Herr",
  "Frau",
  "Sir",
  "Dame",
  "Lord",
  "Lady",
  "Baroness",
  "Baron",
  "Professor",
  "Comrade",
  "Senator",
  "Congressman",
  "Congresswoman",
  "Governor",
  "Ambassador",
  "General",
  "Admiral",
  "Marshal",
  "Prince",
  "Princess",
  "Emperor",
  "Empress",
  "Chairman",
  "Chairwoman",
  "Speaker",
  "Mayor",
];
const HON_SRC = `(?:(?:${alt(HONORIFICS)})\\.?|M\\.)`;
const ROLE_NOUNS = [
  "leader",
  "chief",
  "head",
  "counterpart",
  "envoy",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "official",
  "lawmaker",
  "successor",
  "predecessor",
  "minister",
  "secretary",
  "chairman",
  "president-elect",
  "diplomat",
  "negotiator",
  "adviser",
  "advisor",
  "aide",
  "ambassador",
  "senator",
  "governor",
  "commander",
  "nominee",
  "candidate",
  "deputy",
  "colleague",
];
const ROLE_SRC = `(?:${alt(ROLE_NOUNS.map(anyCase))})`;
/** Words that turn a title into another office: "Vice President", "Deputy Foreign Minister". */
const NULLIFIERS = `(?:${alt(["vice", "deputy", "first deputy", "shadow", "junior", "assistant", "under", "parliamentary", "associate"].map(anyCase))})`;

const NB = "(?<![\\p{L}\\p{N}])";

/** A title (or honorific) that ends right before a name. */
const TITLE_BEFORE = new RegExp(
  `${NB}(?:(?<state>${STATE_SRC})\\s+)?(?:(?<nul>${NULLIFIERS})[\\s-]+)?(?:(?<title>${TITLE_SRC})|(?<hon>${HON_SRC})|(?<role>${ROLE_SRC}))\\s*,?\\s+$`,
  "u",
);

/** A title with a state and no name: "Russian foreign minister", "foreign minister of Russia". */
const TITLE_ALONE = new RegExp(
  `${NB}(?:(?<state>${STATE_SRC})\\s+(?<title>${TITLE_SRC})|(?<title2>${TITLE_SRC})\\s+of\\s+(?:the\\s+)?(?<state2>${STATE_NAME_SRC}))(?![\\p{L}\\p{N}]|-\\p{L})`,
  "gu",
);
/** Words before a lone title that make it someone other than the holder at the date. */
const NOT_HOLDER_BEFORE = new RegExp(
  `${NB}(?:${alt(["former", "ex", "then", "late", "previous", "past", "future", "next", "incoming", "would-be", "a", "an", "any", "every", "each", "no", "another", "deputy", "vice", "first", "shadow", "one-time", "onetime", "erstwhile", "fellow"].map(anyCase))})[\\s-]+(?:the\\s+)?$`,
  "u",
);

interface TitleCtx {
  readonly titled: boolean;
  readonly kind: OfficeKind | null;
  /** States the title or its state word point to; null for any. */
  readonly states: readonly string[] | null;
}

const NO_TITLE: TitleCtx = { titled: false, kind: null, states: null };

function titleDef(raw: string): TitleDef | undefined {
  const key = raw.replace(/\s+/g, " ");
  return TITLE_BY_WORDS.get(key) ?? TITLE_BY_WORDS.get(key.toLowerCase());
}

/** The title (if any) that ends at folded offset `at`. */
function titleBefore(folded: string, at: number): TitleCtx {
  const m = TITLE_BEFORE.exec(folded.slice(Math.max(0, at - 120), at));
  if (!m?.groups) return NO_TITLE;
  const g = m.groups;
  const state = g.state ? (STATE_BY_WORD.get(g.state.replace(/\s+/g, " ")) ?? null) : null;
  if (g.title && !g.nul) {
    const def = titleDef(g.title);
    if (def) return { titled: true, kind: def.kind, states: state ? [state] : def.states };
  }
  return { titled: true, kind: null, states: state ? [state] : null };
}

// ---------------------------------------------------------------------------------------------
// Guards

/** Capitalised words that may stand right before a surname without being a given name. */
const NOT_GIVEN = new Set(
  [
    "The A An And But Or Nor So Yet For If When While Whereas As At On In By From With Without",
    "After Before Since Until Then Now Today Yesterday Tomorrow Tonight Meanwhile However Also",
    "Still Even Though Although Because That This These Those Here There Where Why How What Who",
    "Whom Whose Which Did Does Do Has Have Had Was Were Is Are Will Would Should Could Can Might",
    "Must Said Says Asked Under Over Against Between Among Of To Via Per Like Unlike Both Either",
    "Neither Not No Yes Only Just Later Earlier Last Next Once Instead Indeed Moreover Thus Hence",
    "Therefore Finally First Second Separately Speaking According Dear Thanks Thank Let Sources",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May",
    "June July August September October November December",
    "President Premier Prime Minister Ministers Secretary Chancellor Foreign Defence Defense",
    "Federal General Party Chief Leader King Queen Monarch Emperor State Affairs External Armed",
    "Forces War Vice Deputy Former Acting Chairman Senator Governor Ambassador Envoy Sir Lord",
    "Lady Dame Mr Mrs Ms Dr Mme Prof Comrade Herr Frau Monsieur Madame Shri Smt Sri Counterpart",
    "Russian Russia Soviet USSR Chinese China PRC US USA American America British Britain UK",
    "English French France German Germany Japanese Japan Indian India Kremlin Pentagon Beijing",
    "Moscow Washington London Paris Berlin Tokyo Delhi Whitehall Elysee",
  ]
    .join(" ")
    .split(" "),
);

/**
 * A bare surname at token i whose previous word is another person's given name ("Hunter Biden")
 * or whose initials are not the listed person's ("M. K. Narayanan").
 */
function preceededByOtherName(
  tokens: readonly Token[],
  i: number,
  ids: readonly string[],
): boolean {
  const tok = tokens[i];
  const prev = tokens[i - 1];
  if (!tok || !prev) return false;
  const idx = getIndex();
  if (tok.sep === "dot" && isInitial(prev.w)) {
    // The initials before the surname ("V. V. Putin") must be the listed person's.
    let k = i - 1;
    let seq = prev.w;
    while (k > 0) {
      const before = tokens[k - 1];
      const sep = tokens[k]?.sep;
      if (!before || !isInitial(before.w) || (sep !== "dot" && sep !== "space")) break;
      seq = before.w + seq;
      k--;
    }
    return !ids.some((id) =>
      [...(idx.initials.get(id) ?? [])].some((s) => s === seq || s.endsWith(seq)),
    );
  }
  if (tok.sep !== "space") return false;
  if (!isCapitalised(prev.w) || NOT_GIVEN.has(prev.w)) return false;
  // The person's own given name or patronymic ("Dmitri Anatolyevich Medvedev"), also in another
  // transliteration: the same first four letters ("Sergueï Lavrov", "Dmitrii Medvedev").
  const own = (g: string) =>
    g === prev.w || (g.length >= 4 && prev.w.length >= 4 && g.slice(0, 4) === prev.w.slice(0, 4));
  return !ids.some((id) => [...(idx.given.get(id) ?? [])].some(own));
}

/** A family-name-first surname followed by someone else's given name ("Wang Wenbin"). */
function followedByGivenName(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return !!next && next.sep === "space" && isCapitalised(next.w) && !NOT_GIVEN.has(next.w);
}

/** A full name followed by "Jr"/"Sr" that the form does not include ("Donald Trump Jr."). */
function followedBySuffix(folded: string, end: number): boolean {
  return /^,?\s+(?:Jr|Sr)\b/.test(folded.slice(end, end + 6));
}

// ---------------------------------------------------------------------------------------------
// Resolution

/** Narrow by title; an empty result means the title rules out every listed person. */
function byTitle(persons: readonly ListedPerson[], ctx: TitleCtx): readonly ListedPerson[] {
  if (!ctx.kind && !ctx.states) return persons;
  const states = ctx.states;
  const inStates = (o: Office) => states === null || states.includes(o.state);
  // A title about states none of them served (the UK's "Chancellor Hammond") says nothing.
  if (states !== null && !persons.some((p) => p.offices.some(inStates))) return persons;
  return persons.filter((p) =>
    p.offices.some((o) => inStates(o) && (ctx.kind === null || o.kind === ctx.kind)),
  );
}

/** The person a form names, or null (unresolved); undefined when the title rules them out. */
function resolveForm(
  form: Form,
  ctx: TitleCtx,
  date: string | null,
): ListedPerson | null | undefined {
  const all = form.ids.map((id) => personById(id)).filter((p): p is ListedPerson => !!p);
  if (form.full && all.length === 1) return all[0] ?? null;
  const persons = byTitle(all, ctx);
  if (persons.length === 0) return undefined;
  if (date === null) return persons.length === 1 ? (persons[0] ?? null) : null;
  const inOffice = persons.filter((p) => officesAt(p, date).length > 0);
  if (ctx.kind) {
    const states = ctx.states;
    const fit = inOffice.filter((p) =>
      officesAt(p, date).some(
        (o) => o.kind === ctx.kind && (states === null || states.includes(o.state)),
      ),
    );
    if (fit.length === 1) return fit[0] ?? null;
  }
  if (inOffice.length === 1) return inOffice[0] ?? null;
  // "former President Medvedev": the only one with that surname who ever held the office.
  if (ctx.kind && inOffice.length === 0 && persons.length === 1) return persons[0] ?? null;
  return null;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly person: ListedPerson | null;
  /** Title-alone: the office matched, reported as the role. */
  readonly office?: Office;
  /** Breaks ties between spans of the same length: higher wins. */
  readonly weight: number;
}

function scan(text: string, date: string | null): Candidate[] {
  const f = fold(text);
  const tokens = tokenize(f.text);
  const idx = getIndex();
  const names: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const forms = idx.byFirst.get(tokens[i]?.w ?? "");
    if (!forms) continue;
    for (const form of forms) {
      const { last, skipped } = matchAt(tokens, i, form);
      if (last < 0) continue;
      const startTok = tokens[i];
      const endTok = tokens[last];
      if (!startTok || !endTok) continue;
      const ctx = titleBefore(f.text, startTok.start);
      if (
        followedBySuffix(f.text, endTok.end) &&
        !form.words.some((w) => w === "Jr" || w === "Sr")
      ) {
        continue;
      }
      if (!form.full) {
        if (form.needsTitle && !ctx.titled) continue;
        if (!ctx.titled && preceededByOtherName(tokens, i, form.ids)) continue;
        if (form.familyFirst && followedByGivenName(tokens, last)) continue;
      }
      const person = resolveForm(form, ctx, date);
      if (person === undefined) continue;
      // Exact full names first, then full names read with a skipped initial, then surnames.
      const weight = form.full ? (skipped ? 1 : 2) : 0;
      names.push({ start: startTok.start, end: endTok.end, person, weight });
    }
  }
  const all = [...names];
  if (date !== null) all.push(...titlesAlone(f.text, tokens, names, date));
  const chosen: Candidate[] = [];
  const sorted = all.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start,
  );
  for (const c of sorted) {
    if (chosen.some((o) => o.start < c.end && c.start < o.end)) continue;
    chosen.push(c);
  }
  return chosen
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const [start, end] = originalSpan(f, text, c.start, c.end);
      return { ...c, start, end };
    });
}

function titlesAlone(
  folded: string,
  tokens: readonly Token[],
  names: readonly Candidate[],
  date: string,
): Candidate[] {
  const out: Candidate[] = [];
  const nameStarts = new Set(names.map((n) => n.start));
  /** The first token starting at or after `at` (binary search). */
  const tokenFrom = (at: number): Token | undefined => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid]?.start ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return tokens[lo];
  };
  for (const m of folded.matchAll(TITLE_ALONE)) {
    const g = m.groups ?? {};
    const stateRaw = g.state ?? g.state2;
    const titleRaw = g.title ?? g.title2;
    if (!stateRaw || !titleRaw) continue;
    const state = g.state
      ? STATE_BY_WORD.get(stateRaw.replace(/\s+/g, " "))
      : STATE_BY_NAME.get(stateRaw.replace(/\s+/g, " "));
    const def = titleDef(titleRaw);
    if (!state || !def || (def.states && !def.states.includes(state))) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (NOT_HOLDER_BEFORE.test(folded.slice(Math.max(0, start - 40), start))) continue;
    // A name (listed or not) right after the title: the name is the mention.
    const rest = folded.slice(end, end + 60);
    const lead = /^\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?/.exec(rest)?.[0] ?? "";
    if (lead.length > 0 && nameStarts.has(end + lead.length)) continue;
    const nextTok = tokenFrom(end);
    if (nextTok && nextTok.start - end <= 6 && /^[\s,]*$/.test(folded.slice(end, nextTok.start))) {
      if (isCapitalised(nextTok.w) && !NOT_GIVEN.has(nextTok.w)) continue;
    }
    const holders = holdersAt(state, def.kind, date);
    const holder = holders.length === 1 ? holders[0] : undefined;
    if (!holder) continue;
    const office = officesAt(holder, date).find((o) => o.state === state && o.kind === def.kind);
    out.push({ start, end, person: holder, weight: 0, ...(office ? { office } : {}) });
  }
  return out;
}

function toFound(text: string, c: Candidate, date: string | null): FoundPerson {
  const surface = text.slice(c.start, c.end);
  if (!c.person) {
    return { start: c.start, end: c.end, surface, personId: null, name: surface, role: null };
  }
  return {
    start: c.start,
    end: c.end,
    surface,
    personId: c.person.id,
    name: c.person.name,
    role: c.office?.title ?? roleAt(c.person, date),
  };
}

/**
 * Every mention of a listed person in `text`, resolved at `date` (YYYY-MM-DD, or null when the
 * document's date is unknown). Offsets index the original text; sorted by start; no overlaps.
 */
export function findPeople(text: string, date: string | null): FoundPerson[] {
  const d = date === null ? null : dayOf(date);
  return scan(text, d).map((c) => toFound(text, c, d));
}

const PREFIX_OK = new RegExp(
  `^(?:[Tt]he\\s+)?(?:${NB}(?:(?:${STATE_SRC})\\s+)?(?:(?:${NULLIFIERS})[\\s-]+)?(?:${TITLE_SRC}|${HON_SRC}|${ROLE_SRC})\\s*,?\\s*)*$`,
  "u",
);

const LOWER_PARTICLES = new Set(["de", "du", "da", "di", "von", "van", "der", "den", "zu", "und"]);

/** "LAVROV" → "Lavrov", "JEAN-YVES LE DRIAN" → "Jean-Yves Le Drian" (transcripts shout names). */
function unshout(s: string): string {
  if (!/\p{Lu}{2}/u.test(s) || /\p{Ll}/u.test(s)) return s;
  let first = true;
  return s.replace(/\p{L}+/gu, (w) => {
    const lower = w.toLowerCase();
    const out = !first && LOWER_PARTICLES.has(lower) ? lower : w[0] + w.slice(1).toLowerCase();
    first = false;
    return out;
  });
}

/**
 * A speaker surface the quote extractor found ("Mr. Lavrov", "Sergei Lavrov", "the Russian foreign
 * minister", "LAVROV"), resolved at `date`. Null when the surface does not name a listed person.
 * The result has start = end = 0.
 */
export function resolveName(surface: string, date: string | null): FoundPerson | null {
  const d = date === null ? null : dayOf(date);
  const trimmed = surface.trim().replace(/[\s,;:]+$/, "");
  for (const s of new Set([trimmed, unshout(trimmed)])) {
    const cands = scan(s, d);
    const body = s.replace(/[.\s]+$/, "");
    const hit = [...cands].reverse().find((c) => c.end >= body.length);
    if (!hit) continue;
    if (!PREFIX_OK.test(foldName(s.slice(0, hit.start)))) continue;
    const found = toFound(s, hit, d);
    return { ...found, start: 0, end: 0, surface: surface.trim() };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Person-like strings

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

/**
 * Titles before a name ("Foreign Minister", "President", "Mr", "spokesman") and titles with a state
 * and no name ("the Russian foreign minister", "the foreign minister of Russia"): which office
 * kind and which states they point to.
 */
import type { OfficeKind } from "./office-holders.js";

const FM: OfficeKind = "foreign minister";
const DM: OfficeKind = "defence minister";
const HOS: OfficeKind = "head of state";
const HOG: OfficeKind = "head of government";
const PARTY: OfficeKind = "party leader";

export interface TitleDef {
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
export const STATE_BY_WORD = new Map(STATE_WORDS.map(([w, s]) => [w, s]));
export const STATE_BY_NAME = new Map(STATE_NAMES.map(([w, s]) => [w.replace(/^the /, ""), s]));
const reEsc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
// ---------------------------------------------------------------------------------------------
// Patterns, compiled on first use (the CLI imports this module for every command).

function buildPatterns() {
  const titleSrc = `(?:${alt(TITLE_DEFS.map((t) => (t.exact ? exactWords(t.words) : anyCase(t.words))))})`;
  const stateSrc = `(?:${alt(STATE_WORDS.map(([w]) => exactWords(reEsc(w))))})`;
  const stateNameSrc = `(?:${alt(STATE_NAMES.map(([w]) => exactWords(reEsc(w.replace(/^the /, "")))))})`;
  const honSrc = `(?:(?:${alt(HONORIFICS)})\\.?|M\\.)`;
  const roleSrc = `(?:${alt(ROLE_NOUNS.map(anyCase))})`;
  /** Words that turn a title into another office: "Vice President", "Deputy Foreign Minister". */
  const nullifiers = `(?:${alt(["vice", "deputy", "first deputy", "shadow", "junior", "assistant", "under", "parliamentary", "associate"].map(anyCase))})`;
  const nb = "(?<![\\p{L}\\p{N}])";
  return {
    /** A title (or honorific) that ends right before a name. */
    before: new RegExp(
      `${nb}(?:(?<state>${stateSrc})\\s+)?(?:(?<nul>${nullifiers})[\\s-]+)?(?:(?<title>${titleSrc})|(?<hon>${honSrc})|(?<role>${roleSrc}))\\s*,?\\s+$`,
      "u",
    ),
    /** A title with a state and no name: "Russian foreign minister", "foreign minister of Russia". */
    alone: new RegExp(
      `${nb}(?:(?<state>${stateSrc})\\s+(?<title>${titleSrc})|(?<title2>${titleSrc})\\s+of\\s+(?:the\\s+)?(?<state2>${stateNameSrc}))(?![\\p{L}\\p{N}]|-\\p{L})`,
      "gu",
    ),
    /** Words before a lone title that make it someone other than the holder at the date. */
    notHolderBefore: new RegExp(
      `${nb}(?:${alt(["former", "ex", "then", "late", "previous", "past", "future", "next", "incoming", "would-be", "a", "an", "any", "every", "each", "no", "another", "deputy", "vice", "first", "shadow", "one-time", "onetime", "erstwhile", "fellow"].map(anyCase))})[\\s-]+(?:the\\s+)?$`,
      "u",
    ),
    /** Nothing but titles, honorifics and role words ("the Russian foreign minister, Mr"). */
    onlyTitles: new RegExp(
      `^(?:[Tt]he\\s+)?(?:${nb}(?:(?:${stateSrc})\\s+)?(?:(?:${nullifiers})[\\s-]+)?(?:${titleSrc}|${honSrc}|${roleSrc})\\s*,?\\s*)*$`,
      "u",
    ),
  };
}

let patterns: ReturnType<typeof buildPatterns> | undefined;

/** The title patterns, compiled once. */
export function titlePatterns(): ReturnType<typeof buildPatterns> {
  patterns ??= buildPatterns();
  return patterns;
}

export interface TitleCtx {
  readonly titled: boolean;
  readonly kind: OfficeKind | null;
  /** States the title or its state word point to; null for any. */
  readonly states: readonly string[] | null;
}

export const NO_TITLE: TitleCtx = { titled: false, kind: null, states: null };

export function titleDef(raw: string): TitleDef | undefined {
  const key = raw.replace(/\s+/g, " ");
  return TITLE_BY_WORDS.get(key) ?? TITLE_BY_WORDS.get(key.toLowerCase());
}

/** The title (if any) that ends at folded offset `at`. */
export function titleBefore(folded: string, at: number): TitleCtx {
  const m = titlePatterns().before.exec(folded.slice(Math.max(0, at - 120), at));
  if (!m?.groups) return NO_TITLE;
  const g = m.groups;
  const state = g.state ? (STATE_BY_WORD.get(g.state.replace(/\s+/g, " ")) ?? null) : null;
  if (g.title && !g.nul) {
    const def = titleDef(g.title);
    if (def) return { titled: true, kind: def.kind, states: state ? [state] : def.states };
  }
  return { titled: true, kind: null, states: state ? [state] : null };
}

/**
 * From a document to what an analyst can check: its main text, dates, the states,
 * organisations and office holders it mentions, its alliance rhetoric, and its attributed
 * quotes with speaker, role and rhetoric. Every finding carries its offset in the main text.
 *
 *   read.ts ──> sentences/entities/people (spans) ──> quotes.ts (quotes + speaker surfaces)
 *          ──> speakers resolved here (people list, pronouns → last named speaker) ──> rhetoric
 */
import { createHash } from "node:crypto";
import { documentDate, findDates } from "./dates.js";
import { extractIndirect } from "./indirect.js";
import type { OfficeKind } from "./office-holders.js";
import { officesAt, personById } from "./offices.js";
import { findOrganizations } from "./organizations.js";
import { findPeople, resolveName } from "./people.js";
import { personLike } from "./person-like.js";
import { extractQuotes, type RawQuote } from "./quotes.js";
import { rhetoric } from "./rhetoric.js";
import { findStates } from "./states.js";
import type { FoundPerson, Rhetoric, TextDocument } from "./types.js";

/** Words of the text with their offset, for a reader to check ("he" @ 1204). */
export interface WordsAt {
  readonly text: string;
  readonly offset: number;
}

/** Who said something, as resolved and as written, and the cue, with offsets. */
export interface AttributionAnalysis {
  /** The speaker as resolved (a listed person's name, else the words naming them). */
  readonly speaker: string | null;
  readonly role: string | null;
  /** The words that name the speaker as written ("he", "the Russian foreign minister"). */
  readonly speaker_mention: WordsAt | null;
  /** The attribution cue as written ("said", "according to", ":"). */
  readonly cue: WordsAt | null;
  /** The quoted words; for an indirect attribution, what was said in the writer's words. */
  readonly text: string;
  readonly offset: number;
}

/** An indirect attribution: "X said that …", "according to X, …" (words not in quotation marks). */
export type IndirectAnalysis = AttributionAnalysis;

export interface QuoteAnalysis extends AttributionAnalysis {
  readonly rhetoric: { readonly score: number; readonly matches: readonly RhetoricOut[] };
}

export interface RhetoricOut {
  readonly term: string;
  readonly offset: number;
}

export interface Mention {
  readonly name: string;
  readonly offsets: readonly number[];
}

export interface DocumentAnalysis {
  readonly path: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly dates: readonly string[];
  readonly entities: {
    readonly states: ReadonlyArray<Mention & { readonly iso3: string; readonly ccode: number }>;
    readonly organizations: ReadonlyArray<Mention & { readonly id: string }>;
    readonly people: ReadonlyArray<
      Mention & { readonly id: string | null; readonly role: string | null }
    >;
  };
  readonly rhetoric: { readonly score: number; readonly matches: readonly RhetoricOut[] };
  readonly quotes: readonly QuoteAnalysis[];
  /** Indirect attributions (absent in analyses stored before version 2). */
  readonly indirect?: readonly IndirectAnalysis[];
}

/** Internal result: the analysis plus what storage needs. */
export interface Analyzed {
  readonly analysis: DocumentAnalysis;
  readonly doc: TextDocument;
  readonly date: string | null;
  readonly textSha256: string;
  readonly people: readonly FoundPerson[];
  readonly stateCodes: readonly number[];
}

const out = (r: Rhetoric) => ({
  score: r.score,
  matches: r.matches.map((m) => ({ term: m.term, offset: m.offset })),
});

/** Group spans by a key, keeping the first display name and every offset, in text order. */
function mentions<T extends { start: number }, K>(
  items: readonly T[],
  key: (t: T) => K,
  make: (t: T) => Record<string, unknown> & { name: string },
) {
  const byKey = new Map<K, { base: Record<string, unknown>; offsets: number[] }>();
  for (const it of [...items].sort((a, b) => a.start - b.start)) {
    const k = key(it);
    const m = byKey.get(k);
    if (m) m.offsets.push(it.start);
    else byKey.set(k, { base: make(it), offsets: [it.start] });
  }
  return [...byKey.values()].map((m) => ({ ...m.base, offsets: m.offsets }));
}

/**
 * The speaker of each raw quote: a listed person whose mention covers the speaker words, else
 * the name resolved from the words, else the words themselves (an unlisted person, "the foreign
 * ministry"). A pronoun ("he said") is the last named speaker of
 * an earlier quote, else the last listed person mentioned before the quote.
 */
/** Words that describe a speaker before the name: "Kremlin spokesman", "Colonel", "Ambassador". */
const TITLE_WORDS = new Set(
  `mr mrs ms dr prof sir dame lord kremlin spokesman spokeswoman spokesperson press secretary
  ambassador envoy colonel col general gen admiral adm captain capt commander lieutenant lt major
  sergeant minister deputy vice prime foreign defence defense president premier chancellor senator
  sen representative rep governor gov chief senior former acting state department official
  analyst professor researcher director chairman chairwoman chair head of the and`.split(/\s+/),
);

/** A speaker surface without the title words before the name, when a name remains. */
export function stripTitles(surface: string, year: number | null): string {
  const words = surface.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1) {
    const w = (words[i] ?? "").toLowerCase().replace(/[.,]$/, "");
    const isTitle = TITLE_WORDS.has(w) || findStates(words[i] ?? "", year).length > 0;
    if (!isTitle) break;
    i++;
  }
  const rest = words.slice(i).join(" ");
  return i > 0 && personLike(rest) ? rest : surface;
}

const TITLE_PHRASE =
  /^(?:the|a)\s+(.+?)\s+(foreign\s+minister|defen[cs]e\s+minister|minister|president|premier|prime\s+minister|chancellor|leader|head\s+of\s+state)$/iu;

/** Office kinds a title word stands for ("minister" alone: foreign or defence). */
function kindsOf(title: string): readonly OfficeKind[] {
  const t = title.toLowerCase().replace(/\s+/g, " ");
  if (t.startsWith("foreign")) return ["foreign minister"];
  if (t.startsWith("defen")) return ["defence minister"];
  if (t === "minister") return ["foreign minister", "defence minister"];
  if (t === "president" || t === "head of state") return ["head of state"];
  if (t === "leader") return ["head of state", "head of government", "party leader"];
  return ["head of government"];
}

/**
 * "The Russian minister", "the French minister": the office holder of that state and kind
 * mentioned last before `before` in the document (a title alone names nobody new; it refers
 * back), at the document's date.
 */
function titleCoreference(
  surface: string,
  people: readonly FoundPerson[],
  before: number,
  date: string | null,
): FoundPerson | null {
  const m = TITLE_PHRASE.exec(surface.trim());
  if (!m || !date) return null;
  const year = Number(date.slice(0, 4));
  const state = findStates(m[1] ?? "", year)[0]?.iso3;
  if (!state) return null;
  const kinds = kindsOf(m[2] ?? "");
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i] as FoundPerson;
    if (p.start >= before || p.personId === null) continue;
    const person = personById(p.personId);
    if (
      person &&
      officesAt(person, date).some((o) => o.state === state && kinds.includes(o.kind as OfficeKind))
    ) {
      return p;
    }
  }
  return null;
}

export function resolveSpeakers(
  quotes: readonly RawQuote[],
  people: readonly FoundPerson[],
  date: string | null,
): Array<FoundPerson | null> {
  const year = date ? Number(date.slice(0, 4)) : null;
  const named = (s: { surface: string; start: number; end: number }, at: number): FoundPerson => {
    const bare = stripTitles(s.surface, year);
    const found =
      people.find((p) => p.start < s.end && p.end > s.start && p.personId !== null) ??
      resolveName(s.surface, date) ??
      (bare !== s.surface ? resolveName(bare, date) : null) ??
      titleCoreference(s.surface, people, at, date);
    return found
      ? { ...found, start: s.start, end: s.end, surface: s.surface }
      : { start: s.start, end: s.end, surface: s.surface, personId: null, name: bare, role: null };
  };
  const out: Array<FoundPerson | null> = [];
  let lastNamed: FoundPerson | null = null;
  for (const q of quotes) {
    let who: FoundPerson | null = null;
    const s = q.speaker;
    if (s && !q.pronoun) {
      who = named(s, Math.min(s.start, q.start));
      // Only a person can be "he" or "she" later: not "the foreign ministry".
      if (who.personId !== null || personLike(who.name)) lastNamed = who;
    } else if (s && q.pronoun) {
      // The extractor's antecedent (the subject of an earlier sentence, or an earlier quote's
      // speaker), else the last named speaker, else the last office holder mentioned before.
      const before = [...people].reverse().find((p) => p.end <= q.start && p.personId !== null);
      who = q.antecedent ? named(q.antecedent, q.antecedent.start) : (lastNamed ?? before ?? null);
    }
    out.push(who);
  }
  return out;
}

/** The output form of an attribution, its speaker resolved as `who`. */
function attributionOf(q: RawQuote, who: FoundPerson | null): AttributionAnalysis {
  return {
    speaker: who?.name ?? null,
    role: who?.role ?? null,
    speaker_mention: q.speaker ? { text: q.speaker.surface, offset: q.speaker.start } : null,
    cue: q.cueWords ? { text: q.cueWords.surface, offset: q.cueWords.start } : null,
    text: q.text,
    offset: q.start,
  };
}

export function analyzeDocument(doc: TextDocument, sha256: string): Analyzed {
  const text = doc.text;
  const date = documentDate(doc);
  const year = date ? Number(date.slice(0, 4)) : null;
  const people = findPeople(text, date);
  const states = findStates(text, year);
  const orgs = findOrganizations(text);
  const dates = findDates(text);
  const raw = extractQuotes(text);
  const speakers = resolveSpeakers(raw, people, date);
  const indirectRaw = extractIndirect(text, raw);
  const indirectSpeakers = resolveSpeakers(indirectRaw, people, date);
  const indirect: IndirectAnalysis[] = indirectRaw.map((a, i) =>
    attributionOf(a, indirectSpeakers[i] ?? null),
  );
  const quotes: QuoteAnalysis[] = raw.map((q, i) => ({
    ...attributionOf(q, speakers[i] ?? null),
    rhetoric: out(rhetoric(text, q)),
  }));
  const analysis: DocumentAnalysis = {
    path: doc.path,
    sha256,
    title: doc.title,
    dates: [...new Set(dates.map((d) => d.value))],
    entities: {
      states: mentions(
        states,
        (s) => s.ccode,
        (s) => ({ name: s.name, iso3: s.iso3, ccode: s.ccode }),
      ) as never,
      organizations: mentions(
        orgs,
        (o) => o.id,
        (o) => ({ id: o.id, name: o.name }),
      ) as never,
      people: mentions(
        people,
        (p) => p.personId ?? `?${p.name}`,
        (p) => ({ id: p.personId, name: p.name, role: p.role }),
      ) as never,
    },
    rhetoric: out(rhetoric(text)),
    quotes,
    indirect,
  };
  return {
    analysis,
    doc,
    date,
    textSha256: createHash("sha256").update(text).digest("hex"),
    people,
    stateCodes: [...new Set(states.map((s) => s.ccode))],
  };
}

/**
 * Office holders in a text: names, surnames, titles with names ("Foreign Minister Sergei
 * Lavrov") and titles alone ("the Russian foreign minister"), resolved against the list in
 * data/people (office-holders.ts) at the document's date.
 *
 * Matching works on a folded copy of the text (core/normalize.ts: combining marks removed, curly
 * apostrophes and odd spaces and hyphens made plain) that keeps, for each of its UTF-16 units, the span of the
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
import { foldWithOffsets } from "../core/normalize.js";
import {
  type Form,
  foldName,
  getIndex,
  isCapitalised,
  isInitial,
  matchAt,
  originalSpan,
  type Token,
  tokenize,
} from "./name-forms.js";
import type { ListedPerson } from "./office-holders.js";
import { dayOf, holdersAt, officesAt, personById, roleAt } from "./offices.js";
import {
  STATE_BY_NAME,
  STATE_BY_WORD,
  type TitleCtx,
  titleBefore,
  titleDef,
  titlePatterns,
} from "./titles.js";
import type { FoundPerson, Office } from "./types.js";

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
  const f = foldWithOffsets(text);
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
  for (const m of folded.matchAll(titlePatterns().alone)) {
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
    if (titlePatterns().notHolderBefore.test(folded.slice(Math.max(0, start - 40), start)))
      continue;
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
    if (!titlePatterns().onlyTitles.test(foldName(s.slice(0, hit.start)))) continue;
    const found = toFound(s, hit, d);
    return { ...found, start: 0, end: 0, surface: surface.trim() };
  }
  return null;
}

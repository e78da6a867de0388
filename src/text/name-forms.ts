/**
 * The names of the listed office holders as token sequences ("forms"), indexed by their first
 * word, and matched against the tokens of a folded text: hyphens and spaces interchangeable inside
 * a name, an optional middle initial ("Sergei V. Lavrov"), whole words only ("Xi'an" is not Xi).
 * Folding (core/normalize.ts) keeps a map back to the original offsets.
 */
import { type Folded, foldWithOffsets } from "../core/normalize.js";
import { type ListedPerson, listedPeople } from "./office-holders.js";

/** The folded form of a name: no diacritics, plain apostrophes and hyphens. */
export const foldName = (s: string): string => foldWithOffsets(s).text;

/** Original span of folded [start, end), taking trailing combining marks along. */
export function originalSpan(
  f: Folded,
  text: string,
  start: number,
  end: number,
): [number, number] {
  const s = f.starts[start] ?? text.length;
  let e = f.ends[end - 1] ?? text.length;
  while (e < text.length && /\p{M}/u.test(text[e] ?? "")) e++;
  return [s, e];
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** What separates a word from the previous one. */
export type Sep = "start" | "space" | "hyphen" | "dot" | "apos" | "break";

export interface Token {
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

export function tokenize(s: string): Token[] {
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

export const isInitial = (w: string): boolean => w.length === 1 && /\p{Lu}/u.test(w);
export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

// ---------------------------------------------------------------------------------------------
// Name forms

export interface Form {
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

export const getIndex = (): Index => {
  index ??= buildIndex();
  return index;
};

/** Whether a text separator may stand where the form has `formSep`. */
function sepFits(formSep: Sep, textSep: Sep, afterInitial: boolean): boolean {
  if (formSep === "apos") return textSep === "apos";
  return textSep === "space" || textSep === "hyphen" || (afterInitial && textSep === "dot");
}

/** The last token of `form` matched at token i (-1 when none), and whether an initial was skipped. */
export function matchAt(
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

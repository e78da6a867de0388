/**
 * Country crosswalk: resolves a COW code, COW abbreviation, ISO 3166 alpha-2/alpha-3 code,
 * Gleditsch-Ward code, CAMEO code or name to a Correlates of War state code (ccode), saying in
 * `rule` how it got there. Names match exactly after normalisation or through the reviewed alias
 * table; nothing is ever resolved by fuzzy matching (edit distance only feeds error suggestions).
 * See docs/crosswalk.md.
 */
import { countryTables, type StateEntry } from "./country-tables.js";
import { commonPrefix, editDistance } from "./edit-distance.js";
import { UnknownCountryError } from "./errors.js";
import { normalizeName, normalizeNameJoined } from "./normalize.js";

export type CodeSystem = "cow" | "cowabb" | "iso2" | "iso3" | "gw" | "cameo" | "name";

export interface State {
  ccode: number;
  cowAbb: string;
  name: string;
  iso2: string | null;
  iso3: string | null;
  gw: number | null;
  cameo: string | null;
  spells: ReadonlyArray<readonly [number, number | null]>;
}

export interface Resolution {
  ccode: number;
  name: string;
  iso3: string | null;
  system: CodeSystem;
  rule: string;
}

export interface ResolveOptions {
  system?: CodeSystem;
  year?: number;
}

const SYSTEMS: ReadonlySet<string> = new Set<CodeSystem>([
  "cow",
  "cowabb",
  "iso2",
  "iso3",
  "gw",
  "cameo",
  "name",
]);

/** One way a key can resolve; a window (from/to, inclusive years) makes it an exception. */
interface Candidate {
  ccode: number;
  from?: number;
  to?: number;
  /** How the key came to mean this state. */
  kind: "code" | "cowname" | "alias" | "rule";
  /** Why this key means this state (empty for a plain current code or a name match). */
  why: string;
  /** For names: the table name that matched. */
  matched?: string;
}

type Index = Map<string, Candidate[]>;
type KeyedSystem = Exclude<CodeSystem, "cow">;

// ---------------------------------------------------------------------------------------------
// Tables, built on first use from data/crosswalk (commands that never resolve a country do not
// pay for reading them).

interface Tables {
  readonly statesByCcode: Map<number, State>;
  /** Sorted by ccode, frozen. */
  readonly stateList: readonly State[];
  readonly indexes: Record<KeyedSystem, Index>;
  /** Non-states: code or name → label. */
  readonly nonState: Record<"iso2" | "iso3" | "cameo" | "name" | "gw", Map<string, string>>;
  readonly cameoNonState: Map<string, string>;
}

const windowed = (c: { from?: number; to?: number }): boolean =>
  c.from !== undefined || c.to !== undefined;
const sameWindow = (a: Candidate, b: Candidate): boolean => a.from === b.from && a.to === b.to;

function add(index: Index, key: string, cand: Candidate, override = false): void {
  if (key === "") return;
  const list = index.get(key);
  if (!list) {
    index.set(key, [cand]);
    return;
  }
  const same = list.find((c) => c.ccode === cand.ccode && sameWindow(c, cand));
  if (same) {
    if (override) {
      same.kind = cand.kind;
      same.why = cand.why;
      same.matched = cand.matched;
    }
    return;
  }
  list.push(cand);
}

function addName(
  indexes: Record<KeyedSystem, Index>,
  name: string,
  cand: Omit<Candidate, "matched">,
  override = false,
): void {
  for (const key of new Set([normalizeName(name), normalizeNameJoined(name)])) {
    add(indexes.name, key, { ...cand, matched: name }, override);
  }
}

function buildStateIndexes(indexes: Record<KeyedSystem, Index>, e: StateEntry): void {
  const hist = e.historicalCodes ?? [];
  const hasWindowFor = (system: string, code: string) =>
    hist.some((h) => h.system === system && h.code === code);
  add(indexes.cowabb, e.cowAbb, { ccode: e.ccode, kind: "code", why: "" });
  const primary: Array<[KeyedSystem, string | null]> = [
    ["iso2", e.iso2],
    ["iso3", e.iso3],
    ["cameo", e.cameo],
    ["gw", e.gw === null ? null : String(e.gw)],
  ];
  for (const [system, code] of primary) {
    // A primary code the entry also lists in historicalCodes takes that entry's window.
    if (code !== null && !hasWindowFor(system, code)) {
      add(indexes[system], code, { ccode: e.ccode, kind: "code", why: "" });
    }
  }
  for (const h of hist) {
    const cand: Candidate = { ccode: e.ccode, kind: "code", why: h.rule };
    if (h.from !== undefined) cand.from = h.from;
    if (h.to !== undefined) cand.to = h.to;
    add(indexes[h.system], h.code, cand);
  }
  addName(indexes, e.name, { ccode: e.ccode, kind: "cowname", why: "" });
  for (const a of e.aliases) addName(indexes, a, { ccode: e.ccode, kind: "alias", why: "" });
}

function buildTables(): Tables {
  const data = countryTables();
  const statesByCcode = new Map<number, State>();
  const stateList: State[] = [];
  for (const e of data.states) {
    const s: State = Object.freeze({
      ccode: e.ccode,
      cowAbb: e.cowAbb,
      name: e.name,
      iso2: e.iso2,
      iso3: e.iso3,
      gw: e.gw,
      cameo: e.cameo,
      spells: Object.freeze(e.spells.map((sp) => Object.freeze([sp[0], sp[1]] as const))),
    });
    statesByCcode.set(e.ccode, s);
    stateList.push(s);
  }
  stateList.sort((a, b) => a.ccode - b.ccode);

  const indexes: Record<KeyedSystem, Index> = {
    cowabb: new Map(),
    iso2: new Map(),
    iso3: new Map(),
    gw: new Map(),
    cameo: new Map(),
    name: new Map(),
  };
  for (const e of data.states) buildStateIndexes(indexes, e);
  for (const r of data.nameRules) {
    const cand: Omit<Candidate, "matched"> = { ccode: r.ccode, kind: "rule", why: r.rule };
    if (r.from !== undefined) cand.from = r.from;
    if (r.to !== undefined) cand.to = r.to;
    addName(indexes, r.name, cand, true);
  }

  const nonState: Tables["nonState"] = {
    iso2: new Map(),
    iso3: new Map(),
    cameo: new Map(),
    name: new Map(),
    gw: new Map(),
  };
  for (const t of data.isoNonState) {
    const label = `${t.name}, ISO ${t.iso2}/${t.iso3}`;
    nonState.iso2.set(t.iso2, label);
    nonState.iso3.set(t.iso3, label);
    for (const n of [t.name, ...(t.aliases ?? [])]) {
      for (const key of [normalizeName(n), normalizeNameJoined(n)]) {
        if (!indexes.name.has(key)) nonState.name.set(key, label);
      }
    }
  }
  for (const [code, label] of Object.entries(data.cameoNonState)) {
    nonState.cameo.set(code, `${label}, CAMEO ${code}`);
    const key = normalizeName(label);
    if (!indexes.name.has(key) && !nonState.name.has(key)) {
      nonState.name.set(key, `${label}, CAMEO ${code}`);
    }
  }
  for (const [code, label] of Object.entries(data.gwNonCow))
    nonState.gw.set(code, `${label}, GW ${code}`);

  return {
    statesByCcode,
    stateList: Object.freeze(stateList),
    indexes,
    nonState,
    cameoNonState: new Map(Object.entries(data.cameoNonState)),
  };
}

let built: Tables | null = null;
const tables = (): Tables => {
  built ??= buildTables();
  return built;
};

// ---------------------------------------------------------------------------------------------
// Resolution core.

type Outcome =
  | { ok: true; res: Resolution }
  | {
      ok: false;
      kind: "unknown" | "ambiguous" | "nonstate" | "invalid";
      detail: string;
      /** Ready-made suggestions (ambiguous candidates, other readings); unknown ones are computed lazily. */
      suggestions: string[];
      /** Text to compute edit-distance suggestions from, for "unknown". */
      probe?: string;
    };

const inWindow = (c: Candidate, year: number): boolean =>
  (c.from === undefined || year >= c.from) && (c.to === undefined || year <= c.to);

function uniqueByCcode(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) if (!out.some((o) => o.ccode === c.ccode)) out.push(c);
  return out;
}

/**
 * Choose among the candidates of one key. With a year, windowed candidates that cover it beat
 * unwindowed ones; without a year, open-ended windows (the current meaning) beat unwindowed ones.
 * If neither applies, all candidates are considered (they may still agree on one ccode).
 */
function pick(cands: Candidate[], year: number | undefined): Candidate[] {
  let chosen: Candidate[];
  if (year !== undefined) {
    chosen = cands.filter((c) => windowed(c) && inWindow(c, year));
    if (chosen.length === 0) chosen = cands.filter((c) => !windowed(c));
  } else {
    chosen = cands.filter((c) => windowed(c) && c.to === undefined);
    if (chosen.length === 0) chosen = cands.filter((c) => !windowed(c));
  }
  if (chosen.length === 0) chosen = cands;
  return uniqueByCcode(chosen);
}

const stateLabel = (ccode: number): string => {
  const s = tables().statesByCcode.get(ccode);
  return s ? `${s.name} (cow:${ccode})` : `cow:${ccode}`;
};

const SYSTEM_LABEL: Record<CodeSystem, string> = {
  cow: "COW code",
  cowabb: "COW abbreviation",
  iso2: "ISO alpha-2",
  iso3: "ISO alpha-3",
  gw: "GW code",
  cameo: "CAMEO code",
  name: "name",
};

function describeInput(system: CodeSystem, key: string, raw: string, year: number | undefined) {
  const shown = system === "name" ? `"${raw}"` : key;
  return `${SYSTEM_LABEL[system]} ${shown}${year === undefined ? "" : ` in ${year}`}`;
}

function success(
  system: CodeSystem,
  key: string,
  raw: string,
  year: number | undefined,
  cand: Candidate,
  extra: string[] = [],
): Outcome {
  const s = tables().statesByCcode.get(cand.ccode);
  if (!s) throw new Error(`crosswalk table references unknown ccode ${cand.ccode}`);
  const parts: string[] = [];
  if (cand.kind === "cowname")
    parts.push(`matches the COW name "${cand.matched}" exactly after normalisation`);
  else if (cand.kind === "alias")
    parts.push(`matches the reviewed alias "${cand.matched}" after normalisation`);
  else if (cand.why) parts.push(cand.why);
  parts.push(...extra);
  const head = `${describeInput(system, key, raw, year)} → COW ${s.ccode} (${s.name})`;
  const rule = parts.length ? `${head}: ${parts.join("; ")}` : head;
  return {
    ok: true,
    res: Object.freeze({ ccode: s.ccode, name: s.name, iso3: s.iso3, system, rule }),
  };
}

function fromCandidates(
  system: CodeSystem,
  key: string,
  raw: string,
  year: number | undefined,
  cands: Candidate[],
  extra: string[] = [],
): Outcome {
  const chosen = pick(cands, year);
  if (chosen.length === 1) return success(system, key, raw, year, chosen[0] as Candidate, extra);
  const names = chosen.map((c) => stateLabel(c.ccode));
  const why = chosen.find((c) => c.why)?.why;
  const when = year === undefined ? " without a year" : ` in ${year}`;
  return {
    ok: false,
    kind: "ambiguous",
    detail: `${describeInput(system, key, raw, undefined)} is ambiguous${when}: ${names.join(", ")}${why ? ` (${why})` : ""}`,
    suggestions: names,
  };
}

const nonStateOutcome = (what: string, label: string, suggestions: string[] = []): Outcome => ({
  ok: false,
  kind: "nonstate",
  detail: `${what} is ${label}: not a state in the COW state system`,
  suggestions,
});

const unknown = (detail: string, probe: string): Outcome => ({
  ok: false,
  kind: "unknown",
  detail,
  suggestions: [],
  probe,
});

function lookupCow(raw: string): Outcome {
  const t = raw.trim();
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  const s = Number.isInteger(n) ? tables().statesByCcode.get(n) : undefined;
  if (!s) return unknown(`Unknown COW code "${raw}"`, t);
  return {
    ok: true,
    res: Object.freeze({
      ccode: s.ccode,
      name: s.name,
      iso3: s.iso3,
      system: "cow",
      rule: `COW code ${s.ccode} (${s.name})`,
    }),
  };
}

/** Look a key up in one system only (explicit prefix or `system` option). */
function lookupIn(system: CodeSystem, raw: string, year: number | undefined): Outcome {
  if (system === "cow") return lookupCow(raw);
  if (system === "name") {
    const key = normalizeName(raw);
    const cands = tables().indexes.name.get(key);
    if (cands) return fromCandidates("name", key, raw, year, cands);
    const ns = tables().nonState.name.get(key);
    if (ns) return nonStateOutcome(`"${raw}"`, ns);
    return unknown(`Unknown country "${raw}"`, raw);
  }
  const key = system === "gw" ? raw.trim().replace(/^0+(?=\d)/, "") : raw.trim().toUpperCase();
  const cands = tables().indexes[system].get(key);
  if (cands) return fromCandidates(system, key, raw, year, cands);
  if (system === "gw") {
    const ns = tables().nonState.gw.get(key);
    if (ns) return nonStateOutcome(`GW code ${key}`, `${ns}, which has no COW counterpart`);
  } else if (system !== "cowabb") {
    const ns = tables().nonState[system].get(key);
    if (ns) return nonStateCode(system, key, ns, year);
  }
  return unknown(`Unknown ${SYSTEM_LABEL[system]} "${raw.trim()}"`, raw);
}

interface Reading {
  system: "iso3" | "cowabb" | "cameo";
  /** The state it resolves to (when unique), or undefined for a non-state / ambiguous reading. */
  ccode?: number;
  text: string;
}

/** Other meanings of a 3-letter code under the other letter-code systems, for notes and hints. */
function otherReadings(code: string, year: number | undefined, except: CodeSystem): Reading[] {
  const out: Reading[] = [];
  for (const system of ["iso3", "cowabb", "cameo"] as const) {
    if (system === except) continue;
    const cands = tables().indexes[system].get(code);
    if (cands) {
      const chosen = pick(cands, year);
      const text = `${system}:${code} is ${chosen.map((c) => stateLabel(c.ccode)).join(" or ")}`;
      out.push(chosen.length === 1 ? { system, ccode: chosen[0]?.ccode, text } : { system, text });
      continue;
    }
    const ns = system === "cowabb" ? undefined : tables().nonState[system].get(code);
    if (ns) out.push({ system, text: `${system}:${code} is ${ns} (not a state)` });
  }
  return out;
}

/** Suggestions a user can type instead, e.g. "Macedonia (cowabb:MAC)". */
const readingSuggestions = (code: string, readings: Reading[]): string[] =>
  readings.flatMap((r) => {
    const s = r.ccode === undefined ? undefined : tables().statesByCcode.get(r.ccode);
    return s ? [`${s.name} (${r.system}:${code})`] : [];
  });

function nonStateCode(
  system: "iso2" | "iso3" | "cameo",
  code: string,
  label: string,
  year: number | undefined,
) {
  const readings = system === "iso2" ? [] : otherReadings(code, year, system);
  const notes = readings.map((r) => `; ${r.text}`).join("");
  return {
    ok: false as const,
    kind: "nonstate" as const,
    detail: `${SYSTEM_LABEL[system]} ${code} is ${label}: not a state in the COW state system${notes}`,
    suggestions: readingSuggestions(code, readings),
  };
}

const PRECEDENCE3 = "bare 3-letter input is read as ISO3, then COW abbreviation, then CAMEO";

function lookupBare(raw: string, year: number | undefined): Outcome {
  const t = raw.trim();
  if (/^\d+$/.test(t)) return lookupCow(t);
  if (/^[A-Za-z]{3}$/.test(t)) {
    const code = t.toUpperCase();
    for (const sys of ["iso3", "cowabb", "cameo"] as const) {
      const cands = tables().indexes[sys].get(code);
      if (cands) {
        const chosen = pick(cands, year);
        const resolvedTo = chosen.length === 1 ? chosen[0]?.ccode : undefined;
        const notes = otherReadings(code, year, sys).filter(
          (r) => resolvedTo === undefined || r.ccode !== resolvedTo,
        );
        const applied = `${PRECEDENCE3} (${sys} applied)`;
        return fromCandidates(sys, code, raw, year, cands, [
          applied,
          ...notes.map((r) => `note: ${r.text}`),
        ]);
      }
      if (sys !== "cowabb") {
        const ns = tables().nonState[sys].get(code);
        if (ns) return nonStateCode(sys, code, ns, year);
      }
    }
  } else if (/^[A-Za-z]{2}$/.test(t)) {
    const code = t.toUpperCase();
    const cands = tables().indexes.iso2.get(code);
    if (cands) {
      return fromCandidates("iso2", code, raw, year, cands, [
        "bare 2-letter input is read as ISO alpha-2",
      ]);
    }
    const ns = tables().nonState.iso2.get(code);
    if (ns) return nonStateCode("iso2", code, ns, year);
  }
  const named = lookupIn("name", t, year);
  if (named.ok || named.kind !== "unknown") return named;
  return unknown(`Unknown country "${t}"`, t);
}

function splitPrefix(s: string): { system: CodeSystem; body: string } | null {
  const m = /^\s*([A-Za-z0-9]+)\s*:\s*(.*)$/s.exec(s);
  if (!m) return null;
  const sys = (m[1] as string).toLowerCase();
  if (!SYSTEMS.has(sys)) return null;
  return { system: sys as CodeSystem, body: m[2] as string };
}

function resolveOutcome(input: string | number, opts: ResolveOptions | undefined): Outcome {
  const year = opts?.year;
  if (year !== undefined && !Number.isInteger(year)) {
    return {
      ok: false,
      kind: "invalid",
      detail: `Year must be an integer, got ${year}`,
      suggestions: [],
    };
  }
  if (typeof input === "number") {
    if (!Number.isInteger(input)) return unknown(`Unknown country code ${input}`, String(input));
    const sys = opts?.system ?? "cow";
    return lookupIn(sys, String(input), year);
  }
  if (typeof input !== "string") return unknown(`Unknown country "${String(input)}"`, "");
  const pref = splitPrefix(input);
  if (pref) return lookupIn(pref.system, pref.body, year);
  if (opts?.system) return lookupIn(opts.system, input, year);
  if (input.trim() === "") return unknown("Empty country name or code", "");
  return lookupBare(input, year);
}

// ---------------------------------------------------------------------------------------------
// Cache (lookupCountry is called per row on large files).

const CACHE_LIMIT = 100_000;
const cache = new Map<string, Outcome>();

function cached(input: string | number, opts: ResolveOptions | undefined): Outcome {
  const key = `${opts?.system ?? ""}\u0000${opts?.year ?? ""}\u0000${typeof input === "number" ? "#" : "$"}${String(input)}`;
  let out = cache.get(key);
  if (out === undefined) {
    out = resolveOutcome(input, opts);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Suggestions (errors only).

/**
 * Close spellings for an error's hint. Names and aliases within about one edit per 2.5 letters
 * (Damerau: a swap of two letters is one edit); a name further than the closest one is kept only
 * when its first three letters are right ("Nigerr": Niger and Nigeria; "Rusia": Russia, not
 * Germany by way of "Prussia"). A suggestion found through an alias says which.
 */
function suggest(probe: string, limit = 5): string[] {
  const name = normalizeName(probe);
  const code = probe.trim().toUpperCase();
  const best = new Map<number, { d: number; via: string | null; near: boolean }>();
  const consider = (ccode: number, d: number, via: string | null, near: boolean) => {
    const cur = best.get(ccode);
    if (cur === undefined || d < cur.d) best.set(ccode, { d, via, near });
  };
  if (name !== "") {
    for (const [key, cands] of tables().indexes.name) {
      // Allow about one edit per 2.5 characters of the shorter string, at least one.
      const max = Math.max(1, Math.floor(Math.min(name.length, key.length) * 0.4));
      const d = editDistance(name, key, max);
      if (d > max) continue;
      const near = commonPrefix(name, key) >= Math.min(3, name.length);
      for (const c of cands) {
        const own = normalizeName(tables().statesByCcode.get(c.ccode)?.name ?? "") === key;
        consider(c.ccode, d, own ? null : (c.matched ?? null), near);
      }
    }
  }
  if (/^[A-Z0-9]{1,4}$/.test(code)) {
    for (const sys of ["iso2", "iso3", "cowabb", "cameo", "gw"] as const) {
      for (const [key, cands] of tables().indexes[sys]) {
        const d = editDistance(code, key, 1);
        if (d <= 1) for (const c of cands) consider(c.ccode, d + 0.5, null, true);
      }
    }
    if (/^\d+$/.test(code)) {
      const n = Number(code);
      for (const s of tables().stateList) {
        const d = Math.abs(s.ccode - n);
        if (d <= 5) consider(s.ccode, 1 + d / 10, null, true);
      }
    }
  }
  const closest = Math.min(...[...best.values()].map((b) => b.d));
  return [...best.entries()]
    .filter(([, b]) => b.d <= closest || b.near)
    .sort((a, b) => a[1].d - b[1].d || a[0] - b[0])
    .slice(0, limit)
    .map(([ccode, b]) =>
      b.via ? stateLabel(ccode).replace(/\)$/, `, as ${b.via})`) : stateLabel(ccode),
    );
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * Resolve a country code or name to a COW state. Input may carry a system prefix ("cow:365",
 * "iso3:AUS", "cowabb:AUS", "gw:260", "iso2:RU", "cameo:RUS", "name:Niger"); a bare number is a
 * COW code; a bare string is tried as ISO3 → COW abbreviation → CAMEO (3 letters), ISO2
 * (2 letters), then as a name. Throws UnknownCountryError for unknown, ambiguous or non-state input.
 */
export function resolveCountry(input: string | number, opts?: ResolveOptions): Resolution {
  const out = cached(input, opts);
  if (out.ok) return out.res;
  const suggestions =
    out.kind === "unknown" ? suggest(out.probe ?? String(input)) : out.suggestions.slice(0, 5);
  throw new UnknownCountryError(String(input), suggestions, out.detail);
}

/** Like resolveCountry but never throws: null when unknown, ambiguous or not a state. Cached. */
export function lookupCountry(input: string | number, opts?: ResolveOptions): Resolution | null {
  try {
    const out = cached(input, opts);
    return out.ok ? out.res : null;
  } catch {
    return null;
  }
}

/** Every CAMEO country code the crosswalk knows as a state (in some years). */
export function cameoStateCodes(): string[] {
  return [...tables().indexes.cameo.keys()];
}

/**
 * The COW code of every CAMEO state code in every year from `from` to `to` where it names one
 * state: what `lookupCountry("cameo:" + code, { year })` gives (a test checks it does), without
 * building a resolution and its rule text per pair (the event loader asks for about 10,000).
 */
export function cameoCodesByYear(
  from: number,
  to: number,
): Array<{ value: string; year: number; ccode: number }> {
  const out: Array<{ value: string; year: number; ccode: number }> = [];
  for (const [value, cands] of tables().indexes.cameo) {
    for (let year = from; year <= to; year++) {
      const chosen = pick(cands, year);
      const only = chosen.length === 1 ? chosen[0] : undefined;
      if (only && tables().statesByCcode.has(only.ccode)) {
        out.push({ value, year, ccode: only.ccode });
      }
    }
  }
  return out;
}

export function stateByCcode(ccode: number): State | null {
  return tables().statesByCcode.get(ccode) ?? null;
}

/**
 * Every name and alias the crosswalk resolves, as written in its table and normalised (the key
 * matched), with its state: what country search looks through. Built once.
 */
export function stateNames(): ReadonlyArray<{ key: string; name: string; ccode: number }> {
  if (!nameList) {
    const seen = new Set<string>();
    nameList = [];
    for (const [key, cands] of tables().indexes.name) {
      for (const c of cands) {
        const id = `${c.ccode}\u0000${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        nameList.push(Object.freeze({ key, name: c.matched ?? key, ccode: c.ccode }));
      }
    }
    Object.freeze(nameList);
  }
  return nameList;
}
let nameList: Array<{ key: string; name: string; ccode: number }> | null = null;

/** All COW states, sorted by ccode. */
export function allStates(): readonly State[] {
  return tables().stateList;
}

/** Whether the state is a COW system member at any time in `year` (spells are inclusive years). */
export function isSystemMember(ccode: number, year: number): boolean {
  const s = tables().statesByCcode.get(ccode);
  if (!s) return false;
  return s.spells.some(([from, to]) => year >= from && (to === null || year <= to));
}

/** COW ccodes that are system members at any time in `year`, ascending. */
export function systemMembers(year: number): number[] {
  return tables()
    .stateList.filter((s) => isSystemMember(s.ccode, year))
    .map((s) => s.ccode);
}

/** Label of a CAMEO non-state / regional code ("AFR" → "Africa"); null for states and unknown codes. */
export function cameoNonStateLabel(code: string): string | null {
  const key = code
    .trim()
    .replace(/^cameo\s*:\s*/i, "")
    .toUpperCase();
  return tables().cameoNonState.get(key) ?? null;
}

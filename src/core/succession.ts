/**
 * What a state code means over a range of years: the crosswalk resolves a code to one COW state,
 * but a historical code asked for years after its state ended (SUN for 2016, DDR for 2000), or a
 * modern one for years before its state joined the system (SVN for 1980), would otherwise give a
 * table of another state's values or of nulls without a word. See docs/crosswalk.md ("Years
 * outside a state's existence"); the successions are data (src/core/successions.json).
 *
 * - A state whose last COW spell has ended, asked only for years after that end: refused, naming
 *   its successors (the GDR in 2000: use Germany).
 * - Some of the years outside the state's spells: resolved, with a note that those rows are null
 *   (and, after an end, which states succeeded it).
 * - A code of a predecessor that COW codes as one state with its successor (SUN, USSR → 365;
 *   YUG, Yugoslavia → 345) asked for years after the predecessor ended: resolved, with a note
 *   naming the successor whose values the rows are.
 */
import { resolveCountry, stateByCcode } from "./crosswalk.js";
import { BadInputError } from "./errors.js";
import { normalizeName } from "./normalize.js";
import successionsJson from "./successions.json" with { type: "json" };
import type { SuccessionsData } from "./successions-schema.js";

// Checked against successions-schema.ts by a test; trusted here (it ships with the code).
const DATA = successionsJson as SuccessionsData;
const ENDED = new Map(DATA.ended.map((e) => [e.ccode, e]));
const SHARED = new Map<string, (typeof DATA.sharedCode)[number]>();
for (const e of DATA.sharedCode) for (const i of e.inputs) SHARED.set(normalizeName(i), e);
for (const e of DATA.ended) {
  for (const c of [e.ccode, ...e.successors]) {
    if (!stateByCcode(c)) throw new Error(`successions.json: unknown COW code ${c}`);
  }
}

/** "Czech Republic (CZE, COW 316)". */
function label(ccode: number): string {
  const s = stateByCcode(ccode);
  if (!s) return `COW ${ccode}`;
  return `${s.name} (${s.iso3 ? `${s.iso3}, ` : ""}COW ${ccode})`;
}

/** Inclusive year ranges as text: "1940–1944, 1993–2000" (a single year alone). */
function rangesText(years: readonly number[]): string {
  const out: string[] = [];
  let start = years[0];
  for (let i = 0; i < years.length; i++) {
    const y = years[i] as number;
    const next = years[i + 1];
    if (next !== y + 1) {
      out.push(start === y ? String(y) : `${start}–${y}`);
      start = next;
    }
  }
  return out.join(", ");
}

function spellsText(spells: ReadonlyArray<readonly [number, number | null]>): string {
  return spells
    .map(([a, b]) => (b === null ? `from ${a}` : a === b ? `${a}` : `${a}–${b}`))
    .join(", ");
}

/** A shared-code predecessor the input names (SUN, "Soviet Union"), if any. */
function sharedEntity(input: string | number) {
  if (typeof input === "number") return undefined;
  const m = /^\s*([A-Za-z0-9]+)\s*:\s*(.*)$/s.exec(input);
  // cow:345 and cowabb:YUG are COW's own codes for the continuing state: nothing to say.
  if (m && ["cow", "cowabb"].includes((m[1] as string).toLowerCase())) return undefined;
  return SHARED.get(normalizeName(m ? (m[2] as string) : input));
}

/** Key of what an input denotes beyond its COW state (for caches keyed by resolved states). */
export function denotes(input: string | number): string | null {
  return sharedEntity(input)?.entity ?? null;
}

/**
 * Notes on resolving `input` for the years `from`–`to` (empty when nothing needs saying); throws
 * BadInputError `state_ended` when every year lies after the end of the state it names.
 */
export function yearNotes(input: string | number, from: number, to: number): string[] {
  const r = resolveCountry(input, { year: to });
  const s = stateByCcode(r.ccode);
  if (!s) return [];
  const shown = typeof input === "number" ? String(input) : input.trim();
  const notes: string[] = [];

  const shared = sharedEntity(input);
  if (shared && shared.ccode === r.ccode && to > shared.to) {
    const after = Math.max(from, shared.to + 1);
    notes.push(
      `${shown} names ${shared.entity}: ${shared.how}. The rows for ${after === to ? after : `${after}–${to}`} are those of its successor ${shared.successor} (COW ${shared.ccode}).`,
    );
  }

  const years: number[] = [];
  for (let y = from; y <= to; y++) {
    if (!s.spells.some(([a, b]) => y >= a && (b === null || y <= b))) years.push(y);
  }
  if (years.length === 0) return notes;
  const last = s.spells[s.spells.length - 1];
  const end = last?.[1] ?? null;
  const ended = end === null ? undefined : ENDED.get(s.ccode);
  const successors = ended ? ended.successors.map(label).join(" and ") : "";
  if (end !== null && from > end) {
    const span = from === to ? String(from) : `${from}–${to}`;
    throw new BadInputError(
      "state_ended",
      `${shown} is ${s.name} (COW ${s.ccode}), a member of the COW state system ${spellsText(s.spells)} only, not in ${span}${ended ? `: ${ended.how}` : ""}`,
      {
        hint: ended
          ? `For ${span} ask for ${successors}; for ${s.name}, for years up to ${end}`
          : `Ask for years up to ${end}`,
      },
    );
  }
  const afterEnd = end !== null && to > end;
  notes.push(
    `${s.name} (COW ${s.ccode}) is a member of the COW state system ${spellsText(s.spells)}: in ${rangesText(years)} only what a source lists for it is shown, and nothing listed is null, not 0${afterEnd && ended ? `; ${ended.how} (successor${ended.successors.length > 1 ? "s" : ""}: ${successors})` : ""}.`,
  );
  return notes;
}

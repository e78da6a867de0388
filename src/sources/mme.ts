import { cite } from "../core/bibliography.js";
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseText, requireInteger } from "../core/fields.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";

/** Cells that mean "unknown" in the exercise files: -9, and xx/XX/xxxx for day, month or year. */
const UNKNOWN = /^(-9|x+)$/i;

/** Text cell with -9 as missing. */
export function exerciseText(raw: string | undefined): string | null {
  const s = parseText(raw);
  return s === null || s === "-9" ? null : s;
}

/** Integer within [min, max]; empty, -9 and xx are null; anything else is a reject. */
export function exerciseInt(
  raw: string | undefined,
  column: string,
  min: number,
  max: number,
): number | null {
  const s = parseText(raw);
  if (s === null || UNKNOWN.test(s)) return null;
  if (!/^\d+$/.test(s)) throw new FieldError(`${column}: "${s}" is not a number, -9 or xx`);
  const n = requireInteger(s, column);
  if (n < min || n > max) throw new FieldError(`${column}: ${n} is out of range ${min}-${max}`);
  return n;
}

/**
 * Participants as written (order kept, repeats kept, -9 "unknown participant" dropped) and the
 * distinct COW codes of those that resolve (in order of first appearance); every participant that
 * does not resolve is reported.
 */
export function makeParticipantResolver(system: "name" | "iso3") {
  return (cells: readonly (string | undefined)[], year: number | null, out: Emitter) => {
    const participants: string[] = [];
    const ccodes: number[] = [];
    for (const cell of cells) {
      const p = exerciseText(cell);
      if (p === null) continue;
      participants.push(p);
      const ccode = lookupCountry(p, year === null ? { system } : { system, year })?.ccode ?? null;
      if (ccode === null) out.unresolved(p);
      else if (!ccodes.includes(ccode)) ccodes.push(ccode);
    }
    return { participants, ccodes };
  };
}

/** An exercise cannot end in a year before it starts: a typo in one of the two, so a reject. */
export function checkYears(startYear: number | null, endYear: number | null): void {
  if (startYear !== null && endYear !== null && endYear < startYear) {
    throw new FieldError(`start year ${startYear} is after end year ${endYear}`);
  }
}

export const EXERCISE_HOMEPAGE = "https://doi.org/10.7910/DVN/KHFODX";

const TYPE_COLUMNS = [
  "CPX",
  "Air",
  "Land",
  "Sea",
  "Amphibious",
  "Cyber",
  "Warfighting",
  "Peacekeeping",
  "Humanitarian",
];

/** StateA … StateZ, StateAA … StateAZ: whichever of these the header has, in header order. */
const isStateColumn = (h: string): boolean => /^State[A-Z]{1,2}$/.test(h);

/**
 * Multinational Military Exercises v7 (D'Orazio & Galambos), one row per exercise: MMEID,
 * Ex_Name, Series_Name, Location, lat, lon, StartDate, s.year, s.month, s.day, EndDate, e.year, …,
 * the 0/1 type columns, FocusDescription, AdditionalParticipantInfo, StateA … StateAM (names).
 */
export const mme = tabularSource({
  name: "mme",
  title: "Multinational Military Exercises",
  version: "7",
  citation: `${cite("dorazio2021")} Copy used: meflynn/troopdata data-raw/mme_v7.csv.`,
  homepage: EXERCISE_HOMEPAGE,
  license:
    "Harvard Dataverse terms of the dataset (not restated in the troopdata copy, which is part of a GPL (>= 3) R package)",
  unit: "exercise",
  table: "exercises",
  yearColumn: "start_year",
  caveats: [
    "Participants are country names as written (StateA … StateAM); participant_ccodes are the distinct COW codes of those that resolve by name with the start year (Russia in 1980 → 365, Federal Republic of Germany before 1990 → 260, Czechia → 316). Non-states and unknown names (NATO, Baltic States, Bermuda, Hong Kong SAR China, Netherlands Antilles, New Caledonia, st. christopher) stay in participants and are listed as unresolved.",
    "-9 in a participant cell means an unknown participant: it is dropped from participants, so an exercise may have more participants than listed (v7: 203 exercises have -9 in StateA; 91 have no known participant at all and get empty lists).",
    "Unknowns: -9 (name, series, location, dates) and xx (day) are null; a record whose end year is before its start year is rejected (none in v7). types lists the flagged 0/1 columns (CPX, Air, Land, Sea, Amphibious, Cyber, Warfighting, Peacekeeping, Humanitarian).",
    "v7 gives three MMEIDs (mme3457, mme3458, mme3460) to two different exercises each; both are kept (the natural key is id + name + location + start date), so exercise_id is not unique in this table.",
    "A participant written twice in one exercise (Denmark, Saudi Arabia, Dominica, Antigua & Barbuda in four exercises) stays twice in participants; participant_ccodes are distinct.",
    "lat/lon, FocusDescription and AdditionalParticipantInfo are not stored.",
  ],
  required: [
    "MMEID",
    "Ex_Name",
    "Series_Name",
    "Location",
    "s.year",
    "s.month",
    "s.day",
    "e.year",
    "StateA",
  ],
  mapper: (col, header) => {
    const [id, nm, se, lo, sy, sm, sd, ey] = [
      "MMEID",
      "Ex_Name",
      "Series_Name",
      "Location",
      "s.year",
      "s.month",
      "s.day",
      "e.year",
    ].map(col) as [number, number, number, number, number, number, number, number];
    const types = TYPE_COLUMNS.filter((t) => header.includes(t)).map((t) => ({
      name: t,
      at: col(t),
    }));
    const states = header.flatMap((h, i) => (isStateColumn(h) ? [i] : []));
    const resolve = makeParticipantResolver("name");
    return (f, _line, out) => {
      const exerciseId = exerciseText(f[id]);
      if (exerciseId === null) throw new FieldError("MMEID is missing");
      const startYear = exerciseInt(f[sy], "s.year", 1900, 2100);
      const endYear = exerciseInt(f[ey], "e.year", 1900, 2100);
      checkYears(startYear, endYear);
      const flagged: string[] = [];
      for (const t of types) {
        const v = exerciseInt(f[t.at], t.name, 0, 1);
        if (v === 1) flagged.push(t.name);
      }
      const { participants, ccodes } = resolve(
        states.map((i) => f[i]),
        startYear,
        out,
      );
      out.row([
        exerciseId,
        exerciseText(f[nm]),
        exerciseText(f[se]),
        exerciseText(f[lo]),
        startYear,
        exerciseInt(f[sm], "s.month", 1, 12),
        exerciseInt(f[sd], "s.day", 1, 31),
        endYear,
        flagged,
        participants,
        ccodes,
      ]);
    };
  },
});

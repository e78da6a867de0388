import { cite } from "../core/bibliography.js";
import { FieldError, parseDate, parseText, requireInteger } from "../core/fields.js";
import type { RecordMapper } from "./source.js";
import { tabularSource } from "./tabular.js";

const COW_CITATION = cite("cow-states2017");
const COW_HOMEPAGE = "https://correlatesofwar.org/data-sets/state-system-membership/";
const COW_LICENSE =
  "Free to use with citation (Correlates of War Project terms); redistributed copies: peacesciencer package GPL-2, Voeten UNGA repository MIT";
/** COW writes missing values as -9. */
const MISSING = { sentinels: [-9] } as const;

/** A date from COW's year/month/day columns; any part missing (empty, NA, -9) rejects the record. */
function cowDate(
  f: readonly string[],
  y: number,
  m: number,
  d: number,
  names: readonly string[],
): string {
  const [yn, mn, dn] = names as [string, string, string];
  const year = requireInteger(f[y], yn, MISSING);
  const month = requireInteger(f[m], mn, MISSING);
  const day = requireInteger(f[d], dn, MISSING);
  return parseDate(`${year}-${month}-${day}`, `${yn}/${mn}/${dn}`) as string;
}

function checkOrder(start: string, end: string): void {
  if (end < start) throw new FieldError(`end date ${end} is before start date ${start}`);
}

/** Code of a state in its system: a positive integer. */
function stateCode(raw: string | undefined, column: string): number {
  const code = requireInteger(raw, column, MISSING);
  if (code <= 0) throw new FieldError(`${column}: ${code} is not a state code`);
  return code;
}

const SPELL = ["styear", "stmonth", "stday"] as const;
const END = ["endyear", "endmonth", "endday"] as const;

/** Mapper shared by the COW state and major-power lists; abb/name columns are optional. */
function cowSpellMapper(
  system: "cow" | "cow_major",
  col: (name: string) => number,
  abbCol: number | null,
  nameCol: number | null,
): RecordMapper {
  const c = col("ccode");
  const [sy, sm, sd] = SPELL.map(col) as [number, number, number];
  const [ey, em, ed] = END.map(col) as [number, number, number];
  return (f, _line, out) => {
    const code = stateCode(f[c], "ccode");
    const start = cowDate(f, sy, sm, sd, SPELL);
    const end = cowDate(f, ey, em, ed, END);
    checkOrder(start, end);
    out.row([
      system,
      code,
      abbCol === null ? null : parseText(f[abbCol]),
      nameCol === null ? null : parseText(f[nameCol]),
      start,
      end,
    ]);
  };
}

/** COW State System Membership v2016 (states2016.csv and peacesciencer's cow_states). */
export const cowStates = tabularSource({
  name: "cow-states",
  title: "COW State System Membership (states2016)",
  version: "2016",
  citation: COW_CITATION,
  homepage: COW_HOMEPAGE,
  license: COW_LICENSE,
  unit: "state_spell",
  table: "states",
  yearColumn: null,
  caveats: [
    "One row per membership spell: a state that left and re-entered the system (e.g. Cuba, Germany 255) has several rows with the same code.",
    "end_date 2016-12-31 means still a member at the end of coverage, not an exit.",
    "A date part coded -9 (missing) rejects the record: a spell needs both dates.",
  ],
  required: ["stateabb", "ccode", "statenme", ...SPELL, ...END],
  mapper: (col) => cowSpellMapper("cow", col, col("stateabb"), col("statenme")),
});

/**
 * COW Major Powers v2016: majors2016.csv (stateabb, ccode, styear … version) and peacesciencer's
 * cow_majors (the same without stateabb).
 */
export const cowMajors = tabularSource({
  name: "cow-majors",
  title: "COW Major Powers (majors2016)",
  version: "2016",
  citation: COW_CITATION,
  homepage: COW_HOMEPAGE,
  license: COW_LICENSE,
  unit: "major_power_spell",
  table: "states",
  yearColumn: null,
  caveats: [
    "One row per major-power spell (Germany 255 has three, France 220 and Japan 740 two each; Russia 365 1816-1917 and 1922-2016; China 710 from 1950).",
    "abb and name are null: peacesciencer's copy has no abbreviation, and COW's own stateabb is not stored so that both copies give identical rows (and the second counts as duplicates). Join states (system cow) on code for names.",
    "end_date 2016-12-31 means still a major power at the end of coverage.",
  ],
  required: ["ccode", ...SPELL, ...END],
  // states2016 has the same date columns plus statenme: it is cow-states, not this.
  excluded: ["statenme"],
  mapper: (col) => cowSpellMapper("cow_major", col, null, null),
});

/** COW-country-codes.csv (StateAbb, CCode, StateNme): code list without dates. */
export const cowCountryCodes = tabularSource({
  name: "cow-country-codes",
  title: "COW country codes (COW-country-codes.csv)",
  version: "2016",
  citation: COW_CITATION,
  homepage: "https://correlatesofwar.org/cow-country-codes/",
  license: COW_LICENSE,
  unit: "state_code",
  table: "states",
  yearColumn: null,
  caveats: [
    "No dates: start_date and end_date are null.",
    "The file repeats a line for each membership spell of a state (e.g. GMY 255 Germany twice); identical lines are counted as duplicates, so each code/abbreviation/name is stored once.",
  ],
  required: ["StateAbb", "CCode", "StateNme"],
  mapper: (col) => {
    const [a, c, n] = ["StateAbb", "CCode", "StateNme"].map(col) as [number, number, number];
    return (f, _line, out) => {
      out.row([
        "cow_codes",
        stateCode(f[c], "CCode"),
        parseText(f[a]),
        parseText(f[n]),
        null,
        null,
      ]);
    };
  },
});

/** Gleditsch-Ward independent states (iisystem), as peacesciencer's gw_states (ISO dates). */
export const gwStates = tabularSource({
  name: "gw-states",
  title: "Gleditsch-Ward independent states list (iisystem)",
  version: "2017",
  citation: cite("gleditsch1999"),
  homepage: "http://ksgleditsch.com/data-4.html",
  license:
    "No licence stated by the authors (posted for research use, citation requested); peacesciencer copy: package licence GPL-2",
  unit: "state_spell",
  table: "states",
  yearColumn: null,
  caveats: [
    "Gleditsch-Ward codes are not COW codes: GW 260 is West Germany from 1949 and unified Germany after 1990 (COW: 260 1955-1990, then 255), GW 678 is unified Yemen after 1990 (COW 679). code holds the GW code, system gw.",
    "end_date 2017-12-31 means still independent at the end of coverage.",
    "peacesciencer's copy spells names in ASCII (Wuerttemberg, Cote D'Ivoire); the microstates list is a separate file, not read here.",
    "Gleditsch's own iisystem.dat has no header line and dd:mm:yyyy dates; only the CSV with gwcode, stateabb, statename, startdate, enddate is detected.",
  ],
  required: ["gwcode", "stateabb", "statename", "startdate", "enddate"],
  mapper: (col) => {
    const [g, a, n, s, e] = ["gwcode", "stateabb", "statename", "startdate", "enddate"].map(
      col,
    ) as [number, number, number, number, number];
    return (f, _line, out) => {
      const code = stateCode(f[g], "gwcode");
      const start = parseDate(f[s], "startdate");
      const end = parseDate(f[e], "enddate");
      if (start === null) throw new FieldError("startdate is missing");
      if (end === null) throw new FieldError("enddate is missing");
      checkOrder(start, end);
      out.row(["gw", code, parseText(f[a]), parseText(f[n]), start, end]);
    };
  },
});

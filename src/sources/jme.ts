import { cite } from "../core/bibliography.js";
import { FieldError, parseText } from "../core/fields.js";
import { checkYears, exerciseInt, exerciseText, makeParticipantResolver } from "./mme.js";
import { tabularSource } from "./tabular.js";

interface SheetDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

const NO_DATE: SheetDate = { year: null, month: null, day: null };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A coder's date: m/d/yyyy where m or d may be xx (unknown), also with "." separators or a
 * separator missing next to xx ("11/xx2002"); a 5-digit Excel serial day number (Excel's 1900
 * system, as the sheet's own s.year/s.month/s.day columns confirm: 35688 = 1997-09-15); empty or
 * -9 is unknown. Anything else is a reject.
 */
export function parseSheetDate(raw: string | undefined, column: string): SheetDate {
  const s = parseText(raw);
  if (s === null || s === "-9") return NO_DATE;
  if (/^\d{5}$/.test(s)) {
    const d = new Date(EXCEL_EPOCH + Number(s) * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const norm = s
    .replace(/\./g, "/")
    .replace(/(\d)(x)/gi, "$1/$2")
    .replace(/(x)(\d)/gi, "$1/$2");
  const m = /^(\d{1,2}|xx)\/(\d{1,2}|xx)\/(\d{4}|xxxx)$/i.exec(norm);
  if (!m)
    throw new FieldError(`${column}: "${s}" is not a date (m/d/yyyy; month or day may be xx)`);
  return {
    month: exerciseInt(m[1], `${column} month`, 1, 12),
    day: exerciseInt(m[2], `${column} day`, 1, 31),
    year: exerciseInt(m[3], `${column} year`, 1900, 2100),
  };
}

/** JME Type → types; "Unsure" and empty give no type. */
function jmeTypes(raw: string | undefined): string[] {
  const s = (exerciseText(raw) ?? "").toLowerCase().replace(/\s+/g, "");
  if (s === "" || s === "unsure") return [];
  if (s === "ftx") return ["FTX"];
  if (s === "cpx") return ["CPX"];
  if (s === "bothcpx&ftx" || s === "cpx/ftx" || s === "ftx/cpx") return ["CPX", "FTX"];
  throw new FieldError(`JME Type: "${raw}" is not FTX, CPX, both, or Unsure`);
}

const isStateColumn = (h: string): boolean => /^State [A-Z]{1,2}$/.test(h);

/**
 * The Joint Military Exercises v3 coding sheet (troopdata data-raw/jme_v3.xls, sheet Sheet1_2,
 * converted to CSV): Coder, Timestamp, …3, Exercise Name, Location1, Location2, Start Date,
 * s.year, s.month, s.day, enddate, e.year, e.month, e.day, JME Type, …, State A … State AD, AUS.
 * One exercises row per sheet line; exercise_id is "jme:<line number in the CSV>".
 */
export const jme = tabularSource({
  name: "jme",
  title: "Joint Military Exercises coding sheet",
  version: "3 (coder worksheet)",
  citation: `${cite("dorazio2012")} Attribution inferred: the troopdata copy, data-raw/jme_v3.xls, gives no citation.`,
  homepage: "https://www.vitodorazio.com/dissertation-chapter-three.html",
  license:
    "Not stated (the sheet ships in the troopdata R package, GPL (>= 3), without terms of its own)",
  unit: "exercise",
  table: "exercises",
  yearColumn: "start_year",
  caveats: [
    "A coder worksheet, not a documented release: it has no usable exercise id (the unnamed third column is a number for 1,453 of 1,790 lines and empty otherwise; Timestamp repeats), so exercise_id is jme:<line of the record in the CSV> (jme:2 is the first data line). The id is stable only for this file as converted.",
    'Participants (State A … State AD) are ISO alpha-3 codes, not COW abbreviations as the copy\'s notes say: AUS is Australia (COW AUS is Austria), GBR, DEU, FRA, NLD, ROU, DDR, CSK are ISO; they are resolved as ISO alpha-3 with the start year (DEU before 1990 → 260, DDR → 265, CSK → 315, old ISO ROM → 360; lower-case typos such as uSA and DEu resolve). At least one line (1769: DEU FIN FRA GBR ITA NLD SWE SWZ) uses SWZ for Switzerland the COW way; it resolves to Eswatini. NATO and "8 NATO members" are unresolved; -9 (unknown participant) is dropped.',
    "Lines 1482–1791 (310 lines, coder Vito, 2015 Excel timestamps, mostly Australian exercises) are a later batch without s.year/s.month/s.day/e.year: their dates come from Start Date and enddate (m/d/yyyy, month or day may be xx; a separator missing next to xx is tolerated). A malformed date is a reject (3 lines: 10/xx/007, 03/05/3009, 14/09/2007), as is a start after the end (line 1699: 11/08/2015 to 11/15/2010); an empty or -9 date gives a null year. This batch repeats some exercises of the first (Peace Mission 2007, 2010).",
    "Lines 2–1481 use s.year/s.month/s.day and e.year; -9, xx, XX and xxxx are null.",
    'types comes from JME Type: FTX, CPX, both ("Both CPX & FTX", CPX/FTX, FTX/CPX), none for Unsure or empty.',
    "series is the coder's Trimmed Name; location joins Location1 and Location2. The trailing AUS column (0/1, only in the later batch, meaning undocumented), coder, timestamp, purpose and sources are not stored.",
  ],
  required: [
    "Exercise Name",
    "Location1",
    "Start Date",
    "s.year",
    "enddate",
    "e.year",
    "JME Type",
    "State A",
  ],
  mapper: (col, header) => {
    const [nm, l1, l2, sd, sy, smo, sdy, ed, ey, ty, tn] = [
      "Exercise Name",
      "Location1",
      "Location2",
      "Start Date",
      "s.year",
      "s.month",
      "s.day",
      "enddate",
      "e.year",
      "JME Type",
      "Trimmed Name",
    ].map(col) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const states = header.flatMap((h, i) => (isStateColumn(h) ? [i] : []));
    const resolve = makeParticipantResolver("iso3");
    return (f, line, out) => {
      let start: SheetDate;
      let endYear: number | null;
      if (parseText(f[sy]) !== null) {
        start = {
          year: exerciseInt(f[sy], "s.year", 1900, 2100),
          month: exerciseInt(f[smo], "s.month", 1, 12),
          day: exerciseInt(f[sdy], "s.day", 1, 31),
        };
        endYear = exerciseInt(f[ey], "e.year", 1900, 2100);
      } else {
        start = parseSheetDate(f[sd], "Start Date");
        endYear = parseSheetDate(f[ed], "enddate").year;
      }
      checkYears(start.year, endYear);
      const types = jmeTypes(f[ty]);
      const location = [exerciseText(f[l1]), exerciseText(f[l2])]
        .filter((x) => x !== null)
        .join("; ");
      const { participants, ccodes } = resolve(
        states.map((i) => f[i]),
        start.year,
        out,
      );
      out.row([
        `jme:${line}`,
        exerciseText(f[nm]),
        exerciseText(f[tn]),
        location === "" ? null : location,
        start.year,
        start.month,
        start.day,
        endYear,
        types,
        participants,
        ccodes,
      ]);
    };
  },
});

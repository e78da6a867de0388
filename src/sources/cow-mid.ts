import { cite } from "../core/bibliography.js";
import { FieldError, parseInteger, parseYear, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

export const COW_MID_CITATION = `${cite("palmer2022")} Dyadic conversion: ${cite("miller2021")}`;

/** Columns stored as integers after the keys, in the table's order; -9 is missing (null). */
const VALUE_COLUMNS = [
  "cowmidongoing",
  "cowmidonset",
  "sidea1",
  "sidea2",
  "fatality1",
  "fatality2",
  "fatalpre1",
  "fatalpre2",
  "hiact1",
  "hiact2",
  "hostlev1",
  "hostlev2",
  "orig1",
  "orig2",
  "fatality",
  "hostlev",
  "mindur",
  "maxdur",
  "recip",
  "stmon",
] as const;

/** COW MID 5.0 as non-directed dyad-dispute-years (peacesciencer's cow_mid_ddydisps). */
export const cowMidDyadic = tabularSource({
  name: "cow-mid-ddydisps",
  title:
    "COW Militarized Interstate Disputes, dyadic dispute-years (peacesciencer cow_mid_ddydisps)",
  version: "5.0",
  citation: COW_MID_CITATION,
  homepage: "https://correlatesofwar.org/data-sets/mids/",
  license: "Free to use with citation (Correlates of War Project terms); peacesciencer GPL-2",
  unit: "dyad_dispute_year",
  table: "mid_dyad_year",
  yearColumn: "year",
  caveats: [
    "One row per dispute, dyad and year: a dyad can have several disputes in one year.",
    "The dyadic conversion is 'naive' (the package author's word): two states on opposite sides of a multilateral dispute in overlapping years form a dyad even if they never clashed directly.",
    "hostlev: 1 no militarized action, 2 threat, 3 display, 4 use of force, 5 war. -9 is stored as null.",
    "MID 5.0 ends in 2014; a dyad-year of two system members with no row had no dispute.",
  ],
  required: ["dispnum", "ccode1", "ccode2", "year", "cowmidongoing", "cowmidonset", "hostlev"],
  mapper: (col) => {
    const keys = ["dispnum", "ccode1", "ccode2", "year"].map(col) as [
      number,
      number,
      number,
      number,
    ];
    const values = VALUE_COLUMNS.map(col);
    return (f, _line, out) => {
      const a = requireInteger(f[keys[1]], "ccode1");
      const b = requireInteger(f[keys[2]], "ccode2");
      if (a === b) throw new FieldError(`ccode1 and ccode2 are both ${a}`);
      const v = values.map((i, k) =>
        parseInteger(f[i], VALUE_COLUMNS[k] as string, { sentinels: [-9] }),
      );
      for (const name of ["hostlev", "hostlev1", "hostlev2"] as const) {
        const h = v[VALUE_COLUMNS.indexOf(name)];
        if (h !== null && h !== undefined && (h < 1 || h > 5)) {
          throw new FieldError(`${name}: ${h} is not 1-5`);
        }
      }
      out.row([requireInteger(f[keys[0]], "dispnum"), a, b, parseYear(f[keys[3]], "year"), ...v]);
    };
  },
});

import { cite } from "../core/bibliography.js";
import { parseNumber, parseYear, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

const MISSING = { sentinels: [-9] } as const;

/** COW National Material Capabilities (NMC-*-abridged.csv and peacesciencer's cow_nmc). */
export const cowNmc = tabularSource({
  name: "cow-nmc",
  title: "COW National Material Capabilities",
  version: "7.0",
  citation: cite("singer1972", "singer1987"),
  homepage: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
  license: "Free to use with citation (Correlates of War Project terms)",
  unit: "country_year",
  table: "nmc",
  yearColumn: "year",
  caveats: [
    "milex is in thousands of British pounds for 1816-1913 and thousands of current US$ from 1914 (milex_unit says which); never compare across 1914.",
    "-9 means missing and is stored as null.",
  ],
  required: ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"],
  mapper: (col) => {
    const [c, y, ...vals] = [
      "ccode",
      "year",
      "milex",
      "milper",
      "irst",
      "pec",
      "tpop",
      "upop",
      "cinc",
    ].map(col) as [number, number, ...number[]];
    const names = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"];
    return (f, _line, out) => {
      const year = parseYear(f[y], "year");
      const v = vals.map((i, k) => parseNumber(f[i], names[k] as string, MISSING));
      out.row([
        requireInteger(f[c], "ccode"),
        year,
        v[0] ?? null,
        v[0] === null ? null : year < 1914 ? "thousand GBP" : "thousand current US$",
        ...v.slice(1),
      ]);
    };
  },
});

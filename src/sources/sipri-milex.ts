import { cite } from "../core/bibliography.js";
import { FieldError, parseNumber, parseText, parseYear } from "../core/fields.js";
import { splitHeader } from "./header.js";
import { makeResolver } from "./resolve.js";
import { SIPRI_LICENSE } from "./sipri-arms.js";
import type { TabularSource } from "./source.js";
import { tabularSource } from "./tabular.js";

const SERIES = "sipri.milex";
const UNIT = "current million US$";
/** SIPRI writes "..." for data not available and "xxx" for a country that did not exist. */
const SIPRI_MISSING = new Set(["...", "xxx", ". ."]);

const base = tabularSource({
  name: "sipri-milex",
  title: "SIPRI Military Expenditure Database, country x year (wide)",
  version: "2019 release as copied in joshuaalley/arms-allies (1949-2018)",
  citation: `${cite("sipri-milex")} 2019 release, years 1949-2018; copy distributed in github.com/joshuaalley/arms-allies, data/sipri-milex-data.csv.`,
  homepage: "https://www.sipri.org/databases/milex",
  license: SIPRI_LICENSE.replace(" as printed in the file", ""),
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    "The unit is inferred, not stated in the file: the values match SIPRI's military expenditure in current US$ million (2019 release; e.g. Russia 2018 = 61,387.5). Do not mix with constant-dollar or share-of-GDP series.",
    'One row per country and year column; an empty cell (" ") is stored as a row with value null, not dropped.',
    'Names are resolved with the column\'s year ("USSR" 1987-1990 -> 365, "Russia" from 1993 -> 365). Successor and predecessor states are separate rows (USSR/Russia, Czechoslovakia/Czechia, Yugoslavia/Serbia, German DR/Germany, Yemen, North/Yemen).',
    'The file has no country codes: code is null; country is the name as written, trimmed ("Congo, Republic of " has a trailing space).',
    'Windows-1252 file ("Côte d’Ivoire" has bytes F4/92); decoded before resolving.',
    "SIPRI lacks most Warsaw Pact members for the Cold War years.",
  ],
  required: ["Country", "1949"],
  wide: true,
  mapper: (col, header) => {
    const country = col("Country");
    const years = header.flatMap((h, i) =>
      i === country ? [] : [{ i, year: parseYear(h, "header") }],
    );
    const resolve = makeResolver("name");
    return (f, _line, out) => {
      const name = parseText(f[country]);
      if (name === null) throw new FieldError("Country is missing");
      const values = years.map(({ i, year }) => {
        const raw = f[i];
        const v =
          raw !== undefined && SIPRI_MISSING.has(raw.trim())
            ? null
            : parseNumber(raw, String(year));
        return { year, v };
      });
      for (const { year, v } of values) {
        out.row([SERIES, resolve(name, year, out), null, name, year, v, UNIT]);
      }
    };
  },
});

/** Every column after "Country" must be a year: a generic "Country, 1949, …" check would be too loose. */
export const sipriMilex: TabularSource = {
  ...base,
  findHeader(lines, fileName) {
    const i = base.findHeader(lines, fileName);
    if (i < 0) return -1;
    const header = splitHeader(lines[i] ?? "", base.delimiter);
    return header[0] === "Country" && header.slice(1).every((h) => /^\d{4}$/.test(h)) ? i : -1;
  },
};

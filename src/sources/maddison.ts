import { cite } from "../core/bibliography.js";
import { FieldError, parseNumber, parseText, parseYear } from "../core/fields.js";
import { codeLabel, makeIso3Lookup, requireCode } from "./pwt.js";
import { tabularSource } from "./tabular.js";

/**
 * Category columns: the 2018 file writes labels; Entente stores the codebook's numeric code and
 * states the whole code list in `unit`, so a row is readable without the codebook.
 */
interface Category {
  readonly codes: Readonly<Record<string, number>>;
  readonly unit: string;
}

const I_CIG: Category = {
  codes: { Extrapolated: 0, Benchmark: 1, Interpolated: 2 },
  unit: "category: 0 = extrapolated, 1 = benchmark, 2 = interpolated (how the GDP per capita observation was obtained)",
};
const I_BM: Category = {
  codes: {
    "ICP PPP estimates": 1,
    "Historical income benchmarks": 2,
    "Real wages and urbanization": 3,
    "Multiple of subsistence": 4,
    "Braithwaite (1968) PPPs": 5,
  },
  unit: "category (benchmark observations only): 1 = ICP PPP estimates, 2 = historical income benchmarks, 3 = real wages and urbanization, 4 = multiple of subsistence, 5 = Braithwaite (1968) PPPs",
};

/** Numeric columns: series id suffix → unit (Maddison Project Database 2018 codebook). */
const NUMERIC: ReadonlyArray<readonly [string, string]> = [
  ["cgdppc", "2011 US$ per capita, PPP (benchmark for cross-country income comparisons)"],
  ["rgdpnapc", "2011 US$ per capita, PPP (for growth comparisons)"],
  ["pop", "thousands"],
];

/**
 * Former unions that Maddison continues after their break-up as the sum of their successor
 * states ("Former USSR" in 2016 is 291 million people): up to the last year given here the code
 * is the state (SUN → COW 365, YUG → 345, CSK → 315); after it, the row is an aggregate, not a
 * state, and keeps ccode null.
 */
export const MADDISON_UNION_LAST_YEAR: Readonly<Record<string, number>> = {
  SUN: 1991,
  YUG: 1991,
  CSK: 1992,
};

function parseCategory(raw: string | undefined, column: string, cat: Category): number | null {
  const s = parseText(raw);
  if (s === null) return null;
  const code = cat.codes[s];
  if (code !== undefined) return code;
  if (/^\d+$/.test(s) && Object.values(cat.codes).includes(Number(s))) return Number(s);
  throw new FieldError(`${column}: "${s}" is not a category of the codebook`);
}

/**
 * Maddison Project Database 2018 (mpd2018: countrycode, country, year, cgdppc, rgdpnapc, pop,
 * i_cig, i_bm), long by country-year; one country_series row per series column (maddison.<col>).
 */
export const maddison2018 = tabularSource({
  name: "maddison-2018",
  title: "Maddison Project Database 2018",
  version: "2018",
  citation: cite("bolt2018"),
  homepage:
    "https://www.rug.nl/ggdc/historicaldevelopment/maddison/releases/maddison-project-database-2018",
  license:
    "Free to use with the citation above (the Maddison Project asks for it 'when using these data, for whatever purpose'); the copy in joshuaalley/arms-allies has no licence file",
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    "Five series per country-year: maddison.cgdppc and maddison.rgdpnapc (2011 US$ per capita; cgdppc for comparing income levels across countries, rgdpnapc for growth over time), maddison.pop (thousands), and the category columns maddison.i_cig and maddison.i_bm.",
    "i_cig and i_bm are written as labels in the file; they are stored as numeric codes whose meaning the unit column spells out (i_cig 0 extrapolated / 1 benchmark / 2 interpolated; i_bm 1–5 benchmark type). Any other label is rejected.",
    "Years are sparse before 1820 (1, 730, 1000, 1150, 1280, …); a ccode is given for every year, including years before the COW system (1816) or outside a state's membership: restrict with the COW state list when that matters.",
    "Former unions continue as aggregates of their successor states: SUN (Former USSR) to 2016, YUG (Former Yugoslavia) to 2016, CSK (Czechoslovakia) to 2016. Up to 1991 (SUN, YUG) and 1992 (CSK) they resolve to COW 365, 345 and 315; later rows are aggregates, kept with ccode null and listed as unresolved.",
    "Successor states are back-cast within today's borders: RUS from 1950 (ccode 365, so 1950–1991 has two rows for 365: SUN, the USSR, and RUS, the Russian territory within it), SRB from 1950 (345, alongside YUG to 1991), CZE from 1950 (316). The natural key keeps them apart by code; pick the code, not only the ccode, when joining.",
    "DEU is Germany in today's borders in every year; the crosswalk's ISO rule resolves DEU 1946–1989 to West Germany (COW 260), so those rows carry unified-Germany values under 260.",
    "The file is Windows-1252 (Côte d'Ivoire, Curaçao); the loader decodes it.",
  ],
  required: ["countrycode", "country", "year", "cgdppc", "rgdpnapc", "pop", "i_cig", "i_bm"],
  wide: true,
  mapper: (col) => {
    const [c, n, y, g, r, p, ic, ib] = [
      "countrycode",
      "country",
      "year",
      "cgdppc",
      "rgdpnapc",
      "pop",
      "i_cig",
      "i_bm",
    ].map(col) as [number, number, number, number, number, number, number, number];
    const numericAt = [g, r, p];
    const lookup = makeIso3Lookup();
    return (f, _line, out) => {
      const code = requireCode(f[c], "countrycode");
      const country = parseText(f[n]);
      const year = parseYear(f[y], "year");
      const values = NUMERIC.map(([name], i) => parseNumber(f[numericAt[i] as number], name));
      const cig = parseCategory(f[ic], "i_cig", I_CIG);
      const bm = parseCategory(f[ib], "i_bm", I_BM);

      const lastYear = MADDISON_UNION_LAST_YEAR[code];
      const aggregate = lastYear !== undefined && year > lastYear;
      const ccode = aggregate ? null : lookup(code, year);
      const label = aggregate
        ? `${codeLabel(code, country)} after ${lastYear}: aggregate of successor states, not a state`
        : codeLabel(code, country);
      const rows: Array<[string, number | null, string]> = [
        ...NUMERIC.map(([name, unit], i): [string, number | null, string] => [
          name,
          values[i] ?? null,
          unit,
        ]),
        ["i_cig", cig, I_CIG.unit],
        ["i_bm", bm, I_BM.unit],
      ];
      for (const [name, value, unit] of rows) {
        if (ccode === null) out.unresolved(label);
        out.row([`maddison.${name}`, ccode, code, country, year, value, unit]);
      }
    };
  },
});

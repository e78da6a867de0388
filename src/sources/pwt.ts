import { cite } from "../core/bibliography.js";
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseNumber, parseText, parseYear } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

/**
 * ISO alpha-3 code + year → COW code (null when the crosswalk has no state for it: territories,
 * regional aggregates); lookupCountry caches. Shared by the PWT, Maddison and World Bank
 * adapters, whose files key countries by ISO alpha-3 codes of today's territories.
 */
export function makeIso3Lookup() {
  return (code: string, year: number): number | null =>
    lookupCountry(code, { system: "iso3", year })?.ccode ?? null;
}

/** How an unresolved code is listed: "ABW (Aruba)". */
export const codeLabel = (code: string, country: string | null): string =>
  country === null ? code : `${code} (${country})`;

/** A required, non-missing code cell (country codes are kept as written). */
export function requireCode(raw: string | undefined, column: string): string {
  const s = parseText(raw);
  if (s === null) throw new FieldError(`${column} is missing`);
  return s;
}

const CITATION = cite("feenstra2015");
const HOMEPAGE = "https://www.rug.nl/ggdc/productivity/pwt/";
const LICENSE = "CC BY 4.0 (Groningen Growth and Development Centre)";
const VERSION = "10.01";

/** PWT 10.01 codebook units of the series Entente reads from a full PWT export. */
export const PWT_SERIES: Readonly<Record<string, string>> = {
  rgdpe: "million 2017 US$ at chained PPPs",
  rgdpo: "million 2017 US$ at chained PPPs",
  cgdpe: "million 2017 US$ at current PPPs",
  cgdpo: "million 2017 US$ at current PPPs",
  rgdpna: "million 2017 US$ at constant 2017 national prices",
  pop: "millions of persons",
  emp: "millions of persons engaged",
};

const PWT_CAVEATS = [
  "Countries are keyed by ISO alpha-3 codes of today's territories, resolved to COW codes with the row's year; rows of territories that are not states (Aruba, Bermuda, Hong Kong, Macao, Palestine, …) are kept with ccode null and listed as unresolved.",
  "Time-aware ISO rules apply: DEU before 1990 resolves to West Germany (COW 260) although PWT's Germany series is a current-territory series; check such rows before comparing across 1990.",
  "Rows outside a state's COW membership keep the ccode the crosswalk gives (e.g. a successor state's back-cast); restrict with the COW state list when that matters.",
  "Missing values (empty cells) are stored as null-value rows, never 0.",
];

/**
 * The 4-column PWT 10.01 extract of the ekonomR package (iso3c, country, year, rgdpe), one row
 * per country-year; it goes to country_series as series pwt.rgdpe.
 */
export const pwtRgdpeExtract = tabularSource({
  name: "pwt-rgdpe",
  title: "Penn World Table rgdpe extract (iso3c, country, year, rgdpe)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: `${LICENSE}; the ekonomR extract ships in a GPL (>= 3) R package`,
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    ...PWT_CAVEATS,
    "A column subset of PWT 10.01: only rgdpe (expenditure-side real GDP at chained PPPs, million 2017 US$). The iso3c column was checked to hold ISO alpha-3 codes (GBR, DEU, RUS), not COW abbreviations.",
  ],
  required: ["iso3c", "country", "year", "rgdpe"],
  mapper: (col) => {
    const [c, n, y, v] = ["iso3c", "country", "year", "rgdpe"].map(col) as [
      number,
      number,
      number,
      number,
    ];
    const lookup = makeIso3Lookup();
    const unit = PWT_SERIES.rgdpe as string;
    return (f, _line, out) => {
      const code = requireCode(f[c], "iso3c");
      const country = parseText(f[n]);
      const year = parseYear(f[y], "year");
      const value = parseNumber(f[v], "rgdpe");
      const ccode = lookup(code, year);
      if (ccode === null) out.unresolved(codeLabel(code, country));
      out.row(["pwt.rgdpe", ccode, code, country, year, value, unit]);
    };
  },
});

/**
 * A full PWT export (pwt1001.xlsx sheet Data saved as CSV, or the Stata/R copies written out):
 * countrycode, country, currency_unit, year, rgdpe, rgdpo, pop, emp, …; one row per country-year
 * and series for each of rgdpe, rgdpo, cgdpe, cgdpo, rgdpna, pop, emp present in the header.
 */
export const pwtFull = tabularSource({
  name: "pwt",
  title: "Penn World Table (full export)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    ...PWT_CAVEATS,
    "Only the series rgdpe, rgdpo, cgdpe, cgdpo, rgdpna, pop and emp are read (as pwt.<column>); other PWT columns (price levels, shares, TFP, indicator flags) are ignored.",
    "pop and emp are in millions (PWT), unlike Maddison (thousands) and World Bank SP.POP.TOTL (persons).",
  ],
  required: ["countrycode", "country", "currency_unit", "year", "rgdpe"],
  wide: true,
  mapper: (col, header) => {
    const [c, n, y] = ["countrycode", "country", "year"].map(col) as [number, number, number];
    const series = Object.keys(PWT_SERIES)
      .filter((s) => header.includes(s))
      .map((s) => ({ name: s, at: col(s), unit: PWT_SERIES[s] as string }));
    const lookup = makeIso3Lookup();
    return (f, _line, out) => {
      const code = requireCode(f[c], "countrycode");
      const country = parseText(f[n]);
      const year = parseYear(f[y], "year");
      const values = series.map((s) => parseNumber(f[s.at], s.name));
      const ccode = lookup(code, year);
      series.forEach((s, i) => {
        if (ccode === null) out.unresolved(codeLabel(code, country));
        out.row([`pwt.${s.name}`, ccode, code, country, year, values[i] ?? null, s.unit]);
      });
    };
  },
});

import { cite } from "../core/bibliography.js";
import { FieldError, parseNumber, parseText } from "../core/fields.js";
import { codeLabel, makeIso3Lookup, requireCode } from "./pwt.js";
import { tabularSource } from "./tabular.js";

/**
 * World Bank regional, income, lending and demographic groups that appear as rows of WDI bulk
 * files (the 2018 files and later ones, which added AFE/AFW). They are not states: kept with
 * ccode null and listed as unresolved with this note.
 */
export const WB_AGGREGATES: ReadonlySet<string> = new Set([
  "AFE",
  "AFW",
  "ARB",
  "CEB",
  "CSS",
  "EAP",
  "EAR",
  "EAS",
  "ECA",
  "ECS",
  "EMU",
  "EUU",
  "FCS",
  "HIC",
  "HPC",
  "IBD",
  "IBT",
  "IDA",
  "IDB",
  "IDX",
  "INX",
  "LAC",
  "LCN",
  "LDC",
  "LIC",
  "LMC",
  "LMY",
  "LTE",
  "MEA",
  "MIC",
  "MNA",
  "NAC",
  "OED",
  "OSS",
  "PRE",
  "PSS",
  "PST",
  "SAS",
  "SSA",
  "SSF",
  "SST",
  "TEA",
  "TEC",
  "TLA",
  "TMN",
  "TSA",
  "TSS",
  "UMC",
  "WLD",
]);

/** Units of common indicators whose names carry none in parentheses. */
const UNIT_WITHOUT_PARENTHESIS: Readonly<Record<string, string>> = {
  "SP.POP.TOTL": "persons",
  "MS.MIL.TOTL.P1": "persons",
};

/**
 * The unit of an indicator: the last parenthesis of its name ("GDP per capita (current US$)" →
 * "current US$"), else a known unit, else the indicator name itself, so the row never lacks one.
 */
export function wbUnit(indicatorCode: string, indicatorName: string): string {
  const m = /\(([^()]*)\)\s*$/.exec(indicatorName);
  if (m && (m[1] as string).trim() !== "") return (m[1] as string).trim();
  return UNIT_WITHOUT_PARENTHESIS[indicatorCode] ?? `as named: ${indicatorName}`;
}

/**
 * A World Bank bulk-download indicator file (API_<indicator>_DS2_en_csv_v2_*.csv): UTF-8 with a
 * BOM, four preamble lines ("Data Source", "Last Updated Date"), then "Country Name","Country
 * Code","Indicator Name","Indicator Code","1960",… and a trailing empty column. One
 * country_series row per economy and year column, series wb.<Indicator Code>.
 */
/**
 * A WDI bulk file is one indicator (a dataset of its own: this format holds them all) in one
 * edition, which the number at the end of its name identifies:
 * `API_NY.GDP.MKTP.CD_DS2_en_csv_v2_10181232.csv` → dataset wb-indicator:NY.GDP.MKTP.CD,
 * release v2_10181232.
 */
export function wbFileRelease(name: string): { dataset: string; release: string } | null {
  const m = /^API_(.+?)_DS2_[a-z]{2}_csv_(v\d+_\d+)\.csv$/i.exec(name);
  return m ? { dataset: `wb-indicator:${m[1]}`, release: m[2] as string } : null;
}

export const worldBankIndicator = tabularSource({
  name: "wb-indicator",
  fileRelease: wbFileRelease,
  title: "World Bank WDI indicator (bulk-download CSV)",
  version: "WDI bulk CSV v2",
  citation: `${cite("wb-wdi")} Bulk download API_<indicator>_DS2_en_csv_v2; the file's preamble gives its Last Updated Date.`,
  homepage: "https://data.worldbank.org/",
  license: "CC BY 4.0 (World Bank Open Data terms of use)",
  unit: "country_year",
  table: "country_series",
  yearColumn: "year",
  caveats: [
    'Any indicator: the series is wb.<Indicator Code> taken from each row (NY.GDP.PCAP.CD → wb.NY.GDP.PCAP.CD); the unit is the last parenthesis of the indicator name ("current US$"), or for names without one a known unit (SP.POP.TOTL: persons) or the name itself.',
    "Every economy × year cell is a row; empty cells are rows with value null (no data), never 0.",
    "Rows for regional, income and lending groups (WLD World, EUU European Union, ARB Arab World, HIC High income, … 49 codes) are aggregates, not states: they are kept with ccode null and listed as unresolved, as are territories (ABW Aruba, HKG Hong Kong SAR, PSE West Bank and Gaza, …).",
    "Codes are ISO alpha-3 of today's economies (XKX Kosovo) resolved with the year; WDI back-casts current territories, so e.g. DEU before 1990 (unified Germany's figures) resolves to West Germany (COW 260) by the crosswalk's ISO rule, and RUS rows before 1992 resolve to 365.",
    'The release date is only in the file\'s preamble ("Last Updated Date"); WDI revises past values between releases, so keep the file name/date with the analysis.',
    "A value in the trailing unnamed column is rejected (the row would be shifted).",
  ],
  required: ["Country Name", "Country Code", "Indicator Name", "Indicator Code"],
  maxPreamble: 4,
  wide: true,
  mapper: (col, header) => {
    const [n, c, iname, icode] = [
      "Country Name",
      "Country Code",
      "Indicator Name",
      "Indicator Code",
    ].map(col) as [number, number, number, number];
    const years = header.flatMap((h, i) => (/^\d{4}$/.test(h) ? [{ year: Number(h), at: i }] : []));
    const unnamed = header.flatMap((h, i) => (h === "" ? [i] : []));
    const lookup = makeIso3Lookup();
    return (f, _line, out) => {
      const code = requireCode(f[c], "Country Code");
      const country = parseText(f[n]);
      const indicator = requireCode(f[icode], "Indicator Code");
      const unit = wbUnit(indicator, parseText(f[iname]) ?? indicator);
      for (const i of unnamed) {
        if (parseText(f[i]) !== null) {
          throw new FieldError(
            `unnamed column ${i + 1} has a value ("${f[i]}"); the row would be shifted`,
          );
        }
      }
      const values = years.map(({ year, at }) => parseNumber(f[at], String(year)));
      const aggregate = WB_AGGREGATES.has(code);
      const label = aggregate
        ? `${codeLabel(code, country)}: World Bank regional/income aggregate, not a state`
        : codeLabel(code, country);
      years.forEach(({ year }, k) => {
        const ccode = aggregate ? null : lookup(code, year);
        if (ccode === null) out.unresolved(label);
        out.row([`wb.${indicator}`, ccode, code, country, year, values[k] ?? null, unit]);
      });
    };
  },
});

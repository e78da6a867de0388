import { cite } from "../core/bibliography.js";
/**
 * IMF International Trade in Goods by partner (dataflow IMF.STA:IMTS, the successor of the
 * Direction of Trade Statistics) as the IMF's SDMX 3.0 API answers it in SDMX-CSV: STRUCTURE,
 * STRUCTURE_ID, ACTION, then the dimensions COUNTRY (reporter), INDICATOR, COUNTERPART_COUNTRY,
 * FREQUENCY, then TIME_PERIOD, OBS_VALUE and attributes (SCALE or UNIT_MULT among them). The
 * older SDMX-CSV 1.0 (DATAFLOW first) reads the same. Columns are read by name.
 *
 * Indicators used by Entente: XG_FOB_USD (goods exports, free on board, US dollars) and
 * MG_CIF_USD (goods imports, cost insurance freight, US dollars); others are stored as read.
 */
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseNumber, parseText } from "../core/fields.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";

export const IMTS_EXPORTS = "XG_FOB_USD";
export const IMTS_IMPORTS = "MG_CIF_USD";
/** The world as counterpart: G001 in the IMF's SDMX 3.0 code lists, W00 in the DOTS era. */
export const IMTS_WORLD: ReadonlySet<string> = new Set(["G001", "W00"]);

const CITATION = `${cite("imf-imts")} Retrieved through the SDMX 3.0 API.`;
const HOMEPAGE = "https://data.imf.org";
const LICENSE =
  "IMF terms of use (https://www.imf.org/external/terms.htm): free to use with attribution to the IMF as the source";

/** Powers of ten of the SCALE words the IMF uses, and of UNIT_MULT numbers. */
const SCALES: Readonly<Record<string, number>> = {
  units: 0,
  unit: 0,
  thousands: 3,
  millions: 6,
  billions: 9,
};

/** The power of ten of a SCALE or UNIT_MULT cell (null or empty: units). */
export function scalePower(raw: string | null): number {
  if (raw === null || raw === "") return 0;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const p = SCALES[raw.toLowerCase()];
  if (p === undefined)
    throw new FieldError(`SCALE "${raw}" is not units, thousands, millions or billions`);
  return p;
}

/** Year and month of a TIME_PERIOD: 2019, 2019-M03, 2019-03, 2019-Q1 (month null). */
export function imtsPeriod(raw: string): { year: number; month: number | null } {
  const m = /^(\d{4})(?:-M?(\d{2})|-Q([1-4]))?$/.exec(raw);
  if (!m) throw new FieldError(`TIME_PERIOD "${raw}" is not a year, month or quarter`);
  const month = m[2] === undefined ? null : Number(m[2]);
  if (month !== null && (month < 1 || month > 12)) {
    throw new FieldError(`TIME_PERIOD "${raw}" has no month ${month}`);
  }
  return { year: Number(m[1]), month };
}

/** IMF economy codes are ISO alpha-3 for states (KOS Kosovo); the world and groups resolve to none. */
function makeResolver() {
  const cache = new Map<string, number | null>();
  return (code: string, year: number, out: Emitter): number | null => {
    if (IMTS_WORLD.has(code)) return null;
    const key = `${code}\u0000${year}`;
    let ccode = cache.get(key);
    if (ccode === undefined) {
      ccode = lookupCountry(code, { year })?.ccode ?? null;
      cache.set(key, ccode);
    }
    if (ccode === null) out.unresolved(code);
    return ccode;
  };
}

const REQUIRED = [
  "COUNTRY",
  "INDICATOR",
  "COUNTERPART_COUNTRY",
  "FREQUENCY",
  "TIME_PERIOD",
  "OBS_VALUE",
] as const;
/** Positions of the REQUIRED columns, in that order. */
type Columns = [number, number, number, number, number, number];

export const imfImts = tabularSource({
  name: "imf-imts",
  title: "IMF International Trade in Goods by partner (IMTS, formerly DOTS), SDMX-CSV",
  version: "SDMX 3.0 API, dataflow IMF.STA:IMTS",
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "reporter_counterpart_period",
  table: "trade_imts",
  yearColumn: "year",
  caveats: [
    "Exports are FOB and imports CIF (CIF includes freight and insurance, so a country's imports from a partner usually exceed the partner's reported exports to it).",
    "value is OBS_VALUE as published; value_musd is it in million US$ by the SCALE or UNIT_MULT attribute (absent: units). NaN or empty values are stored as null.",
    "The world as counterpart (G001, or W00 in DOTS-era files) has ccode null and is not listed as unresolved; other codes that are not states (regions, groups) are listed.",
    "The row SDMX-CSV writes when a query matches nothing (no TIME_PERIOD) is a reject saying so.",
    "A query fetched by `entente sync` is one dataset (imf-imts:<key>) whose release is the fetch date: a later fetch replaces the earlier one and reports the revisions.",
  ],
  required: REQUIRED,
  mapper: (col, header) => {
    const [co, ind, cp, fr, tp, ov] = REQUIRED.map(col) as unknown as Columns;
    const scaleAt = header.includes("UNIT_MULT")
      ? header.indexOf("UNIT_MULT")
      : header.indexOf("SCALE");
    const resolve = makeResolver();
    return (f, _line, out) => {
      const period = parseText(f[tp]);
      if (period === null) {
        throw new FieldError(
          "no observation: an empty answer row (the query matched nothing), or TIME_PERIOD is missing",
        );
      }
      const { year, month } = imtsPeriod(period);
      const reporter = parseText(f[co]);
      const counterpart = parseText(f[cp]);
      const indicator = parseText(f[ind]);
      if (reporter === null || counterpart === null || indicator === null) {
        throw new FieldError("COUNTRY, COUNTERPART_COUNTRY or INDICATOR is missing");
      }
      const value = parseNumber(f[ov], "OBS_VALUE");
      const scale = scaleAt < 0 ? null : parseText(f[scaleAt]);
      const power = scalePower(scale);
      const flow = /^XG_/.test(indicator) ? "exports" : /^MG_/.test(indicator) ? "imports" : null;
      out.row([
        reporter,
        resolve(reporter, year, out),
        counterpart,
        resolve(counterpart, year, out),
        indicator,
        flow,
        parseText(f[fr]),
        period,
        year,
        month,
        value,
        scale,
        // Divided by an exact power of ten, not multiplied by 1e-6, which is not one.
        value === null ? null : power <= 6 ? value / 10 ** (6 - power) : value * 10 ** (power - 6),
      ]);
    };
  },
});

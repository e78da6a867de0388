import { cite } from "../core/bibliography.js";
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseNumber, parseText, parseYear } from "../core/fields.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";

export const ICEWS_DYADYEAR_CITATION = `${cite("boschee2015")} Aggregated to directed dyad-years by: ${cite("netify")}`;

/** The four quad-class counts, in the table's column order. */
const COUNTS = ["verbCoop", "matlCoop", "verbConf", "matlConf"] as const;

/** An event count: NA/empty is null; a non-number or a negative number rejects the line. */
export function parseCount(raw: string | undefined, column: string): number | null {
  const n = parseNumber(raw, column);
  if (n !== null && n < 0) throw new FieldError(`${column}: ${n} is not a count (negative)`);
  return n;
}

/**
 * One side of the dyad (`side` is "i" or "j"): by name with the year; when the name does not
 * resolve, by the file's ISO alpha-3 column (i_iso3c / j_iso3c, if the file has it). When both
 * resolve and disagree the line is rejected rather than one of them trusted. Neither resolving
 * keeps the row with a null code and lists the name as unresolved.
 */
function resolveSide(
  side: string,
  rawName: string | undefined,
  rawIso: string | undefined,
  year: number,
  out: Emitter,
): [name: string, ccode: number | null] {
  const name = parseText(rawName);
  if (name === null) throw new FieldError(`${side} is missing`);
  const byName = lookupCountry(name, { system: "name", year })?.ccode ?? null;
  const iso = parseText(rawIso);
  const byIso = iso === null ? null : (lookupCountry(iso, { system: "iso3", year })?.ccode ?? null);
  if (byName !== null && byIso !== null && byName !== byIso) {
    throw new FieldError(
      `${side} "${name}" is COW ${byName} by name but ${side}_iso3c "${iso}" is COW ${byIso} in ${year}`,
    );
  }
  const ccode = byName ?? byIso;
  if (ccode === null) out.unresolved(name);
  return [name, ccode];
}

/**
 * ICEWS directed dyad-year quad-class counts as distributed by the netify R package
 * (`data(icews)`: i, j, year, id, verbCoop, matlCoop, verbConf, matlConf, i_year, j_year,
 * i_polity2, …, i_iso3c, j_iso3c, …), written to CSV with R's write.csv (a leading unnamed
 * row-name column, when present, is ignored).
 */
export const icewsDyadYear = tabularSource({
  name: "icews-dyadyear",
  title: "ICEWS directed dyad-year quad counts (netify)",
  version: "netify data/icews.rda (2023-07-25, commit 594f6dfd); ICEWS events 2002-2014",
  citation: ICEWS_DYADYEAR_CITATION,
  homepage: "https://github.com/netify-dev/netify",
  license:
    "GPL-3 (netify R package); the ICEWS Dataverse terms of use are not restated in the package",
  unit: "directed_dyad_year",
  table: "icews_dyad_year",
  yearColumn: "year",
  caveats: [
    "Aggregated by the netify package authors from ICEWS events; the aggregation rules (event de-duplication, which actors count as the state, how the quad class is assigned) are not documented in the package.",
    "Directed: i is the source, j the target; verbal_coop, material_coop, verbal_conflict and material_conflict count events i → j in the year (the package calls them scores). NA is stored as null, not 0.",
    'i and j are country names, resolved by name with the year; a name that does not resolve falls back to i_iso3c / j_iso3c when the file has them ("Congo, The Democratic Republic Of" resolves only this way, to 490). Name and ISO code resolving to different states rejects the line; neither resolving keeps the row with a null code, listed as unresolved.',
    "Only the 152 countries and the years 2002-2014 of the package object; the copy in ../shared/data is the subset of dyads with Russia or China. The other columns (id, polity2, GDP, population, region) are not stored.",
  ],
  required: ["i", "j", "year", "id", ...COUNTS],
  mapper: (col, header) => {
    const [ci, cj, cy] = ["i", "j", "year"].map(col) as [number, number, number];
    const counts = COUNTS.map((c) => [col(c), c] as const);
    // Optional: a file without the ISO columns resolves by name only.
    const isoI = header.indexOf("i_iso3c");
    const isoJ = header.indexOf("j_iso3c");
    return (f, _line, out) => {
      const year = parseYear(f[cy], "year");
      const values = counts.map(([k, c]) => parseCount(f[k], c));
      const [iName, iCode] = resolveSide("i", f[ci], isoI < 0 ? undefined : f[isoI], year, out);
      const [jName, jCode] = resolveSide("j", f[cj], isoJ < 0 ? undefined : f[isoJ], year, out);
      out.row([iCode, jCode, year, iName, jName, ...values]);
    };
  },
});

import { cite } from "../core/bibliography.js";
import { FieldError, parseInteger, parseYear, requireInteger } from "../core/fields.js";
import { tabularSource } from "./tabular.js";

export const COW_IGO_CITATION = `${cite("pevehouse2020", "wallace1970")} Dyadic counts as in: ${cite("miller2022")}`;

/**
 * Shared full IGO memberships per non-directed dyad-year (COW IGO v3 as aggregated by
 * peacesciencer's cow_igo_ndy: ccode1, ccode2, year, dyadigos).
 */
export const cowIgoDyadic = tabularSource({
  name: "cow-igo-ndy",
  title: "COW IGO v3 shared memberships per dyad-year (peacesciencer cow_igo_ndy)",
  version: "3.0",
  citation: COW_IGO_CITATION,
  homepage: "https://correlatesofwar.org/data-sets/igos/",
  license: "Free to use with citation (Correlates of War Project terms); peacesciencer GPL-2",
  unit: "dyad_year",
  table: "igo_dyad_year",
  yearColumn: "year",
  caveats: [
    "dyadigos counts the IGOs in which both states are full members; it does not say which IGOs, and associate members and observers do not count.",
    "Rows exist only for pairs of COW system members; a pair-year not listed is null (no data), never 0.",
    "COW IGO v3 ends in 2014.",
    "-9 or NA in dyadigos is stored as null.",
  ],
  required: ["ccode1", "ccode2", "year", "dyadigos"],
  mapper: (col) => {
    const [c1, c2, y, n] = ["ccode1", "ccode2", "year", "dyadigos"].map(col) as [
      number,
      number,
      number,
      number,
    ];
    return (f, _line, out) => {
      // -9 (COW's missing code) and NA are stored as null: unknown, not zero.
      const count = parseInteger(f[n], "dyadigos", { sentinels: [-9] });
      if (count !== null && count < 0) throw new FieldError(`dyadigos: ${count} is negative`);
      const a = requireInteger(f[c1], "ccode1");
      const b = requireInteger(f[c2], "ccode2");
      if (a === b) throw new FieldError(`ccode1 and ccode2 are both ${a}`);
      // Stored with the lower code first, so that a file listing both orders counts the second as a duplicate.
      out.row([Math.min(a, b), Math.max(a, b), parseYear(f[y], "year"), count]);
    };
  },
});

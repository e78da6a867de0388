import { cite } from "../core/bibliography.js";
import { FieldError, parseText } from "../core/fields.js";
import { CAMEO_CITATION, parseEventCode, parseGoldstein, type QuadClass } from "./gdelt-cameo.js";
import { tabularSource } from "./tabular.js";

const CITATION = `${cite("beger2018", "boschee2015")} ${CAMEO_CITATION}`;
const HOMEPAGE = "https://github.com/andybega/icews";
const LICENSE = "MIT (icews R package); the tables are CAMEO codebook material";
const VERSION = "andybega/icews data tables (2018-11-20), CAMEO 1.1b3";

const QUAD: Readonly<Record<string, QuadClass>> = {
  "verbal cooperation": 1,
  "material cooperation": 2,
  "verbal conflict": 3,
  "material conflict": 4,
};

/** quad_category text ("verbal cooperation" …) as GDELT's QuadClass 1-4; empty/NA is null. */
export function parseQuadCategory(raw: string | undefined, column: string): QuadClass | null {
  const s = parseText(raw);
  if (s === null) return null;
  const q = QUAD[s.toLowerCase().replace(/\s+/g, " ")];
  if (q === undefined) {
    throw new FieldError(
      `${column}: "${s}" is not a quad category (verbal/material cooperation/conflict)`,
    );
  }
  return q;
}

/**
 * andybega/icews `cameo_codes` (cameo_code, name, level, lvl0, lvl1, description, usage_notes,
 * example, order, quad_category, penta_category), written to CSV.
 */
export const icewsCameoCodes = tabularSource({
  name: "icews-cameo-codes",
  title: "ICEWS CAMEO event code table (andybega/icews)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "event_code",
  table: "cameo_eventcodes",
  yearColumn: null,
  caveats: [
    "Codes are strings (leading zeros matter).",
    "description holds the table's short name (as GDELT's EVENTDESCRIPTION does); the long description, usage notes, example, level, order and penta_category are not stored.",
    "quad_class is read from quad_category, not derived: in this table it agrees with the root code for all 312 codes.",
    "Text is stored as written: the table holds <xx> byte escapes where the package's .rda had invalid UTF-8 (all in the columns not stored).",
    "Includes 1213, which GDELT's lookup lacks; labels of 101-108 differ from GDELT's (this table follows the CAMEO 1.1b3 codebook).",
  ],
  required: ["cameo_code", "name", "quad_category"],
  mapper: (col) => {
    const [c, n, q] = ["cameo_code", "name", "quad_category"].map(col) as [number, number, number];
    return (f, _line, out) => {
      out.row([
        "icews",
        parseEventCode(f[c], "cameo_code"),
        parseText(f[n]),
        parseQuadCategory(f[q], "quad_category"),
      ]);
    };
  },
});

/** andybega/icews `goldstein_mappings` (code, name, goldstein, nsLeft, nsRight), written to CSV. */
export const icewsGoldstein = tabularSource({
  name: "icews-goldstein",
  title: "ICEWS CAMEO Goldstein mappings (andybega/icews)",
  version: VERSION,
  citation: `${CITATION} ${cite("goldstein1992")}`,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "event_code",
  table: "cameo_goldstein",
  yearColumn: null,
  caveats: [
    "Codes are strings (leading zeros matter).",
    "Goldstein values run from -10 to +10; a value outside is rejected, an empty one is null. name, nsLeft and nsRight (nested-set indices) are not stored.",
    "Values differ from GDELT's for 016 (-5 vs -2), 022 (3.4 vs 3.2), 164 (-6.5 vs -7) and 165 (-7 vs -6.5); they are kept apart by scheme.",
  ],
  required: ["code", "name", "goldstein"],
  mapper: (col) => {
    const [c, g] = ["code", "goldstein"].map(col) as [number, number];
    return (f, _line, out) => {
      out.row(["icews", parseEventCode(f[c], "code"), parseGoldstein(f[g], "goldstein")]);
    };
  },
});

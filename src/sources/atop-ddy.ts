import { cite } from "../core/bibliography.js";
import { parseDummy, parseYear, requireInteger } from "../core/fields.js";
import { projectColumns, tabularSource } from "./tabular.js";

export const ATOP_CITATION = cite("leeds2002");
export const ATOP_HOMEPAGE = "http://www.atopdata.org";
export const ATOP_LICENSE = "Free for research use with citation (ATOP terms of use)";

const ATOP_CAVEATS = [
  "Only dyad-years with an alliance are listed; absence means no obligation within coverage, and null outside it.",
  "Directed: obligations can be asymmetric (a defends b but not the reverse); undirected indicators take the maximum over both directions.",
];

/** ATOP 5.1 directed dyad-year, as distributed by peacesciencer (atop_ prefixed columns). */
export const atopDdy = tabularSource({
  name: "atop-ddy",
  title: "ATOP directed dyad-year (peacesciencer layout)",
  version: "5.1",
  citation: ATOP_CITATION,
  homepage: ATOP_HOMEPAGE,
  license: ATOP_LICENSE,
  unit: "directed_dyad_year",
  table: "atop_ddy",
  yearColumn: "year",
  caveats: ATOP_CAVEATS,
  required: [
    "ccode1",
    "ccode2",
    "year",
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
  ],
  mapper: projectColumns([
    ["ccode1", requireInteger],
    ["ccode2", requireInteger],
    ["year", parseYear],
    ["atop_defense", parseDummy],
    ["atop_offense", parseDummy],
    ["atop_neutral", parseDummy],
    ["atop_nonagg", parseDummy],
    ["atop_consul", parseDummy],
    { value: null },
  ]),
});

/**
 * The ATOP project's own directed dyad-year file (atop5_1ddyr.csv: stateA, stateB, year,
 * atopally, defense, offense, neutral, nonagg, consul, …), written from the ATOP 5.1 codebook.
 */
export const atopDdyOfficial = tabularSource({
  name: "atop-ddyr",
  title: "ATOP directed dyad-year (official ATOP layout)",
  version: "5.1",
  citation: ATOP_CITATION,
  homepage: ATOP_HOMEPAGE,
  license: ATOP_LICENSE,
  unit: "directed_dyad_year",
  table: "atop_ddy",
  yearColumn: "year",
  caveats: [
    ...ATOP_CAVEATS,
    "The official file also lists dyad-years with atopally = 0 in some releases; their obligations are 0 and they are kept.",
  ],
  required: ["stateA", "stateB", "year", "defense", "offense", "neutral", "nonagg", "consul"],
  mapper: projectColumns([
    ["stateA", requireInteger],
    ["stateB", requireInteger],
    ["year", parseYear],
    ["defense", parseDummy],
    ["offense", parseDummy],
    ["neutral", parseDummy],
    ["nonagg", parseDummy],
    ["consul", parseDummy],
    { value: null },
  ]),
});

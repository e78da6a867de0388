import { cite } from "../core/bibliography.js";
import { parseDummy, parseYear, requireInteger } from "../core/fields.js";
import { projectColumns, tabularSource } from "./tabular.js";

const CITATION = cite("gibler2009");
const HOMEPAGE = "https://correlatesofwar.org/data-sets/formal-alliances/";
const LICENSE = "Free to use with citation (Correlates of War Project terms)";
const CAVEATS = [
  "Only dyad-years with an alliance are listed; coverage ends in 2012, and later years are null, not 0.",
  "Types are nested in COW coding (a defense pact usually also codes non-aggression and entente).",
];

/** COW Formal Alliances v4.1 directed dyad-year, as distributed by peacesciencer. */
export const cowAllianceDdy = tabularSource({
  name: "cow-alliance-ddy",
  title: "COW Formal Alliances directed dyad-year (peacesciencer layout)",
  version: "4.1",
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "directed_dyad_year",
  table: "cow_alliance_ddy",
  yearColumn: "year",
  caveats: [
    ...CAVEATS,
    "peacesciencer collapsed several treaties of one dyad-year with a maximum; treaty ids are lost.",
  ],
  required: ["ccode1", "ccode2", "year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"],
  mapper: projectColumns([
    ["ccode1", requireInteger],
    ["ccode2", requireInteger],
    ["year", parseYear],
    ["cow_defense", parseDummy],
    ["cow_neutral", parseDummy],
    ["cow_nonagg", parseDummy],
    ["cow_entente", parseDummy],
    { value: null },
  ]),
});

/**
 * COW's own alliance_v4.1_by_directed_yearly.csv (and the by_dyad_yearly variant): one row per
 * treaty and dyad-year, with version4id. Layout from the COW Formal Alliances v4.1 codebook.
 */
export const cowAllianceOfficial = tabularSource({
  name: "cow-alliance-yearly",
  title: "COW Formal Alliances dyad-year by treaty (official COW layout)",
  version: "4.1",
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "directed_dyad_year_treaty",
  table: "cow_alliance_ddy",
  yearColumn: "year",
  caveats: [
    ...CAVEATS,
    "One row per treaty: a dyad-year under several treaties has several rows (kept, keyed by version4id).",
  ],
  required: [
    "version4id",
    "ccode1",
    "ccode2",
    "year",
    "defense",
    "neutrality",
    "nonaggression",
    "entente",
  ],
  mapper: projectColumns([
    ["ccode1", requireInteger],
    ["ccode2", requireInteger],
    ["year", parseYear],
    ["defense", parseDummy],
    ["neutrality", parseDummy],
    ["nonaggression", parseDummy],
    ["entente", parseDummy],
    ["version4id", requireInteger],
  ]),
});

import { cite } from "../core/bibliography.js";
import { parseNumber, parseYear, requireInteger } from "../core/fields.js";
import { projectColumns, tabularSource } from "./tabular.js";

const CITATION = cite("barbieri2016", "barbieri2009");
const HOMEPAGE = "https://correlatesofwar.org/data-sets/bilateral-trade/";
const LICENSE = "Free to use with citation (Correlates of War Project terms)";
/** COW codes missing values as -9 (also written -9.0). */
const cowNumber = (raw: string | undefined, column: string) =>
  parseNumber(raw, column, { sentinels: [-9] });

/** COW Trade 4.0 dyadic (Dyadic_COW_4.0.csv and peacesciencer's cow_trade_ndy). */
export const cowTradeDyadic = tabularSource({
  name: "cow-trade-dyadic",
  title: "COW Trade dyadic flows",
  version: "4.0",
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "dyad_year",
  table: "trade_dyadic",
  yearColumn: "year",
  caveats: [
    "Current million US$, not deflated.",
    "-9 means missing and is stored as null; peacesciencer's copy rounds flows to integers.",
    "flow1 = imports of ccode1 from ccode2; flow2 = imports of ccode2 from ccode1.",
  ],
  required: ["ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"],
  mapper: projectColumns([
    ["ccode1", requireInteger],
    ["ccode2", requireInteger],
    ["year", parseYear],
    ["flow1", cowNumber],
    ["flow2", cowNumber],
    ["smoothflow1", cowNumber],
    ["smoothflow2", cowNumber],
  ]),
});

/** COW Trade 4.0 national totals (National_COW_4.0.csv and peacesciencer's cow_trade_sy). */
export const cowTradeNational = tabularSource({
  name: "cow-trade-national",
  title: "COW Trade national totals",
  version: "4.0",
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "country_year",
  table: "trade_national",
  yearColumn: "year",
  caveats: ["Current million US$, not deflated.", "-9 means missing and is stored as null."],
  required: ["ccode", "year", "imports", "exports"],
  mapper: projectColumns([
    ["ccode", requireInteger],
    ["year", parseYear],
    ["imports", cowNumber],
    ["exports", cowNumber],
  ]),
});

import { cite } from "../core/bibliography.js";
import { type Frame, frameBounds, stateYearKey, undirectedKey } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { imtsImports, imtsNational, loadImts } from "./imts-trade.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

/**
 * Trade interdependence per dyad-year (docs/indicators.md (Trade interdependence); METHODS.md "Trade
 * interdependence"). Inputs: COW Trade 4.0 dyadic flows (trade_dyadic) and national totals
 * (trade_national) to the last year COW covers, then the IMF's IMTS (trade_imts): imports CIF as
 * the importer reports them, else the partner's exports FOB, and each state's trade with the
 * world; all in current million US$. trade_source says which a year's values come from. GDP only
 * from a current-US$ series (World Bank NY.GDP.MKTP.CD). The pure formulas are exported for the
 * METHODS.md test vectors.
 */

// ---------------------------------------------------------------------------------------------
// Pure formulas. NaN in = NaN out; a zero denominator gives NaN, never Infinity.

const ok = (x: number): boolean => Number.isFinite(x);

/** T = imports of a from b + imports of b from a; null when either flow is null. */
export function tradeTotal(aImportsFromB: number, bImportsFromA: number): number {
  return ok(aImportsFromB) && ok(bImportsFromA) ? aImportsFromB + bImportsFromA : Number.NaN;
}

/** share_i = T / Trade_i (Barbieri 1996); null when Trade_i is null or not positive. */
export function tradeShare(total: number, nationalTrade: number): number {
  return ok(total) && ok(nationalTrade) && nationalTrade > 0 ? total / nationalTrade : Number.NaN;
}

/** salience = √(share_a · share_b). */
export function tradeSalience(shareA: number, shareB: number): number {
  return ok(shareA) && ok(shareB) && shareA * shareB >= 0 ? Math.sqrt(shareA * shareB) : Number.NaN;
}

/** symmetry = 1 − |share_a − share_b|. */
export function tradeSymmetry(shareA: number, shareB: number): number {
  return ok(shareA) && ok(shareB) ? 1 - Math.abs(shareA - shareB) : Number.NaN;
}

/** interdependence = salience · symmetry. */
export function tradeInterdependence(shareA: number, shareB: number): number {
  const s = tradeSalience(shareA, shareB) * tradeSymmetry(shareA, shareB);
  return ok(s) ? s : Number.NaN;
}

/** asymmetry = share_a / (share_a + share_b); null when both shares are 0 (no trade). */
export function tradeAsymmetry(shareA: number, shareB: number): number {
  if (!ok(shareA) || !ok(shareB)) return Number.NaN;
  const d = shareA + shareB;
  return d > 0 ? shareA / d : Number.NaN;
}

/**
 * dependence_i = T / GDP_i with T in current million US$ and GDP_i in current US$ (both current
 * US dollars: T is scaled by 1e6, never divided by a PPP, constant-price or log GDP).
 */
export function tradeDependence(totalMillionUsd: number, gdpCurrentUsd: number): number {
  return ok(totalMillionUsd) && ok(gdpCurrentUsd) && gdpCurrentUsd > 0
    ? (totalMillionUsd * 1e6) / gdpCurrentUsd
    : Number.NaN;
}

export interface TradeMeasures {
  readonly shareA: number;
  readonly shareB: number;
  readonly salience: number;
  readonly symmetry: number;
  readonly interdependence: number;
  readonly asymmetry: number;
}

/** All share-based measures of one dyad-year from T, Trade_a and Trade_b. */
export function tradeMeasures(total: number, tradeA: number, tradeB: number): TradeMeasures {
  const shareA = tradeShare(total, tradeA);
  const shareB = tradeShare(total, tradeB);
  return {
    shareA,
    shareB,
    salience: tradeSalience(shareA, shareB),
    symmetry: tradeSymmetry(shareA, shareB),
    interdependence: tradeInterdependence(shareA, shareB),
    asymmetry: tradeAsymmetry(shareA, shareB),
  };
}

// ---------------------------------------------------------------------------------------------
// Definitions.

const SOURCE_COW =
  "COW Trade 4.0 (trade_dyadic flow1/flow2 and trade_national imports + exports) to its last year, then IMF IMTS (trade_imts: MG_CIF_USD, else the partner's XG_FOB_USD; totals with the world G001), annual; trade_source says which";
const CITE_COW = cite("barbieri2016", "barbieri2009", "imf-imts");
const CITE_SHARES = `${CITE_COW} Measure: ${cite("barbieri1996")}`;
const GDP_SERIES = "wb.NY.GDP.MKTP.CD";
const GDP_UNIT = "current US$";

const def = (
  name: string,
  description: string,
  unit: string,
  source = SOURCE_COW,
  citation = CITE_SHARES,
): IndicatorDef => ({ name, family: "trade", description, unit, source, citation });

const DEPENDENCE_SOURCE = `${SOURCE_COW}; World Bank WDI ${GDP_SERIES.slice(3)} (GDP, current US$) from country_series`;
const DEPENDENCE_CITE = `${CITE_COW} ${cite("wdi")} Measure: ${cite("oneal1997", "oneal1999")}`;

export const TRADE_INDICATORS: readonly IndicatorDef[] = [
  def(
    "trade_a_imports_from_b",
    "Imports of a from b (COW flow1 or flow2, whichever has a as importer).",
    "current million US$",
    SOURCE_COW,
    CITE_COW,
  ),
  def(
    "trade_b_imports_from_a",
    "Imports of b from a (COW flow1 or flow2, whichever has b as importer).",
    "current million US$",
    SOURCE_COW,
    CITE_COW,
  ),
  def(
    "trade_total",
    "Total bilateral trade T = imports of a from b + imports of b from a (null if either flow is missing).",
    "current million US$",
    SOURCE_COW,
    CITE_COW,
  ),
  def(
    "trade_share_a",
    "Share of a's total trade (imports + exports) that is with b: T / Trade_a.",
    "share (0–1)",
  ),
  def(
    "trade_share_b",
    "Share of b's total trade (imports + exports) that is with a: T / Trade_b.",
    "share (0–1)",
  ),
  def(
    "trade_salience",
    "Salience of the trade relationship to both states: √(share_a · share_b).",
    "index 0–1",
  ),
  def(
    "trade_symmetry",
    "Symmetry of the two trade shares: 1 − |share_a − share_b| (1 = equally important to both).",
    "index 0–1",
  ),
  def("trade_interdependence", "Barbieri's interdependence: salience · symmetry.", "index 0–1"),
  def(
    "trade_asymmetry",
    "Who depends on whom: share_a / (share_a + share_b); 0.5 symmetric, above 0.5 a depends more on b.",
    "ratio 0–1",
  ),
  def(
    "trade_dependence_a",
    "Bilateral trade as a fraction of a's GDP, T / GDP_a, only with a current-US$ GDP series loaded.",
    "fraction of GDP (current US$ / current US$)",
    DEPENDENCE_SOURCE,
    DEPENDENCE_CITE,
  ),
  def(
    "trade_dependence_b",
    "Bilateral trade as a fraction of b's GDP, T / GDP_b, only with a current-US$ GDP series loaded.",
    "fraction of GDP (current US$ / current US$)",
    DEPENDENCE_SOURCE,
    DEPENDENCE_CITE,
  ),
  def(
    "trade_source",
    "Which data the year's trade values come from: 1 COW Trade 4.0 (years up to the last year of the loaded COW files), 2 IMF IMTS (later years); null when the year has no trade value.",
    "code: 1 COW, 2 IMTS",
    SOURCE_COW,
    CITE_COW,
  ),
];

/** trade_source codes. */
export const TRADE_SOURCE = { cow: 1, imts: 2 } as const;

// ---------------------------------------------------------------------------------------------
// SQL and the join into the frame.

/**
 * `AND <col> IN (states)` with the codes written as integer literals: ClickHouse has neither
 * unnest nor string_split, and a literal list is plain SQL for both backends.
 */
function statesClause(cols: readonly string[], states: readonly number[] | null): string {
  if (states === null) return "";
  const set = `(${intList(states)})`;
  return cols.map((c) => ` AND ${c} IN ${set}`).join("");
}

interface DyadRow {
  /** undirectedKey(lo, hi, year), computed in SQL. */
  k: number;
  lo_from_hi: number | null;
  hi_from_lo: number | null;
}

interface StateYearRow {
  ccode: number;
  year: number;
  v: number | null;
}

/** One value per key out of a column that may list the same record twice: equal or null. */
const agreed = (col: string): string =>
  `CASE WHEN count(*) = count(${col}) AND min(${col}) = max(${col}) THEN min(${col}) END`;

async function loadDyads(store: Store, from: number, to: number, states: readonly number[] | null) {
  // Normalised to (lo, hi) so a file with ccode1 > ccode2 rows, or both orders, is read
  // correctly: lo_from_hi = imports of the lower code from the higher one.
  const inner = `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, year,
      CASE WHEN ccode1 < ccode2 THEN flow1 ELSE flow2 END AS lo_from_hi,
      CASE WHEN ccode1 < ccode2 THEN flow2 ELSE flow1 END AS hi_from_lo
    FROM trade_dyadic
    WHERE year BETWEEN $1 AND $2 AND ccode1 <> ccode2${statesClause(["ccode1", "ccode2"], states)}`;
  // The key is undirectedKey(lo, hi, year) of indicator.ts, built in SQL so that one column
  // instead of three crosses into JS (reading rows into objects dominates the cost).
  const sql = `SELECT (${store.sql.bigint("lo")} * 1000 + hi) * 10000 + year AS k,
      ${agreed("lo_from_hi")} AS lo_from_hi, ${agreed("hi_from_lo")} AS hi_from_lo
    FROM (${inner}) d GROUP BY lo, hi, year`;
  return store.query<DyadRow>(sql, [from, to]);
}

async function loadStateYears(
  store: Store,
  sql: string,
  from: number,
  to: number,
  states: readonly number[] | null,
): Promise<Map<number, number>> {
  const rows = await store.query<StateYearRow>(
    `${sql}${statesClause(["ccode"], states)} GROUP BY ccode, year`,
    [from, to],
  );
  const out = new Map<number, number>();
  for (const r of rows) {
    if (r.v !== null && Number.isFinite(r.v)) out.set(stateYearKey(r.ccode, r.year), r.v);
  }
  return out;
}

/** Trade_i = imports + exports (null if either is null). */
const NATIONAL_SQL = `SELECT ccode, year, ${agreed("imports + exports")} AS v
  FROM trade_national WHERE year BETWEEN $1 AND $2`;

/** GDP in current US$ only: the World Bank series with its unit checked, never PPP/constant/log. */
const GDP_SQL = `SELECT ccode, year, CASE WHEN min(value) = max(value) THEN min(value) END AS v
  FROM country_series
  WHERE series = '${GDP_SERIES}' AND unit = '${GDP_UNIT}' AND ccode IS NOT NULL
    AND value IS NOT NULL AND year BETWEEN $1 AND $2`;

/** The last year of the loaded COW dyadic and national files (null: none loaded). */
async function cowEnds(store: Store): Promise<{ dyadic: number | null; national: number | null }> {
  const [r] = await store.query<{ d: number | null; n: number | null; dn: number; nn: number }>(
    `SELECT (SELECT count(*) FROM trade_dyadic) AS dn, (SELECT max(year) FROM trade_dyadic) AS d,
            (SELECT count(*) FROM trade_national) AS nn, (SELECT max(year) FROM trade_national) AS n`,
  );
  // count first: ClickHouse gives max over no rows as 0, not NULL.
  return {
    dyadic: r && Number(r.dn) > 0 ? Number(r.d) : null,
    national: r && Number(r.nn) > 0 ? Number(r.n) : null,
  };
}

async function compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
  const cols: Record<string, Column> = {};
  for (const d of TRADE_INDICATORS) cols[d.name] = nullColumn(frame);
  if (frame.length === 0) return cols;
  const { from, to, states } = frameBounds(frame);

  // At once: none needs another's answer (a store runs them on its connections as it can; the
  // families of a dyad already query it concurrently).
  const [ends, dyads, national, gdp] = await Promise.all([
    cowEnds(store),
    loadDyads(store, from, to, states),
    loadStateYears(store, NATIONAL_SQL, from, to, states),
    loadStateYears(store, GDP_SQL, from, to, states),
  ]);
  // IMTS only after COW: the years of the loaded COW files are COW's alone (docs/indicators.md).
  const imtsAfter = ends.dyadic;
  const imts =
    imtsAfter === null || to > imtsAfter
      ? await loadImts(store, imtsAfter === null ? null : Math.max(imtsAfter, from - 1), to, states)
      : new Map<string, number>();
  const index = new Map<number, number>();
  const loFromHi = new Float64Array(dyads.length);
  const hiFromLo = new Float64Array(dyads.length);
  dyads.forEach((r, i) => {
    index.set(r.k, i);
    loFromHi[i] = r.lo_from_hi ?? Number.NaN;
    hiFromLo[i] = r.hi_from_lo ?? Number.NaN;
  });

  const c = (n: string) => cols[n] as Column;
  const source = c("trade_source");
  const [aFromB, bFromA, total, shA, shB, sal, sym, inter, asym, depA, depB] = [
    c("trade_a_imports_from_b"),
    c("trade_b_imports_from_a"),
    c("trade_total"),
    c("trade_share_a"),
    c("trade_share_b"),
    c("trade_salience"),
    c("trade_symmetry"),
    c("trade_interdependence"),
    c("trade_asymmetry"),
    c("trade_dependence_a"),
    c("trade_dependence_b"),
  ] as [Column, Column, Column, Column, Column, Column, Column, Column, Column, Column, Column];

  for (let i = 0; i < frame.length; i++) {
    const a = frame.a[i] as number;
    const b = frame.b[i] as number;
    const y = frame.year[i] as number;
    if (a === b) continue;
    let ab: number;
    let ba: number;
    const fromCow = ends.dyadic !== null && y <= ends.dyadic;
    if (fromCow) {
      const j = index.get(undirectedKey(a, b, y));
      // A dyad-year absent from trade_dyadic is unknown (COW lists dyads with data; peacesciencer
      // dropped all-missing rows): every column stays null.
      if (j === undefined) continue;
      ab = a < b ? (loFromHi[j] as number) : (hiFromLo[j] as number);
      ba = a < b ? (hiFromLo[j] as number) : (loFromHi[j] as number);
    } else {
      ab = imtsImports(imts, a, b, y);
      ba = imtsImports(imts, b, a, y);
      if (Number.isNaN(ab) && Number.isNaN(ba)) continue;
    }
    source[i] = fromCow ? TRADE_SOURCE.cow : TRADE_SOURCE.imts;
    aFromB[i] = ab;
    bFromA[i] = ba;
    const t = tradeTotal(ab, ba);
    if (Number.isNaN(t)) continue;
    total[i] = t;
    const nationalOf = (s: number): number =>
      ends.national !== null && y <= ends.national
        ? (national.get(stateYearKey(s, y)) ?? Number.NaN)
        : imtsNational(imts, s, y);
    const m = tradeMeasures(t, nationalOf(a), nationalOf(b));
    shA[i] = m.shareA;
    shB[i] = m.shareB;
    sal[i] = m.salience;
    sym[i] = m.symmetry;
    inter[i] = m.interdependence;
    asym[i] = m.asymmetry;
    depA[i] = tradeDependence(t, gdp.get(stateYearKey(a, y)) ?? Number.NaN);
    depB[i] = tradeDependence(t, gdp.get(stateYearKey(b, y)) ?? Number.NaN);
  }
  return cols;
}

export const tradeFamily: FamilyComputer = {
  family: "trade",
  indicators: TRADE_INDICATORS,
  compute,
};

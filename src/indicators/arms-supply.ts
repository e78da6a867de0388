import { directedKey, type Frame, frameBounds, stateYearKey } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { memberLookup } from "./alliances.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

/**
 * Arms transfers per dyad-year from the SIPRI trade register (docs/indicators.md (Arms transfers); METHODS.md
 * "Arms transfers"). TIV million throughout: TIV is a volume of military capability, never money,
 * and is only ever divided by TIV.
 *
 * Within coverage an unlisted dyad-year is 0 only when both states are COW system members that
 * year; otherwise all four values are null (SIPRI's register is not a list of state pairs: "no
 * delivery recorded" says nothing about a state that did not exist). A delivery SIPRI does list
 * for a non-member (Ukraine to South Sudan, 2007–2009) is kept, as the alliance family keeps a
 * listed value.
 */

// ---------------------------------------------------------------------------------------------
// Pure formulas.

/**
 * Share of the recipient's arms imports in the year that came from one supplier:
 * tiv_from_supplier / total TIV delivered to the recipient by all suppliers (including those
 * that are not states). Null when the total is 0 or unknown.
 */
export function armsShare(tivFromSupplier: number, totalToRecipient: number): number {
  return Number.isFinite(tivFromSupplier) &&
    Number.isFinite(totalToRecipient) &&
    totalToRecipient > 0
    ? tivFromSupplier / totalToRecipient
    : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Definitions.

const SOURCE =
  "SIPRI Arms Transfers Database, trade register export (arms_transfers.tiv_delivered, TIV delivery values by delivery year)";
const CITATION =
  "Stockholm International Peace Research Institute (SIPRI), SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers; measure: SIPRI Arms Transfers Database methodology (trend-indicator value, TIV)";

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: "arms",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
});

export const ARMS_INDICATORS: readonly IndicatorDef[] = [
  def(
    "arms_tiv_a_to_b",
    "Major conventional arms delivered by a to b in the year (sum of SIPRI TIV delivery values; 0 within coverage when none and both are COW system members, else null).",
    "TIV million",
  ),
  def(
    "arms_tiv_b_to_a",
    "Major conventional arms delivered by b to a in the year (sum of SIPRI TIV delivery values; 0 within coverage when none and both are COW system members, else null).",
    "TIV million",
  ),
  def(
    "arms_share_b_from_a",
    "Share of all TIV delivered to b in the year (by every supplier, states or not) that came from a.",
    "share (0–1) of TIV",
  ),
  def(
    "arms_share_a_from_b",
    "Share of all TIV delivered to a in the year (by every supplier, states or not) that came from b.",
    "share (0–1) of TIV",
  ),
];

// ---------------------------------------------------------------------------------------------
// SQL and the join into the frame.

/**
 * `AND col IN (…)` with the codes as integer literals (ClickHouse has no unnest/string_split);
 * empty when the frame does not restrict the states.
 */
function inStates(col: string, states: readonly number[] | null): string {
  return states === null ? "" : ` AND ${col} IN (${intList(states)})`;
}

interface PairRow {
  s: number;
  r: number;
  y: number;
  tiv: number | null;
}

interface TotalRow {
  r: number;
  y: number;
  total: number | null;
}

async function compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
  const cols: Record<string, Column> = {};
  for (const d of ARMS_INDICATORS) cols[d.name] = nullColumn(frame);
  if (frame.length === 0) return cols;
  const { from, to, states } = frameBounds(frame);
  const params = [from, to];

  // Coverage: the delivery years present in the loaded rows (a year with no row at all is not
  // covered, even inside the min–max range).
  const yearsSql = `SELECT DISTINCT delivery_year AS y FROM arms_transfers
    WHERE delivery_year BETWEEN $1 AND $2`;
  // SUM skips a null TIV ("no deliveries identified" in SIPRI's notes): counted as 0.
  const pairsSql = `SELECT supplier_ccode AS s, recipient_ccode AS r, delivery_year AS y,
      sum(tiv_delivered) AS tiv
    FROM arms_transfers
    WHERE supplier_ccode IS NOT NULL AND recipient_ccode IS NOT NULL
      AND delivery_year BETWEEN $1 AND $2${inStates("supplier_ccode", states)}${inStates("recipient_ccode", states)}
    GROUP BY supplier_ccode, recipient_ccode, delivery_year`;
  // Every supplier counts towards a recipient's total, resolved to a state or not.
  const totalsSql = `SELECT recipient_ccode AS r, delivery_year AS y, sum(tiv_delivered) AS total
    FROM arms_transfers
    WHERE recipient_ccode IS NOT NULL
      AND delivery_year BETWEEN $1 AND $2${inStates("recipient_ccode", states)}
    GROUP BY recipient_ccode, delivery_year`;

  // One after the other: a store may hold a single connection.
  const years = await store.query<{ y: number }>(yearsSql, params);
  const pairs = await store.query<PairRow>(pairsSql, params);
  const totals = await store.query<TotalRow>(totalsSql, params);
  const covered = new Set(years.map((r) => r.y));
  if (covered.size === 0) return cols;
  const tiv = new Map<number, number>();
  for (const p of pairs) tiv.set(directedKey(p.s, p.r, p.y), p.tiv ?? 0);
  const member = memberLookup();
  const total = new Map<number, number>();
  for (const t of totals) total.set(stateYearKey(t.r, t.y), t.total ?? 0);

  const tivAB = cols.arms_tiv_a_to_b as Column;
  const tivBA = cols.arms_tiv_b_to_a as Column;
  const shareBfromA = cols.arms_share_b_from_a as Column;
  const shareAfromB = cols.arms_share_a_from_b as Column;
  for (let i = 0; i < frame.length; i++) {
    const a = frame.a[i] as number;
    const b = frame.b[i] as number;
    const y = frame.year[i] as number;
    if (a === b || !covered.has(y)) continue;
    const listedAB = tiv.get(directedKey(a, b, y));
    const listedBA = tiv.get(directedKey(b, a, y));
    const listed = listedAB !== undefined || listedBA !== undefined;
    if (!listed && !(member(a, y) && member(b, y))) continue; // not a dyad of the system: null
    const ab = listedAB ?? 0;
    const ba = listedBA ?? 0;
    tivAB[i] = ab;
    tivBA[i] = ba;
    shareBfromA[i] = armsShare(ab, total.get(stateYearKey(b, y)) ?? 0);
    shareAfromB[i] = armsShare(ba, total.get(stateYearKey(a, y)) ?? 0);
  }
  return cols;
}

export const armsFamily: FamilyComputer = {
  family: "arms",
  indicators: ARMS_INDICATORS,
  compute,
};

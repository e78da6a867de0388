/**
 * Arms-supply dependence over five-year windows (SIPRI advises against reading single years of
 * its lumpy TIV data: a year's share can be one delivery). For the years t−4…t: the share of a's
 * arms imports that came from b, and the reverse; a state's dependence on the other is that
 * share when it imported at least ARMS_MIN_TIV in the window, else 0 (too little to depend on
 * anyone). arms_dependence_5y = dependence of a on b − dependence of b on a, with a bootstrap
 * interval over the deals of the window. See docs/indicators.md (Arms transfers, five-year
 * windows).
 */

import { quantileSorted, seededRandom, seedOf } from "../core/random.js";
import { directedKey, type Frame, frameBounds, stateYearKey } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { memberLookup } from "./alliances.js";
import {
  type Column,
  type ComputeOptions,
  type FamilyComputer,
  type IndicatorDef,
  nullColumn,
} from "./indicator.js";

/** Years in a window (t−4…t). */
export const ARMS_WINDOW = 5;
/** Minimum TIV million a state must import in a window for its supplier shares to count. */
export const ARMS_MIN_TIV = 50;
/** Bootstrap replicates of arms_dependence_5y's interval. */
export const ARMS_REPLICATES = 500;

const SOURCE =
  "SIPRI Arms Transfers Database, trade register (arms_transfers.tiv_delivered summed over five delivery years)";
const CITATION =
  "Stockholm International Peace Research Institute (SIPRI), SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers; SIPRI TIV methodology (multi-year aggregates advised); window, minimum volume and interval: Entente (docs/indicators.md#five-year-windows).";

const def = (name: string, description: string, unit: string, onRequest = false): IndicatorDef => ({
  name,
  family: "arms",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
  ...(onRequest ? { onRequest: true } : {}),
});

export const ARMS_WINDOW_INDICATORS: readonly IndicatorDef[] = [
  def(
    "arms_share_a_from_b_5y",
    `Share of all TIV delivered to a in the five years up to this one that came from b (null when a received less than ${ARMS_MIN_TIV} TIV million in those years, or a year of the window is not covered).`,
    "share (0–1) of TIV",
  ),
  def(
    "arms_share_b_from_a_5y",
    `Share of all TIV delivered to b in the five years up to this one that came from a (null when b received less than ${ARMS_MIN_TIV} TIV million in those years, or a year of the window is not covered).`,
    "share (0–1) of TIV",
  ),
  def(
    "arms_dependence_5y",
    `Arms-supply dependence of a on b minus that of b on a over the five years up to this one, −1…+1 (above 0: a depends more on b). A state's dependence is its supplier share, or 0 when it imported less than ${ARMS_MIN_TIV} TIV million in the window.`,
    "difference of shares (−1…+1)",
  ),
  def(
    "arms_dependence_5y_lo",
    "Lower end of the 95% bootstrap interval of arms_dependence_5y (the deals delivered to each state in the window resampled 500 times).",
    "difference of shares (−1…+1)",
    true,
  ),
  def(
    "arms_dependence_5y_hi",
    "Upper end of the 95% bootstrap interval of arms_dependence_5y.",
    "difference of shares (−1…+1)",
    true,
  ),
];

/** One recipient's deals over a window: TIV per deal and whether it came from the partner. */
export interface WindowDeals {
  readonly tiv: Float64Array;
  readonly fromPartner: Uint8Array;
}

/** A state's dependence on a partner: partner / total, or 0 when total is under the minimum. */
export function dependenceShare(total: number, fromPartner: number): number {
  return total >= ARMS_MIN_TIV && total > 0 ? fromPartner / total : 0;
}

/** {@link dependenceShare} of window deals, each counted `weights[i]` times (1 by default). */
export function dependenceOf(deals: WindowDeals, weights?: Int32Array): number {
  let total = 0;
  let partner = 0;
  for (let i = 0; i < deals.tiv.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    const t = (deals.tiv[i] as number) * w;
    total += t;
    if (deals.fromPartner[i]) partner += t;
  }
  return dependenceShare(total, partner);
}

/**
 * Percentile interval of dependence(a) − dependence(b) with each state's deals resampled with
 * replacement, independently.
 */
export function dependenceInterval(
  a: WindowDeals,
  b: WindowDeals,
  seed: number,
  replicates = ARMS_REPLICATES,
): [number, number] {
  const random = seededRandom(seed);
  const draws = new Float64Array(replicates);
  const wa = new Int32Array(a.tiv.length);
  const wb = new Int32Array(b.tiv.length);
  const resample = (w: Int32Array) => {
    w.fill(0);
    for (let i = 0; i < w.length; i++) {
      const k = Math.floor(random() * w.length);
      w[k] = (w[k] as number) + 1;
    }
  };
  for (let r = 0; r < replicates; r++) {
    resample(wa);
    resample(wb);
    draws[r] = dependenceOf(a, wa) - dependenceOf(b, wb);
  }
  draws.sort();
  return [quantileSorted(draws, 0.025), quantileSorted(draws, 0.975)];
}

interface DealRow {
  r: number;
  s: number | null;
  y: number;
  deal: number;
  tiv: number | null;
}

async function compute(
  store: Store,
  frame: Frame,
  opts?: ComputeOptions,
): Promise<Record<string, Column>> {
  const out: Record<string, Column> = {};
  for (const d of ARMS_WINDOW_INDICATORS) out[d.name] = nullColumn(frame);
  if (frame.length === 0) return out;
  const { from, to, states } = frameBounds(frame);
  const lo = from - (ARMS_WINDOW - 1);
  const years = new Set(
    (
      await store.query<{ y: number }>(
        "SELECT DISTINCT delivery_year AS y FROM arms_transfers WHERE delivery_year BETWEEN $1 AND $2",
        [lo, to],
      )
    ).map((r) => Number(r.y)),
  );
  if (years.size === 0) return out;
  const recipients = states === null ? "" : ` AND recipient_ccode IN (${intList(states)})`;
  // Deals delivered to the frame's states in the window years, summed per deal and year; every
  // supplier counts towards the total, resolved to a state or not.
  const rows = await store.query<DealRow>(
    `SELECT recipient_ccode AS r, supplier_ccode AS s, delivery_year AS y, deal_id AS deal,
       sum(tiv_delivered) AS tiv
     FROM arms_transfers
     WHERE recipient_ccode IS NOT NULL AND delivery_year BETWEEN $1 AND $2${recipients}
     GROUP BY recipient_ccode, supplier_ccode, delivery_year, deal_id`,
    [lo, to],
  );
  // Per recipient-year, the deal rows delivered that year (for intervals), the year's total, and
  // per recipient-supplier-year the partner's part.
  const byRecipientYear = new Map<number, DealRow[]>();
  const totalOf = new Map<number, number>();
  const pairTiv = new Map<number, number>();
  // Summed in a fixed order: float sums then agree to the last bit on every backend.
  rows.sort(
    (p, q) =>
      Number(p.r) - Number(q.r) ||
      Number(p.y) - Number(q.y) ||
      Number(p.s ?? -1) - Number(q.s ?? -1) ||
      Number(p.deal) - Number(q.deal),
  );
  for (const r of rows) {
    const k = stateYearKey(Number(r.r), Number(r.y));
    const list = byRecipientYear.get(k) ?? [];
    list.push(r);
    byRecipientYear.set(k, list);
    const tiv = Number(r.tiv ?? 0);
    totalOf.set(k, (totalOf.get(k) ?? 0) + tiv);
    if (r.s !== null) {
      const pk = directedKey(Number(r.s), Number(r.r), Number(r.y));
      pairTiv.set(pk, (pairTiv.get(pk) ?? 0) + tiv);
    }
  }
  /** Total TIV delivered to `recipient` over the window and the part from `supplier`. */
  const windowSums = (recipient: number, supplier: number, year: number): [number, number] => {
    let total = 0;
    let part = 0;
    for (let t = year - ARMS_WINDOW + 1; t <= year; t++) {
      total += totalOf.get(stateYearKey(recipient, t)) ?? 0;
      part += pairTiv.get(directedKey(supplier, recipient, t)) ?? 0;
    }
    return [total, part];
  };
  const windowDeals = (recipient: number, partner: number, year: number): WindowDeals => {
    // One entry per deal over the window (a deal delivered over several years is one unit).
    const perDeal = new Map<string, { tiv: number; partner: boolean }>();
    for (let t = year - ARMS_WINDOW + 1; t <= year; t++) {
      for (const r of byRecipientYear.get(stateYearKey(recipient, t)) ?? []) {
        const key = `${r.s ?? "x"}:${r.deal}`;
        const e = perDeal.get(key) ?? { tiv: 0, partner: Number(r.s) === partner };
        e.tiv += Number(r.tiv ?? 0);
        perDeal.set(key, e);
      }
    }
    // In key order: the resampling depends on the order of the units, and a backend may return
    // rows in any order.
    const list = [...perDeal.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([, e]) => e);
    return {
      tiv: Float64Array.from(list.map((e) => e.tiv)),
      fromPartner: Uint8Array.from(list.map((e) => (e.partner ? 1 : 0))),
    };
  };
  const intervals =
    (opts?.wanted?.has("arms_dependence_5y_lo") ?? false) ||
    (opts?.wanted?.has("arms_dependence_5y_hi") ?? false);
  const member = memberLookup();
  const shareAB = out.arms_share_a_from_b_5y as Column;
  const shareBA = out.arms_share_b_from_a_5y as Column;
  const dep = out.arms_dependence_5y as Column;
  const depLo = out.arms_dependence_5y_lo as Column;
  const depHi = out.arms_dependence_5y_hi as Column;
  for (let i = 0; i < frame.length; i++) {
    const a = frame.a[i] as number;
    const b = frame.b[i] as number;
    const y = frame.year[i] as number;
    if (a === b || !member(a, y) || !member(b, y)) continue;
    let covered = true;
    for (let t = y - ARMS_WINDOW + 1; t <= y && covered; t++) covered = years.has(t);
    if (!covered) continue;
    const [totalA, fromB] = windowSums(a, b, y);
    const [totalB, fromA] = windowSums(b, a, y);
    const depA = dependenceShare(totalA, fromB);
    const depB = dependenceShare(totalB, fromA);
    if (totalA >= ARMS_MIN_TIV) shareAB[i] = depA;
    if (totalB >= ARMS_MIN_TIV) shareBA[i] = depB;
    dep[i] = depA - depB;
    if (intervals) {
      const da = windowDeals(a, b, y);
      const db = windowDeals(b, a, y);
      // Seeded by the ordered pair: (b, a) gets the mirror image of (a, b).
      const [l, h] =
        a < b
          ? dependenceInterval(da, db, seedOf(a, b, y))
          : (dependenceInterval(db, da, seedOf(b, a, y))
              .map((v) => -v)
              .reverse() as [number, number]);
      depLo[i] = l;
      depHi[i] = h;
    }
  }
  return out;
}

/** The five-year arms columns (family `arms`). */
export const armsWindowFamily: FamilyComputer = {
  family: "arms",
  indicators: ARMS_WINDOW_INDICATORS,
  compute,
};

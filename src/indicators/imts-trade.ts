/**
 * Bilateral and national trade from the IMF's IMTS (table trade_imts), annual, in current
 * million US$, by the rules the trade family splices after COW (docs/indicators.md, "Trade after
 * COW"): imports of a from b as a reports them (CIF), else b's reported exports to a (FOB); a
 * state's total trade = its imports from and exports to the world (both reported).
 */
import { IMTS_EXPORTS, IMTS_IMPORTS, IMTS_WORLD } from "../sources/imf-imts.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";

/** `AND reporter_ccode IN (…)` with integer literals (both backends), or nothing. */
function reporterClause(states: readonly number[] | null): string {
  return states === null ? "" : ` AND reporter_ccode IN (${intList(states)})`;
}

interface ImtsRow {
  r: number;
  c: number | null;
  cp: string;
  ind: string;
  year: number;
  v: number | null;
}

/**
 * Annual IMTS values after `after` (null: every year): per (reporter, counterpart or the world,
 * indicator, year) one value; two rows of one key that disagree (codes of one state from two
 * queries) give null rather than a pick.
 */
export async function loadImts(
  store: Store,
  after: number | null,
  to: number,
  states: readonly number[] | null,
): Promise<Map<string, number>> {
  const rows = await store.query<ImtsRow>(
    `SELECT reporter_ccode AS r, counterpart_ccode AS c, counterpart AS cp, indicator AS ind, year, value_musd AS v
     FROM trade_imts
     WHERE frequency = 'A' AND reporter_ccode IS NOT NULL AND year > $1 AND year <= $2
       AND indicator IN ('${IMTS_EXPORTS}', '${IMTS_IMPORTS}')${reporterClause(states)}`,
    [after ?? -1, to],
  );
  const out = new Map<string, number>();
  const bad = new Set<string>();
  for (const x of rows) {
    const partner = IMTS_WORLD.has(x.cp) ? "world" : x.c === null ? null : String(x.c);
    if (partner === null || x.v === null || !Number.isFinite(x.v)) continue;
    const k = imtsKey(Number(x.r), partner, x.ind, Number(x.year));
    const had = out.get(k);
    if (had !== undefined && had !== x.v) bad.add(k);
    out.set(k, x.v);
  }
  for (const k of bad) out.delete(k);
  return out;
}

export const imtsKey = (
  reporter: number,
  partner: string,
  indicator: string,
  year: number,
): string => `${reporter}|${partner}|${indicator}|${year}`;

/** Imports of a from b by IMTS: a's report (CIF), else b's exports to a (FOB); NaN if neither. */
export function imtsImports(
  imts: ReadonlyMap<string, number>,
  a: number,
  b: number,
  y: number,
): number {
  return (
    imts.get(imtsKey(a, String(b), IMTS_IMPORTS, y)) ??
    imts.get(imtsKey(b, String(a), IMTS_EXPORTS, y)) ??
    Number.NaN
  );
}

/** Trade_i by IMTS: i's imports from and exports to the world; NaN unless both are reported. */
export function imtsNational(imts: ReadonlyMap<string, number>, i: number, y: number): number {
  const m = imts.get(imtsKey(i, "world", IMTS_IMPORTS, y));
  const x = imts.get(imtsKey(i, "world", IMTS_EXPORTS, y));
  return m === undefined || x === undefined ? Number.NaN : m + x;
}

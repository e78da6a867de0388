/**
 * Formal alliances (METHODS.md "Formal alliances"): ATOP 5.1 obligations and COW 4.1 alliance
 * types per undirected dyad-year. See docs/indicators.md (Formal alliances).
 *
 * The value of a dyad-year is the maximum over every row listed for it: both directions (a→b and
 * b→a) and, in per-treaty files, every treaty. Within the years the loaded rows cover, a dyad-year
 * that no row lists is 0 when both states are COW system members that year, and null otherwise
 * (the dataset's universe is the state system: an unlisted non-member is unknown, not "no
 * alliance"). Outside coverage everything is null.
 */
import { isSystemMember } from "../core/crosswalk.js";
import { directedKey, type Frame, frameBounds, stateYearKey } from "../frames/frame.js";
import { intList, quoteIdent } from "../store/sql.js";
import type { Store } from "../store/store.js";
import {
  type Column,
  type Family,
  type FamilyComputer,
  type IndicatorDef,
  nullColumn,
} from "./indicator.js";

// ---------------------------------------------------------------------------------------------
// Pure rules (unit-tested without a store)

/** An inclusive range of years. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** Whether `year` lies in one of the ranges. */
export function inRanges(ranges: readonly YearRange[], year: number): boolean {
  for (const r of ranges) if (year >= r.from && year <= r.to) return true;
  return false;
}

/**
 * The undirected value of one obligation from the aggregate of the rows listed for a dyad-year
 * (both directions, all treaties): `max` = maximum of the known values (null when none is known),
 * `missing` = number of rows where the value is missing.
 * Any row with 1 gives 1; otherwise a missing value makes the result unknown (null), since the
 * missing row could hold the 1; otherwise the maximum (0). No rows at all gives null: what an
 * unlisted dyad-year means is decided by {@link dyadYearValue}, not here.
 */
export function obligationFromAggregate(max: number | null, missing: number): number | null {
  if (max !== null && max >= 1) return max;
  if (missing > 0) return null;
  return max;
}

/** {@link obligationFromAggregate} over the listed values themselves (null = missing cell). */
export function undirectedObligation(values: readonly (number | null)[]): number | null {
  let max: number | null = null;
  let missing = 0;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) missing++;
    else if (max === null || v > max) max = v;
  }
  return obligationFromAggregate(max, missing);
}

export interface DyadYearCell {
  /** a and b are the same state: not a dyad. */
  readonly sameState: boolean;
  /** The year lies in the coverage of the loaded rows. */
  readonly covered: boolean;
  /** At least one row lists the dyad-year (either direction). */
  readonly listed: boolean;
  /** The undirected value from the listed rows (null when unknown). */
  readonly value: number | null;
  /** Both states are COW system members in the year. */
  readonly bothMembers: boolean;
}

/**
 * The reported value of a "listed only when present" dyad-year table (NaN = null): the listed
 * value; else, inside coverage, 0 when both states are system members and null otherwise;
 * null outside coverage and for a state paired with itself.
 */
export function dyadYearValue(c: DyadYearCell): number {
  if (c.sameState || !c.covered) return Number.NaN;
  if (c.listed) return c.value ?? Number.NaN;
  return c.bothMembers ? 0 : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Shared with the other dyad families of this folder

/** COW system membership per state-year, cached (a panel asks for the same state-years often). */
export function memberLookup(): (ccode: number, year: number) => boolean {
  const cache = new Map<number, boolean>();
  return (ccode, year) => {
    const k = stateYearKey(ccode, year);
    let m = cache.get(k);
    if (m === undefined) {
      m = isSystemMember(ccode, year);
      cache.set(k, m);
    }
    return m;
  };
}

/** First and last year of the loaded rows of a table, per file that loaded them. */
export async function fileYearRanges(
  store: Store,
  table: string,
  yearColumn: string,
): Promise<Array<YearRange & { readonly fileId: number }>> {
  const y = quoteIdent(yearColumn);
  const rows = await store.query<{ file_id: number; lo: number; hi: number }>(
    `SELECT file_id, min(${y}) AS lo, max(${y}) AS hi FROM ${quoteIdent(table)}
     WHERE ${y} IS NOT NULL GROUP BY file_id ORDER BY file_id`,
  );
  return rows.map((r) => ({ fileId: Number(r.file_id), from: Number(r.lo), to: Number(r.hi) }));
}

// ---------------------------------------------------------------------------------------------
// Families

interface AllianceSpec {
  readonly family: Family;
  readonly table: "atop_ddy" | "cow_alliance_ddy";
  /** Indicator names are the table's column names. */
  readonly indicators: readonly IndicatorDef[];
}

function allianceFamily(spec: AllianceSpec): FamilyComputer {
  return {
    family: spec.family,
    indicators: spec.indicators,
    async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
      const names = spec.indicators.map((d) => d.name);
      const out: Record<string, Column> = {};
      for (const n of names) out[n] = nullColumn(frame);
      if (frame.length === 0) return out;

      const ranges = await fileYearRanges(store, spec.table, "year");
      if (ranges.length === 0) return out;
      const bounds = frameBounds(frame);
      const from = Math.max(bounds.from, Math.min(...ranges.map((r) => r.from)));
      const to = Math.min(bounds.to, Math.max(...ranges.map((r) => r.to)));
      if (from > to) return out;

      // One row per undirected dyad-year: max and count of missing values over both directions
      // and every treaty (aliases m<j>/n<j> for indicator j). Grouped by alias, not position:
      // ClickHouse 18.16 has no positional GROUP BY.
      const aggs = names
        .map((n, j) => {
          const c = quoteIdent(n);
          return `max(${c}) AS m${j}, count(*) - count(${c}) AS n${j}`;
        })
        .join(", ");
      const stateFilter = bounds.states
        ? ` AND ccode1 IN (${intList(bounds.states)}) AND ccode2 IN (${intList(bounds.states)})`
        : "";
      const rows = await store.query<Record<string, number | null>>(
        `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, year, ${aggs}
         FROM ${quoteIdent(spec.table)}
         WHERE year BETWEEN $1 AND $2 AND ccode1 <> ccode2${stateFilter}
         GROUP BY lo, hi, year`,
        [from, to],
      );

      const k = names.length;
      const maxKeys = names.map((_, j) => `m${j}`);
      const missingKeys = names.map((_, j) => `n${j}`);
      const index = new Map<number, number>();
      const values = new Float64Array(rows.length * k);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as Record<string, number | null>;
        index.set(directedKey(Number(r.lo), Number(r.hi), Number(r.year)), i);
        for (let j = 0; j < k; j++) {
          const max = r[maxKeys[j] as string];
          const v = obligationFromAggregate(
            max === null || max === undefined ? null : Number(max),
            Number(r[missingKeys[j] as string] ?? 0),
          );
          values[i * k + j] = v ?? Number.NaN;
        }
      }

      const member = memberLookup();
      const cols = names.map((n) => out[n] as Column);
      for (let i = 0; i < frame.length; i++) {
        const a = frame.a[i] as number;
        const b = frame.b[i] as number;
        const year = frame.year[i] as number;
        const sameState = a === b;
        const covered = inRanges(ranges, year);
        if (sameState || !covered) continue; // stays NaN
        const at = index.get(a < b ? directedKey(a, b, year) : directedKey(b, a, year));
        const listed = at !== undefined;
        const bothMembers = listed || (member(a, year) && member(b, year));
        for (let j = 0; j < k; j++) {
          (cols[j] as Column)[i] = dyadYearValue({
            sameState,
            covered,
            listed,
            value: listed ? (values[at * k + j] as number) : null,
            bothMembers,
          });
        }
      }
      return out;
    },
  };
}

const ATOP_SOURCE = "ATOP 5.1 directed dyad-year (table atop_ddy)";
const ATOP_CITATION =
  'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237-60; Leeds et al., ATOP 5.1 codebook. Undirected value = maximum over both directions (Entente METHODS.md, Formal alliances).';
const COW_SOURCE = "COW Formal Alliances v4.1 dyad-year (table cow_alliance_ddy)";
const COW_CITATION =
  "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. Washington, DC: CQ Press (Correlates of War Formal Alliances v4.1). Undirected value = maximum over both directions and treaties (Entente METHODS.md, Formal alliances).";
const UNIT = "0/1";

const atopDef = (name: string, description: string): IndicatorDef => ({
  name,
  family: "atop",
  description,
  unit: UNIT,
  source: ATOP_SOURCE,
  citation: ATOP_CITATION,
});

const cowDef = (name: string, description: string): IndicatorDef => ({
  name,
  family: "cow",
  description,
  unit: UNIT,
  source: COW_SOURCE,
  citation: COW_CITATION,
});

/** ATOP 5.1 obligations per undirected dyad-year. */
export const atopFamily: FamilyComputer = allianceFamily({
  family: "atop",
  table: "atop_ddy",
  indicators: [
    atopDef(
      "atop_defense",
      "1 if either state has an ATOP defense obligation to the other in the year, else 0.",
    ),
    atopDef(
      "atop_offense",
      "1 if either state has an ATOP offense obligation to the other in the year, else 0.",
    ),
    atopDef(
      "atop_neutral",
      "1 if either state has an ATOP neutrality obligation to the other in the year, else 0.",
    ),
    atopDef(
      "atop_nonagg",
      "1 if either state has an ATOP non-aggression obligation to the other in the year, else 0.",
    ),
    atopDef(
      "atop_consul",
      "1 if either state has an ATOP consultation obligation to the other in the year, else 0.",
    ),
  ],
});

/** COW Formal Alliances v4.1 types per undirected dyad-year. */
export const cowFamily: FamilyComputer = allianceFamily({
  family: "cow",
  table: "cow_alliance_ddy",
  indicators: [
    cowDef(
      "cow_defense",
      "1 if the two states share a COW defense pact in force in the year, else 0.",
    ),
    cowDef(
      "cow_neutral",
      "1 if the two states share a COW neutrality pact in force in the year, else 0.",
    ),
    cowDef(
      "cow_nonagg",
      "1 if the two states share a COW non-aggression pact in force in the year, else 0.",
    ),
    cowDef("cow_entente", "1 if the two states share a COW entente in force in the year, else 0."),
  ],
});

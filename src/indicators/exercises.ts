/**
 * Military exercises (METHODS.md "Military exercises"): exercises_joint = number of exercises
 * starting in the year in which both states take part. See docs/indicators.md (Military exercises).
 *
 * Several exercise datasets may be loaded into the one `exercises` table (MME v7 and the JME
 * coding sheet cover the same exercises for 1980–2010). So that no exercise is counted twice,
 * each start year is counted from ONE dataset: the preferred one among those whose loaded rows
 * cover that year (MME, then JME, then any other by name). Within that dataset, rows with the
 * same normalised name and the same start date are one exercise (JME repeats an exercise from
 * several news reports); unnamed rows are never merged.
 */

import { cite } from "../core/bibliography.js";
import { directedKey, type Frame, frameBounds } from "../frames/frame.js";
import type { SqlDialect } from "../store/dialect.js";
import { DUCKDB_DIALECT } from "../store/duckdb/dialect.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import {
  dyadYearValue,
  fileYearRanges,
  inRanges,
  memberLookup,
  type YearRange,
} from "./alliances.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

// ---------------------------------------------------------------------------------------------
// Pure rules

/** Precedence of the exercise datasets (adapter names): lower wins. */
export const EXERCISE_SOURCE_PRECEDENCE: readonly string[] = ["mme", "jme"];

/** Sources in precedence order: the known ones first, then any other alphabetically. */
export function rankSources(sources: Iterable<string>): string[] {
  const rank = (s: string) => {
    const i = EXERCISE_SOURCE_PRECEDENCE.indexOf(s);
    return i < 0 ? EXERCISE_SOURCE_PRECEDENCE.length : i;
  };
  return [...new Set(sources)].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * The dataset each year is counted from: for every year covered by the loaded rows of at least
 * one source (the union of each file's first–last start year), the first source in precedence
 * order that covers it. Years covered by none are absent (null indicator).
 */
export function sourceByYear(
  files: ReadonlyArray<YearRange & { readonly source: string }>,
  from: number,
  to: number,
): Map<number, string> {
  const order = rankSources(files.map((f) => f.source));
  const bySource = new Map<string, YearRange[]>();
  for (const f of files) {
    const list = bySource.get(f.source) ?? [];
    list.push(f);
    bySource.set(f.source, list);
  }
  const out = new Map<number, string>();
  for (let y = from; y <= to; y++) {
    const s = order.find((src) => inRanges(bySource.get(src) ?? [], y));
    if (s !== undefined) out.set(y, s);
  }
  return out;
}

/**
 * Identity of an exercise within one dataset and start year: the name lower-cased with
 * whitespace collapsed, plus start month and day (unknown = 0); an unnamed row is its own
 * exercise (file and line).
 */
export function exerciseKey(
  name: string | null,
  month: number | null,
  day: number | null,
  fileId: number,
  line: number,
): string {
  const n = name === null ? "" : name.trim().toLowerCase().replace(/\s+/g, " ");
  if (n === "") return `row:${fileId}:${line}`;
  return `name:${n}:${month ?? 0}:${day ?? 0}`;
}

/**
 * Number of distinct exercises (by {@link exerciseKey}) listing both a and b. `exercises` are
 * those of one dataset and one start year.
 */
export function countJoint(
  exercises: ReadonlyArray<{ readonly key: string; readonly participants: readonly number[] }>,
  a: number,
  b: number,
): number {
  const keys = new Set<string>();
  for (const e of exercises) {
    if (a !== b && e.participants.includes(a) && e.participants.includes(b)) keys.add(e.key);
  }
  return keys.size;
}

// ---------------------------------------------------------------------------------------------
// Family

/**
 * SQL twin of {@link exerciseKey} in a store's dialect; the tests check both agree on every
 * loaded row. Numbers are turned into text explicitly: ClickHouse's `||` joins strings only.
 */
export function exerciseKeySql(sql: SqlDialect): string {
  const name = sql.trim("name");
  const num = (e: string) => sql.text(e);
  return `CASE WHEN name IS NULL OR ${name} = ''
    THEN 'row:' || ${num("file_id")} || ':' || ${num("line")}
    ELSE 'name:' || ${sql.lower(sql.regexpReplaceAll(name, "\\s+", " "))} || ':'
      || ${num("coalesce(start_month, 0)")} || ':' || ${num("coalesce(start_day, 0)")} END`;
}

/** {@link exerciseKeySql} of DuckDB (the default store), for tests and ad-hoc queries. */
export const EXERCISE_KEY_SQL = exerciseKeySql(DUCKDB_DIALECT);

/** One exercise row as read for counting: start year, exercise key, participants' COW codes. */
export interface ExerciseRow {
  readonly year: number;
  readonly key: string;
  readonly participants: readonly (number | null)[] | null;
}

/**
 * Number of distinct exercise keys per undirected dyad-year, keyed by directedKey(lo, hi, year)
 * with lo < hi. The participants of every row with the same (year, key) are pooled, as in the
 * former SQL self-join on (year, key): two states count for a key when any of its rows lists
 * one and any lists the other. `states` (when given) keeps only those codes; null codes never
 * pair. The pairs are formed here because ClickHouse 18.16 has neither unnest nor a portable
 * self-join with `<`.
 */
export function jointExerciseCounts(
  rows: Iterable<ExerciseRow>,
  states: readonly number[] | null,
): Map<number, number> {
  return jointExercises(rows, states).counts;
}

/**
 * Per undirected dyad-year (key directedKey(lo, hi, year), lo < hi): `counts`, the number of
 * distinct exercises with both states ({@link jointExerciseCounts}), and `weighted`, the sum
 * over those exercises of 1 / (k − 1), k being the number of states taking part (all of them,
 * not only those kept by `states`): a bilateral drill adds 1, an exercise of 14 states 1/13.
 */
export function jointExercises(
  rows: Iterable<ExerciseRow>,
  states: readonly number[] | null,
): { counts: Map<number, number>; weighted: Map<number, number> } {
  const keep = states === null ? null : new Set(states);
  // Participants of each exercise (year and key), pooled over its rows.
  const byExercise = new Map<number, Map<string, Set<number>>>();
  for (const r of rows) {
    const year = Number(r.year);
    let keys = byExercise.get(year);
    if (!keys) {
      keys = new Map();
      byExercise.set(year, keys);
    }
    let members = keys.get(r.key);
    if (!members) {
      members = new Set();
      keys.set(r.key, members);
    }
    for (const c of r.participants ?? []) {
      if (c === null) continue;
      members.add(Number(c));
    }
  }
  // Each (year, key) adds one to each of its pairs: a count of distinct keys per dyad-year.
  const counts = new Map<number, number>();
  const weighted = new Map<number, number>();
  // Exercises in key order: the weighted sums are then the same float on every backend.
  for (const [year, keys] of byExercise) {
    for (const key of [...keys.keys()].sort()) {
      const members = keys.get(key) as Set<number>;
      const weight = members.size > 1 ? 1 / (members.size - 1) : 0;
      const sorted = [...members].filter((c) => keep === null || keep.has(c)).sort((x, y) => x - y);
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const k = directedKey(sorted[i] as number, sorted[j] as number, year);
          counts.set(k, (counts.get(k) ?? 0) + 1);
          weighted.set(k, (weighted.get(k) ?? 0) + weight);
        }
      }
    }
  }
  return { counts, weighted };
}

const EXERCISES_JOINT: IndicatorDef = {
  name: "exercises_joint",
  family: "exercises",
  description:
    "Number of military exercises starting in the year in which both states take part (each exercise counted once).",
  unit: "count of exercises",
  source:
    "Multinational Military Exercises v7 (MME, preferred) or Joint Military Exercises v3 coding sheet (JME, for years MME does not cover), table exercises",
  citation: `${cite("dorazio2021", "dorazio2012")} Entente METHODS.md, Military exercises.`,
};

const EXERCISES_WEIGHTED: IndicatorDef = {
  ...EXERCISES_JOINT,
  name: "exercises_weighted",
  description:
    "Joint military exercises starting in the year, each weighted by 1/(k − 1) for its k participating states: a bilateral drill counts 1, an exercise of 14 states 1/13 (the share of a state's partners the other one is).",
  unit: "bilateral-exercise equivalents",
};

export const exercisesFamily: FamilyComputer = {
  family: "exercises",
  indicators: [EXERCISES_JOINT, EXERCISES_WEIGHTED],
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const col = nullColumn(frame);
    const wcol = nullColumn(frame);
    const out = { [EXERCISES_JOINT.name]: col, [EXERCISES_WEIGHTED.name]: wcol };
    if (frame.length === 0) return out;

    const sourceOf = new Map(
      (await store.files()).filter((f) => f.table === "exercises").map((f) => [f.fileId, f.source]),
    );
    const files = (await fileYearRanges(store, "exercises", "start_year")).map((r) => ({
      ...r,
      source: sourceOf.get(r.fileId) ?? `file:${r.fileId}`,
    }));
    if (files.length === 0) return out;
    const bounds = frameBounds(frame);
    const chosen = sourceByYear(files, bounds.from, bounds.to);
    if (chosen.size === 0) return out;

    // Only the files of the sources chosen for some year, only the years they were chosen for.
    const conds: string[] = [];
    for (const src of new Set(chosen.values())) {
      const years = [...chosen].filter(([, s]) => s === src).map(([y]) => y);
      const ids = files.filter((f) => f.source === src).map((f) => f.fileId);
      conds.push(`(file_id IN (${intList(ids)}) AND start_year IN (${intList(years)}))`);
    }
    // Plain rows (the lists come back as arrays on both backends); pairs are formed in JS.
    const rows = await store.query<{ year: number; k: string; p: (number | null)[] | null }>(
      `SELECT start_year AS year, ${exerciseKeySql(store.sql)} AS k, participant_ccodes AS p
       FROM exercises WHERE (${conds.join(" OR ")})`,
    );
    const { counts, weighted } = jointExercises(
      rows.map((r) => ({ year: r.year, key: r.k, participants: r.p })),
      bounds.states,
    );

    const member = memberLookup();
    for (let i = 0; i < frame.length; i++) {
      const a = frame.a[i] as number;
      const b = frame.b[i] as number;
      const year = frame.year[i] as number;
      const sameState = a === b;
      const covered = chosen.has(year);
      if (sameState || !covered) continue; // stays NaN
      const key = a < b ? directedKey(a, b, year) : directedKey(b, a, year);
      const n = counts.get(key);
      const listed = n !== undefined;
      const cell = {
        sameState,
        covered,
        listed,
        bothMembers: listed || (member(a, year) && member(b, year)),
      };
      col[i] = dyadYearValue({ ...cell, value: n ?? null });
      wcol[i] = dyadYearValue({ ...cell, value: weighted.get(key) ?? null });
    }
    return out;
  },
};

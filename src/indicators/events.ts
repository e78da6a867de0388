/**
 * Event-data cooperation indicators per dyad and period (METHODS.md "Event data"), one family per
 * source: `gdelt_*` from gdelt_events, `icews_*` from icews_events. See docs/indicators.md.
 *
 * The two states of an event are its actors' countries (GDELT Actor1/Actor2CountryCode, ICEWS
 * Source/Target Country) resolved to COW codes at load; events with a blank, regional or
 * non-state side belong to no dyad but count in the period's volume (the `share` denominator).
 * The quad class comes from the CAMEO root for both sources (01–05, 06–08, 09–13, 14–20), not
 * from GDELT's recorded QuadClass, which files roots 09 and 14 differently.
 */

import { cite } from "../core/bibliography.js";
import { quadClassSql } from "../core/cameo.js";
import {
  type Frame,
  frameBounds,
  type PeriodKind,
  periodCode,
  periodKind,
} from "../frames/frame.js";
import type { SqlDialect } from "../store/dialect.js";
import { coveredSeconds, loadedSpans } from "../store/event-coverage.js";
import { CUBE_TABLE, VOLUME_TABLE } from "../store/event-cube.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { memberLookup } from "./alliances.js";
import {
  type Column,
  type ComputeOptions,
  type EventFilter,
  type Family,
  type FamilyComputer,
  type IndicatorDef,
  nullColumn,
} from "./indicator.js";

/** Sums over the events of one directed dyad-period. */
export interface EventTally {
  n: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  /** Σ Goldstein and the number of events with a Goldstein value. */
  gs: number;
  gn: number;
  /** Σ Goldstein × mentions and Σ mentions (GDELT). */
  gm: number;
  m: number;
}

export const emptyTally = (): EventTally => ({
  n: 0,
  q1: 0,
  q2: 0,
  q3: 0,
  q4: 0,
  gs: 0,
  gn: 0,
  gm: 0,
  m: 0,
});

export function addTally(into: EventTally, t: EventTally): EventTally {
  into.n += t.n;
  into.q1 += t.q1;
  into.q2 += t.q2;
  into.q3 += t.q3;
  into.q4 += t.q4;
  into.gs += t.gs;
  into.gn += t.gn;
  into.gm += t.gm;
  into.m += t.m;
  return into;
}

/** Tally a list of events (root code, Goldstein, mentions): the METHODS.md worked vector. */
export function tallyEvents(
  events: ReadonlyArray<readonly [string, number | null, number | null]>,
): EventTally {
  const t = emptyTally();
  for (const [root, g, m] of events) {
    const r = Number(root);
    t.n += 1;
    if (r >= 1 && r <= 5) t.q1 += 1;
    else if (r >= 6 && r <= 8) t.q2 += 1;
    else if (r >= 9 && r <= 13) t.q3 += 1;
    else if (r >= 14 && r <= 20) t.q4 += 1;
    if (g !== null) {
      t.gs += g;
      t.gn += 1;
      if (m !== null) {
        t.gm += g * m;
        t.m += m;
      }
    }
  }
  return t;
}

/** The indicator values of one tally (null where undefined: no events, no mentions). */
export function eventMeasures(t: EventTally, periodTotal: number) {
  const n = t.n;
  return {
    events: n,
    verbal_coop: t.q1,
    material_coop: t.q2,
    verbal_conflict: t.q3,
    material_conflict: t.q4,
    goldstein_sum: t.gs,
    goldstein_mean: t.gn > 0 ? t.gs / t.gn : null,
    goldstein_mentions_mean: t.m > 0 ? t.gm / t.m : null,
    net_coop: n > 0 ? (t.q1 + t.q2 - t.q3 - t.q4) / n : null,
    share: periodTotal > 0 ? (n / periodTotal) * 1e6 : null,
  };
}

type Measure = keyof ReturnType<typeof eventMeasures>;

interface SourceSpec {
  readonly family: Family;
  readonly prefix: string;
  readonly table: "gdelt_events" | "icews_events";
  readonly a: string;
  readonly b: string;
  readonly goldstein: string;
  /** Mentions column, when the source has one. */
  readonly mentions: string | null;
  /** SQL of the quad class (1–4) of a row from its CAMEO root, in the store's dialect. */
  readonly quad: (sql: SqlDialect) => string;
  readonly filters: boolean;
  readonly sourceText: string;
  readonly citation: string;
}

const GDELT: SourceSpec = {
  family: "gdelt",
  prefix: "gdelt_",
  table: "gdelt_events",
  a: "actor1_ccode",
  b: "actor2_ccode",
  goldstein: "goldstein",
  mentions: "num_mentions",
  quad: (sql) => quadClassSql("event_root_code", sql.tryInt),
  filters: true,
  sourceText: "GDELT 1.0/2.0 event records (table gdelt_events)",
  citation: `${cite("leetaru2013", "schrodt2012", "goldstein1992")} Entente METHODS.md, Event data.`,
};

const ICEWS: SourceSpec = {
  family: "icews",
  prefix: "icews_",
  table: "icews_events",
  a: "source_ccode",
  b: "target_ccode",
  goldstein: "intensity",
  mentions: null,
  quad: () => "quad_class",
  filters: false,
  sourceText: "ICEWS coded events (table icews_events)",
  citation: `${cite("boschee2015", "schrodt2012")} Entente METHODS.md, Event data.`,
};

const DIRECTION =
  "a → b in a directed frame (panel --directed, dyad --directed), else both directions";

function defs(s: SourceSpec): IndicatorDef[] {
  const d = (name: string, description: string, unit: string): IndicatorDef => ({
    name: `${s.prefix}${name}`,
    family: s.family,
    description,
    unit,
    source: s.sourceText,
    citation: s.citation,
  });
  const out = [
    d("events", `events between a and b in the period (${DIRECTION})`, "events"),
    d("verbal_coop", "events with CAMEO root 01–05 (verbal cooperation)", "events"),
    d("material_coop", "events with CAMEO root 06–08 (material cooperation)", "events"),
    d("verbal_conflict", "events with CAMEO root 09–13 (verbal conflict)", "events"),
    d("material_conflict", "events with CAMEO root 14–20 (material conflict)", "events"),
    d("goldstein_sum", "Σ Goldstein scale over the events", "Goldstein points"),
    d("goldstein_mean", "mean Goldstein scale of the events (null without events)", "-10…+10"),
  ];
  if (s.mentions) {
    out.push(
      d(
        "goldstein_mentions_mean",
        "mentions-weighted mean Goldstein: Σ G·mentions / Σ mentions",
        "-10…+10",
      ),
    );
  }
  out.push(
    d(
      "net_coop",
      "(verbal coop + material coop − verbal conflict − material conflict) / events",
      "-1…+1",
    ),
    d(
      "share",
      "events between a and b per million events of the source in the period (volume-normalised)",
      "per million events",
    ),
    d(
      "covered_share",
      "share of the period's time covered by the loaded files (null: none covers any of it)",
      "0–1 of the period",
    ),
    d(
      "covered_minutes",
      "minutes of the period covered by the loaded files (15 for one GDELT 2.0 update; null: none)",
      "minutes",
    ),
    d(
      "uncovered_events",
      "events between a and b dated in a period no loaded file covers (re-reported by files of other periods); counted nowhere else",
      "events",
    ),
  );
  return out;
}

/** Indicators that are not a measure of the period's events (filled apart). */
const COVERAGE_NAMES = new Set(["covered_share", "covered_minutes", "uncovered_events"]);

/** SQL of the period code of a date (periodCode of indicator.ts): 2016, 20163 or 201603. */
function periodSql(kind: PeriodKind, sql: SqlDialect, date: string): string {
  const y = sql.year(date);
  if (kind === "year") return y;
  if (kind === "quarter") return `${y} * 10 + ${sql.quarter(date)}`;
  return `${y} * 100 + ${sql.month(date)}`;
}

function filterSql(s: SourceSpec, f: EventFilter | undefined, params: unknown[]): string {
  if (!s.filters || !f) return "";
  let sql = "";
  if (f.rootOnly) sql += " AND is_root_event";
  if (f.minSources !== undefined) {
    params.push(f.minSources);
    sql += ` AND num_sources >= $${params.length}`;
  }
  if (f.minArticles !== undefined) {
    params.push(f.minArticles);
    sql += ` AND num_articles >= $${params.length}`;
  }
  return sql;
}

/** `YYYY-01-01` of a year (four digits, as a DATE literal needs). */
function isoYearStart(year: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new Error(`not a year: ${year}`);
  return `${String(year).padStart(4, "0")}-01-01`;
}

/** First second (Unix, UTC) of a period and of the next one: [start, end). */
export function periodSpan(kind: PeriodKind, code: number): { start: number; end: number } {
  const t = (y: number, m: number) => Date.UTC(y, m - 1, 1) / 1000;
  if (kind === "year") return { start: t(code, 1), end: t(code + 1, 1) };
  if (kind === "quarter") {
    const y = Math.floor(code / 10);
    const q = code % 10;
    return { start: t(y, 3 * q - 2), end: t(y, 3 * q + 1) };
  }
  const y = Math.floor(code / 100);
  const m = code % 100;
  return { start: t(y, m), end: t(y, m + 1) };
}

/** Period code (as periodSql) of an ISO date `YYYY-MM-DD`. */
export function dayPeriod(kind: PeriodKind, iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (kind === "year") return y;
  if (kind === "quarter") return y * 10 + Math.floor((m + 2) / 3);
  return y * 100 + m;
}

/** Key of a directed dyad-period (period codes are below 10^6). */
const dpKey = (a: number, b: number, p: number): number => (a * 1000 + b) * 1e6 + p;

type Bounds = ReturnType<typeof frameBounds>;

interface Queries {
  /** Events per day in the frame's years (with the filter's root flag): `d`, `n`. */
  volume(): Promise<Array<{ d: string; n: number }>>;
  /** Sums per directed dyad and period among the frame's states. */
  tallies(): Promise<Array<Record<string, number>>>;
}

type QueryMaker = (
  s: SourceSpec,
  store: Store,
  bounds: Bounds,
  kind: PeriodKind,
  filter: EventFilter | undefined,
) => Queries;

/** The frame's date range on a date column, as DATE literals of our own integers. */
function dateRange(column: string, bounds: Bounds, sql: SqlDialect): string {
  return `${column} >= ${sql.date(isoYearStart(bounds.from))} AND ${column} < ${sql.date(isoYearStart(bounds.to + 1))}`;
}

/** The frame's states as integer literals (codes, never text), when it names them. */
function statesSql(a: string, b: string, bounds: Bounds): string {
  return bounds.states
    ? ` AND ${a} IN (${intList(bounds.states)}) AND ${b} IN (${intList(bounds.states)})`
    : "";
}

/** Counts per quad class of a tally: Σ `weight` over the rows of each class (q, 1–4). */
function quadSums(sql: SqlDialect, weight: string | null): string {
  return [1, 2, 3, 4]
    .map((n) =>
      weight === null
        ? `${sql.countIf(`q = ${n}`)} AS q${n}`
        : `coalesce(${sql.sumIf(weight, `q = ${n}`)}, 0) AS q${n}`,
    )
    .join(", ");
}

/** Volume and tallies from the event cube (src/store/event-cube.ts). */
const cubeQueries: QueryMaker = (s, store, bounds, kind, filter) => {
  const sql = store.sql;
  const where = `table_name = ${sql.literal(s.table)} AND ${dateRange("day", bounds, sql)}${s.filters && filter?.rootOnly ? " AND is_root" : ""}`;
  return {
    volume: () =>
      store.query(
        `SELECT day AS d, sum(events) AS n FROM ${VOLUME_TABLE} WHERE ${where} GROUP BY day`,
      ),
    tallies: () =>
      store.query(
        `SELECT a, b, ${periodSql(kind, sql, "day")} AS p, sum(events) AS n, ${quadSums(sql, "events")},
           sum(goldstein_sum) AS gs, sum(goldstein_n) AS gn, sum(goldstein_mentions) AS gm,
           sum(mentions_g) AS m
         FROM (SELECT a, b, day, ${quadClassSql("root", sql.tryInt)} AS q, events, goldstein_sum,
                 goldstein_n, goldstein_mentions, mentions_g
               FROM ${CUBE_TABLE} WHERE ${where}${statesSql("a", "b", bounds)})
         GROUP BY a, b, p`,
      ),
  };
};

/** Volume and tallies from the event rows: for filters the cube cannot answer. */
const rowQueries: QueryMaker = (s, store, bounds, kind, filter) => {
  const sql = store.sql;
  const params: unknown[] = [];
  const where = `${dateRange("event_date", bounds, sql)}${filterSql(s, filter, params)}`;
  const m = s.mentions;
  return {
    volume: () =>
      store.query(
        `SELECT event_date AS d, count(*) AS n FROM ${s.table} WHERE ${where} GROUP BY event_date`,
        params,
      ),
    tallies: () =>
      store.query(
        `SELECT ${s.a} AS a, ${s.b} AS b, ${periodSql(kind, sql, "event_date")} AS p, count(*) AS n,
           ${quadSums(sql, null)}, coalesce(sum(g), 0) AS gs, count(g) AS gn,
           ${m ? `coalesce(${sql.sumIf(`g * ${m}`, `${m} IS NOT NULL`)}, 0)` : "0"} AS gm,
           ${m ? `coalesce(${sql.sumIf(m, "g IS NOT NULL")}, 0)` : "0"} AS m
         FROM (SELECT ${s.a}, ${s.b}, event_date, ${s.quad(sql)} AS q, ${s.goldstein} AS g${m ? `, ${m}` : ""}
               FROM ${s.table}
               WHERE ${where} AND ${s.a} IS NOT NULL AND ${s.b} IS NOT NULL${statesSql(s.a, s.b, bounds)})
         GROUP BY a, b, p`,
        params,
      ),
  };
};

async function computeSource(
  s: SourceSpec,
  store: Store,
  frame: Frame,
  opts: ComputeOptions | undefined,
): Promise<Record<string, Column>> {
  const indicators = defs(s);
  const out: Record<string, Column> = {};
  for (const d of indicators) out[d.name] = nullColumn(frame);
  const bounds = frameBounds(frame);
  if (frame.length === 0 || bounds.states?.length === 0) return out;
  const kind = periodKind(frame);
  const filter = opts?.events;
  // The cube answers every query but those filtering on a count of the event itself (minimum
  // sources or articles): those read the rows (docs/indicators.md, "The event cube").
  const fromCube =
    !s.filters || filter === undefined || (filter.minSources ?? filter.minArticles) === undefined;
  const read = fromCube
    ? cubeQueries(s, store, bounds, kind, filter)
    : rowQueries(s, store, bounds, kind, filter);

  // The volume per period, counted per day and summed here: a day is in one period whatever
  // the period kind, and grouping by the raw date is far cheaper than computing a period for
  // each of millions of rows (ClickHouse reads it out of the date text).
  const totals = new Map<number, number>();
  for (const r of await read.volume()) {
    const p = dayPeriod(kind, String(r.d));
    totals.set(p, (totals.get(p) ?? 0) + Number(r.n));
  }
  // The time the loaded files cover in each period of the frame (src/store/event-coverage.ts).
  const spans = await loadedSpans(
    store,
    s.table,
    Date.UTC(bounds.from, 0, 1) / 1000,
    Date.UTC(bounds.to + 1, 0, 1) / 1000,
  );
  const covered = new Map<number, { seconds: number; length: number }>();
  for (let i = 0; i < frame.length; i++) {
    const p = periodCode(frame, i);
    if (covered.has(p)) continue;
    const { start, end } = periodSpan(kind, p);
    covered.set(p, { seconds: coveredSeconds(spans, start, end), length: end - start });
  }
  if (!totals.size && !spans.length) return out;

  const rows = await read.tallies();
  const tallies = new Map<number, EventTally>();
  for (const r of rows) {
    tallies.set(dpKey(Number(r.a), Number(r.b), Number(r.p)), {
      n: Number(r.n),
      q1: Number(r.q1),
      q2: Number(r.q2),
      q3: Number(r.q3),
      q4: Number(r.q4),
      gs: Number(r.gs),
      gn: Number(r.gn),
      gm: Number(r.gm),
      m: Number(r.m),
    });
  }
  const directed = frame.directed === true;
  const member = memberLookup();
  const coverageCol = out[`${s.prefix}covered_share`] as Column;
  const uncoveredCol = out[`${s.prefix}uncovered_events`] as Column;
  const minutesCol = out[`${s.prefix}covered_minutes`] as Column;
  for (let i = 0; i < frame.length; i++) {
    const p = periodCode(frame, i);
    const cover = covered.get(p);
    const fraction = cover ? cover.seconds / cover.length : 0;
    const total = totals.get(p) ?? 0;
    const a = frame.a[i] as number;
    const b = frame.b[i] as number;
    const y = frame.year[i] as number;
    const ab = tallies.get(dpKey(a, b, p));
    const ba = directed ? undefined : tallies.get(dpKey(b, a, p));
    // "No event between them" means 0 only for two states of the system; events the source does
    // attribute to a non-member are kept (the alliance family's rule).
    const listed = ab !== undefined || ba !== undefined;
    const dyad = listed || (member(a, y) && member(b, y));
    if (fraction === 0) {
      // No loaded file covers the period: its events are unknown. Events dated in it that files
      // of other periods re-report are shown apart, never as the period's count.
      if (total > 0 && dyad) uncoveredCol[i] = (ab?.n ?? 0) + (ba?.n ?? 0);
      continue;
    }
    coverageCol[i] = fraction;
    minutesCol[i] = (cover?.seconds ?? 0) / 60;
    if (!dyad) continue;
    const t = addTally(emptyTally(), ab ?? emptyTally());
    if (ba) addTally(t, ba);
    const v = eventMeasures(t, total);
    for (const d of indicators) {
      const key = d.name.slice(s.prefix.length);
      if (COVERAGE_NAMES.has(key)) continue;
      const x = v[key as Measure];
      (out[d.name] as Column)[i] = x === null ? Number.NaN : x;
    }
  }
  return out;
}

const PERIODS: readonly PeriodKind[] = ["year", "quarter", "month"];

export const gdeltFamily: FamilyComputer = {
  family: "gdelt",
  indicators: defs(GDELT),
  periods: PERIODS,
  compute: (store, frame, opts) => computeSource(GDELT, store, frame, opts),
};

export const icewsFamily: FamilyComputer = {
  family: "icews",
  indicators: defs(ICEWS),
  periods: PERIODS,
  compute: (store, frame, opts) => computeSource(ICEWS, store, frame, opts),
};

/**
 * Which stretches of time a loaded event file covers (docs/indicators.md, "Coverage of event
 * files"; docs/sources.md). An event file reports what was added in a span of time, and may
 * re-report older events: the 2019-10-24 14:30 GDELT 2.0 update holds 24 events dated 2018. A
 * period is covered by the files whose span reaches into it, never by the dates of the events
 * they hold; the spans are recorded per file at load (table `event_coverage`).
 *
 * The span of a file, by layout:
 * - GDELT 2.0 export: each DATEADDED stamp (YYYYMMDDHHMMSS, one per 15-minute update file) covers
 *   the quarter hour up to it, [stamp − 15 min, stamp).
 * - GDELT 1.0 daily-format rows (58 columns, SOURCEURL present): the day of their DATEADDED
 *   (YYYYMMDD), i.e. the daily file's day.
 * - GDELT 1.0 back-file rows (57 columns, no SOURCEURL; their DATEADDED is the date of the 2013
 *   reprocessing, not of the period): the period the file's name states (GDELT's yearly back files
 *   `1979.zip`…`2005.zip`, monthly `200601.zip`…`201303.zip`); a name that states none gives the
 *   days of the rows' SQLDATE (a partial extract then covers only the days it holds).
 * - ICEWS: the year a Dataverse name `events.YYYY.<stamp>.tab` states; any other name (the
 *   shared sample, weekly update files) gives the days of the rows' Event Date.
 *
 * Times are Unix seconds (UTC); spans are half-open [start, end).
 */
import type { EventLayoutName } from "./bulk-csv.js";
import type { CoverageFact, CoverageSpan } from "./coverage-span.js";
import type { Store } from "./store.js";

const DAY = 86_400;
const QUARTER_HOUR = 900;

const utc = (y: number, m: number, d = 1, h = 0, min = 0, s = 0): number =>
  Date.UTC(y, m - 1, d, h, min, s) / 1000;

function daySpan(iso: string | null, basis: string): CoverageSpan {
  if (iso === null) throw new Error("a coverage fact without its day");
  const start = utc(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  return { start, end: start + DAY, basis };
}

/**
 * YYYYMMDD or YYYYMMDDHHMMSS as digits → Unix seconds of that moment (UTC), or null when not a
 * valid stamp. Arithmetic, not text: a resampled file can hold hundreds of thousands of stamps.
 */
function stampSeconds(n: number): number | null {
  const t = Math.trunc(n);
  let day: number;
  let clock = 0;
  if (t >= 1e7 && t < 1e8) day = t;
  else if (t >= 1e13 && t < 1e14) {
    day = Math.floor(t / 1e6);
    clock = t % 1e6;
  } else return null;
  const y = Math.floor(day / 1e4);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  // As Date.UTC counts (a 31st of a short month runs into the next), without its cost per call.
  const seconds =
    Math.floor(clock / 1e4) * 3600 + (Math.floor(clock / 100) % 100) * 60 + (clock % 100);
  return (daysFromCivil(y, m) + d - 1) * DAY + seconds;
}

/** Days from 1970-01-01 to the first of month m (1–12) of year y ≥ 0, proleptic Gregorian. */
function daysFromCivil(year: number, m: number): number {
  // H. Hinnant's days_from_civil, for day 1 (http://howardhinnant.github.io/date_algorithms.html).
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The period a GDELT 1.0 back file or an ICEWS yearly file states in its name, if any. */
export function namedPeriod(
  layout: EventLayoutName,
  fileName: string,
): { start: number; end: number; label: string } | null {
  const base = fileName.replace(/^.*[\\/]/, "");
  if (layout === "gdelt1") {
    const m = /^(\d{4})(\d{2})?\.(csv|zip)$/i.exec(base);
    if (!m) return null;
    const y = Number(m[1]);
    if (m[2] === undefined) return { start: utc(y, 1), end: utc(y + 1, 1), label: String(y) };
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { start: utc(y, mo), end: utc(y, mo + 1), label: `${m[1]}-${m[2]}` };
  }
  if (layout === "icews") {
    const m = /^events\.(\d{4})\.\d+\.tab(\.zip)?$/i.exec(base);
    if (!m) return null;
    const y = Number(m[1]);
    return { start: utc(y, 1), end: utc(y + 1, 1), label: String(y) };
  }
  return null;
}

/** Sort and merge overlapping or touching spans (the basis of the first is kept). */
export function mergeSpans(spans: readonly CoverageSpan[]): CoverageSpan[] {
  const before = (x: CoverageSpan, y: CoverageSpan) => x.start - y.start || x.end - y.end;
  // Facts come sorted from the store (coverageFactsSql), and a resampled file may give
  // hundreds of thousands of quarter hours: sort only when needed.
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) {
    sorted = before(spans[i - 1] as CoverageSpan, spans[i] as CoverageSpan) <= 0;
  }
  const inOrder = sorted ? spans : [...spans].sort(before);
  const out: CoverageSpan[] = [];
  let last: { start: number; end: number; basis: string } | undefined;
  for (const s of inOrder) {
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else {
      last = { start: s.start, end: s.end, basis: s.basis };
      out.push(last);
    }
  }
  return out;
}

const UPDATE_BASIS = "GDELT 2.0 update: 15 minutes up to DATEADDED";

/**
 * The merged spans of GDELT 2.0 DATEADDED stamps, in any order (ascending is cheapest), repeats
 * allowed: the quarter hour up to each. mergeSpans for spans of one length, on numbers in a
 * typed array instead of one object per span: a resampled file can hold hundreds of thousands
 * of stamps (a real update file holds one).
 */
export function updateSpans(stamps: ArrayLike<unknown>): CoverageSpan[] {
  const ends = new Float64Array(stamps.length);
  let n = 0;
  for (let i = 0; i < stamps.length; i++) {
    const v = stamps[i];
    const end = v === null || v === undefined ? null : stampSeconds(Number(v));
    if (end !== null) ends[n++] = end; // the loader's rules reject other rows before this runs
  }
  // Stamps in order give ends in order, save for days past a month's end (20190431 is 1 May).
  let sorted = ends.subarray(0, n);
  for (let i = 1; i < n; i++) {
    if ((sorted[i] as number) < (sorted[i - 1] as number)) {
      sorted = sorted.sort();
      break;
    }
  }
  const out: CoverageSpan[] = [];
  let last: { start: number; end: number; basis: string } | undefined;
  for (const end of sorted) {
    const start = end - QUARTER_HOUR;
    if (last && start <= last.end) last.end = end;
    else {
      last = { start, end, basis: UPDATE_BASIS };
      out.push(last);
    }
  }
  return out;
}

/** The spans one event file covers (rules above), merged. */
export function fileCoverage(
  layout: EventLayoutName,
  fileName: string,
  facts: readonly CoverageFact[],
): CoverageSpan[] {
  if (layout === "gdelt2") return updateSpans(facts.map((f) => f.added));
  const spans: CoverageSpan[] = [];
  const named = namedPeriod(layout, fileName);
  for (const f of facts) {
    if (layout === "gdelt1" && !f.back) {
      const t = f.added === null ? null : stampSeconds(f.added);
      if (t === null) continue;
      const start = t - (t % DAY);
      spans.push({ start, end: start + DAY, basis: "GDELT 1.0 daily file: the day of DATEADDED" });
    } else if (named) {
      spans.push({
        start: named.start,
        end: named.end,
        basis: `period stated by the file name (${named.label})`,
      });
    } else {
      spans.push(
        daySpan(
          f.day,
          layout === "icews"
            ? "ICEWS file without a yearly Dataverse name: the days of its events"
            : "GDELT 1.0 back-file rows, no period in the file name: the days of their SQLDATE",
        ),
      );
    }
  }
  return mergeSpans(spans);
}

/** SQL of the facts of one file's rows in an event table (both backends). */
export function coverageFactsSql(
  table: "gdelt_events" | "icews_events",
  dayText: string,
  fileId: number,
): string {
  if (table === "icews_events") {
    return `SELECT NULL AS added, 0 AS back, ${dayText} AS day, count(*) AS n
      FROM ${table} WHERE file_id = ${Math.trunc(fileId)} GROUP BY day ORDER BY day`;
  }
  // GDELT: the day only for back-file rows (no SOURCEURL); every other row is one DATEADDED.
  return `SELECT date_added AS added, CASE WHEN source_url IS NULL THEN 1 ELSE 0 END AS back,
      CASE WHEN source_url IS NULL THEN ${dayText} END AS day, count(*) AS n
    FROM ${table} WHERE file_id = ${Math.trunc(fileId)}
    GROUP BY added, back, day ORDER BY added, day`;
}

export function toFacts(rows: ReadonlyArray<Record<string, unknown>>): CoverageFact[] {
  return rows.map((r) => ({
    added: r.added === null || r.added === undefined ? null : Number(r.added),
    back: Number(r.back) === 1,
    day: r.day === null || r.day === undefined ? null : String(r.day).slice(0, 10),
    rows: Number(r.n),
  }));
}

const LAYOUT_OF_SOURCE: Readonly<Record<string, EventLayoutName>> = {
  "gdelt1-events": "gdelt1",
  "gdelt2-events": "gdelt2",
  "icews-events": "icews",
};

/**
 * Spans of event files loaded before the store recorded them (schema < 4), derived by the same
 * rules from the rows they left in the table (rows a later file re-delivered were counted as
 * that file's duplicates and are not there: re-load to be exact). Returns the rows to insert.
 */
export async function backfillSpans(
  store: Pick<Store, "query" | "sql">,
): Promise<Array<CoverageSpan & { fileId: number; table: string }>> {
  const files = await store.query<{
    file_id: number;
    path: string;
    source: string;
    table_name: string;
  }>(
    "SELECT file_id, path, source, table_name FROM provenance WHERE table_name IN ('gdelt_events', 'icews_events') ORDER BY file_id",
  );
  const out: Array<CoverageSpan & { fileId: number; table: string }> = [];
  for (const f of files) {
    const layout = LAYOUT_OF_SOURCE[String(f.source)];
    if (!layout) continue;
    const table = String(f.table_name) as "gdelt_events" | "icews_events";
    const facts = toFacts(
      await store.query(coverageFactsSql(table, store.sql.text("event_date"), Number(f.file_id))),
    );
    for (const s of fileCoverage(layout, String(f.path), facts)) {
      out.push({ ...s, fileId: Number(f.file_id), table });
    }
  }
  return out;
}

/** The merged spans of the loaded files of an event table that reach into [lo, hi). */
export async function loadedSpans(
  store: Store,
  table: "gdelt_events" | "icews_events",
  lo: number,
  hi: number,
): Promise<CoverageSpan[]> {
  const rows = await store.query<{ s: number; e: number }>(
    `SELECT span_start AS s, span_end AS e FROM event_coverage
     WHERE table_name = '${table}' AND span_end > ${Math.trunc(lo)} AND span_start < ${Math.trunc(hi)}`,
  );
  return mergeSpans(rows.map((r) => ({ start: Number(r.s), end: Number(r.e), basis: "" })));
}

/** Seconds of [lo, hi) that merged spans cover. */
export function coveredSeconds(spans: readonly CoverageSpan[], lo: number, hi: number): number {
  let n = 0;
  for (const s of spans) {
    const a = Math.max(s.start, lo);
    const b = Math.min(s.end, hi);
    if (b > a) n += b - a;
  }
  return n;
}

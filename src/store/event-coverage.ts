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
import type { Store } from "./store.js";

export interface CoverageSpan {
  readonly start: number;
  readonly end: number;
  /** How the span was found, for provenance ("GDELT 2.0 update DATEADDED 20191024143000"). */
  readonly basis: string;
}

/** The rows of one file grouped by what the rules read. */
export interface CoverageFact {
  /** DATEADDED (GDELT), null for ICEWS. */
  readonly added: number | null;
  /** A GDELT 1.0 row in the back-file format (no SOURCEURL). */
  readonly back: boolean;
  /** Event date, YYYY-MM-DD. */
  readonly day: string;
  readonly rows: number;
}

const DAY = 86_400;
const QUARTER_HOUR = 900;

const utc = (y: number, m: number, d = 1, h = 0, min = 0, s = 0): number =>
  Date.UTC(y, m - 1, d, h, min, s) / 1000;

function daySpan(iso: string, basis: string): CoverageSpan {
  const start = utc(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  return { start, end: start + DAY, basis };
}

/** YYYYMMDD or YYYYMMDDHHMMSS as digits → its parts (null when not a valid stamp). */
function stamp(
  n: number,
): { y: number; m: number; d: number; h: number; mi: number; s: number } | null {
  const t = String(Math.trunc(n));
  if (!/^\d{8}(\d{6})?$/.test(t)) return null;
  const p = (a: number, b: number) => Number(t.slice(a, b));
  const r = {
    y: p(0, 4),
    m: p(4, 6),
    d: p(6, 8),
    h: p(8, 10) || 0,
    mi: p(10, 12) || 0,
    s: p(12, 14) || 0,
  };
  return r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31 ? r : null;
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
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: CoverageSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { ...last, end: s.end };
    } else out.push({ ...s });
  }
  return out;
}

/** The spans one event file covers (rules above), merged. */
export function fileCoverage(
  layout: EventLayoutName,
  fileName: string,
  facts: readonly CoverageFact[],
): CoverageSpan[] {
  const spans: CoverageSpan[] = [];
  const named = namedPeriod(layout, fileName);
  for (const f of facts) {
    if (layout === "gdelt2") {
      const t = f.added === null ? null : stamp(f.added);
      if (t === null) continue; // the loader's rules reject such rows before this runs
      const end = utc(t.y, t.m, t.d, t.h, t.mi, t.s);
      spans.push({
        start: end - QUARTER_HOUR,
        end,
        basis: "GDELT 2.0 update: 15 minutes up to DATEADDED",
      });
    } else if (layout === "gdelt1" && !f.back) {
      const t = f.added === null ? null : stamp(f.added);
      if (t === null) continue;
      const start = utc(t.y, t.m, t.d);
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
  const gdelt = table === "gdelt_events";
  return `SELECT ${gdelt ? "date_added" : "NULL"} AS added,
      ${gdelt ? "CASE WHEN source_url IS NULL THEN 1 ELSE 0 END" : "0"} AS back,
      ${dayText} AS day, count(*) AS n
    FROM ${table} WHERE file_id = ${Math.trunc(fileId)}
    GROUP BY added, back, day`;
}

export function toFacts(rows: ReadonlyArray<Record<string, unknown>>): CoverageFact[] {
  return rows.map((r) => ({
    added: r.added === null || r.added === undefined ? null : Number(r.added),
    back: Number(r.back) === 1,
    day: String(r.day).slice(0, 10),
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

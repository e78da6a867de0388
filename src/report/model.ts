/**
 * Everything a report shows, gathered once from the store (and a case, when given); the HTML
 * and Markdown writers only format this model.
 */
import { basename } from "node:path";
import { type AssessResult, assess } from "../assess/assess.js";
import { loadCase } from "../assess/case-file.js";
import { resolveCasePath } from "../assess/case-location.js";
import { RULES } from "../assess/scoring.js";
import { BadInputError } from "../core/errors.js";
import { checkYear, FIRST_YEAR } from "../core/years.js";
import { loadedYearRange } from "../frames/coverage.js";
import { dyad } from "../frames/dyad.js";
import type { StateRef } from "../frames/dyad-result.js";
import { indicatorFit } from "../indicators/ideal-points.js";
import type { Family, IndicatorDef } from "../indicators/indicator.js";
import { indicatorDef } from "../indicators/registry.js";
import { describeSources } from "../sources/describe.js";
import type { Store } from "../store/store.js";
import { type BlocSection, blocSection } from "./blocs-section.js";
import { IDEAL_REFERENCES, idealPointsChart } from "./charts/ideal-points.js";
import { type Chart, renderSvg, reportCharts } from "./charts/index.js";
import {
  type EventFiles,
  type EventSource,
  eventSentenceYear,
  type Row,
  type Sentence,
  summarize,
} from "./summary.js";
import { trendSentences } from "./trend-sentences.js";

/** Indicators the report's table shows (when they have data), in order. */
export const TABLE_INDICATORS: readonly string[] = [
  "un_agree",
  "un_pi",
  "un_ideal_distance",
  "trade_share_a",
  "trade_share_b",
  "trade_asymmetry",
  "arms_tiv_a_to_b",
  "arms_tiv_b_to_a",
  "arms_share_b_from_a_5y",
  "arms_share_a_from_b_5y",
  "arms_dependence_5y",
  "atop_defense",
  "atop_offense",
  "atop_neutral",
  "atop_nonagg",
  "atop_consul",
  "igo_shared_rank",
  "mid_hostlev",
  "exercises_joint",
  "exercises_weighted",
  "cinc_ratio",
  "gdelt_events",
  "gdelt_net_coop",
  "icews_events",
  "icews_net_coop",
  "cooperation_index",
  "hostility_index",
  "alignment_index",
  "dependence_asymmetry",
];

/** Tables each indicator family reads: the datasets a report cites. */
const FAMILY_TABLES: Readonly<Record<Family, readonly string[]>> = {
  un: ["un_votes", "un_rollcalls"],
  atop: ["atop_ddy"],
  cow: ["cow_alliance_ddy"],
  trade: ["trade_dyadic", "trade_national", "country_series"],
  arms: ["arms_transfers"],
  exercises: ["exercises"],
  cinc: ["nmc"],
  igo: ["igo_dyad_year"],
  contiguity: ["contiguity"],
  mid: ["mid_dyad_year"],
  gdelt: ["gdelt_events"],
  icews: ["icews_events"],
  icews_dy: ["icews_dyad_year"],
  un_ideal: ["un_votes", "un_rollcalls", "un_matches"],
  composite: [],
};

export interface ReportChart {
  readonly chart: Chart;
  /** Null when the chart has no data ("no data" is printed instead). */
  readonly svg: string | null;
}

export interface DatasetUsed {
  readonly source: string;
  readonly title: string;
  readonly version: string;
  readonly citation: string;
  readonly lastYear: number | null;
  readonly files: ReadonlyArray<{ path: string; sha256: string; rows: number; loadedAt: string }>;
}

export interface ReportModel {
  readonly title: string;
  readonly question: string | null;
  readonly a: StateRef;
  readonly b: StateRef;
  readonly from: number;
  readonly to: number;
  /** The case's own period, when a case is assessed (the report's period unless overridden). */
  readonly casePeriod: { readonly from: number; readonly to: number } | null;
  /** UTC date the report was generated (YYYY-MM-DD). */
  readonly generated: string;
  readonly sentences: readonly Sentence[];
  readonly charts: readonly ReportChart[];
  /** Years (rows) and indicators (columns) of the table under the summary. */
  readonly table: {
    readonly years: readonly number[];
    readonly indicators: readonly IndicatorDef[];
    readonly rows: readonly Row[];
  };
  readonly assessment: AssessResult | null;
  /** "<A> and <B> among the blocs": null when no UN votes fall in the period. */
  readonly blocs: BlocSection | null;
  readonly datasets: readonly DatasetUsed[];
  /** Every indicator the report shows, for the methods section. */
  readonly indicators: readonly IndicatorDef[];
}

export interface ReportOptions {
  readonly from?: number;
  readonly to?: number;
  /** A case file, or a case name: its local copy in `casesDir`, else the bundled case. */
  readonly caseRef?: string;
  /** Where local cases are (default ./entente-cases, as `entente serve`). */
  readonly casesDir?: string;
  /** Fixed generation date (tests); default today (UTC). */
  readonly generated?: string;
}

const hasValue = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/** The loaded files holding events of `table` dated in `year`, and how many events they hold. */
async function eventFilesOf(store: Store, table: string, year: number): Promise<EventFiles> {
  const y = (n: number) => store.sql.date(`${String(n).padStart(4, "0")}-01-01`);
  const counts = await store.query<{ file_id: number; n: number }>(
    `SELECT file_id, count(*) AS n FROM ${table} WHERE event_date >= ${y(year)} AND event_date < ${y(year + 1)} GROUP BY file_id`,
  );
  const paths = new Map((await store.files()).map((f) => [f.fileId, f.path]));
  const files = counts
    .map((c) => basename(paths.get(Number(c.file_id)) ?? `file ${c.file_id}`))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { year, files, events: counts.reduce((s, c) => s + Number(c.n), 0) };
}

export async function buildReport(
  store: Store,
  a: string,
  b: string,
  opts: ReportOptions = {},
): Promise<ReportModel> {
  const kase = opts.caseRef ? await loadCase(resolveCasePath(opts.caseRef, opts.casesDir)) : null;
  const loaded = await loadedYearRange(store);
  if (!loaded && !kase && (opts.from === undefined || opts.to === undefined)) {
    throw new BadInputError("no_data", "No data loaded", {
      hint: "Load data first with `entente ingest <dir>` (or run `entente demo --data <dir>`)",
    });
  }
  if (opts.from !== undefined) checkYear(opts.from, "--from");
  if (opts.to !== undefined) checkYear(opts.to, "--to");
  // With a case, its period unless --from/--to say otherwise: the title a case gives ("Russia
  // and China, 2014-2023: …") and the period under it are then one period.
  const casePeriod = kase?.period ?? null;
  const to = opts.to ?? casePeriod?.to ?? (loaded?.to as number);
  const from =
    opts.from ??
    (casePeriod && casePeriod.from <= to
      ? Math.max(casePeriod.from, FIRST_YEAR)
      : Math.max(loaded?.from ?? to - 30, to - 30, FIRST_YEAR));
  if (from > to) throw new BadInputError("bad_years", `--from ${from} is after --to ${to}`);
  const d = await dyad(store, a, b, { from, to });
  const names = { a: d.dyad.a.name, b: d.dyad.b.name };
  const rows = d.rows as Row[];

  const charts: ReportChart[] = [];
  const chartOpts = { ...names, ...(d.trends ? { trends: d.trends } : {}) };
  // UN ideal points, with the USA, the UK and India for reference, when a fit is stored.
  const fit = await indicatorFit(store);
  const idealChart = fit
    ? idealPointsChart(
        (await store.idealPoints(fit.fitId)).filter(
          (p) =>
            p.year >= from &&
            p.year <= to &&
            [d.dyad.a.ccode, d.dyad.b.ccode, ...IDEAL_REFERENCES.map(([c]) => c)].includes(p.ccode),
        ),
        { a: d.dyad.a.ccode, b: d.dyad.b.ccode },
        chartOpts,
      )
    : null;
  for (const chart of reportCharts(rows, chartOpts)) {
    charts.push({ chart, svg: chart.hasData ? await renderSvg(chart) : null });
    if (chart.id === "un-voting" && idealChart) {
      charts.push({
        chart: idealChart,
        svg: idealChart.hasData ? await renderSvg(idealChart) : null,
      });
    }
  }

  const eventFiles: Partial<Record<EventSource, EventFiles>> = {};
  for (const src of ["gdelt", "icews"] as const) {
    const year = eventSentenceYear(rows, src);
    if (year !== null) eventFiles[src] = await eventFilesOf(store, `${src}_events`, year);
  }
  const sentences = [
    ...summarize(rows, names, eventFiles),
    ...(fit === undefined
      ? [
          {
            topic: "un",
            text: "UN ideal points are not fitted for the loaded votes: `entente ideal-points` fits them once (a minute or two) and the report then shows them.",
            cites: [],
          },
        ]
      : []),
    ...trendSentences(d.trends, names),
  ];
  const cited = new Set(sentences.flatMap((s) => s.cites.map((c) => c.indicator)));
  const columns = [...new Set([...TABLE_INDICATORS, ...cited])].filter((n) =>
    rows.some((r) => hasValue(r[n])),
  );
  const tableRows = rows.filter((r) => columns.some((n) => hasValue(r[n])));
  const tableIndicators = columns.flatMap((n) => {
    const def = indicatorDef(n);
    return def ? [def] : [];
  });

  const assessment = kase ? await assess(store, kase, [...RULES]) : null;
  const blocs = await blocSection(store, d.dyad.a, d.dyad.b, { from, to });
  if (assessment) {
    for (const e of kase?.evidence ?? []) {
      const def = e.binding ? indicatorDef(e.binding.indicator) : undefined;
      if (def && !tableIndicators.includes(def)) tableIndicators.push(def);
    }
  }

  // The datasets behind the indicators shown: every loaded file of their tables.
  const families = new Set(tableIndicators.map((d) => d.family));
  if (families.has("composite"))
    for (const f of Object.keys(FAMILY_TABLES)) families.add(f as Family);
  const tables = new Set([...families].flatMap((f) => FAMILY_TABLES[f]));
  const files = (await store.files()).filter((f) => tables.has(f.table) && f.rowsLoaded > 0);
  const described = (await describeSources(store)).sources;
  const datasets: DatasetUsed[] = described
    .filter((s) => files.some((f) => f.source === s.name))
    .map((s) => ({
      source: s.name,
      title: s.title,
      version: s.version,
      citation: s.citation,
      lastYear: s.loaded.to,
      files: files
        .filter((f) => f.source === s.name)
        .map((f) => ({ path: f.path, sha256: f.sha256, rows: f.rowsLoaded, loadedAt: f.loadedAt })),
    }));

  return {
    title: kase?.title ?? `${names.a} and ${names.b}, ${from}–${to}`,
    question: kase?.question ?? null,
    a: d.dyad.a,
    b: d.dyad.b,
    from,
    to,
    casePeriod,
    generated: opts.generated ?? new Date().toISOString().slice(0, 10),
    sentences,
    charts,
    table: {
      years: tableRows.map((r) => r.year as number),
      indicators: tableIndicators,
      rows: tableRows,
    },
    assessment,
    blocs,
    datasets,
    indicators: tableIndicators,
  };
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  allianceTimeline,
  armsChart,
  asymmetryItems,
  asymmetryProfile,
  type Chart,
  type ChartRow,
  eventsChart,
  exercisesChart,
  renderSvg,
  reportCharts,
  tradeSharesChart,
  unVotingChart,
} from "../../../src/report/charts/index.js";

const GOLDEN = fileURLToPath(new URL("../golden/", import.meta.url));
const OPTS = { a: "Russia", b: "China" };

// ---------------------------------------------------------------------------------------------
// A small hand-made Russia–China fixture: 1999 and 2006 carry no data at all (trimmed from the
// x range), other gaps are deliberate (un_kappa 2001, arms 2004, COW from 2003, ICEWS from 2004).

const COLUMNS = [
  "un_agree",
  "un_kappa",
  "trade_share_a",
  "trade_share_b",
  "arms_tiv_a_to_b",
  "arms_tiv_b_to_a",
  "atop_defense",
  "atop_offense",
  "atop_neutral",
  "atop_nonagg",
  "atop_consul",
  "cow_defense",
  "cow_neutral",
  "cow_nonagg",
  "cow_entente",
  "exercises_joint",
  "gdelt_net_coop",
  "icews_net_coop",
  "gdelt_events",
  "icews_events",
  "gdelt_goldstein_mean",
  "icews_goldstein_mean",
  "trade_asymmetry",
  "arms_share_b_from_a",
  "arms_share_a_from_b",
  "cinc_a",
  "cinc_b",
  "dependence_asymmetry",
  "arms_dependence_5y",
  "arms_share_a_from_b_5y",
  "arms_share_b_from_a_5y",
  "cooperation_index",
  "hostility_index",
  "alignment_index",
] as const;
type Col = (typeof COLUMNS)[number];

function row(
  year: number,
  values: Partial<Record<Col, number | null>>,
  coverage?: string,
): ChartRow {
  const r: Record<string, number | string | null> = { year };
  for (const c of COLUMNS) r[c] = values[c] ?? null;
  if (coverage !== undefined) r.alignment_index_coverage = coverage;
  return r;
}

/** The alignment profile of a year: cooperation c, hostility h, net c − h. */
const profile = (c: number, h: number) => ({
  cooperation_index: c,
  hostility_index: h,
  alignment_index: Number((c - h).toFixed(4)),
});
const CORE = "un_pi+atop+igo+mid";

const ATOP_NONE = {
  atop_defense: 0,
  atop_offense: 0,
  atop_neutral: 0,
  atop_nonagg: 0,
  atop_consul: 0,
};
const ATOP_2001 = { ...ATOP_NONE, atop_nonagg: 1, atop_consul: 1 };
const COW_NONE = { cow_defense: 0, cow_neutral: 0, cow_nonagg: 0, cow_entente: 0 };

const ROWS: ChartRow[] = [
  row(1999, {}),
  row(
    2000,
    {
      un_agree: 0.8512345,
      un_kappa: 0.6234567,
      trade_share_a: 0.0551234,
      trade_share_b: 0.0213,
      arms_tiv_a_to_b: 1800.4,
      arms_tiv_b_to_a: 0,
      ...ATOP_NONE,
      ...COW_NONE,
      exercises_joint: 0,
      icews_net_coop: 0.3512,
      icews_events: 1200,
      trade_asymmetry: 0.72,
      arms_share_b_from_a: 0.9012,
      cinc_a: 0.0512,
      cinc_b: 0.1489,
      ...profile(0.6, 0.4),
    },
    CORE,
  ),
  row(
    2001,
    {
      un_agree: 0.87,
      trade_share_a: 0.061,
      trade_share_b: 0.0199,
      arms_tiv_a_to_b: 2900,
      arms_tiv_b_to_a: 0,
      ...ATOP_2001,
      ...COW_NONE,
      cow_entente: 1,
      exercises_joint: 1,
      icews_net_coop: 0.41,
      icews_events: 1500,
      trade_asymmetry: 0.75,
      arms_share_b_from_a: 0.95,
      cinc_a: 0.05,
      cinc_b: 0.155,
      ...profile(0.65, 0.35),
    },
    CORE,
  ),
  row(
    2002,
    {
      un_agree: 0.9,
      un_kappa: 0.7,
      trade_share_a: 0.066,
      trade_share_b: 0.021,
      arms_tiv_a_to_b: 2400,
      arms_tiv_b_to_a: 12,
      ...ATOP_2001,
      ...COW_NONE,
      cow_entente: 1,
      exercises_joint: 2,
      icews_net_coop: -0.12,
      icews_events: 900,
      trade_asymmetry: 0.78,
      arms_share_b_from_a: 0.88,
      arms_share_a_from_b: 0.001,
      cinc_a: 0.049,
      cinc_b: 0.16,
      ...profile(0.7, 0.3),
    },
    CORE,
  ),
  row(
    2003,
    {
      un_agree: 0.88,
      un_kappa: -0.05,
      trade_share_a: 0.08,
      trade_share_b: 0.02,
      arms_tiv_a_to_b: 2000,
      arms_tiv_b_to_a: 0,
      ...ATOP_2001,
      exercises_joint: 0,
      gdelt_net_coop: 0.3,
      gdelt_events: 25000,
      icews_net_coop: 0.2,
      icews_events: 1000,
      trade_asymmetry: 0.8,
      arms_share_b_from_a: 0.85,
      arms_share_a_from_b: 0,
      cinc_a: 0.048,
      cinc_b: 0.17,
      arms_dependence_5y: -0.8512,
      arms_share_b_from_a_5y: 0.8512,
      ...profile(0.68, 0.2),
    },
    CORE,
  ),
  row(
    2004,
    {
      trade_share_a: 0.1,
      trade_share_b: 0.019,
      ...ATOP_2001,
      exercises_joint: 3,
      gdelt_net_coop: 0.35,
      gdelt_events: 30000,
      trade_asymmetry: 0.84,
      cinc_a: 0.047,
      cinc_b: 0.18,
    },
    "missing un_pi",
  ),
  row(
    2005,
    {
      trade_share_a: 0.113,
      trade_share_b: 0.0184,
      arms_tiv_a_to_b: 1500,
      arms_tiv_b_to_a: 40,
      exercises_joint: 1,
      gdelt_net_coop: 0.42,
      gdelt_events: 31000,
      trade_asymmetry: 0.86,
      arms_share_b_from_a: 0.7,
      arms_share_a_from_b: 0.02,
      arms_dependence_5y: -0.8,
      arms_share_b_from_a_5y: 0.82,
      arms_share_a_from_b_5y: 0.02,
    },
    "missing un_pi+igo+mid",
  ),
  row(2006, {}),
];

/** The same years with every indicator null. */
const EMPTY: ChartRow[] = ROWS.map((r) => row(r.year as number, {}));

/** Quarterly event rows (rows keyed by `period`, as `dyad(..., { period: "quarter" })` gives). */
const QUARTERS: ChartRow[] = [
  { period: "2016-Q1", gdelt_net_coop: 0.2, gdelt_events: 100, icews_net_coop: null },
  { period: "2016-Q2", gdelt_net_coop: -0.1, gdelt_events: 90, icews_net_coop: null },
  { period: "2016-Q3", gdelt_net_coop: null, gdelt_events: 0, icews_net_coop: null },
  { period: "2016-Q4", gdelt_net_coop: 0.5, gdelt_events: 120, icews_net_coop: null },
  { period: "2017-Q1", gdelt_net_coop: 0.45, gdelt_events: 110, icews_net_coop: null },
];

// ---------------------------------------------------------------------------------------------
// Golden files: test/report/golden/<name>.svg. A mismatch writes <name>-changed.svg beside the
// golden and fails; a missing golden is written (and fails only in CI, where it must exist).

function matchGolden(name: string, svg: string): void {
  mkdirSync(GOLDEN, { recursive: true });
  const file = join(GOLDEN, `${name}.svg`);
  const changed = join(GOLDEN, `${name}-changed.svg`);
  if (!existsSync(file)) {
    writeFileSync(file, svg);
    if (process.env.CI) {
      throw new Error(`golden ${file} was missing: wrote it; commit it (CI needs every golden)`);
    }
    return;
  }
  if (readFileSync(file, "utf8") === svg) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, svg);
  throw new Error(
    `SVG of ${name} differs from the golden ${file}; the new output is in ${changed}: ` +
      "compare them, and if the change is intended replace the golden with it",
  );
}

// What vega emits for the data marks of each chart: `<g class="mark-<type> role-mark <name>_marks">`
// holding one element per item with role="graphics-symbol" (the names are set in the specs).
const DATA_MARKS: Record<string, string[]> = {
  "un-voting": ["mark-line role-mark lines_marks", "mark-symbol role-mark points_marks"],
  "trade-shares": ["mark-line role-mark lines_marks", "mark-symbol role-mark points_marks"],
  arms: ["mark-rect role-mark bars_marks"],
  alliances: ["mark-rect role-mark cells_marks"],
  exercises: ["mark-rect role-mark bars_marks"],
  events: ["mark-line role-mark lines_marks", "mark-symbol role-mark points_marks"],
  asymmetry: ["mark-rect role-mark bars_marks", "mark-text role-mark value_labels_left_marks"],
  alignment: ["mark-line role-mark lines_marks", "mark-symbol role-mark points_marks"],
};

/** The number of items (role="graphics-symbol") inside the mark group with this class. */
function markItems(svg: string, cls: string): number {
  let n = 0;
  let at = svg.indexOf(`<g class="${cls}"`);
  while (at >= 0) {
    const end = svg.indexOf("</g>", at);
    n += svg.slice(at, end).split('role="graphics-symbol"').length - 1;
    at = svg.indexOf(`<g class="${cls}"`, end);
  }
  return n;
}

function expectSelfContainedAccessible(chart: Chart, svg: string): void {
  const root = svg.slice(0, svg.indexOf(">") + 1);
  expect(root).toMatch(/^<svg /);
  expect(root).toContain('role="img"');
  expect(root).toMatch(/aria-label="[^"]{20,}"/);
  expect(svg).toContain(`<title>`);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<image|<foreignObject|@font-face|@import/i);
  const urls = svg.match(/https?:\/\/[^\s"'<>)]*/g) ?? [];
  for (const url of urls)
    expect(url, `external reference in ${chart.id}`).toMatch(/^http:\/\/www\.w3\.org\//);
  expect(svg).toMatch(/font-family="Helvetica, Arial, sans-serif"/);
}

// ---------------------------------------------------------------------------------------------

describe("report charts", () => {
  const charts = reportCharts(ROWS, OPTS);

  it("come in report order, each with data, a title and a description with numbers", () => {
    expect(charts.map((c) => c.id)).toEqual([
      "un-voting",
      "trade-shares",
      "arms",
      "alliances",
      "exercises",
      "events",
      "alignment",
      "asymmetry",
    ]);
    for (const c of charts) {
      expect(c.hasData, c.id).toBe(true);
      expect(c.title).toContain("Russia");
      expect(c.description, c.id).toMatch(/\d/);
      expect(c.spec.$schema).toMatch(/vega-lite\/v6/);
    }
  });

  it.each(reportCharts(ROWS, OPTS).map((c) => [c.id, c] as const))(
    "%s: golden SVG, accessible, self-contained, with data marks, deterministic",
    async (id, chart) => {
      const svg = await renderSvg(chart);
      expectSelfContainedAccessible(chart, svg);
      for (const cls of DATA_MARKS[id] ?? []) {
        expect(markItems(svg, cls), `${id}: items in ${cls}`).toBeGreaterThan(0);
      }
      expect(await renderSvg(chart)).toBe(svg);
      matchGolden(id, svg);
    },
  );

  it("descriptions carry the key numbers, over the years that have data", () => {
    const by = Object.fromEntries(charts.map((c) => [c.id, c.description]));
    expect(by["un-voting"]).toBe(
      "UN General Assembly voting agreement of Russia and China, 2000–2003; agreement ranged from 0.85 to 0.90; Cohen's kappa ranged from −0.05 to 0.70.",
    );
    expect(by["trade-shares"]).toContain(
      "China's share of Russia's trade went from 5.5% in 2000 to 11.3% in 2005",
    );
    expect(by.arms).toContain("Russia to China 10,600 in total, most in 2001 (2,900)");
    expect(by.alliances).toContain("ATOP non-aggression 2001–2004");
    expect(by.alliances).toContain("COW entente 2001–2002");
    expect(by.alliances).toContain("grey cells: no data");
    expect(by.exercises).toContain("7 in total, at most 3 a year (2004)");
    expect(by.events).toContain("GDELT mean +0.36, latest +0.42 (2005), over 86,000 events");
    expect(by.asymmetry).toContain(
      "trade +0.09 (2005: 11.3% of Russia's trade with China, 1.8% of China's with Russia)",
    );
    expect(by.asymmetry).toContain(
      "arms −0.80 (2001–2005: 2.0% of Russia's arms imports from China, 82.0% of China's arms imports from Russia)",
    );
    // Coverage is named, with the years each set of components holds.
    expect(by.alignment).toBe(
      "Cooperation, hostility and net alignment of Russia and China; net alignment 0.48 in 2003, the latest year with every component. Components by year: un_pi+atop+igo+mid 2000–2003; missing un_pi 2004; missing un_pi+igo+mid 2005.",
    );
  });

  it("spec data are rounded to 4 significant digits", () => {
    const un = unVotingChart(ROWS, OPTS).spec as { data: { values: Array<{ value: number }> } };
    expect(un.data.values.map((v) => v.value)).toContain(0.8512);
    const trade = tradeSharesChart(ROWS, OPTS).spec as {
      data: { values: Array<{ value: number }> };
    };
    expect(trade.data.values.map((v) => v.value)).toContain(5.512);
  });

  it("trim leading and trailing years without data from the x range", () => {
    const un = unVotingChart(ROWS, OPTS).spec as { data: { values: Array<{ t: number }> } };
    const years = un.data.values.map((v) => v.t);
    expect(Math.min(...years)).toBe(2000);
    expect(Math.max(...years)).toBe(2003);
  });
});

describe("charts without data", () => {
  const fns = [
    unVotingChart,
    tradeSharesChart,
    armsChart,
    allianceTimeline,
    exercisesChart,
    eventsChart,
  ];

  it.each(fns.map((f) => [f.name, f] as const))(
    "%s: hasData false, still renders",
    async (_, f) => {
      const chart = f(EMPTY, OPTS);
      expect(chart.hasData).toBe(false);
      expect(chart.description).toMatch(/^No /);
      const svg = await renderSvg(chart);
      expectSelfContainedAccessible(chart, svg);
    },
  );

  it("the asymmetry profile has no data when no item has a value", async () => {
    const items = asymmetryItems(EMPTY, OPTS);
    expect(items.map((i) => i.value)).toEqual([null, null]);
    const chart = asymmetryProfile(items, OPTS);
    expect(chart.hasData).toBe(false);
    expectSelfContainedAccessible(chart, await renderSvg(chart));
  });

  it("the report leaves out the events chart when no GDELT or ICEWS value exists", () => {
    expect(reportCharts(EMPTY, OPTS).map((c) => c.id)).toEqual([
      "un-voting",
      "trade-shares",
      "arms",
      "alliances",
      "exercises",
      "alignment",
      "asymmetry",
    ]);
  });
});

describe("asymmetry items", () => {
  it("take each domain of dependence_asymmetry from its latest year with data; no CINC", () => {
    const items = asymmetryItems(ROWS, OPTS);
    expect(items.map((i) => i.domain)).toEqual(["Trade", "Arms"]);
    const [trade, arms] = items;
    expect(trade?.value).toBeCloseTo(0.113 - 0.0184, 10); // share_a − share_b
    expect(trade?.note).toMatch(/^2005: /);
    expect(arms?.value).toBe(-0.8); // the five-year arms dependence
    expect(arms?.note).toMatch(/^2001–2005: /);
  });

  it("say when a domain has no data, and when a state imported too little", () => {
    const items = asymmetryItems(
      [row(2010, { arms_dependence_5y: -0.4, arms_share_b_from_a_5y: 0.4, trade_share_a: 0.1 })],
      OPTS,
    );
    expect(items.map((i) => i.value)).toEqual([null, -0.4]);
    expect(items[0]?.note).toMatch(/no year/);
    expect(items[1]?.note).toContain("Russia imported under 50 TIV million");
  });

  it("show a domain without data as the words 'no data', not a bar", async () => {
    const chart = asymmetryProfile(
      [
        { domain: "Trade", value: 0.5, note: "2014: test" },
        { domain: "Arms", value: null, note: "no year with data" },
      ],
      OPTS,
    );
    expect(chart.hasData).toBe(true);
    expect(chart.description).toContain("arms no data");
    const svg = await renderSvg(chart);
    expect(markItems(svg, "mark-rect role-mark bars_marks")).toBe(1);
    expect(svg).toMatch(/class="mark-text role-mark no_data_labels_marks"[\s\S]*?>no data<\/text>/);
    expect(svg).toContain("Russia");
    expect(svg).toContain("depends more");
  });
});

describe("events per period", () => {
  it("plot quarters on the year axis, only for the sources with data", async () => {
    const chart = eventsChart(QUARTERS, OPTS);
    expect(chart.hasData).toBe(true);
    expect(chart.description).toContain("per period, 2016-Q1–2017-Q1");
    expect(chart.description).not.toContain("ICEWS");
    const spec = chart.spec as { data: { values: Array<{ t: number; series: string }> } };
    expect(new Set(spec.data.values.map((v) => v.series))).toEqual(new Set(["GDELT"]));
    expect(spec.data.values[0]?.t).toBe(2016.125);
    const svg = await renderSvg(chart);
    expect(markItems(svg, "mark-symbol role-mark points_marks")).toBe(4);
    matchGolden("events-quarterly", svg);
  });
});

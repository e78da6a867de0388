import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random.js";
import { frameOf } from "../../src/frames/frame.js";
import { expandPeriods } from "../../src/frames/periods.js";
import {
  addTally,
  emptyTally,
  eventMeasures,
  gdeltFamily,
  icewsFamily,
  tallyEvents,
} from "../../src/indicators/events.js";
import { selectIndicators } from "../../src/indicators/registry.js";
import { ingest } from "../../src/ingest/index.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fileCoverage, namedPeriod, updateSpans } from "../../src/store/event-coverage.js";
import type { Store } from "../../src/store/store.js";
import { gdeltRow } from "../event-rows.js";
import { dataFile, hasData, tempDir, tempStore } from "../helpers.js";

// METHODS.md "Event data" worked vector: (root, Goldstein, mentions).
const VECTOR: Array<[string, number, number]> = [
  ["04", 1, 10],
  ["05", 3.5, 4],
  ["03", 4, 2],
  ["06", 6, 3],
  ["11", -2, 5],
  ["13", -6, 1],
  ["17", -7, 1],
  ["01", 0, 8],
];

describe("event measures (METHODS.md worked vector)", () => {
  it("gives q = 4,1,2,1; sum −0.5; mean −0.0625; mentions-weighted 0.794118; net_coop 0.25", () => {
    const v = eventMeasures(tallyEvents(VECTOR), 8_000_000);
    expect([v.verbal_coop, v.material_coop, v.verbal_conflict, v.material_conflict]).toEqual([
      4, 1, 2, 1,
    ]);
    expect(v.events).toBe(8);
    expect(v.goldstein_sum).toBeCloseTo(-0.5, 12);
    expect(v.goldstein_mean).toBeCloseTo(-0.0625, 12);
    expect(v.goldstein_mentions_mean).toBeCloseTo(0.794118, 6);
    expect(v.net_coop).toBeCloseTo(0.25, 12);
    expect(v.share).toBeCloseTo(1, 12);
  });

  it("has no mean or net cooperation without events, and no share without volume", () => {
    const v = eventMeasures(emptyTally(), 0);
    expect(v.events).toBe(0);
    expect(v.goldstein_mean).toBeNull();
    expect(v.net_coop).toBeNull();
    expect(v.share).toBeNull();
  });

  it("adds tallies of both directions", () => {
    const t = addTally(tallyEvents(VECTOR.slice(0, 4)), tallyEvents(VECTOR.slice(4)));
    expect(t).toEqual(tallyEvents(VECTOR));
  });
});

async function storeWithEvents() {
  const store = await tempStore();
  const lines: string[] = [];
  let id = 1000;
  // The worked vector as RUS → CHN in May 2016; half the events as CHN → RUS would change
  // nothing undirected, so direction is tested with two extra events below.
  for (const [root, g, m] of VECTOR) {
    lines.push(gdeltRow(id++, "20160512", "RUS", "CHN", `${root}0`, g, m));
  }
  lines.push(gdeltRow(id++, "20160520", "CHN", "RUS", "042", 1.9, 2, { root: 0, sources: 3 }));
  // Added by the update of 00:15 on 1 June, which covers 00:00–00:15: June is covered.
  lines.push(gdeltRow(id++, "20160601", "CHN", "RUS", "190", -10, 1, { added: "20160601001500" }));
  // Volume of the period: events of other dyads and of no dyad.
  lines.push(gdeltRow(id++, "20160513", "USA", "JPN", "040", 1, 1));
  lines.push(gdeltRow(id++, "20160514", "AFR", "", "010", 0, 1));
  const dir = tempDir();
  const path = join(dir, "20160601000000.export.CSV");
  writeFileSync(path, `${lines.join("\n")}\n`);
  const r = await loadFile(store, path, { explicit: true });
  expect(r.status).toBe("loaded");
  expect(r.rows_loaded).toBe(12);
  return store;
}

describe("gdelt family", () => {
  it("computes the worked vector for RUS → CHN in 2016-05 (directed) with share per million", async () => {
    const store = await storeWithEvents();
    const frame = expandPeriods({ ...frameOf([[365, 710, 2016]]), directed: true }, "month");
    const cols = await gdeltFamily.compute(store, frame);
    const may = 4; // months 1..12 → index 4 is May
    expect(cols.gdelt_events?.[may]).toBe(8);
    expect(cols.gdelt_verbal_coop?.[may]).toBe(4);
    expect(cols.gdelt_goldstein_mean?.[may]).toBeCloseTo(-0.0625, 12);
    expect(cols.gdelt_goldstein_mentions_mean?.[may]).toBeCloseTo(0.794118, 6);
    expect(cols.gdelt_net_coop?.[may]).toBeCloseTo(0.25, 12);
    // May holds 11 events of GDELT in all: 8 / 11 per million.
    expect(cols.gdelt_share?.[may]).toBeCloseTo((8 / 11) * 1e6, 6);
    // June: only CHN → RUS; directed RUS → CHN is 0 (covered, no events), April is null.
    expect(cols.gdelt_events?.[5]).toBe(0);
    expect(cols.gdelt_net_coop?.[5]).toBeNaN();
    expect(cols.gdelt_events?.[3]).toBeNaN();
  });

  it("unions both directions in an undirected frame and honours the event filters", async () => {
    const store = await storeWithEvents();
    const frame = expandPeriods(frameOf([[710, 365, 2016]]), "quarter");
    const cols = await gdeltFamily.compute(store, frame);
    expect(cols.gdelt_events?.[1]).toBe(10); // Q2: 8 + 1 in May + 1 in June
    expect(cols.gdelt_material_conflict?.[1]).toBe(2);
    const rootOnly = await gdeltFamily.compute(store, frame, { events: { rootOnly: true } });
    expect(rootOnly.gdelt_events?.[1]).toBe(9);
    const sourced = await gdeltFamily.compute(store, frame, { events: { minSources: 2 } });
    expect(sourced.gdelt_events?.[1]).toBe(1);
    const years = await gdeltFamily.compute(store, frameOf([[365, 710, 2016]]));
    expect(years.gdelt_events?.[0]).toBe(10);
    expect(years.gdelt_share?.[0]).toBeCloseTo((10 / 12) * 1e6, 6);
  });

  it("is null everywhere for a source with no data (ICEWS here)", async () => {
    const store = await storeWithEvents();
    const cols = await icewsFamily.compute(store, frameOf([[365, 710, 2016]]));
    expect(cols.icews_events?.[0]).toBeNaN();
  });
});

describe("indicator selection by period", () => {
  it("keeps only event families for months and refuses a yearly indicator", () => {
    const sel = selectIndicators(undefined, "month");
    expect(new Set(sel.families.map((f) => f.family))).toEqual(new Set(["gdelt", "icews"]));
    expect(sel.composites).toBe(false);
    expect(() => selectIndicators("un_agree", "month")).toThrow(/yearly/);
    expect(selectIndicators("gdelt_share", "quarter").shown.map((d) => d.name)).toEqual([
      "gdelt_share",
    ]);
  });
});

describe.skipIf(!hasData)("coverage of the real event files (../shared/data)", () => {
  let store: Store;
  beforeAll(async () => {
    store = await DuckDbStore.open(
      join(mkdtempSync(join(tmpdir(), "entente-events-")), "e.duckdb"),
    );
    const r = await ingest(store, [dataFile("gdelt_events"), dataFile("icews_events")]);
    expect(r.ok).toBe(true);
  }, 60_000);
  afterAll(async () => store?.close());

  const value = (cols: Record<string, Float64Array>, name: string, i: number) => {
    const x = cols[name]?.[i] as number;
    return Number.isNaN(x) ? null : x;
  };

  it("records the span each file covers: one quarter hour, one day, the back rows' days", async () => {
    const spans = await store.query<{ s: number; e: number; basis: string; path: string }>(
      `SELECT c.span_start AS s, c.span_end AS e, c.basis, p.path FROM event_coverage c
       JOIN provenance p USING (file_id) ORDER BY c.span_start`,
    );
    const of = (file: string) => spans.filter((x) => x.path.endsWith(file));
    const stamp = Date.UTC(2019, 9, 24, 14, 30) / 1000;
    expect(of("20191024143000.export.CSV").map((x) => [x.s, x.e])).toEqual([[stamp - 900, stamp]]);
    const sample = of("gdelt1_sample_events.tsv");
    // The daily-format rows: DATEADDED 20160728, that day.
    expect(sample.filter((x) => /daily/.test(x.basis)).map((x) => [x.s, x.e])).toEqual([
      [Date.UTC(2016, 6, 28) / 1000, Date.UTC(2016, 6, 29) / 1000],
    ]);
    // The back-file rows (no period in the name): only the days they hold, in 1982–1983.
    const back = sample.filter((x) => /back-file/.test(x.basis));
    expect(back.length).toBeGreaterThan(0);
    for (const x of back) {
      expect(x.s).toBeGreaterThanOrEqual(Date.UTC(1982, 0, 1) / 1000);
      expect(x.e).toBeLessThanOrEqual(Date.UTC(1984, 0, 1) / 1000);
    }
    // The ICEWS sample: its two days, 2018-06-01 and 2018-06-02.
    expect(of("events.2018.sample.tab").map((x) => [x.s, x.e])).toEqual([
      [Date.UTC(2018, 5, 1) / 1000, Date.UTC(2018, 5, 3) / 1000],
    ]);
  });

  it("RUS–CHN: a year no file covers is null, not 0; its back-dated events are apart", async () => {
    const frame = frameOf([2006, 2015, 2016, 2018, 2019].map((y) => [365, 710, y] as const));
    const cols = await gdeltFamily.compute(store, frame);
    const row = (i: number) =>
      ["events", "share", "covered_share", "covered_minutes", "uncovered_events"].map((n) =>
        value(cols, `gdelt_${n}`, i),
      );
    // 2006, 2015, 2018: events dated there are re-reports in the 2016 and 2019 files.
    for (const i of [0, 1, 3]) expect(row(i)).toEqual([null, null, null, null, 0]);
    const [n2016] = await store.query<{ n: number }>(
      "SELECT count(*) AS n FROM gdelt_events WHERE year(event_date) = 2016",
    );
    expect(row(2)).toEqual([1, (1 / Number(n2016?.n)) * 1e6, 1440 / (366 * 1440), 1440, null]);
    // 2019: the loaded files cover 15 minutes of it; the share's denominator is 2019's events.
    const [n2019] = await store.query<{ n: number }>(
      "SELECT count(*) AS n FROM gdelt_events WHERE year(event_date) = 2019",
    );
    expect(row(4)).toEqual([2, (2 / Number(n2019?.n)) * 1e6, 15 / (365 * 1440), 15, null]);
  });

  it("CAN–AUS 2018: one re-reported event is not a share of 41,667 per million", async () => {
    const cols = await gdeltFamily.compute(store, frameOf([[20, 900, 2018]]));
    expect(value(cols, "gdelt_events", 0)).toBeNull();
    expect(value(cols, "gdelt_share", 0)).toBeNull();
    expect(value(cols, "gdelt_uncovered_events", 0)).toBe(1);
  });

  it("ICEWS: the sample covers two days of 2018 and of June", async () => {
    const cols = await icewsFamily.compute(store, frameOf([[365, 710, 2018]]));
    expect(value(cols, "icews_events", 0)).toBe(8);
    expect(value(cols, "icews_covered_minutes", 0)).toBe(2880);
    expect(value(cols, "icews_covered_share", 0)).toBeCloseTo(2 / 365, 12);
    const months = await icewsFamily.compute(
      store,
      expandPeriods(frameOf([[365, 710, 2018]]), "month"),
    );
    expect(value(months, "icews_events", 4)).toBeNull(); // May: no file covers it
    expect(value(months, "icews_events", 5)).toBe(8);
    expect(value(months, "icews_covered_share", 5)).toBeCloseTo(2 / 30, 12);
  });
});

describe("the spans of GDELT 2.0 update stamps", () => {
  it("merges the quarter hours up to each DATEADDED, in any order, and drops invalid stamps", () => {
    const t = (d: number, h: number, m: number) => Date.UTC(2019, 9, d, h, m) / 1000;
    const spans = updateSpans([
      20191024150000n,
      20191024143000n,
      20191024144500n, // touches both: one span 14:15–15:00
      20191024143000n, // repeated
      20191025000000n, // alone
      null,
      20191324000000n, // month 13: not a stamp
      2019102414n, // ten digits: not a stamp
    ]);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [t(24, 14, 15), t(24, 15, 0)],
      [t(24, 23, 45), t(25, 0, 0)],
    ]);
    expect(spans[0]?.basis).toBe("GDELT 2.0 update: 15 minutes up to DATEADDED");
    // The same as the general rule, one fact per stamp.
    const facts = [20191024150000, 20191024143000, 20191025000000].map((added) => ({
      added,
      back: false,
      day: null,
      rows: 1,
    }));
    expect(fileCoverage("gdelt2", "x.CSV", facts)).toEqual(
      updateSpans([20191024150000, 20191024143000, 20191025000000]),
    );
    expect(updateSpans([])).toEqual([]);
  });

  it("reads a stamp as Date.UTC does, short months and leap days included", () => {
    const u = seededRandom(12345);
    const next = (n: number) => Math.floor(u() * n);
    const stamps: Array<[number, number, number, number, number, number]> = [
      [2019, 2, 29, 0, 0, 0], // not a leap year: runs into March
      [2020, 2, 29, 23, 45, 0],
      [2000, 2, 30, 12, 0, 0],
      [1900, 3, 1, 0, 0, 0],
      [2019, 4, 31, 0, 15, 0],
      [2019, 12, 31, 23, 59, 59],
    ];
    for (let i = 0; i < 500; i++) {
      stamps.push([1979 + next(60), 1 + next(12), 1 + next(31), next(24), next(60), next(60)]);
    }
    for (const [y, m, d, h, mi, sec] of stamps) {
      const p = (n: number) => String(n).padStart(2, "0");
      const stamp = Number(`${y}${p(m)}${p(d)}${p(h)}${p(mi)}${p(sec)}`);
      expect(updateSpans([stamp])[0]?.end, String(stamp)).toBe(
        Date.UTC(y, m - 1, d, h, mi, sec) / 1000,
      );
    }
  });
});

describe("the span a file states in its name", () => {
  it("reads GDELT 1.0 back files and ICEWS Dataverse years; other names state none", () => {
    const d = (y: number, m: number) => Date.UTC(y, m - 1, 1) / 1000;
    expect(namedPeriod("gdelt1", "1982.zip")).toEqual({
      start: d(1982, 1),
      end: d(1983, 1),
      label: "1982",
    });
    expect(namedPeriod("gdelt1", "/x/200612.csv")).toEqual({
      start: d(2006, 12),
      end: d(2007, 1),
      label: "2006-12",
    });
    expect(namedPeriod("gdelt1", "20160728.export.CSV")).toBeNull();
    expect(namedPeriod("gdelt1", "gdelt1_sample_events.tsv")).toBeNull();
    expect(namedPeriod("icews", "events.2018.20200427084805.tab")?.label).toBe("2018");
    expect(namedPeriod("icews", "events.2018.sample.tab")).toBeNull();
    // A named back file covers its whole period, whatever days its rows hold.
    const facts = [{ added: 20130203, back: true, day: "1982-01-01", rows: 5 }];
    expect(fileCoverage("gdelt1", "1982.csv", facts).map((s) => [s.start, s.end])).toEqual([
      [d(1982, 1), d(1983, 1)],
    ]);
    expect(fileCoverage("gdelt1", "x.tsv", facts).map((s) => [s.start, s.end])).toEqual([
      [d(1982, 1), d(1982, 1) + 86_400],
    ]);
  });
});

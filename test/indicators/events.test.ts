import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandPeriods } from "../../src/frames/periods.js";
import {
  addTally,
  emptyTally,
  eventMeasures,
  gdeltFamily,
  icewsFamily,
  tallyEvents,
} from "../../src/indicators/events.js";
import { frameOf } from "../../src/indicators/indicator.js";
import { selectIndicators } from "../../src/indicators/registry.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { gdeltRow } from "../event-rows.js";
import { tempDir, tempStore } from "../helpers.js";

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
  lines.push(gdeltRow(id++, "20160601", "CHN", "RUS", "190", -10, 1));
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

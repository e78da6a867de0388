import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadInputError } from "../../src/core/errors.js";
import { dyad } from "../../src/frames/dyad.js";
import { frameOf } from "../../src/frames/frame.js";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import {
  fillIdealPoints,
  indicatorFit,
  UN_IDEAL_INDICATORS,
  unIdealFamily,
} from "../../src/indicators/ideal-points.js";
import { FAMILIES } from "../../src/indicators/indicator.js";
import { selectIndicators } from "../../src/indicators/registry.js";
import { ingest } from "../../src/ingest/ingest.js";
import { tempStore } from "../helpers.js";
import { simulateVotes, writeVoteFiles } from "../idealpoints/simulate.js";

const NAMES = [
  "un_ideal_a",
  "un_ideal_a_se",
  "un_ideal_b",
  "un_ideal_b_se",
  "un_ideal_distance",
  "un_ideal_distance_se",
];

describe("un_ideal indicators", () => {
  let dir: string;
  let paths: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-un-ideal-"));
    const sim = simulateVotes({
      states: 30,
      sessions: 4,
      rollCallsPerSession: 25,
      bridgeShare: 0.2,
      step: 0.15,
      turnover: 0.1,
      absent: 0.05,
      seed: 3,
      firstSession: 60,
      firstRcid: 7001,
    });
    const f = writeVoteFiles(dir, sim);
    paths = [f.votes, f.rollcalls, f.matches];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are a documented family, left out of the default selection", () => {
    expect(FAMILIES).toContain("un_ideal");
    expect(UN_IDEAL_INDICATORS.map((d) => d.name)).toEqual(NAMES);
    for (const d of UN_IDEAL_INDICATORS) {
      expect(d.family).toBe("un_ideal");
      expect(d.citation).toMatch(/Bailey, Michael A\., Anton Strezhnev, and Erik Voeten\. 2017/);
    }
    const all = selectIndicators();
    expect(all.shown.some((d) => d.family === "un_ideal")).toBe(false);
    expect(all.families).not.toContain(unIdealFamily);
    expect(selectIndicators("un_ideal").shown.map((d) => d.name)).toEqual(NAMES);
    expect(selectIndicators("un_ideal_distance,un_agree").shown.map((d) => d.name)).toEqual([
      "un_agree",
      "un_ideal_distance",
    ]);
  });

  it("fill a, b, distance and their standard errors from positions by state and session", () => {
    const frame = frameOf([
      [2, 20, 2005],
      [20, 2, 2005],
      [2, 20, 2006],
      [2, 999, 2005],
      [2, 20, 1990],
    ]);
    const points = new Map([
      [2 * 1000 + 60, { idealPoint: 2.5, se: 0.3 }],
      [20 * 1000 + 60, { idealPoint: 0.5, se: 0.4 }],
      [2 * 1000 + 61, { idealPoint: 2.25, se: 0.1 }],
    ]);
    const c = fillIdealPoints(frame, points);
    const row = (i: number) => NAMES.map((n) => c[n]?.[i]);
    expect(row(0)).toEqual([2.5, 0.3, 0.5, 0.4, 2, 0.5]);
    expect(row(1)).toEqual([0.5, 0.4, 2.5, 0.3, 2, 0.5]);
    // Session 61 (2006) has no position for state 20: b and the distance are null.
    expect(row(2).map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      2.25,
      0.1,
      null,
      null,
      null,
      null,
    ]);
    expect(row(3).slice(2).every(Number.isNaN)).toBe(true);
    expect(row(4).every(Number.isNaN)).toBe(true);
  });

  it("are null without votes, and an error with the fix when votes are loaded but not fit", async () => {
    const empty = await tempStore();
    const frame = frameOf([[2, 20, 2005]]);
    const cols = await unIdealFamily.compute(empty, frame);
    expect(NAMES.every((n) => Number.isNaN(cols[n]?.[0]))).toBe(true);

    const store = await tempStore();
    expect((await ingest(store, paths)).ok).toBe(true);
    const err = await unIdealFamily.compute(store, frame).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect(err).toMatchObject({ code: "no_ideal_point_fit" });
    expect((err as BadInputError).hint).toMatch(/entente ideal-points/);
    // The default selection never asks for them, so dyad works without a fit.
    const d = await dyad(store, "USA", "CAN", { from: 2005, to: 2006 });
    expect(d.indicators.some((i) => i.name.startsWith("un_ideal"))).toBe(false);
  });

  it("read the widest stored fit of the loaded votes, in a dyad frame", async () => {
    const store = await tempStore();
    expect((await ingest(store, paths)).ok).toBe(true);
    const part = await fitAndStore(store, await fitRequest(store, { from: 2005, to: 2006 }));
    expect((await indicatorFit(store))?.fitId).toBe(part.fit.fitId);
    const full = await fitAndStore(store, await fitRequest(store));
    expect((await indicatorFit(store))?.fitId).toBe(full.fit.fitId);
    // An issue fit is never the indicators' fit.
    await fitAndStore(store, await fitRequest(store, { issue: "me" }));
    expect((await indicatorFit(store))?.fitId).toBe(full.fit.fitId);

    const d = await dyad(store, "USA", "CAN", { from: 2004, to: 2009, indicators: "un_ideal" });
    expect(d.indicators.map((i) => i.name)).toEqual(NAMES);
    const at = (cc: number, s: number) =>
      full.points.find((p) => p.ccode === cc && p.session === s);
    for (const r of d.rows) {
      const s = (r.year as number) - 1945;
      const a = at(2, s);
      const b = at(20, s);
      if (!a || !b) {
        expect(r.un_ideal_distance, String(r.year)).toBeNull();
        continue;
      }
      expect(r.un_ideal_a).toBe(a.idealPoint);
      expect(r.un_ideal_b).toBe(b.idealPoint);
      expect(r.un_ideal_distance).toBeCloseTo(Math.abs(a.idealPoint - b.idealPoint), 12);
      expect(r.un_ideal_distance_se).toBeCloseTo(Math.sqrt(a.se ** 2 + b.se ** 2), 12);
    }
    // Sessions 60–63 open in 2005–2008; 2004 and 2009 are outside the fit.
    expect(d.rows.filter((r) => r.un_ideal_a !== null).map((r) => r.year)).toEqual([
      2005, 2006, 2007, 2008,
    ]);
  }, 300_000);
});

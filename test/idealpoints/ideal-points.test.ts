/**
 * Fit once, reuse: ideal points through the store, on votes simulated from the model and written
 * in Voeten's layout (simulate.ts), loaded by the real ingest. The fit runs in a worker thread.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadInputError } from "../../src/core/errors.js";
import { frameOf } from "../../src/frames/frame.js";
import {
  fitAndStore,
  fitRequest,
  idealPoints,
  storedFit,
} from "../../src/idealpoints/ideal-points.js";
import { readFitInput, votesKey } from "../../src/idealpoints/read-votes.js";
import { rescaleWithinSessions } from "../../src/idealpoints/rescale.js";
import { idealPointsCsv, writeIdealPoints } from "../../src/idealpoints/write-ideal-points.js";
import { unIdealFamily } from "../../src/indicators/ideal-points.js";
import { ingest } from "../../src/ingest/ingest.js";
import type { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { duckdb } from "../../src/store/duckdb/node-api.js";
import { NO_CLICKHOUSE_REASON } from "../clickhouse/servers.js";
import { clickhouse, clickhouseStores } from "../clickhouse/stores.js";
import { tempDir, tempStore } from "../helpers.js";
import { type Simulation, simulateVotes, writeVoteFiles } from "./simulate.js";

const SIM = {
  states: 40,
  sessions: 6,
  rollCallsPerSession: 30,
  bridgeShare: 0.2,
  step: 0.15,
  turnover: 0.2,
  absent: 0.05,
  seed: 5,
  firstSession: 50,
  firstRcid: 9001,
};

describe("ideal points through the store", () => {
  let sim: Simulation;
  let files: { votes: string; rollcalls: string; matches: string };
  let dir: string;
  // Not tempDir(): that is removed after each test, and the files serve the whole block.
  beforeAll(() => {
    sim = simulateVotes(SIM);
    dir = mkdtempSync(join(tmpdir(), "entente-ideal-"));
    files = writeVoteFiles(dir, sim);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loaded(paths: string[]): Promise<DuckDbStore> {
    const store = await tempStore();
    const r = await ingest(store, paths);
    expect(r.ok).toBe(true);
    return store;
  }

  it("says what to load when there are no votes", async () => {
    const store = await tempStore();
    await expect(idealPoints(store)).rejects.toThrow(BadInputError);
    await expect(idealPoints(store)).rejects.toThrow(/No UN General Assembly votes/);
  });

  it("reads the valid votes with their sessions, and the matched resolutions", async () => {
    const store = await loaded([files.votes, files.rollcalls, files.matches]);
    const input = await readFitInput(store, 50, 55, null);
    expect(input.votes.rcid.length).toBe(sim.votes.rcid.length);
    expect(new Set(input.votes.vote)).toEqual(new Set([1, 2, 3]));
    expect(input.matches).toEqual([...sim.matches].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(input.votesWithoutSession).toBe(0);
    const me = await readFitInput(store, 50, 55, "me");
    expect(new Set(me.votes.rcid)).toEqual(
      new Set([...sim.votes.rcid].filter((rc) => sim.middleEast.has(rc))),
    );
    const two = await readFitInput(store, 51, 52, null);
    expect(new Set(two.votes.session)).toEqual(new Set([51, 52]));
  });

  it("fits in a worker, stores the fit, and reuses it until the vote files change", async () => {
    const store = await loaded([files.votes, files.rollcalls, files.matches]);
    const phases = new Set<string>();
    const first = await idealPoints(store, {}, (p) => phases.add(p.phase));
    expect(first.reused).toBe(false);
    expect([...phases]).toEqual(["read", "prepare", "estimate", "errors", "store"]);
    expect(first.fit).toMatchObject({
      fromSession: 50,
      toSession: 55,
      issue: null,
      seed: 1,
      converged: true,
    });
    const report = JSON.parse(first.fit.report) as Record<string, unknown>;
    expect(report).toMatchObject({
      votesRead: sim.votes.rcid.length,
      bridges: { pairs: sim.matches.length, used: sim.matches.length, missing: 0 },
    });
    expect(first.points.length).toBe(sim.truth.size);
    const usa = first.points.filter((p) => p.ccode === 2);
    expect(usa.map((p) => p.year)).toEqual([1995, 1996, 1997, 1998, 1999, 2000]);
    expect(usa.every((p) => p.idealPoint > 0 && p.se > 0)).toBe(true);

    const again = await idealPoints(store);
    expect(again.reused).toBe(true);
    expect(again.fit).toEqual(first.fit);
    expect(again.points).toEqual(first.points);
    expect(await storedFit(store, await fitRequest(store))).toMatchObject({ reused: true });

    // Another seed is another fit; a refit replaces the stored one with the same id.
    const seeded = await idealPoints(store, { seed: 2 });
    expect(seeded.reused).toBe(false);
    expect(seeded.fit.fitId).not.toBe(first.fit.fitId);
    const refit = await idealPoints(store, { refit: true });
    expect(refit.reused).toBe(false);
    expect(refit.fit.fitId).toBe(first.fit.fitId);
    expect(refit.points).toEqual(first.points);
    expect((await store.idealPointFits()).length).toBe(2);

    // A new vote file changes the key: the stored fit no longer matches.
    const before = await votesKey(store, null);
    const more = simulateVotes({
      ...SIM,
      sessions: 1,
      firstSession: 56,
      firstRcid: 20001,
      seed: 9,
    });
    expect((await ingest(store, [writeVoteFiles(tempDir(), more).votes])).ok).toBe(true);
    expect(await votesKey(store, null)).not.toBe(before);
    expect(await storedFit(store, await fitRequest(store))).toBeNull();
  }, 300_000);

  it("fits an issue subset and a range of years", async () => {
    const store = await loaded([files.votes, files.rollcalls, files.matches]);
    const me = await idealPoints(store, { issue: "me" });
    expect(me.fit.issue).toBe("me");
    expect((JSON.parse(me.fit.report) as { rollCallsRead: number }).rollCallsRead).toBe(
      sim.middleEast.size,
    );
    const range = await idealPoints(store, { from: 1996, to: 1998 });
    expect([range.fit.fromSession, range.fit.toSession]).toEqual([51, 53]);
    expect(new Set(range.points.map((p) => p.session))).toEqual(new Set([51, 52, 53]));
    await expect(idealPoints(store, { from: 2030 })).rejects.toThrow(/No loaded session opened/);
  }, 300_000);

  it("fits without matched resolutions (no bridges) and counts the pairs it cannot use", async () => {
    const store = await loaded([files.votes, files.rollcalls]);
    const req = await fitRequest(store, { from: 1995, to: 1997 });
    const r = await fitAndStore(store, req);
    expect(JSON.parse(r.fit.report)).toMatchObject({ bridges: { pairs: 0, used: 0 } });
    const withMatches = await loaded([files.votes, files.rollcalls, files.matches]);
    const part = await fitAndStore(withMatches, await fitRequest(withMatches, { to: 1997 }));
    const bridges = (JSON.parse(part.fit.report) as { bridges: Record<string, number> }).bridges;
    // Pairs reaching a session after 1997 have a roll call outside the votes read.
    expect((bridges.used as number) + (bridges.missing as number)).toBe(sim.matches.length);
    expect(bridges.missing).toBeGreaterThan(0);
  }, 300_000);

  it("writes CSV and Parquet with the documented columns, and rescales within sessions", async () => {
    const store = await loaded([files.votes, files.rollcalls, files.matches]);
    const { points } = await idealPoints(store, { from: 1995, to: 1996 });
    const csv = idealPointsCsv(points).split("\n");
    expect(csv[0]).toBe("ccode,session,year,ideal_point,se,votes,iso3,country");
    expect(csv[1]).toMatch(/^2,50,1995,[0-9.e-]+,[0-9.e-]+,\d+,USA,United States of America$/);
    const dir = tempDir();
    expect(await writeIdealPoints(points, join(dir, "p.csv"))).toBe("csv");
    expect(readFileSync(join(dir, "p.csv"), "utf8")).toBe(idealPointsCsv(points));
    expect(await writeIdealPoints(points, join(dir, "p.parquet"))).toBe("parquet");
    const db = await duckdb.DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const rows = (
      await con.runAndReadAll(
        `SELECT ccode, session, year, ideal_point, se FROM '${join(dir, "p.parquet")}' ORDER BY ccode, session`,
      )
    ).getRowObjectsJS();
    con.closeSync();
    db.closeSync();
    expect(rows.map((r) => [r.ccode, r.session, r.year, r.ideal_point, r.se])).toEqual(
      points.map((p) => [p.ccode, p.session, p.year, p.idealPoint, p.se]),
    );
    await expect(writeIdealPoints(points, join(dir, "p.txt"))).rejects.toThrow(
      /Cannot tell the format/,
    );

    const z = rescaleWithinSessions(points);
    for (const s of [50, 51]) {
      const xs = z.filter((p) => p.session === s).map((p) => p.idealPoint);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(mean).toBeCloseTo(0, 12);
      expect(sd).toBeCloseTo(1, 12);
    }
    const i = points.findIndex((p) => p.ccode === 2 && p.session === 50);
    expect((z[i]?.se as number) / (points[i]?.se as number)).toBeCloseTo(
      (z[i]?.idealPoint as number) / ((points[i]?.idealPoint as number) - mean50(points)),
      10,
    );
  }, 300_000);
});

function mean50(points: ReadonlyArray<{ session: number; idealPoint: number }>): number {
  const xs = points.filter((p) => p.session === 50).map((p) => p.idealPoint);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe.skipIf(clickhouse === null)("ideal points on ClickHouse", () => {
  const stores = clickhouseStores("single");
  afterAll(() => stores.cleanup());

  it("reads the same votes, fits the same positions and stores them as DuckDB does", async () => {
    const dir = tempDir();
    const sim = simulateVotes({ ...SIM, sessions: 3 });
    const f = writeVoteFiles(dir, sim);
    const paths = [f.votes, f.rollcalls, f.matches];
    const duck = await tempStore();
    expect((await ingest(duck, paths)).ok).toBe(true);
    const ch = await stores.open();
    expect((await ingest(ch, paths)).ok).toBe(true);
    const a = await idealPoints(duck);
    const b = await idealPoints(ch);
    expect(b.fit.fitId).toBe(a.fit.fitId);
    expect(b.points).toEqual(a.points);
    // Read back from ClickHouse, whose 18.16 text output rounds a double in its last digit.
    const again = await idealPoints(ch);
    expect(again.reused).toBe(true);
    expect(again.points.map((p) => [p.ccode, p.session, p.year, p.votes])).toEqual(
      a.points.map((p) => [p.ccode, p.session, p.year, p.votes]),
    );
    again.points.forEach((p, i) => {
      expect(p.idealPoint).toBeCloseTo(a.points[i]?.idealPoint as number, 12);
      expect(p.se).toBeCloseTo(a.points[i]?.se as number, 12);
    });
    const frame = frameOf([[2, 20, 1996]]);
    const fromCh = await unIdealFamily.compute(ch, frame);
    const fromDuck = await unIdealFamily.compute(duck, frame);
    for (const [name, col] of Object.entries(fromDuck))
      expect(fromCh[name]?.[0], name).toBeCloseTo(col[0] as number, 12);
  }, 300_000);
});
if (clickhouse === null) it.skip(NO_CLICKHOUSE_REASON, () => {});

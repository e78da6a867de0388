/**
 * Face validity and edge cases on the real votes (../shared/data/unga_votes): one fit of the
 * sessions that opened in 1960–2005, which holds the Cold War, the 19th session, the end of the
 * USSR, German and Yemeni unification, the split of Czechoslovakia and Russia's turn back.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameOf } from "../../src/frames/frame.js";
import { type IdealPoints, idealPoints } from "../../src/idealpoints/ideal-points.js";
import { unIdealFamily } from "../../src/indicators/ideal-points.js";
import { ingest } from "../../src/ingest/ingest.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import type { IdealPointRow } from "../../src/store/store.js";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";

describe.skipIf(!hasData)("ideal points of the real votes, 1960–2005", () => {
  let dir: string;
  let store: DuckDbStore;
  let fit: IdealPoints;
  const at = (ccode: number, session: number): IdealPointRow | undefined =>
    fit.points.find((p) => p.ccode === ccode && p.session === session);
  const theta = (ccode: number, session: number): number =>
    (at(ccode, session) as IdealPointRow).idealPoint;
  /** Share of the session's states below the state's position. */
  const rank = (ccode: number, session: number): number => {
    const own = theta(ccode, session);
    const all = fit.points.filter((p) => p.session === session);
    return all.filter((p) => p.idealPoint < own).length / (all.length - 1);
  };
  const sessionsOf = (ccode: number) =>
    fit.points.filter((p) => p.ccode === ccode).map((p) => p.session);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "entente-ideal-real-"));
    store = await DuckDbStore.open(join(dir, "votes.duckdb"));
    expect((await ingest(store, [dataFile("unga_votes")])).ok).toBe(true);
    fit = await idealPoints(store, { from: 1960, to: 2005 });
  }, 900_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("converges and uses the matched resolutions", () => {
    expect(fit.fit.converged).toBe(true);
    const report = JSON.parse(fit.fit.report) as {
      bridges: { used: number; missing: number };
      sessionsDropped: Array<{ session: number; rollCalls: number }>;
    };
    expect(report.bridges.used).toBeGreaterThan(300);
    // The 19th session (1964–65) had one roll call: not estimated, and said so.
    expect(report.sessionsDropped).toEqual([{ session: 19, rollCalls: 1 }]);
    expect(fit.points.some((p) => p.session === 19)).toBe(false);
  });

  it("puts the USA and Israel at one end and Cuba and the USSR at the other, 1975–1985", () => {
    for (let s = 30; s <= 40; s++) {
      expect(rank(2, s), `USA ${s}`).toBeGreaterThan(0.95);
      expect(rank(666, s), `Israel ${s}`).toBeGreaterThan(0.95);
      expect(rank(40, s), `Cuba ${s}`).toBeLessThan(0.15);
      expect(rank(365, s), `USSR ${s}`).toBeLessThan(0.15);
    }
  });

  it("moves Russia towards the West in the early 1990s and back after", () => {
    const y1989 = theta(365, 44);
    const y1993 = theta(365, 48);
    const y2005 = theta(365, 60);
    expect(y1993 - y1989).toBeGreaterThan(1);
    expect(y1993 - y2005).toBeGreaterThan(0.7);
    // Still between the USA and China in 2005.
    expect(y2005).toBeLessThan(theta(2, 60));
    expect(y2005).toBeGreaterThan(theta(710, 60));
  });

  it("follows the codes of states that joined, merged and split", () => {
    // USSR → Russia: one series (COW 365) through 1991.
    expect(sessionsOf(365)).toEqual(
      [...Array(46).keys()].map((i) => 15 + i).filter((s) => s !== 19),
    );
    // Germany: the GDR (265) and the FRG (260) until 1989, Germany (255) from 1990.
    expect(Math.max(...sessionsOf(260))).toBe(44);
    expect(Math.max(...sessionsOf(265))).toBe(44);
    expect(Math.min(...sessionsOf(255))).toBe(45);
    expect(Math.abs(theta(255, 45) - theta(260, 44))).toBeLessThan(0.6);
    expect(theta(260, 44) - theta(265, 44)).toBeGreaterThan(2);
    // Yemen: YAR (678) and PDRY (680) until 1989–90, Yemen (679) from 1991.
    expect(Math.max(...sessionsOf(680))).toBe(44);
    expect(Math.max(...sessionsOf(678))).toBe(45);
    expect(Math.min(...sessionsOf(679))).toBe(46);
    // Czechoslovakia (315) until 1992, the Czech Republic (316) and Slovakia (317) from 1993.
    expect(Math.max(...sessionsOf(315))).toBe(47);
    expect(Math.min(...sessionsOf(316))).toBe(48);
    expect(Math.min(...sessionsOf(317))).toBe(48);
    // One position per state and session.
    const keys = fit.points.map((p) => `${p.ccode}:${p.session}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives states with very few votes wide intervals or their neighbours' positions, never wild points", () => {
    const few = fit.points.filter((p) => p.votes <= 3);
    expect(few.length).toBeGreaterThan(10);
    for (const p of few) {
      // Within the spread of the session's well-measured states (a little beyond it for a state
      // that was at one end, as apartheid South Africa in 1974)...
      const session = fit.points.filter((q) => q.session === p.session && q.votes >= 30);
      const lo = Math.min(...session.map((q) => q.idealPoint));
      const hi = Math.max(...session.map((q) => q.idealPoint));
      expect(p.idealPoint, `${p.ccode} ${p.session}`).toBeGreaterThan(lo - 0.6);
      expect(p.idealPoint, `${p.ccode} ${p.session}`).toBeLessThan(hi + 0.6);
      // ... and, against the state's own position in its closest well-measured session, no
      // jump beyond what the two intervals allow.
      const own = fit.points
        .filter((q) => q.ccode === p.ccode && q.votes >= 30 && Math.abs(q.session - p.session) <= 2)
        .sort((a, b) => Math.abs(a.session - p.session) - Math.abs(b.session - p.session))[0];
      if (own) {
        expect(Math.abs(p.idealPoint - own.idealPoint), `${p.ccode} ${p.session}`).toBeLessThan(
          2.5 * Math.hypot(p.se, own.se),
        );
      }
    }
    // South Africa's one vote of 1993, after 19 years away: nothing to lean on, a wide interval.
    const za = at(560, 48) as IdealPointRow;
    expect(za.votes).toBe(1);
    const median = fit.points
      .filter((p) => p.session === 48)
      .map((p) => p.se)
      .sort((a, b) => a - b)[50] as number;
    expect(za.se).toBeGreaterThan(3 * median);
  });

  it("reaches dyad-years through the un_ideal family, null in 1964", async () => {
    const frame = frameOf([
      [2, 365, 1963],
      [2, 365, 1964],
      [2, 365, 1965],
    ]);
    const cols = await unIdealFamily.compute(store, frame);
    expect(cols.un_ideal_a?.[0]).toBe(theta(2, 18));
    expect(Number.isNaN(cols.un_ideal_distance?.[1])).toBe(true);
    expect(cols.un_ideal_distance?.[2]).toBeCloseTo(theta(2, 20) - theta(365, 20), 12);
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});

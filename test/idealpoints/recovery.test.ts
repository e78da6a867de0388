/**
 * Recovery of known positions from votes simulated from the model (test/idealpoints/simulate.ts):
 * the fit must find them (correlation ≥ 0.97), not depend on the seed of its start values, be
 * deterministic for a seed, and give standard errors that cover the truth about as often as
 * they claim.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type FitOutput, fitVotes } from "../../src/idealpoints/fit-votes.js";
import { type Simulation, simulateVotes } from "./simulate.js";

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
    sxx += ((x[i] as number) - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const settings = (seed: number) => ({
  ...DEFAULT_SETTINGS,
  estimate: { ...DEFAULT_SETTINGS.estimate, seed },
});

describe("recovery from simulated votes", () => {
  let sim: Simulation;
  let fit: FitOutput;
  let truth: number[];
  beforeAll(() => {
    sim = simulateVotes({
      states: 80,
      sessions: 10,
      rollCallsPerSession: 50,
      bridgeShare: 0.2,
      step: 0.15,
      turnover: 0.2,
      absent: 0.05,
      seed: 11,
    });
    fit = fitVotes(sim.votes, sim.matches, settings(1));
    truth = Array.from(fit.ccode, (cc, u) => sim.truth.get(`${cc}:${fit.session[u]}`) as number);
  }, 300_000);

  it("finds the true positions (correlation ≥ 0.97 over all state-sessions and in every session)", () => {
    expect(fit.converged).toBe(true);
    expect(truth.every((t) => t !== undefined)).toBe(true);
    const est = Array.from(fit.idealPoint);
    expect(pearson(est, truth)).toBeGreaterThanOrEqual(0.97);
    for (const s of new Set(fit.session)) {
      const idx = [...fit.session.keys()].filter((u) => fit.session[u] === s);
      expect(
        pearson(
          idx.map((u) => est[u] as number),
          idx.map((u) => truth[u] as number),
        ),
        `session ${s}`,
      ).toBeGreaterThanOrEqual(0.97);
    }
  });

  it("recovers how each state moved between the first and the last session", () => {
    const at = (cc: number, sess: number) =>
      [...fit.ccode.keys()].find((u) => fit.ccode[u] === cc && fit.session[u] === sess);
    const moved: number[] = [];
    const trueMoved: number[] = [];
    for (const cc of new Set(fit.ccode)) {
      const a = at(cc, 1);
      const b = at(cc, 10);
      if (a === undefined || b === undefined) continue;
      moved.push((fit.idealPoint[b] as number) - (fit.idealPoint[a] as number));
      trueMoved.push((sim.truth.get(`${cc}:10`) as number) - (sim.truth.get(`${cc}:1`) as number));
    }
    expect(moved.length).toBeGreaterThan(40);
    // Steps of sd 0.15 over 9 sessions move states by about 0.45 in either direction, against
    // standard errors of about 0.15 per position.
    expect(pearson(moved, trueMoved)).toBeGreaterThan(0.75);
  });

  it("gives intervals that cover the truth about as often as they claim", () => {
    // Map the truth onto the estimate's scale (one affine map, by least squares), then count
    // the state-sessions whose truth lies within ±1.96 se.
    const est = Array.from(fit.idealPoint);
    const n = est.length;
    const mt = truth.reduce((s, v) => s + v, 0) / n;
    const me = est.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += ((truth[i] as number) - mt) * ((est[i] as number) - me);
      sxx += ((truth[i] as number) - mt) ** 2;
    }
    const slope = sxy / sxx;
    let covered = 0;
    for (let i = 0; i < n; i++) {
      const t = me + slope * ((truth[i] as number) - mt);
      if (Math.abs(t - (est[i] as number)) <= 1.96 * (fit.se[i] as number)) covered++;
    }
    const coverage = covered / n;
    expect(coverage).toBeGreaterThan(0.85);
    expect(coverage).toBeLessThan(0.99);
  });

  it("is deterministic for a seed and stable under another seed", () => {
    const again = fitVotes(sim.votes, sim.matches, settings(1));
    expect(Array.from(again.idealPoint)).toEqual(Array.from(fit.idealPoint));
    expect(Array.from(again.se)).toEqual(Array.from(fit.se));
    const other = fitVotes(sim.votes, sim.matches, settings(2));
    const a = Array.from(fit.idealPoint);
    const b = Array.from(other.idealPoint);
    expect(a).not.toEqual(b);
    expect(pearson(a, b)).toBeGreaterThan(0.999);
    expect(Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))))).toBeLessThan(0.02);
  }, 300_000);

  it("with few votes, a state stays near its neighbours; with nothing to lean on, its interval widens", () => {
    // Keep 2 of the USA's votes in session 6 (between two well-measured sessions) and 2 in
    // session 1 (its first: only the prior and the session after inform it).
    const v = sim.votes;
    const kept = new Map<number, number>();
    const keep = Array.from(v.rcid, (_, k) => {
      const s = v.session[k] as number;
      if (v.ccode[k] !== 2 || (s !== 6 && s !== 1)) return true;
      kept.set(s, (kept.get(s) ?? 0) + 1);
      return (kept.get(s) as number) <= 2;
    });
    const pick = <T extends Int32Array | Uint8Array>(a: T) => a.filter((_, k) => keep[k]) as T;
    const thin = fitVotes(
      { rcid: pick(v.rcid), session: pick(v.session), ccode: pick(v.ccode), vote: pick(v.vote) },
      sim.matches,
      settings(1),
    );
    const at = (f: FitOutput, s: number) =>
      [...f.ccode.keys()].find((u) => f.ccode[u] === 2 && f.session[u] === s) as number;
    const theta = (s: number) => thin.idealPoint[at(thin, s)] as number;
    expect(thin.votes[at(thin, 6)]).toBe(2);
    expect(Math.abs(theta(6) - (theta(5) + theta(7)) / 2)).toBeLessThan(0.3);
    // Session 1: a much wider interval than with all votes, and a point within the session.
    const u = at(thin, 1);
    expect(thin.se[u] as number).toBeGreaterThan(2 * (fit.se[at(fit, 1)] as number));
    const first = [...thin.session.keys()].filter((x) => thin.session[x] === 1);
    const range = first.map((x) => thin.idealPoint[x] as number);
    expect(thin.idealPoint[u] as number).toBeLessThan(Math.max(...range));
    expect(thin.idealPoint[u] as number).toBeGreaterThan(Math.min(...range));
  }, 300_000);
});

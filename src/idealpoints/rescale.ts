/**
 * Positions re-standardised within each session (mean 0, standard deviation 1 over the states of
 * the session, the standard errors divided by the same deviation), for readers who compare
 * states within a session and want every session on one scale. The fit's own scale (one
 * standardisation over all state-sessions) is the one that is comparable over time.
 */
import type { IdealPointRow } from "../store/store.js";

export function rescaleWithinSessions(points: readonly IdealPointRow[]): IdealPointRow[] {
  const stats = new Map<number, { n: number; sum: number; ss: number }>();
  for (const p of points) {
    const s = stats.get(p.session) ?? { n: 0, sum: 0, ss: 0 };
    s.n += 1;
    s.sum += p.idealPoint;
    s.ss += p.idealPoint * p.idealPoint;
    stats.set(p.session, s);
  }
  const scale = new Map<number, { mean: number; sd: number }>();
  for (const [session, s] of stats) {
    const mean = s.sum / s.n;
    const variance = s.n > 1 ? (s.ss - s.n * mean * mean) / (s.n - 1) : 0;
    scale.set(session, { mean, sd: variance > 0 ? Math.sqrt(variance) : 1 });
  }
  return points.map((p) => {
    const { mean, sd } = scale.get(p.session) as { mean: number; sd: number };
    return { ...p, idealPoint: (p.idealPoint - mean) / sd, se: p.se / sd };
  });
}

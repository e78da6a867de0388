/**
 * Starting values for the EM fit: in every session, the first principal axis of the states ×
 * roll-calls vote matrix (yes −1, abstain 0, no +1, centred per roll call, a missing vote 0 after
 * centring), found by singular value decomposition (ml-matrix). Each session's scores are
 * standardised and turned so that the USA is positive (or, in a session without the USA, so
 * that they agree with the session before on the states both have). A seeded perturbation then
 * lets two seeds start the fit from different points.
 */
import randn from "@stdlib/random-base-randn";
import { Matrix, SVD } from "ml-matrix";
import type { VoteData } from "./vote-data.js";

/** COW code of the state whose positions are positive by convention. */
export const ANCHOR_CCODE = 2;

/** Vote code → position on the start scale (no is the positive end, as the USA's votes). */
const CODE = [0, -1, 0, 1] as const;

/** Start positions, one per unit, standardised over all units. */
export function startValues(data: VoteData, seed: number, jitter: number): Float64Array {
  const nUnits = data.unitCcode.length;
  const theta = new Float64Array(nUnits);
  // Units and items of each session.
  const sessions = [...new Set(data.unitSession)].sort((a, b) => a - b);
  const unitsOf = new Map<number, number[]>(sessions.map((s) => [s, []]));
  for (let u = 0; u < nUnits; u++) unitsOf.get(data.unitSession[u] as number)?.push(u);

  // Votes per session as (row, item, code) triples, collected in one pass over the items.
  const rowOf = new Int32Array(nUnits);
  for (const us of unitsOf.values()) {
    us.forEach((u, i) => {
      rowOf[u] = i;
    });
  }
  const cells = new Map<number, { items: Map<number, number>; list: number[] }>(
    sessions.map((s) => [s, { items: new Map(), list: [] }]),
  );
  const nItems = data.itemRcid.length;
  for (let j = 0; j < nItems; j++) {
    for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
      const u = data.obsUnit[k] as number;
      const c = cells.get(data.unitSession[u] as number);
      if (!c) continue;
      let col = c.items.get(j);
      if (col === undefined) {
        col = c.items.size;
        c.items.set(j, col);
      }
      c.list.push(rowOf[u] as number, col, CODE[data.obsVote[k] as 1 | 2 | 3]);
    }
  }

  // Scores per session and state; sessions with the anchor are turned first, the others to
  // agree with the nearest session already turned (on the states both have).
  const scoresOf = new Map<number, Map<number, number>>();
  for (const s of sessions) {
    const us = unitsOf.get(s) as number[];
    const c = cells.get(s) as { items: Map<number, number>; list: number[] };
    const scores = sessionScores(us.length, c.items.size, c.list);
    scoresOf.set(s, new Map(us.map((u, i) => [data.unitCcode[u] as number, scores[i] as number])));
  }
  const turned = new Map<number, Map<number, number>>();
  const turn = (s: number, flip: boolean) => {
    const src = scoresOf.get(s) as Map<number, number>;
    turned.set(s, new Map([...src].map(([cc, v]) => [cc, flip ? -v : v])));
  };
  for (const s of sessions) {
    const a = scoresOf.get(s)?.get(ANCHOR_CCODE);
    if (a !== undefined) turn(s, a < 0);
  }
  if (turned.size === 0 && sessions.length) turn(sessions[0] as number, false);
  while (turned.size < sessions.length) {
    let best: { s: number; flip: boolean; dist: number } | null = null;
    for (const s of sessions) {
      if (turned.has(s)) continue;
      const own = scoresOf.get(s) as Map<number, number>;
      for (const [r, ref] of turned) {
        const dist = Math.abs(r - s);
        if (best && dist >= best.dist) continue;
        let dot = 0;
        for (const [cc, v] of own) dot += v * (ref.get(cc) ?? 0);
        best = { s, flip: dot < 0, dist };
      }
    }
    const b = best as { s: number; flip: boolean };
    turn(b.s, b.flip);
  }
  for (let u = 0; u < nUnits; u++) {
    theta[u] = turned.get(data.unitSession[u] as number)?.get(data.unitCcode[u] as number) ?? 0;
  }

  if (jitter > 0) {
    const draw = randn.factory({ seed });
    for (let u = 0; u < nUnits; u++) theta[u] = (theta[u] as number) + jitter * draw();
  }
  standardise(theta);
  return theta;
}

/** First left singular vector × singular value of the centred session matrix, standardised. */
function sessionScores(rows: number, cols: number, list: readonly number[]): Float64Array {
  const out = new Float64Array(rows);
  if (rows < 2 || cols < 1) return out;
  const m = Matrix.zeros(rows, cols);
  const sum = new Float64Array(cols);
  const count = new Float64Array(cols);
  for (let i = 0; i < list.length; i += 3) {
    const col = list[i + 1] as number;
    sum[col] = (sum[col] as number) + (list[i + 2] as number);
    count[col] = (count[col] as number) + 1;
  }
  for (let i = 0; i < list.length; i += 3) {
    const col = list[i + 1] as number;
    m.set(
      list[i] as number,
      col,
      (list[i + 2] as number) - (sum[col] as number) / (count[col] as number),
    );
  }
  const svd = new SVD(m, {
    computeLeftSingularVectors: true,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  const u = svd.leftSingularVectors.getColumn(0);
  const d = svd.diagonal[0] ?? 0;
  for (let i = 0; i < rows; i++) out[i] = (u[i] ?? 0) * d;
  standardise(out);
  return out;
}

/** Mean 0, standard deviation 1 in place (a constant vector becomes all zeros). */
export function standardise(x: Float64Array): { mean: number; sd: number } {
  const n = x.length;
  if (n === 0) return { mean: 0, sd: 1 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((x[i] as number) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  for (let i = 0; i < n; i++) x[i] = sd > 0 ? ((x[i] as number) - mean) / sd : 0;
  return { mean, sd: sd > 0 ? sd : 1 };
}

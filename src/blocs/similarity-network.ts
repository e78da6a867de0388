/**
 * The network of one year: every state that has a value of the measure that year, and one
 * similarity per pair (larger = more aligned). Stored dense (n × n, n ≤ about 200 states), which
 * makes co-assignment, modularity and neighbour look-ups plain array walks.
 */

export interface SimilarityNetwork {
  readonly year: number;
  /** Name of the measure the similarities come from. */
  readonly measure: string;
  /** COW codes of the nodes, ascending. */
  readonly nodes: Int32Array;
  /**
   * Row-major n × n similarities, symmetric; NaN where the pair has no value (no joint votes,
   * measure undefined, too few joint votes) and on the diagonal.
   */
  readonly similarity: Float64Array;
}

/** The similarity of two states, NaN when either is absent or the pair has no value. */
export function similarityOf(net: SimilarityNetwork, a: number, b: number): number {
  const n = net.nodes.length;
  const i = net.nodes.indexOf(a);
  const j = net.nodes.indexOf(b);
  if (i < 0 || j < 0 || i === j) return Number.NaN;
  return net.similarity[i * n + j] as number;
}

/**
 * Edge weights for community detection: the similarity where positive, else 0 (no edge).
 *
 * Why clip: kappa and pi are chance-corrected, so a negative value means "agreed less often than
 * chance", and modularity's null model (k_i·k_j / 2m) presumes non-negative weights; a negative
 * weight would make strengths and the total weight meaningless. Clipping treats "below chance"
 * like "at chance": no tie. Macon, Mucha & Porter (2012) show the alternative, a signed network
 * with a signed null model; it is not implemented here (docs/blocs.md).
 */
export function clippedWeights(net: SimilarityNetwork): Float64Array {
  const s = net.similarity;
  const w = new Float64Array(s.length);
  for (let k = 0; k < s.length; k++) {
    const v = s[k] as number;
    if (v > 0) w[k] = v;
  }
  return w;
}

/** Weighted degree (sum of the row) of every node of a dense weight matrix. */
export function strengths(w: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += w[i * n + j] as number;
    out[i] = sum;
  }
  return out;
}

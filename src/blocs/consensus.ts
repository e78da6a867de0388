/**
 * Consensus clustering (Lancichinetti & Fortunato 2012, Scientific Reports 2: 336): N seeded
 * Louvain runs give N partitions; their co-assignment matrix D (D_ij = share of runs that put i
 * and j together) is thresholded at τ and clustered again, N times, until every run agrees. The
 * first D, from the runs on the network itself, also gives each node's stability.
 */
import { LouvainRunner } from "./louvain.js";
import { modularity } from "./modularity.js";
import { canonicalPartition, communityGroups, partitionKey } from "./partition.js";

export interface ConsensusOptions {
  /** Seeded runs per round (default 100). */
  readonly seeds?: number;
  /** First seed; run r of round k uses seed + k·seeds + r (default 1). */
  readonly seed?: number;
  /** Resolution γ of the runs on the network (default 1). */
  readonly resolution?: number;
  /** Co-assignment below τ is dropped before clustering D again (default 0.5). */
  readonly threshold?: number;
  /** Rounds on D before giving up on full agreement (default 10). */
  readonly maxRounds?: number;
}

export interface Consensus {
  /** Consensus community of each node, canonical numbering (largest first). */
  readonly membership: Int32Array;
  /** Modularity of the consensus partition on the network at the resolution; NaN without edges. */
  readonly modularity: number;
  /** n × n share of the first round's runs in which i and j shared a community. */
  readonly coassignment: Float64Array;
  /**
   * Per node: the mean co-assignment with the other members of its consensus community; for a
   * community of one, 1 − its largest co-assignment with any node.
   */
  readonly stability: Float64Array;
  /** Modularity of each run of the first round (on the network, at the resolution). */
  readonly runModularity: Float64Array;
  /** Rounds on D until the runs agreed (0: the first round's runs already agreed). */
  readonly rounds: number;
  /** False when maxRounds passed without full agreement (the most frequent partition is kept). */
  readonly converged: boolean;
}

/** D_ij = share of the partitions that put nodes i and j in the same community. */
export function coassignment(partitions: readonly Int32Array[], n: number): Float64Array {
  const d = new Float64Array(n * n);
  if (partitions.length === 0) return d;
  const groups = partitions.map((p) => communityGroups(p));
  for (const gs of groups) {
    for (const g of gs) {
      for (const i of g) for (const j of g) d[i * n + j] = (d[i * n + j] as number) + 1;
    }
  }
  const runs = partitions.length;
  for (let k = 0; k < d.length; k++) d[k] = (d[k] as number) / runs;
  return d;
}

/** Stability of each node under a partition, from a co-assignment matrix (see Consensus). */
export function stabilityOf(d: Float64Array, n: number, membership: Int32Array): Float64Array {
  const out = new Float64Array(n);
  const groups = communityGroups(membership);
  for (const g of groups) {
    for (const i of g) {
      if (g.length > 1) {
        let sum = 0;
        for (const j of g) if (j !== i) sum += d[i * n + j] as number;
        out[i] = sum / (g.length - 1);
      } else {
        let max = 0;
        for (let j = 0; j < n; j++) if (j !== i) max = Math.max(max, d[i * n + j] as number);
        out[i] = 1 - max;
      }
    }
  }
  return out;
}

function allAgree(partitions: readonly Int32Array[]): boolean {
  const key = partitionKey(partitions[0] as Int32Array);
  return partitions.every((p) => partitionKey(p) === key);
}

/** The partition found most often (ties: the one found first). */
function mostFrequent(partitions: readonly Int32Array[]): Int32Array {
  const counts = new Map<string, { n: number; p: Int32Array }>();
  for (const p of partitions) {
    const k = partitionKey(p);
    const c = counts.get(k);
    if (c) c.n += 1;
    else counts.set(k, { n: 1, p });
  }
  let best: { n: number; p: Int32Array } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return (best as { p: Int32Array }).p;
}

/** Consensus partition of a dense non-negative weight matrix (row-major n × n). */
export function consensusPartition(
  w: Float64Array,
  n: number,
  opts: ConsensusOptions = {},
): Consensus {
  const seeds = opts.seeds ?? 100;
  const seed = opts.seed ?? 1;
  const resolution = opts.resolution ?? 1;
  const threshold = opts.threshold ?? 0.5;
  const maxRounds = opts.maxRounds ?? 10;
  if (!Number.isInteger(seeds) || seeds < 1) throw new RangeError(`seeds ${seeds} is not ≥ 1`);
  if (!(resolution > 0)) throw new RangeError(`resolution ${resolution} is not > 0`);

  const runner = new LouvainRunner(w, n);
  const first = Array.from({ length: seeds }, (_, r) => runner.run(seed + r, resolution));
  const runModularity = Float64Array.from(first, (r) => r.modularity);
  let partitions = first.map((r) => r.membership);
  const d0 = coassignment(partitions, n);

  let rounds = 0;
  let converged = allAgree(partitions);
  let d = d0;
  while (!converged && rounds < maxRounds) {
    rounds += 1;
    const dw = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = d[i * n + j] as number;
        if (i !== j && x >= threshold) dw[i * n + j] = x;
      }
    }
    // Clustering D at resolution 1: D is already the consensus's own scale (LF 2012).
    const onD = new LouvainRunner(dw, n);
    partitions = Array.from(
      { length: seeds },
      (_, r) => onD.run(seed + rounds * seeds + r).membership,
    );
    converged = allAgree(partitions);
    if (!converged) d = coassignment(partitions, n);
  }
  const membership = canonicalPartition(
    converged ? (partitions[0] as Int32Array) : mostFrequent(partitions),
  );
  return {
    membership,
    modularity: modularity(w, n, membership, resolution),
    coassignment: d0,
    stability: stabilityOf(d0, n, membership),
    runModularity,
    rounds,
    converged,
  };
}

/**
 * Seeded Louvain runs (Blondel, Guillaume, Lambiotte & Lefebvre 2008) on a dense non-negative
 * weight matrix, through graphology-communities-louvain: a maintained implementation with
 * weights, a resolution parameter and an injectable random source (its random node order is
 * what the seed drives). The graph is built once and reused by every run.
 */
import { createRequire } from "node:module";
import { UndirectedGraph } from "graphology";
import type { DetailedLouvainOutput, LouvainOptions } from "graphology-communities-louvain";
import { seededRandom } from "../core/random.js";
import { canonicalPartition } from "./partition.js";

/** The part of the package used here. */
interface Louvain {
  detailed(graph: UndirectedGraph, options?: LouvainOptions): DetailedLouvainOutput;
}

// A CommonJS package whose types declare an ES default export: required directly, so that what
// Node loads is the function itself; typed by its named types, which read the same under the
// server's NodeNext resolution and the dashboard's Bundler resolution (web/ imports types from src).
const louvain: Louvain = createRequire(import.meta.url)("graphology-communities-louvain");

export interface LouvainRun {
  /** Community of each node, canonical numbering (partition.ts). */
  readonly membership: Int32Array;
  /** Modularity of that partition at the run's resolution, as the library reports it. */
  readonly modularity: number;
}

export class LouvainRunner {
  private readonly graph: UndirectedGraph;
  private readonly keys: string[];

  /** `w` is row-major n × n, symmetric, non-negative; zero means no edge. */
  constructor(w: Float64Array, n: number) {
    if (w.length !== n * n) throw new Error(`weights hold ${w.length} values, not ${n}²`);
    this.graph = new UndirectedGraph({ allowSelfLoops: false, multi: false });
    this.keys = Array.from({ length: n }, (_, i) => String(i));
    for (const k of this.keys) this.graph.addNode(k);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = w[i * n + j] as number;
        if (x < 0 || Number.isNaN(x)) throw new Error(`weight ${x} at (${i}, ${j}) is not ≥ 0`);
        if (x > 0) this.graph.addUndirectedEdge(this.keys[i], this.keys[j], { weight: x });
      }
    }
  }

  get edgeCount(): number {
    return this.graph.size;
  }

  /** One Louvain run; the same seed and resolution give the same partition. */
  run(seed: number, resolution = 1): LouvainRun {
    const out = louvain.detailed(this.graph, { rng: seededRandom(seed), resolution });
    const labels = this.keys.map((k) => out.communities[k] as number);
    return { membership: canonicalPartition(labels), modularity: out.modularity };
  }
}

/**
 * A year's agreement matrix ordered by bloc: what the dashboard draws. States are listed bloc by
 * bloc (blocs largest first, members largest first, as `entente blocs` lists them), so the blocs
 * show as squares on the diagonal; every cell is the measure between two states, unclipped.
 */
import type { Store } from "../store/store.js";
import { type BlocsOptions, type BlocYear, blocYear } from "./blocs.js";

export interface MatrixState {
  ccode: number;
  iso3: string | null;
  name: string;
  /** Id of the state's bloc in this year (1…k by size, as in `entente blocs --year`). */
  bloc: number;
  stability: number;
}

/** The shape of GET /api/blocs/matrix. */
export interface BlocMatrix {
  year: number;
  measure: string;
  modularity: number | null;
  /** Largest first, as in `entente blocs --json`; `size` is the number of members. */
  blocs: Array<{ id: number; label: string; size: number }>;
  /** Matrix order: bloc by bloc, members largest first. */
  states: MatrixState[];
  /**
   * values[i][j]: the measure between states[i] and states[j] in the year, rounded to 3 decimals;
   * null on the diagonal and where the pair has no value (fewer than 5 joint roll calls).
   */
  values: Array<Array<number | null>>;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The matrix of one computed year (no store access). */
export function matrixOf(by: BlocYear): BlocMatrix {
  const { result, network } = by;
  const n = network.nodes.length;
  const index = new Map<number, number>();
  network.nodes.forEach((c, i) => {
    index.set(c, i);
  });
  const states: MatrixState[] = result.blocs.flatMap((b) =>
    b.members.map((m) => ({
      ccode: m.ccode,
      iso3: m.iso3,
      name: m.name,
      bloc: b.id,
      stability: m.stability,
    })),
  );
  const at = states.map((s) => index.get(s.ccode) as number);
  const values = at.map((i) =>
    at.map((j) => {
      const v = network.similarity[i * n + j] as number;
      return i === j || Number.isNaN(v) ? null : round3(v);
    }),
  );
  return {
    year: result.year,
    measure: result.measure,
    modularity: result.modularity,
    blocs: result.blocs.map((b) => ({ id: b.id, label: b.label, size: b.members.length })),
    states,
    values,
  };
}

/** The agreement matrix of a year (default: the last year the measure covers), by bloc. */
export async function blocMatrix(
  store: Store,
  opts: BlocsOptions & { readonly year?: number } = {},
): Promise<BlocMatrix> {
  return matrixOf(await blocYear(store, opts));
}

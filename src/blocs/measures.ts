/**
 * The similarity measures blocs and neighbours can be computed from, chosen by name
 * (`--measure`) or passed as an object (the escape hatch for a measure this file does not know).
 * A measure yields one SimilarityNetwork per covered year: larger = more aligned; values ≤ 0
 * are no tie for community detection (similarity-network.ts). A distance must be turned into
 * such a similarity by the measure itself.
 */
import { BadInputError } from "../core/errors.js";
import { addIndicators } from "../frames/add-indicators.js";
import { loadedYearRange } from "../frames/coverage.js";
import { createDyadYears } from "../frames/create-dyad-years.js";
import { idealComponent } from "../indicators/composite.js";
import { indicatorFit } from "../indicators/ideal-points.js";
import {
  fillFromVoteYears,
  readVoteYears,
  type VoteYear,
  voteYearSql,
} from "../indicators/voting-similarity.js";
import type { Store } from "../store/store.js";
import { BLOC_MEASURES, type BlocMeasureName } from "./defaults.js";
import type { SimilarityNetwork } from "./similarity-network.js";

export { BLOC_MEASURES, type BlocMeasureName };

export interface BlocMeasure {
  readonly name: string;
  /** What a value means, its range, and what it is computed from. */
  readonly description: string;
  readonly citation: string;
  /** Years in which the loaded data give the measure, ascending. */
  years(store: Store): Promise<number[]>;
  /** The networks of the covered years in from…to (a year without data is absent). */
  networks(store: Store, from: number, to: number): Promise<Map<number, SimilarityNetwork>>;
}

/**
 * Pairs with fewer joint roll calls get no similarity: kappa or pi over a handful of votes is
 * noise (1.0 from two identical votes), and such a pair would tie two states as strongly as a
 * year of agreement.
 */
export const MIN_JOINT_VOTES = 5;

const VOTE_COLUMNS = { kappa: "un_kappa", pi: "un_pi", agree: "un_agree" } as const;
type VoteMeasureName = keyof typeof VOTE_COLUMNS;

/**
 * The network of one year of votes: every state with a valid vote that year is a node; a pair's
 * similarity is the measure over their joint votes when they share at least minJoint roll calls.
 */
export function voteNetwork(
  vy: VoteYear,
  name: VoteMeasureName,
  minJoint = MIN_JOINT_VOTES,
): SimilarityNetwork {
  const nodes: number[] = [];
  vy.rowOf.forEach((row, ccode) => {
    if (row >= 0) nodes.push(ccode);
  });
  const n = nodes.length;
  const pairs = (n * (n - 1)) / 2;
  const a = new Int32Array(pairs);
  const b = new Int32Array(pairs);
  const year = new Int32Array(pairs).fill(vy.year);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      a[k] = nodes[i] as number;
      b[k] = nodes[j] as number;
    }
  }
  const cols = fillFromVoteYears({ a, b, year, length: pairs }, new Map([[vy.year, vy]]));
  const values = cols[VOTE_COLUMNS[name]] as Float64Array;
  const joint = cols.un_joint_votes as Float64Array;
  const similarity = new Float64Array(n * n).fill(Number.NaN);
  k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      if ((joint[k] as number) < minJoint) continue;
      similarity[i * n + j] = values[k] as number;
      similarity[j * n + i] = values[k] as number;
    }
  }
  return { year: vy.year, measure: name, nodes: Int32Array.from(nodes), similarity };
}

const UNGA =
  "UN General Assembly roll calls (Voeten, Strezhnev & Bailey, Harvard Dataverse hdl:1902.1/12379), as loaded";

function voteMeasure(name: VoteMeasureName, description: string, citation: string): BlocMeasure {
  return {
    name,
    description,
    citation,
    async years(store) {
      const rows = await store.query<{ y: number }>(
        `SELECT DISTINCT ${voteYearSql(store.sql)} AS y
         FROM un_votes v LEFT JOIN un_rollcalls r ON r.rcid = v.rcid
         WHERE v.vote BETWEEN 1 AND 3 ORDER BY y`,
      );
      return rows.map((r) => Number(r.y)).filter((y) => Number.isFinite(y));
    },
    async networks(store, from, to) {
      const years = await readVoteYears(store, from, to);
      const out = new Map<number, SimilarityNetwork>();
      for (const y of [...years.keys()].sort((p, q) => p - q)) {
        out.set(y, voteNetwork(years.get(y) as VoteYear, name));
      }
      return out;
    },
  };
}

/** A network from pair values: nodes in code order, NaN where a pair has no value. */
function pairNetwork(
  year: number,
  measure: string,
  pairs: ReadonlyArray<readonly [number, number, number]>,
): SimilarityNetwork {
  const nodes = [...new Set(pairs.flat())].sort((p, q) => p - q);
  const at = new Map(nodes.map((c, i) => [c, i]));
  const n = nodes.length;
  const similarity = new Float64Array(n * n).fill(Number.NaN);
  for (const [a, b, v] of pairs) {
    const i = at.get(a) as number;
    const j = at.get(b) as number;
    similarity[i * n + j] = v;
    similarity[j * n + i] = v;
  }
  return { year, measure, nodes: Int32Array.from(nodes), similarity };
}

/**
 * Ideal points: similarity 1 − d/4 for the distance d of two states' positions in the session
 * opened in the year (the UN component of the composites, indicators/composite.ts); pairs 4 or
 * more standard deviations apart have no tie. Needs a stored fit (`entente ideal-points`).
 */
const idealMeasure: BlocMeasure = {
  name: "ideal",
  description:
    "1 − d/4 for the distance d between two states' UN ideal points in the session opened in the year (standard deviations of the fit's scale; 0 or less, no tie), from the stored fit of the loaded votes.",
  citation:
    "Bailey, Strezhnev & Voeten 2017, Journal of Conflict Resolution 61(2) (ideal points; Entente's EM estimate, docs/ideal-points.md)",
  async years(store) {
    const fit = await requireFit(store);
    const years = new Set((await store.idealPoints(fit.fitId)).map((p) => p.year));
    return [...years].sort((p, q) => p - q);
  },
  async networks(store, from, to) {
    const fit = await requireFit(store);
    const byYear = new Map<number, Array<{ ccode: number; x: number }>>();
    for (const p of await store.idealPoints(fit.fitId)) {
      if (p.year < from || p.year > to) continue;
      const list = byYear.get(p.year) ?? [];
      list.push({ ccode: p.ccode, x: p.idealPoint });
      byYear.set(p.year, list);
    }
    const out = new Map<number, SimilarityNetwork>();
    for (const y of [...byYear.keys()].sort((p, q) => p - q)) {
      const states = (byYear.get(y) ?? []).sort((p, q) => p.ccode - q.ccode);
      const pairs: Array<readonly [number, number, number]> = [];
      for (let i = 0; i < states.length; i++) {
        for (let j = i + 1; j < states.length; j++) {
          const a = states[i] as { ccode: number; x: number };
          const b = states[j] as { ccode: number; x: number };
          pairs.push([a.ccode, b.ccode, idealComponent(Math.abs(a.x - b.x))]);
        }
      }
      out.set(y, pairNetwork(y, "ideal", pairs));
    }
    return out;
  },
};

async function requireFit(store: Store) {
  const fit = await indicatorFit(store);
  if (!fit) {
    throw new BadInputError("no_fit", "--measure ideal needs UN ideal points of the loaded votes", {
      hint: "Fit them once with `entente ideal-points` (the fit is stored and reused)",
    });
  }
  return fit;
}

/**
 * The net alignment composite (cooperation − hostility, −1…1; ≤ 0 no tie): blocs of states with
 * friendly relations, not only similar votes. Null years (a component missing) have no network.
 */
const alignmentMeasure: BlocMeasure = {
  name: "alignment",
  description:
    "alignment_index (cooperation − hostility, −1…1: UN voting, alliances, shared IGOs, militarized disputes; docs/indicators.md#composites); 0 or less, no tie.",
  citation: "Entente composite (docs/indicators.md#composites, docs/validation.md)",
  async years(store) {
    const range = await loadedYearRange(store);
    if (!range) return [];
    const nets = await this.networks(store, range.from, range.to);
    return [...nets.keys()];
  },
  async networks(store, from, to) {
    const frame = createDyadYears({ dyads: "all", from, to });
    const cols = await addIndicators(store, frame, { indicators: ["alignment_index"] });
    const v = cols.values.alignment_index as Float64Array;
    const byYear = new Map<number, Array<readonly [number, number, number]>>();
    for (let i = 0; i < frame.length; i++) {
      const x = v[i] as number;
      if (Number.isNaN(x)) continue;
      const y = frame.year[i] as number;
      const list = byYear.get(y) ?? [];
      list.push([frame.a[i] as number, frame.b[i] as number, x]);
      byYear.set(y, list);
    }
    const out = new Map<number, SimilarityNetwork>();
    for (const y of [...byYear.keys()].sort((p, q) => p - q)) {
      out.set(y, pairNetwork(y, "alignment", byYear.get(y) ?? []));
    }
    return out;
  },
};

export const BLOC_MEASURE_DEFS: Readonly<Record<BlocMeasureName, BlocMeasure>> = {
  kappa: voteMeasure(
    "kappa",
    `Cohen's kappa of two states' UNGA votes in the calendar year (yes/abstain/no as nominal categories), −1…1; pairs with fewer than ${MIN_JOINT_VOTES} joint roll calls have none. ${UNGA}.`,
    "Häge 2011, Political Analysis 19(3)",
  ),
  pi: voteMeasure(
    "pi",
    `Scott's pi of two states' UNGA votes in the calendar year, −1…1; pairs with fewer than ${MIN_JOINT_VOTES} joint roll calls have none. ${UNGA}.`,
    "Häge 2011, Political Analysis 19(3)",
  ),
  agree: voteMeasure(
    "agree",
    `UNGA agreement index 1 − mean|x−y|/2 in the calendar year (abstain is half agreement), 0…1; not chance-corrected, so every pair is tied. ${UNGA}.`,
    "Bailey, Strezhnev & Voeten 2017, Journal of Conflict Resolution 61(2); weighted agreement networks as in Macon, Mucha & Porter 2012, Physica A 391",
  ),
  ideal: idealMeasure,
  alignment: alignmentMeasure,
};

/** A measure by name, or the measure object itself. */
export function blocMeasure(m: BlocMeasureName | BlocMeasure | string | undefined): BlocMeasure {
  if (m === undefined) return BLOC_MEASURE_DEFS.kappa;
  if (typeof m !== "string") return m;
  if ((BLOC_MEASURES as readonly string[]).includes(m)) {
    return BLOC_MEASURE_DEFS[m as BlocMeasureName];
  }
  throw new BadInputError("bad_measure", `Unknown measure "${m}"`, {
    hint: `Use ${BLOC_MEASURES.join(", ")}`,
  });
}

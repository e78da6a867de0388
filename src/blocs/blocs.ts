/**
 * Blocs: communities in the network of all states of a year (docs/blocs.md). The similarity
 * network of the chosen measure, negatives clipped, clustered by a consensus of seeded Louvain
 * runs; members ordered largest first, blocs named after their largest members, and over a
 * range of years matched by overlap so that a bloc keeps its id.
 */
import { stateByCcode } from "../core/crosswalk.js";
import { csvLine } from "../core/csv.js";
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { type Consensus, consensusPartition } from "./consensus.js";
import { DEFAULT_SEEDS } from "./defaults.js";
import { type BlocMeasure, type BlocMeasureName, blocMeasure } from "./measures.js";
import { blocLabel, rankMembers, readCinc } from "./member-rank.js";
import { communityGroups } from "./partition.js";
import { clippedWeights, type SimilarityNetwork, strengths } from "./similarity-network.js";
import { trackBlocs } from "./track.js";

export interface BlocMember {
  ccode: number;
  iso3: string | null;
  name: string;
  /** Mean share of the seeded runs that put the state with each other member (consensus.ts). */
  stability: number;
}

export interface Bloc {
  /** 1…k by size within one year; stable across years within a timeline (track.ts). */
  id: number;
  /** The three largest members (member-rank.ts) and how many more. */
  label: string;
  /** Largest first. */
  members: BlocMember[];
}

/** The shape of `entente blocs --json`. */
export interface BlocsResult {
  year: number;
  measure: string;
  /** Modularity of the consensus partition on the clipped network (null: no positive tie). */
  modularity: number | null;
  /** Largest first. */
  blocs: Bloc[];
}

export interface BlocsOptions {
  /** Similarity measure (default kappa). */
  readonly measure?: BlocMeasureName | BlocMeasure;
  /** Modularity resolution γ: above 1 finds more, smaller blocs (default 1). */
  readonly resolution?: number;
  /** Seeded Louvain runs behind the consensus (default 50). */
  readonly seeds?: number;
  /** First seed (default 1). */
  readonly seed?: number;
}

/** One year's blocs with what they were computed from (for views that draw the network). */
export interface BlocYear {
  readonly result: BlocsResult;
  readonly network: SimilarityNetwork;
  readonly consensus: Consensus;
  /** Member sets of result.blocs, in the same order. */
  readonly sets: ReadonlyArray<ReadonlySet<number>>;
}

export { DEFAULT_SEEDS };

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The blocs of one network (ids 1…k by size). `cinc`: CINC of the year, null without NMC. */
export function detectBlocs(
  net: SimilarityNetwork,
  opts: BlocsOptions = {},
  cinc: ReadonlyMap<number, number> | null = null,
): BlocYear {
  const n = net.nodes.length;
  const w = clippedWeights(net);
  const consensus = consensusPartition(w, n, {
    seeds: opts.seeds ?? DEFAULT_SEEDS,
    seed: opts.seed ?? 1,
    resolution: opts.resolution ?? 1,
  });
  const strength = strengths(w, n);
  const blocs: Bloc[] = [];
  const sets: Set<number>[] = [];
  communityGroups(consensus.membership).forEach((group, k) => {
    const ranked = rankMembers(
      group.map((i) => ({
        ccode: net.nodes[i] as number,
        strength: strength[i] as number,
        stability: consensus.stability[i] as number,
      })),
      cinc,
    );
    const ccodes = ranked.map((m) => m.ccode);
    blocs.push({
      id: k + 1,
      label: blocLabel(ccodes),
      members: ranked.map((m) => {
        const s = stateByCcode(m.ccode);
        return {
          ccode: m.ccode,
          iso3: s?.iso3 ?? null,
          name: s?.name ?? String(m.ccode),
          stability: round(m.stability, 4),
        };
      }),
    });
    sets.push(new Set(ccodes));
  });
  const q = consensus.modularity;
  return {
    result: {
      year: net.year,
      measure: net.measure,
      modularity: Number.isFinite(q) ? round(q, 6) : null,
      blocs,
    },
    network: net,
    consensus,
    sets,
  };
}

async function coveredYears(store: Store, measure: BlocMeasure): Promise<number[]> {
  const years = await measure.years(store);
  if (years.length === 0) {
    throw new BadInputError("no_data", `No data for --measure ${measure.name} in the store`, {
      hint: "Load UN votes first with `entente ingest <dir>`",
    });
  }
  return years;
}

function span(years: readonly number[]): string {
  return `${years[0]}–${years[years.length - 1]}`;
}

/**
 * The similarity network of one year (default: the last year the measure covers): what blocs
 * are computed from, and what a view of the network draws.
 */
export async function yearNetwork(
  store: Store,
  opts: { readonly measure?: BlocMeasureName | BlocMeasure; readonly year?: number } = {},
): Promise<SimilarityNetwork> {
  const measure = blocMeasure(opts.measure);
  const year = opts.year ?? ((await coveredYears(store, measure)).at(-1) as number);
  const net = (await measure.networks(store, year, year)).get(year);
  if (!net) {
    const years = await coveredYears(store, measure);
    throw new BadInputError("no_data", `No ${measure.name} data for ${year}`, {
      hint: `The loaded data cover ${span(years)} (${years.length} years with data)`,
    });
  }
  return net;
}

/** The blocs of one year (default: the last year the measure covers), ids 1…k by size. */
export async function blocYear(
  store: Store,
  opts: BlocsOptions & { readonly year?: number } = {},
): Promise<BlocYear> {
  const net = await yearNetwork(store, opts);
  const cinc = (await readCinc(store, net.year, net.year)).get(net.year) ?? null;
  return detectBlocs(net, opts, cinc);
}

/** `entente blocs --year`: the blocs of one year, ids 1…k by size. */
export async function blocs(
  store: Store,
  opts: BlocsOptions & { readonly year?: number } = {},
): Promise<BlocsResult> {
  return (await blocYear(store, opts)).result;
}

export interface TimelineOptions extends BlocsOptions {
  readonly from: number;
  readonly to: number;
  /** Lowest Jaccard overlap at which a bloc continues (default 0.3, track.ts). */
  readonly minJaccard?: number;
  /** Covered years a bloc may go unmatched and still continue (default 2, track.ts). */
  readonly maxGap?: number;
  /** Called after each year (progress). */
  readonly onYear?: (year: number, done: number, total: number) => void;
}

/**
 * The blocs of every covered year in from…to, ids matched across years (track.ts): the id of
 * a bloc is the same in every year it continues. Years without data are skipped.
 */
export async function blocTimeline(store: Store, opts: TimelineOptions): Promise<BlocYear[]> {
  if (opts.from > opts.to) {
    throw new BadInputError("bad_years", `--from ${opts.from} is after --to ${opts.to}`);
  }
  const measure = blocMeasure(opts.measure);
  const nets = await measure.networks(store, opts.from, opts.to);
  if (nets.size === 0) {
    const years = await coveredYears(store, measure);
    throw new BadInputError("no_data", `No ${measure.name} data in ${opts.from}–${opts.to}`, {
      hint: `The loaded data cover ${span(years)} (${years.length} years with data)`,
    });
  }
  const cinc = await readCinc(store, opts.from, opts.to);
  const years = [...nets.keys()].sort((p, q) => p - q);
  const out: BlocYear[] = [];
  for (const y of years) {
    out.push(detectBlocs(nets.get(y) as SimilarityNetwork, opts, cinc.get(y) ?? null));
    opts.onYear?.(y, out.length, years.length);
    // A year takes a fraction of a second of CPU: let a server answer other requests between
    // years instead of stalling for the whole range.
    await new Promise<void>((done) => setImmediate(done));
  }
  const ids = trackBlocs(
    out.map((b) => b.sets),
    {
      ...defined({ minJaccard: opts.minJaccard, maxGap: opts.maxGap }),
    },
  );
  out.forEach((b, t) => {
    b.result.blocs.forEach((bloc, k) => {
      bloc.id = ids[t]?.[k] as number;
    });
  });
  return out;
}

/** One row of `entente blocs --from --to --out timeline.csv`: a state in a year. */
export interface TimelineRow {
  year: number;
  ccode: number;
  iso3: string | null;
  name: string;
  bloc: number;
  label: string;
  size: number;
  stability: number;
}

export const TIMELINE_COLUMNS = [
  "year",
  "ccode",
  "iso3",
  "name",
  "bloc",
  "label",
  "size",
  "stability",
] as const;

/** Bloc membership per state-year, by year then COW code. */
export function timelineRows(results: readonly BlocsResult[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const r of results) {
    const year: TimelineRow[] = [];
    for (const b of r.blocs) {
      for (const m of b.members) {
        year.push({
          year: r.year,
          ccode: m.ccode,
          iso3: m.iso3,
          name: m.name,
          bloc: b.id,
          label: b.label,
          size: b.members.length,
          stability: m.stability,
        });
      }
    }
    rows.push(...year.sort((p, q) => p.ccode - q.ccode));
  }
  return rows;
}

/** The rows as CSV (RFC 4180, header line, empty cell for null). */
export function timelineCsv(rows: readonly TimelineRow[]): string {
  const lines = [TIMELINE_COLUMNS.join(",")];
  for (const r of rows) lines.push(csvLine(TIMELINE_COLUMNS.map((c) => r[c])));
  return `${lines.join("\n")}\n`;
}

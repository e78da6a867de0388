/**
 * The report's section "<A> and <B> among the blocs" (docs/blocs.md): whether the two states sat
 * in the same UN voting bloc in the latest year with votes of both, since when (the years before,
 * back to the report's first year, in which that held without a break), the bloc's size and
 * largest members, and each state's closest partners with their change over ten years.
 *
 * Blocs here come from 10 seeded runs per year, not the 50 of `entente blocs`: a report has a
 * budget of about 3 s (docs/benchmarks.md), and the section says so.
 */

import type { Bloc } from "../blocs/blocs.js";
import { detectBlocs } from "../blocs/blocs.js";
import { BLOC_MEASURE_DEFS } from "../blocs/measures.js";
import { readCinc } from "../blocs/member-rank.js";
import { type NeighboursResult, neighboursIn } from "../blocs/neighbours.js";
import { type SimilarityNetwork, similarityOf } from "../blocs/similarity-network.js";
import { stateByCcode } from "../core/crosswalk.js";
import type { StateRef } from "../frames/dyad-result.js";
import type { Store } from "../store/store.js";

/** Seeded runs per year in the report (entente blocs: 50). */
export const REPORT_BLOC_SEEDS = 10;
/** Closest partners listed per state. */
export const REPORT_NEIGHBOURS = 5;
/** Largest members named per bloc. */
export const REPORT_BLOC_LARGEST = 5;
/**
 * Years of networks read by the first query while walking back; each further query reads twice
 * as many. Most pairs need two years (the latest and the one where their status changed), a few
 * the whole period.
 */
const FIRST_CHUNK = 2;

export interface BlocSide {
  readonly state: StateRef;
  /** The state's bloc in the year. */
  readonly bloc: {
    readonly id: number;
    readonly label: string;
    readonly size: number;
    /** Largest first (by CINC when the store has it for the year, else by strength of ties). */
    readonly largest: readonly StateRef[];
  };
  readonly stability: number;
  readonly neighbours: NeighboursResult;
}

export interface BlocSection {
  readonly measure: "kappa";
  readonly seeds: number;
  /** Years of the report's period in which the UN votes give a network. */
  readonly covered: { readonly from: number; readonly to: number } | null;
  /** The latest covered year in which both states voted; null when there is none. */
  readonly year: number | null;
  /** Both states' kappa that year (null: fewer than 5 joint roll calls). */
  readonly pairKappa: number | null;
  readonly together: boolean | null;
  /**
   * First year of the unbroken run of covered years, up to `year`, in which the pair was
   * together (or apart) as in `year`.
   */
  readonly since: number | null;
  /**
   * What ends the run going back: the pair's status differs in `before` ("change"), a state cast
   * no vote in `before` ("absent"), or the period's first covered year is reached ("period").
   */
  readonly runStart: "change" | "absent" | "period" | null;
  /** The covered year before `since` (null with "period"). */
  readonly before: number | null;
  /** With "absent": the state without votes in `before`. */
  readonly absent: StateRef | null;
  /** Whether members were ranked by CINC (NMC loaded for the year). */
  readonly byCinc: boolean;
  readonly a: BlocSide | null;
  readonly b: BlocSide | null;
  /** Sentences the section prints, each supported by the numbers above. */
  readonly sentences: readonly string[];
}

const ref = (ccode: number): StateRef => {
  const s = stateByCcode(ccode);
  return { ccode, iso3: s?.iso3 ?? null, name: s?.name ?? String(ccode) };
};

const blocOf = (blocs: readonly Bloc[], ccode: number): Bloc | undefined =>
  blocs.find((b) => b.members.some((m) => m.ccode === ccode));

const fixed = (v: number, digits = 2): string =>
  v
    .toFixed(digits)
    .replace(/^-(0\.0+)$/, "$1")
    .replace(/^-/, "\u2212");

/** "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export async function blocSection(
  store: Store,
  a: StateRef,
  b: StateRef,
  period: { readonly from: number; readonly to: number },
): Promise<BlocSection | null> {
  const measure = BLOC_MEASURE_DEFS.kappa;
  const years = (await measure.years(store)).filter((y) => y >= period.from && y <= period.to);
  if (years.length === 0) return null;
  const covered = { from: years[0] as number, to: years.at(-1) as number };
  const empty = {
    measure: "kappa" as const,
    seeds: REPORT_BLOC_SEEDS,
    covered,
    pairKappa: null,
    together: null,
    since: null,
    runStart: null,
    before: null,
    absent: null,
    byCinc: false,
    a: null,
    b: null,
  };

  // Walk back from the latest covered year, reading a few years at a time, until the pair's
  // status (same bloc or not) changes, a state is missing, or the period ends.
  const nets = new Map<number, SimilarityNetwork>();
  const cinc = new Map<number, Map<number, number>>();
  let chunk = FIRST_CHUNK;
  let readFrom = covered.to + 1;
  const read = async (y: number) => {
    if (y >= readFrom) return;
    const lo = Math.max(covered.from, y - chunk + 1);
    chunk *= 2;
    readFrom = lo;
    for (const [k, v] of await measure.networks(store, lo, y)) nets.set(k, v);
    for (const [k, v] of await readCinc(store, lo, y)) cinc.set(k, v);
  };
  const has = (net: SimilarityNetwork | undefined, c: number) =>
    net !== undefined && net.nodes.indexOf(c) >= 0;

  let year: number | null = null;
  let k = years.length - 1;
  for (; k >= 0; k--) {
    const y = years[k] as number;
    await read(y);
    const net = nets.get(y);
    if (has(net, a.ccode) && has(net, b.ccode)) {
      year = y;
      break;
    }
  }
  if (year === null) {
    return {
      ...empty,
      year: null,
      sentences: [
        `${a.name} and ${b.name} have no year in ${covered.from}–${covered.to} in which both cast UN General Assembly votes in the loaded data, so no blocs are shown.`,
      ],
    };
  }

  const detect = (y: number) =>
    detectBlocs(
      nets.get(y) as SimilarityNetwork,
      { seeds: REPORT_BLOC_SEEDS },
      cinc.get(y) ?? null,
    );
  const latest = detect(year);
  const blocs = latest.result.blocs;
  const together = blocOf(blocs, a.ccode) === blocOf(blocs, b.ccode);
  let since = year;
  let runStart: "change" | "absent" | "period" = "period";
  let before: number | null = null;
  let absent: StateRef | null = null;
  for (let j = k - 1; j >= 0; j--) {
    const y = years[j] as number;
    await read(y);
    const net = nets.get(y);
    if (!has(net, a.ccode) || !has(net, b.ccode)) {
      runStart = "absent";
      before = y;
      absent = has(net, a.ccode) ? b : a;
      break;
    }
    const r = detect(y).result.blocs;
    if ((blocOf(r, a.ccode) === blocOf(r, b.ccode)) !== together) {
      runStart = "change";
      before = y;
      break;
    }
    since = y;
  }

  const byCinc = (cinc.get(year)?.size ?? 0) > 0;
  const past = (await measure.networks(store, year - 10, year - 10)).get(year - 10) ?? null;
  const net = nets.get(year) as SimilarityNetwork;
  const side = (s: StateRef): BlocSide => {
    const bloc = blocOf(blocs, s.ccode) as Bloc;
    return {
      state: s,
      bloc: {
        id: bloc.id,
        label: bloc.label,
        size: bloc.members.length,
        largest: bloc.members.slice(0, REPORT_BLOC_LARGEST).map((m) => ref(m.ccode)),
      },
      stability: bloc.members.find((m) => m.ccode === s.ccode)?.stability as number,
      neighbours: neighboursIn(net, past, s, REPORT_NEIGHBOURS),
    };
  };
  const sa = side(a);
  const sb = side(b);
  const kappa = similarityOf(net, a.ccode, b.ccode);
  const section = {
    measure: "kappa" as const,
    seeds: REPORT_BLOC_SEEDS,
    covered,
    year,
    pairKappa: Number.isNaN(kappa) ? null : Math.round(kappa * 1e6) / 1e6,
    together,
    since,
    runStart,
    before,
    absent,
    byCinc,
    a: sa,
    b: sb,
  };
  return { ...section, sentences: blocSentences(section, years) };
}

type SectionNumbers = Omit<BlocSection, "sentences">;

/** How the section's blocs were found, printed under it. */
export function blocMethodNote(s: BlocSection): string {
  return `Blocs: communities in the network of all states voting in the UN General Assembly each year, ties being Cohen's kappa of two states' votes (negative values, below-chance agreement, are no tie), found as the consensus of ${s.seeds} seeded Louvain runs per year. \`entente blocs\` uses 50 runs by default and can differ in years where the votes leave the grouping ambiguous; stability is the share of runs that put a state with each other member of its bloc. Largest members ${s.byCinc ? "by CINC (COW National Material Capabilities)" : "by the strength of their ties (no CINC loaded for the year)"}. Closest partners: kappa in ${s.year ?? "the year"} and ten years earlier. See docs/blocs.md.`;
}

/** The section's sentences: what the numbers say, with the measure named, and no more. */
export function blocSentences(s: SectionNumbers, years: readonly number[]): string[] {
  const { a, b, year, since } = s;
  if (!a || !b || year === null || since === null) return [];
  const A = a.state.name;
  const B = b.state.name;
  const out: string[] = [];
  const how = "by Cohen's kappa of their UN General Assembly votes";
  const run = years.filter((y) => y >= since && y <= year).length;
  const state = s.together ? "in the same bloc" : "in different blocs";
  let first = `Grouped ${how}, ${A} and ${B} were ${state} in ${year}`;
  if (since !== year) first += `, and in every year with UN votes since ${since} (${run} years)`;
  if (s.runStart === "change") {
    first += s.together
      ? `; in ${s.before} they were in different blocs`
      : `; they last shared a bloc in ${s.before}`;
  } else if (s.runStart === "absent") {
    first += `; ${s.absent?.name} cast no vote in ${s.before}`;
  } else {
    first += `: the whole of this report's period with UN votes (from ${s.covered?.from})`;
  }
  out.push(`${first}.`);
  if (year < (s.covered?.to ?? year)) {
    out.push(`${year} is the latest year with votes of both in this report's period.`);
  }

  const sizeBy = s.byCinc ? "by material capabilities (CINC)" : "by the strength of their ties";
  const blocText = (side: BlocSide) =>
    `${side.bloc.size} members; the largest ${sizeBy}: ${listOf(side.bloc.largest.map((x) => x.name))}`;
  if (s.together) {
    out.push(`Their bloc in ${year} (${a.bloc.label}) had ${blocText(a)}.`);
  } else {
    out.push(
      `${A}'s bloc in ${year} (${a.bloc.label}) had ${blocText(a)}. ${B}'s (${b.bloc.label}) had ${blocText(b)}.`,
    );
  }
  out.push(
    `${
      s.pairKappa === null
        ? `Their own kappa in ${year} is not defined: they shared fewer than 5 roll calls.`
        : `Their own kappa in ${year} was ${fixed(s.pairKappa)}.`
    } A bloc is a group found by modularity, not a set of pairwise ties: states in one bloc need not vote alike with each other, and the closest partners below can sit in another bloc.`,
  );
  const among = (x: BlocSide, other: StateRef) =>
    x.neighbours.neighbours.some((n) => n.ccode === other.ccode);
  const closest = (x: BlocSide) => {
    const top = x.neighbours.neighbours[0];
    return top ? `${top.name} (${fixed(top.similarity)})` : null;
  };
  const ca = closest(a);
  const cb = closest(b);
  if (ca && cb) {
    const ab = among(a, b.state);
    const ba = among(b, a.state);
    const n = REPORT_NEIGHBOURS;
    const mutual =
      ab && ba
        ? `each is among the other's ${n} closest`
        : ab
          ? `${B} is among ${A}'s ${n} closest, ${A} not among ${B}'s`
          : ba
            ? `${A} is among ${B}'s ${n} closest, ${B} not among ${A}'s`
            : `neither is among the other's ${n} closest`;
    out.push(`${A}'s closest partner by kappa in ${year} was ${ca}, ${B}'s ${cb}; ${mutual}.`);
  }
  return out;
}

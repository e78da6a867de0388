/**
 * UN General Assembly voting similarity per dyad-year (docs/indicators.md (UN voting similarity), METHODS.md "UN
 * General Assembly voting"): joint votes, agreement index, Signorino–Ritter S, Cohen's kappa and
 * Scott's pi over the roll calls of a calendar year on which both states voted yes (1), abstain (2)
 * or no (3). Absent (8) and not-a-member (9) are dropped pairwise.
 *
 * Every measure is a function of the 3×3 table of joint vote counts of the two states, and seven
 * sums of it suffice (measuresFromStats). The family reads the votes of the frame's years once
 * (one query, aggregated into one row per state-year), builds per year a states × roll-calls
 * matrix stored as bit planes (valid, yes, abstain, no; 32 roll calls per word) and fills each
 * frame row with popcounts of plane intersections: about 50–100 ms for the 451,000 dyad-years
 * of all COW members 1991–2015.
 */

import { cite } from "../core/bibliography.js";
import { seededRandom, seedOf } from "../core/random.js";
import { type Frame, frameBounds } from "../frames/frame.js";
import { UNDL_CITATION } from "../sources/undl-votes.js";
import { UNGA_CITATION } from "../sources/unga-voeten.js";
import type { SqlDialect } from "../store/dialect.js";
import type { Store } from "../store/store.js";
import { memberLookup } from "./alliances.js";
import {
  type Column,
  type ComputeOptions,
  type FamilyComputer,
  type IndicatorDef,
  nullColumn,
  type UnVoteSource,
} from "./indicator.js";
import { bootstrapIntervals } from "./vote-bootstrap.js";
import { isValidVote, measuresFromStats } from "./vote-measures.js";

export {
  isValidVote,
  measuresFromStats,
  similarityFromCounts,
  type VoteSimilarity,
  voteSimilarity,
} from "./vote-measures.js";

/** Year of a roll call: calendar year of its date when known, else 1945 + session (METHODS.md). */
export function rollCallYear(dateYear: number | null, session: number | null): number | null {
  if (dateYear !== null) return dateYear;
  return session === null ? null : 1945 + session;
}

// ---------------------------------------------------------------------------------------------
// Indicator definitions.

const SOURCE =
  "UN General Assembly roll-call votes: Voeten, Strezhnev & Bailey (Harvard Dataverse doi:10.7910/DVN/LEJUQZ; un_votes + un_rollcalls) up to the last day they hold, then the UN Digital Library's voting data (record 4060887; undl_votes), unless one source is chosen";
const MEASURE_REFS = {
  agree: `${cite("bailey2017")} (agreement index; = US State Department voting coincidence)`,
  s: cite("signorino1999"),
  kappa: `${cite("hage2011")} (Cohen's kappa)`,
  pi: `${cite("hage2011")} (Scott's pi)`,
};
const measureCitation = (ref: string): string =>
  `${UNGA_CITATION} ${UNDL_CITATION} Measure: ${ref}`;

/** Interval columns, computed only when asked for (they take 500 resamples per dyad-year). */
const intervalDefs = (measure: "agree" | "s" | "kappa" | "pi", label: string): IndicatorDef[] =>
  (["lo", "hi"] as const).map((end) => ({
    name: `un_${measure}_${end}`,
    family: "un" as const,
    description: `${end === "lo" ? "Lower" : "Upper"} end of the 95% bootstrap interval of un_${measure} (${label}): the joint roll calls resampled 500 times, percentile interval.`,
    unit: measure === "agree" ? "index 0…1" : "index −1…1",
    source: SOURCE,
    citation: measureCitation(
      `${MEASURE_REFS[measure]}; interval: Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 13`,
    ),
    onRequest: true,
  }));

export const UN_INTERVAL_INDICATORS: readonly IndicatorDef[] = [
  ...intervalDefs("agree", "agreement"),
  ...intervalDefs("s", "Signorino–Ritter S"),
  ...intervalDefs("kappa", "Cohen's kappa"),
  ...intervalDefs("pi", "Scott's pi"),
];

const UN_POINT_INDICATORS: readonly IndicatorDef[] = [
  {
    name: "un_joint_votes",
    family: "un",
    description:
      "Number of UNGA roll calls in the calendar year on which both states voted yes, abstain or no.",
    unit: "roll calls (count)",
    source: SOURCE,
    citation: measureCitation(MEASURE_REFS.agree),
  },
  {
    name: "un_agree",
    family: "un",
    description:
      "UNGA agreement index 1 − mean|x−y|/2 over the joint votes (yes 1, abstain 2, no 3; abstain counts as half agreement).",
    unit: "index 0…1",
    source: SOURCE,
    citation: measureCitation(MEASURE_REFS.agree),
  },
  {
    name: "un_s",
    family: "un",
    description:
      "Signorino–Ritter S over the joint UNGA votes with absolute distances and maximum distance 2 (= 2·un_agree − 1).",
    unit: "index −1…1",
    source: SOURCE,
    citation: measureCitation(MEASURE_REFS.s),
  },
  {
    name: "un_kappa",
    family: "un",
    description:
      "Cohen's kappa of the joint UNGA votes as three nominal categories, agreement corrected for each state's own vote distribution.",
    unit: "index −1…1",
    source: SOURCE,
    citation: measureCitation(MEASURE_REFS.kappa),
  },
  {
    name: "un_pi",
    family: "un",
    description:
      "Scott's pi of the joint UNGA votes as three nominal categories, agreement corrected for the pooled vote distribution of both states.",
    unit: "index −1…1",
    source: SOURCE,
    citation: measureCitation(MEASURE_REFS.pi),
  },
];

export const UN_INDICATORS: readonly IndicatorDef[] = [
  ...UN_POINT_INDICATORS,
  ...UN_INTERVAL_INDICATORS,
];

// ---------------------------------------------------------------------------------------------
// Reading the votes.

/**
 * One calendar year of votes as a states × roll-calls matrix stored in bit planes: for each state
 * with at least one valid vote, `words` 32-bit words per plane, bit k of word w standing for roll
 * call 32·w + k. Layout [state][word][plane], planes valid (voted 1–3), yes, abstain, no.
 */
export interface VoteYear {
  readonly year: number;
  /** Roll calls of the loaded data in the year (any vote code, any voter), ascending rcid. */
  readonly rcids: Int32Array;
  /** Row of each COW code (index = ccode) in `planes`; −1 when the state cast no valid vote. */
  readonly rowOf: Int16Array;
  /** 32-bit words per plane: ceil(rcids.length / 32). */
  readonly words: number;
  readonly planes: Int32Array;
}

/** One state's valid votes in a year: parallel lists of roll-call ids and vote codes (1–3). */
export interface StateVotes {
  readonly ccode: number;
  readonly rcids: readonly number[];
  readonly votes: readonly number[];
}

const MAX_CCODE = 1000;
const PLANES = 4;
const P_VALID = 0;
const P_YES = 1;
const P_ABSTAIN = 2;
const P_NO = 3;

/**
 * Builds the vote matrix of a year. `rcids` are all roll calls of the year in the loaded data (the
 * columns); a vote on a roll call not among them, or with a code other than 1–3, is ignored.
 */
export function buildVoteYear(
  year: number,
  rcids: ArrayLike<number>,
  states: readonly StateVotes[],
): VoteYear {
  const cols = Int32Array.from(rcids).sort();
  const colOf = new Map<number, number>();
  for (let i = 0; i < cols.length; i++) colOf.set(cols[i] as number, i);
  const words = Math.ceil(cols.length / 32);
  const kept = states
    .filter((st) => Number.isInteger(st.ccode) && st.ccode >= 0 && st.ccode < MAX_CCODE)
    .sort((p, q) => p.ccode - q.ccode);
  const rowOf = new Int16Array(MAX_CCODE).fill(-1);
  const planes = new Int32Array(kept.length * words * PLANES);
  let row = 0;
  for (const st of kept) {
    if (rowOf[st.ccode] !== -1) throw new Error(`state ${st.ccode} listed twice for ${year}`);
    const base = row * words * PLANES;
    let any = false;
    for (let k = 0; k < st.rcids.length; k++) {
      const col = colOf.get(st.rcids[k] as number);
      const vote = st.votes[k] as number;
      if (col === undefined || !isValidVote(vote)) continue;
      const at = base + (col >>> 5) * PLANES;
      const bit = 1 << (col & 31);
      const plane = at + (vote === 1 ? P_YES : vote === 2 ? P_ABSTAIN : P_NO);
      if ((planes[at + P_VALID] as number) & bit) {
        throw new Error(`un_votes holds two votes of state ${st.ccode} on one roll call`);
      }
      planes[at + P_VALID] = (planes[at + P_VALID] as number) | bit;
      planes[plane] = (planes[plane] as number) | bit;
      any = true;
    }
    if (!any) continue; // the row is left zero and reused
    rowOf[st.ccode] = row;
    row += 1;
  }
  return { year, rcids: cols, rowOf, words, planes: planes.subarray(0, row * words * PLANES) };
}

/**
 * Roll-call year as SQL, the same rule as rollCallYear (v: un_votes, r: un_rollcalls). No CAST
 * of the year: ClickHouse evaluates both CASE branches on every row and cannot CAST the NULL
 * year of an undated roll call to a non-Nullable integer. The value is the same on both.
 */
export function voteYearSql(sql: SqlDialect): string {
  return `CASE WHEN r.date IS NOT NULL THEN ${sql.year("r.date")} ELSE v.session + 1945 END`;
}

interface VoteRow {
  year: number;
  ccode: number;
  rcids: number[];
  votes: number[];
}

/**
 * The last day Voeten's votes (un_votes) reach: the latest roll-call date, or 31 December of
 * 1945 + session for votes whose roll call has no date. Null when un_votes is empty.
 */
export async function voetenEnd(store: Store): Promise<string | null> {
  const [r] = await store.query<{ d: string | null; s: number | null }>(
    `SELECT max(r.date) AS d, max(CASE WHEN r.date IS NULL THEN v.session END) AS s
     FROM un_votes v LEFT JOIN un_rollcalls r ON r.rcid = v.rcid`,
  );
  const dated = r?.d == null || r.d === "" ? null : String(r.d).slice(0, 10);
  const undated = r?.s == null ? null : `${1945 + Number(r.s)}-12-31`;
  if (dated === null) return undated;
  return undated !== null && undated > dated ? undated : dated;
}

/** Whether undl_votes holds a vote in the years from…to. */
async function hasUndlVotes(store: Store, from: number, to: number): Promise<boolean> {
  const [r] = await store.query<{ n: number }>(
    "SELECT count(*) AS n FROM (SELECT 1 AS one FROM undl_votes WHERE year BETWEEN $1 AND $2 LIMIT 1) t",
    [from, to],
  );
  return Number(r?.n ?? 0) > 0;
}

/**
 * The votes of one source in the years from…to as SQL with the columns rcid, ccode, vote and vy
 * (the roll-call year). UN Digital Library ids are negated: the two sources' ids are unrelated
 * numbers, and a year may hold roll calls of both (around the date where `auto` switches).
 */
function voteSql(
  store: Store,
  source: "voeten" | "undl",
  voeten: { end: string; years: readonly number[] } | null = null,
): string {
  if (source === "undl") {
    // Left out: what Voeten's data hold, i.e. votes up to their last day in the years they
    // have roll calls in.
    const skip =
      voeten === null || !voeten.years.length
        ? ""
        : ` AND (u.date > ${store.sql.date(voeten.end)} OR u.year NOT IN (${voeten.years.map((y) => String(Math.trunc(y))).join(", ")}))`;
    return `SELECT -u.undl_id AS rcid, u.ccode AS ccode, u.vote AS vote, u.year AS vy
      FROM undl_votes u WHERE u.year BETWEEN $1 AND $2${skip}`;
  }
  // The year is aliased vy inside: un_rollcalls has a column named year, and ClickHouse aliases
  // are visible in the whole query.
  const yearSql = voteYearSql(store.sql);
  return `SELECT v.rcid AS rcid, v.ccode AS ccode, v.vote AS vote, ${yearSql} AS vy
     FROM un_votes v LEFT JOIN un_rollcalls r ON r.rcid = v.rcid
     WHERE ${yearSql} BETWEEN $1 AND $2`;
}

/**
 * Reads the votes of the years from…to: per state-year the lists of roll calls and valid votes
 * (1–3), and per year (ccode null) every roll call of the loaded data, which defines coverage.
 * `states` restricts the per-state rows (never the roll calls). The list aggregates keep the
 * transfer small (about 4,600 rows for 1991–2015 instead of 350,000 votes). `source` says which
 * votes (UN_VOTE_SOURCES): with `auto`, the UN Digital Library's only where Voeten's have none,
 * after Voeten's last day or in a year without a Voeten roll call, so no vote is counted twice.
 */
export async function readVoteYears(
  store: Store,
  from: number,
  to: number,
  states: readonly number[] | null = null,
  source: UnVoteSource = "auto",
): Promise<Map<number, VoteYear>> {
  const out = new Map<number, VoteYear>();
  if (to < from) return out;
  // `0 = 1`, not `false`: ClickHouse 18.16 has no boolean literals.
  const stateFilter =
    states === null
      ? ""
      : states.length === 0
        ? "AND 0 = 1"
        : `AND ccode IN (${states.map((s) => String(Math.trunc(s))).join(", ")})`;
  const sql = store.sql;
  const rollCalls = new Map<number, number[]>();
  const perYear = new Map<number, Map<number, StateVotes>>();
  // One source after the other rather than a UNION ALL, which ClickHouse 18.16 accepts only for
  // identical column types; the ids of the two never meet (see voteSql). Voeten's first: with
  // `auto` the library's votes are read where Voeten's years and last day leave room.
  // Each part gives the SQL of its votes and of its roll calls (rcid, vy), or null when it has
  // none to add.
  const parts: Array<() => Promise<{ votes: string; rollCalls: string } | null>> = [];
  const library = (votes: string) => ({ votes, rollCalls: votes });
  if (source !== "undl") {
    // Voeten's roll calls by year from the (roll call, session) pairs of the votes, on which a
    // vote's year alone depends: a join of some 5,000 pairs instead of every vote (a million).
    const year = voteYearSql(sql);
    const voetenRollCalls = `SELECT v.rcid AS rcid, ${year} AS vy
     FROM (SELECT DISTINCT rcid, session FROM un_votes) v LEFT JOIN un_rollcalls r ON r.rcid = v.rcid
     WHERE ${year} BETWEEN $1 AND $2`;
    parts.push(async () => ({ votes: voteSql(store, "voeten"), rollCalls: voetenRollCalls }));
  }
  if (source === "undl") parts.push(async () => library(voteSql(store, "undl")));
  if (source === "auto") {
    // Asked now, answered while Voeten's votes are read. A failure is reported where it is
    // awaited, not as an unhandled rejection when Voeten's part fails first.
    const undl = hasUndlVotes(store, from, to);
    undl.catch(() => {});
    parts.push(async () => {
      // No library votes in the years: its queries would return nothing, and Voeten's last day
      // (a pass over all of un_votes) need not be read.
      if (!(await undl)) return null;
      const end = await voetenEnd(store);
      const voeten = end === null ? null : { end, years: [...rollCalls.keys()] };
      return library(voteSql(store, "undl", voeten));
    });
  }
  for (const part of parts) {
    const sqls = await part();
    if (sqls === null) continue;
    // Two queries rather than one UNION ALL: the per-year rows have no votes list, and a NULL in
    // place of a list is typed differently by the two backends. rcids and votes are aggregated
    // over the same rows of the group, so they stay parallel (rcid and vote are never null here).
    // Both at once: neither needs the other.
    const [stateRows, yearRows] = await Promise.all([
      store.query<VoteRow>(
        `SELECT vy AS year, ccode, ${sql.list("rcid")} AS rcids, ${sql.list("vote")} AS votes
         FROM (${sqls.votes}) t WHERE vote BETWEEN 1 AND 3 AND ccode IS NOT NULL ${stateFilter}
         GROUP BY vy, ccode`,
        [from, to],
      ),
      store.query<{ year: number; rcids: number[] }>(
        `SELECT vy AS year, ${sql.listDistinct("rcid")} AS rcids
         FROM (${sqls.rollCalls}) t GROUP BY vy`,
        [from, to],
      ),
    ]);
    for (const r of yearRows) {
      const year = Number(r.year);
      rollCalls.set(year, [...(rollCalls.get(year) ?? []), ...r.rcids]);
    }
    for (const r of stateRows) {
      const year = Number(r.year);
      let byState = perYear.get(year);
      if (!byState) {
        byState = new Map();
        perYear.set(year, byState);
      }
      const ccode = Number(r.ccode);
      const had = byState.get(ccode);
      byState.set(
        ccode,
        had
          ? { ccode, rcids: [...had.rcids, ...r.rcids], votes: [...had.votes, ...r.votes] }
          : { ccode, rcids: r.rcids, votes: r.votes },
      );
    }
  }
  for (const [year, rcids] of rollCalls) {
    out.set(year, buildVoteYear(year, rcids, [...(perYear.get(year)?.values() ?? [])]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Filling the frame.

/** Bits set in each 16-bit value. */
const POP16 = new Uint8Array(1 << 16);
for (let i = 1; i < POP16.length; i++) POP16[i] = (POP16[i >>> 1] as number) + (i & 1);
const popcount = (x: number): number => (POP16[x & 0xffff] as number) + (POP16[x >>> 16] as number);

/**
 * Fills the five columns for every frame row from per-year vote matrices. Years absent from
 * `years` are not covered (all null); in a covered year a dyad-year where either state is not a
 * COW system member is null throughout (the roll calls say nothing of a state that did not
 * exist); a member without valid votes gives un_joint_votes 0 and nulls for the rest.
 *
 * Per dyad the seven statistics of measuresFromStats are popcounts of bit-plane intersections, 32
 * roll calls at a time: n = |Va∧Vb|, same = |Va∧Vb∧¬((Ya⊕Yb)∨(Na⊕Nb))|, far = |(Ya∧Nb)∨(Na∧Yb)|,
 * x1 = |Ya∧Vb|, x2 = |Aa∧Vb|, y1 = |Va∧Yb|, y2 = |Va∧Ab|.
 */
export function fillFromVoteYears(
  frame: Frame,
  years: ReadonlyMap<number, VoteYear>,
  intervals = false,
): Record<string, Column> {
  const bounds: Record<string, Column> = {};
  for (const d of UN_INTERVAL_INDICATORS) bounds[d.name] = nullColumn(frame);
  const loCols = ["un_agree_lo", "un_s_lo", "un_kappa_lo", "un_pi_lo"].map(
    (n) => bounds[n] as Column,
  );
  const hiCols = ["un_agree_hi", "un_s_hi", "un_kappa_hi", "un_pi_hi"].map(
    (n) => bounds[n] as Column,
  );
  const cells = new Int32Array(9);
  const joint = nullColumn(frame);
  const agree = nullColumn(frame);
  const s = nullColumn(frame);
  const kappa = nullColumn(frame);
  const pi = nullColumn(frame);
  const out = new Float64Array(4);
  let vy: VoteYear | undefined;
  let cachedYear = Number.NaN;
  const member = memberLookup();
  for (let i = 0; i < frame.length; i++) {
    const year = frame.year[i] as number;
    if (year !== cachedYear) {
      vy = years.get(year);
      cachedYear = year;
    }
    if (vy === undefined) continue;
    let a = frame.a[i] as number;
    let b = frame.b[i] as number;
    // Canonical order: (a, b) and (b, a) run the identical computation, so they are bit-identical.
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const ra = a >= 0 && a < MAX_CCODE ? (vy.rowOf[a] as number) : -1;
    const rb = b >= 0 && b < MAX_CCODE ? (vy.rowOf[b] as number) : -1;
    if (ra < 0 || rb < 0) {
      if (member(a, year) && member(b, year)) joint[i] = 0;
      continue;
    }
    const words = vy.words;
    const p = vy.planes;
    let oa = ra * words * PLANES;
    let ob = rb * words * PLANES;
    let n = 0;
    let same = 0;
    let far = 0;
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    for (let w = 0; w < words; w++, oa += PLANES, ob += PLANES) {
      const va = p[oa] as number;
      const ya = p[oa + 1] as number;
      const aa = p[oa + 2] as number;
      const na = p[oa + 3] as number;
      const vb = p[ob] as number;
      const yb = p[ob + 1] as number;
      const ab = p[ob + 2] as number;
      const nb = p[ob + 3] as number;
      const both = va & vb;
      n += popcount(both);
      same += popcount(both & ~((ya ^ yb) | (na ^ nb)));
      far += popcount((ya & nb) | (na & yb));
      x1 += popcount(ya & vb);
      x2 += popcount(aa & vb);
      y1 += popcount(va & yb);
      y2 += popcount(va & ab);
    }
    joint[i] = n;
    measuresFromStats(n, same, far, x1, x2, y1, y2, out);
    agree[i] = out[0] as number;
    s[i] = out[1] as number;
    kappa[i] = out[2] as number;
    pi[i] = out[3] as number;
    if (intervals && n > 0) {
      jointCells(p, ra * words * PLANES, rb * words * PLANES, words, cells);
      // Seeded by the ordered pair and year: (a, b) and (b, a) get the same interval.
      const ci = bootstrapIntervals(cells, seededRandom(seedOf(a, b, year)));
      for (let m = 0; m < 4; m++) {
        (loCols[m] as Column)[i] = ci.lo[m] as number;
        (hiCols[m] as Column)[i] = ci.hi[m] as number;
      }
    }
  }
  return {
    un_joint_votes: joint,
    un_agree: agree,
    un_s: s,
    un_kappa: kappa,
    un_pi: pi,
    ...bounds,
  };
}

/** The 3×3 table of joint votes (x the first state's vote, y the second's) from the bit planes. */
function jointCells(p: Int32Array, oa: number, ob: number, words: number, cells: Int32Array): void {
  cells.fill(0);
  for (let w = 0; w < words; w++, oa += PLANES, ob += PLANES) {
    for (let x = 0; x < 3; x++) {
      const px = p[oa + 1 + x] as number;
      if (px === 0) continue;
      for (let y = 0; y < 3; y++) {
        cells[3 * x + y] = (cells[3 * x + y] as number) + popcount(px & (p[ob + 1 + y] as number));
      }
    }
  }
}

export const unFamily: FamilyComputer = {
  family: "un",
  indicators: UN_INDICATORS,
  async compute(
    store: Store,
    frame: Frame,
    opts?: ComputeOptions,
  ): Promise<Record<string, Column>> {
    const bounds = frameBounds(frame);
    const years = await readVoteYears(
      store,
      bounds.from,
      bounds.to,
      bounds.states,
      opts?.unVotes ?? "auto",
    );
    const intervals = UN_INTERVAL_INDICATORS.some((d) => opts?.wanted?.has(d.name) ?? false);
    return fillFromVoteYears(frame, years, intervals);
  },
};

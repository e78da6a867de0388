/**
 * Bloc identity over time: the blocs of consecutive covered years are matched one to one by the
 * Jaccard overlap of their members, |A ∩ B| / |A ∪ B| (the matching step of Greene, Doyle &
 * Cunningham 2010, "Tracking the evolution of communities in dynamic social networks",
 * ASONAM), so a bloc keeps its id while most of its members stay together.
 *
 * Greedy: the pair with the highest overlap is matched first, then the next among the blocs
 * still free, down to the threshold. A bloc left unmatched is new and gets the next unused id;
 * a bloc not matched for more than maxGap covered years ends (its id is never reused). When a
 * bloc splits, the part with the larger overlap keeps the id; when two merge, the merged bloc
 * keeps the id of the one it overlaps most.
 */

/** Jaccard overlap of two sets of states. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter += 1;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Default lowest overlap at which a bloc continues one of the years before. */
export const MIN_JACCARD = 0.3;

/**
 * Default number of covered years a bloc may go unmatched and still be taken up again: one
 * odd year (1951 has seven roll calls) should not end every bloc.
 */
export const MAX_GAP = 2;

export interface TrackOptions {
  readonly minJaccard?: number;
  readonly maxGap?: number;
}

interface Live {
  id: number;
  members: ReadonlySet<number>;
  /** Index of the period it was last seen in. */
  seen: number;
}

/**
 * Ids for the blocs of each period: `periods[t][k]` is the member set of bloc k in period t
 * (blocs listed largest first); the result has the same shape. A bloc of period t is matched
 * against the blocs seen in the last maxGap + 1 periods, each with its latest members. Ids start
 * at 1 and go to new blocs in order of appearance (within a period, in the order listed).
 */
export function trackBlocs(
  periods: ReadonlyArray<ReadonlyArray<ReadonlySet<number>>>,
  opts: TrackOptions = {},
): number[][] {
  const minJaccard = opts.minJaccard ?? MIN_JACCARD;
  const maxGap = opts.maxGap ?? MAX_GAP;
  const out: number[][] = [];
  let next = 1;
  let live: Live[] = [];
  periods.forEach((blocs, t) => {
    live = live.filter((l) => t - l.seen <= maxGap + 1);
    const ids = new Array<number>(blocs.length).fill(0);
    const pairs: Array<{ j: number; l: number; c: number; seen: number }> = [];
    live.forEach((l, li) => {
      blocs.forEach((c, ci) => {
        const j = jaccard(l.members, c);
        if (j >= minJaccard && j > 0) pairs.push({ j, l: li, c: ci, seen: l.seen });
      });
    });
    // Highest overlap first; then the bloc seen most recently; then the larger blocs (listed
    // first), so the order is fixed.
    pairs.sort((x, y) => y.j - x.j || y.seen - x.seen || x.c - y.c || x.l - y.l);
    const used = new Set<number>();
    for (const { l, c } of pairs) {
      if (used.has(l) || ids[c] !== 0) continue;
      used.add(l);
      ids[c] = (live[l] as Live).id;
    }
    for (let c = 0; c < ids.length; c++) if (ids[c] === 0) ids[c] = next++;
    const seenNow = new Set(ids);
    live = live.filter((l) => !seenNow.has(l.id));
    blocs.forEach((members, c) => {
      live.push({ id: ids[c] as number, members, seen: t });
    });
    out.push(ids);
  });
  return out;
}

/**
 * The votes an ideal-point fit works on, as flat typed arrays: roll calls linked into items by
 * the matched resolutions, unanimous items and near-empty sessions dropped, and one unit per
 * state and session. Everything dropped is counted in `report` (nothing disappears silently).
 */

/** Valid votes (Voeten codes 1 yes, 2 abstain, 3 no), one entry per vote, parallel arrays. */
export interface RawVotes {
  readonly rcid: Int32Array;
  readonly session: Int32Array;
  readonly ccode: Int32Array;
  readonly vote: Uint8Array;
}

export interface PrepareOptions {
  /** A session with fewer non-unanimous roll calls is not estimated (the 19th had one). */
  readonly minSessionRollCalls: number;
}

export const DEFAULT_PREPARE: PrepareOptions = { minSessionRollCalls: 5 };

/** What preparation kept and dropped, for the fit record and the CLI. */
export interface PrepareReport {
  /** Valid votes and roll calls read. */
  readonly votesRead: number;
  readonly rollCallsRead: number;
  /** Matched pairs given, pairs used, pairs with a roll call missing from the votes, pairs within one session. */
  readonly bridges: {
    readonly pairs: number;
    readonly used: number;
    readonly missing: number;
    readonly sameSession: number;
  };
  /** Items (linked roll calls) dropped because every valid vote on them was the same. */
  readonly unanimousItems: number;
  readonly unanimousRollCalls: number;
  /** Sessions not estimated, with the non-unanimous roll calls they had. */
  readonly sessionsDropped: ReadonlyArray<{ readonly session: number; readonly rollCalls: number }>;
  /** What the fit uses. */
  readonly votesUsed: number;
  readonly rollCallsUsed: number;
  readonly items: number;
  readonly units: number;
  readonly states: number;
  readonly sessions: number;
}

export interface VoteData {
  /** Units (state-sessions) sorted by ccode, then session: a state's units are contiguous. */
  readonly unitCcode: Int32Array;
  readonly unitSession: Int32Array;
  /** Index of the state's previous unit (−1 for its first), and sessions since it (0 for the first). */
  readonly unitPrev: Int32Array;
  readonly unitGap: Int32Array;
  /** Votes per unit and per item. */
  readonly unitVotes: Int32Array;
  /** Per state: its units are stateStart[s] … stateStart[s + 1] − 1. */
  readonly stateStart: Int32Array;
  /** Representative (smallest) rcid of each item and the number of roll calls linked in it. */
  readonly itemRcid: Int32Array;
  readonly itemRollCalls: Int32Array;
  /** Votes in item order: item j owns obs itemStart[j] … itemStart[j + 1] − 1. */
  readonly itemStart: Int32Array;
  readonly obsUnit: Int32Array;
  readonly obsVote: Uint8Array;
  /** Votes by unit: unit u owns unitObs[unitStart[u] … unitStart[u + 1] − 1] (obs indices). */
  readonly unitStart: Int32Array;
  readonly unitObs: Int32Array;
  readonly report: PrepareReport;
}

/** Union–find over rcids, every set represented by its smallest rcid (as the authors link chains). */
class Linker {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root))
      root = p;
    // Path compression keeps long chains of yearly resolutions cheap.
    for (let y = x, p = this.parent.get(y); p !== undefined && p !== root; p = this.parent.get(y)) {
      this.parent.set(y, root);
      y = p;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/**
 * Links, filters and indexes the votes. `matches` are pairs of roll calls on identical
 * resolutions; a pair is used only when both roll calls are among the votes and they were held
 * in different sessions.
 */
export function prepareVotes(
  raw: RawVotes,
  matches: ReadonlyArray<readonly [number, number]>,
  opts: PrepareOptions = DEFAULT_PREPARE,
): VoteData {
  const n = raw.rcid.length;
  const rcSession = new Map<number, number>();
  for (let k = 0; k < n; k++) rcSession.set(raw.rcid[k] as number, raw.session[k] as number);

  const linker = new Linker();
  let used = 0;
  let missing = 0;
  let sameSession = 0;
  for (const [r1, r2] of matches) {
    const s1 = rcSession.get(r1);
    const s2 = rcSession.get(r2);
    if (s1 === undefined || s2 === undefined) missing++;
    else if (s1 === s2) sameSession++;
    else {
      linker.union(r1, r2);
      used++;
    }
  }

  // Item of every vote, and the roll calls of every item.
  const itemOfRc = new Map<number, number>();
  for (const rc of rcSession.keys()) itemOfRc.set(rc, linker.find(rc));

  const keepVote = new Uint8Array(n).fill(1);
  const droppedSessions = new Map<number, number>();
  let unanimousItems = 0;
  let unanimousRollCalls = 0;
  // Dropping a thin session can make an item unanimous, and dropping unanimous items can make a
  // session thin: drop thin sessions (counting non-unanimous roll calls) until none is left,
  // then the items that are unanimous in what remains.
  for (;;) {
    const cats = new Map<number, number>(); // item → bit set of the categories voted
    for (let k = 0; k < n; k++) {
      if (!keepVote[k]) continue;
      const it = itemOfRc.get(raw.rcid[k] as number) as number;
      cats.set(it, (cats.get(it) ?? 0) | (1 << (raw.vote[k] as number)));
    }
    const unanimous = new Set<number>();
    for (const [it, bits] of cats) if ((bits & (bits - 1)) === 0) unanimous.add(it);
    const sessionRcs = new Map<number, Set<number>>();
    for (let k = 0; k < n; k++) {
      if (!keepVote[k]) continue;
      const s = raw.session[k] as number;
      let set = sessionRcs.get(s);
      if (!set) {
        set = new Set();
        sessionRcs.set(s, set);
      }
      const rc = raw.rcid[k] as number;
      if (!unanimous.has(itemOfRc.get(rc) as number)) set.add(rc);
    }
    const thin = new Set<number>();
    for (const [s, rcs] of sessionRcs) {
      if (rcs.size < opts.minSessionRollCalls) {
        thin.add(s);
        droppedSessions.set(s, rcs.size);
      }
    }
    if (thin.size > 0) {
      for (let k = 0; k < n; k++) if (thin.has(raw.session[k] as number)) keepVote[k] = 0;
      continue;
    }
    const rcs = new Set<number>();
    for (let k = 0; k < n; k++) {
      if (!keepVote[k]) continue;
      const rc = raw.rcid[k] as number;
      if (unanimous.has(itemOfRc.get(rc) as number)) {
        rcs.add(rc);
        keepVote[k] = 0;
      }
    }
    unanimousItems = unanimous.size;
    unanimousRollCalls = rcs.size;
    break;
  }

  // Units: (ccode, session) of kept votes, sorted.
  const unitKeys: number[] = [];
  const unitIndex = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    if (!keepVote[k]) continue;
    const key = (raw.ccode[k] as number) * 1000 + (raw.session[k] as number);
    if (!unitIndex.has(key)) {
      unitIndex.set(key, -1);
      unitKeys.push(key);
    }
  }
  unitKeys.sort((x, y) => x - y);
  unitKeys.forEach((key, i) => {
    unitIndex.set(key, i);
  });
  const nUnits = unitKeys.length;
  const unitCcode = new Int32Array(nUnits);
  const unitSession = new Int32Array(nUnits);
  const unitPrev = new Int32Array(nUnits).fill(-1);
  const unitGap = new Int32Array(nUnits);
  const stateStarts: number[] = [];
  for (let u = 0; u < nUnits; u++) {
    const key = unitKeys[u] as number;
    unitCcode[u] = Math.floor(key / 1000);
    unitSession[u] = key % 1000;
    if (u > 0 && unitCcode[u - 1] === unitCcode[u]) {
      unitPrev[u] = u - 1;
      unitGap[u] = (unitSession[u] as number) - (unitSession[u - 1] as number);
    } else stateStarts.push(u);
  }
  stateStarts.push(nUnits);

  // Items: representative rcids of kept votes, sorted.
  const itemKeys = [
    ...new Set(
      Array.from({ length: n }, (_, k) => k)
        .filter((k) => keepVote[k])
        .map((k) => itemOfRc.get(raw.rcid[k] as number) as number),
    ),
  ].sort((x, y) => x - y);
  const itemIndex = new Map(itemKeys.map((rc, j) => [rc, j]));
  const nItems = itemKeys.length;
  const itemCount = new Int32Array(nItems + 1);
  const itemRcs: Array<Set<number>> = itemKeys.map(() => new Set());
  let votesUsed = 0;
  for (let k = 0; k < n; k++) {
    if (!keepVote[k]) continue;
    const rc = raw.rcid[k] as number;
    const j = itemIndex.get(itemOfRc.get(rc) as number) as number;
    itemCount[j + 1] = (itemCount[j + 1] as number) + 1;
    (itemRcs[j] as Set<number>).add(rc);
    votesUsed++;
  }
  const itemStart = new Int32Array(nItems + 1);
  for (let j = 0; j < nItems; j++)
    itemStart[j + 1] = (itemStart[j] as number) + (itemCount[j + 1] as number);
  const fill = itemStart.slice(0, nItems);
  const obsUnit = new Int32Array(votesUsed);
  const obsVote = new Uint8Array(votesUsed);
  const unitVotes = new Int32Array(nUnits);
  for (let k = 0; k < n; k++) {
    if (!keepVote[k]) continue;
    const j = itemIndex.get(itemOfRc.get(raw.rcid[k] as number) as number) as number;
    const u = unitIndex.get((raw.ccode[k] as number) * 1000 + (raw.session[k] as number)) as number;
    const at = fill[j] as number;
    fill[j] = at + 1;
    obsUnit[at] = u;
    obsVote[at] = raw.vote[k] as number;
    unitVotes[u] = (unitVotes[u] as number) + 1;
  }
  const unitStart = new Int32Array(nUnits + 1);
  for (let u = 0; u < nUnits; u++)
    unitStart[u + 1] = (unitStart[u] as number) + (unitVotes[u] as number);
  const ufill = unitStart.slice(0, nUnits);
  const unitObs = new Int32Array(votesUsed);
  for (let k = 0; k < votesUsed; k++) {
    const u = obsUnit[k] as number;
    const at = ufill[u] as number;
    ufill[u] = at + 1;
    unitObs[at] = k;
  }

  const rollCallsUsed = itemRcs.reduce((s, x) => s + x.size, 0);
  const keptSessions = new Set(unitSession);
  return {
    unitCcode,
    unitSession,
    unitPrev,
    unitGap,
    unitVotes,
    stateStart: Int32Array.from(stateStarts),
    itemRcid: Int32Array.from(itemKeys),
    itemRollCalls: Int32Array.from(itemRcs.map((x) => x.size)),
    itemStart,
    obsUnit,
    obsVote,
    unitStart,
    unitObs,
    report: {
      votesRead: n,
      rollCallsRead: rcSession.size,
      bridges: { pairs: matches.length, used, missing, sameSession },
      unanimousItems,
      unanimousRollCalls,
      sessionsDropped: [...droppedSessions]
        .map(([session, rollCalls]) => ({ session, rollCalls }))
        .sort((a, b) => a.session - b.session),
      votesUsed,
      rollCallsUsed,
      items: nItems,
      units: nUnits,
      states: stateStarts.length - 1,
      sessions: keptSessions.size,
    },
  };
}

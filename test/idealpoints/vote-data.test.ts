import { describe, expect, it } from "vitest";
import { prepareVotes, type RawVotes } from "../../src/idealpoints/vote-data.js";

/** Votes from [rcid, session, ccode, vote] rows. */
function raw(rows: Array<[number, number, number, number]>): RawVotes {
  return {
    rcid: Int32Array.from(rows.map((r) => r[0])),
    session: Int32Array.from(rows.map((r) => r[1])),
    ccode: Int32Array.from(rows.map((r) => r[2])),
    vote: Uint8Array.from(rows.map((r) => r[3])),
  };
}

/** One roll call: the votes of states 2, 20, 200, 365 (null = did not vote). */
function rollCall(rcid: number, session: number, votes: Array<number | null>) {
  const states = [2, 20, 200, 365];
  return votes.flatMap((v, i) =>
    v === null ? [] : [[rcid, session, states[i] as number, v] as [number, number, number, number]],
  );
}

describe("prepareVotes", () => {
  const rows = [
    // Session 10: five contested roll calls and one unanimous.
    ...rollCall(1, 10, [3, 3, 1, 1]),
    ...rollCall(2, 10, [3, 2, 1, 1]),
    ...rollCall(3, 10, [1, 1, 1, 3]),
    ...rollCall(4, 10, [3, 3, 2, 1]),
    ...rollCall(5, 10, [2, 3, 1, 1]),
    ...rollCall(6, 10, [1, 1, 1, 1]),
    // Session 11: roll call 7 repeats 1, 8 repeats 7 (a chain 1 ← 7 ← 8 across sessions 10–12).
    ...rollCall(7, 11, [3, 3, 1, null]),
    ...rollCall(9, 11, [3, 1, 1, 1]),
    ...rollCall(10, 11, [1, 2, 3, 3]),
    ...rollCall(11, 11, [3, 3, 3, 1]),
    ...rollCall(12, 11, [2, 2, 1, 1]),
    ...rollCall(8, 12, [3, 3, 1, 1]),
    ...rollCall(13, 12, [3, 1, 1, 1]),
    ...rollCall(14, 12, [3, 3, 1, 1]),
    ...rollCall(15, 12, [1, 3, 1, 1]),
    ...rollCall(16, 12, [2, 2, 1, 3]),
    // Session 13: two contested roll calls only (too few), state 365 absent throughout.
    ...rollCall(17, 13, [3, 3, 1, null]),
    ...rollCall(18, 13, [1, 3, 1, null]),
  ];
  const matches: Array<[number, number]> = [
    [1, 7],
    [7, 8],
    [3, 99], // 99 is not among the votes
    [9, 10], // both in session 11: not a bridge
    [6, 16], // a unanimous roll call linked with a contested one: the item is contested
  ];
  const data = prepareVotes(raw(rows), matches, { minSessionRollCalls: 5 });

  it("links chains of matched roll calls into one item named by the smallest rcid", () => {
    expect(data.report.bridges).toEqual({ pairs: 5, used: 3, missing: 1, sameSession: 1 });
    const j = [...data.itemRcid].indexOf(1);
    expect(data.itemRollCalls[j]).toBe(3);
    const votesOnItem = (data.itemStart[j + 1] as number) - (data.itemStart[j] as number);
    expect(votesOnItem).toBe(4 + 3 + 4);
    expect([...data.itemRcid]).not.toContain(7);
    expect([...data.itemRcid]).not.toContain(8);
  });

  it("drops unanimous items after linking, and sessions left with too few roll calls", () => {
    // Roll call 6 is unanimous but linked with 16: kept. None is unanimous after linking.
    expect(data.report.unanimousItems).toBe(0);
    expect(data.report.sessionsDropped).toEqual([{ session: 13, rollCalls: 2 }]);
    expect([...new Set(data.unitSession)]).toEqual([10, 11, 12]);
    expect(data.report.votesRead).toBe(rows.length);
    expect(data.report.votesUsed).toBe(rows.length - 6);
    expect(data.report.rollCallsUsed).toBe(16);
    expect(data.report.items).toBe(16 - 3);
  });

  it("indexes units by state and session, with the previous session of each state", () => {
    expect(data.report.states).toBe(4);
    expect(data.report.units).toBe(12);
    const at = (cc: number, s: number) =>
      [...data.unitCcode].findIndex((c, u) => c === cc && data.unitSession[u] === s);
    const u = at(365, 11);
    expect(data.unitPrev[u]).toBe(at(365, 10));
    expect(data.unitGap[u]).toBe(1);
    expect(data.unitPrev[at(365, 10)]).toBe(-1);
    expect(data.unitVotes[at(365, 11)]).toBe(4);
    // Every vote appears once in item order and once in unit order.
    expect([...data.unitObs].sort((a, b) => a - b)).toEqual([...data.obsUnit.keys()]);
    for (let x = 0; x < data.unitCcode.length; x++) {
      for (let i = data.unitStart[x] as number; i < (data.unitStart[x + 1] as number); i++)
        expect(data.obsUnit[data.unitObs[i] as number]).toBe(x);
    }
  });

  it("a unanimous item goes, and with it a session that drops below the minimum", () => {
    const d = prepareVotes(
      raw([
        ...rollCall(1, 1, [1, 1, 1, 1]),
        ...rollCall(2, 1, [3, 1, 1, 1]),
        ...rollCall(3, 2, [3, 1, 1, 1]),
        ...rollCall(4, 2, [3, 3, 1, 1]),
      ]),
      [],
      { minSessionRollCalls: 2 },
    );
    expect(d.report.sessionsDropped).toEqual([{ session: 1, rollCalls: 1 }]);
    expect(d.report.unanimousItems).toBe(0);
    expect([...d.itemRcid]).toEqual([3, 4]);
  });

  it("a gap in a state's sessions is measured in sessions", () => {
    const d = prepareVotes(
      raw([
        ...rollCall(1, 1, [3, 1, 1, 1]),
        ...rollCall(2, 3, [3, 3, null, 1]),
        ...rollCall(3, 3, [1, 3, null, 1]),
        ...rollCall(4, 4, [3, 3, 1, 1]),
      ]),
      [],
      { minSessionRollCalls: 1 },
    );
    const u = [...d.unitCcode].findIndex((c, x) => c === 200 && d.unitSession[x] === 4);
    expect(d.unitSession[d.unitPrev[u] as number]).toBe(1);
    expect(d.unitGap[u]).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { jaccard, trackBlocs } from "../../src/blocs/track.js";

const s = (...xs: number[]): Set<number> => new Set(xs);

describe("bloc ids across years (Jaccard matching)", () => {
  it("jaccard", () => {
    expect(jaccard(s(1, 2, 3), s(2, 3, 4))).toBe(0.5);
    expect(jaccard(s(1), s(2))).toBe(0);
    expect(jaccard(s(), s())).toBe(0);
  });

  it("a bloc keeps its id while most members stay; ids follow the blocs, not their order", () => {
    const ids = trackBlocs([
      [s(1, 2, 3, 4, 5), s(6, 7, 8)],
      [s(6, 7, 8, 9, 10, 11), s(1, 2, 3, 4)],
      [s(1, 2, 3, 4, 12), s(6, 7, 8, 9, 10, 11)],
    ]);
    expect(ids).toEqual([
      [1, 2],
      [2, 1],
      [1, 2],
    ]);
  });

  it("a bloc below the overlap threshold is new; ids are never reused", () => {
    const ids = trackBlocs([
      [s(1, 2, 3, 4), s(5, 6)],
      [s(1, 7, 8, 9), s(5, 6)],
    ]);
    // J({1,2,3,4}, {1,7,8,9}) = 1/7 < 0.3
    expect(ids).toEqual([
      [1, 2],
      [3, 2],
    ]);
    expect(trackBlocs([[s(1, 2, 3, 4)], [s(1, 7, 8, 9)]], { minJaccard: 0.1 })).toEqual([[1], [1]]);
  });

  it("a split: the larger overlap keeps the id; a merge keeps the id of the closer part", () => {
    const split = trackBlocs([[s(1, 2, 3, 4, 5, 6)], [s(1, 2), s(3, 4, 5, 6)]]);
    expect(split).toEqual([[1], [2, 1]]);
    const merge = trackBlocs([[s(1, 2, 3, 4), s(5, 6)], [s(1, 2, 3, 4, 5, 6)]]);
    expect(merge).toEqual([[1, 2], [1]]);
  });

  it("a bloc missing for up to maxGap years is taken up again, not after", () => {
    // Each odd part overlaps the whole by 2/8 = 0.25, below the threshold.
    const odd = [s(1, 2), s(3, 4), s(5, 6), s(7, 8)];
    const steady = [s(1, 2, 3, 4, 5, 6, 7, 8)];
    expect(trackBlocs([steady, odd, steady])).toEqual([[1], [2, 3, 4, 5], [1]]);
    expect(trackBlocs([steady, odd, odd, odd, steady])[4]).toEqual([6]);
    expect(trackBlocs([steady, odd, odd, odd, steady], { maxGap: 3 })[4]).toEqual([1]);
  });
});

import { inverse, Matrix, solve } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { chainInverseDiagonal, solveChain } from "../../src/idealpoints/random-walk.js";

describe("random-walk chains", () => {
  // Two chains side by side in the same arrays: units 0–4 and 5–7; off[t] couples t−1 and t.
  const diag = Float64Array.from([5, 7, 4.5, 9, 3, 2.5, 6, 4]);
  const off = Float64Array.from([0, 1.5, 2, 0.5, 1, 0, 1.2, 0.8]);
  const rhs = Float64Array.from([1, -2, 0.5, 3, -1, 2, 0, -4]);
  const chains: Array<[number, number]> = [
    [0, 5],
    [5, 3],
  ];
  const dense = (start: number, len: number) => {
    const m = Matrix.zeros(len, len);
    for (let t = 0; t < len; t++) {
      m.set(t, t, diag[start + t] as number);
      if (t > 0) {
        m.set(t, t - 1, -(off[start + t] as number));
        m.set(t - 1, t, -(off[start + t] as number));
      }
    }
    return m;
  };

  it("solveChain solves each tridiagonal system as a dense solver does", () => {
    const out = new Float64Array(8);
    const work = new Float64Array(8);
    for (const [start, len] of chains) {
      solveChain(diag, off, rhs, start, len, out, work);
      const want = solve(
        dense(start, len),
        Matrix.columnVector(Array.from(rhs.slice(start, start + len))),
      );
      for (let t = 0; t < len; t++) expect(out[start + t]).toBeCloseTo(want.get(t, 0), 12);
    }
  });

  it("chainInverseDiagonal gives the diagonal of the inverse", () => {
    const out = new Float64Array(8);
    const work = new Float64Array(8);
    for (const [start, len] of chains) {
      chainInverseDiagonal(diag, off, start, len, out, work);
      const inv = inverse(dense(start, len));
      for (let t = 0; t < len; t++) expect(out[start + t]).toBeCloseTo(inv.get(t, t), 12);
    }
  });

  it("a chain of one unit is a scalar", () => {
    const out = new Float64Array(1);
    const work = new Float64Array(1);
    solveChain(Float64Array.of(4), Float64Array.of(0), Float64Array.of(2), 0, 1, out, work);
    expect(out[0]).toBe(0.5);
    chainInverseDiagonal(Float64Array.of(4), Float64Array.of(0), 0, 1, out, work);
    expect(out[0]).toBe(0.25);
  });
});

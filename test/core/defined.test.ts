import { describe, expect, it } from "vitest";
import { defined } from "../../src/core/defined.js";

describe("defined", () => {
  it("keeps the properties that have a value (null, 0, false and '' included)", () => {
    const o = defined({ a: 1, b: undefined, c: null, d: 0, e: false, f: "" });
    expect(o).toStrictEqual({ a: 1, c: null, d: 0, e: false, f: "" });
    expect("b" in o).toBe(false);
  });

  it("does not erase a default when spread over it", () => {
    const defaults = { from: 1946, to: 2015 };
    const from: number | undefined = undefined;
    expect({ ...defaults, ...defined({ from, to: 2000 }) }).toEqual({ from: 1946, to: 2000 });
  });
});

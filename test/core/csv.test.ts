import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "../../src/core/csv.js";

describe("csvField: the one CSV cell encoder", () => {
  it("quotes only fields that need it (RFC 4180)", () => {
    expect(csvField("Guinea-Bissau")).toBe("Guinea-Bissau");
    expect(csvField("Korea, Republic of")).toBe('"Korea, Republic of"');
    expect(csvField('the "Quad"')).toBe('"the ""Quad"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("writes null, NaN and infinities as an empty cell and numbers round-trip", () => {
    expect(
      csvLine([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 0.1 + 0.2, -0, 2014]),
    ).toBe(",,,,0.30000000000000004,0,2014");
    expect(Number(csvField(1 / 3))).toBe(1 / 3);
  });
});

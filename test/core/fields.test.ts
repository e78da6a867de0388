import { describe, expect, it } from "vitest";
import {
  FieldError,
  parseDate,
  parseDummy,
  parseInteger,
  parseNumber,
  parseText,
  parseYear,
} from "../../src/core/fields.js";

describe("cell parsers", () => {
  it("turn sentinels into null", () => {
    for (const raw of ["", " ", "NA", "N/A", "NaN", ".", ".."])
      expect(parseNumber(raw, "x")).toBeNull();
    expect(parseNumber("-9", "x", { sentinels: [-9] })).toBeNull();
    expect(parseNumber("-9.0", "x", { sentinels: [-9] })).toBeNull();
    expect(parseNumber("-9", "x")).toBe(-9);
    expect(parseText(" NA ")).toBeNull();
    expect(parseText(" Russia ")).toBe("Russia");
  });

  it("parse numbers strictly, naming the column in the error", () => {
    expect(parseNumber("1.5e3", "x")).toBe(1500);
    expect(parseNumber(" 42 ", "x")).toBe(42);
    expect(() => parseNumber("1,234", "flow1")).toThrow(
      new FieldError('flow1: "1,234" is not a number'),
    );
    expect(() => parseNumber("12abc", "x")).toThrow(FieldError);
    expect(() => parseNumber("Infinity", "x")).toThrow(FieldError);
    expect(() => parseInteger("1.5", "year")).toThrow('year: "1.5" is not an integer');
    expect(() => parseDummy("2", "defense")).toThrow("defense: 2 is not 0 or 1");
    expect(() => parseYear("", "year")).toThrow("year is missing");
    expect(() => parseYear("99999", "year")).toThrow("not a plausible year");
  });

  it("parse ISO and m/d/yyyy dates, rejecting impossible ones", () => {
    expect(parseDate("1971-10-25", "date")).toBe("1971-10-25");
    expect(parseDate("1/2/1946", "date")).toBe("1946-01-02");
    expect(parseDate("1/14/80", "date")).toBe("1980-01-14");
    expect(parseDate("NA", "date")).toBeNull();
    expect(() => parseDate("2/30/2001", "date")).toThrow("not a valid date");
    expect(() => parseDate("2001.5", "date")).toThrow("not a date");
  });
});

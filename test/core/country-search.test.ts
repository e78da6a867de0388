import { describe, expect, it } from "vitest";
import { searchCountries } from "../../src/core/country-search.js";
import { resolveCountry } from "../../src/core/crosswalk.js";
import { commonPrefix, editDistance } from "../../src/core/edit-distance.js";
import type { UnknownCountryError } from "../../src/core/errors.js";

const names = (q: string, n = 5) =>
  searchCountries(q, n).map((h) => (h.matched ? `${h.name} [${h.matched}]` : h.name));

describe("edit distance (Damerau, optimal string alignment)", () => {
  it("counts a swap of two letters as one edit, and stops past the bound", () => {
    expect(editDistance("chian", "china")).toBe(1);
    expect(editDistance("untied", "united")).toBe(1);
    expect(editDistance("rusia", "russia")).toBe(1);
    expect(editDistance("rusia", "prussia")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(commonPrefix("nigerr", "nigeria")).toBe(5);
  });
});

describe("country search", () => {
  it("searches every name and alias, accent- and case-insensitive, from any word start", () => {
    expect(names("sovi")[0]).toBe("Russia [Soviet Union]");
    expect(names("russian fed")).toEqual(["Russia [Russian Federation]"]);
    expect(names("cote d")[0]).toMatch(/^Ivory Coast \[C[oô]te d.Ivoire\]$/);
    expect(names("Côte")[0]).toMatch(/^Ivory Coast/);
    expect(names("COTE D'IV")[0]).toMatch(/^Ivory Coast/);
    // A word inside the name.
    expect(names("korea")).toEqual(["Korea", "North Korea", "South Korea"]);
    expect(names("arab emir")[0]).toBe("United Arab Emirates");
  });

  it("ranks exact names and codes first, then prefixes, then close spellings", () => {
    expect(names("rus").slice(0, 2)).toEqual(["Russia", "Belarus"]);
    expect(names("710")).toEqual(["China"]);
    expect(names("jp")).toEqual(["Japan"]);
    expect(names("Rusia")).toEqual(["Russia"]);
    expect(names("Chian")[0]).toBe("China");
    expect(names("soveit")[0]).toBe("Russia [Soviet Union]");
    expect(names("Untied States")[0]).toBe("United States of America");
    expect(searchCountries("zzzzzz")).toEqual([]);
  });
});

describe("suggestions for an unknown name", () => {
  const hint = (q: string) => {
    try {
      resolveCountry(q);
    } catch (e) {
      return (e as UnknownCountryError).suggestions;
    }
    throw new Error(`${q} resolved`);
  };
  it("suggests close spellings with the right start, naming an alias that matched", () => {
    expect(hint("Rusia")).toEqual(["Russia (cow:365)"]);
    expect(hint("Nigerr").slice(0, 2).sort()).toEqual(["Niger (cow:436)", "Nigeria (cow:475)"]);
    expect(hint("Untied States")).toEqual(["United States of America (cow:2, as United States)"]);
    expect(hint("Sovet Union")[0]).toBe("Russia (cow:365, as Soviet Union)");
  });
});

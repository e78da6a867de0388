import { describe, expect, it } from "vitest";
import { BadInputError } from "../../src/core/errors.js";
import { denotes, yearNotes } from "../../src/core/succession.js";
import successionsJson from "../../src/core/successions.json" with { type: "json" };
import { Successions } from "../../src/core/successions-schema.js";

/** The error yearNotes throws, or null. */
function refusal(input: string, from: number, to: number): BadInputError | null {
  try {
    yearNotes(input, from, to);
    return null;
  } catch (e) {
    if (e instanceof BadInputError) return e;
    throw e;
  }
}

describe("historical codes over a range of years", () => {
  it("successions.json has the shape succession.ts trusts without checking at start", () => {
    const r = Successions.safeParse(successionsJson);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data?.ended.length).toBeGreaterThan(0);
    const bad = structuredClone(successionsJson) as { ended: Array<{ successors: unknown }> };
    (bad.ended[0] as { successors: unknown }).successors = [];
    expect(Successions.safeParse(bad).success).toBe(false);
  });

  it("SUN and USSR after 1991: resolved to Russia (COW 365) with a note naming it", () => {
    const [n] = yearNotes("SUN", 2016, 2023);
    expect(n).toMatch(/^SUN names the Soviet Union: the USSR dissolved in December 1991/);
    expect(n).toMatch(/rows for 2016–2023 are those of its successor Russia \(COW 365\)/);
    expect(yearNotes("USSR", 1980, 2000)[0]).toMatch(/rows for 1992–2000 are those of/);
    expect(yearNotes("iso3:SUN", 1992, 1992)[0]).toMatch(/rows for 1992 are those of/);
    expect(yearNotes("SUN", 1980, 1991)).toEqual([]);
    expect(yearNotes("RUS", 2016, 2023)).toEqual([]);
    expect(yearNotes(365, 2016, 2023)).toEqual([]);
  });

  it("YUG and Yugoslavia after 2002: COW 345, noted as Serbia and Montenegro, then Serbia", () => {
    expect(yearNotes("YUG", 2010, 2012)[0]).toMatch(
      /successor Serbia and Montenegro \(2003–2006\), then Serbia \(COW 345\)/,
    );
    expect(yearNotes("Yugoslavia", 1990, 2005)[0]).toMatch(/rows for 2003–2005/);
    // COW's own abbreviation for the continuing state says nothing of Yugoslavia.
    expect(yearNotes("cowabb:YUG", 2010, 2010)).toEqual([]);
    expect(yearNotes("SRB", 2010, 2012)).toEqual([]);
  });

  it("refuses an ended state asked only for later years, naming its successors", () => {
    const cases: Array<[string, number, RegExp, RegExp]> = [
      [
        "CSK",
        2000,
        /Czechoslovakia \(COW 315\).*1945–1992 only, not in 2000/,
        /Czech Republic \(CZE, COW 316\) and Slovakia \(SVK, COW 317\)/,
      ],
      [
        "DDR",
        2000,
        /German Democratic Republic \(COW 265\).*1954–1990 only/,
        /Germany \(DEU, COW 255\)/,
      ],
      [
        "GDR",
        1995,
        /acceded to the Federal Republic on 3 October 1990/,
        /Germany \(DEU, COW 255\)/,
      ],
      ["YAR", 2000, /Yemen Arab Republic \(COW 678\)/, /Yemen \(YEM, COW 679\)/],
      ["YPR", 1991, /Yemen People's Republic \(COW 680\)/, /Yemen \(YEM, COW 679\)/],
      [
        "RVN",
        1980,
        /Republic of Vietnam \(COW 817\).*1954–1975 only, not in 1980/,
        /Vietnam \(VNM, COW 816\)/,
      ],
    ];
    for (const [input, year, message, hint] of cases) {
      const e = refusal(input, year, year);
      expect(e?.code, input).toBe("state_ended");
      expect(e?.exitCode, input).toBe(2);
      expect(e?.message, input).toMatch(message);
      expect(e?.hint, input).toMatch(hint);
    }
  });

  it("notes the years after an end when the range also holds years of the state", () => {
    expect(refusal("CSK", 1985, 2000)).toBeNull();
    const [n] = yearNotes("CSK", 1985, 2000);
    expect(n).toMatch(
      /^Czechoslovakia \(COW 315\) is a member of the COW state system 1918–1939, 1945–1992: in 1993–2000 only what a source lists for it is shown/,
    );
    expect(n).toMatch(/successors: Czech Republic \(CZE, COW 316\) and Slovakia \(SVK, COW 317\)/);
    expect(yearNotes("DDR", 1990, 1991)[0]).toMatch(/in 1991 only what a source lists/);
    expect(yearNotes("RVN", 1960, 1975)).toEqual([]);
  });

  it("notes a modern code asked for years before its state joined the system", () => {
    expect(yearNotes("SVN", 1980, 1980)).toEqual([
      "Slovenia (COW 349) is a member of the COW state system from 1992: in 1980 only what a source lists for it is shown, and nothing listed is null, not 0.",
    ]);
    expect(yearNotes("347", 2005, 2009)[0]).toMatch(/^Kosovo \(COW 347\).*from 2008: in 2005–2007/);
    // Monaco existed before it joined (1993): ATOP lists its pacts, so it is noted, not refused.
    expect(yearNotes("MNC", 1980, 1995)[0]).toMatch(/from 1993: in 1980–1992/);
  });

  it("keys what an input denotes beyond its state", () => {
    expect(denotes("SUN")).toBe("the Soviet Union");
    expect(denotes("soviet union")).toBe("the Soviet Union");
    expect(denotes("RUS")).toBeNull();
    expect(denotes(365)).toBeNull();
    expect(denotes("cow:345")).toBeNull();
  });
});

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentDate, findDates } from "../../src/text/dates.js";
import { findOrganizations } from "../../src/text/organizations.js";
import { documentFromString, readDocument } from "../../src/text/read.js";
import { findStates } from "../../src/text/states.js";
import type { FoundDate, FoundOrganization, FoundState } from "../../src/text/types.js";

/** [surface, iso3] pairs, checking offsets and that spans neither overlap nor go backwards. */
function states(text: string, year: number | null = null): Array<[string, string]> {
  const found = findStates(text, year);
  checkSpans(text, found);
  return found.map((s) => [s.surface, s.iso3]);
}

function checkSpans(
  text: string,
  found: ReadonlyArray<FoundState | FoundOrganization | FoundDate>,
) {
  let last = 0;
  for (const f of found) {
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    if ("surface" in f) expect(text.slice(f.start, f.end)).toBe(f.surface);
    last = f.end;
  }
}

const orgs = (text: string): Array<[string, string]> => {
  const found = findOrganizations(text);
  checkSpans(text, found);
  return found.map((o) => [o.surface, o.id]);
};

const dates = (text: string): Array<[string, string]> => {
  const found = findDates(text);
  checkSpans(text, found);
  return found.map((d) => [text.slice(d.start, d.end), d.value]);
};

describe("findStates", () => {
  it("resolves names to COW states with exact offsets", () => {
    const text = "Talks between Russia and the United States, then China.";
    expect(findStates(text, 2014)).toEqual([
      { start: 14, end: 20, ccode: 365, iso3: "RUS", name: "Russia", surface: "Russia" },
      {
        start: 25,
        end: 42,
        ccode: 2,
        iso3: "USA",
        name: "United States of America",
        surface: "the United States",
      },
      { start: 49, end: 54, ccode: 710, iso3: "CHN", name: "China", surface: "China" },
    ]);
  });

  it("prefers the longest name: multi-word names and 'the' forms", () => {
    expect(
      states(
        "The United Kingdom, People's Republic of China, People’s Republic of China, South Korea, " +
          "North Korea, South Sudan, Papua New Guinea, Guinea-Bissau and the Democratic Republic of the Congo.",
      ),
    ).toEqual([
      ["The United Kingdom", "GBR"],
      ["People's Republic of China", "CHN"],
      ["People’s Republic of China", "CHN"],
      ["South Korea", "KOR"],
      ["North Korea", "PRK"],
      ["South Sudan", "SSD"],
      ["Papua New Guinea", "PNG"],
      ["Guinea-Bissau", "GNB"],
      ["the Democratic Republic of the Congo", "COD"],
    ]);
  });

  it("matches names written with or without diacritics and curly apostrophes", () => {
    expect(
      states("São Tomé, Sao Tome and Príncipe, Côte d’Ivoire, Cote d'Ivoire, Türkiye and Turkiye."),
    ).toEqual([
      ["São Tomé", "STP"],
      ["Sao Tome and Príncipe", "STP"],
      ["Côte d’Ivoire", "CIV"],
      ["Cote d'Ivoire", "CIV"],
      ["Türkiye", "TUR"],
      ["Turkiye", "TUR"],
    ]);
  });

  it("reads combining prefixes only before a state: Sino-Russian, not Indo-Pacific", () => {
    expect(states("Sino-Russian ties")).toEqual([
      ["Sino-", "CHN"],
      ["Russian", "RUS"],
    ]);
    expect(findStates("Sino-Russian ties", null).map((s) => s.ccode)).toEqual([710, 365]);
    expect(states("the Indo-Pacific strategy and the Indian Ocean")).toEqual([]);
    expect(states("Indo-Pakistani talks, Franco-German motor, Russo-Japanese War")).toEqual([
      ["Indo-", "IND"],
      ["Pakistani", "PAK"],
      ["Franco-", "FRA"],
      ["German", "DEU"],
      ["Russo-", "RUS"],
      ["Japanese", "JPN"],
    ]);
    expect(states("Anglo-Saxon law but an Anglo-American deal")).toEqual([
      ["Anglo-", "GBR"],
      ["American", "USA"],
    ]);
    expect(states("Greco-Roman wrestling, sino-russian")).toEqual([]);
  });

  it("reads adjectives and demonyms, also before a hyphen", () => {
    expect(
      states("Chinese-made drones, Russian gas, British and French troops, Americans, the Saudis"),
    ).toEqual([
      ["Chinese", "CHN"],
      ["Russian", "RUS"],
      ["British", "GBR"],
      ["French", "FRA"],
      ["Americans", "USA"],
      ["Saudis", "SAU"],
    ]);
  });

  it("tells US from the pronoun us and from a headline in capitals", () => {
    expect(states("Let us talk about the US position and U.S. aid to the USA.")).toEqual([
      ["US", "USA"],
      ["U.S.", "USA"],
      ["USA", "USA"],
    ]);
    expect(states("TELL US MORE ABOUT IT")).toEqual([]);
    expect(states("US and UK sign pact")).toEqual([
      ["US", "USA"],
      ["UK", "GBR"],
    ]);
  });

  it("is case-sensitive, ignores capitals and places that are not states", () => {
    expect(states("fine china, a turkey dinner, guinea pigs")).toEqual([]);
    expect(states("Moscow, Beijing, Washington and Kyiv")).toEqual([]);
    expect(
      states(
        "the South China Sea, Latin American debt, North America, New Mexico, Lake Chad and New Guinea",
      ),
    ).toEqual([]);
    expect(states("RUSSIA AND CHINA")).toEqual([
      ["RUSSIA", "RUS"],
      ["CHINA", "CHN"],
    ]);
  });

  it("skips ambiguous words: Korean alone, but not North/South Korean", () => {
    expect(states("Korean and North Korean and South Korean officials")).toEqual([
      ["North Korean", "PRK"],
      ["South Korean", "KOR"],
    ]);
  });

  it("resolves at the document's year through the crosswalk", () => {
    const at = (text: string, year: number | null) => findStates(text, year).map((s) => s.ccode);
    expect(at("Germany and German troops", 1970)).toEqual([260, 260]);
    expect(at("Germany and German troops", null)).toEqual([255, 255]);
    expect(at("the Soviet Union, Soviet troops, the USSR", 1980)).toEqual([365, 365, 365]);
    expect(at("Yemen", 1985)).toEqual([678]);
    expect(at("Yemen", 2015)).toEqual([679]);
    // States gone before 1945 count only in their own time.
    expect(at("Bavaria", null)).toEqual([]);
    expect(at("Bavaria", 1850)).toEqual([245]);
    expect(at("Czechoslovakia", null)).toEqual([315]);
  });

  it("covers the states that matter for alliance analysis, by name and adjective", () => {
    const cases: Array<[string, string]> = [
      ["United States", "USA"],
      ["American", "USA"],
      ["United Kingdom", "GBR"],
      ["Britain", "GBR"],
      ["France", "FRA"],
      ["Russia", "RUS"],
      ["China", "CHN"],
      ["PRC", "CHN"],
      ["DPRK", "PRK"],
      ["Germany", "DEU"],
      ["Japan", "JPN"],
      ["India", "IND"],
      ["Indian", "IND"],
      ["Iran", "IRN"],
      ["Iranian", "IRN"],
      ["Turkey", "TUR"],
      ["Turkish", "TUR"],
      ["Ukraine", "UKR"],
      ["Ukrainian", "UKR"],
      ["Belarus", "BLR"],
      ["Belarusian", "BLR"],
      ["Kazakhstan", "KAZ"],
      ["Kazakh", "KAZ"],
      ["Kyrgyzstan", "KGZ"],
      ["Tajikistan", "TJK"],
      ["Uzbekistan", "UZB"],
      ["Turkmenistan", "TKM"],
      ["Armenia", "ARM"],
      ["Azerbaijan", "AZE"],
      ["Georgia", "GEO"],
      ["Moldova", "MDA"],
      ["Mongolia", "MNG"],
      ["Pakistan", "PAK"],
      ["Afghanistan", "AFG"],
      ["Afghan", "AFG"],
      ["Vietnam", "VNM"],
      ["Vietnamese", "VNM"],
      ["Israel", "ISR"],
      ["Israeli", "ISR"],
      ["Syria", "SYR"],
      ["Syrian", "SYR"],
      ["Iraq", "IRQ"],
      ["Saudi Arabia", "SAU"],
      ["South Africa", "ZAF"],
      ["South African", "ZAF"],
      ["Brazil", "BRA"],
      ["Brazilian", "BRA"],
      ["Argentina", "ARG"],
      ["Mexico", "MEX"],
      ["Canada", "CAN"],
      ["Canadian", "CAN"],
      ["Australia", "AUS"],
      ["Australian", "AUS"],
      ["Indonesia", "IDN"],
      ["Italy", "ITA"],
      ["Italian", "ITA"],
      ["Spain", "ESP"],
      ["Poland", "POL"],
      ["Polish", "POL"],
      ["Hungary", "HUN"],
      ["Estonia", "EST"],
      ["Latvia", "LVA"],
      ["Lithuania", "LTU"],
      ["Finland", "FIN"],
      ["Sweden", "SWE"],
      ["Norway", "NOR"],
      ["Netherlands", "NLD"],
      ["Dutch", "NLD"],
      ["Greece", "GRC"],
      ["Greek", "GRC"],
      ["Egypt", "EGY"],
      ["Cuba", "CUB"],
      ["Venezuela", "VEN"],
      ["Serbia", "SRB"],
      ["Taiwan", "TWN"],
      ["Taiwanese", "TWN"],
      ["Myanmar", "MMR"],
      ["Burma", "MMR"],
    ];
    for (const [surface, iso3] of cases) {
      expect(states(`Officials from ${surface} met.`), surface).toEqual([[surface, iso3]]);
    }
  });
});

describe("findOrganizations", () => {
  it("finds acronyms and full names with canonical ids", () => {
    expect(
      orgs(
        "The SCO, the Shanghai Cooperation Organization, CSTO, the EEU, the EAEU, the Eurasian Economic Union, " +
          "the CIS, NATO, the North Atlantic Treaty Organization, ASEAN, the EU, the European Union, " +
          "BRICS, G7, G-20, AUKUS, OSCE, APEC, WTO, IMF and CICA.",
      ),
    ).toEqual([
      ["SCO", "SCO"],
      ["Shanghai Cooperation Organization", "SCO"],
      ["CSTO", "CSTO"],
      ["EEU", "EAEU"],
      ["EAEU", "EAEU"],
      ["Eurasian Economic Union", "EAEU"],
      ["CIS", "CIS"],
      ["NATO", "NATO"],
      ["North Atlantic Treaty Organization", "NATO"],
      ["ASEAN", "ASEAN"],
      ["EU", "EU"],
      ["European Union", "EU"],
      ["BRICS", "BRICS"],
      ["G7", "G7"],
      ["G-20", "G20"],
      ["AUKUS", "AUKUS"],
      ["OSCE", "OSCE"],
      ["APEC", "APEC"],
      ["WTO", "WTO"],
      ["IMF", "IMF"],
      ["CICA", "CICA"],
    ]);
  });

  it("maps every Belt and Road spelling to BRI", () => {
    expect(
      orgs("the Belt and Road Initiative, the Belt and Road, BRI, OBOR and One Belt, One Road"),
    ).toEqual([
      ["Belt and Road Initiative", "BRI"],
      ["Belt and Road", "BRI"],
      ["BRI", "BRI"],
      ["OBOR", "BRI"],
      ["One Belt, One Road", "BRI"],
    ]);
  });

  it("reads the UN and its Security Council, longest first", () => {
    expect(
      orgs(
        "the UN, the U.N., the United Nations, the UN Security Council and the Security Council",
      ),
    ).toEqual([
      ["UN", "UN"],
      ["U.N.", "UN"],
      ["United Nations", "UN"],
      ["UN Security Council", "UNSC"],
      ["Security Council", "UNSC"],
    ]);
  });

  it("reads the Quad only as 'the Quad' or by its full name", () => {
    const text = "the Quad met; a Quad bike; Quadrilateral Security Dialogue";
    const found = findOrganizations(text);
    expect(found.map((o) => [o.surface, o.id, o.start])).toEqual([
      ["Quad", "Quad", 4],
      ["Quadrilateral Security Dialogue", "Quad", 27],
    ]);
  });

  it("is case-sensitive and word-bounded for acronyms", () => {
    expect(orgs("un accord, eu, nato, the sco, SCOPE, NATOs, EUR, IMFs")).toEqual([]);
  });
});

describe("findDates", () => {
  it("finds full dates in English and ISO forms", () => {
    expect(
      dates(
        "On 12 May 2014, on May 12, 2014, on 2014-05-12, on 3rd of March 2022, on Sept. 3, 2001 and on 1 JUNE 1999.",
      ),
    ).toEqual([
      ["12 May 2014", "2014-05-12"],
      ["May 12, 2014", "2014-05-12"],
      ["2014-05-12", "2014-05-12"],
      ["3rd of March 2022", "2022-03-03"],
      ["Sept. 3, 2001", "2001-09-03"],
      ["1 JUNE 1999", "1999-06-01"],
    ]);
  });

  it("finds months and bare years", () => {
    expect(dates("In May 2014 and in December of 1991, then in 2022.")).toEqual([
      ["May 2014", "2014-05"],
      ["December of 1991", "1991-12"],
      ["2022", "2022"],
    ]);
    expect(dates("from 1990-1995 and 2014–15")).toEqual([
      ["1990", "1990"],
      ["1995", "1995"],
      ["2014", "2014"],
    ]);
  });

  it("does not read May the name or the verb, or a month without a year, as a date", () => {
    expect(dates("Theresa May said it may rain on May 12 or in May.")).toEqual([]);
    expect(dates("May said so in 2019.")).toEqual([["2019", "2019"]]);
  });

  it("does not read numbers that are not years", () => {
    expect(
      dates(
        "2,014 troops, 2014km, 12014, 1990s, 3.2014, 1850 and 2150, call 555-2014 or +7 495 2014 1234",
      ),
    ).toEqual([]);
    // An impossible day leaves only the year; a malformed ISO date leaves nothing.
    expect(dates("30 February 2014 and 2014-13-01")).toEqual([["2014", "2014"]]);
  });
});

describe("documentDate", () => {
  const doc = (text: string, format: "txt" | "md" = "txt") => documentFromString(text, format);

  it("reads a dateline or a publication line in the first two paragraphs", () => {
    expect(documentDate(doc("MOSCOW, May 20, 2014 — Russia and China signed a deal."))).toBe(
      "2014-05-20",
    );
    expect(
      documentDate(doc("Headline here\n\nPublished 20 May 2014\n\nBody on 1 June 2015.")),
    ).toBe("2014-05-20");
    expect(
      documentDate(doc("# Op-ed\n\nBy Li Wei, published 14 June 2019. Talks on 2 May 2019.", "md")),
    ).toBe("2019-06-14");
  });

  it("falls back to the title, then the first full date of the first two paragraphs", () => {
    expect(documentDate(doc("Statement of 4 July 2016\n\nTalks resumed on 1 July 2016."))).toBe(
      "2016-07-04",
    );
    expect(documentDate(doc("Talks\n\nThe ministers met and on 1 July 2016 agreed."))).toBe(
      "2016-07-01",
    );
  });

  it("dates the format fixtures", async () => {
    const at = async (name: string) =>
      documentDate(
        await readDocument(
          fileURLToPath(new URL(`../fixtures/text/formats/${name}`, import.meta.url)),
        ),
      );
    expect(await at("news.html")).toBe("2014-05-21");
    expect(await at("short-news.html")).toBe("2024-07-04");
    expect(await at("transcript.txt")).toBe("2022-03-03");
    expect(await at("oped.md")).toBe("2019-06-14");
    expect(await at("bom-crlf.txt")).toBeNull();
  });

  it("needs a full date in the title or first two paragraphs", () => {
    expect(
      documentDate(doc("Talks\n\nIn May 2014 they met.\n\nLater, on 3 June 2014, they signed.")),
    ).toBe(null);
    expect(documentDate(doc(""))).toBeNull();
  });
});

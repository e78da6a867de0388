import { describe, expect, it } from "vitest";
import { listedPeople, OFFICE_KINDS, PEOPLE_AS_OF, slugOf } from "../../src/text/office-holders.js";
import { dayOf, holdersAt, officesAt, personById, roleAt } from "../../src/text/offices.js";
import { findPeople, resolveName } from "../../src/text/people.js";
import { personLike } from "../../src/text/person-like.js";
import type { FoundPerson, Person } from "../../src/text/types.js";

const PEOPLE = listedPeople();

const get = (id: string): Person => {
  const p = personById(id);
  if (!p) throw new Error(`not listed: ${id}`);
  return p;
};
const kindsAt = (id: string, date: string) => officesAt(get(id), date).map((o) => o.kind);
/** The mentions as "surface→id", for compact assertions. */
const brief = (found: readonly FoundPerson[]) => found.map((f) => `${f.surface}→${f.personId}`);
const one = (text: string, date: string | null): FoundPerson => {
  const found = findPeople(text, date);
  expect(found).toHaveLength(1);
  return found[0] as FoundPerson;
};

describe("the list", () => {
  it("is dated and sizeable", () => {
    expect(PEOPLE_AS_OF).toBe("2026-11-30");
    expect(PEOPLE.length).toBeGreaterThan(250);
  });

  it("has unique ids, each the slug of the name", () => {
    const ids = PEOPLE.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PEOPLE) {
      expect(p.id).toBe(slugOf(p.name));
      expect(p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it("has valid offices: known kinds, ISO dates, from < to", () => {
    for (const p of PEOPLE) {
      expect(p.offices.length, p.id).toBeGreaterThan(0);
      for (const o of p.offices) {
        expect(OFFICE_KINDS, `${p.id} ${o.kind}`).toContain(o.kind);
        expect(o.from, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(o.from)), p.id).toBe(false);
        if (o.to !== null) {
          expect(o.to, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(o.from < o.to, `${p.id} ${o.title} ${o.from}..${o.to}`).toBe(true);
        }
        // Only offices still held on 1991-01-01 or begun since are listed.
        expect(o.to === null || o.to > "1991-01-01", `${p.id} ${o.title}`).toBe(true);
        expect(o.to === null || o.to <= PEOPLE_AS_OF, p.id).toBe(true);
      }
    }
  });

  it("never has one person hold the same kind of office of a state twice at once", () => {
    for (const p of PEOPLE) {
      const os = p.offices;
      for (let i = 0; i < os.length; i++) {
        for (let j = i + 1; j < os.length; j++) {
          const a = os[i];
          const b = os[j];
          if (!a || !b || a.kind !== b.kind || a.state !== b.state) continue;
          const overlap = a.from < (b.to ?? "9999") && b.from < (a.to ?? "9999");
          expect(overlap, `${p.id}: ${a.title} ${a.from} / ${b.from}`).toBe(false);
        }
      }
    }
  });

  it("has no two holders of one office (state, kind) at once", () => {
    // Terms end on the day the successor takes office (`to` is exclusive), so handovers on one day
    // do not overlap and no exception is needed.
    const terms = new Map<string, Array<{ id: string; from: string; to: string }>>();
    for (const p of PEOPLE) {
      for (const o of p.offices) {
        const key = `${o.state} ${o.kind}`;
        const list = terms.get(key) ?? [];
        list.push({ id: p.id, from: o.from, to: o.to ?? "9999-12-31" });
        terms.set(key, list);
      }
    }
    for (const [key, list] of terms) {
      list.sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const cur = list[i];
        if (!prev || !cur) continue;
        expect(
          prev.to <= cur.from,
          `${key}: ${prev.id} to ${prev.to}, ${cur.id} from ${cur.from}`,
        ).toBe(true);
      }
    }
  });

  it("covers every office of the eight states from 1991 (and the Soviet head of state in 1991)", () => {
    const states = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND"];
    for (const s of states) {
      for (const kind of ["foreign minister", "defence minister"] as const) {
        expect(holdersAt(s, kind, "2024-06-01"), `${s} ${kind}`).toHaveLength(1);
      }
    }
    expect(holdersAt("SUN", "head of state", "1991-06-01").map((p) => p.id)).toEqual([
      "mikhail-gorbachev",
    ]);
    expect(holdersAt("SUN", "head of state", "1991-12-26")).toEqual([]);
  });

  it("keeps one person with several offices as one entry", () => {
    const putin = get("vladimir-putin");
    expect(putin.offices.length).toBeGreaterThanOrEqual(4);
    expect(PEOPLE.filter((p) => p.name === "Vladimir Putin")).toHaveLength(1);
    expect(get("sergei-lavrov").aliases).toEqual(
      expect.arrayContaining(["Sergey Lavrov", "Lavrov"]),
    );
    expect(get("sergei-shoigu").aliases).toEqual(expect.arrayContaining(["Shoygu"]));
    expect(get("shinzo-abe").aliases).toEqual(expect.arrayContaining(["Abe Shinzo"]));
  });
});

describe("officesAt and roleAt", () => {
  it("reads the dates: from inclusive, to exclusive", () => {
    expect(kindsAt("sergei-lavrov", "2014-05-20")).toEqual(["foreign minister"]);
    expect(kindsAt("sergei-lavrov", "2024-01-01")).toEqual(["foreign minister"]);
    expect(kindsAt("sergei-lavrov", "2003-01-01")).toEqual([]);
    expect(kindsAt("igor-ivanov", "2003-01-01")).toEqual(["foreign minister"]);
    expect(kindsAt("sergei-lavrov", "2004-03-09")).toEqual(["foreign minister"]);
    expect(kindsAt("igor-ivanov", "2004-03-09")).toEqual([]);
  });

  it("knows Shoigu, then Belousov", () => {
    expect(kindsAt("sergei-shoigu", "2015-01-01")).toEqual(["defence minister"]);
    expect(kindsAt("sergei-shoigu", "2025-01-01")).toEqual([]);
    expect(kindsAt("andrei-belousov", "2025-01-01")).toEqual(["defence minister"]);
  });

  it("knows Wang Yi's two terms around Qin Gang", () => {
    expect(kindsAt("wang-yi", "2015-01-01")).toEqual(["foreign minister"]);
    expect(kindsAt("wang-yi", "2024-01-01")).toEqual(["foreign minister"]);
    expect(kindsAt("wang-yi", "2023-06")).toEqual([]);
    expect(kindsAt("qin-gang", "2023-06")).toEqual(["foreign minister"]);
  });

  it("gives the most senior office, or the latest with no date", () => {
    const putin = get("vladimir-putin");
    expect(roleAt(putin, "2010-01-01")).toBe("Prime Minister of Russia");
    expect(roleAt(putin, "2015-01-01")).toBe("President of Russia");
    // Acting president and still prime minister: the head of state wins.
    expect(roleAt(putin, "2000-02-01")).toBe("Acting President of Russia");
    expect(roleAt(putin, "1995-01-01")).toBeNull();
    expect(roleAt(putin, null)).toBe("President of Russia");
    const xi = get("xi-jinping");
    expect(roleAt(xi, "2012-12-01")).toBe("General Secretary of the Chinese Communist Party");
    expect(roleAt(xi, "2020-01-01")).toBe("President of China");
    expect(roleAt(get("dmitry-medvedev"), null)).toBe("Prime Minister of Russia");
    expect(roleAt(get("elizabeth-ii"), "2022-09-07")).toBe("Queen of the United Kingdom");
    expect(roleAt(get("charles-iii"), "2022-09-08")).toBe("King of the United Kingdom");
  });

  it("reads month and year dates, and rejects others", () => {
    expect(dayOf("2023-06")).toBe("2023-06-15");
    expect(dayOf("2015")).toBe("2015-07-01");
    expect(() => dayOf("20 May 2014")).toThrow(RangeError);
  });
});

describe("findPeople", () => {
  it("finds full names with exact offsets and the role at the date", () => {
    const text = "Foreign Minister Sergei Lavrov met Wang Yi in Beijing.";
    const found = findPeople(text, "2014-05-20");
    expect(brief(found)).toEqual(["Sergei Lavrov→sergei-lavrov", "Wang Yi→wang-yi"]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.surface);
    expect(found[0]).toMatchObject({
      start: 17,
      end: 30,
      name: "Sergei Lavrov",
      role: "Foreign Minister of Russia",
    });
    expect(found[1]?.role).toBe("Foreign Minister of China");
  });

  it("resolves a surname by the office held at the date", () => {
    expect(one("Putin said.", "2010-06-01")).toMatchObject({
      personId: "vladimir-putin",
      role: "Prime Minister of Russia",
    });
    expect(one("Putin said.", "2015-06-01")).toMatchObject({
      personId: "vladimir-putin",
      role: "President of Russia",
    });
    expect(one("Mr Lavrov replied.", "2014-05-20")).toMatchObject({
      surface: "Lavrov",
      start: 3,
      personId: "sergei-lavrov",
    });
    // A unique surname with no date resolves; its role is the latest office.
    expect(one("Lavrov replied.", null)).toMatchObject({
      personId: "sergei-lavrov",
      role: "Foreign Minister of Russia",
    });
  });

  it("leaves a surname unresolved when it is ambiguous at the date", () => {
    // Igor Ivanov (foreign) and Sergei Ivanov (defence) were both in office in 2002.
    expect(one("Ivanov said.", "2002-06-01")).toMatchObject({
      surface: "Ivanov",
      personId: null,
      name: "Ivanov",
      role: null,
    });
    // In 2006 only Sergei Ivanov was.
    expect(one("Ivanov said.", "2006-06-01").personId).toBe("sergei-ivanov");
    // Li Qiang (premier) and Li Shangfu (defence) in 2023; the title decides.
    expect(one("Li said.", "2023-05-01").personId).toBeNull();
    expect(one("Premier Li said.", "2023-05-01").personId).toBe("li-qiang");
    expect(one("Defence Minister Li said.", "2023-05-01").personId).toBe("li-shangfu");
    expect(one("Premier Li said.", "2015-05-01").personId).toBe("li-keqiang");
    // Two presidents Bush: only the one in office at the date.
    expect(one("Bush said.", "1991-06-01").personId).toBe("george-h-w-bush");
    expect(one("Bush said.", "2005-06-01").personId).toBe("george-w-bush");
    expect(one("Bush said.", "2015-06-01").personId).toBeNull();
    expect(one("Bush said.", null).personId).toBeNull();
    // Several Singhs: Manmohan (PM) and Natwar (external affairs) in 2005.
    expect(one("Singh said.", "2005-03-01").personId).toBeNull();
    expect(one("Prime Minister Singh said.", "2005-03-01").personId).toBe("manmohan-singh");
  });

  it("reads titles before names and keeps the span on the name", () => {
    const text = "Russian Defence Minister Sergei Shoigu and Chinese President Xi Jinping met.";
    const found = findPeople(text, "2015-06-01");
    expect(brief(found)).toEqual(["Sergei Shoigu→sergei-shoigu", "Xi Jinping→xi-jinping"]);
    expect(found[0]?.role).toBe("Defence Minister of Russia");
    expect(one("President Xi spoke.", "2019-01-01")).toMatchObject({
      surface: "Xi",
      personId: "xi-jinping",
      role: "President of China",
    });
    const wei = one("Chinese Defence Minister Wei Fenghe arrived.", "2019-06-01");
    expect(wei).toMatchObject({ surface: "Wei Fenghe", personId: "wei-fenghe" });
    expect(wei.role).toBe("Defence Minister of China");
    // A title no listed Carter held: Jimmy Carter, not Ash Carter.
    expect(findPeople("President Carter spoke.", "2016-01-01")).toEqual([]);
  });

  it("resolves a title with a state alone, only with a date", () => {
    const text = "the Russian foreign minister said";
    expect(one(text, "1995-06-01")).toMatchObject({
      surface: "Russian foreign minister",
      start: 4,
      end: 28,
      personId: "andrei-kozyrev",
      role: "Foreign Minister of Russia",
    });
    expect(one(text, "2015-06-01").personId).toBe("sergei-lavrov");
    expect(findPeople(text, null)).toEqual([]);
    const date = "2024-01-01";
    expect(one("China's defence minister", date).personId).toBe("dong-jun");
    expect(one("the US Secretary of State", date).personId).toBe("antony-blinken");
    expect(one("the Chinese president", date).personId).toBe("xi-jinping");
    expect(one("the foreign minister of Japan", date).personId).toBe("yoko-kamikawa");
    expect(one("the British prime minister", "2017-01-01").personId).toBe("theresa-may");
    expect(one("the German chancellor", "2010-01-01").personId).toBe("angela-merkel");
    expect(one("the Soviet president", "1991-06-01").personId).toBe("mikhail-gorbachev");
    expect(one("the Russian president", "1991-09-01").personId).toBe("boris-yeltsin");
  });

  it("does not read a lone title as the holder when it is someone else", () => {
    const date = "2024-01-01";
    expect(findPeople("the former Russian foreign minister", date)).toEqual([]);
    expect(findPeople("a Chinese defence minister", date)).toEqual([]);
    expect(findPeople("the US president-elect", date)).toEqual([]);
    expect(findPeople("the Russian deputy foreign minister", date)).toEqual([]);
    expect(findPeople("the Russian Foreign Ministry", date)).toEqual([]);
    // "India's foreign secretary" is a civil servant, not the minister.
    expect(findPeople("India's foreign secretary", date)).toEqual([]);
    // Followed by a name: the name is the mention.
    expect(brief(findPeople("Russia's foreign minister, Sergei Lavrov, said", date))).toEqual([
      "Sergei Lavrov→sergei-lavrov",
    ]);
    expect(findPeople("the Russian foreign minister Ivan Petrov", date)).toEqual([]);
    // No holder listed at the date (Li Shangfu removed, Dong Jun not yet appointed).
    expect(findPeople("China's defence minister", "2023-11-15")).toEqual([]);
  });

  it("tolerates diacritics and reports offsets in the original text", () => {
    const text = "Le Drián met Jean-Yves Le Drian and Jean Yves Le Drian.";
    const found = findPeople(text, "2018-01-01");
    expect(found.map((f) => f.personId)).toEqual([
      "jean-yves-le-drian",
      "jean-yves-le-drian",
      "jean-yves-le-drian",
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.surface);
    expect(found[0]?.surface).toBe("Le Drián");
    // A decomposed accent (e + U+0301) stays inside the span.
    const nfd = "Mr Le Dria\u0301n said";
    const f = one(nfd, "2018-01-01");
    expect(f.surface).toBe("Le Dria\u0301n");
    expect(nfd.slice(f.start, f.end)).toBe(f.surface);
    // An astral character before the name does not shift the offsets.
    const emoji = "😀 Frank-Walter Steinmeier and Weizsäcker, Dominique de Villepin";
    for (const g of findPeople(emoji, "1993-01-01")) {
      expect(emoji.slice(g.start, g.end)).toBe(g.surface);
    }
    expect(one("Schroeder", "2000-01-01").personId).toBe("gerhard-schroder");
    expect(one("Shoygu said", "2015-01-01").personId).toBe("sergei-shoigu");
  });

  it("never matches inside other words", () => {
    expect(findPeople("Putinism and Putinesque", "2015-01-01")).toEqual([]);
    expect(findPeople("a trip to Xi'an", "2015-01-01")).toEqual([]);
    expect(brief(findPeople("Putin's plan", "2015-01-01"))).toEqual(["Putin→vladimir-putin"]);
    expect(findPeople("putin said", "2015-01-01")).toEqual([]);
  });

  it("skips other people who share a surname", () => {
    const date = "2022-06-01";
    expect(brief(findPeople("Hunter Biden met Biden.", date))).toEqual(["Biden→joe-biden"]);
    expect(findPeople("Donald Trump Jr. spoke", "2018-01-01")).toEqual([]);
    expect(findPeople("spokesman Wang Wenbin said", "2020-01-01")).toEqual([]);
    expect(findPeople("M. K. Narayanan said", "1999-01-01")).toEqual([]);
    expect(findPeople("Andrew Yang said", "2010-01-01")).toEqual([]);
    // Own given names and initials are fine.
    expect(one("Dmitri Anatolyevich Medvedev", "2010-01-01").personId).toBe("dmitry-medvedev");
    expect(one("Sergei V. Lavrov", "2015-01-01").surface).toBe("Sergei V. Lavrov");
    expect(one("V. Putin", "2015-01-01").personId).toBe("vladimir-putin");
  });

  it("reads surnames that are ordinary words only after a title", () => {
    const date = "2017-03-01";
    expect(findPeople("In May, the talks stalled.", date)).toEqual([]);
    expect(one("Mrs May said", date).personId).toBe("theresa-may");
    expect(one("Prime Minister May said", date).personId).toBe("theresa-may");
    expect(findPeople("Major General Smith", "1995-01-01")).toEqual([]);
  });

  it("resolves full names at any date, with no role out of office", () => {
    expect(one("Mikhail Gorbachev", "2015-01-01")).toMatchObject({
      personId: "mikhail-gorbachev",
      role: null,
    });
    expect(one("George W. Bush", "2016-01-01").personId).toBe("george-w-bush");
    expect(one("George Bush", "1990-06-01").personId).toBe("george-h-w-bush");
    expect(one("Shinzō Abe and", "2015-01-01").personId).toBe("shinzo-abe");
    expect(one("Abe Shinzo and", "2015-01-01").personId).toBe("shinzo-abe");
    expect(one("PV Narasimha Rao", "1993-01-01").personId).toBe("p-v-narasimha-rao");
  });

  it("returns sorted, non-overlapping spans, the longest first", () => {
    const text =
      "Kohl and Helmut Kohl met Vladimir Putin; George H. W. Bush and Putin. Dominique de Villepin.";
    const found = findPeople(text, "1991-06-01");
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1] as FoundPerson;
      const b = found[i] as FoundPerson;
      expect(a.end <= b.start).toBe(true);
    }
    expect(found.map((f) => f.surface)).toEqual([
      "Kohl",
      "Helmut Kohl",
      "Vladimir Putin",
      "George H. W. Bush",
      "Putin",
      "Dominique de Villepin",
    ]);
    // Putin held no office in 1991: the bare surname is reported unresolved.
    expect(found[4]?.personId).toBeNull();
    expect(found[2]?.personId).toBe("vladimir-putin");
  });
});

describe("resolveName", () => {
  it("resolves speaker surfaces with titles, honorifics and capitals", () => {
    const date = "2015-01-01";
    expect(resolveName("Mr. Lavrov", date)).toMatchObject({
      start: 0,
      end: 0,
      surface: "Mr. Lavrov",
      personId: "sergei-lavrov",
      name: "Sergei Lavrov",
      role: "Foreign Minister of Russia",
    });
    expect(resolveName("LAVROV", date)?.personId).toBe("sergei-lavrov");
    expect(resolveName("the Russian foreign minister", date)?.personId).toBe("sergei-lavrov");
    expect(resolveName("Russian Foreign Minister Sergei Lavrov", null)?.personId).toBe(
      "sergei-lavrov",
    );
    expect(resolveName("Xi", date)?.personId).toBe("xi-jinping");
  });

  it("returns null for what the list does not name", () => {
    expect(resolveName("a Kremlin spokesman", "2015-01-01")).toBeNull();
    expect(resolveName("Hunter Biden", null)).toBeNull();
    expect(resolveName("the Russian foreign minister", null)).toBeNull();
    expect(resolveName("Lavrov's aide Ivan Petrov", "2015-01-01")).toBeNull();
  });

  it("keeps an ambiguous surname unresolved", () => {
    expect(resolveName("Mr Ivanov", "2002-06-01")).toMatchObject({
      personId: null,
      name: "Ivanov",
    });
  });
});

describe("personLike", () => {
  it("accepts names", () => {
    for (const s of [
      "Anatoly Antonov",
      "Bashar al-Assad",
      "Laurent de Saint-Aubin",
      "George W. Bush",
      "Mr Smith",
      "Gonçalo Gonçalves",
      "Jean-Yves Le Drian",
    ]) {
      expect(personLike(s), s).toBe(true);
    }
  });

  it("rejects other phrases", () => {
    for (const s of [
      "United States",
      "Russian foreign minister",
      "the ministry",
      "Xi",
      "NATO Summit",
      "White House",
      "Monday",
      "",
    ]) {
      expect(personLike(s), s).toBe(false);
    }
  });
});

describe("speed", () => {
  it("scans a long document quickly", () => {
    const para =
      "Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi, the Russian defence minister and Mr Putin in Moscow on Monday. ";
    const text = para.repeat(2000);
    const t0 = performance.now();
    const found = findPeople(text, "2020-01-01");
    const ms = performance.now() - t0;
    expect(found.length).toBe(8000);
    expect(ms).toBeLessThan(5000);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countryTables } from "../../src/core/country-tables.js";
import {
  allStates,
  cameoCodesByYear,
  cameoNonStateLabel,
  cameoStateCodes,
  isSystemMember,
  lookupCountry,
  resolveCountry,
  stateByCcode,
  systemMembers,
} from "../../src/core/crosswalk.js";
import { UnknownCountryError } from "../../src/core/errors.js";
import { normalizeName, normalizeNameJoined } from "../../src/core/normalize.js";

const {
  cameoNonState: CAMEO_NON_STATE,
  cameoStateCodesNotIso3: CAMEO_STATE_CODES_NOT_ISO3,
  gwNonCow: GW_NON_COW,
  isoNonState: ISO_NON_STATE,
  nameRules: NAME_RULES,
  states: STATES,
} = countryTables();

const DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
const hasData = existsSync(DATA);
const NO_DATA = `skipped: ${DATA} not present (real-data crosswalk tests need the shared COW/GW/CAMEO files)`;
const DOCS = fileURLToPath(new URL("../../docs/crosswalk.md", import.meta.url));

/** Minimal RFC 4180 CSV reader (quoted fields may contain commas). */
function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, "utf8").replace(/\r\n/g, "\n").trimEnd();
  const records: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      records.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  row.push(field);
  records.push(row);
  const [header, ...body] = records;
  return body.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? ""])));
}

function readTsv(path: string): Array<[string, string]> {
  return readFileSync(path, "utf8")
    .replace(/\r\n/g, "\n")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t") as [string, string]);
}

const ccodeOf = (input: string | number, opts?: { year?: number }) =>
  lookupCountry(input, opts)?.ccode ?? null;

function thrown(fn: () => unknown): UnknownCountryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UnknownCountryError) return e;
    throw e;
  }
  throw new Error("expected UnknownCountryError");
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!hasData)(
  `crosswalk against the COW/GW/CAMEO files (${hasData ? "present" : NO_DATA})`,
  () => {
    const states2016 = hasData ? readCsv(`${DATA}cow_states/states2016_peacesciencer.csv`) : [];
    const cowCodes = hasData ? readCsv(`${DATA}cow_states/COW-country-codes.csv`) : [];
    const gwRows = hasData
      ? readCsv(`${DATA}cow_states/gw_states_iisystem2017_peacesciencer.csv`)
      : [];
    const cameoRows = hasData ? readTsv(`${DATA}cameo_lookups/CAMEO.country.txt`) : [];

    it("has one entry per COW ccode with the COW abbreviation, name and spells of states2016", () => {
      const expected = new Map<
        number,
        { abb: string; name: string; spells: Array<[number, number | null]> }
      >();
      for (const r of states2016) {
        const c = Number(r.ccode);
        const e = expected.get(c) ?? {
          abb: r.stateabb as string,
          name: r.statenme as string,
          spells: [],
        };
        const end = Number(r.endyear);
        e.spells.push([Number(r.styear), end === 2016 ? null : end]);
        expected.set(c, e);
      }
      expect(expected.size).toBe(217);
      expect(STATES.length).toBe(217);
      expect(allStates().map((s) => s.ccode)).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [c, e] of expected) {
        const s = stateByCcode(c);
        expect(s, `ccode ${c}`).not.toBeNull();
        expect([s?.cowAbb, s?.name]).toEqual([e.abb, e.name]);
        expect(s?.spells.map((sp) => [...sp])).toEqual(e.spells);
      }
    });

    it("resolves every states2016 row by ccode, cowabb and name (with the row's years)", () => {
      const failures: string[] = [];
      for (const r of states2016) {
        const c = Number(r.ccode);
        const checks: Array<[string, number | null]> = [
          [`${c}`, ccodeOf(c)],
          [`"${c}"`, ccodeOf(String(c))],
          [`cow:${c}`, ccodeOf(`cow:${c}`)],
          [`cowabb:${r.stateabb}`, ccodeOf(`cowabb:${r.stateabb}`)],
          [`cowabb:${r.stateabb?.toLowerCase()}`, ccodeOf(`cowabb:${r.stateabb?.toLowerCase()}`)],
        ];
        for (const year of [Number(r.styear), Number(r.endyear)]) {
          checks.push([`name:${r.statenme}@${year}`, ccodeOf(`name:${r.statenme}`, { year })]);
          checks.push([`${r.statenme}@${year}`, ccodeOf(r.statenme as string, { year })]);
          checks.push([
            `${r.statenme?.toUpperCase()}@${year}`,
            ccodeOf((r.statenme as string).toUpperCase(), { year }),
          ]);
        }
        for (const [what, got] of checks)
          if (got !== c) failures.push(`${what} → ${got}, want ${c}`);
      }
      expect(failures).toEqual([]);
    });

    it("resolves every COW-country-codes row by ccode, cowabb and name (years from the state's spells)", () => {
      expect(cowCodes.length).toBe(243);
      const failures: string[] = [];
      for (const r of cowCodes) {
        const c = Number(r.CCode);
        if (ccodeOf(c) !== c) failures.push(`${c}`);
        if (ccodeOf(`cowabb:${r.StateAbb}`) !== c) failures.push(`cowabb:${r.StateAbb}`);
        for (const [from, to] of stateByCcode(c)?.spells ?? []) {
          for (const year of [from, to ?? 2016]) {
            if (ccodeOf(r.StateNme as string, { year }) !== c)
              failures.push(`${r.StateNme}@${year}`);
          }
        }
        // Without a year only "Korea" (730) is ambiguous: after 1948 it could be 731 or 732.
        if (c !== 730 && ccodeOf(r.StateNme as string) !== c)
          failures.push(`${r.StateNme} (no year)`);
      }
      expect(failures).toEqual([]);
      expect(ccodeOf("Korea")).toBeNull();
    });

    it("resolves every CAMEO state row via cameo: and reports the others as non-states with a label", () => {
      const rows = cameoRows.filter(([code]) => code !== "0"); // "0 Unknown or Not Applicable": not a CAMEO code
      expect(rows.length).toBe(262);
      const failures: string[] = [];
      let states = 0;
      for (const [code, label] of rows) {
        const res = lookupCountry(`cameo:${code}`);
        if (res) {
          states++;
          if (stateByCcode(res.ccode)?.cameo !== code)
            failures.push(`${code}: state cameo is ${stateByCcode(res.ccode)?.cameo}`);
          // The CAMEO label, read as a name, must give the same state.
          if (ccodeOf(`name:${label}`) !== res.ccode)
            failures.push(`${code} label "${label}" → ${ccodeOf(`name:${label}`)}`);
          if (cameoNonStateLabel(code) !== null)
            failures.push(`${code} is both a state and a non-state`);
        } else {
          const want = code === "REU" ? "Réunion" : label; // the file has "Runion" (encoding loss)
          if (cameoNonStateLabel(code) !== want)
            failures.push(`${code}: label ${cameoNonStateLabel(code)}`);
          if (cameoNonStateLabel(code.toLowerCase()) !== want)
            failures.push(`${code.toLowerCase()}: no label`);
          expect(() => resolveCountry(`cameo:${code}`)).toThrow(/not a state/);
        }
      }
      expect(failures).toEqual([]);
      expect(states).toBe(194); // every state in the CAMEO list; Kosovo (347) has no CAMEO code there
      expect(Object.keys(CAMEO_NON_STATE).sort()).toEqual(
        rows
          .filter(([code]) => lookupCountry(`cameo:${code}`) === null)
          .map(([code]) => code)
          .sort(),
      );
      // Every state's cameo code is in the file.
      const fileCodes = new Set(rows.map(([code]) => code));
      for (const s of allStates()) if (s.cameo) expect(fileCodes.has(s.cameo), s.cameo).toBe(true);
    });

    it("maps GW file rows via gw: to the right COW code (with the row's years)", () => {
      expect(gwRows.length).toBe(216);
      // Known renumberings: GW continues the FRG (260) and the YAR (678) after 1990 unification,
      // where COW starts 255 and 679; GW numbers Serbia 340 where COW continues 345.
      const expected = (gw: number, year: number): number | null => {
        if (gw in GW_NON_COW) return null;
        if (gw === 340) return 345;
        if (gw === 260) return year >= 1990 ? 255 : 260;
        if (gw === 678) return year >= 1990 ? 679 : 678;
        return gw;
      };
      const failures: string[] = [];
      for (const r of gwRows) {
        const gw = Number(r.gwcode);
        for (const date of [r.startdate, r.enddate]) {
          const year = Number(date?.slice(0, 4));
          const want = expected(gw, year);
          if (want !== null && stateByCcode(want) === null)
            failures.push(`expected ccode ${want} missing`);
          const got = ccodeOf(`gw:${gw}`, { year });
          if (got !== want) failures.push(`gw:${gw}@${year} → ${got}, want ${want}`);
        }
        // The GW name resolves to the same state at the row's start (GW-only states resolve to nothing).
        const start = Number(r.startdate?.slice(0, 4));
        const byName = ccodeOf(`name:${r.statename}`, { year: start });
        if (byName !== expected(gw, start))
          failures.push(`name "${r.statename}"@${start} → ${byName}`);
      }
      expect(failures).toEqual([]);
      // Without a year the current meaning applies.
      expect(ccodeOf("gw:260")).toBe(255);
      expect(ccodeOf("gw:678")).toBe(679);
      expect(ccodeOf("gw:340")).toBe(345);
      expect(ccodeOf("gw:345")).toBe(345);
    });
  },
);

// ---------------------------------------------------------------------------------------------

describe("cameoCodesByYear", () => {
  it("gives what lookupCountry gives for every CAMEO state code and year", () => {
    const from = 1946;
    const to = 2030;
    const want: Array<{ value: string; year: number; ccode: number }> = [];
    for (const value of cameoStateCodes()) {
      for (let year = from; year <= to; year++) {
        const r = lookupCountry(`cameo:${value}`, { year });
        if (r) want.push({ value, year, ccode: r.ccode });
      }
    }
    const got = cameoCodesByYear(from, to);
    expect(got).toEqual(want);
    // Real values: Russia is 365 throughout; Germany is West Germany (260) until 1990.
    expect(got).toContainEqual({ value: "RUS", year: 1980, ccode: 365 });
    expect(got.find((x) => x.value === "DEU" && x.year === 1985)?.ccode).toBe(260);
    expect(got.find((x) => x.value === "DEU" && x.year === 2000)?.ccode).toBe(255);
  });
});

describe("normalizeName", () => {
  it("folds accents, apostrophes, quotes, case, & and punctuation", () => {
    const forms = [
      "Côte d’Ivoire",
      "Cote d'Ivoire",
      "COTE D IVOIRE",
      "  côte   d‘ivoire ",
      "Côte-d'Ivoire",
    ];
    expect(new Set(forms.map(normalizeName))).toEqual(new Set(["cote d ivoire"]));
    expect(normalizeName("Antigua & Barbuda")).toBe("antigua and barbuda");
    expect(normalizeName("Türkiye")).toBe("turkiye");
    expect(normalizeName("São Tomé and Príncipe")).toBe("sao tome and principe");
    expect(normalizeName("Korea, Dem. People's Rep.")).toBe("korea dem people s rep");
    expect(normalizeNameJoined("Korea, Dem. People's Rep.")).toBe("korea dem peoples rep");
    expect(normalizeName("Åland Islands")).toBe("aland islands");
    expect(normalizeName("Straße")).toBe("strasse");
  });

  it("never reorders or drops words", () => {
    expect(normalizeName("Korea, Republic of")).toBe("korea republic of");
    expect(normalizeName("Niger")).not.toBe(normalizeName("Nigeria"));
  });
});

describe("crosswalk table", () => {
  it("has no name key that means two states (except through windowed NAME_RULES)", () => {
    const owners = new Map<string, Set<number>>();
    for (const e of STATES) {
      for (const n of [e.name, ...e.aliases]) {
        for (const key of [normalizeName(n), normalizeNameJoined(n)]) {
          const set = owners.get(key) ?? new Set<number>();
          set.add(e.ccode);
          owners.set(key, set);
        }
      }
    }
    const clashes = [...owners]
      .filter(([, s]) => s.size > 1)
      .map(([k, s]) => `${k}: ${[...s].join(",")}`);
    expect(clashes).toEqual([]);
    // Unwindowed NAME_RULES only annotate a name the table already gives to the same state.
    for (const r of NAME_RULES.filter((r) => r.from === undefined && r.to === undefined)) {
      const set = owners.get(normalizeName(r.name));
      expect(set === undefined || (set.size === 1 && set.has(r.ccode)), r.name).toBe(true);
    }
    // No state name is also a non-state name.
    for (const t of ISO_NON_STATE) {
      for (const n of [t.name, ...(t.aliases ?? [])])
        expect(owners.has(normalizeName(n)), n).toBe(false);
    }
  });

  it("has unique current codes and consistent ISO/CAMEO/GW fields", () => {
    for (const field of ["iso2", "iso3", "cameo"] as const) {
      const vals = STATES.map((e) => e[field]).filter((v) => v !== null);
      expect(new Set(vals).size, field).toBe(vals.length);
    }
    // GW numbers unified Germany and Yemen as continuations (260, 678); COW starts new codes.
    const gwOwners = new Map<number, number[]>();
    for (const e of STATES)
      if (e.gw !== null) gwOwners.set(e.gw, [...(gwOwners.get(e.gw) ?? []), e.ccode]);
    expect([...gwOwners].filter(([, cs]) => cs.length > 1)).toEqual([
      [260, [255, 260]],
      [678, [678, 679]],
    ]);
    const cowAbbs = STATES.map((e) => e.cowAbb);
    expect(new Set(cowAbbs).size).toBe(cowAbbs.length);
    for (const e of STATES) {
      expect(e.iso2 === null, `${e.ccode} iso2/iso3`).toBe(e.iso3 === null);
      if (e.iso2) expect(e.iso2).toMatch(/^[A-Z]{2}$/);
      if (e.iso3) expect(e.iso3).toMatch(/^[A-Z]{3}$/);
      // CAMEO uses the ISO3 code except for the listed states.
      if (e.cameo && e.cameo !== e.iso3)
        expect(CAMEO_STATE_CODES_NOT_ISO3[e.cameo]?.ccode).toBe(e.ccode);
    }
    for (const [code, { ccode, iso3 }] of Object.entries(CAMEO_STATE_CODES_NOT_ISO3)) {
      expect(stateByCcode(ccode)?.cameo).toBe(code);
      expect(stateByCcode(ccode)?.iso3).toBe(iso3);
    }
    // Non-state ISO codes never collide with state codes.
    const stateIso = new Set(STATES.flatMap((e) => [e.iso2, e.iso3]));
    for (const t of ISO_NON_STATE)
      expect(stateIso.has(t.iso2) || stateIso.has(t.iso3), t.name).toBe(false);
  });

  it("derives system membership from the spells", () => {
    expect(systemMembers(2016).length).toBe(195);
    expect(systemMembers(1816)).toContain(365);
    expect(systemMembers(1980)).toEqual([...systemMembers(1980)].sort((a, b) => a - b));
    expect(isSystemMember(255, 1980)).toBe(false);
    expect(isSystemMember(260, 1980)).toBe(true);
    expect(isSystemMember(265, 1980)).toBe(true);
    expect(isSystemMember(255, 1990)).toBe(true);
    expect(isSystemMember(255, 2030)).toBe(true); // ongoing spell
    expect(isSystemMember(40, 1907)).toBe(false); // Cuba's gap 1906–1909
    expect(isSystemMember(40, 1909)).toBe(true);
    expect(isSystemMember(999, 2000)).toBe(false);
    expect(stateByCcode(999)).toBeNull();
  });
});

describe("resolveCountry traps", () => {
  it("reads bare AUS and CZE as ISO3 and says so, with the COW-abbreviation reading", () => {
    const aus = resolveCountry("AUS");
    expect(aus.ccode).toBe(900);
    expect(aus.system).toBe("iso3");
    expect(aus.rule).toMatch(/ISO3/);
    expect(aus.rule).toMatch(/cowabb:AUS is Austria \(cow:305\)/);
    expect(ccodeOf("aus")).toBe(900);
    expect(ccodeOf("cowabb:AUS")).toBe(305);
    expect(ccodeOf("iso3:AUS")).toBe(900);
    expect(ccodeOf("cowabb:AUL")).toBe(900);
    expect(ccodeOf("AUT")).toBe(305);
    const cze = resolveCountry("CZE");
    expect([cze.ccode, cze.system]).toEqual([316, "iso3"]);
    expect(cze.rule).toMatch(/cowabb:CZE is Czechoslovakia \(cow:315\)/);
    expect(ccodeOf("cowabb:CZE")).toBe(315);
    expect(ccodeOf("CZR")).toBe(316);
    expect(ccodeOf("SWZ")).toBe(572); // ISO3 Eswatini, not COW SWZ Switzerland
    expect(ccodeOf("cowabb:SWZ")).toBe(225);
    expect(ccodeOf("SAF")).toBe(560); // COW abbreviation beats CAMEO SAF (Southern Africa)
    expect(resolveCountry("SAF").rule).toMatch(/cameo:SAF is Southern Africa/);
  });

  it("does not reinterpret ISO3 codes of non-states as COW abbreviations", () => {
    expect(ccodeOf("MAC")).toBeNull(); // ISO3/CAMEO Macao
    const e = thrown(() => resolveCountry("MAC"));
    expect(e.message).toMatch(/Macao/);
    expect(e.suggestions).toContain("Macedonia (cowabb:MAC)");
    expect(ccodeOf("cowabb:MAC")).toBe(343);
    expect(ccodeOf("MKD")).toBe(343);
  });

  it("maps the USSR to 365 and says it shares the code with Russia", () => {
    for (const input of [
      "SUN",
      "iso3:SUN",
      "iso2:SU",
      "Soviet Union",
      "USSR",
      "U.S.S.R.",
      "soviet union",
    ]) {
      const r = resolveCountry(input);
      expect(r.ccode, input).toBe(365);
      expect(r.rule, input).toMatch(/shares .*Russia/);
    }
    expect(ccodeOf("Russian Federation")).toBe(365);
    expect(ccodeOf("RUS")).toBe(365);
    expect(ccodeOf("iso2:RU")).toBe(365);
    expect(ccodeOf("cameo:RUS")).toBe(365);
    expect(resolveCountry("Russia").rule).not.toMatch(/USSR/);
  });

  it("is time-aware for Germany", () => {
    expect(ccodeOf("Germany", { year: 1980 })).toBe(260);
    expect(ccodeOf("Germany", { year: 2000 })).toBe(255);
    expect(ccodeOf("Germany", { year: 1990 })).toBe(255);
    expect(ccodeOf("Germany", { year: 1914 })).toBe(255);
    expect(ccodeOf("Germany")).toBe(255);
    expect(ccodeOf("DEU", { year: 1980 })).toBe(260);
    expect(ccodeOf("DEU", { year: 2000 })).toBe(255);
    expect(ccodeOf("iso2:DE", { year: 1980 })).toBe(260);
    expect(ccodeOf("cameo:DEU", { year: 1985 })).toBe(260);
    expect(ccodeOf("Federal Republic of Germany", { year: 1970 })).toBe(260);
    expect(ccodeOf("West Germany")).toBe(260);
    expect(ccodeOf("East Germany", { year: 1980 })).toBe(265);
    expect(ccodeOf("German Democratic Republic")).toBe(265);
    expect(ccodeOf("DDR")).toBe(265);
    expect(ccodeOf("gw:260", { year: 1980 })).toBe(260);
    expect(ccodeOf("gw:260", { year: 2000 })).toBe(255);
    expect(resolveCountry("Germany", { year: 1980 }).rule).toMatch(/1980.*West Germany/);
  });

  it("is time-aware for Yemen, Vietnam, Korea, Czechoslovakia, Serbia/Yugoslavia and China/Taiwan", () => {
    expect(ccodeOf("Yemen", { year: 1980 })).toBe(678);
    expect(ccodeOf("Yemen", { year: 2000 })).toBe(679);
    expect(ccodeOf("Yemen")).toBe(679);
    expect(ccodeOf("YEM", { year: 1980 })).toBe(678);
    expect(ccodeOf("YEM")).toBe(679);
    expect(ccodeOf("South Yemen")).toBe(680);
    expect(ccodeOf("YMD")).toBe(680);
    expect(ccodeOf("Vietnam", { year: 1965 })).toBe(816);
    expect(ccodeOf("Republic of Vietnam", { year: 1965 })).toBe(817);
    expect(ccodeOf("South Vietnam")).toBe(817);
    expect(ccodeOf("Viet Nam")).toBe(816);
    expect(ccodeOf("Korea", { year: 1900 })).toBe(730);
    expect(ccodeOf("Korea", { year: 1980 })).toBeNull();
    expect(ccodeOf("Korea")).toBeNull();
    const korea = thrown(() => resolveCountry("Korea", { year: 1980 }));
    expect(korea.message).toMatch(/ambiguous/);
    expect(korea.suggestions).toEqual(["North Korea (cow:731)", "South Korea (cow:732)"]);
    expect(ccodeOf("Korea, Rep.")).toBe(732);
    expect(ccodeOf("Korea, Dem. People's Rep.")).toBe(731);
    expect(ccodeOf("Korea, Democratic Peoples Republic of")).toBe(731);
    expect(ccodeOf("KOR")).toBe(732);
    expect(ccodeOf("PRK")).toBe(731);
    expect(ccodeOf("Czechoslovakia", { year: 1980 })).toBe(315);
    expect(ccodeOf("CSK")).toBe(315);
    expect(ccodeOf("iso2:CS", { year: 1980 })).toBe(315);
    expect(ccodeOf("iso2:CS", { year: 2005 })).toBe(345);
    expect(ccodeOf("iso2:CS")).toBeNull(); // ambiguous without a year
    expect(ccodeOf("Czech Republic")).toBe(316);
    expect(ccodeOf("Czechia")).toBe(316);
    expect(ccodeOf("Slovakia")).toBe(317);
    for (const code of [
      "YUG",
      "SCG",
      "SRB",
      "iso2:RS",
      "iso2:YU",
      "cameo:SRB",
      "Serbia",
      "Serbia and Montenegro",
    ]) {
      expect(ccodeOf(code), code).toBe(345);
    }
    expect(resolveCountry("Serbia").rule).toMatch(/345/);
    expect(ccodeOf("Taiwan")).toBe(713);
    expect(ccodeOf("TWN")).toBe(713);
    expect(ccodeOf("Republic of China", { year: 1930 })).toBe(710);
    expect(ccodeOf("Republic of China", { year: 1990 })).toBe(713);
    expect(ccodeOf("China, People's Republic of")).toBe(710);
    expect(ccodeOf("People's Republic of China")).toBe(710);
  });

  it("never confuses similar names", () => {
    const pairs: Array<[string, number]> = [
      ["Niger", 436],
      ["Nigeria", 475],
      ["NER", 436],
      ["NGA", 475],
      ["Congo", 484],
      ["Congo, Rep.", 484],
      ["Republic of the Congo", 484],
      ["DR Congo", 490],
      ["Congo, Dem. Rep.", 490],
      ["Democratic Republic of the Congo", 490],
      ["Zaire", 490],
      ["Sudan", 625],
      ["South Sudan", 626],
      ["Guinea", 438],
      ["Guinea-Bissau", 404],
      ["Equatorial Guinea", 411],
      ["Papua New Guinea", 910],
      ["Dominica", 54],
      ["Dominican Republic", 42],
      ["DMA", 54],
      ["DOM", 42],
      ["Samoa", 990],
    ];
    for (const [name, c] of pairs) expect(ccodeOf(name), name).toBe(c);
    expect(resolveCountry("Congo").rule).toMatch(/Republic of the Congo \(Brazzaville\)/);
    expect(ccodeOf("American Samoa")).toBeNull();
    expect(ccodeOf("Nigerr")).toBeNull(); // no fuzzy resolution
  });

  it("resolves Kosovo's unofficial codes", () => {
    for (const code of ["XK", "iso2:XK", "XKX", "KSV", "iso3:KSV", "Kosovo", "KOS"])
      expect(ccodeOf(code), code).toBe(347);
    expect(stateByCcode(347)?.iso3).toBeNull();
    expect(resolveCountry("XKX").rule).toMatch(/no official ISO/);
  });

  it("resolves common aliases from SIPRI, World Bank, UN, Maddison, PWT and ICEWS", () => {
    const cases: Array<[string, number]> = [
      ["Côte d’Ivoire", 437],
      ["Cote d'Ivoire", 437],
      ["COTE D IVOIRE", 437],
      ["Ivory Coast", 437],
      ["Russian Federation", 365],
      ["United States", 2],
      ["USA", 2],
      ["US", 2],
      ["United Kingdom", 200],
      ["UK", 200],
      ["Great Britain", 200],
      ["Britain", 200],
      ["Iran, Islamic Rep.", 630],
      ["Egypt, Arab Rep.", 651],
      ["Venezuela, RB", 101],
      ["Viet Nam", 816],
      ["Burma", 775],
      ["Myanmar", 775],
      ["Turkiye", 640],
      ["Türkiye", 640],
      ["Syrian Arab Republic", 652],
      ["Lao PDR", 812],
      ["Macedonia", 343],
      ["North Macedonia", 343],
      ["FYROM", 343],
      ["Bosnia-Herzegovina", 346],
      ["UAE", 696],
      ["Timor-Leste", 860],
      ["East Timor", 860],
      ["Cabo Verde", 402],
      ["Eswatini", 572],
      ["Swaziland", 572],
      ["St. Kitts and Nevis", 60],
      ["Saint Lucia", 56],
      ["Micronesia, Fed. Sts.", 987],
      ["Bahamas, The", 31],
      ["Gambia, The", 420],
      ["Yemen, Rep.", 679],
      ["Kyrgyz Republic", 703],
      ["Slovak Republic", 317],
      ["Brunei Darussalam", 835],
      ["Tanzania, United Republic of", 510],
      ["Bolivia (Plurinational State of)", 145],
      ["D.R. of the Congo", 490],
      ["Lao People's DR", 812],
      ["Taiwan, Province of China", 713],
      ["Korea, South", 732],
      ["Korea, North", 731],
      ["Columbia", 100], // CAMEO's spelling
    ];
    const failures = cases
      .filter(([n, c]) => ccodeOf(n) !== c)
      .map(([n, c]) => `${n} → ${ccodeOf(n)}, want ${c}`);
    expect(failures).toEqual([]);
  });

  it("accepts system prefixes, the system option and numeric strings", () => {
    expect(ccodeOf("cow:365")).toBe(365);
    expect(ccodeOf(" COW : 365 ")).toBe(365);
    expect(ccodeOf("365")).toBe(365);
    expect(lookupCountry(260, { system: "gw", year: 2000 })?.ccode).toBe(255);
    expect(lookupCountry("AUS", { system: "cowabb" })?.ccode).toBe(305);
    expect(lookupCountry("Niger", { system: "name" })?.system).toBe("name");
    expect(ccodeOf("name:Niger")).toBe(436);
    expect(ccodeOf("iso3:aus")).toBe(900);
    expect(ccodeOf("gw:970")).toBe(946); // GW Kiribati; COW 970 is Nauru
    expect(ccodeOf(970)).toBe(970);
    expect(ccodeOf("cameo:ROM")).toBe(360);
    expect(ccodeOf("ROU")).toBe(360);
    expect(ccodeOf("cameo:MTN")).toBe(341);
    expect(ccodeOf("cameo:TMP")).toBe(860);
    const r = resolveCountry("iso2:RU");
    expect(r).toMatchObject({ ccode: 365, name: "Russia", iso3: "RUS", system: "iso2" });
  });

  it("returns the same cached, frozen result and never throws from lookupCountry", () => {
    const a = lookupCountry("Germany", { year: 1980 });
    expect(lookupCountry("Germany", { year: 1980 })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    for (const bad of [
      "",
      "   ",
      "xyz:abc",
      "constructor",
      "__proto__",
      "name:",
      "cow:abc",
      "1.5",
      "Atlantis",
    ]) {
      expect(lookupCountry(bad), bad).toBeNull();
    }
    expect(lookupCountry(1.5)).toBeNull();
    expect(lookupCountry(Number.NaN)).toBeNull();
    expect(lookupCountry("Germany", { year: 1980.5 })).toBeNull();
  });

  it("throws UnknownCountryError with close suggestions for unknown input", () => {
    const e = thrown(() => resolveCountry("Rusia"));
    expect(e.code).toBe("unknown_country");
    expect(e.suggestions[0]).toBe("Russia (cow:365)");
    expect(e.suggestions.length).toBeLessThanOrEqual(5);
    expect(e.hint).toMatch(/Russia/);
    expect(
      thrown(() => resolveCountry("Nigerr"))
        .suggestions.slice(0, 2)
        .sort(),
    ).toEqual(["Niger (cow:436)", "Nigeria (cow:475)"]);
    expect(thrown(() => resolveCountry("Atlantis")).message).toMatch(/Unknown country "Atlantis"/);
    expect(thrown(() => resolveCountry("Palestine")).message).toMatch(/not a state/);
    expect(thrown(() => resolveCountry("gw:711")).message).toMatch(/Tibet.*no COW counterpart/);
    expect(thrown(() => resolveCountry(999)).suggestions.length).toBeGreaterThan(0);
  });

  it("labels CAMEO non-state codes", () => {
    expect(cameoNonStateLabel("AFR")).toBe("Africa");
    expect(cameoNonStateLabel("cameo:wst")).toBe("The West");
    expect(cameoNonStateLabel("BAG")).toBe("Baghdad");
    expect(cameoNonStateLabel("RUS")).toBeNull();
    expect(cameoNonStateLabel("XXX")).toBeNull();
    expect(lookupCountry("cameo:AFR")).toBeNull();
    expect(lookupCountry("AFR")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The conflict lists in docs/crosswalk.md are computed here, not by eye.

const stateCell = (c: number | null | undefined): string => {
  const s = c === null || c === undefined ? null : stateByCcode(c);
  return s ? `${s.name} (${s.ccode})` : "";
};

/** 3-letter codes that mean different things as ISO3, COW abbreviation and CAMEO code (no year). */
function letterCodeConflicts(): string[] {
  const isoNonState = new Map(ISO_NON_STATE.map((t) => [t.iso3, t.name]));
  const codes = new Set<string>();
  for (const e of STATES) {
    codes.add(e.cowAbb);
    if (e.iso3) codes.add(e.iso3);
    if (e.cameo) codes.add(e.cameo);
    for (const h of e.historicalCodes ?? [])
      if (h.system === "iso3" || h.system === "cameo") codes.add(h.code);
  }
  for (const c of isoNonState.keys()) codes.add(c);
  for (const c of Object.keys(CAMEO_NON_STATE)) codes.add(c);
  const rows: string[] = [];
  for (const code of [...codes].sort()) {
    const iso = lookupCountry(`iso3:${code}`)?.ccode;
    const iso3 =
      iso !== undefined
        ? stateCell(iso)
        : isoNonState.has(code)
          ? `${isoNonState.get(code)} (not a state)`
          : "";
    const cowabb = stateCell(lookupCountry(`cowabb:${code}`)?.ccode);
    const cam = lookupCountry(`cameo:${code}`)?.ccode;
    const cameo =
      cam !== undefined
        ? stateCell(cam)
        : code in CAMEO_NON_STATE
          ? `${CAMEO_NON_STATE[code]} (not a state)`
          : "";
    // Compare meanings, not labels: every non-state reading of one code is the same non-state.
    const meaning = (cell: string) => (cell.endsWith("(not a state)") ? "non-state" : cell);
    const distinct = new Set([iso3, cowabb, cameo].filter((v) => v !== "").map(meaning));
    if (distinct.size < 2) continue;
    const bare = stateCell(lookupCountry(code)?.ccode) || "none (not a state)";
    rows.push(`| ${code} | ${iso3 || "—"} | ${cowabb || "—"} | ${cameo || "—"} | ${bare} |`);
  }
  return rows;
}

/** Numbers that are both a COW code and a GW code for different states (no year). */
function numberConflicts(): string[] {
  const rows: string[] = [];
  for (const s of allStates()) {
    const gw = lookupCountry(`gw:${s.ccode}`)?.ccode;
    if (gw !== undefined && gw !== s.ccode)
      rows.push(`| ${s.ccode} | ${stateCell(s.ccode)} | ${stateCell(gw)} |`);
  }
  return rows;
}

function docsTable(marker: string): string[] {
  const text = readFileSync(DOCS, "utf8");
  const m = new RegExp(`<!-- ${marker}:begin -->([\\s\\S]*?)<!-- ${marker}:end -->`).exec(text);
  if (!m) throw new Error(`docs/crosswalk.md has no ${marker} block`);
  return (m[1] as string)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("|") && !/^\|\s*(code|number)\s*\|/i.test(l) && !/^\|\s*-/.test(l))
    .map(normalizeRow);
}

/** Table rows compared cell by cell, whatever the column padding of the Markdown. */
function normalizeRow(row: string): string {
  return row
    .split("|")
    .map((cell) => cell.trim())
    .join("|");
}

describe("docs/crosswalk.md conflict lists", () => {
  it("lists exactly the computed ISO3 / COW abbreviation / CAMEO conflicts", () => {
    const computed = letterCodeConflicts();
    expect(computed.map((r) => r.split("|")[1]?.trim())).toEqual(
      expect.arrayContaining(["AUS", "CZE", "MAC", "SAF", "SWZ"]),
    );
    expect(docsTable("conflicts")).toEqual(computed.map(normalizeRow));
  });

  it("lists exactly the computed COW-code / GW-code conflicts", () => {
    expect(docsTable("gw-conflicts")).toEqual(numberConflicts().map(normalizeRow));
  });
});

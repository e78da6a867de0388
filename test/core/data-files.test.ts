/**
 * The tables of facts in data/ (crosswalk, office holders): every file is read through its zod
 * schema, references across files are checked, a bad row names its file, line and column, and
 * the files ship in the npm package.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCountryTables } from "../../src/core/country-tables.js";
import {
  cell,
  type DataReader,
  dataPath,
  list,
  optional,
  optionalInt,
  parseDataFile,
  readDataFile,
} from "../../src/core/data-file.js";
import { DataFileError } from "../../src/core/errors.js";
import { readCueList, readSpeakerNouns } from "../../src/text/cue-verbs.js";
import { loadOfficeHolders, PEOPLE_FILES } from "../../src/text/office-holders.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A reader serving the real files, with some replaced by edited text. */
const edited =
  (edits: Record<string, (text: string) => string>): DataReader =>
  (name, schema) => {
    const text = readFileSync(dataPath(name), "utf8");
    return parseDataFile(dataPath(name), edits[name]?.(text) ?? text, schema);
  };

function dataError(f: () => unknown): DataFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error("no DataFileError");
}

describe("crosswalk tables (data/crosswalk)", () => {
  const t = loadCountryTables();

  it("reads every file through its schema", () => {
    expect(t.states).toHaveLength(217);
    const russia = t.states.find((s) => s.ccode === 365);
    expect(russia).toMatchObject({
      cowAbb: "RUS",
      name: "Russia",
      spells: [[1816, null]],
      iso3: "RUS",
      gw: 365,
      cameo: "RUS",
    });
    expect(russia?.aliases).toContain("Russian Federation");
    const frg = t.states.find((s) => s.ccode === 260);
    expect(frg?.historicalCodes).toContainEqual(
      expect.objectContaining({ system: "iso3", code: "DEU", from: 1946, to: 1989 }),
    );
    expect(t.nameRules.find((r) => r.name === "Yemen")).toMatchObject({ ccode: 678, to: 1989 });
    expect(t.nameRules.find((r) => r.name === "Yemen")).not.toHaveProperty("from");
    expect(t.cameoNonState.AFR).toBe("Africa");
    expect(t.cameoStateCodesNotIso3.ROM).toEqual({ ccode: 360, iso3: "ROU" });
    expect(t.isoNonState.find((x) => x.iso3 === "MAC")?.aliases).toContain("Macau");
    expect(t.isoNonState.find((x) => x.iso3 === "ABW")).not.toHaveProperty("aliases");
    expect(t.gwNonCow[396]).toBe("Abkhazia");
  });

  it("refuses an alias of a state that is not in states.csv, naming the line", () => {
    const read = edited({ "crosswalk/aliases.csv": (s) => `${s}9999,Atlantis\n` });
    const e = dataError(() => loadCountryTables(read));
    const lines = readFileSync(dataPath("crosswalk/aliases.csv"), "utf8").split("\n").length;
    expect(e.path).toBe(dataPath("crosswalk/aliases.csv"));
    expect(e.line).toBe(lines);
    expect(e.message).toContain('column "ccode": 9999 is not a state');
  });

  it("refuses a code given twice and a spell that is not a year range", () => {
    const twice = edited({ "crosswalk/gw-non-cow.csv": (s) => `${s}396,Abkhazia again\n` });
    expect(dataError(() => loadCountryTables(twice)).message).toContain('"396" appears twice');
    const spell = edited({
      "crosswalk/states.csv": (s) => s.replace("365,RUS,Russia,1816-,", "365,RUS,Russia,1816,"),
    });
    const e = dataError(() => loadCountryTables(spell));
    expect(e.message).toContain('column "spells": expected spells "1902-1906;1909-"');
    expect(e.line).toBeGreaterThan(1);
  });
});

describe("office holders (data/people)", () => {
  const people = loadOfficeHolders();

  it("reads every file through its schema, with uncertain dates as a column", () => {
    const lavrov = people.find((p) => p.id === "sergei-lavrov");
    expect(lavrov?.offices).toContainEqual({
      kind: "foreign minister",
      title: "Foreign Minister of Russia",
      state: "RUS",
      from: "2004-03-09",
      to: null,
    });
    const abe = people.find((p) => p.id === "shinzo-abe");
    expect(abe?.aliases).toContain("Abe Shinzo");
    expect(abe?.familyFirst).toBe(true);
    const rows = readDataFile("people/offices.csv", PEOPLE_FILES.offices).map((r) => r.row);
    const qian = rows.find((r) => r.person === "qian-qichen");
    expect(qian).toMatchObject({ from: "1988-04-12", uncertain: "from" });
    const robertson = rows.find((r) => r.person === "george-robertson");
    expect(robertson).toMatchObject({ uncertain: "from", note: "2 or 3 May" });
    expect(rows.filter((r) => r.uncertain !== "").length).toBeGreaterThan(30);
  });

  it("refuses an office of an unknown person or post, and a term that ends before it starts", () => {
    const add = (row: string) => edited({ "people/offices.csv": (s) => `${s}${row}\n` });
    expect(dataError(() => loadOfficeHolders(add("nobody,ruFm,2000-01-01,,,"))).message).toContain(
      'column "person": unknown id nobody',
    );
    expect(
      dataError(() => loadOfficeHolders(add("sergei-lavrov,xxFm,2000-01-01,,,"))).message,
    ).toContain('column "post": unknown post xxFm');
    expect(
      dataError(() => loadOfficeHolders(add("sergei-lavrov,ruFm,2000-01-01,1999-01-01,,"))).message,
    ).toContain('"to" 1999-01-01 is not after "from" 2000-01-01');
    expect(
      dataError(() => loadOfficeHolders(add("sergei-lavrov,ruFm,2000-01-01,,perhaps,"))).message,
    ).toContain('column "uncertain"');
  });

  it("refuses an id that is not the slug of the name", () => {
    const read = edited({
      "people/people.csv": (s) => s.replace("sergei-lavrov,Sergei Lavrov", "lavrov,Sergei Lavrov"),
    });
    expect(dataError(() => loadOfficeHolders(read)).message).toContain(
      'column "id": lavrov is repeated or is not the slug of "Sergei Lavrov"',
    );
  });
});

describe("attribution cues (data/text)", () => {
  it("reads the learned cue list through its schema", () => {
    const cues = readCueList();
    const said = cues.find((c) => c.cue === "said");
    expect(said?.source).toBe("train");
    expect(said?.quotes).toBe(true);
    expect(said?.trainDirect).toBeGreaterThan(1000);
    expect(cues.find((c) => c.cue === "according to")?.quotes).toBe(true);
    // A form kept by hand (British spelling) has no train counts.
    expect(cues.find((c) => c.cue === "emphasised")).toMatchObject({
      source: "hand",
      trainCues: 0,
      quotes: true,
    });
    expect(new Set(cues.map((c) => c.cue)).size).toBe(cues.length);
  });

  it("reads the learned speaker nouns through their schema", () => {
    const nouns = readSpeakerNouns();
    expect(nouns.find((n) => n.noun === "spokesman")?.source).toBe("train");
    expect(nouns.find((n) => n.noun === "pollster")?.trainSources).toBeGreaterThan(2);
    expect(nouns.find((n) => n.noun === "counterpart")).toMatchObject({ source: "hand" });
    expect(new Set(nouns.map((n) => n.noun)).size).toBe(nouns.length);
  });
});

describe("parseDataFile", () => {
  const schema = { code: cell.int, names: cell.optionalText, gw: cell.optionalInt };
  const parse = (text: string) => parseDataFile("/x/t.csv", text, schema);

  it("checks cells and keeps their text, quoted cells included", () => {
    const rows = parse('code,names,gw\n1,"a, b|c",\n2,,7\n');
    expect(rows).toEqual([
      { row: { code: "1", names: "a, b|c", gw: "" }, line: 2 },
      { row: { code: "2", names: "", gw: "7" }, line: 3 },
    ]);
    expect([list("a, b|c"), list(""), optionalInt(""), optionalInt("7"), optional("")]).toEqual([
      ["a, b", "c"],
      [],
      null,
      7,
      null,
    ]);
  });

  it("names the file, the line and the column of a bad row", () => {
    expect(dataError(() => parse("code,names,gw\n1,a,\nx,b,\n")).message).toBe(
      '/x/t.csv:3: column "code": expected a whole number',
    );
    expect(dataError(() => parse("code,names,gw\n1,a\n")).message).toBe(
      "/x/t.csv:2: 2 cells where the header has 3",
    );
    expect(dataError(() => parse("code,names,gw,extra\n1,a,,z\n")).message).toBe(
      '/x/t.csv:1: unknown column "extra" (expected code,names,gw)',
    );
    expect(dataError(() => parse("code,names\n1,a\n")).message).toBe(
      '/x/t.csv:1: missing column "gw"',
    );
    expect(dataError(() => parse('code,names,gw\n1,"a\n')).line).toBe(2);
    expect(dataError(() => parse("")).message).toBe("/x/t.csv: empty file: no header");
    expect(dataError(() => parse('code,names,gw\n1,"two\nlines",\n')).message).toBe(
      '/x/t.csv:2: column "names": a cell must be one line',
    );
  });
});

describe("packaging", () => {
  it("ships every data file in the npm package", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : [relative(ROOT, join(dir, d.name))],
      );
    const files = walk(join(ROOT, "data"));
    expect(files.length).toBeGreaterThan(10);
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const packed = new Set(
      (JSON.parse(out) as [{ files: { path: string }[] }])[0].files.map((f) => f.path),
    );
    for (const f of files) expect(packed.has(f), f).toBe(true);
  });
});

import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, headLines } from "../../src/ingest/decode.js";
import { loadFile } from "../../src/ingest/load-file.js";
import {
  actorKindFromCodes,
  actorKindFromFileName,
  cameoActorCodes,
  gdeltCameoEventCodes,
  gdeltCameoGoldstein,
  quadClassOfCode,
} from "../../src/sources/gdelt-cameo.js";
import { icewsCameoCodes, icewsGoldstein } from "../../src/sources/icews-cameo.js";
import { cowCountryCodes, cowMajors, cowStates, gwStates } from "../../src/sources/states.js";
import {
  DATA,
  dataFile,
  fixture,
  hasData,
  NO_DATA_REASON,
  tempDir,
  tempStore,
} from "../helpers.js";

describe("gdelt-cameo-eventcodes", () => {
  it("keeps codes as strings, derives quad_class from the root, rejects bad codes", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/gdelt_eventcodes.tsv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      status: "loaded",
      source: "gdelt-cameo-eventcodes",
      lines_read: 12,
      rows_loaded: 8,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 9, reason: 'CAMEOEVENTCODE: "21" has root 21, not 01-20' },
      { line: 10, reason: 'CAMEOEVENTCODE: "1a2" is not a CAMEO event code (2 to 4 digits)' },
      { line: 12, reason: "expected 2 fields, found 1" },
    ]);
    expect(r.unresolved).toBeUndefined();
    const rows = await store.query(
      "SELECT scheme, code, description, quad_class, line FROM cameo_eventcodes ORDER BY line",
    );
    expect(rows).toEqual([
      { scheme: "gdelt", code: "01", description: "MAKE PUBLIC STATEMENT", quad_class: 1, line: 2 },
      {
        scheme: "gdelt",
        code: "010",
        description: "Make statement, not specified below",
        quad_class: 1,
        line: 3,
      },
      { scheme: "gdelt", code: "10", description: "DEMAND", quad_class: 3, line: 4 },
      {
        scheme: "gdelt",
        code: "0874",
        description: "Retreat or surrender militarily",
        quad_class: 2,
        line: 5,
      },
      {
        scheme: "gdelt",
        code: "044",
        description: "Meet at a ÒhirdÓlocation",
        quad_class: 1,
        line: 6,
      },
      {
        scheme: "gdelt",
        code: "145",
        description: "Protest violently, riot",
        quad_class: 4,
        line: 7,
      },
      { scheme: "gdelt", code: "020", description: null, quad_class: 1, line: 8 },
      {
        scheme: "gdelt",
        code: "2042",
        description: "Detonate nuclear weapons",
        quad_class: 4,
        line: 13,
      },
    ]);
  });

  it("maps root codes to GDELT's QuadClass (METHODS.md)", () => {
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));
    expect(roots.map(quadClassOfCode)).toEqual([
      1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4,
    ]);
    expect(quadClassOfCode("0874")).toBe(2);
    expect(quadClassOfCode("1056")).toBe(3);
  });
});

describe("gdelt-cameo-goldstein", () => {
  it("loads values, empty as null, rejects values off the scale", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/gdelt_goldstein.tsv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "gdelt-cameo-goldstein",
      lines_read: 9,
      rows_loaded: 5,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 7, reason: 'CAMEOEVENTCODE: "999" has root 99, not 01-20' },
      { line: 8, reason: "GOLDSTEINSCALE: 11 is outside the Goldstein scale (-10 to +10)" },
      { line: 9, reason: 'GOLDSTEINSCALE: "abc" is not a number' },
    ]);
    const rows = await store.query(
      "SELECT scheme, code, goldstein, line FROM cameo_goldstein ORDER BY line",
    );
    expect(rows).toEqual([
      { scheme: "gdelt", code: "01", goldstein: 0, line: 2 },
      { scheme: "gdelt", code: "016", goldstein: -2, line: 3 },
      { scheme: "gdelt", code: "0233", goldstein: null, line: 4 },
      { scheme: "gdelt", code: "190", goldstein: -10, line: 5 },
      { scheme: "gdelt", code: "057", goldstein: 8, line: 6 },
    ]);
  });
});

describe("cameo-actor-codes", () => {
  it("country list named by its file: ccode via the crosswalk, non-state codes null and not unresolved", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/CAMEO.country.txt"), { explicit: true });
    expect(r).toMatchObject({
      source: "cameo-actor-codes",
      encoding: "windows-1252",
      lines_read: 9,
      rows_loaded: 6,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 8, reason: 'CODE "RU" is not a CAMEO country code (three letters)' },
      {
        line: 10,
        reason: 'CODE "0" ("Unknown or Not Applicable") is a placeholder, not a CAMEO country code',
      },
    ]);
    // AFR (region) and HKG (territory) are not reported; XYZ is.
    expect(r.unresolved).toEqual([{ name: "XYZ", rows: 1 }]);
    const rows = await store.query(
      "SELECT kind, code, label, ccode, line FROM cameo_actor_codes ORDER BY line",
    );
    expect(rows).toEqual([
      { kind: "country", code: "RUS", label: "Russia", ccode: 365, line: 2 },
      { kind: "country", code: "CHN", label: "China", ccode: 710, line: 3 },
      { kind: "country", code: "AFR", label: "Africa", ccode: null, line: 4 },
      { kind: "country", code: "HKG", label: "Hong Kong", ccode: null, line: 5 },
      { kind: "country", code: "CIV", label: "Côte d'Ivoire", ccode: 437, line: 6 },
      { kind: "country", code: "XYZ", label: "Atlantis", ccode: null, line: 7 },
    ]);
  });

  it("a file without a kind in its name gets it from its codes (type; ethnic)", async () => {
    const store = await tempStore();
    const t = await loadFile(store, fixture("cameo_lookups/lookup1.tsv"), { explicit: true });
    expect(t).toMatchObject({
      source: "cameo-actor-codes",
      lines_read: 6,
      rows_loaded: 5,
      rows_rejected: 0,
      rows_duplicate: 1,
    });
    const e = await loadFile(store, fixture("cameo_lookups/lookup2.tsv"), { explicit: true });
    expect(e).toMatchObject({
      source: "cameo-actor-codes",
      lines_read: 5,
      rows_loaded: 4,
      rows_rejected: 1,
      rows_duplicate: 0,
    });
    expect(e.rejects).toEqual([
      {
        line: 6,
        reason: 'CODE "0" ("Unknown or Not Applicable") is a placeholder, not a CAMEO ethnic code',
      },
    ]);
    const rows = await store.query(
      "SELECT kind, code, label, ccode FROM cameo_actor_codes ORDER BY kind, code",
    );
    expect(rows).toEqual([
      { kind: "ethnic", code: "ARB", label: "Arab", ccode: null },
      { kind: "ethnic", code: "aar", label: "Afar", ccode: null },
      { kind: "ethnic", code: "han", label: "Han", ccode: null },
      { kind: "ethnic", code: "kur", label: "Kurdish", ccode: null },
      { kind: "type", code: "GOV", label: "Government", ccode: null },
      { kind: "type", code: "IGO", label: "Inter-Governmental Organization", ccode: null },
      { kind: "type", code: "MIL", label: "Military", ccode: null },
      { kind: "type", code: "REB", label: "Rebels", ccode: null },
      { kind: "type", code: "UIS", label: "Unidentified State Actor", ccode: null },
    ]);
  });

  it("the file name wins over the codes: UNO in a known-group file is a known group", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/cameo_knowngroups.txt"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "cameo-actor-codes",
      lines_read: 3,
      rows_loaded: 2,
      rows_rejected: 1,
    });
    expect(r.rejects).toEqual([
      { line: 4, reason: 'CODE "IM1" is not a CAMEO knowngroup code (three letters)' },
    ]);
    const rows = await store.query("SELECT kind, code FROM cameo_actor_codes ORDER BY code");
    expect(rows).toEqual([
      { kind: "knowngroup", code: "IMF" },
      { kind: "knowngroup", code: "UNO" },
    ]);
  });

  it("a CODE/LABEL file whose kind cannot be told is not detected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cameo_lookups/lookup3.tsv"), { explicit: true });
    expect(r.status).toBe("failed");
    expect(r.source).toBeNull();
    expect(r.error).toContain("no known header");
  });

  it("tells the kind from file names", () => {
    expect(actorKindFromFileName("CAMEO.country.txt")).toBe("country");
    expect(actorKindFromFileName("CAMEO.type.txt")).toBe("type");
    expect(actorKindFromFileName("CAMEO.knowngroup.txt")).toBe("knowngroup");
    expect(actorKindFromFileName("cameo_known_groups.tsv")).toBe("knowngroup");
    expect(actorKindFromFileName("CAMEO.ethnic.txt")).toBe("ethnic");
    expect(actorKindFromFileName("CAMEO.religion.txt")).toBe("religion");
    expect(actorKindFromFileName("actor-types.tsv")).toBe("type");
    expect(actorKindFromFileName("lookup.txt")).toBeNull();
    expect(actorKindFromFileName("prototype.txt")).toBeNull();
    expect(actorKindFromFileName("country-type.txt")).toBeNull();
  });

  it("tells the kind from codes", () => {
    expect(actorKindFromCodes(["CHR", "MOS", "JEW", "BUD", "0"])).toBe("religion");
    expect(actorKindFromCodes(["AFR", "EUR", "WST", "USA"])).toBe("country");
    expect(actorKindFromCodes(["IMF", "WTO", "NAT", "GOV"])).toBe("knowngroup");
    expect(actorKindFromCodes(["UNO"])).toBeNull(); // a type code and a known group
    expect(actorKindFromCodes(["USD", "JPY"])).toBeNull();
    expect(actorKindFromCodes(["US", "RU"])).toBeNull();
    expect(actorKindFromCodes(["0"])).toBeNull();
  });
});

const REAL_KINDS: Record<string, string> = {
  "CAMEO.country.txt": "country",
  "CAMEO.type.txt": "type",
  "CAMEO.knowngroup.txt": "knowngroup",
  "CAMEO.ethnic.txt": "ethnic",
  "CAMEO.religion.txt": "religion",
};

describe.skipIf(!hasData)("CAMEO lookups: real files", () => {
  it("GDELT event codes: 311 codes, 20 roots", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cameo_lookups/CAMEO.eventcodes.txt"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      status: "loaded",
      source: "gdelt-cameo-eventcodes",
      lines_read: 311,
      rows_loaded: 311,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    const q = await store.query(
      "SELECT quad_class, count(*)::INT AS n FROM cameo_eventcodes GROUP BY quad_class ORDER BY quad_class",
    );
    expect(q).toEqual([
      { quad_class: 1, n: 85 },
      { quad_class: 2, n: 39 },
      { quad_class: 3, n: 97 },
      { quad_class: 4, n: 90 },
    ]);
    const some = await store.query(
      "SELECT code, description, quad_class FROM cameo_eventcodes WHERE code IN ('010', '10', '190') ORDER BY code",
    );
    expect(some).toEqual([
      { code: "010", description: "Make statement, not specified below", quad_class: 1 },
      { code: "10", description: "DEMAND", quad_class: 3 },
      {
        code: "190",
        description: "Use conventional military force, not specified below",
        quad_class: 4,
      },
    ]);
  });

  it("GDELT Goldstein scale: 311 values", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cameo_lookups/CAMEO.goldsteinscale.txt"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "gdelt-cameo-goldstein",
      lines_read: 311,
      rows_loaded: 311,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    const rows = await store.query(
      "SELECT code, goldstein FROM cameo_goldstein WHERE code IN ('016', '022', '0874', '204') ORDER BY code",
    );
    expect(rows).toEqual([
      { code: "016", goldstein: -2 },
      { code: "022", goldstein: 3.2 },
      { code: "0874", goldstein: 10 },
      { code: "204", goldstein: -10 },
    ]);
  });

  it("actor lists: each file detected with its kind; only the 0 placeholder rows rejected", async () => {
    const store = await tempStore();
    const counts: Record<string, unknown> = {};
    for (const name of Object.keys(REAL_KINDS)) {
      const r = await loadFile(store, dataFile(`cameo_lookups/${name}`), { explicit: true });
      expect(r.source).toBe("cameo-actor-codes");
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      counts[name] = [
        r.lines_read,
        r.rows_loaded,
        r.rows_rejected,
        r.rows_duplicate,
        r.unresolved ?? [],
      ];
    }
    expect(counts).toEqual({
      "CAMEO.country.txt": [263, 262, 1, 0, []],
      "CAMEO.type.txt": [40, 39, 0, 1, []],
      "CAMEO.knowngroup.txt": [116, 115, 1, 0, []],
      "CAMEO.ethnic.txt": [640, 639, 1, 0, []],
      "CAMEO.religion.txt": [32, 31, 1, 0, []],
    });
    const kinds = await store.query(
      "SELECT kind, count(*)::INT AS n, count(ccode)::INT AS with_ccode FROM cameo_actor_codes GROUP BY kind ORDER BY kind",
    );
    expect(kinds).toEqual([
      { kind: "country", n: 262, with_ccode: 194 },
      { kind: "ethnic", n: 639, with_ccode: 0 },
      { kind: "knowngroup", n: 115, with_ccode: 0 },
      { kind: "religion", n: 31, with_ccode: 0 },
      { kind: "type", n: 39, with_ccode: 0 },
    ]);
    const some = await store.query(
      "SELECT code, label, ccode FROM cameo_actor_codes WHERE kind = 'country' AND code IN ('RUS', 'CHN', 'USA', 'WST', 'ROM', 'TMP') ORDER BY code",
    );
    expect(some).toEqual([
      { code: "CHN", label: "China", ccode: 710 },
      { code: "ROM", label: "Romania", ccode: 360 },
      { code: "RUS", label: "Russia", ccode: 365 },
      { code: "TMP", label: "East Timor", ccode: 860 },
      { code: "USA", label: "United States", ccode: 2 },
      { code: "WST", label: "The West", ccode: null },
    ]);
  });

  it("actor lists renamed to say nothing are recognised by their codes", () => {
    const dir = tempDir();
    Object.entries(REAL_KINDS).forEach(([name, kind], i) => {
      const renamed = join(dir, `lookup${i}.tsv`);
      copyFileSync(dataFile(`cameo_lookups/${name}`), renamed);
      const lines = headLines(decodeText(readFileSync(renamed)).text, 25);
      expect(cameoActorCodes.findHeader(lines, `lookup${i}.tsv`)).toBe(0);
      expect(actorKindFromCodes(lines.slice(1).map((l) => l.split("\t")[0] ?? ""))).toBe(kind);
    });
  });

  it("no other file in the shared data is taken for one of these formats", () => {
    const mine = [
      gdeltCameoEventCodes,
      gdeltCameoGoldstein,
      cameoActorCodes,
      icewsCameoCodes,
      icewsGoldstein,
      cowStates,
      cowMajors,
      cowCountryCodes,
      gwStates,
    ];
    const own = new Set(["cameo_lookups", "cow_states"]);
    for (const folder of readdirSync(DATA, { withFileTypes: true })) {
      if (!folder.isDirectory() || own.has(folder.name)) continue;
      for (const f of readdirSync(join(DATA, folder.name))) {
        const path = join(DATA, folder.name, f);
        const lines = headLines(decodeText(readFileSync(path)).text, 25);
        for (const s of mine) {
          expect(s.findHeader(lines, f), `${s.name} on ${relative(DATA, path)}`).toBe(-1);
        }
      }
    }
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});

/**
 * The country crosswalk's tables, read from data/crosswalk/*.csv (one entry per Correlates of War
 * state code, written by hand and reviewed; data/README.md describes every column):
 *
 * - states.csv: COW State System Membership v2016 (ccode, cow_abb, name, spells), Gleditsch &
 *   Ward (gw), GDELT/CAMEO (cameo) and the current ISO 3166-1 codes;
 * - aliases.csv: names used by COW, GW, CAMEO, SIPRI, World Bank, UN, Maddison, PWT and ICEWS;
 * - historical-codes.csv: withdrawn, unofficial or time-bounded codes, each with its rule;
 * - name-rules.csv: names whose meaning depends on the year, or that must say how they resolve;
 * - iso-non-state.csv, cameo-non-state.csv, gw-non-cow.csv: codes and names that are not COW
 *   states (reported as such instead of being reinterpreted);
 * - cameo-state-codes.csv: CAMEO codes of states that differ from the ISO3 code.
 *
 * Read once, on first use (most commands never resolve a country), and checked row by row.
 */
import {
  cell,
  type DataReader,
  dataPath,
  type Lined,
  list,
  optional,
  optionalInt,
  readDataFile,
  type TableSpec,
} from "./data-file.js";
import { DataFileError } from "./errors.js";

/** One COW state. Years are inclusive calendar years. */
export interface StateEntry {
  ccode: number;
  cowAbb: string;
  /** COW state name, e.g. "Russia". */
  name: string;
  /** COW system-membership spells; an end of null means ongoing (COW v2016 ends 2016-12-31). */
  spells: Array<[number, number | null]>;
  /** Current ISO 3166-1 codes; null for states that have none (e.g. Baden, Zanzibar). */
  iso2: string | null;
  iso3: string | null;
  /** Gleditsch-Ward code of the state (the current one where GW renumbered, e.g. 260 for unified Germany). */
  gw: number | null;
  /** GDELT/CAMEO country code (usually the ISO3 code; ROM, MTN, TMP differ). */
  cameo: string | null;
  /** Names and common aliases; matched after normalisation, never fuzzily. */
  aliases: string[];
  /**
   * Withdrawn, unofficial or time-bounded codes. A windowed code beats the entry's unwindowed
   * codes within its window (e.g. ISO DEU means West Germany, COW 260, from 1946 to 1989).
   */
  historicalCodes?: HistoricalCode[];
}

export interface HistoricalCode {
  system: "iso2" | "iso3" | "cameo" | "gw";
  code: string;
  from?: number;
  to?: number;
  rule: string;
}

/** A name whose meaning depends on the year, or that must carry an explicit rule when it resolves. */
export interface NameRule {
  name: string;
  ccode: number;
  from?: number;
  to?: number;
  rule: string;
}

/** An ISO 3166-1 entry that is not a COW state (a territory, Palestine, the Holy See, …). */
export interface IsoNonState {
  iso2: string;
  iso3: string;
  name: string;
  aliases?: string[];
}

export interface CountryTables {
  readonly states: readonly StateEntry[];
  /**
   * A windowed rule beats the unwindowed entries for the same name within its window; without a
   * year only open-ended windows (no `to`) apply.
   */
  readonly nameRules: readonly NameRule[];
  /** CAMEO codes that are not COW states: regions, cities, territories (code → label). */
  readonly cameoNonState: Readonly<Record<string, string>>;
  /** CAMEO codes that denote a COW state but differ from its current ISO3 code. */
  readonly cameoStateCodesNotIso3: Readonly<Record<string, { ccode: number; iso3: string }>>;
  /**
   * ISO 3166-1 entries that are not COW states, plus the withdrawn Netherlands Antilles. A bare
   * code or name found here is "not a state" (ISO3 MAC is Macao even though COW MAC is Macedonia).
   */
  readonly isoNonState: readonly IsoNonState[];
  /** Gleditsch-Ward codes with no COW counterpart (code → GW name). */
  readonly gwNonCow: Readonly<Record<number, string>>;
}

/** The columns of each file of data/crosswalk and their formats. */
export const CROSSWALK_FILES = {
  states: {
    ccode: cell.int,
    cow_abb: cell.code(3),
    name: cell.text,
    /** Inclusive years, ";" between spells, an open end for ongoing: "1902-1906;1909-". */
    spells: cell.matching(
      "\\d{4}-(?:\\d{4})?(?:;\\d{4}-(?:\\d{4})?)*",
      'expected spells "1902-1906;1909-"',
    ),
    iso2: cell.code(2, true),
    iso3: cell.code(3, true),
    gw: cell.optionalInt,
    cameo: cell.code(3, true),
  },
  aliases: { ccode: cell.int, alias: cell.text },
  historicalCodes: {
    ccode: cell.int,
    system: cell.oneOf(["iso2", "iso3", "cameo", "gw"]),
    code: cell.matching("[A-Z0-9]{2,3}", "expected a 2- or 3-character code"),
    from: cell.optionalInt,
    to: cell.optionalInt,
    rule: cell.text,
  },
  nameRules: {
    name: cell.text,
    ccode: cell.int,
    from: cell.optionalInt,
    to: cell.optionalInt,
    rule: cell.text,
  },
  isoNonState: {
    iso2: cell.code(2),
    iso3: cell.code(3),
    name: cell.text,
    aliases: cell.optionalText,
  },
  cameoNonState: { code: cell.code(3), label: cell.text },
  cameoStateCodes: { code: cell.code(3), ccode: cell.int, iso3: cell.code(3) },
  gwNonCow: { gw: cell.int, name: cell.text },
} as const satisfies Record<string, TableSpec>;

/** "1902-1906;1909-" → [[1902, 1906], [1909, null]]. */
const spellsOf = (s: string): Array<[number, number | null]> =>
  s.split(";").map((sp) => {
    const [from, to] = sp.split("-");
    return [Number(from), to ? Number(to) : null];
  });

/** Optional window years: present only when the cell was filled. */
const window = (fromCell: string, toCell: string) => {
  const from = optionalInt(fromCell);
  const to = optionalInt(toCell);
  return { ...(from === null ? {} : { from }), ...(to === null ? {} : { to }) };
};

/** Rows keyed by ccode must name a state of states.csv. */
function checkCcode(file: string, known: ReadonlySet<number>, r: Lined<{ ccode: string }>): number {
  const ccode = Number(r.row.ccode);
  if (!known.has(ccode))
    throw new DataFileError(
      dataPath(file),
      `column "ccode": ${r.row.ccode} is not a state of crosswalk/states.csv`,
      r.line,
    );
  return ccode;
}

/** A table keyed by `key`, refusing a key given twice. */
function keyed<K extends string | number, T>(
  file: string,
  rows: readonly Lined<T>[],
  key: (t: T) => K,
  value: (t: T) => unknown,
): Record<K, never> {
  const out = {} as Record<K, unknown>;
  for (const r of rows) {
    const k = key(r.row);
    if (Object.hasOwn(out, k))
      throw new DataFileError(dataPath(file), `"${k}" appears twice`, r.line);
    out[k] = value(r.row);
  }
  return out as Record<K, never>;
}

/** Build the tables from the data files, checking that every row names a known state. */
export function loadCountryTables(read: DataReader = readDataFile): CountryTables {
  const sc = CROSSWALK_FILES;
  const states: StateEntry[] = [];
  const byCcode = new Map<number, StateEntry>();
  for (const { row, line } of read("crosswalk/states.csv", sc.states)) {
    const ccode = Number(row.ccode);
    if (byCcode.has(ccode))
      throw new DataFileError(
        dataPath("crosswalk/states.csv"),
        `ccode ${ccode} appears twice`,
        line,
      );
    const gw = optionalInt(row.gw);
    const e: StateEntry = {
      ccode,
      cowAbb: row.cow_abb,
      name: row.name,
      spells: spellsOf(row.spells),
      iso2: optional(row.iso2),
      iso3: optional(row.iso3),
      gw,
      cameo: optional(row.cameo),
      aliases: [],
    };
    states.push(e);
    byCcode.set(ccode, e);
  }
  const known = new Set(byCcode.keys());
  const stateOf = (file: string, r: Lined<{ ccode: string }>): StateEntry =>
    byCcode.get(checkCcode(file, known, r)) as StateEntry;
  for (const r of read("crosswalk/aliases.csv", sc.aliases)) {
    stateOf("crosswalk/aliases.csv", r).aliases.push(r.row.alias);
  }
  for (const r of read("crosswalk/historical-codes.csv", sc.historicalCodes)) {
    const e = stateOf("crosswalk/historical-codes.csv", r);
    const { system, code, from, to, rule } = r.row;
    e.historicalCodes ??= [];
    e.historicalCodes.push({
      system: system as HistoricalCode["system"],
      code,
      ...window(from, to),
      rule,
    });
  }
  const nameRules = read("crosswalk/name-rules.csv", sc.nameRules).map((r): NameRule => {
    const ccode = checkCcode("crosswalk/name-rules.csv", known, r);
    const { name, from, to, rule } = r.row;
    return { name, ccode, ...window(from, to), rule };
  });
  const isoNonState = read("crosswalk/iso-non-state.csv", sc.isoNonState).map(
    ({ row }): IsoNonState => {
      const aliases = list(row.aliases);
      return {
        iso2: row.iso2,
        iso3: row.iso3,
        name: row.name,
        ...(aliases.length ? { aliases } : {}),
      };
    },
  );
  const cameoCodes = read("crosswalk/cameo-state-codes.csv", sc.cameoStateCodes);
  for (const r of cameoCodes) checkCcode("crosswalk/cameo-state-codes.csv", known, r);
  return {
    states,
    nameRules,
    cameoNonState: keyed(
      "crosswalk/cameo-non-state.csv",
      read("crosswalk/cameo-non-state.csv", sc.cameoNonState),
      (r) => r.code,
      (r) => r.label,
    ),
    cameoStateCodesNotIso3: keyed(
      "crosswalk/cameo-state-codes.csv",
      cameoCodes,
      (r) => r.code,
      (r) => ({ ccode: Number(r.ccode), iso3: r.iso3 }),
    ),
    isoNonState,
    gwNonCow: keyed(
      "crosswalk/gw-non-cow.csv",
      read("crosswalk/gw-non-cow.csv", sc.gwNonCow),
      (r) => Number(r.gw),
      (r) => r.name,
    ),
  };
}

let tables: CountryTables | null = null;

/** The crosswalk's tables, read and checked on the first call. */
export function countryTables(): CountryTables {
  tables ??= loadCountryTables();
  return tables;
}

/**
 * Event-data layouts (GDELT 1.0, GDELT 2.0, ICEWS Dataverse): the columns of the file, how each
 * is typed when read, and how the stored columns are made from them. These files are loaded in
 * bulk by the store's own CSV reader (src/ingest/load-events.ts), not row by row.
 *
 * Column positions are pinned by golden tests (test/sources/event-layouts.test.ts): a reader that
 * shifts a column silently corrupts every figure computed from it (PITFALLS.md, GDELT).
 */
import type { CsvType, EventLayout, EventRule, Projection } from "../../store/bulk-csv.js";

const GDELT_CITATION =
  "Leetaru, Kalev, and Philip A. Schrodt. 2013. GDELT: Global Data on Events, Location and Tone, 1979-2012. International Studies Association Annual Convention, San Francisco.";
const GDELT_TERMS =
  "GDELT terms of use: free and open for any use, citation requested (gdeltproject.org/about.html)";

// GDELT 1.0: the 58 names of the daily files from 2013-04-01 (the historical back files lack
// SOURCEURL). GDELT 2.0 adds ADM2 codes to the three geographies (61 columns). Names as in the
// GDELT codebooks (Leetaru & Schrodt 2013; GDELT 2.0 Event Codebook).
const ACTOR = (n: 1 | 2): string[] =>
  [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
  ].map((s) => `Actor${n}${s}`);
const GEO = (prefix: string, adm2: boolean): string[] =>
  [
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    ...(adm2 ? ["ADM2Code"] : []),
    "Lat",
    "Long",
    "FeatureID",
  ].map((s) => `${prefix}_${s}`);
const gdeltColumns = (adm2: boolean): string[] => [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...ACTOR(1),
  ...ACTOR(2),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...GEO("Actor1Geo", adm2),
  ...GEO("Actor2Geo", adm2),
  ...GEO("ActionGeo", adm2),
  "DATEADDED",
  "SOURCEURL",
];

export const GDELT1_COLUMNS: readonly string[] = gdeltColumns(false);
export const GDELT2_COLUMNS: readonly string[] = gdeltColumns(true);

const GDELT_TYPES: Record<string, CsvType> = {
  GLOBALEVENTID: "bigint",
  SQLDATE: "date",
  MonthYear: "int",
  Year: "int",
  FractionDate: "double",
  IsRootEvent: "int",
  QuadClass: "int",
  GoldsteinScale: "double",
  NumMentions: "int",
  NumSources: "int",
  NumArticles: "int",
  AvgTone: "double",
  ActionGeo_Lat: "double",
  ActionGeo_Long: "double",
  Actor1Geo_Lat: "double",
  Actor1Geo_Long: "double",
  Actor2Geo_Lat: "double",
  Actor2Geo_Long: "double",
  DATEADDED: "bigint",
};

const gdeltProjection = (version: 1 | 2): Record<string, Projection> => ({
  event_id: { from: "GLOBALEVENTID" },
  version: { constant: version },
  event_date: { from: "SQLDATE" },
  actor1_code: { from: "Actor1Code" },
  actor1_name: { from: "Actor1Name" },
  actor1_country: { from: "Actor1CountryCode" },
  actor1_ccode: { country: "actor1_country" },
  actor1_type: { from: "Actor1Type1Code" },
  actor2_code: { from: "Actor2Code" },
  actor2_name: { from: "Actor2Name" },
  actor2_country: { from: "Actor2CountryCode" },
  actor2_ccode: { country: "actor2_country" },
  actor2_type: { from: "Actor2Type1Code" },
  is_root_event: { equals: "IsRootEvent", value: 1 },
  event_code: { from: "EventCode" },
  event_base_code: { from: "EventBaseCode" },
  event_root_code: { from: "EventRootCode" },
  quad_class: { from: "QuadClass" },
  goldstein: { from: "GoldsteinScale" },
  num_mentions: { from: "NumMentions" },
  num_sources: { from: "NumSources" },
  num_articles: { from: "NumArticles" },
  avg_tone: { from: "AvgTone" },
  action_country: { from: "ActionGeo_CountryCode" },
  action_lat: { from: "ActionGeo_Lat" },
  action_long: { from: "ActionGeo_Long" },
  date_added: { from: "DATEADDED" },
  source_url: { from: "SOURCEURL" },
});

const gdeltRules = (dateAddedDigits: number): EventRule[] => [
  { kind: "required", column: "event_id", field: "GLOBALEVENTID" },
  { kind: "required", column: "event_date", field: "SQLDATE" },
  { kind: "required", column: "date_added", field: "DATEADDED" },
  { kind: "digits", column: "date_added", field: "DATEADDED", lengths: [dateAddedDigits] },
  { kind: "cameo", column: "event_code", field: "EventCode" },
  {
    kind: "root",
    column: "event_root_code",
    field: "EventRootCode",
    codeColumn: "event_code",
    codeField: "EventCode",
  },
];

const GDELT_COMMON = {
  table: "gdelt_events",
  header: false,
  types: GDELT_TYPES,
  dateFormat: "%Y%m%d",
  nullStrings: [""],
  id: { column: "event_id", field: "GLOBALEVENTID", unique: true },
  dateColumn: "event_date",
  codeColumn: "event_code",
  rootColumn: "event_root_code",
  countries: [
    ["actor1_country", "actor1_ccode"],
    ["actor2_country", "actor2_ccode"],
  ],
  countryKind: "cameo",
  citation: GDELT_CITATION,
  homepage: "https://www.gdeltproject.org/data.html",
  license: GDELT_TERMS,
} as const;

export const GDELT1: EventLayout = {
  ...GDELT_COMMON,
  name: "gdelt1",
  title: "GDELT 1.0 events",
  source: "gdelt1-events",
  version: "GDELT 1.0",
  columns: GDELT1_COLUMNS,
  minColumns: GDELT1_COLUMNS.length - 1,
  projection: gdeltProjection(1),
  // DATEADDED is YYYYMMDD in 1.0.
  rules: gdeltRules(8),
};

export const GDELT2: EventLayout = {
  ...GDELT_COMMON,
  name: "gdelt2",
  title: "GDELT 2.0 event export",
  source: "gdelt2-events",
  version: "GDELT 2.0",
  columns: GDELT2_COLUMNS,
  minColumns: GDELT2_COLUMNS.length,
  projection: gdeltProjection(2),
  // DATEADDED is YYYYMMDDHHMMSS in 2.0.
  rules: gdeltRules(14),
};

/** The ICEWS Dataverse event columns (Boschee et al. 2015), as in the yearly .tab files. */
export const ICEWS_COLUMNS: readonly string[] = [
  "Event ID",
  "Event Date",
  "Source Name",
  "Source Sectors",
  "Source Country",
  "Event Text",
  "CAMEO Code",
  "Intensity",
  "Target Name",
  "Target Sectors",
  "Target Country",
  "Story ID",
  "Sentence Number",
  "Publisher",
  "City",
  "District",
  "Province",
  "Country",
  "Latitude",
  "Longitude",
];

export const ICEWS: EventLayout = {
  name: "icews",
  title: "ICEWS events (Dataverse .tab)",
  source: "icews-events",
  version: "ICEWS Dataverse (doi:10.7910/DVN/28075)",
  table: "icews_events",
  columns: ICEWS_COLUMNS,
  minColumns: ICEWS_COLUMNS.length,
  header: true,
  types: {
    "Event ID": "bigint",
    "Event Date": "date",
    Intensity: "double",
    "Story ID": "bigint",
    "Sentence Number": "int",
    Latitude: "double",
    Longitude: "double",
  },
  dateFormat: "%Y-%m-%d",
  nullStrings: ["", "NA"],
  projection: {
    event_id: { from: "Event ID" },
    event_date: { from: "Event Date" },
    source_name: { from: "Source Name" },
    source_sectors: { from: "Source Sectors" },
    source_country: { from: "Source Country" },
    source_ccode: { country: "source_country" },
    event_text: { from: "Event Text" },
    cameo_code: { from: "CAMEO Code" },
    quad_class: { quadOf: "CAMEO Code" },
    intensity: { from: "Intensity" },
    target_name: { from: "Target Name" },
    target_sectors: { from: "Target Sectors" },
    target_country: { from: "Target Country" },
    target_ccode: { country: "target_country" },
    story_id: { from: "Story ID" },
    sentence_number: { from: "Sentence Number" },
    publisher: { from: "Publisher" },
    city: { from: "City" },
    district: { from: "District" },
    province: { from: "Province" },
    country: { from: "Country" },
    latitude: { from: "Latitude" },
    longitude: { from: "Longitude" },
  },
  id: { column: "event_id", field: "Event ID", unique: false },
  dateColumn: "event_date",
  codeColumn: "cameo_code",
  countries: [
    ["source_country", "source_ccode"],
    ["target_country", "target_ccode"],
  ],
  countryKind: "name",
  citation:
    "Boschee, Elizabeth, Jennifer Lautenschlager, Sean O'Brien, Steve Shellman, James Starz, and Michael Ward. 2015. ICEWS Coded Event Data. Harvard Dataverse, doi:10.7910/DVN/28075.",
  homepage: "https://dataverse.harvard.edu/dataverse/icews",
  license: "Harvard Dataverse terms of the ICEWS dataset (see its Dataverse page)",
  rules: [
    { kind: "required", column: "event_id", field: "Event ID" },
    { kind: "required", column: "event_date", field: "Event Date" },
    { kind: "cameo", column: "cameo_code", field: "CAMEO Code" },
  ],
};

export const EVENT_LAYOUTS: readonly EventLayout[] = [GDELT1, GDELT2, ICEWS];

const isDigits = (s: string | undefined, n?: number): boolean =>
  s !== undefined && (n === undefined ? /^\d+$/.test(s) : new RegExp(`^\\d{${n}}$`).test(s));

/**
 * The event layout of a file from its first lines, or null. GDELT files have no header: a line
 * of 57/58 (1.0) or 61 (2.0) tab-separated fields starting id, YYYYMMDD, YYYYMM, YYYY. ICEWS
 * files start with their header (every ICEWS column present; order may differ).
 */
export function detectEventLayout(lines: readonly string[]): EventLayout | null {
  const first = lines.find((l) => l.trim() !== "");
  if (first === undefined) return null;
  const f = first.replace(/\r$/, "").split("\t");
  if (
    isDigits(f[0]) &&
    isDigits(f[1], 8) &&
    isDigits(f[2], 6) &&
    isDigits(f[3], 4) &&
    (f.length === 57 || f.length === 58 || f.length === 61)
  ) {
    return f.length === 61 ? GDELT2 : GDELT1;
  }
  if (f.length >= ICEWS_COLUMNS.length && ICEWS_COLUMNS.every((c) => f.includes(c))) return ICEWS;
  return null;
}

/**
 * The file's columns in file order (ICEWS: from its header; GDELT: fixed). Returns a message
 * instead when the header has an empty or repeated column name.
 */
export function fileColumns(layout: EventLayout, headerLine?: string): string[] | string {
  if (!layout.header || headerLine === undefined) return [...layout.columns];
  const names = headerLine.replace(/\r$/, "").split("\t");
  const empty = names.indexOf("");
  if (empty >= 0) return `column ${empty + 1} of the header has no name`;
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) return `the header names "${dup}" twice`;
  return names;
}

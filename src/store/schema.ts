/**
 * The store's tables, described once for every backend. Backends turn these into DDL; the
 * ingest pipeline uses `naturalKey` to deduplicate records that reappear across files.
 *
 * Every data table carries `file_id` (the provenance row that loaded it) and `line` (the line of
 * that file), so every number can be traced back to the bytes it came from.
 */
export const COLUMN_TYPES = [
  "int",
  "bigint",
  "double",
  "text",
  "date",
  "bool",
  "int[]",
  "text[]",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Unit of a numeric column ("current million US$", "TIV million", "0/1"). */
  readonly unit?: string;
  /**
   * A text column of few distinct values (CAMEO and country codes): DuckDB stores it with
   * dictionary compression instead of trying every method on each segment (see
   * docs/architecture.md, "Event tables: compression chosen once").
   */
  readonly lowCardinality?: true;
}

export interface TableSpec {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns that identify one record; a record whose key is already stored is a duplicate. */
  readonly naturalKey: readonly string[];
}

/** Columns appended to every data table by the loader. */
export const TRACE_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "file_id",
    type: "int",
    description: "provenance.file_id of the file that loaded the row",
  },
  { name: "line", type: "int", description: "line number of the record in that file (1-based)" },
];

const c = (name: string, type: ColumnType, description: string, unit?: string): ColumnSpec =>
  unit === undefined ? { name, type, description } : { name, type, description, unit };

/** A text column of codes (few distinct values): see ColumnSpec.lowCardinality. */
const code = (name: string, description: string): ColumnSpec => ({
  name,
  type: "text",
  description,
  lowCardinality: true,
});

const dyad = [
  c("ccode1", "int", "COW code of the first state"),
  c("ccode2", "int", "COW code of the second state"),
  c("year", "int", "year"),
];

export const TABLES = {
  atop_ddy: {
    name: "atop_ddy",
    description: "ATOP directed dyad-year alliance obligations (only dyad-years with an alliance)",
    columns: [
      ...dyad,
      c("atop_defense", "int", "defense pact", "0/1"),
      c("atop_offense", "int", "offense pact", "0/1"),
      c("atop_neutral", "int", "neutrality pact", "0/1"),
      c("atop_nonagg", "int", "non-aggression pact", "0/1"),
      c("atop_consul", "int", "consultation pact", "0/1"),
      c(
        "atopid",
        "int",
        "ATOP alliance id when the file is per treaty (null: collapsed over treaties)",
      ),
    ],
    naturalKey: ["ccode1", "ccode2", "year", "atopid"],
  },
  atop_alliances: {
    name: "atop_alliances",
    description: "ATOP alliance-level records (one per alliance)",
    columns: [
      c("atopid", "int", "ATOP alliance id"),
      c("cowid", "int", "COW alliance id, if any"),
      c("begyr", "int", "year the alliance began"),
      c("endyr", "int", "year the alliance ended (null: in effect at the end of coverage)"),
      c("bilat", "int", "bilateral alliance", "0/1"),
      c("defense", "int", "defense obligation", "0/1"),
      c("offense", "int", "offense obligation", "0/1"),
      c("neutral", "int", "neutrality obligation", "0/1"),
      c("nonagg", "int", "non-aggression obligation", "0/1"),
      c("consul", "int", "consultation obligation", "0/1"),
      c("members", "int[]", "COW codes of the members (mem1…memN)"),
    ],
    naturalKey: ["atopid"],
  },
  atop_members: {
    name: "atop_members",
    description: "ATOP member-level records (one per member and phase of an alliance)",
    columns: [
      c("atopid", "int", "ATOP alliance id"),
      c("member", "int", "COW code of the member"),
      c("phase", "int", "phase of the alliance"),
      c("yrent", "int", "year the member entered"),
      c("moent", "int", "month the member entered"),
      c("yrexit", "int", "year the member left (null: still in force; ATOP codes 0)"),
      c("moexit", "int", "month the member left"),
      c("defense", "int", "defense obligation", "0/1"),
      c("offense", "int", "offense obligation", "0/1"),
      c("neutral", "int", "neutrality obligation", "0/1"),
      c("nonagg", "int", "non-aggression obligation", "0/1"),
      c("consul", "int", "consultation obligation", "0/1"),
    ],
    naturalKey: ["atopid", "member", "phase", "yrent", "moent"],
  },
  cow_alliance_ddy: {
    name: "cow_alliance_ddy",
    description:
      "COW Formal Alliances directed dyad-year pledges (only dyad-years with an alliance)",
    columns: [
      ...dyad,
      c("cow_defense", "int", "defense pact", "0/1"),
      c("cow_neutral", "int", "neutrality pact", "0/1"),
      c("cow_nonagg", "int", "non-aggression pact", "0/1"),
      c("cow_entente", "int", "entente", "0/1"),
      c(
        "version4id",
        "int",
        "COW treaty id when the file is per treaty (null: collapsed over treaties)",
      ),
    ],
    naturalKey: ["ccode1", "ccode2", "year", "version4id"],
  },
  un_votes: {
    name: "un_votes",
    description: "UN General Assembly roll-call votes, one row per roll call and state",
    columns: [
      c("rcid", "int", "roll-call id"),
      c("session", "int", "UNGA session (null when the layout does not give it)"),
      c("ccode", "int", "COW code of the voting state (null: name not resolved)"),
      c("country", "text", "country as written in the file"),
      c("vote", "int", "1 yes, 2 abstain, 3 no, 8 absent, 9 not a member (Voeten codes)"),
      c(
        "state_key",
        "text",
        "cow:<ccode> when resolved, else name:<country as written>; with rcid it identifies one vote whatever the layout",
      ),
    ],
    naturalKey: ["rcid", "state_key"],
  },
  un_rollcalls: {
    name: "un_rollcalls",
    description: "UN General Assembly roll calls",
    columns: [
      c("rcid", "int", "roll-call id"),
      c("session", "int", "UNGA session"),
      c("date", "date", "date of the vote"),
      c("year", "int", "calendar year of the vote"),
      c("unres", "text", "resolution symbol"),
      c("importantvote", "int", "US State Department important vote (from session 39)", "0/1"),
      c("amend", "int", "amendment vote (unvotes layout; to 1985)", "0/1"),
      c("para", "int", "paragraph vote (unvotes layout; to 1985)", "0/1"),
      c("short", "text", "short description"),
      c("descr", "text", "description"),
      c("me", "int", "issue: Middle East", "0/1"),
      c("nu", "int", "issue: nuclear weapons", "0/1"),
      c("di", "int", "issue: arms control and disarmament", "0/1"),
      c("hr", "int", "issue: human rights", "0/1"),
      c("co", "int", "issue: colonialism", "0/1"),
      c("ec", "int", "issue: economic development", "0/1"),
    ],
    naturalKey: ["rcid"],
  },
  un_issues: {
    name: "un_issues",
    description: "UN roll-call issue codes (unvotes layout)",
    columns: [
      c("rcid", "int", "roll-call id"),
      c("short_name", "text", "issue short code (me, nu, di, hr, co, ec)"),
      c("issue", "text", "issue name"),
    ],
    naturalKey: ["rcid", "short_name"],
  },
  undl_votes: {
    name: "undl_votes",
    description:
      "UN General Assembly votes from the UN Digital Library's bulk file (record 4060887): one row per state and adopted resolution, the resolution's description repeated on every row as published",
    columns: [
      c("undl_id", "int", "UN Digital Library control number of the voting record"),
      c(
        "ms_code",
        "text",
        "Member State three-letter code as written (ISO 3166 alpha-3 or a withdrawn code)",
      ),
      c("ms_name", "text", "Member State name at the time of the vote, as written"),
      c(
        "state_key",
        "text",
        "iso3:<ms_code>, or name:<ms_name> when the code is empty; with undl_id it identifies one vote",
      ),
      c("ccode", "int", "COW code of the voting state in the vote's year (null: not resolved)"),
      c(
        "vote",
        "int",
        "1 yes, 2 abstain, 3 no, 8 not voting (ms_vote X or blank); Voeten's codes, so both sources read alike",
      ),
      c("ms_vote", "text", "ms_vote as written: Y, N, A, X or null (blank)"),
      c("date", "date", "date of the vote"),
      c("year", "int", "calendar year of the vote"),
      c("session", "text", "session as written: 78, ES-10 (emergency special), S-28 (special)"),
      c("resolution", "text", "symbol of the adopted resolution"),
      c("draft", "text", "symbol of the draft resolution"),
      c("committee_report", "text", "report of the Main Committee that transmitted the draft"),
      c("meeting", "text", "symbol of the meeting record"),
      c("title", "text", "title of the resolution"),
      c("agenda_title", "text", "title of the agenda item"),
      c("subjects", "text", "UNBIS subjects"),
      c("vote_note", "text", "vote note (files from 2026 on; null before)"),
      c("total_yes", "int", "yes votes on the resolution", "votes"),
      c("total_no", "int", "no votes", "votes"),
      c("total_abstentions", "int", "abstentions", "votes"),
      c("total_non_voting", "int", "Member States not voting", "votes"),
      c("total_ms", "int", "Member States at the time", "states"),
    ],
    naturalKey: ["undl_id", "state_key"],
  },
  un_matches: {
    name: "un_matches",
    description:
      "Pairs of UN roll calls on resolutions with identical text in different sessions (Bailey, Strezhnev & Voeten 2017), which bridge sessions in the ideal-point model",
    columns: [
      c("rcid1", "int", "roll-call id of the earlier vote"),
      c("rcid2", "int", "roll-call id of the later vote on the same text"),
    ],
    naturalKey: ["rcid1", "rcid2"],
  },
  trade_dyadic: {
    name: "trade_dyadic",
    description: "COW Trade dyadic flows (non-directed, ccode1 < ccode2 as in the source)",
    columns: [
      ...dyad,
      c("flow1", "double", "imports of ccode1 from ccode2", "current million US$"),
      c("flow2", "double", "imports of ccode2 from ccode1", "current million US$"),
      c("smoothflow1", "double", "smoothed flow1", "current million US$"),
      c("smoothflow2", "double", "smoothed flow2", "current million US$"),
    ],
    naturalKey: ["ccode1", "ccode2", "year"],
  },
  trade_imts: {
    name: "trade_imts",
    description:
      "IMF International Trade in Goods (IMTS, successor of the Direction of Trade Statistics): goods exports FOB and imports CIF by reporter and counterpart, one row per observation of the SDMX-CSV answer",
    columns: [
      c(
        "reporter",
        "text",
        "reporting economy as written (IMF COUNTRY code, ISO alpha-3 for states)",
      ),
      c(
        "reporter_ccode",
        "int",
        "COW code of the reporter in the year (null: not a state or not resolved)",
      ),
      c(
        "counterpart",
        "text",
        "counterpart economy as written (COUNTERPART_COUNTRY; W00 is the world)",
      ),
      c(
        "counterpart_ccode",
        "int",
        "COW code of the counterpart in the year (null: the world, a region or not resolved)",
      ),
      c(
        "indicator",
        "text",
        "IMF indicator as written: XG_FOB_USD exports FOB, MG_CIF_USD imports CIF",
      ),
      c("flow", "text", "exports | imports (from the indicator)"),
      c("frequency", "text", "A annual, M monthly (Q quarterly when asked for)"),
      c("period", "text", "TIME_PERIOD as written: 2019, 2019-M03, 2019-Q1"),
      c("year", "int", "calendar year of the period"),
      c("month", "int", "month of a monthly period (null otherwise)"),
      c("value", "double", "OBS_VALUE as published (see scale)"),
      c("scale", "text", "SCALE or UNIT_MULT as written (null: units)"),
      c(
        "value_musd",
        "double",
        "the value in million US$ (value × its scale ÷ 10^6)",
        "million US$",
      ),
    ],
    naturalKey: ["reporter", "counterpart", "indicator", "frequency", "period"],
  },
  trade_national: {
    name: "trade_national",
    description: "COW Trade national totals",
    columns: [
      c("ccode", "int", "COW code"),
      c("year", "int", "year"),
      c("imports", "double", "total imports", "current million US$"),
      c("exports", "double", "total exports", "current million US$"),
    ],
    naturalKey: ["ccode", "year"],
  },
  nmc: {
    name: "nmc",
    description: "COW National Material Capabilities",
    columns: [
      c("ccode", "int", "COW code"),
      c("year", "int", "year"),
      c("milex", "double", "military expenditure (see milex_unit)"),
      c("milex_unit", "text", "thousand GBP (1816–1913) or thousand current US$ (from 1914)"),
      c("milper", "double", "military personnel", "thousands"),
      c("irst", "double", "iron and steel production", "thousand tons"),
      c("pec", "double", "primary energy consumption", "thousand coal-ton equivalents"),
      c("tpop", "double", "total population", "thousands"),
      c("upop", "double", "urban population", "thousands"),
      c("cinc", "double", "Composite Index of National Capability", "share of system total"),
    ],
    naturalKey: ["ccode", "year"],
  },
  country_series: {
    name: "country_series",
    description: "Country-year series in long form (GDP, population, military expenditure …)",
    columns: [
      c("series", "text", "series id, e.g. pwt.rgdpe, wb.NY.GDP.MKTP.CD, maddison.pop"),
      c("ccode", "int", "COW code (null: not resolved or not a state)"),
      c("code", "text", "country code as written in the file"),
      c("country", "text", "country name as written in the file"),
      c("year", "int", "year"),
      c("value", "double", "value (see unit)"),
      c("unit", "text", "unit of value"),
    ],
    naturalKey: ["series", "code", "country", "year"],
  },
  arms_transfers: {
    name: "arms_transfers",
    description: "SIPRI Arms Transfers trade register, one row per deal and delivery year",
    columns: [
      c("deal_id", "bigint", "SIPRI AT Database ID"),
      c("supplier", "text", "supplier as written by SIPRI"),
      c("supplier_ccode", "int", "COW code of the supplier (null: not a state or not resolved)"),
      c("recipient", "text", "recipient as written by SIPRI"),
      c("recipient_ccode", "int", "COW code of the recipient (null: not a state or not resolved)"),
      c("designation", "text", "weapon designation"),
      c("description", "text", "weapon description"),
      c("category", "text", "armament category"),
      c("order_year", "int", "order year"),
      c("order_year_estimate", "bool", "order year is an estimate"),
      c("numbers_delivered", "int", "numbers delivered in the delivery year"),
      c("numbers_delivered_estimate", "bool", "numbers delivered is an estimate"),
      c("delivery_year", "int", "delivery year"),
      c("delivery_year_estimate", "bool", "delivery year is an estimate"),
      c("status", "text", "deal status"),
      c(
        "sipri_estimate",
        "double",
        "SIPRI estimate: unit TIV of the weapon when new (tiv_unit adjusts it for second-hand status)",
        "TIV million",
      ),
      c("tiv_unit", "double", "TIV per unit", "TIV million"),
      c("tiv_delivered", "double", "TIV delivery value in the delivery year", "TIV million"),
      c("local_production", "bool", "local production"),
    ],
    naturalKey: ["deal_id", "delivery_year"],
  },
  exercises: {
    name: "exercises",
    description: "Multinational military exercises, one row per exercise",
    columns: [
      c("exercise_id", "text", "exercise id (MME: MMEID)"),
      c("name", "text", "exercise name"),
      c("series", "text", "exercise series"),
      c("location", "text", "location"),
      c("start_year", "int", "start year"),
      c("start_month", "int", "start month (null: unknown)"),
      c("start_day", "int", "start day (null: unknown)"),
      c("end_year", "int", "end year"),
      c("types", "text[]", "exercise types flagged (CPX, Air, Land, Sea, …)"),
      c("participants", "text[]", "participants as written in the file"),
      c("participant_ccodes", "int[]", "COW codes of the participants that resolved to states"),
    ],
    // MME v7 reuses three MMEIDs for different exercises: the id alone would drop them as duplicates.
    naturalKey: ["exercise_id", "name", "location", "start_year", "start_month", "start_day"],
  },
  cameo_eventcodes: {
    name: "cameo_eventcodes",
    description: "CAMEO event codes with descriptions (GDELT and ICEWS lookup tables)",
    columns: [
      c("scheme", "text", "whose table: gdelt | icews"),
      c("code", "text", "CAMEO event code (string: leading zeros matter)"),
      c("description", "text", "description"),
      c(
        "quad_class",
        "int",
        "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict (null when the table does not say)",
      ),
    ],
    naturalKey: ["scheme", "code"],
  },
  cameo_goldstein: {
    name: "cameo_goldstein",
    description: "Goldstein scale value per CAMEO event code",
    columns: [
      c("scheme", "text", "whose table: gdelt | icews"),
      c("code", "text", "CAMEO event code (string)"),
      c("goldstein", "double", "Goldstein scale value", "-10…+10"),
    ],
    naturalKey: ["scheme", "code"],
  },
  cameo_actor_codes: {
    name: "cameo_actor_codes",
    description: "CAMEO actor code lookups (countries, types, known groups, ethnic, religion)",
    columns: [
      c("kind", "text", "country | type | knowngroup | ethnic | religion"),
      c("code", "text", "CAMEO code"),
      c("label", "text", "label"),
      c("ccode", "int", "COW code when the code is a state"),
    ],
    naturalKey: ["kind", "code"],
  },
  gdelt_events: {
    name: "gdelt_events",
    description:
      "GDELT 1.0 and 2.0 events (one row per GLOBALEVENTID; the columns indicators and tracing need)",
    columns: [
      c("event_id", "bigint", "GLOBALEVENTID (unique across GDELT)"),
      c("version", "int", "GDELT version of the file: 1 or 2"),
      c("event_date", "date", "SQLDATE: the date of the event (UTC), not the date it was added"),
      code("actor1_code", "Actor1Code (full CAMEO actor code)"),
      c("actor1_name", "text", "Actor1Name"),
      code("actor1_country", "Actor1CountryCode (CAMEO country or region code)"),
      c(
        "actor1_ccode",
        "int",
        "COW code of Actor1CountryCode in the event year (null: none, a region or non-state, or unresolved)",
      ),
      code("actor1_type", "Actor1Type1Code"),
      code("actor2_code", "Actor2Code"),
      c("actor2_name", "text", "Actor2Name"),
      code("actor2_country", "Actor2CountryCode"),
      c("actor2_ccode", "int", "COW code of Actor2CountryCode in the event year"),
      code("actor2_type", "Actor2Type1Code"),
      c("is_root_event", "bool", "IsRootEvent: the event is in the lead paragraph"),
      code("event_code", "EventCode (CAMEO, string: leading zeros matter)"),
      code("event_base_code", "EventBaseCode"),
      code("event_root_code", "EventRootCode"),
      c(
        "quad_class",
        "int",
        "QuadClass: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict",
      ),
      c("goldstein", "double", "GoldsteinScale of the event code", "-10…+10"),
      c("num_mentions", "int", "NumMentions", "mentions"),
      c("num_sources", "int", "NumSources", "sources"),
      c("num_articles", "int", "NumArticles", "articles"),
      c("avg_tone", "double", "AvgTone", "-100…+100"),
      code("action_country", "ActionGeo_CountryCode (FIPS 10-4)"),
      c("action_lat", "double", "ActionGeo_Lat", "degrees"),
      c("action_long", "double", "ActionGeo_Long", "degrees"),
      c("date_added", "bigint", "DATEADDED (YYYYMMDD in 1.0, YYYYMMDDHHMMSS UTC in 2.0)"),
      c("source_url", "text", "SOURCEURL (null in 1.0 back files)"),
    ],
    naturalKey: ["event_id"],
  },
  icews_events: {
    name: "icews_events",
    description:
      "ICEWS coded events (Dataverse layout); Event IDs are not unique, only exact duplicate rows are dropped",
    columns: [
      c("event_id", "bigint", "Event ID (not unique in ICEWS)"),
      c("event_date", "date", "Event Date"),
      c("source_name", "text", "Source Name"),
      c("source_sectors", "text", "Source Sectors"),
      code("source_country", "Source Country (a country name)"),
      c(
        "source_ccode",
        "int",
        "COW code of Source Country in the event year (null: none or unresolved)",
      ),
      code("event_text", "Event Text"),
      code("cameo_code", "CAMEO Code (string: leading zeros matter)"),
      c(
        "quad_class",
        "int",
        "quad class from the CAMEO root: 1 verbal coop. … 4 material conflict",
      ),
      c(
        "intensity",
        "double",
        "Intensity (ICEWS's Goldstein-type scale of the event code)",
        "-10…+10",
      ),
      c("target_name", "text", "Target Name"),
      c("target_sectors", "text", "Target Sectors"),
      code("target_country", "Target Country"),
      c("target_ccode", "int", "COW code of Target Country in the event year"),
      c("story_id", "bigint", "Story ID"),
      c("sentence_number", "int", "Sentence Number"),
      c("publisher", "text", "Publisher"),
      c("city", "text", "City"),
      c("district", "text", "District"),
      c("province", "text", "Province"),
      code("country", "Country (where the event happened)"),
      c("latitude", "double", "Latitude", "degrees"),
      c("longitude", "double", "Longitude", "degrees"),
    ],
    // Every column: only rows identical in all fields are duplicates (PITFALLS: ICEWS ids).
    naturalKey: [
      "event_id",
      "event_date",
      "source_name",
      "source_sectors",
      "source_country",
      "event_text",
      "cameo_code",
      "intensity",
      "target_name",
      "target_sectors",
      "target_country",
      "story_id",
      "sentence_number",
      "publisher",
      "city",
      "district",
      "province",
      "country",
      "latitude",
      "longitude",
    ],
  },
  icews_dyad_year: {
    name: "icews_dyad_year",
    description:
      "ICEWS directed dyad-year event counts by quad class, as aggregated by the netify package (rules undocumented upstream)",
    columns: [
      c("ccode1", "int", "COW code of the source state (i)"),
      c("ccode2", "int", "COW code of the target state (j)"),
      c("year", "int", "year"),
      c("source_name", "text", "i as written"),
      c("target_name", "text", "j as written"),
      c("verbal_coop", "double", "verbCoop: verbal cooperation events i→j", "events"),
      c("material_coop", "double", "matlCoop: material cooperation events i→j", "events"),
      c("verbal_conflict", "double", "verbConf: verbal conflict events i→j", "events"),
      c("material_conflict", "double", "matlConf: material conflict events i→j", "events"),
    ],
    naturalKey: ["ccode1", "ccode2", "year"],
  },
  igo_dyad_year: {
    name: "igo_dyad_year",
    description: "Shared full IGO memberships per non-directed dyad-year (COW IGO v3)",
    columns: [
      c("ccode1", "int", "COW code of the first state (the lower code)"),
      c("ccode2", "int", "COW code of the second state"),
      c("year", "int", "year"),
      c("dyadigos", "int", "IGOs in which both states are full members", "count of IGOs"),
    ],
    naturalKey: ["ccode1", "ccode2", "year"],
  },
  contiguity: {
    name: "contiguity",
    description: "COW Direct Contiguity spans per dyad (type in force from start_date to end_date)",
    columns: [
      c("ccode1", "int", "COW code of the first state"),
      c("ccode2", "int", "COW code of the second state"),
      c(
        "conttype",
        "int",
        "0 not contiguous, 1 land or river, 2 water ≤12 mi, 3 ≤24 mi, 4 ≤150 mi, 5 ≤400 mi",
      ),
      c("start_date", "date", "first month of the span"),
      c("end_date", "date", "last month of the span"),
    ],
    naturalKey: ["ccode1", "ccode2", "conttype", "start_date"],
  },
  mid_dyad_year: {
    name: "mid_dyad_year",
    description:
      "Militarized interstate disputes per non-directed dyad, dispute and year (COW MID 5.0)",
    columns: [
      c("dispnum", "int", "MID dispute number"),
      c("ccode1", "int", "COW code of the first state"),
      c("ccode2", "int", "COW code of the second state"),
      c("year", "int", "year"),
      c("ongoing", "int", "the dispute is ongoing in the year", "0/1"),
      c("onset", "int", "the dispute began in the year", "0/1"),
      c("sidea1", "int", "state 1 is on side A", "0/1"),
      c("sidea2", "int", "state 2 is on side A", "0/1"),
      c("fatality1", "int", "fatality level of state 1 (0 none … 6 >999)"),
      c("fatality2", "int", "fatality level of state 2"),
      c("fatalpre1", "int", "battle deaths of state 1 (precise, null when unknown)", "deaths"),
      c("fatalpre2", "int", "battle deaths of state 2", "deaths"),
      c("hiact1", "int", "highest action of state 1 (0–23)"),
      c("hiact2", "int", "highest action of state 2 (0–23)"),
      c("hostlev1", "int", "hostility level of state 1 (1 none … 5 war)"),
      c("hostlev2", "int", "hostility level of state 2"),
      c("orig1", "int", "state 1 was an originator", "0/1"),
      c("orig2", "int", "state 2 was an originator", "0/1"),
      c("fatality", "int", "fatality level of the dispute"),
      c("hostlev", "int", "hostility level of the dispute (1 none … 5 war)"),
      c("mindur", "int", "minimum duration of the dispute", "days"),
      c("maxdur", "int", "maximum duration of the dispute", "days"),
      c("recip", "int", "reciprocated", "0/1"),
      c("stmon", "int", "start month of the dispute"),
    ],
    naturalKey: ["dispnum", "ccode1", "ccode2", "year"],
  },
  states: {
    name: "states",
    description: "State system membership spells (COW states2016, Gleditsch–Ward) and major powers",
    columns: [
      c("system", "text", "cow | gw | cow_major | cow_codes"),
      c("code", "int", "state code in that system"),
      c("abb", "text", "abbreviation"),
      c("name", "text", "name"),
      c("start_date", "date", "start of the spell"),
      c("end_date", "date", "end of the spell"),
    ],
    naturalKey: ["system", "code", "abb", "name", "start_date"],
  },
  documents: {
    name: "documents",
    description:
      "Documents read by `entente text` (statements, articles): main text, what was found in it, and the quotes proposed as evidence",
    columns: [
      c(
        "text_sha256",
        "text",
        "sha256 of the main text (the same text from two files is one document)",
      ),
      c("format", "text", "txt | md | html"),
      c("title", "text", "title of the document"),
      c("doc_date", "date", "date of the document (dateline or first paragraphs), if found"),
      c(
        "text",
        "text",
        "main text: paragraphs separated by a blank line; every offset refers to it",
      ),
      c("dates", "text[]", "dates mentioned (YYYY, YYYY-MM or YYYY-MM-DD)"),
      c("states", "int[]", "COW codes of the states mentioned"),
      c("organizations", "text[]", "organisations mentioned (SCO, NATO, EAEU, BRI, …)"),
      c("people", "text[]", "office holders mentioned (ids of data/people/people.csv)"),
      c(
        "rhetoric_score",
        "double",
        "alliance-rhetoric score of the whole text, −1…+1 (docs/text.md)",
      ),
      c("quote_count", "int", "attributed quotes found"),
      c(
        "analysis_json",
        "text",
        "the full analysis as `entente text --json` prints it for this document (quotes, matches, offsets)",
      ),
    ],
    naturalKey: ["text_sha256"],
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/**
 * Tables of results Entente computes and keeps (not loaded from files, so without file_id and
 * line): ideal-point fits (src/idealpoints), keyed by a fit id that hashes the vote files and the
 * settings, so that a fit is reused until the votes change.
 */
export const RESULT_TABLES = {
  un_ideal_fits: {
    name: "un_ideal_fits",
    description: "UN ideal-point fits: what each was fit on, with which settings, and how it went",
    columns: [
      c("fit_id", "text", "sha256 of votes_sha256, the settings and the model version"),
      c(
        "votes_sha256",
        "text",
        "sha256 of the sorted sha256s of the files loaded into un_votes, un_rollcalls and un_matches",
      ),
      c("issue", "text", "issue subset (me, nu, di, hr, co, ec), null for all roll calls"),
      c("from_session", "int", "first UNGA session fit"),
      c("to_session", "int", "last UNGA session fit"),
      c("seed", "int", "seed of the start-value perturbation"),
      c("model_version", "text", "version of the estimator"),
      c("settings", "text", "estimator settings (JSON)"),
      c("report", "text", "what was used and dropped, and convergence (JSON)"),
      c("iterations", "int", "EM iterations"),
      c("converged", "int", "1 when the fit met its tolerance", "0/1"),
      c("seconds", "double", "time the fit took", "seconds"),
      c("fitted_at", "text", "when the fit was stored (ISO 8601, UTC)"),
    ],
    naturalKey: ["fit_id"],
  },
  un_ideal_points: {
    name: "un_ideal_points",
    description: "UN ideal points: one position per state and session of a fit",
    columns: [
      c("fit_id", "text", "un_ideal_fits.fit_id"),
      c("ccode", "int", "COW code"),
      c("session", "int", "UNGA session"),
      c("year", "int", "calendar year the session opened (1945 + session)"),
      c("ideal_point", "double", "position (standardised over all state-sessions, USA positive)"),
      c("se", "double", "standard error of the position"),
      c("votes", "int", "votes (yes, abstain, no) the state cast on the roll calls used"),
    ],
    naturalKey: ["fit_id", "ccode", "session"],
  },
} as const satisfies Record<string, TableSpec>;

export type ResultTableName = keyof typeof RESULT_TABLES;

export function tableSpec(name: TableName): TableSpec {
  return TABLES[name];
}

/** The spec of a data table by its SQL name (release bookkeeping stores table names). */
export function tableSpecByName(table: string): TableSpec {
  const spec = Object.values(TABLES).find((t) => t.name === table);
  if (!spec) throw new Error(`No data table ${table}`);
  return spec;
}

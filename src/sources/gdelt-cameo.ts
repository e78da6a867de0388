import { basename } from "node:path";
import { cite } from "../core/bibliography.js";
import { cameoNonStateLabel, lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseNumber, parseText } from "../core/fields.js";
import { findHeaderWith } from "./header.js";
import type { Emitter, TabularSource } from "./source.js";
import { tabularSource } from "./tabular.js";

export const CAMEO_CITATION = cite("schrodt2012", "gerner2002");
const GDELT_CITATION = `${cite("leetaru2013")} ${CAMEO_CITATION}`;
const GDELT_HOMEPAGE = "https://www.gdeltproject.org/data.html#documentation";
const GDELT_LICENSE =
  "GDELT Project lookup files: free and unrestricted use, citation requested (GDELT terms of use); the copies found carry no licence file";
const GDELT_VERSION = "GDELT 1.0/2.0 lookup files (CAMEO 1.1b3)";

// ---------------------------------------------------------------------------------------------
// Event codes, shared with the ICEWS tables (icews-cameo.ts)

export type QuadClass = 1 | 2 | 3 | 4;

/**
 * A CAMEO event code as a string: 2 (root), 3 or 4 digits, root 01-20. Leading zeros are kept
 * ("010" is not "10"); anything else is rejected.
 */
export function parseEventCode(raw: string | undefined, column: string): string {
  const code = parseText(raw);
  if (code === null) throw new FieldError(`${column} is missing`);
  if (!/^\d{2,4}$/.test(code)) {
    throw new FieldError(`${column}: "${code}" is not a CAMEO event code (2 to 4 digits)`);
  }
  const root = Number(code.slice(0, 2));
  if (root < 1 || root > 20) {
    throw new FieldError(`${column}: "${code}" has root ${code.slice(0, 2)}, not 01-20`);
  }
  return code;
}

/**
 * GDELT's QuadClass from the root code (METHODS.md): 01-05 verbal cooperation (1), 06-08
 * material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
 */
export function quadClassOfCode(code: string): QuadClass {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/** A Goldstein scale value (-10…+10); empty/NA is null, anything outside the scale is rejected. */
export function parseGoldstein(raw: string | undefined, column: string): number | null {
  const g = parseNumber(raw, column);
  if (g !== null && (g < -10 || g > 10)) {
    throw new FieldError(`${column}: ${raw?.trim()} is outside the Goldstein scale (-10 to +10)`);
  }
  return g;
}

/** GDELT CAMEO.eventcodes.txt: CAMEOEVENTCODE, EVENTDESCRIPTION (tab-separated). */
export const gdeltCameoEventCodes = tabularSource({
  name: "gdelt-cameo-eventcodes",
  title: "GDELT CAMEO event codes lookup",
  version: GDELT_VERSION,
  citation: GDELT_CITATION,
  homepage: GDELT_HOMEPAGE,
  license: GDELT_LICENSE,
  unit: "event_code",
  table: "cameo_eventcodes",
  yearColumn: null,
  caveats: [
    "Codes are strings: 010 (make statement, not specified) is not 10 (root DEMAND).",
    "quad_class is not in the file: Entente derives it from the root code (01-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4), as GDELT does for QuadClass.",
    'Descriptions are stored as written, trimmed of surrounding spaces, including the source\'s damage (044 reads "Meet at a ÒhirdÓlocation", typos such as "matyerial").',
    'GDELT\'s labels for 101-108 follow another CAMEO draft than their own 4-digit subcodes and the CAMEO 1.1b3 codebook (e.g. 101 "Demand information, investigation" but 1011 "Demand economic cooperation"); the ICEWS table labels them as the codebook does. Compare by code, not by label.',
  ],
  delimiter: "\t",
  required: ["CAMEOEVENTCODE", "EVENTDESCRIPTION"],
  mapper: (col) => {
    const [c, d] = ["CAMEOEVENTCODE", "EVENTDESCRIPTION"].map(col) as [number, number];
    return (f, _line, out) => {
      const code = parseEventCode(f[c], "CAMEOEVENTCODE");
      out.row(["gdelt", code, parseText(f[d]), quadClassOfCode(code)]);
    };
  },
});

/** GDELT CAMEO.goldsteinscale.txt: CAMEOEVENTCODE, GOLDSTEINSCALE (tab-separated). */
export const gdeltCameoGoldstein = tabularSource({
  name: "gdelt-cameo-goldstein",
  title: "GDELT CAMEO Goldstein scale lookup",
  version: GDELT_VERSION,
  citation: `${GDELT_CITATION} ${cite("goldstein1992")}`,
  homepage: GDELT_HOMEPAGE,
  license: GDELT_LICENSE,
  unit: "event_code",
  table: "cameo_goldstein",
  yearColumn: null,
  caveats: [
    "Codes are strings (leading zeros matter).",
    "Goldstein values run from -10 (most conflictual) to +10 (most cooperative); a value outside that range is rejected, an empty one is null.",
    "GDELT's values differ from the ICEWS table for 016, 022, 164 and 165; they are kept apart by scheme.",
  ],
  delimiter: "\t",
  required: ["CAMEOEVENTCODE", "GOLDSTEINSCALE"],
  mapper: (col) => {
    const [c, g] = ["CAMEOEVENTCODE", "GOLDSTEINSCALE"].map(col) as [number, number];
    return (f, _line, out) => {
      out.row([
        "gdelt",
        parseEventCode(f[c], "CAMEOEVENTCODE"),
        parseGoldstein(f[g], "GOLDSTEINSCALE"),
      ]);
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Actor codes: five files with the same CODE<TAB>LABEL header

export const ACTOR_KINDS = ["country", "type", "knowngroup", "ethnic", "religion"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const NAME_RULES: ReadonlyArray<readonly [RegExp, ActorKind]> = [
  [/(?:^|[^a-z])known[-_ ]?groups?(?:[^a-z]|$)/, "knowngroup"],
  [/(?:^|[^a-z])countr(?:y|ies)(?:[^a-z]|$)/, "country"],
  [/(?:^|[^a-z])(?:actor[-_ ]?)?types?(?:[^a-z]|$)/, "type"],
  [/(?:^|[^a-z])ethnic(?:s|ity|ities)?(?:[^a-z]|$)/, "ethnic"],
  [/(?:^|[^a-z])religions?(?:[^a-z]|$)/, "religion"],
];

/**
 * The kind named by a file name ("CAMEO.country.txt" → country), or null when the name names
 * none of the five kinds, or more than one.
 */
export function actorKindFromFileName(fileName: string): ActorKind | null {
  const name = fileName.toLowerCase();
  const hits = NAME_RULES.filter(([re]) => re.test(name)).map(([, kind]) => kind);
  return hits.length === 1 ? (hits[0] as ActorKind) : null;
}

/*
 * Code vocabularies of the CAMEO codebook (v1.1b3, chapters 3-5), used only to recognise a
 * renamed actor-code file by its content. Country codes are recognised by the crosswalk.
 */
const TYPE_CODES = new Set(
  "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET".split(
    " ",
  ),
);
const RELIGION_CODES = new Set(
  "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO".split(
    " ",
  ),
);
const KNOWNGROUP_CODES = new Set(
  (
    "AAM ABD ACC ADB AEU AFB ALQ AMF AML AMN AMU ANO APE ARL ASL ASN ATD BCA BIS BTH CEM CFA CIS CMN COE " +
    "CPA CPC CRC CSS CWN DFL EBR ECA EEC EFT ENN FAO FID FIS FLN FTA GCC GIA GOE GOS GSP GSS HCH HCR HEZ " +
    "HIP HMS HRW IAC IAD IAE IAF ICC ICG ICJ ICO IDB IGC IHF ILO IMF IOM IPU IRC ISJ ITP JUR KDP KID LBA " +
    "LKD MBR MRZ MSF MSP NAT NEP NON OAS OAU OIC OPC PAP PFL PLF PLO PLS PMD PRC PSE RCR RND SAA SAD SCE " +
    "SHA SOT TAL UEM UNO WAD WAM WAS WBK WCT WEF WFP WHO WTO XFM"
  ).split(" "),
);

/** The placeholder row some copies end with; not a CAMEO code. */
const PLACEHOLDER = "0";
/**
 * CAMEO actor codes are three letters: upper-case, and lower-case for most ethnic codes (the
 * ethnic list also holds legacy upper-case entries such as ARB, which are kept).
 */
const CODE_PATTERN = /^[A-Za-z]{3}$/;

function isCountryCode(code: string): boolean {
  return cameoNonStateLabel(code) !== null || lookupCountry(code, { system: "cameo" }) !== null;
}

/**
 * The kind of an actor-code list recognised from its codes (the placeholder "0" ignored). Every
 * code must be three letters. Ethnic when more than half are lower-case (GDELT's ethnic list is
 * lower-case but for legacy entries such as ARB); otherwise the kind whose vocabulary (countries
 * and regions via the crosswalk; the codebook's type, religion and known-group codes) holds more
 * of the codes than any other and at least half of them. Null when that does not single out a
 * kind.
 */
export function actorKindFromCodes(codes: readonly string[]): ActorKind | null {
  const cs = codes.filter((c) => c !== "" && c !== PLACEHOLDER);
  if (cs.length === 0 || !cs.every((c) => CODE_PATTERN.test(c))) return null;
  if (cs.filter((c) => /^[a-z]{3}$/.test(c)).length * 2 > cs.length) return "ethnic";
  const scores: Array<[ActorKind, number]> = [
    ["country", cs.filter(isCountryCode).length],
    ["type", cs.filter((c) => TYPE_CODES.has(c)).length],
    ["religion", cs.filter((c) => RELIGION_CODES.has(c)).length],
    ["knowngroup", cs.filter((c) => KNOWNGROUP_CODES.has(c)).length],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores as [[ActorKind, number], [ActorKind, number]];
  return best[1] * 2 >= cs.length && best[1] > second[1] ? best[0] : null;
}

/** The kind of an actor-code file: from its name, else from the codes below its header. */
function actorKind(
  fileName: string,
  lines: readonly string[],
  headerIdx: number,
): ActorKind | null {
  const byName = actorKindFromFileName(fileName);
  if (byName) return byName;
  const codes = lines.slice(headerIdx + 1).map((l) => (l.split("\t")[0] ?? "").trim());
  return actorKindFromCodes(codes);
}

/** COW code of a CAMEO country code; regional and non-state codes are null without a report. */
function cameoCcode(code: string, out: Emitter): number | null {
  if (cameoNonStateLabel(code) !== null) return null;
  const hit = lookupCountry(code, { system: "cameo" });
  if (hit === null) {
    out.unresolved(code);
    return null;
  }
  return hit.ccode;
}

const actorCodesBase = tabularSource({
  name: "cameo-actor-codes",
  title: "GDELT CAMEO actor code lookups (country, type, known group, ethnic, religion)",
  version: GDELT_VERSION,
  citation: GDELT_CITATION,
  homepage: GDELT_HOMEPAGE,
  license: GDELT_LICENSE,
  unit: "actor_code",
  table: "cameo_actor_codes",
  yearColumn: null,
  caveats: [
    "The five lists share the header CODE<TAB>LABEL; the kind comes from the file name (country, type, knowngroup, ethnic, religion) and, when the name names none, from the codes (see docs/sources.md). A file whose kind cannot be told is not detected.",
    "Country codes get a COW ccode through the crosswalk (system cameo, not time-aware); regional and non-state codes (AFR, EUR, WST, territories such as HKG or PSE) keep ccode null and are not reported as unresolved.",
    "The final row 0<TAB>Unknown or Not Applicable of some copies is a local addition, not a CAMEO code: it is rejected with a reason.",
    "Codes must be three letters and are kept as written, case included (the ethnic list has both ara and the legacy ARB for Arab); CAMEO.type.txt lists UIS twice (the second is a duplicate).",
    'Labels are stored as written (e.g. "Runion" for Réunion, "Columbia" for Colombia).',
  ],
  delimiter: "\t",
  required: ["CODE", "LABEL"],
  mapper: (col, _header, path, head) => {
    const [c, l] = ["CODE", "LABEL"].map(col) as [number, number];
    const kind = actorKind(basename(path), head, findHeaderWith(head, "\t", ["CODE", "LABEL"]));
    if (kind === null) throw new Error(`cameo-actor-codes: cannot tell the kind of ${path}`);
    return (f, _line, out) => {
      const code = parseText(f[c]);
      const label = parseText(f[l]);
      if (code === null) throw new FieldError("CODE is missing");
      if (code === PLACEHOLDER) {
        throw new FieldError(
          `CODE "0" ("${label ?? ""}") is a placeholder, not a CAMEO ${kind} code`,
        );
      }
      if (!CODE_PATTERN.test(code)) {
        throw new FieldError(`CODE "${code}" is not a CAMEO ${kind} code (three letters)`);
      }
      out.row([kind, code, label, kind === "country" ? cameoCcode(code, out) : null]);
    };
  },
});

/**
 * GDELT's CAMEO actor-code lookups (CAMEO.country.txt, CAMEO.type.txt, CAMEO.knowngroup.txt,
 * CAMEO.ethnic.txt, CAMEO.religion.txt). Detected by the CODE/LABEL header when the kind can be
 * told from the file name or the codes.
 */
export const cameoActorCodes: TabularSource = {
  ...actorCodesBase,
  findHeader(lines, fileName) {
    const i = actorCodesBase.findHeader(lines, fileName);
    if (i < 0) return -1;
    return actorKind(fileName, lines, i) === null ? -1 : i;
  },
};

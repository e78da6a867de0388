import { cite } from "../core/bibliography.js";
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseDate, parseDummy, parseText, requireInteger } from "../core/fields.js";
import type { Emitter, RecordMapper } from "./source.js";
import { type TabularDefinition, tabularSource } from "./tabular.js";
import { ISSUES, type Issue } from "./un-issues.js";

export const UNGA_CITATION = cite("voeten2009", "bailey2017");
export const UNGA_HOMEPAGE =
  "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379";
export const UNGA_LICENSE = "CC0 1.0 (public domain dedication, per the Harvard Dataverse terms)";

/** Last UNGA session in which the ROC (COW 713) held China's seat; the PRC (710) votes from session 26 (1971-10-25). */
export const LAST_ROC_SESSION = 25;

/**
 * The China seat (docs METHODS.md): a vote cast for "China" in sessions 1–25 was cast by the
 * Republic of China (COW 713), whatever code the file uses for it. Applied only when the session
 * is known.
 */
/** Identifies the voter of a un_votes row across layouts: the COW code, else the name as written. */
export function stateKey(ccode: number | null, written: string): string {
  return ccode === null ? `name:${written}` : `cow:${ccode}`;
}

export function chinaSeat(ccode: number | null, session: number | null): number | null {
  return ccode === 710 && session !== null && session <= LAST_ROC_SESSION ? 713 : ccode;
}

const VOETEN_VOTES = new Set([1, 2, 3, 8, 9]);

/**
 * COW codes as written, checked against the crosswalk (no year: the code is already the key;
 * lookupCountry caches).
 */
function makeCowResolver() {
  return (code: number, written: string, out: Emitter): number | null => {
    const ccode = lookupCountry(code, { system: "cow" })?.ccode ?? null;
    if (ccode === null) out.unresolved(written);
    return ccode;
  };
}

/**
 * Voeten's raw votes (rcid, session, ccode, vote; the full release adds member, importantvote,
 * date, unres, issue dummies and year, which are read from the roll-call file instead).
 */
const VOTES_DEF = {
  name: "unga-voeten-votes",
  title: "UN General Assembly votes (Voeten raw layout)",
  version: "2016 release (UNVotesPublished.RData, sessions 1-70)",
  citation: UNGA_CITATION,
  homepage: UNGA_HOMEPAGE,
  license: UNGA_LICENSE,
  unit: "roll_call_vote",
  table: "un_votes",
  yearColumn: null,
  yearSql: "1945 + session",
  caveats: [
    "Vote codes are Voeten's: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member; 8 and 9 are kept (agreement indices drop them).",
    "country holds the COW code as written in the file; ccode is that code checked against the crosswalk (an unknown code is listed as unresolved and stored with ccode null).",
    'China seat: a vote coded 710 in sessions 1-25 was cast by the Republic of China and is stored with ccode 713 (country keeps "710").',
    "No year column: the calendar year comes from the roll-call file (un_rollcalls.date); without it, 1945 + session.",
    "Releases revise past roll calls; the release is the file's provenance (source version).",
  ],
  required: ["rcid", "session", "ccode", "vote"],
  mapper: (col) => {
    const [rc, se, cc, vo] = ["rcid", "session", "ccode", "vote"].map(col) as [
      number,
      number,
      number,
      number,
    ];
    const resolve = makeCowResolver();
    return (f, _line, out) => {
      const rcid = requireInteger(f[rc], "rcid");
      const session = requireInteger(f[se], "session");
      const written = (f[cc] ?? "").trim();
      const code = requireInteger(written, "ccode");
      const vote = requireInteger(f[vo], "vote");
      if (!VOETEN_VOTES.has(vote)) {
        throw new FieldError(`vote: ${vote} is not a Voeten vote code (1, 2, 3, 8, 9)`);
      }
      const seat = chinaSeat(code, session) as number;
      const ccode = resolve(seat, written, out);
      out.row([rcid, session, ccode, written, vote, stateKey(ccode, written)]);
    };
  },
} as const satisfies TabularDefinition;

export const ungaVoetenVotes = tabularSource(VOTES_DEF);

export { ISSUES, type Issue };

/**
 * The un_rollcalls row of both layouts. Columns absent from a file (amend … descr in Voeten's
 * release, the issue dummies in unvotes, which keeps issues in a table of their own) are null;
 * `issues` says whether this layout carries the issue dummies (required by its detection).
 */
export function rollcallMapper(header: readonly string[], issues: boolean): RecordMapper {
  const at = (name: string): number => header.indexOf(name);
  const [rc, se, da, un, im, am, pa, sh, de] = [
    "rcid",
    "session",
    "date",
    "unres",
    "importantvote",
    "amend",
    "para",
    "short",
    "descr",
  ].map(at) as [number, number, number, number, number, number, number, number, number];
  const issueCols = issues ? ISSUES.map(at) : [];
  return (f, _line, out) => {
    const date = parseDate(f[da], "date");
    out.row([
      requireInteger(f[rc], "rcid"),
      requireInteger(f[se], "session"),
      date,
      date === null ? null : Number(date.slice(0, 4)),
      parseText(f[un]),
      parseDummy(f[im], "importantvote"),
      am < 0 ? null : parseDummy(f[am], "amend"),
      pa < 0 ? null : parseDummy(f[pa], "para"),
      sh < 0 ? null : parseText(f[sh]),
      de < 0 ? null : parseText(f[de]),
      ...(issues
        ? issueCols.map((i, k) => parseDummy(f[i], ISSUES[k] as string))
        : ISSUES.map(() => null)),
    ]);
  };
}

/**
 * Voeten roll-call descriptions (rcid, session, year, date m/d/yyyy, unres, importantvote and the
 * six issue dummies; the descriptions workbook also has amend, para, short, descr, read when
 * present). A file with a ccode column is a votes file and is not this format.
 */
const ROLLCALLS_DEF = {
  name: "unga-voeten-rollcalls",
  title: "UN General Assembly roll calls (Voeten layout)",
  version: "2016 release (UNVotesPublished.RData, sessions 1-70)",
  citation: UNGA_CITATION,
  homepage: UNGA_HOMEPAGE,
  license: UNGA_LICENSE,
  unit: "roll_call",
  table: "un_rollcalls",
  yearColumn: "year",
  yearSql: "coalesce(year, 1945 + session)",
  caveats: [
    "year is the calendar year of the vote's date; the file's own year column is 1945 + session (the year the session opened) and is not stored. A roll call without a date has year null.",
    'Issue dummies me, nu, di, hr, co, ec: empty cells are null; ec is text ("0"/"1") in the source and is read as 0/1.',
    "importantvote (US State Department classification) starts with session 39 (the 2016 release also marks 8 roll calls of session 38); earlier roll calls carry 0, which means not classified rather than unimportant.",
    'A malformed cell is a reject, not a guess: the 2016 release has one (rcid 1429, ec written as 0\\"), so that roll call is not stored.',
    "amend, para, short and descr are null unless the file has those columns (the 2016 release's roll-call table does not).",
  ],
  required: ["rcid", "session", "date", "unres", "importantvote", ...ISSUES],
  excluded: ["ccode"],
  mapper: (_col: unknown, header: readonly string[]) => rollcallMapper(header, true),
} as const satisfies TabularDefinition;

export const ungaVoetenRollcalls = tabularSource(ROLLCALLS_DEF);

/**
 * The same two layouts as Harvard Dataverse serves tabular files it has ingested: tab-separated
 * with text in double quotes (the "archival" .tab), which `entente sync` fetches when a file was
 * not uploaded as CSV.
 */
const tabVariant = (def: TabularDefinition, table: string): TabularDefinition => ({
  ...def,
  name: `${def.name}-tab`,
  title: `${def.title}, Dataverse tab-separated`,
  delimiter: "\t",
  quoted: true,
  caveats: [
    ...def.caveats,
    `Dataverse's archival .tab form of the ${table} file; read like the CSV.`,
  ],
});
export const ungaVoetenVotesTab = tabularSource(tabVariant(VOTES_DEF, "votes"));
export const ungaVoetenRollcallsTab = tabularSource(tabVariant(ROLLCALLS_DEF, "roll-call"));

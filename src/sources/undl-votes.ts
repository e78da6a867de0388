import { cite } from "../core/bibliography.js";
/**
 * The UN Digital Library's "General Assembly Voting Data" bulk file (record 4060887): one row
 * per Member State and resolution adopted by a recorded vote since 1946, with the resolution's
 * description repeated on every row. Columns (files of 2025): undl_id, ms_code, ms_name,
 * ms_vote, date, session, resolution, draft, committee_report, meeting, title, agenda_title,
 * subjects, total_yes, total_no, total_abstentions, total_non_voting, total_ms, undl_link; files
 * from 2026 add vote_note after subjects. Both are read by name.
 *
 * It is a separate source from Voeten's roll calls (un_votes): it holds only adopted
 * resolutions (no amendments, paragraph votes or failed drafts) and its ids are the library's,
 * so the UN family chooses between the two by date and never counts a vote twice
 * (src/indicators/voting-similarity.ts, docs/indicators.md).
 */
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseDate, parseInteger, parseText, requireInteger } from "../core/fields.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";

export const UNDL_RECORD_URL = "https://digitallibrary.un.org/record/4060887";
export const UNDL_CITATION = `${cite("undl")} Bulk CSV, as dated in the file name.`;
const LICENSE =
  "© United Nations; free for non-commercial use with attribution under the UN terms of use (https://www.un.org/en/about-us/terms-of-use)";

/** ms_vote → Voeten's codes (1 yes, 2 abstain, 3 no, 8 not voting). */
const VOTES: Readonly<Record<string, number>> = { Y: 1, A: 2, N: 3, X: 8, NV: 8, "": 8 };

/**
 * The last day the Republic of China held China's seat: resolution 2758 was adopted on
 * 1971-10-25; votes recorded for CHN up to that day are the ROC's (COW 713), later ones the
 * PRC's (710). METHODS.md "China seat"; by date, since this file has dates for every vote.
 */
export const LAST_ROC_DAY = "1971-10-25";

/** The date the bulk file is named after (`2025_9_19_ga_voting.csv` → 2025-09-19), or null. */
export function undlFileDate(fileName: string): string | null {
  const m = /(^|[^0-9])(\d{4})_(\d{1,2})_(\d{1,2})_ga_voting(_corr\d*)?\.csv$/i.exec(fileName);
  if (!m) return null;
  const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date of the file: `YYYY-MM-DD`, optionally followed by a time. */
function voteDate(raw: string | undefined): string {
  const s = (raw ?? "").trim();
  const date = parseDate(/^\d{4}-\d{1,2}-\d{1,2}[T ]/.test(s) ? s.split(/[T ]/)[0] : s, "date");
  if (date === null) throw new FieldError("date is missing: the vote cannot be placed in a year");
  return date;
}

/**
 * ms_code (ISO alpha-3, also withdrawn codes such as SUN, YUG, CSK, DDR, YMD, ZAR) in the year
 * of the vote, else ms_name (the name at the time) in that year; cached per (code, name, year).
 */
function makeResolver() {
  const cache = new Map<string, number | null>();
  return (code: string | null, name: string | null, year: number, out: Emitter): number | null => {
    const key = `${code ?? ""}\u0000${name ?? ""}\u0000${year}`;
    let ccode = cache.get(key);
    if (ccode === undefined) {
      ccode =
        (code === null ? null : lookupCountry(code, { system: "iso3", year })?.ccode) ??
        (name === null ? null : lookupCountry(name, { system: "name", year })?.ccode) ??
        null;
      cache.set(key, ccode);
    }
    if (ccode === null) out.unresolved(name ?? (code as string));
    return ccode;
  };
}

const REQUIRED = [
  "undl_id",
  "ms_code",
  "ms_name",
  "ms_vote",
  "date",
  "session",
  "resolution",
  "draft",
  "committee_report",
  "meeting",
  "title",
  "agenda_title",
  "subjects",
  "total_yes",
  "total_no",
  "total_abstentions",
  "total_non_voting",
  "total_ms",
] as const;

export const undlGaVotes = tabularSource({
  name: "undl-ga-votes",
  title: "UN General Assembly votes (UN Digital Library bulk file)",
  version: "bulk CSV of record 4060887 (2025 layout; vote_note from 2026)",
  citation: UNDL_CITATION,
  homepage: UNDL_RECORD_URL,
  license: LICENSE,
  unit: "roll_call_vote",
  table: "undl_votes",
  yearColumn: "year",
  fileRelease: (name) => {
    const date = undlFileDate(name);
    return date === null ? null : { release: date };
  },
  caveats: [
    "Adopted resolutions only: no amendments, paragraph votes or drafts that failed (Voeten's data have them); a separate source from Voeten's, chosen by date in the UN family (docs/indicators.md).",
    "ms_vote Y, A, N is stored as Voeten's 1 yes, 2 abstain, 3 no; X, NV or blank (not voting) as 8, which agreement indices drop. Any other code is a reject.",
    "The year is the calendar year of the vote's date; a row without a date is a reject.",
    "ccode: ms_code as ISO alpha-3 in the vote's year (withdrawn codes SUN, YUG, CSK, DDR, YMD, ZAR by their own windows), else ms_name in that year; unresolved names are listed and kept with ccode null.",
    `China seat: a vote of CHN dated up to ${LAST_ROC_DAY} was cast by the Republic of China (COW 713).`,
    "Two rows of one record resolving to the same state under different codes (e.g. SUN and RUS) cannot both be its vote: the second is a reject naming the first.",
    "The release of a file is the date in its name (2025_9_19_ga_voting.csv: 2025-09-19); a newer file replaces the older one's votes.",
  ],
  required: REQUIRED,
  mapper: (col, header) => {
    const at = Object.fromEntries(REQUIRED.map((c) => [c, col(c)])) as Record<
      (typeof REQUIRED)[number],
      number
    >;
    const note = header.indexOf("vote_note");
    const resolve = makeResolver();
    /** `undl_id:ccode` → the first row's state key and line. */
    const seen = new Map<string, { key: string; line: number; code: string }>();
    const int = (f: readonly string[], c: (typeof REQUIRED)[number]) => parseInteger(f[at[c]], c);
    const text = (f: readonly string[], c: (typeof REQUIRED)[number]) => parseText(f[at[c]]);
    return (f, line, out) => {
      const id = requireInteger(f[at.undl_id], "undl_id");
      const raw = (f[at.ms_vote] ?? "").trim().toUpperCase();
      const vote = VOTES[raw];
      if (vote === undefined) {
        throw new FieldError(`ms_vote: "${raw}" is not Y, N, A, X or blank`);
      }
      const code = text(f, "ms_code");
      const name = text(f, "ms_name");
      if (code === null && name === null) throw new FieldError("ms_code and ms_name are missing");
      const date = voteDate(f[at.date]);
      const year = Number(date.slice(0, 4));
      let ccode = resolve(code, name, year, out);
      if (ccode === 710 && date <= LAST_ROC_DAY) ccode = 713;
      const stateKey = code === null ? `name:${name}` : `iso3:${code}`;
      if (ccode !== null) {
        const k = `${id}:${ccode}`;
        const first = seen.get(k);
        if (first && first.key !== stateKey) {
          throw new FieldError(
            `a second vote of COW ${ccode} on record ${id}: line ${first.line} (${first.code}) already holds it`,
          );
        }
        if (!first) seen.set(k, { key: stateKey, line, code: code ?? (name as string) });
      }
      out.row([
        id,
        code,
        name,
        stateKey,
        ccode,
        vote,
        raw === "" ? null : raw,
        date,
        year,
        text(f, "session"),
        text(f, "resolution"),
        text(f, "draft"),
        text(f, "committee_report"),
        text(f, "meeting"),
        text(f, "title"),
        text(f, "agenda_title"),
        text(f, "subjects"),
        note < 0 ? null : parseText(f[note]),
        int(f, "total_yes"),
        int(f, "total_no"),
        int(f, "total_abstentions"),
        int(f, "total_non_voting"),
        int(f, "total_ms"),
      ]);
    };
  },
});

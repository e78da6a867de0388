import { cite } from "../core/bibliography.js";
import { lookupCountry } from "../core/crosswalk.js";
import { FieldError, parseInteger, parseText, requireInteger } from "../core/fields.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";
import { chinaSeat, rollcallMapper, stateKey, UNGA_HOMEPAGE } from "./unga-voeten.js";

const CITATION = `${cite("robinson2021")} Data: ${cite("voeten2009")}`;
const HOMEPAGE = "https://github.com/dgrtwo/unvotes";
const LICENSE =
  "Package: MIT; the underlying Voeten data are dedicated to the public domain (CC0 1.0, Harvard Dataverse terms)";
const VERSION = "0.3.0";

const VOTES: Readonly<Record<string, number>> = { yes: 1, abstain: 2, no: 3 };

/**
 * country_code (ISO alpha-2, no year), then the country name when the code is missing or does
 * not resolve (withdrawn codes such as CS are ambiguous). When neither resolves, the name (or the
 * code when there is no name) is listed as unresolved.
 */
function makeUnvotesResolver() {
  const cache = new Map<string, number | null>();
  return (country: string | null, code: string | null, out: Emitter): number | null => {
    const key = `${code ?? ""}|${country ?? ""}`;
    let ccode = cache.get(key);
    if (ccode === undefined) {
      ccode =
        (code === null ? null : lookupCountry(code, { system: "iso2" })?.ccode) ??
        (country === null ? null : lookupCountry(country, { system: "name" })?.ccode) ??
        null;
      cache.set(key, ccode);
    }
    if (ccode === null) out.unresolved(country ?? (code as string));
    return ccode;
  };
}

/** unvotes `un_votes` (rcid, country, country_code, vote = yes/abstain/no), e.g. TidyTuesday 2021-03-23 unvotes.csv. */
export const unvotesVotes = tabularSource({
  name: "unvotes-votes",
  title: "UN General Assembly votes (unvotes R package layout)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "roll_call_vote",
  table: "un_votes",
  yearColumn: null,
  yearSql: "1945 + session",
  caveats: [
    "Only yes/abstain/no (stored as Voeten codes 1/2/3); absences and non-membership were dropped by the package. Any other vote text is rejected.",
    "session is null (the file has none) unless the file carries a session column (a join with un_roll_calls).",
    "ccode comes from country_code (ISO 3166 alpha-2) without a year, since the roll-call year is not in this file; a row whose code is empty, NA (also Namibia's alpha-2 code, which R writes like a missing value) or not resolvable (withdrawn codes such as CS) is resolved by its country name. Time-varying codes (Germany, Yemen, Vietnam) therefore resolve as the crosswalk resolves them without a year.",
    'China seat: without a session the ROC/PRC rule cannot be applied, so a "China" vote in sessions 1-25 (the ROC\'s seat) resolves to 710 here; join with un_roll_calls or use the Voeten layout, where the rule is applied (ccode 713).',
    "Votes are identified by roll call and COW code (state_key), so the same votes loaded from the Voeten and the unvotes layout are stored once; a vote whose country does not resolve is identified by its name.",
  ],
  required: ["rcid", "country", "country_code", "vote"],
  mapper: (col, header) => {
    const [rc, co, cc, vo] = ["rcid", "country", "country_code", "vote"].map(col) as [
      number,
      number,
      number,
      number,
    ];
    const se = header.indexOf("session");
    const resolve = makeUnvotesResolver();
    return (f, _line, out) => {
      const rcid = requireInteger(f[rc], "rcid");
      const session = se < 0 ? null : parseInteger(f[se], "session");
      const country = parseText(f[co]);
      // "NA" is Namibia's alpha-2 code and R's missing value alike: resolve such rows by name.
      const code = parseText(f[cc]);
      if (country === null && code === null) {
        throw new FieldError("country and country_code are missing");
      }
      const raw = (f[vo] ?? "").trim();
      const vote = VOTES[raw];
      if (vote === undefined) throw new FieldError(`vote: "${raw}" is not yes, abstain or no`);
      const ccode = chinaSeat(resolve(country, code, out), session);
      const written = (country ?? code) as string;
      out.row([rcid, session, ccode, written, vote, stateKey(ccode, written)]);
    };
  },
});

/** unvotes `un_roll_calls` (rcid, session, importantvote, date yyyy-mm-dd, unres, amend, para, short, descr). */
export const unvotesRollcalls = tabularSource({
  name: "unvotes-rollcalls",
  title: "UN General Assembly roll calls (unvotes R package layout)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "roll_call",
  table: "un_rollcalls",
  yearColumn: "year",
  yearSql: "coalesce(year, 1945 + session)",
  caveats: [
    "year is the calendar year of date.",
    "importantvote exists only from session 39; amend and para are coded only until 1985 (NA, stored as null, afterwards).",
    "Issue dummies (me … ec) are null here: this layout keeps issues in un_roll_call_issues (table un_issues).",
  ],
  required: [
    "rcid",
    "session",
    "importantvote",
    "date",
    "unres",
    "amend",
    "para",
    "short",
    "descr",
  ],
  excluded: ["ccode", "country"],
  mapper: (_col, header) => rollcallMapper(header, false),
});

/** unvotes `un_roll_call_issues` (rcid, short_name, issue). */
export const unvotesIssues = tabularSource({
  name: "unvotes-issues",
  title: "UN General Assembly roll-call issues (unvotes R package layout)",
  version: VERSION,
  citation: CITATION,
  homepage: HOMEPAGE,
  license: LICENSE,
  unit: "roll_call_issue",
  table: "un_issues",
  yearColumn: null,
  caveats: [
    "One row per roll call and issue; roll calls without an issue have no row (absence is not a 0 outside the six coded issues).",
    "short_name codes: me Palestinian conflict, nu nuclear weapons and nuclear material, di arms control and disarmament, hr human rights, co colonialism, ec economic development.",
    `The same codes are the me … ec dummies of the Voeten roll-call layout (${UNGA_HOMEPAGE}).`,
  ],
  required: ["rcid", "short_name", "issue"],
  mapper: (col) => {
    const [rc, sn, is] = ["rcid", "short_name", "issue"].map(col) as [number, number, number];
    return (f, _line, out) => {
      const rcid = requireInteger(f[rc], "rcid");
      const short = parseText(f[sn]);
      if (short === null) throw new FieldError("short_name is missing");
      out.row([rcid, short, parseText(f[is])]);
    };
  },
});

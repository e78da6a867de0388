/**
 * The inputs of a fit, read from the store: the valid votes (yes, abstain, no; absent and
 * not-a-member codes are not votes) of the sessions asked for, optionally on one issue, the
 * matched resolutions, and the key of the files they came from.
 */
import { createHash } from "node:crypto";
import type { Issue } from "../sources/unga-voeten.js";
import type { Store } from "../store/store.js";
import type { RawVotes } from "./vote-data.js";

/** Tables whose files a fit depends on (un_issues only for an issue subset). */
function inputTables(issue: Issue | null): string[] {
  return issue === null
    ? ["un_votes", "un_rollcalls", "un_matches"]
    : ["un_votes", "un_rollcalls", "un_matches", "un_issues"];
}

/**
 * sha256 of the sorted sha256s of the files loaded into the fit's input tables: it changes
 * whenever a vote file (or roll-call, match or issue file) is added, and only then.
 */
export async function votesKey(store: Store, issue: Issue | null): Promise<string | null> {
  const tables = new Set(inputTables(issue));
  const shas = (await store.files())
    .filter((f) => tables.has(f.table))
    .map((f) => `${f.table}:${f.sha256}`)
    .sort();
  if (!shas.some((s) => s.startsWith("un_votes:"))) return null;
  return createHash("sha256").update(shas.join("\n")).digest("hex");
}

/** Sessions of the loaded valid votes (null when there are none). */
export async function loadedSessions(store: Store): Promise<{ from: number; to: number } | null> {
  const rows = await store.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(sess) AS lo, max(sess) AS hi FROM (${votesSql("")}) t`,
  );
  const r = rows[0];
  if (!r || r.lo === null || r.hi === null) return null;
  return { from: Number(r.lo), to: Number(r.hi) };
}

/**
 * Valid votes with a known state and session. The session comes from the vote, else from its
 * roll call (the unvotes layout has none); `sess`, not `session`: ClickHouse aliases are visible
 * in the whole query and may not shadow a column they are computed from.
 */
function votesSql(issueFilter: string): string {
  return `SELECT v.rcid AS rcid, coalesce(v.session, r.session) AS sess, v.ccode AS ccode, v.vote AS vote
    FROM un_votes v LEFT JOIN un_rollcalls r ON r.rcid = v.rcid
    WHERE v.vote BETWEEN 1 AND 3 AND v.ccode IS NOT NULL ${issueFilter}`;
}

export interface FitInput {
  readonly votes: RawVotes;
  readonly matches: Array<[number, number]>;
  /** Valid votes left out because neither the vote nor its roll call gives a session. */
  readonly votesWithoutSession: number;
}

/**
 * Reads the votes of sessions from…to (one row per roll call with the lists of its states and
 * votes, which keeps the transfer small) and the matched resolutions.
 */
export async function readFitInput(
  store: Store,
  fromSession: number,
  toSession: number,
  issue: Issue | null,
): Promise<FitInput> {
  const sql = store.sql;
  // The issue is one of ISSUES (a column name of un_rollcalls); its code is also bound as text
  // for un_issues, the unvotes layout's table of issues.
  const issueFilter =
    issue === null
      ? ""
      : `AND (r.${issue} = 1 OR v.rcid IN (SELECT rcid FROM un_issues WHERE short_name = $3))`;
  const params: unknown[] =
    issue === null ? [fromSession, toSession] : [fromSession, toSession, issue];
  const rows = await store.query<{ rcid: number; sess: number; ccodes: number[]; votes: number[] }>(
    `SELECT rcid, sess, ${sql.list("ccode")} AS ccodes, ${sql.list("vote")} AS votes
     FROM (${votesSql(issueFilter)}) t WHERE sess BETWEEN $1 AND $2 GROUP BY rcid, sess`,
    params,
  );
  const missing = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM (${votesSql(issueFilter.replaceAll("$3", "$1"))}) t WHERE sess IS NULL`,
    issue === null ? [] : [issue],
  );
  let n = 0;
  for (const r of rows) n += r.ccodes.length;
  const votes: RawVotes = {
    rcid: new Int32Array(n),
    session: new Int32Array(n),
    ccode: new Int32Array(n),
    vote: new Uint8Array(n),
  };
  // Roll calls in rcid order, states in ccode order: the fit does not depend on the order in
  // which a backend returns rows or list elements.
  rows.sort((a, b) => Number(a.rcid) - Number(b.rcid));
  let k = 0;
  for (const r of rows) {
    const order = r.ccodes
      .map((_, i) => i)
      .sort((x, y) => Number(r.ccodes[x]) - Number(r.ccodes[y]));
    for (const i of order) {
      votes.rcid[k] = Number(r.rcid);
      votes.session[k] = Number(r.sess);
      votes.ccode[k] = Number(r.ccodes[i]);
      votes.vote[k] = Number(r.votes[i]);
      k++;
    }
  }
  const matches = (
    await store.query<{ rcid1: number; rcid2: number }>(
      "SELECT rcid1, rcid2 FROM un_matches ORDER BY rcid1, rcid2",
    )
  ).map((m) => [Number(m.rcid1), Number(m.rcid2)] as [number, number]);
  return { votes, matches, votesWithoutSession: Number(missing[0]?.n ?? 0) };
}

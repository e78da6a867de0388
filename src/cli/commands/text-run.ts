import { join } from "node:path";
import type { Command } from "commander";
import { CASE_NAME, isFilePath, noCaseError, resolveCasePath } from "../../assess/case-location.js";
import { CaseRepository, caseVersion, VersionConflictError } from "../../assess/case-store.js";
import {
  type AppendResult,
  appendCandidates,
  appendCandidatesToText,
  type Candidate,
  candidate,
} from "../../text/candidates.js";
import { analyzeFiles, type TextFileResult } from "../../text/load.js";
import { writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";

interface Appended extends AppendResult {
  readonly file: string;
  /** How the file came to be written, for the summary line ("" for a case given by path). */
  readonly note: string;
}

/**
 * Append quotes to a case. A path is edited in place. A name goes through the cases folder as
 * the server's saves do: the local copy when there is one (its previous version kept in
 * backups/), else a new local copy of the bundled case; never a copy over the local one.
 */
async function appendToCase(
  ref: string,
  casesDir: string,
  candidates: readonly Candidate[],
): Promise<Appended> {
  if (isFilePath(ref) || !CASE_NAME.test(ref)) {
    const file = resolveCasePath(ref, casesDir);
    return { file, note: "", ...(await appendCandidates(file, candidates)) };
  }
  const repo = new CaseRepository(casesDir);
  const local = join(casesDir, ref, "case.yaml");
  // A save between our read and our write (the dashboard, another run) is a version conflict:
  // read again and append to what is there now.
  for (let attempt = 1; ; attempt++) {
    const current = await repo.locate(ref);
    if (!current) throw noCaseError(ref, casesDir);
    const r = appendCandidatesToText(current.text, current.file, candidates);
    if (r.text === null) {
      const file = current.source === "local" ? local : current.file;
      return { file, note: "", added: r.added, skipped: r.skipped };
    }
    try {
      const saved = await repo.save(ref, r.text, caseVersion(current.text));
      const note = saved.created
        ? ` (a new local copy of the bundled case ${ref})`
        : ` (local copy; the previous version is kept in ${join(casesDir, saved.backup ?? "")})`;
      return { file: local, note, added: r.added, skipped: r.skipped };
    } catch (e) {
      if (e instanceof VersionConflictError && attempt < 3) continue;
      throw e;
    }
  }
}

function candidatesOf(results: readonly TextFileResult[]): Candidate[] {
  return results.flatMap((r) =>
    r.analysis
      ? r.analysis.quotes.map((q) =>
          candidate(
            {
              path: r.path,
              sha256: r.analysis?.sha256 ?? "",
              title: r.analysis?.title ?? null,
              date: r.date ?? null,
            },
            { ...q, rhetoric: q.rhetoric.score },
          ),
        )
      : [],
  );
}

const score = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

function printResult(r: TextFileResult): void {
  const w = (s: string) => process.stdout.write(`${s}\n`);
  if (r.status === "failed") {
    w(`failed     ${r.path}: ${r.error}`);
    return;
  }
  const a = r.analysis;
  if (!a) return;
  w(`${r.status.padEnd(10)} ${r.path}`);
  w(`  title     ${a.title ?? "(none)"}${r.date ? `, dated ${r.date}` : ""}`);
  const e = a.entities;
  if (e.states.length)
    w(`  states    ${e.states.map((s) => `${s.name} (${s.offsets.length})`).join(", ")}`);
  if (e.organizations.length)
    w(`  orgs      ${e.organizations.map((o) => `${o.id} (${o.offsets.length})`).join(", ")}`);
  if (e.people.length)
    w(`  people    ${e.people.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join("; ")}`);
  w(
    `  rhetoric  ${score(a.rhetoric.score)} (${a.rhetoric.matches.map((m) => `${m.term}@${m.offset}`).join(", ") || "no lexicon term"})`,
  );
  w(`  quotes    ${a.quotes.length}`);
  for (const q of a.quotes) {
    const who = q.speaker
      ? q.role
        ? `${q.speaker} (${q.role})`
        : q.speaker
      : "(speaker not found)";
    const text = q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text;
    w(`    @${q.offset} ${who}: “${text}” [${score(q.rhetoric.score)}]`);
  }
}

export const runText = async (
  paths: string[],
  opts: { case?: string; cases: string; json?: boolean },
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  // An unknown case stops before any document is read or stored.
  if (opts.case) resolveCasePath(opts.case, opts.cases);
  const results = await withStore(global, { readOnly: false }, (store) =>
    analyzeFiles(store, paths),
  );
  const appended = opts.case
    ? await appendToCase(opts.case, opts.cases, candidatesOf(results))
    : null;
  if (opts.json) {
    writeJson({ documents: results.flatMap((r) => (r.analysis ? [r.analysis] : [])) });
  } else {
    for (const r of results) printResult(r);
    if (appended) {
      process.stdout.write(
        `case ${appended.file}${appended.note}: ${appended.added.length} evidence item${appended.added.length === 1 ? "" : "s"} added${appended.added.length ? ` (${appended.added.join(", ")})` : ""}, ${appended.skipped} already there\n`,
      );
    }
  }
  const failed = results.filter((r) => r.status === "failed");
  for (const f of failed) if (opts.json) process.stderr.write(`entente: ${f.path}: ${f.error}\n`);
  if (failed.length) process.exitCode = 1;
};

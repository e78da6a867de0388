import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { BUNDLED_CASES, resolveCasePath } from "../../assess/case-file.js";
import { appendCandidates, type Candidate, candidate } from "../../text/candidates.js";
import { analyzeFiles, type TextFileResult } from "../../text/load.js";
import { writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { DEFAULT_CASES_DIR } from "./serve.js";

/** The case file to append to: a bundled case is copied to ./entente-cases/<name>/ first. */
async function writableCase(ref: string): Promise<{ file: string; copiedFrom?: string }> {
  const file = resolveCasePath(ref);
  const rel = relative(BUNDLED_CASES, file);
  if (rel.startsWith("..") || rel === file) return { file };
  const local = resolve(DEFAULT_CASES_DIR, rel);
  await mkdir(dirname(local), { recursive: true });
  await copyFile(file, local).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== "EEXIST") throw e;
  });
  return { file: local, copiedFrom: file };
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
  opts: { case?: string; json?: boolean },
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const results = await withStore(global, { readOnly: false }, (store) =>
    analyzeFiles(store, paths),
  );
  let appended: {
    file: string;
    added: readonly string[];
    skipped: number;
    copiedFrom?: string;
  } | null = null;
  if (opts.case) {
    const target = await writableCase(opts.case);
    const r = await appendCandidates(target.file, candidatesOf(results));
    appended = { ...target, ...r };
  }
  if (opts.json) {
    writeJson({ documents: results.flatMap((r) => (r.analysis ? [r.analysis] : [])) });
  } else {
    for (const r of results) printResult(r);
    if (appended) {
      const from = appended.copiedFrom ? ` (a copy of the bundled ${appended.copiedFrom})` : "";
      process.stdout.write(
        `case ${join(appended.file)}${from}: ${appended.added.length} evidence item${appended.added.length === 1 ? "" : "s"} added${appended.added.length ? ` (${appended.added.join(", ")})` : ""}, ${appended.skipped} already there\n`,
      );
    }
  }
  const failed = results.filter((r) => r.status === "failed");
  for (const f of failed) if (opts.json) process.stderr.write(`entente: ${f.path}: ${f.error}\n`);
  if (failed.length) process.exitCode = 1;
};

import type { Command } from "commander";
import { TEXT_EXTENSIONS } from "../../text/extensions.js";
import { addCasesOption } from "../case-option.js";
import { lazy } from "../lazy.js";

export function registerText(program: Command): void {
  const cmd = program
    .command("text")
    .description(
      `Read documents (${[...TEXT_EXTENSIONS].join(", ")}; directories are walked) and find dates, states, organisations, office holders, alliance rhetoric and attributed quotes; store each document with its sha256 and provenance`,
    )
    .argument("<paths...>", "files or directories")
    .option(
      "--case <name|file>",
      "append each quote to this ACH case as unrated evidence: a case file, or a case name (its local copy in --cases, keeping the previous version in backups/; a bundled case gets a local copy first); quotes already in the case are skipped",
    )
    .option("--json", "print one JSON object: {documents: [...]}");
  addCasesOption(cmd)
    .addHelpText(
      "after",
      "\nEvery offset is a position in the document's main text (stored in the documents table).\nThe lexicon and the score are documented in docs/text.md.",
    )
    .action(lazy(() => import("./text-run.js"), "runText"));
}

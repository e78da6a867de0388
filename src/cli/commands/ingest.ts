import type { Command } from "commander";
import { lazy } from "../lazy.js";

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "Load dataset files into the store. Directories are walked; each file's format is detected from its first lines (a header, or GDELT's column layout).",
    )
    .argument("<paths...>", "files or directories")
    .option("--source <name>", "force a format (see `entente sources`)")
    .option("--json", "print one JSON object with every file's outcome")
    .option("--verbose", "list every skipped file (default: a summary by reason and extension)")
    .option(
      "--release <label>",
      "the release of the dataset these files are (default: the format's version); a new release replaces the old one's rows",
    )
    .option("--dataset <name>", "the dataset the files belong to (default: the format's name)")
    .addHelpText(
      "after",
      `
Each file loads in one transaction: a failed file leaves the store unchanged. A file already
loaded (same sha256) is reported "unchanged". Every line is loaded, rejected (with line number
and reason) or counted as a duplicate of a record already stored. Exit code 2 when a file failed.
Files in no known format are skipped and summarised by reason and extension (--verbose: each).

A file of another release of its dataset than the one loaded (--release, or a GDELT file of a
period loaded before with other content) replaces that release's rows, and the change is
reported by natural key: rows added, removed, changed. The old rows stay archived until
\`entente prune\`; \`entente restore DATASET RELEASE\` brings them back.`,
    )
    .action(lazy(() => import("./ingest-run.js"), "runIngest"));
}

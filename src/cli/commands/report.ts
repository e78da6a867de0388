import type { Command } from "commander";
import { addCasesOption } from "../case-option.js";
import { lazy } from "../lazy.js";

export function registerReport(program: Command): void {
  const cmd = program
    .command("report")
    .description(
      "Write a brief on a pair of states: summary sentences from the numbers, charts, values, the competing hypotheses of a case, and sources (self-contained HTML, or Markdown with SVG charts)",
    )
    .argument("<A>", "first state: COW code, ISO code or name")
    .argument("<B>", "second state")
    .option(
      "--case <name|file>",
      "an ACH case to assess in the report: a file, or a name (its local copy in --cases, else the bundled case, e.g. russia-china)",
    )
    .option(
      "--from <YYYY>",
      "first year, 1816–2100 (default: the case's period with --case, else 30 years before --to)",
    )
    .option(
      "--to <YYYY>",
      "last year (default: the case's period with --case, else the last year of the loaded data)",
    )
    .option(
      "--out <file>",
      "report-<a>-<b>.html, or a .md file (charts beside it), in an existing folder",
    )
    .option("--json", "print a JSON summary of what was written");
  addCasesOption(cmd).action(lazy(() => import("./report-run.js"), "runReport"));
}

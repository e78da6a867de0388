import type { Command } from "commander";
import { lazy } from "../lazy.js";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description(
      "Write a brief on a pair of states: summary sentences from the numbers, charts, values, the competing hypotheses of a case, and sources (self-contained HTML, or Markdown with SVG charts)",
    )
    .argument("<A>", "first state: COW code, ISO code or name")
    .argument("<B>", "second state")
    .option("--case <name|file>", "an ACH case to assess in the report (e.g. russia-china)")
    .option("--from <YYYY>", "first year (default: 30 years before --to)")
    .option("--to <YYYY>", "last year (default: last year of the loaded data)")
    .option("--out <file>", "report-<a>-<b>.html, or a .md file (charts beside it)")
    .option("--json", "print a JSON summary of what was written")
    .action(lazy(() => import("./report-run.js"), "runReport"));
}

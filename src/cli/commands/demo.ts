import type { Command } from "commander";
import { lazy } from "../lazy.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "Load the data (--data DIR, or what the store holds), assess the bundled Russia–China case and write its report",
    )
    .option("--data <dir>", "a folder of datasets to load first (e.g. ../shared/data)")
    .option("--out <file>", "the report (.html or .md)", "report-rus-chn.html")
    .option("--json", "print one JSON object instead of the summary")
    .option("--yes", "with no data and no --data: download the core datasets without asking")
    .action(lazy(() => import("./demo-run.js"), "runDemo"));
}

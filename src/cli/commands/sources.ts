import type { Command } from "commander";
import { lazy } from "../lazy.js";

export function registerSources(program: Command): void {
  program
    .command("sources")
    .description(
      "List every supported dataset format with its citation and licence, and what the store holds",
    )
    .option("--json", "print one JSON object")
    .action(lazy(() => import("./sources-run.js"), "runSources"));
}

import type { Command } from "commander";
import { DEFAULT_HAZARD, DEFAULT_MIN_SEG, METHODS } from "../../trends/methods.js";
import { lazy } from "../lazy.js";

export function registerChangepoints(program: Command): void {
  program
    .command("changepoints")
    .description(
      "Change points, segments and their means for one numeric column of a CSV file (docs/trends.md)",
    )
    .argument("<file>", "CSV (or tab- or semicolon-separated) file with a header row")
    .requiredOption("--column <name>", "the column to analyse")
    .option("--time <name>", "column with the time of each row (labels the output)")
    .option("--method <method>", `${METHODS.join(", ")} (default pelt-linear)`)
    .option("--penalty <penalty>", "mbic (default), bic, aic, or a number (manual)")
    .option("--min-seg <n>", `shortest segment (default ${DEFAULT_MIN_SEG}; 2 for bocpd-*)`)
    .option("--level <p>", "credible level of the change-point intervals", "0.95")
    .option("--volume <name>", "bocpd-*: column with the source's volume per row (counts → rates)")
    .option(
      "--hazard <h>",
      `bocpd-*: prior probability of a change per row (default ${DEFAULT_HAZARD})`,
    )
    .option("--max-changes <n>", "binseg-*: most change points (default 5)")
    .option("--crops [min,max]", "pelt-*: also list the solutions over a penalty range (CROPS)")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nindex is the 0-based data row that starts a new segment; lower and upper bound it (95%\ncredible interval). Empty cells and NA, NaN, null, ., - are missing: skipped, counted on\nstderr, and indices still count them as rows.",
    )
    .action(lazy(() => import("./changepoints-run.js"), "runChangepoints"));
}

import type { Command } from "commander";
import { METHODS } from "../../trends/methods.js";
import { lazy } from "../lazy.js";

export function registerTrend(program: Command): void {
  program
    .command("trend")
    .description(
      "Is it changing? Per indicator of a dyad: change points with intervals, segment means, trend (docs/trends.md)",
    )
    .argument("<A>", "first state: COW code, ISO code or name")
    .argument("<B>", "second state")
    .option("--from <YYYY>", "first year (default: first year of the loaded data)")
    .option("--to <YYYY>", "last year (default: last year of the loaded data)")
    .option("--indicators <list>", "indicator or family names, comma-separated (as for dyad)")
    .option(
      "--method <method>",
      `for non-count indicators: ${METHODS.filter((m) => !m.startsWith("bocpd")).join(", ")} (default pelt-linear)`,
    )
    .option("--count-model <model>", "for event counts: negbin (default) or poisson")
    .option("--penalty <penalty>", "mbic (default), bic, aic, or a number (manual)")
    .option("--min-seg <n>", "shortest segment in years (default 5; 2 for event counts)")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nYears without a value are skipped (counted as missing). Event counts are divided by the\nsource's volume before the count model looks for changes.",
    )
    .action(lazy(() => import("./trend-run.js"), "runTrend"));
}

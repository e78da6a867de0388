import type { Command } from "commander";
import { addEventOptions } from "../event-options.js";
import { lazy } from "../lazy.js";
import { addUnVotesOption } from "../un-votes-option.js";

export function registerPanel(program: Command): void {
  const cmd = program
    .command("panel")
    .description(
      "Write a dyad-year (or dyad-period) panel, CSV or Parquet by extension: ccode1, ccode2, year or period, then indicators",
    )
    .option(
      "--dyads <list>",
      "all (every pair of COW system members each year), relevant (politically relevant: contiguous by land or river, or with a major power) or pairs: RUS-CHN,USA-JPN",
      "all",
    )
    .option("--from <YYYY>", "first year, 1816–2100 (default: first year of the loaded data)")
    .option("--to <YYYY>", "last year (default: last year of the loaded data)")
    .option("--indicators <list>", "indicator or family names, comma-separated (default: all)")
    .option("--weights <list>", "composite weights, e.g. cooperation.un=2,dependence.arms=0")
    .option(
      "--intervals",
      "add the bootstrap interval columns (*_lo, *_hi) of the selected UN measures, arms dependence and composites (500 resamples per dyad-year: slow for all dyads)",
    )
    .option("--directed", "both orders of each pair (default: ccode1 < ccode2 for all dyads)")
    .requiredOption("--out <file>", "output file, .csv or .parquet")
    .option("--json", "print a JSON summary instead of a line of text");
  addUnVotesOption(addEventOptions(cmd))
    .addHelpText(
      "after",
      "\nIndicators are added to the universe with left joins: the row count never depends on the indicators.\nNull is an empty CSV cell or a Parquet null.",
    )
    .action(lazy(() => import("./panel-run.js"), "runPanel"));
}

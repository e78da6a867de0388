import type { Command } from "commander";
import { BLOC_MEASURES, DEFAULT_SEEDS } from "../../blocs/defaults.js";
import { lazy } from "../lazy.js";

export function registerBlocs(program: Command): void {
  program
    .command("blocs")
    .description(
      "Voting blocs: communities in the network of all states in a year (consensus of seeded Louvain runs), or bloc membership over a range of years",
    )
    .option("--year <YYYY>", "one year (default: the last year the measure covers)")
    .option("--from <YYYY>", "first year of a timeline (with --to): ids follow blocs across years")
    .option("--to <YYYY>", "last year of a timeline")
    .option("--measure <name>", `similarity: ${BLOC_MEASURES.join(", ")}`, "kappa")
    .option("--resolution <R>", "modularity resolution γ; above 1 finds more, smaller blocs", "1")
    .option("--seeds <N>", "seeded Louvain runs behind the consensus", String(DEFAULT_SEEDS))
    .option("--seed <N>", "first seed (results depend only on the data and the seeds)", "1")
    .option("--sweep <FROM:TO:STEP>", "one year at several resolutions, e.g. 0.5:2:0.25")
    .option("--json", "print JSON")
    .option("--out <file>", ".csv: membership per state-year; .json: the JSON")
    .addHelpText(
      "after",
      "\nNegative similarities (below-chance agreement) are no tie. Stability is the mean share of the\nruns that put a state with each other member of its bloc. Ids are 1…k by size for one year; over\n--from/--to a bloc keeps its id while most members stay (Jaccard ≥ 0.3). See docs/blocs.md.",
    )
    .action(lazy(() => import("./blocs-run.js"), "runBlocs"));
}

import type { Command } from "commander";
import { BLOC_MEASURES } from "../../blocs/defaults.js";
import { lazy } from "../lazy.js";

export function registerNeighbours(program: Command): void {
  program
    .command("neighbours")
    .description(
      "The states most aligned with A in a year, with the change of each pair over the previous decade",
    )
    .argument("<A>", "the state: COW code, ISO code or name")
    .option("--year <YYYY>", "the year (default: the last year the measure covers)")
    .option("--measure <name>", `similarity: ${BLOC_MEASURES.join(", ")}`, "kappa")
    .option("--top <N>", "how many neighbours", "20")
    .option("--json", "print JSON")
    .action(lazy(() => import("./neighbours-run.js"), "runNeighbours"));
}

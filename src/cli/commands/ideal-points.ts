import type { Command } from "commander";
import { ISSUES } from "../../sources/un-issues.js";
import { lazy } from "../lazy.js";

export function registerIdealPoints(program: Command): void {
  program
    .command("ideal-points")
    .description(
      "UN General Assembly ideal points per state and session (Bailey, Strezhnev & Voeten's dynamic ordinal model, fit by EM); fit once per set of vote files and stored",
    )
    .option("--from <YYYY>", "first session, by the year it opened (default: first loaded)")
    .option("--to <YYYY>", "last session, by the year it opened (default: last loaded)")
    .option("--issue <code>", `roll calls on one issue only: ${ISSUES.join(", ")}`)
    .option("--out <file>", "write a table, .csv or .parquet (default: CSV on stdout)")
    .option(
      "--scale <scale>",
      "fit: standardised over all state-sessions of the fit (comparable over time; default); session: re-standardised within each session",
      "fit",
    )
    .option("--seed <n>", "seed of the start-value perturbation (default 1)")
    .option("--refit", "fit again even when a stored fit matches")
    .option("--json", "print JSON (the fit and its points; with --out a summary)")
    .addHelpText(
      "after",
      "\nColumns: ccode, session, year (the year the session opened), ideal_point, se, votes, iso3, country.\nA fit of all sessions 1946–2015 takes a few minutes; it is stored in the store and reused by\nthis command and by the un_ideal indicators of dyad and panel until the vote files change.\nModel, choices and references: docs/ideal-points.md.",
    )
    .action(lazy(() => import("./ideal-points-run.js"), "runIdealPoints"));
}

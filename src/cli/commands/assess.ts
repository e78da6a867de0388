import type { Command } from "commander";
import { RULES } from "../../assess/scoring.js";
import { addCasesOption } from "../case-option.js";
import { lazy } from "../lazy.js";

export function registerAssess(program: Command): void {
  const assessCmd = program
    .command("assess")
    .description(
      "Analysis of Competing Hypotheses: score a case file (or a bundled case by name) with Heuer, PARC and Bayes rules, with bound evidence evaluated on the store",
    )
    .argument(
      "<case>",
      "a case .yaml file, or a case name: its local copy in --cases, else the bundled case (russia-china)",
    )
    .option("--rule <rule>", `scoring rule: ${RULES.join(", ")} or all (comma-separated)`, "all")
    .option("--json", "print one JSON object");
  addCasesOption(assessCmd)
    .addHelpText(
      "after",
      "\nBound evidence is computed from the store (--store); with no data it is inapplicable and not scored.\nRules, diagnosticity and sensitivity: docs/assessment.md.",
    )
    .action(lazy(() => import("./assess-run.js"), "runAssess"));

  const kase = program.command("case").description("ACH case files");
  const validate = kase
    .command("validate")
    .description("check a case file against the schema (docs/case-schema.json) and itself")
    .argument("<file>", "a case .yaml file, or a case name (local copy in --cases, else bundled)")
    .option("--json", "print one JSON object");
  addCasesOption(validate).action(lazy(() => import("./assess-run.js"), "runValidate"));
}

import type { Command } from "commander";
import { addEventOptions, cliQueryFields } from "../event-options.js";
import { DYAD_FORMATS, dyadFormat } from "../formats.js";
import type { GlobalOptions } from "../store-option.js";
import { addUnVotesOption } from "../un-votes-option.js";

export function registerDyad(program: Command): void {
  const cmd = program
    .command("dyad")
    .description(
      "Indicators for one pair of states, a row per year or period (A is the first state: shares and dependence are A's)",
    )
    .argument("<A>", "first state: COW code, ISO code or name")
    .argument("<B>", "second state")
    .option("--from <YYYY>", "first year, 1816–2100 (default: first year of the loaded data)")
    .option("--to <YYYY>", "last year (default: last year of the loaded data)")
    .option(
      "--indicators <list>",
      "indicator or family names, comma-separated: un, atop, cow, trade, arms, exercises, cinc, gdelt, icews, icews_dy, composite; un_ideal only when named (needs `entente ideal-points` first)",
    )
    .option(
      "--weights <list>",
      "composite weights, e.g. cooperation.un=2,dependence.arms=0 (docs/indicators.md#composites)",
    )
    .option("--format <format>", `output: ${DYAD_FORMATS.join(", ")}`, "table")
    .option("--directed", "event indicators count A → B only (default: both directions)")
    .option(
      "--intervals",
      "add the 95% bootstrap interval columns (*_lo, *_hi) to a table or CSV; JSON always has them",
    );
  addUnVotesOption(addEventOptions(cmd))
    .addHelpText(
      "after",
      "\nNull (no data for that year) shows as – in tables and is empty in CSV, null in JSON.\nEvent counts are 0 in a period the source covers without events between A and B, null in a\nperiod it does not cover.\nA historical code outside its years (SUN after 1991) is resolved with a note on stderr naming\nthe successor, or refused when its state had ended before every year asked (docs/crosswalk.md).",
    )
    .action(
      async (a: string, b: string, opts: Record<string, string | undefined>, cmd: Command) => {
        // Options are checked before the store is touched, as runDyad does; then the store
        // opens (on DuckDB's threads) while the modules of the run load.
        dyadFormat(opts.format);
        cliQueryFields(opts);
        const { openAhead } = await import("../store-option.js");
        const ahead = openAhead(cmd.optsWithGlobals<GlobalOptions>(), { readOnly: true });
        try {
          await (await import("./dyad-run.js")).runDyad(a, b, opts, cmd, ahead);
        } finally {
          await ahead.release();
        }
      },
    );
}

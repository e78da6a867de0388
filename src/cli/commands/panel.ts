import type { Command } from "commander";
import { BadInputError } from "../../core/errors.js";
import { panel, panelFormat, writePanel } from "../../frames/panel.js";
import { parseWeights } from "../../indicators/composite.js";
import { addEventOptions, parseEventFilter, parsePeriod } from "../event-options.js";
import { fmtInt, ProgressLine, writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { addUnVotesOption, parseUnVotes } from "../un-votes-option.js";
import { parseYearOption } from "./dyad.js";

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
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const out = String(opts.out);
      panelFormat(out);
      const from = parseYearOption(opts.from as string | undefined, "--from");
      const to = parseYearOption(opts.to as string | undefined, "--to");
      const period = parsePeriod(opts.period);
      const events = parseEventFilter(opts);
      const started = Date.now();
      // Progress goes to stderr, only on a terminal and never with --json.
      const progress = !opts.json && process.stderr.isTTY ? new ProgressLine() : null;
      const p = await withStore(global, { readOnly: true }, (store) =>
        panel(store, {
          dyads: String(opts.dyads),
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
          ...(opts.indicators ? { indicators: String(opts.indicators) } : {}),
          directed: opts.directed === true,
          period,
          ...(events ? { events } : {}),
          unVotes: parseUnVotes(opts.unVotes),
          weights: parseWeights(opts.weights as string | undefined),
          intervals: opts.intervals === true,
          ...(progress
            ? {
                onStep: (s: { family: string; index: number; of: number; rows: number }) =>
                  progress.update(
                    (secs) =>
                      `  ${fmtInt(s.rows)} dyad-${period}s: computing ${s.family} (${s.index + 1}/${s.of}), ${secs.toFixed(1)} s`,
                    true,
                  ),
              }
            : {}),
        }),
      );
      progress?.update(() => `  writing ${fmtInt(p.frame.length)} rows to ${out}`, true);
      if (p.frame.length === 0) {
        throw new BadInputError("empty_panel", "The panel has no rows", {
          hint: "Check --dyads, --from and --to",
        });
      }
      const format = await writePanel(p, out);
      progress?.clear();
      const summary = {
        out,
        format,
        rows: p.frame.length,
        columns: 3 + p.indicators.length + Object.keys(p.coverage).length,
        seconds: (Date.now() - started) / 1000,
      };
      if (opts.json) writeJson(summary);
      else
        process.stdout.write(
          `wrote ${fmtInt(summary.rows)} rows × ${summary.columns} columns to ${out} (${format}) in ${summary.seconds.toFixed(1)} s\n`,
        );
    });
}

import type { Command } from "commander";
import { csvLine } from "../../core/csv.js";
import { BadInputError } from "../../core/errors.js";
import { parseYear } from "../../core/years.js";
import { dyad } from "../../frames/dyad.js";
import { parseWeights } from "../../indicators/composite.js";
import { indicatorDef } from "../../indicators/registry.js";
import { addEventOptions, parseEventFilter, parsePeriod } from "../event-options.js";
import { writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { fmtCell, renderTable } from "../table.js";
import { addUnVotesOption, parseUnVotes } from "../un-votes-option.js";

export const DYAD_FORMATS = ["table", "json", "csv"] as const;

/** `--from`/`--to`: a year in the range every command and the API accept (core/years.ts). */
export function parseYearOption(v: string | undefined, name: string): number | undefined {
  return v === undefined ? undefined : parseYear(v, name);
}

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
        const format = opts.format as (typeof DYAD_FORMATS)[number];
        if (!(DYAD_FORMATS as readonly string[]).includes(format)) {
          throw new BadInputError("bad_format", `Unknown format "${format}"`, {
            hint: `Use ${DYAD_FORMATS.join(", ")}`,
          });
        }
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const from = parseYearOption(opts.from, "--from");
        const to = parseYearOption(opts.to, "--to");
        const period = parsePeriod(opts.period);
        const events = parseEventFilter(opts);
        const result = await withStore(global, { readOnly: true }, (store) =>
          dyad(store, a, b, {
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
            ...(opts.indicators ? { indicators: opts.indicators } : {}),
            weights: parseWeights(opts.weights),
            period,
            directed: (opts as Record<string, unknown>).directed === true,
            ...(events ? { events } : {}),
            unVotes: parseUnVotes(opts.unVotes),
            // JSON (and the API) carry the intervals and the trends block; a table or CSV shows
            // the values, with intervals on request, and has no place for the trends.
            intervals: format === "json" || (opts as Record<string, unknown>).intervals === true,
            trends: format === "json",
          }),
        );
        // On stderr, so that piped tables, CSV and JSON stay data; JSON also carries them.
        for (const n of result.notes) process.stderr.write(`entente: note: ${n}\n`);
        if (format === "json") {
          writeJson(result);
          return;
        }
        const key = period === "year" ? "year" : "period";
        const keys = result.rows.length
          ? Object.keys(result.rows[0] as object).filter((k) => k !== key)
          : [];
        if (format === "csv") {
          const lines = [[key, ...keys].join(",")];
          for (const r of result.rows) {
            lines.push(csvLine([r[key], ...keys.map((k) => r[k])]));
          }
          process.stdout.write(`${lines.join("\n")}\n`);
          return;
        }
        const columns = keys.map((k) => ({
          group: indicatorDef(k.replace(/_coverage$/, ""))?.family ?? "",
          name: k,
          cells: result.rows.map((r) => fmtCell(r[k])),
        }));
        const { a: sa, b: sb } = result.dyad;
        process.stdout.write(
          `${sa.name} (${sa.iso3 ?? sa.ccode}) ${result.dyad.directed ? "→" : "–"} ${sb.name} (${sb.iso3 ?? sb.ccode}); a = ${sa.name}, b = ${sb.name}\n\n`,
        );
        const width = process.stdout.columns ?? 120;
        process.stdout.write(
          renderTable(
            result.rows.map((r) => String(r[key])),
            key,
            columns,
            width,
          ),
        );
      },
    );
}

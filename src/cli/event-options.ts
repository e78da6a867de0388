import type { Command } from "commander";
import { BadInputError } from "../core/errors.js";
import { PERIOD_KINDS, type PeriodKind } from "../frames/frame.js";
import type { QueryFields } from "../frames/query-options.js";
import { parseYearOption } from "./parse-options.js";
import { parseUnVotes } from "./un-votes-option.js";

/** `--period` and the GDELT event filters, shared by `dyad` and `panel`. */
export function addEventOptions(cmd: Command): Command {
  return cmd
    .option(
      "--period <unit>",
      `rows per ${PERIOD_KINDS.join(" | ")}; quarter and month rows carry event indicators only, keyed by period (2016-Q2, 2016-05)`,
      "year",
    )
    .option("--root-only", "GDELT: count only root events (IsRootEvent = 1)")
    .option("--min-sources <n>", "GDELT: count only events reported by at least n sources")
    .option("--min-articles <n>", "GDELT: count only events reported in at least n articles");
}

function positiveInt(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d+$/.test(s)) {
    throw new BadInputError("bad_option", `${name} ${s} is not a whole number`, {
      hint: `Write ${name} 2, for example`,
    });
  }
  return Number(s);
}

export function parsePeriod(v: unknown): PeriodKind {
  const s = String(v ?? "year");
  if (!(PERIOD_KINDS as readonly string[]).includes(s)) {
    throw new BadInputError("bad_period", `Unknown period "${s}"`, {
      hint: `Use --period ${PERIOD_KINDS.join(", --period ")}`,
    });
  }
  return s as PeriodKind;
}

/**
 * The flags `dyad` and `panel` share, read into the frames' query fields (checked here with the
 * flag names in errors); `frames/query-options.ts` builds the options from them, as for the API.
 */
export function cliQueryFields(opts: Record<string, unknown>): QueryFields {
  const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  return {
    from: parseYearOption(text(opts.from), "--from"),
    to: parseYearOption(text(opts.to), "--to"),
    indicators: text(opts.indicators) || undefined,
    weights: text(opts.weights),
    period: parsePeriod(opts.period),
    directed: opts.directed === true,
    rootOnly: opts.rootOnly === true,
    minSources: positiveInt(opts.minSources, "--min-sources"),
    minArticles: positiveInt(opts.minArticles, "--min-articles"),
    unVotes: parseUnVotes(opts.unVotes),
  };
}

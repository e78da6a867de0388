import type { Command } from "commander";
import { BadInputError } from "../core/errors.js";
import { UN_VOTE_SOURCES, type UnVoteSource } from "../indicators/indicator.js";

/** `--un-votes auto|voeten|undl`, shared by `dyad` and `panel`. */
export function addUnVotesOption(cmd: Command): Command {
  return cmd.option(
    "--un-votes <source>",
    "UN votes: auto (Voeten's roll calls to their last day, then the UN Digital Library's), voeten or undl only",
    "auto",
  );
}

export function parseUnVotes(v: unknown): UnVoteSource {
  const s = String(v ?? "auto");
  if (!(UN_VOTE_SOURCES as readonly string[]).includes(s)) {
    throw new BadInputError("bad_option", `--un-votes ${s} is not a UN vote source`, {
      hint: `Use --un-votes ${UN_VOTE_SOURCES.join(", --un-votes ")}`,
    });
  }
  return s as UnVoteSource;
}

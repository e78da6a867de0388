import type { Command } from "commander";
import { SYNC_SOURCE_NAMES } from "../../sync/source-names.js";
import { lazy } from "../lazy.js";

export function registerSync(program: Command): void {
  program
    .command("sync")
    .description(
      "Download datasets from their official homes (or ENTENTE_MIRROR), verify them, and load them; resumable, with a cache",
    )
    .argument(
      "[sources...]",
      `sources (default: the core set, not event data): ${SYNC_SOURCE_NAMES.join(", ")}`,
    )
    .option("--from <date>", "GDELT: first file time (YYYY-MM-DD[THH:MM] UTC or YYYYMMDDHHMMSS)")
    .option("--to <date>", "GDELT: last file time (a date alone: the whole day)")
    .option(
      "--cache <dir>",
      "download cache (default: $XDG_CACHE_HOME/entente or ~/.cache/entente)",
    )
    .option("--yes", "do not ask before downloading")
    .option(
      "--retries <n>",
      "attempts after the first for a failing file (default 4, with backoff)",
    )
    .option(
      "--pairs <list>",
      "bilateral sources (imf-imts): these pairs of states only, e.g. RUS-CHN,USA-CHN (default: every reporter and partner, annual)",
    )
    .option("--monthly", "imf-imts without --pairs: monthly data too (with --pairs it always is)")
    .option("--dry-run", "list the files and sizes; download nothing")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nENTENTE_MIRROR=http://HOST:PORT (or file:///DIR) replaces the scheme and host of every official URL and keeps its path.\nPartial downloads are resumed on the next run; a file whose size or MD5 does not match what the source publishes is never loaded.",
    )
    .action(lazy(() => import("./sync-run.js"), "syncCommand"));
}

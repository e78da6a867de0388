import type { Command } from "commander";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../server/defaults.js";
import { lazy } from "../lazy.js";

export const DEFAULT_CASES_DIR = "./entente-cases";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "Serve the HTTP API (and a web app with --web) over the store, read-only; cases are saved in --cases",
    )
    .option(
      "--host <address>",
      "address to listen on (other than loopback needs a token)",
      DEFAULT_HOST,
    )
    .option("--port <n>", "port (0: any free port)", String(DEFAULT_PORT))
    .option("--token <token>", "require Authorization: Bearer <token> (default: $ENTENTE_TOKEN)")
    .option("--read-only", "refuse case edits (PUT answers 403)")
    .option(
      "--cases <dir>",
      "where cases are saved and read before the bundled ones",
      DEFAULT_CASES_DIR,
    )
    .option("--web <dir>", "a built web app to serve at / (default: the dashboard, web/dist)")
    .option("--no-web", "serve the API only")
    .option("--no-cache", "compute every answer afresh (default: cache them in memory)")
    .addHelpText(
      "after",
      "\nPrints the URL, then serves until interrupted (Ctrl-C, SIGTERM). Routes: GET /api/openapi.json; docs/api.md.\nPrefer ENTENTE_TOKEN to --token: a command line is visible to other users of the machine.",
    )
    .action(lazy(() => import("./serve-run.js"), "runServe"));
}

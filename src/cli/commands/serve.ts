import type { Command } from "commander";
import { DEFAULT_CASES_DIR } from "../../assess/cases-dir.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../server/defaults.js";
import { lazy } from "../lazy.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "Serve the dashboard and the HTTP API over the store, read-only (--no-web: the API only); cases are saved in --cases",
    )
    .option(
      "--host <address>",
      "address to listen on (other than loopback needs a token)",
      DEFAULT_HOST,
    )
    .option("--port <n>", "port (0: any free port)", String(DEFAULT_PORT))
    .option(
      "--token <token>",
      "require Authorization: Bearer <token>, 16+ printable characters, no spaces (default: $ENTENTE_TOKEN)",
    )
    .option("--read-only", "refuse case edits (PUT answers 403)")
    .option(
      "--cases <dir>",
      "where cases are saved and read before the bundled ones",
      DEFAULT_CASES_DIR,
    )
    .option("--web <dir>", "another built web app to serve at / (default: the dashboard, web/dist)")
    .option("--no-web", "serve the API only")
    .option("--no-cache", "compute every answer afresh (default: cache them in memory)")
    .addHelpText(
      "after",
      "\nPrints the link to open, one a line: with a token it ends in #token=… (the dashboard takes the\ntoken from there); with --host 0.0.0.0, one link per address of this machine. Serves until\ninterrupted (Ctrl-C, SIGTERM). Routes: GET /api/openapi.json; docs/api.md.\nA token is at least 16 printable characters without spaces. Prefer ENTENTE_TOKEN to --token:\na command line is visible to other users of the machine.",
    )
    .action(lazy(() => import("./serve-run.js"), "runServe"));
}

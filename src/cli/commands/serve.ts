import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { DEFAULT_CASES_DIR } from "../../assess/case-location.js";
import { BadInputError } from "../../core/errors.js";
import { DEFAULT_HOST, DEFAULT_PORT, serverLinks, startServer } from "../../server/serve.js";
import { storeLocation } from "../../store/open.js";
import { stopWithNpmExec } from "../parent-watch.js";
import type { GlobalOptions } from "../store-option.js";

/** The built dashboard in the package (npm run build:web writes it). */
const DASHBOARD_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

function parsePort(v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) {
    throw new BadInputError("bad_port", `--port ${v} is not a port number`, {
      hint: "Use a whole number from 1 to 65535 (0: any free port)",
    });
  }
  return Number(v);
}

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
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const token =
        typeof opts.token === "string" ? opts.token : process.env.ENTENTE_TOKEN || undefined;
      const server = await startServer({
        host: String(opts.host),
        port: parsePort(String(opts.port)),
        storePath: storeLocation(global.store),
        casesDir: String(opts.cases),
        readOnly: opts.readOnly === true,
        cache: opts.cache !== false,
        ...(token ? { token } : {}),
        ...(opts.web === false
          ? {}
          : { webDir: typeof opts.web === "string" ? opts.web : DASHBOARD_DIR }),
      });
      // The links to open, one a line on stdout (the token in the fragment: the dashboard reads
      // it there); what is served, on stderr.
      const links = serverLinks(server.urls, token);
      process.stdout.write(`${links.join("\n")}\n`);
      process.stderr.write(
        `entente: serving ${storeLocation(global.store)} (read-only) at ${server.url}; cases in ${String(opts.cases)}${opts.readOnly === true ? " (edits refused)" : ""}${token ? "; bearer token required: open the link above (it ends in #token=…), or send Authorization: Bearer <token>" : ""}. Ctrl-C stops.\n`,
      );
      await new Promise<void>((done) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          unwatch();
          void server.close().then(done, done);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
        const unwatch = stopWithNpmExec(stop);
      });
    });
}

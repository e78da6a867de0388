import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { BadInputError } from "../../core/errors.js";
import { serverLinks, startServer } from "../../server/serve.js";
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

export const runServe = async (
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
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
};

import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { isEntenteError } from "../core/errors.js";
import { registerAssess } from "./commands/assess.js";
import { registerBlocs } from "./commands/blocs.js";
import { registerChangepoints } from "./commands/changepoints.js";
import { registerDemo } from "./commands/demo.js";
import { registerDyad } from "./commands/dyad.js";
import { registerIdealPoints } from "./commands/ideal-points.js";
import { registerIngest } from "./commands/ingest.js";
import { registerNeighbours } from "./commands/neighbours.js";
import { registerPanel } from "./commands/panel.js";
import { registerReport } from "./commands/report.js";
import { registerServe } from "./commands/serve.js";
import { registerSources } from "./commands/sources.js";
import { registerSync } from "./commands/sync.js";
import { registerText } from "./commands/text.js";
import { registerTrend } from "./commands/trend.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command("entente")
    .description(
      "Measure whether two states are becoming allies, in which domains, and who depends on whom — from open data, every number traceable to its source.",
    )
    .version(version())
    .option(
      "--store <path|url>",
      "store: a DuckDB file, or clickhouse://HOST:PORT/DATABASE[?cluster=NAME] (user/password from $ENTENTE_CLICKHOUSE_USER/_PASSWORD); default $ENTENTE_STORE or ./entente.duckdb",
    )
    .showHelpAfterError()
    .exitOverride();
  registerIngest(program);
  registerSources(program);
  registerDyad(program);
  registerPanel(program);
  registerIdealPoints(program);
  registerAssess(program);
  registerReport(program);
  registerDemo(program);
  registerServe(program);
  registerText(program);
  registerSync(program);
  registerTrend(program);
  registerChangepoints(program);
  registerBlocs(program);
  registerNeighbours(program);
  return program;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isEntenteError(e)) {
      process.stderr.write(`entente: ${e.toCliLine()}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

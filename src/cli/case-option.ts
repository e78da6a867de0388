import type { Command } from "commander";
import { DEFAULT_CASES_DIR } from "../assess/cases-dir.js";

/**
 * `--cases DIR` for every command that takes a case name, so that a name means the same file
 * for `assess`, `report`, `text` and `serve`: the local copy in DIR, else the bundled case.
 */
export function addCasesOption(cmd: Command): Command {
  return cmd.option(
    "--cases <dir>",
    "where local cases are saved and read before the bundled ones (as `entente serve --cases`)",
    DEFAULT_CASES_DIR,
  );
}

import type { Command } from "commander";
import { fmtInt, writeJson } from "../output.js";
import type { GlobalOptions } from "../store-option.js";

// The store (and DuckDB with it) is imported when a command runs, not when it is registered:
// every command, `--help` included, would load it otherwise.
const storeOption = () => import("../store-option.js");

/** `entente prune` and `entente restore`: the archived releases of datasets (src/store/releases.ts). */
export function registerReleases(program: Command): void {
  program
    .command("prune")
    .description(
      "Delete for good the rows of dataset releases that newer releases replaced (kept archived until now)",
    )
    .option("--dataset <name>", "only this dataset's archived releases")
    .option("--json", "print one JSON object")
    .action(async (opts: { dataset?: string; json?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const { withStore } = await storeOption();
      const r = await withStore(global, { readOnly: false }, (store) =>
        store.pruneReleases(opts.dataset),
      );
      if (opts.json) {
        writeJson(r);
        return;
      }
      for (const x of r.releases) {
        process.stdout.write(`pruned    ${x.dataset} ${x.release} (${x.table})\n`);
      }
      process.stdout.write(
        `${r.files} archived file${r.files === 1 ? "" : "s"} and ${fmtInt(r.rows)} archived rows deleted\n`,
      );
    });
  program
    .command("restore")
    .description(
      "Make an archived release of a dataset active again; the release in use is archived in its place",
    )
    .argument("<dataset>", "the dataset, as `entente sources` lists it")
    .argument("<release>", "the archived release to bring back")
    .option("--json", "print one JSON object")
    .action(async (dataset: string, release: string, opts: { json?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const { withStore } = await storeOption();
      const r = await withStore(global, { readOnly: false }, (store) =>
        store.restoreRelease(dataset, release),
      );
      if (opts.json) {
        writeJson(r);
        return;
      }
      process.stdout.write(
        `restored  ${r.dataset} ${r.release}: ${fmtInt(r.rows)} rows back in use${r.archived.length ? `; archived ${r.archived.join(", ")}` : ""}\n`,
      );
    });
}

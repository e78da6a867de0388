import type { Command } from "commander";
import { describeSources } from "../../sources/describe.js";
import { storeLocation, storeMayExist } from "../../store/open.js";
import { fmtInt, writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";

export const runSources = async (opts: { json?: boolean }, cmd: Command) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const location = storeLocation(global.store);
  const result = storeMayExist(location)
    ? await withStore(global, { readOnly: true }, (store) => describeSources(store))
    : await describeSources(null);
  if (opts.json) {
    writeJson(result);
    return;
  }
  for (const s of result.sources) {
    const l = s.loaded;
    const loaded = l.files
      ? `${fmtInt(l.rows)} rows from ${l.files} file${l.files === 1 ? "" : "s"}${l.from === null ? "" : `, ${l.from}–${l.to}`}`
      : "not loaded";
    process.stdout.write(`${s.name.padEnd(22)} ${s.title} (v${s.version}) — ${loaded}\n`);
    process.stdout.write(
      `${"".padEnd(22)} ${s.citation}\n${"".padEnd(22)} ${s.homepage} · ${s.license}\n`,
    );
  }
  if (result.releases.length) {
    process.stdout.write(
      "\nReleases in the store (a newer release of a dataset replaces the older one):\n",
    );
    for (const d of result.releases) {
      const old = d.archived.length
        ? `; archived until \`entente prune\`: ${d.archived.map((a) => `${a.release} (${a.files} file${a.files === 1 ? "" : "s"})`).join(", ")}`
        : "";
      process.stdout.write(
        `${d.dataset.padEnd(22)} ${d.table}: ${d.active === null ? "no active release" : `${d.active} (${d.files} file${d.files === 1 ? "" : "s"})`}${old}\n`,
      );
    }
  }
};

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { ruleLeader } from "../../assess/assess.js";
import { BUNDLED_CASES, loadCase } from "../../assess/case-file.js";
import { RULES } from "../../assess/scoring.js";
import { BadInputError } from "../../core/errors.js";
import { loadedYearRange } from "../../frames/coverage.js";
import { ingest } from "../../ingest/index.js";
import { buildReport } from "../../report/model.js";
import { checkReportPath, writeReport } from "../../report/write.js";
import { storeLocation, storeMayExist } from "../../store/open.js";
import { defaultCacheDir } from "../../sync/download.js";
import type { SyncPlan } from "../../sync/sync.js";
import { fmtInt, writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { planAndConfirm, type SyncRun, syncWithProgress } from "./sync-run.js";

const CASE = "russia-china";

/** Whether the store exists and holds some data (opened read-only, so a running server is fine). */
async function storeHasData(global: GlobalOptions, location: string): Promise<boolean> {
  if (!storeMayExist(location)) return false;
  return withStore(
    global,
    { readOnly: true },
    async (store) => (await loadedYearRange(store)) !== null,
  ).catch(() => false);
}

export const runDemo = async (
  opts: { data?: string; out: string; json?: boolean; yes?: boolean },
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  checkReportPath(opts.out);
  const location = storeLocation(global.store);
  const say = (s: string) => {
    if (!opts.json) process.stdout.write(`${s}\n`);
  };
  // No --data and nothing loaded: offer to download the core datasets (entente sync).
  const needSync = !opts.data && !(await storeHasData(global, location));
  // The core datasets, and for bilateral sources (IMF IMTS) the case's pair only.
  const syncRun: SyncRun = {
    sources: [],
    from: null,
    to: null,
    cacheDir: defaultCacheDir(),
    yes: opts.yes === true,
    quiet: opts.json === true,
    pairs: [["RUS", "CHN"]],
  };
  let plan: SyncPlan | null = null;
  if (needSync) {
    try {
      plan = await planAndConfirm(syncRun);
    } catch (e) {
      if (!(e instanceof BadInputError) || e.code !== "needs_confirmation") throw e;
      throw new BadInputError(
        "no_data",
        `demo needs data: there is no --data folder and no data in ${location}; ${e.message.replace(/^entente sync: /, "it can download the core datasets: ")}`,
        {
          hint: "Run it on a terminal to be asked, add --yes, or give npx entente demo --data <folder>",
        },
      );
    }
    if (!plan) {
      throw new BadInputError("no_data", "demo needs data and none was downloaded", {
        hint: "Run npx entente demo --data <folder of datasets>, or npx entente sync",
      });
    }
  }
  const started = Date.now();
  let loaded: { files: number; rows: number; failed: number } | null = null;
  const result = await withStore(global, { readOnly: !opts.data && !needSync }, async (store) => {
    if (plan) {
      say(`no data in ${location} and no --data: downloading the core datasets (entente sync)`);
      await syncWithProgress(store, syncRun, plan);
    }
    if (opts.data) {
      if (!existsSync(opts.data)) {
        throw new BadInputError("no_data", `No folder ${opts.data}`, {
          hint: "Give the folder holding the datasets, e.g. --data ../shared/data",
        });
      }
      say(`loading ${opts.data} into ${location} …`);
      const r = await ingest(store, [opts.data]);
      loaded = {
        files: r.files.filter((f) => f.status === "loaded" || f.status === "unchanged").length,
        rows: r.files.reduce((n, f) => n + f.rows_loaded, 0),
        failed: r.files.filter((f) => f.status === "failed").length,
      };
      say(
        `  ${loaded.files} files in the store (${fmtInt(loaded.rows)} new rows)${loaded.failed ? `, ${loaded.failed} failed: see \`entente ingest\`` : ""}`,
      );
    }
    const years = await loadedYearRange(store);
    if (!years) {
      throw new BadInputError("no_data", `The store ${location} holds no data`, {
        hint: "Run npx entente demo --data <folder of datasets>",
      });
    }
    // The bundled case itself, as documented, even where a local copy shadows it; to the
    // last year loaded when the data go past the case's period (issue 20: the demo is a
    // report to the present), which the report then notes under its title.
    const kase = join(BUNDLED_CASES, CASE, "case.yaml");
    const caseTo = (await loadCase(kase)).period?.to ?? years.to;
    return buildReport(store, "RUS", "CHN", {
      caseRef: kase,
      ...(years.to > caseTo ? { to: years.to } : {}),
    });
  });
  const files = await writeReport(result, opts.out);
  const a = result.assessment;
  const leaders = a
    ? Object.fromEntries(RULES.flatMap((r) => (a.rules[r] ? [[r, ruleLeader(a.rules[r])]] : [])))
    : {};
  if (opts.json) {
    writeJson({
      report: opts.out,
      files,
      loaded,
      sentences: result.sentences.map((s) => s.text),
      leaders,
      seconds: (Date.now() - started) / 1000,
    });
    return;
  }
  say("");
  say(`${result.title}`);
  if (result.question) say(result.question);
  say("");
  for (const s of result.sentences.slice(0, 6)) say(`• ${s.text}`);
  if (a) {
    say("");
    const label = (id: string) => a.hypotheses.find((h) => h.id === id)?.label ?? id;
    for (const [rule, lead] of Object.entries(leaders)) {
      say(
        `${rule.padEnd(6)} ${lead.includes(" = ") ? `tie: ${lead}` : `${lead} — ${label(lead)}`}`,
      );
    }
    const bound = a.evidence.filter((e) => e.binding);
    say(
      `(${a.evidence.length} evidence items, ${bound.filter((e) => e.binding?.applied !== "none").length} of ${bound.length} bound to data evaluated; ${a.sensitivity.length === 1 ? "1 single change would" : `${a.sensitivity.length} single changes would`} move a leader)`,
    );
  }
  say("");
  say(`report: ${opts.out}`);
};

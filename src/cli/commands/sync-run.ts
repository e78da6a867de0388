import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { stateByCcode } from "../../core/crosswalk.js";
import { BadInputError } from "../../core/errors.js";
import { parseDyads } from "../../frames/panel.js";
import type { Store } from "../../store/store.js";
import { defaultCacheDir } from "../../sync/download.js";
import { planSync, runSync, type SyncPlan, type SyncResult } from "../../sync/sync.js";
import { fmtInt, isInteractive, ProgressLine, writeJson } from "../output.js";
import { changeLines } from "../release-report.js";
import { type GlobalOptions, withStore } from "../store-option.js";

/** `2019-10-24`, `2019-10-24T14:30`, `20191024143000`; a date alone as `--to` is the whole day. */
export function parseWhen(text: string | undefined, option: string, end: boolean): Date | null {
  if (text === undefined) return null;
  const t = text.trim();
  const n = (m: RegExpExecArray, i: number, dflt = 0): number =>
    m[i] === undefined ? dflt : Number(m[i]);
  let m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (m) return new Date(Date.UTC(n(m, 1), n(m, 2) - 1, n(m, 3), n(m, 4), n(m, 5), n(m, 6)));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?Z?$/.exec(t);
  if (m) {
    const [y, mo, d] = [n(m, 1), n(m, 2) - 1, n(m, 3)];
    if (m[4] === undefined) {
      return end ? new Date(Date.UTC(y, mo, d, 23, 59, 59)) : new Date(Date.UTC(y, mo, d));
    }
    return new Date(Date.UTC(y, mo, d, n(m, 4), n(m, 5), n(m, 6)));
  }
  throw new BadInputError("bad_option", `${option} ${text} is not a date`, {
    hint: `Write ${option} as YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or GDELT's YYYYMMDDHHMMSS`,
  });
}

function parseRetries(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 20) {
    throw new BadInputError("bad_option", `--retries ${text} is not a whole number from 0 to 20`);
  }
  return n;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function describePlan(plan: SyncPlan): string {
  const { pending, cached } = plan;
  const known = pending - plan.unknownSize;
  const size =
    known === 0 && pending > 0
      ? "sizes not published"
      : `${mb(plan.bytes)}${plan.unknownSize ? ` + ${plan.unknownSize} file${plan.unknownSize === 1 ? "" : "s"} of unpublished size` : ""}`;
  return `${pending} file${pending === 1 ? "" : "s"} to download (${size})${cached ? `, ${cached} already in the cache` : ""}`;
}

/** Ask on a terminal; refuse without --yes when nobody can answer. */
export async function confirmDownload(plan: SyncPlan, yes: boolean): Promise<boolean> {
  if (yes || plan.pending === 0) return true;
  if (!process.stdin.isTTY || !isInteractive(process.stderr)) {
    throw new BadInputError("needs_confirmation", `entente sync: ${describePlan(plan)}`, {
      hint: "Run it on a terminal to be asked, or add --yes",
    });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const a = await rl.question(`Download ${describePlan(plan)}? [y/N] `);
    return /^y(es)?$/i.test(a.trim());
  } finally {
    rl.close();
  }
}

/**
 * `--pairs RUS-CHN,USA-CHN` as ISO alpha-3 pairs (the codes the IMF uses): states by any name or
 * code the crosswalk knows; a state without an ISO code is an error naming it.
 */
export function parsePairs(text: string | undefined): Array<[string, string]> | null {
  if (text === undefined) return null;
  return parseDyads(text).map((pair) => {
    const [a, b] = pair.map((c) => {
      const s = stateByCcode(c);
      if (!s?.iso3) {
        throw new BadInputError("bad_option", `--pairs: ${s?.name ?? c} has no ISO alpha-3 code`, {
          hint: "The IMF reports by ISO alpha-3 code; give states that have one",
        });
      }
      return s.iso3;
    }) as [string, string];
    return [a, b];
  });
}

export interface SyncRun {
  readonly sources: readonly string[];
  readonly from: Date | null;
  readonly to: Date | null;
  readonly cacheDir: string;
  readonly yes: boolean;
  readonly quiet: boolean;
  /** Attempts after the first for each file (default 4). */
  readonly retries?: number;
  /** Bilateral sources (IMF IMTS): these pairs only; null: all. */
  readonly pairs?: ReadonlyArray<readonly [string, string]> | null;
  readonly monthly?: boolean;
}

/** Plan, confirm, download with a progress line, ingest. Shared by `sync` and `demo`. */
/** Plan and ask (before any store is opened); null when the user declines. */
export async function planAndConfirm(run: SyncRun): Promise<SyncPlan | null> {
  const plan = await planSync({ ...run, mirror: process.env.ENTENTE_MIRROR });
  if (!run.quiet) {
    for (const m of plan.manual) process.stdout.write(`manual    ${m.source}: ${m.instructions}\n`);
    for (const u of plan.unavailable) process.stdout.write(`unavailable ${u.source}: ${u.error}\n`);
    process.stdout.write(`${describePlan(plan)}\n`);
  }
  if (!(await confirmDownload(plan, run.yes))) {
    if (!run.quiet) process.stdout.write("nothing downloaded\n");
    return null;
  }
  return plan;
}

/** Download a confirmed plan with a progress line, then ingest. Shared by `sync` and `demo`. */
export async function syncWithProgress(
  store: Store,
  run: SyncRun,
  plan: SyncPlan,
): Promise<SyncResult> {
  const say = (s: string) => {
    if (!run.quiet) process.stdout.write(`${s}\n`);
  };
  const mirror = process.env.ENTENTE_MIRROR;
  const progress = !run.quiet && isInteractive(process.stderr) ? new ProgressLine() : null;
  const total = plan.files.length;
  let done = 0;
  let bytes = 0;
  const result = await runSync(store, plan, {
    ...run,
    mirror,
    onEvent: (e) => {
      if (e.kind === "bytes") bytes += e.bytes;
      if (e.kind === "done" || e.kind === "failed") done++;
      if (e.kind === "failed") {
        progress?.clear();
        say(`failed    ${e.file.url}: ${e.error}`);
      }
      progress?.update(
        (s) => `${done}/${total} files, ${mb(bytes)}, ${mb(bytes / Math.max(s, 0.001))}/s`,
        e.kind === "done",
      );
    },
    onFile: (r) => {
      progress?.clear();
      say(
        `${r.status.padEnd(9)} ${r.source ?? "-"} ${fmtInt(r.rows_loaded)} rows  ${r.path}${r.error ? `: ${r.error}` : ""}`,
      );
      if (r.release_change) for (const l of changeLines(r.release_change)) say(l);
    },
  });
  progress?.clear();
  const failed = result.downloads.filter((d) => d.status === "failed").length;
  const fresh = result.downloads.filter((d) => d.status === "downloaded").length;
  say(
    `${fresh} downloaded, ${result.downloads.length - fresh - failed} from the cache, ${failed} failed; ${result.ingested.filter((f) => f.status === "loaded").length} loaded`,
  );
  if (failed) say("run entente sync again to resume the failed files");
  return result;
}

export const syncCommand = async (
  sources: string[],
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const run: SyncRun = {
    sources,
    from: parseWhen(opts.from as string | undefined, "--from", false),
    to: parseWhen(opts.to as string | undefined, "--to", true),
    cacheDir: (opts.cache as string | undefined) ?? defaultCacheDir(),
    yes: opts.yes === true,
    quiet: opts.json === true,
    ...(opts.retries === undefined ? {} : { retries: parseRetries(String(opts.retries)) }),
    pairs: parsePairs(opts.pairs as string | undefined),
    monthly: opts.monthly === true,
  };
  if (opts.dryRun) {
    const plan = await planSync({ ...run, mirror: process.env.ENTENTE_MIRROR });
    if (opts.json) {
      writeJson({ plan });
      return;
    }
    for (const f of plan.files) {
      process.stdout.write(
        `${f.cached ? "cached " : "get    "} ${f.source.padEnd(14)} ${f.file.size === undefined ? "?" : fmtInt(f.file.size)} ${f.file.url}\n`,
      );
    }
    for (const m of plan.manual) process.stdout.write(`manual  ${m.source}: ${m.instructions}\n`);
    for (const u of plan.unavailable) process.stdout.write(`unavailable ${u.source}: ${u.error}\n`);
    process.stdout.write(`${describePlan(plan)}\n`);
    return;
  }
  const plan = await planAndConfirm(run);
  const result = plan
    ? await withStore(global, { readOnly: false }, (store) => syncWithProgress(store, run, plan))
    : null;
  if (opts.json) {
    writeJson(
      result
        ? {
            ok: result.ok,
            plan: result.plan,
            downloads: result.downloads.map((d) => ({
              url: d.file.url,
              path: d.file.path,
              status: d.status,
              bytes: d.bytes,
              ...(d.error ? { error: d.error } : {}),
            })),
            files: result.ingested,
          }
        : { ok: false, declined: true },
    );
  }
  if (result && !result.ok) process.exitCode = 1;
};

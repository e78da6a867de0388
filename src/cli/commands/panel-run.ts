import type { Command } from "commander";
import { panel, panelFormat, writePanel } from "../../frames/panel.js";
import { panelOptions } from "../../frames/query-options.js";
import { cliQueryFields } from "../event-options.js";
import { fmtInt, ProgressLine, writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";

export const runPanel = async (
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const out = String(opts.out);
  panelFormat(out);
  const fields = cliQueryFields(opts);
  const period = fields.period ?? "year";
  const started = Date.now();
  // Progress goes to stderr, only on a terminal and never with --json.
  const progress = !opts.json && process.stderr.isTTY ? new ProgressLine() : null;
  const p = await withStore(global, { readOnly: true }, (store) =>
    panel(store, {
      ...panelOptions({
        ...fields,
        dyads: String(opts.dyads),
        intervals: opts.intervals === true,
      }),
      ...(progress
        ? {
            onStep: (s: { family: string; index: number; of: number; rows: number }) =>
              progress.update(
                (secs) =>
                  `  ${fmtInt(s.rows)} dyad-${period}s: computing ${s.family} (${s.index + 1}/${s.of}), ${secs.toFixed(1)} s`,
                true,
              ),
          }
        : {}),
    }),
  );
  progress?.update(() => `  writing ${fmtInt(p.frame.length)} rows to ${out}`, true);
  const format = await writePanel(p, out);
  progress?.clear();
  const summary = {
    out,
    format,
    rows: p.frame.length,
    columns: 3 + p.indicators.length + Object.keys(p.coverage).length,
    seconds: (Date.now() - started) / 1000,
  };
  if (opts.json) writeJson(summary);
  else
    process.stdout.write(
      `wrote ${fmtInt(summary.rows)} rows × ${summary.columns} columns to ${out} (${format}) in ${summary.seconds.toFixed(1)} s\n`,
    );
};

import type { Command } from "commander";
import { defined } from "../../core/defined.js";
import { stateRef } from "../../frames/dyad.js";
import { buildReport } from "../../report/model.js";
import { checkReportPath, writeReport } from "../../report/write.js";
import { writeJson } from "../output.js";
import { parseYearOption } from "../parse-options.js";
import { type GlobalOptions, withStore } from "../store-option.js";

/** report-rus-chn.html for RUS, CHN. */
export function defaultReportName(a: string, b: string): string {
  const code = (s: string) => (stateRef(s).iso3 ?? String(stateRef(s).ccode)).toLowerCase();
  return `report-${code(a)}-${code(b)}.html`;
}

export const runReport = async (
  a: string,
  b: string,
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const out = typeof opts.out === "string" ? opts.out : defaultReportName(a, b);
  checkReportPath(out);
  const from = parseYearOption(opts.from as string | undefined, "--from");
  const to = parseYearOption(opts.to as string | undefined, "--to");
  const started = Date.now();
  const model = await withStore(global, { readOnly: true }, (store) =>
    buildReport(store, a, b, {
      ...defined({ from, to }),
      ...(typeof opts.case === "string"
        ? { caseRef: opts.case, casesDir: String(opts.cases) }
        : {}),
    }),
  );
  const files = await writeReport(model, out);
  const summary = {
    out,
    files,
    charts: model.charts.filter((c) => c.svg).length,
    sentences: model.sentences.length,
    evidence: model.assessment?.evidence.length ?? 0,
    seconds: (Date.now() - started) / 1000,
  };
  if (opts.json) writeJson(summary);
  else process.stdout.write(`${out}\n`);
};

import type { Command } from "commander";
import { stateRef } from "../../frames/dyad.js";
import { buildReport } from "../../report/model.js";
import { checkReportPath, writeReport } from "../../report/write.js";
import { addCasesOption } from "../case-option.js";
import { writeJson } from "../output.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { parseYearOption } from "./dyad.js";

/** report-rus-chn.html for RUS, CHN. */
export function defaultReportName(a: string, b: string): string {
  const code = (s: string) => (stateRef(s).iso3 ?? String(stateRef(s).ccode)).toLowerCase();
  return `report-${code(a)}-${code(b)}.html`;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command("report")
    .description(
      "Write a brief on a pair of states: summary sentences from the numbers, charts, values, the competing hypotheses of a case, and sources (self-contained HTML, or Markdown with SVG charts)",
    )
    .argument("<A>", "first state: COW code, ISO code or name")
    .argument("<B>", "second state")
    .option(
      "--case <name|file>",
      "an ACH case to assess in the report: a file, or a name (its local copy in --cases, else the bundled case, e.g. russia-china)",
    )
    .option(
      "--from <YYYY>",
      "first year, 1816–2100 (default: the case's period with --case, else 30 years before --to)",
    )
    .option(
      "--to <YYYY>",
      "last year (default: the case's period with --case, else the last year of the loaded data)",
    )
    .option(
      "--out <file>",
      "report-<a>-<b>.html, or a .md file (charts beside it), in an existing folder",
    )
    .option("--json", "print a JSON summary of what was written");
  addCasesOption(cmd).action(
    async (
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
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
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
    },
  );
}

import type { Command } from "commander";
import { blocMeasure } from "../../blocs/measures.js";
import { stateCode } from "../../blocs/member-rank.js";
import { neighbours } from "../../blocs/neighbours.js";
import { writeJson } from "../output.js";
import { parseCount, parseYearOption } from "../parse-options.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { fmtCell } from "../table.js";

export const runNeighbours = async (
  a: string,
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const year = parseYearOption(opts.year as string | undefined, "--year");
  const measure = blocMeasure(String(opts.measure));
  const top = parseCount(opts.top, "--top", 1000) ?? 20;
  const r = await withStore(global, { readOnly: true }, (store) =>
    neighbours(store, a, { measure, top, ...(year ? { year } : {}) }),
  );
  if (opts.json) {
    writeJson(r);
    return;
  }
  const head = `Closest to ${r.state.name} (${r.state.iso3 ?? r.state.ccode}) in ${r.year} by ${r.measure}; change since ${r.beforeYear}\n\n`;
  const cells = r.neighbours.map((n) => [
    String(n.rank),
    stateCode(n.ccode),
    n.name,
    fmtCell(n.similarity),
    fmtCell(n.before),
    n.change === null ? "–" : `${n.change >= 0 ? "+" : ""}${fmtCell(n.change)}`,
  ]);
  const header = ["#", "code", "state", r.measure, String(r.beforeYear), "change"];
  const widths = header.map((h, k) =>
    Math.max(h.length, ...cells.map((c) => (c[k] as string).length)),
  );
  const line = (c: readonly string[]): string =>
    c
      .map((v, k) => (k === 2 ? v.padEnd(widths[k] as number) : v.padStart(widths[k] as number)))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${head}${[header, ...cells].map(line).join("\n")}\n`);
};

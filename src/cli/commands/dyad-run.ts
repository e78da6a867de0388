import type { Command } from "commander";
import { csvLine } from "../../core/csv.js";
import { dyad } from "../../frames/dyad.js";
import { dyadOptions } from "../../frames/query-options.js";
import { indicatorDef } from "../../indicators/registry.js";
import { cliQueryFields } from "../event-options.js";
import { dyadFormat } from "../formats.js";
import { writeJson } from "../output.js";
import { type GlobalOptions, type StoreAhead, withStore } from "../store-option.js";
import { fmtCell, renderTable } from "../table.js";

export const runDyad = async (
  a: string,
  b: string,
  opts: Record<string, string | undefined>,
  cmd: Command,
  ahead?: StoreAhead,
) => {
  const format = dyadFormat(opts.format);
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const fields = cliQueryFields(opts);
  const period = fields.period ?? "year";
  const result = await withStore(
    global,
    { readOnly: true },
    (store) =>
      dyad(
        store,
        a,
        b,
        dyadOptions({
          ...fields,
          // JSON (and the API) carry the intervals and the trends block; a table or CSV shows
          // the values, with intervals on request, and has no place for the trends.
          intervals: format === "json" || (opts as Record<string, unknown>).intervals === true,
          trends: format === "json",
        }),
      ),
    ahead,
  );
  // On stderr, so that piped tables, CSV and JSON stay data; JSON also carries them.
  for (const n of result.notes) process.stderr.write(`entente: note: ${n}\n`);
  if (format === "json") {
    writeJson(result);
    return;
  }
  const key = period === "year" ? "year" : "period";
  const keys = result.rows.length
    ? Object.keys(result.rows[0] as object).filter((k) => k !== key)
    : [];
  if (format === "csv") {
    const lines = [[key, ...keys].join(",")];
    for (const r of result.rows) {
      lines.push(csvLine([r[key], ...keys.map((k) => r[k])]));
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    return;
  }
  const columns = keys.map((k) => ({
    group: indicatorDef(k.replace(/_coverage$/, ""))?.family ?? "",
    name: k,
    cells: result.rows.map((r) => fmtCell(r[k])),
  }));
  const { a: sa, b: sb } = result.dyad;
  process.stdout.write(
    `${sa.name} (${sa.iso3 ?? sa.ccode}) ${result.dyad.directed ? "→" : "–"} ${sb.name} (${sb.iso3 ?? sb.ccode}); a = ${sa.name}, b = ${sb.name}\n\n`,
  );
  const width = process.stdout.columns ?? 120;
  process.stdout.write(
    renderTable(
      result.rows.map((r) => String(r[key])),
      key,
      columns,
      width,
    ),
  );
};

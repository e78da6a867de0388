import type { Command } from "commander";
import { defined } from "../../core/defined.js";
import { BadInputError } from "../../core/errors.js";
import { dyad } from "../../frames/dyad.js";
import { dyadTrends } from "../../frames/dyad-trends.js";
import { methodParts, parseMethod } from "../../trends/changepoints.js";
import { parsePenalty } from "../../trends/penalty.js";
import { writeJson } from "../output.js";
import { parseYearOption } from "../parse-options.js";
import { type GlobalOptions, withStore } from "../store-option.js";
import { fmtCell } from "../table.js";
import { parseMinSeg } from "./changepoints-run.js";

interface TrendCliOptions {
  from?: string;
  to?: string;
  indicators?: string;
  method?: string;
  countModel?: string;
  penalty?: string;
  minSeg?: string;
  json?: boolean;
}

const p = (x: number) => (x < 0.001 ? "< 0.001" : x.toFixed(3));

export const runTrend = async (a: string, b: string, opts: TrendCliOptions, cmd: Command) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const from = parseYearOption(opts.from, "--from");
  const to = parseYearOption(opts.to, "--to");
  const method = opts.method === undefined ? undefined : parseMethod(opts.method);
  if (method && methodParts(method).search === "bocpd") {
    throw new BadInputError("bad_method", `${method} is for event counts, which use it already`, {
      hint: "Choose the count model with --count-model negbin|poisson",
    });
  }
  const countModel = opts.countModel;
  if (countModel !== undefined && countModel !== "negbin" && countModel !== "poisson") {
    throw new BadInputError("bad_option", `Unknown count model "${countModel}"`, {
      hint: "Use negbin or poisson",
    });
  }
  const pen = parsePenalty(opts.penalty);
  const minSegLen = parseMinSeg(opts.minSeg);
  const result = await withStore(global, { readOnly: true }, (store) =>
    dyad(store, a, b, {
      ...defined({ from, to }),
      ...(opts.indicators ? { indicators: opts.indicators } : {}),
      // Computed below with this command's options.
      trends: false,
      intervals: false,
    }),
  );
  const trends = dyadTrends(result, {
    ...(method ? { method } : {}),
    ...(countModel ? { countModel: countModel as "negbin" | "poisson" } : {}),
    penalty: pen.name,
    ...defined({ penaltyValue: pen.value, minSegLen }),
  });
  if (opts.json) {
    writeJson({ dyad: result.dyad, ...trends });
    return;
  }
  const w = process.stdout;
  const { a: sa, b: sb } = result.dyad;
  w.write(
    `${sa.name} (${sa.iso3 ?? sa.ccode}) – ${sb.name} (${sb.iso3 ?? sb.ccode}), ${trends.times[0] ?? "?"}–${trends.times.at(-1) ?? "?"}\n`,
  );
  for (const d of trends.indicators) {
    w.write(`\n${d.name} (${d.unit}): ${d.n} values`);
    if (d.n === 0) {
      w.write(", no data\n");
      continue;
    }
    w.write(`${d.missing ? `, ${d.missing} missing` : ""}; ${d.method}\n`);
    for (const s of d.segments) {
      const tr = s.trend ? `, trend ${fmtCell(s.trend.slope)}/yr (p ${p(s.trend.p)})` : "";
      w.write(`  ${s.startTime}–${s.endTime}: mean ${fmtCell(s.mean)}${tr}\n`);
    }
    for (const c of d.changepoints) {
      w.write(`  change in ${c.time} (${c.lowerTime}–${c.upperTime})\n`);
    }
    if (d.trend) {
      w.write(
        `  overall trend ${fmtCell(d.trend.slope)}/yr [${fmtCell(d.trend.lower)}, ${fmtCell(d.trend.upper)}], p ${p(d.trend.p)} (Hamed–Rao)\n`,
      );
    }
    const last = d.changeSince?.at(-1);
    if (d.changeSince && last) {
      const five = d.changeSince.at(-5) ?? last;
      w.write(`  P(change since ${five.time}) ${five.p.toFixed(2)}\n`);
    }
  }
};

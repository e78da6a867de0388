import { defined } from "../../core/defined.js";
import { BadFileError, BadInputError } from "../../core/errors.js";
import { readSeriesCsv } from "../../ingest/series-csv.js";
import { methodParts, parseMethod, penaltyPath } from "../../trends/changepoints.js";
import { labelChangepoint, labelSegment } from "../../trends/labels.js";
import { changepointsOnRows, observed } from "../../trends/observed.js";
import { parsePenalty } from "../../trends/penalty.js";
import { writeJson } from "../output.js";
import { fmtCell } from "../table.js";

export function parseNumberOption(
  v: string | undefined,
  name: string,
  ok: (x: number) => boolean,
  rule: string,
): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x) || !ok(x)) {
    throw new BadInputError("bad_option", `${name} ${v} is not ${rule}`, {
      hint: `Write ${name} followed by ${rule}`,
    });
  }
  return x;
}

export const parseMinSeg = (v: string | undefined): number | undefined =>
  parseNumberOption(v, "--min-seg", (x) => Number.isInteger(x) && x >= 1, "a whole number ≥ 1");

function parseRange(v: string | true | undefined): { min: number; max: number } | undefined {
  if (v === undefined || v === true) return undefined;
  const m = v.match(/^\s*([0-9.eE+-]+)\s*,\s*([0-9.eE+-]+)\s*$/);
  const lo = m ? Number(m[1]) : Number.NaN;
  const hi = m ? Number(m[2]) : Number.NaN;
  if (!(lo >= 0 && hi >= lo)) {
    throw new BadInputError("bad_option", `--crops ${v} is not a penalty range`, {
      hint: "Write --crops MIN,MAX with 0 ≤ MIN ≤ MAX, or --crops alone",
    });
  }
  return { min: lo, max: hi };
}

interface ChangepointsCliOptions {
  column: string;
  time?: string;
  method?: string;
  penalty?: string;
  minSeg?: string;
  level?: string;
  volume?: string;
  hazard?: string;
  maxChanges?: string;
  crops?: string | true;
  json?: boolean;
}

export const runChangepoints = async (file: string, opts: ChangepointsCliOptions) => {
  const method = parseMethod(opts.method);
  const { search } = methodParts(method);
  const pen = parsePenalty(opts.penalty);
  const minSegLen = parseMinSeg(opts.minSeg);
  const level = parseNumberOption(opts.level, "--level", (x) => x > 0 && x < 1, "in (0, 1)");
  const hazard = parseNumberOption(opts.hazard, "--hazard", (x) => x > 0 && x < 1, "in (0, 1)");
  const maxChanges = parseNumberOption(
    opts.maxChanges,
    "--max-changes",
    (x) => Number.isInteger(x) && x >= 0,
    "a whole number ≥ 0",
  );
  if (opts.volume !== undefined && search !== "bocpd") {
    throw new BadInputError("bad_option", "--volume needs a count method", {
      hint: "Add --method bocpd-negbin (or bocpd-poisson)",
    });
  }
  const csv = await readSeriesCsv(file, {
    column: opts.column,
    ...defined({ time: opts.time, volume: opts.volume }),
  });
  const obs = observed(csv.values);
  if (obs.values.length === 0) {
    throw new BadFileError(file, `column ${opts.column} has no numeric value`, {
      hint: "Check --column",
    });
  }
  if (search === "bocpd") {
    obs.rows.forEach((r) => {
      const v = csv.values[r] as number;
      if (!(Number.isInteger(v) && v >= 0)) {
        throw new BadFileError(file, `${opts.column} is ${v}: counts must be whole numbers ≥ 0`, {
          line: csv.lines[r] as number,
          hint: "Use a pelt-* method for non-count data",
        });
      }
      const w = csv.volume?.[r];
      if (csv.volume && !(typeof w === "number" && w > 0)) {
        throw new BadFileError(
          file,
          `${opts.volume} must be a positive number where ${opts.column} has a value`,
          {
            line: csv.lines[r] as number,
          },
        );
      }
    });
  }
  const common = {
    method,
    penalty: pen.name,
    ...defined({ penaltyValue: pen.value, minSegLen, level }),
  };
  const r = changepointsOnRows(csv.values, {
    ...common,
    ...defined({ hazard, maxChanges }),
    ...(csv.volume ? { volume: Array.from(obs.rows, (i) => csv.volume?.[i] as number) } : {}),
  });
  const label = (i: number) => (csv.times ? (csv.times[i] as string) : null);
  if (r.missing.length) {
    const shown = r.missing.slice(0, 10).map((i) => csv.lines[i]);
    process.stderr.write(
      `entente: ${r.missing.length} missing value${r.missing.length === 1 ? "" : "s"} in ${opts.column} skipped (line${r.missing.length === 1 ? "" : "s"} ${shown.join(", ")}${r.missing.length > 10 ? ", …" : ""})\n`,
    );
  }
  let path: ReturnType<typeof penaltyPath> | undefined;
  if (opts.crops !== undefined) {
    const range = parseRange(opts.crops);
    path = penaltyPath(obs.values, { ...common, ...(range ? { range } : {}) }).map((s) => ({
      ...s,
      changepoints: s.changepoints.map((c) => obs.rows[c] as number),
    }));
  }
  const out = {
    // The fields and order of the dyad trends block (src/frames/dyad-trends.ts).
    changepoints: r.changepoints.map((c) => labelChangepoint(c, label)),
    segments: r.segments.map((s) => labelSegment(s, label)),
    method: r.method,
    penalty: r.penalty,
    ...(r.changeSince
      ? {
          changeSince: r.changeSince.map((c) => ({
            index: c.index,
            time: label(c.index),
            p: c.p,
          })),
        }
      : {}),
    ...(path ? { crops: path } : {}),
  };
  if (opts.json) {
    writeJson(out);
    return;
  }
  const at = (i: number) => (csv.times ? `${csv.times[i]} (row ${i})` : `row ${i}`);
  const w = process.stdout;
  w.write(
    `${file}: ${opts.column}, ${obs.values.length} values; ${r.method}, penalty ${r.penalty.name} ${fmtCell(r.penalty.value)}, segments ≥ ${r.minSegLen}\n`,
  );
  if (!r.changepoints.length) w.write("no change point\n");
  for (const c of r.changepoints) {
    w.write(
      `change at ${at(c.index)}, ${Math.round((level ?? 0.95) * 100)}% interval ${label(c.lower) ?? c.lower}–${label(c.upper) ?? c.upper}\n`,
    );
  }
  for (const s of r.segments) {
    const span = csv.times ? `${csv.times[s.start]}–${csv.times[s.end]}` : `${s.start}–${s.end}`;
    w.write(`segment ${span}: n ${s.n}, mean ${fmtCell(s.mean)}, sd ${fmtCell(s.sd)}\n`);
  }
  if (r.changeSince) {
    const last = r.changeSince.slice(-5);
    w.write(
      `P(change since …): ${last.map((c) => `${label(c.index) ?? c.index} ${c.p.toFixed(2)}`).join(", ")}\n`,
    );
  }
  if (path) {
    w.write("penalty range → change points (CROPS)\n");
    for (const s of path) {
      w.write(
        `  ${fmtCell(s.penaltyFrom)}–${fmtCell(s.penaltyTo)}: ${s.changepoints.length} [${s.changepoints.map((c) => label(c) ?? c).join(", ")}]\n`,
      );
    }
  }
};

import type { Command } from "commander";
import { defined } from "../../core/defined.js";
import { BadInputError } from "../../core/errors.js";
import { panelFormat } from "../../frames/panel.js";
import type { FitProgress } from "../../idealpoints/fit-votes.js";
import {
  fitRequest,
  type IdealPointOptions,
  type IdealPoints,
  idealPoints,
  storedFit,
} from "../../idealpoints/ideal-points.js";
import { rescaleWithinSessions } from "../../idealpoints/rescale.js";
import {
  IDEAL_POINT_COLUMNS,
  idealPointsCsv,
  outputRow,
  writeIdealPoints,
} from "../../idealpoints/write-ideal-points.js";
import { ISSUES, type Issue } from "../../sources/unga-voeten.js";
import { fmtInt, ProgressLine, writeJson } from "../output.js";
import { parseYearOption } from "../parse-options.js";
import { type GlobalOptions, withStore } from "../store-option.js";

const SCALES = ["fit", "session"] as const;

function parseIssue(v: string | undefined): Issue | null {
  if (v === undefined) return null;
  if (!(ISSUES as readonly string[]).includes(v)) {
    throw new BadInputError("bad_issue", `Unknown issue "${v}"`, {
      hint: `Use one of ${ISSUES.join(", ")} (Middle East, nuclear, disarmament, human rights, colonialism, economic development)`,
    });
  }
  return v as Issue;
}

function parseSeed(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v)) {
    throw new BadInputError("bad_seed", `--seed ${v} is not a whole number`, {
      hint: "Give a seed such as --seed 2",
    });
  }
  return Number(v);
}

function describeProgress(p: FitProgress | { phase: "read" } | { phase: "store" }): string {
  switch (p.phase) {
    case "read":
      return "reading votes";
    case "prepare":
      return "linking matched resolutions, dropping unanimous roll calls";
    case "estimate":
      return `EM iteration ${p.iteration}, largest change ${p.change.toExponential(1)} (target ${p.tolerance.toExponential(0)})`;
    case "errors":
      return "standard errors";
    case "store":
      return "storing the fit";
  }
}

export const runIdealPoints = async (
  opts: Record<string, string | boolean | undefined>,
  cmd: Command,
) => {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const scale = String(opts.scale);
  if (!(SCALES as readonly string[]).includes(scale)) {
    throw new BadInputError("bad_scale", `Unknown scale "${scale}"`, {
      hint: `Use ${SCALES.join(" or ")}`,
    });
  }
  const out = opts.out === undefined ? undefined : String(opts.out);
  if (out !== undefined) panelFormat(out);
  const from = parseYearOption(opts.from as string | undefined, "--from");
  const to = parseYearOption(opts.to as string | undefined, "--to");
  const o: IdealPointOptions = {
    ...defined({ from, to }),
    issue: parseIssue(opts.issue as string | undefined),
    ...defined({ seed: parseSeed(opts.seed as string | undefined) }),
    refit: opts.refit === true,
  };
  const progress = !opts.json && process.stderr.isTTY ? new ProgressLine() : null;
  // A stored fit is read without writing, so that this works beside a running server; only
  // a new fit opens the store for writing.
  let result: IdealPoints | null = o.refit
    ? null
    : await withStore(global, { readOnly: true }, async (s) =>
        storedFit(s, await fitRequest(s, o)),
      );
  if (!result) {
    result = await withStore(global, { readOnly: false }, (s) =>
      idealPoints(s, o, (p) =>
        progress?.update((secs) => `  ${describeProgress(p)}, ${secs.toFixed(1)} s`),
      ),
    );
  }
  progress?.clear();
  const points = scale === "session" ? rescaleWithinSessions(result.points) : result.points;
  const fit = {
    ...result.fit,
    report: JSON.parse(result.fit.report) as unknown,
    settings: JSON.parse(result.fit.settings) as unknown,
  };
  const summary = {
    fit_id: result.fit.fitId,
    reused: result.reused,
    scale,
    sessions: [result.fit.fromSession, result.fit.toSession],
    state_sessions: points.length,
    iterations: result.fit.iterations,
    converged: result.fit.converged,
    seconds: result.fit.seconds,
  };
  if (out !== undefined) {
    const format = await writeIdealPoints(points, out);
    if (opts.json) writeJson({ ...summary, out, format });
    else
      process.stdout.write(
        `wrote ${fmtInt(points.length)} state-sessions (sessions ${result.fit.fromSession}–${result.fit.toSession}) to ${out} (${format}); fit ${result.fit.fitId.slice(0, 12)} ${result.reused ? "reused" : `made in ${result.fit.seconds.toFixed(1)} s, ${result.fit.iterations} EM iterations`}\n`,
      );
    return;
  }
  if (opts.json) {
    writeJson({
      ...summary,
      fit,
      columns: IDEAL_POINT_COLUMNS,
      points: points.map(outputRow),
    });
    return;
  }
  process.stdout.write(idealPointsCsv(points));
};

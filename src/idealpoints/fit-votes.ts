/**
 * One whole fit, from votes to positions with standard errors: preparation (linking, dropping),
 * EM, standard errors. Pure computation, run in a worker thread by run-in-worker.ts.
 */
import { DEFAULT_ESTIMATE, type EstimateOptions, estimate } from "./estimate.js";
import { MODEL_VERSION } from "./model-version.js";
import { standardErrors } from "./standard-errors.js";
import {
  DEFAULT_PREPARE,
  type PrepareOptions,
  type PrepareReport,
  prepareVotes,
  type RawVotes,
} from "./vote-data.js";

export { MODEL_VERSION };

export interface FitSettings {
  readonly prepare: PrepareOptions;
  readonly estimate: EstimateOptions;
}

export const DEFAULT_SETTINGS: FitSettings = {
  prepare: DEFAULT_PREPARE,
  estimate: DEFAULT_ESTIMATE,
};

export type FitProgress =
  | { readonly phase: "prepare" }
  | {
      readonly phase: "estimate";
      readonly iteration: number;
      readonly maxIterations: number;
      readonly change: number;
      readonly tolerance: number;
    }
  | { readonly phase: "errors" };

/** Positions per state-session (parallel arrays, by ccode then session). */
export interface FitOutput {
  readonly ccode: Int32Array;
  readonly session: Int32Array;
  readonly votes: Int32Array;
  readonly idealPoint: Float64Array;
  readonly se: Float64Array;
  readonly report: PrepareReport;
  readonly iterations: number;
  readonly converged: boolean;
  readonly change: number;
  readonly logPosterior: number;
}

export function fitVotes(
  raw: RawVotes,
  matches: ReadonlyArray<readonly [number, number]>,
  settings: FitSettings = DEFAULT_SETTINGS,
  onProgress?: (p: FitProgress) => void,
): FitOutput {
  onProgress?.({ phase: "prepare" });
  const data = prepareVotes(raw, matches, settings.prepare);
  const est = estimate(data, settings.estimate, (p) => onProgress?.({ phase: "estimate", ...p }));
  onProgress?.({ phase: "errors" });
  const se = standardErrors(data, est.theta, est, settings.estimate);
  return {
    ccode: data.unitCcode,
    session: data.unitSession,
    votes: data.unitVotes,
    idealPoint: est.theta,
    se,
    report: data.report,
    iterations: est.iterations,
    converged: est.converged,
    change: est.change,
    logPosterior: est.logPosterior,
  };
}

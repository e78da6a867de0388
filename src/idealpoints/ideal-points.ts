/**
 * Ideal points for the loaded votes: a stored fit when one was made on the same vote files with
 * the same settings, else a new fit (in a worker thread) that is stored for the next time.
 */
import { createHash } from "node:crypto";
import { BadInputError } from "../core/errors.js";
import type { Issue } from "../sources/unga-voeten.js";
import type { IdealPointFitRecord, IdealPointRow, Store } from "../store/store.js";
import {
  DEFAULT_SETTINGS,
  type FitProgress,
  type FitSettings,
  MODEL_VERSION,
} from "./fit-votes.js";
import { loadedSessions, readFitInput, votesKey } from "./read-votes.js";
import { fitInWorker } from "./run-in-worker.js";
import { sessionYear, yearSession } from "./session-year.js";

export interface IdealPointOptions {
  /** First and last calendar year (of the session openings); default: every loaded session. */
  readonly from?: number;
  readonly to?: number;
  /** Roll calls on one issue only (Voeten's issue codes); default: all roll calls. */
  readonly issue?: Issue | null;
  /** Seed of the start-value perturbation (default 1). */
  readonly seed?: number;
  /** Fit again even when a stored fit matches. */
  readonly refit?: boolean;
}

export interface IdealPoints {
  readonly fit: IdealPointFitRecord;
  readonly points: readonly IdealPointRow[];
  /** True when the fit was read from the store, false when it was made now. */
  readonly reused: boolean;
}

/** What a request resolves to: the fit it needs, by id. */
export interface FitRequest {
  readonly fitId: string;
  readonly votesSha256: string;
  readonly issue: Issue | null;
  readonly fromSession: number;
  readonly toSession: number;
  readonly seed: number;
  readonly settings: FitSettings;
}

/** Resolves the options against the loaded votes; an error with a hint when there are none. */
export async function fitRequest(store: Store, opts: IdealPointOptions = {}): Promise<FitRequest> {
  const issue = opts.issue ?? null;
  const votesSha256 = await votesKey(store, issue);
  const loaded = await loadedSessions(store);
  if (votesSha256 === null || loaded === null) {
    throw new BadInputError("no_votes", "No UN General Assembly votes are loaded", {
      hint: "Load Voeten's vote files first: `entente ingest ../shared/data/unga_votes` (votes, roll calls and matched resolutions)",
    });
  }
  const fromSession = Math.max(
    loaded.from,
    opts.from === undefined ? loaded.from : yearSession(opts.from),
  );
  const toSession = Math.min(loaded.to, opts.to === undefined ? loaded.to : yearSession(opts.to));
  if (fromSession > toSession) {
    throw new BadInputError(
      "no_sessions",
      `No loaded session opened in ${opts.from ?? sessionYear(loaded.from)}–${opts.to ?? sessionYear(loaded.to)}`,
      { hint: `The loaded votes cover ${sessionYear(loaded.from)}–${sessionYear(loaded.to)}` },
    );
  }
  const seed = opts.seed ?? DEFAULT_SETTINGS.estimate.seed;
  const settings: FitSettings = {
    prepare: DEFAULT_SETTINGS.prepare,
    estimate: { ...DEFAULT_SETTINGS.estimate, seed },
  };
  const fitId = createHash("sha256")
    .update(JSON.stringify({ MODEL_VERSION, votesSha256, issue, fromSession, toSession, settings }))
    .digest("hex");
  return { fitId, votesSha256, issue, fromSession, toSession, seed, settings };
}

/** The stored fit the request names, or null. */
export async function storedFit(store: Store, req: FitRequest): Promise<IdealPoints | null> {
  const fit = (await store.idealPointFits(req.votesSha256)).find((f) => f.fitId === req.fitId);
  if (!fit) return null;
  return { fit, points: await store.idealPoints(fit.fitId), reused: true };
}

/** Fits the request's votes in a worker thread and stores the fit. */
export async function fitAndStore(
  store: Store,
  req: FitRequest,
  onProgress?: (p: FitProgress | { phase: "read" } | { phase: "store" }) => void,
): Promise<IdealPoints> {
  const started = Date.now();
  onProgress?.({ phase: "read" });
  const input = await readFitInput(store, req.fromSession, req.toSession, req.issue);
  if (input.votes.rcid.length === 0) {
    throw new BadInputError("no_votes", "No votes to fit in the sessions and issue asked for", {
      hint: "Widen --from/--to or drop --issue",
    });
  }
  const out = await fitInWorker(
    { votes: input.votes, matches: input.matches, settings: req.settings },
    onProgress,
  );
  const points: IdealPointRow[] = Array.from(out.ccode, (ccode, u) => ({
    ccode,
    session: out.session[u] as number,
    year: sessionYear(out.session[u] as number),
    idealPoint: out.idealPoint[u] as number,
    se: out.se[u] as number,
    votes: out.votes[u] as number,
  }));
  const fit: IdealPointFitRecord = {
    fitId: req.fitId,
    votesSha256: req.votesSha256,
    issue: req.issue,
    fromSession: req.fromSession,
    toSession: req.toSession,
    seed: req.seed,
    modelVersion: MODEL_VERSION,
    settings: JSON.stringify(req.settings),
    report: JSON.stringify({
      ...out.report,
      votesWithoutSession: input.votesWithoutSession,
      logPosterior: out.logPosterior,
      change: out.change,
    }),
    iterations: out.iterations,
    converged: out.converged,
    seconds: (Date.now() - started) / 1000,
    fittedAt: new Date().toISOString(),
  };
  onProgress?.({ phase: "store" });
  await store.saveIdealPointFit(fit, points);
  return { fit, points, reused: false };
}

/** A stored fit for the request, else a new one (the store must then be writable). */
export async function idealPoints(
  store: Store,
  opts: IdealPointOptions = {},
  onProgress?: Parameters<typeof fitAndStore>[2],
): Promise<IdealPoints> {
  const req = await fitRequest(store, opts);
  if (!opts.refit) {
    const stored = await storedFit(store, req);
    if (stored) return stored;
  }
  return fitAndStore(store, req, onProgress);
}

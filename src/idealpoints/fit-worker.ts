/**
 * Worker-thread entry of a fit (started by run-in-worker.ts): fits the votes it is given and
 * posts progress messages, then the result with its arrays transferred, not copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FitSettings, fitVotes } from "./fit-votes.js";
import type { RawVotes } from "./vote-data.js";

export interface FitJob {
  readonly votes: RawVotes;
  readonly matches: Array<[number, number]>;
  readonly settings: FitSettings;
}

const port = parentPort;
if (port) {
  const job = workerData as FitJob;
  const out = fitVotes(job.votes, job.matches, job.settings, (p) =>
    port.postMessage({ type: "progress", progress: p }),
  );
  port.postMessage({ type: "done", output: out }, [
    out.idealPoint.buffer,
    out.se.buffer,
  ] as ArrayBuffer[]);
}

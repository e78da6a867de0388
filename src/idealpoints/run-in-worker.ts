/**
 * Runs a fit in a worker thread, so that the event loop (a server, a progress line) stays free
 * while EM runs for a minute or two. From the built package the worker is fit-worker.js; from
 * the TypeScript sources (tests, tsx) it is fit-worker.ts, loaded through tsx's module hooks,
 * which a worker does not inherit.
 */
import { Worker } from "node:worker_threads";
import type { FitOutput, FitProgress } from "./fit-votes.js";
import type { FitJob } from "./fit-worker.js";

function workerEntry(): URL {
  const self = import.meta.url;
  if (!self.endsWith(".ts")) return new URL("./fit-worker.js", self);
  const tsx = import.meta.resolve("tsx/esm/api");
  const target = new URL("./fit-worker.ts", self).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

export function fitInWorker(
  job: FitJob,
  onProgress?: (p: FitProgress) => void,
): Promise<FitOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), {
      workerData: job,
      transferList: [
        job.votes.rcid.buffer,
        job.votes.session.buffer,
        job.votes.ccode.buffer,
        job.votes.vote.buffer,
      ] as ArrayBuffer[],
    });
    let done = false;
    worker.on(
      "message",
      (m: { type: "progress"; progress: FitProgress } | { type: "done"; output: FitOutput }) => {
        if (m.type === "progress") onProgress?.(m.progress);
        else {
          done = true;
          resolve(m.output);
          void worker.terminate();
        }
      },
    );
    worker.on("error", (e) => {
      done = true;
      reject(e);
    });
    worker.on("exit", (code) => {
      if (!done)
        reject(new Error(`the ideal-point worker stopped (exit code ${code}) before it finished`));
    });
  });
}

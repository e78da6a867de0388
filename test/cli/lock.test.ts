import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

/** A process that keeps the store open read-only (as `entente serve` does) until killed. */
function holdReadOnly(store: string): Promise<{ pid: number; stop: () => void }> {
  const code = `
    const { DuckDBInstance } = require("@duckdb/node-api");
    DuckDBInstance.create(process.argv[1], { access_mode: "READ_ONLY" })
      .then((i) => i.connect())
      .then(() => { process.stdout.write("open\\n"); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ["-e", code, store], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () =>
      resolve({ pid: child.pid as number, stop: () => child.kill("SIGKILL") }),
    );
    child.once("exit", (c) => reject(new Error(`holder exited ${c}`)));
  });
}

describe("a store held open by another process", () => {
  it("still serves read commands, and a write names the process that holds it", async () => {
    const store = join(tempDir(), "held.duckdb");
    expect(runCli(["--store", store, "ingest", fixture("cow_trade")]).code).toBe(0);
    const holder = await holdReadOnly(store);
    try {
      const read = runCli(["--store", store, "sources", "--json"]);
      expect(read.code).toBe(0);
      const write = runCli(["--store", store, "ingest", fixture("cow_states")]);
      expect(write.code).not.toBe(0);
      expect(write.stderr).toContain(`Store ${store} is in use by process ${holder.pid}`);
      expect(write.stderr).toMatch(
        /Read-only commands \(dyad, panel, assess, report, sources\) work beside it/,
      );
    } finally {
      holder.stop();
    }
  });
});

/**
 * Two `entente serve` processes on one cases folder: a version check and its write are atomic
 * across processes, so of many saves over the same version exactly one wins (issue 16, item 6).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { BIN } from "../cli/run-cli.js";
import { fixture, tempDir } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const MINIMAL = readFileSync(fixture("cases/minimal.yaml"), "utf8");
const PER_SERVER = 10;
const ROUNDS = 3;

/** Start `entente serve` on a free port; resolves with the process and the URL it printed. */
async function serve(store: string, cases: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [BIN, "--store", store, "serve", "--port", "0", "--cases", cases, "--no-web"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) ok(m[0]);
    });
    child.once("exit", (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

const put = (url: string, yaml: string, version?: string) =>
  fetch(new URL("api/cases/race", url), {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(version === undefined ? { yaml } : { yaml, version }),
  });

describe("two servers sharing a cases folder", () => {
  it(`of ${2 * PER_SERVER} concurrent saves over one version, exactly one wins (${ROUNDS} rounds)`, async () => {
    const dir = tempDir();
    const store = join(dir, "empty.duckdb");
    await (await DuckDbStore.open(store)).close();
    const cases = join(dir, "cases");
    const servers = [await serve(store, cases), await serve(store, cases)];
    try {
      const [s1, s2] = servers.map((s) => s.url) as [string, string];
      expect(s1).not.toBe(s2);
      const created = await put(s1, MINIMAL);
      expect(created.status).toBe(201);
      let version = ((await created.json()) as Json).version as string;
      let current = MINIMAL;
      for (let round = 1; round <= ROUNDS; round++) {
        const bodies = Array.from({ length: 2 * PER_SERVER }, (_, i) =>
          MINIMAL.replace(/^title: .*$/m, `title: "round ${round}, save ${i}"`),
        );
        const answers = await Promise.all(
          bodies.map(async (yaml, i) => {
            const r = await put(i % 2 ? s2 : s1, yaml, version);
            return { status: r.status, body: (await r.json()) as Json, yaml };
          }),
        );
        const won = answers.filter((a) => a.status === 200);
        const refused = answers.filter((a) => a.status === 409);
        expect(won, `round ${round}`).toHaveLength(1);
        expect(refused, `round ${round}`).toHaveLength(2 * PER_SERVER - 1);
        const winner = won[0] as (typeof answers)[number];
        // Both servers now read the winner's text, and the 409s name its version.
        for (const url of [s1, s2]) {
          const got = (await (await fetch(new URL("api/cases/race", url))).json()) as Json;
          expect(got.yaml).toBe(winner.yaml);
          expect(got.version).toBe(winner.body.version);
        }
        for (const r of refused) expect(r.body.error.version).toBe(winner.body.version);
        // The version it replaced is the one backup of this round.
        const backups = readdirSync(join(cases, "race", "backups"));
        expect(backups).toHaveLength(round);
        const texts = backups.map((b) => readFileSync(join(cases, "race", "backups", b), "utf8"));
        expect(texts).toContain(current);
        current = winner.yaml;
        version = winner.body.version;
      }
    } finally {
      await Promise.all(servers.map((s) => stop(s.child)));
    }
  }, 120_000);
});

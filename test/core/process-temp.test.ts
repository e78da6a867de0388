// Folders that live as long as their process: gone at a normal exit, and swept by a later process
// when their owner was killed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { processTempDir, removeProcessTempDir } from "../../src/core/process-temp.js";

const built = fileURLToPath(new URL("../../dist/core/process-temp.js", import.meta.url));
const prefix = () => `entente-t${process.pid}x${Math.random().toString(36).slice(2, 8)}-`;

/** Run a Node process that makes one folder with `p` and prints it; `hold`: wait to be killed. */
function child(p: string, hold = false) {
  const code = `import(${JSON.stringify(built)}).then(async (m) => {
    console.log(await m.processTempDir(${JSON.stringify(p)}));
    ${hold ? "setInterval(() => {}, 1000);" : ""}
  });`;
  return spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
}
const firstLine = (c: ReturnType<typeof child>) =>
  new Promise<string>((ok) => c.stdout.once("data", (d: Buffer) => ok(d.toString().trim())));
const exited = (c: ReturnType<typeof child>) => new Promise((ok) => c.once("exit", ok));

describe("processTempDir", () => {
  it("names the folder by the process and removes it on request", async () => {
    const p = prefix();
    const dir = await processTempDir(p);
    expect(basename(dir).startsWith(`${p}${process.pid}-`)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    removeProcessTempDir(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(!existsSync(built))(
    "is gone when its process exits, and swept when it was killed",
    async () => {
      const p = prefix();
      const normal = child(p);
      const a = await firstLine(normal);
      await exited(normal);
      expect(existsSync(a)).toBe(false);
      // A killed process leaves its folder; a live one's is never touched.
      const killed = child(p, true);
      const b = await firstLine(killed);
      killed.kill("SIGKILL");
      await exited(killed);
      const live = spawn("sleep", ["30"]);
      const c = join(tmpdir(), `${p}${live.pid}-live`);
      mkdirSync(c);
      try {
        expect(existsSync(b)).toBe(true);
        // The first folder this process makes with the prefix sweeps the dead one's.
        const mine = await processTempDir(p);
        expect(existsSync(b)).toBe(false);
        expect(existsSync(c)).toBe(true);
        removeProcessTempDir(mine);
      } finally {
        live.kill();
        removeProcessTempDir(c);
      }
      expect(spawnSync("ls", [tmpdir()]).stdout.toString()).not.toContain(p);
    },
  );
});

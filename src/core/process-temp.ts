/**
 * Temporary folders that live as long as the process: made with the process id in their name,
 * removed when it exits, and, since a killed process cannot remove its own, removed by the next
 * process that makes one with the same prefix once their owner is gone. For what is kept between
 * loads (named pipes, the ClickHouse loader's scratch DuckDB files, which can be large).
 */
import { readdirSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const mine = new Set<string>();
const swept = new Set<string>();
let hooked = false;

/** Whether a process with this id is running (or exists but is not ours to signal). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove `<prefix><pid>-*` folders of processes that no longer run. */
function sweep(prefix: string): void {
  if (swept.has(prefix)) return;
  swept.add(prefix);
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  const owned = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)-`);
  for (const name of names) {
    const m = owned.exec(name);
    const pid = Number(m?.[1]);
    if (!m || pid === process.pid || alive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** A new folder `<tmpdir>/<prefix><pid>-XXXXXX`, removed when the process exits. */
export async function processTempDir(prefix: string): Promise<string> {
  sweep(prefix);
  const dir = await mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
  mine.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", () => {
      for (const d of mine) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Remove a folder made by processTempDir now. */
export function removeProcessTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mine.delete(dir);
}

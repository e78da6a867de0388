/** A named pipe (FIFO) at a path, made by `mkfifo`: Node has no call of its own for it. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileP = promisify(execFile);

export async function makeFifo(path: string): Promise<void> {
  try {
    await execFileP("mkfifo", [path]);
  } catch (e) {
    throw new Error(`cannot create a named pipe (mkfifo ${path}): ${(e as Error).message}`);
  }
}

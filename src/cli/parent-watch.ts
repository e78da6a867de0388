import { readFileSync } from "node:fs";

/** The parent of process `pid` from /proc (Linux), or null where there is no /proc. */
function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Call `stop` when the npm process that started this one through `npx` / `npm exec` is gone.
 * npm does not pass SIGTERM on to the command it runs (it ends itself and the `sh -c` between
 * them), so `kill <npx pid>` would leave this process running, holding its port and the store.
 * Outside npm exec nothing is watched: a server started by a shell outlives it (nohup, &) as
 * any program does. Returns a function that stops watching.
 */
export function stopWithNpmExec(stop: () => void, everyMs = 500): () => void {
  if (process.env.npm_command !== "exec") return () => undefined;
  const parent = process.ppid;
  // npm is the parent, or the grandparent behind `sh -c`.
  const watched = [parent, parentOf(parent)].filter((p): p is number => p !== null);
  const timer = setInterval(() => {
    if (process.ppid !== parent || !watched.every(alive)) {
      clearInterval(timer);
      stop();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

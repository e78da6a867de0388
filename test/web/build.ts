import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB = join(ROOT, "web");
export const DIST = join(WEB, "dist");

const newest = (path: string): number =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))))
    : statSync(path).mtimeMs;

/** Build web/dist when it is missing or older than its sources. */
export function ensureBuilt(): void {
  const index = join(DIST, "index.html");
  const sources = [
    join(WEB, "src"),
    join(WEB, "index.html"),
    join(WEB, "vite.config.ts"),
    join(ROOT, "src/assess/scoring.ts"),
  ];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "web/vite.config.ts"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

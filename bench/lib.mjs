// Shared by the benchmark scripts: options, test files made from the real GDELT export, timed
// child processes with their peak memory, medians.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const entente = join(root, "bin/entente.js");
/** ../shared/tools/make-gdelt.mjs, which writes GDELT exports of any size from the real one. */
export const maker = resolve(root, "../shared/tools/make-gdelt.mjs");

/** `--name value` and bare `--flag` (→ "true") options of the command line. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  argv.forEach((a, i, all) => {
    if (!a.startsWith("--")) return;
    const next = all[i + 1];
    args[a.slice(2)] = next && !next.startsWith("--") ? next : "true";
  });
  return args;
}

export function log(msg) {
  process.stderr.write(`${msg}\n`);
}

/** Exit with a message when ../shared (the GDELT file maker) is not beside the repo. */
function requireMaker() {
  if (!existsSync(maker)) {
    console.error(`bench: ${maker} not found (needs ../shared beside the repo)`);
    process.exit(2);
  }
}

/**
 * The benchmark's work folder, made if needed: `--work DIR`, else `name` in the temporary
 * folder. Exits first, with a message, when the GDELT file maker is missing.
 */
export function gdeltWorkDir(args, name) {
  requireMaker();
  const work = resolve(args.work ?? join(tmpdir(), name));
  mkdirSync(work, { recursive: true });
  return work;
}

/** A GDELT 2.0 export of n rows in `work`, made once by ../shared/tools/make-gdelt.mjs. */
export function gdeltFile(work, n) {
  const out = join(work, `gdelt-${n}.CSV`);
  if (!existsSync(out)) {
    log(`making ${out}`);
    const r = spawnSync(process.execPath, [maker, "--rows", String(n), "--out", out], {
      stdio: "inherit",
    });
    if (r.status !== 0) process.exit(1);
  }
  return out;
}

const TIME = "/usr/bin/time";

/**
 * Run a process to completion; wall seconds, CPU seconds (user + system) and peak RSS (bytes)
 * as GNU time reports them for the finished process (without it: CPU null, peak sampled from
 * /proc), and stdout.
 */
export function run(cmd, argv) {
  const timed = existsSync(TIME);
  const dir = timed ? mkdtempSync(join(tmpdir(), "entente-run-")) : null;
  const report = dir ? join(dir, "time") : null;
  return new Promise((ok, fail) => {
    const started = process.hrtime.bigint();
    const child = report
      ? spawn(TIME, ["-f", "%U %S %M", "-o", report, cmd, ...argv], {
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      } catch {
        // exited between samples
      }
    };
    const timer = report ? null : setInterval(sample, 50);
    child.on("exit", (code) => {
      if (timer) clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let cpu = null;
      if (report && dir) {
        const [user, system, kb] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-3);
        cpu = Number(user) + Number(system);
        peak = Number(kb) * 1024;
        rmSync(dir, { recursive: true, force: true });
      }
      if (code !== 0) fail(new Error(`${cmd} ${argv.join(" ")} exited ${code}: ${err || out}`));
      else ok({ seconds, cpu, peak, out });
    });
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

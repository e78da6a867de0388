/**
 * ACH case files on disk: the bundled cases (read-only) and a cases folder, where saves go. A
 * case saved under a bundled case's name is a local copy that shadows the bundled one. Which
 * file a name means is decided by case-location.ts (links leading outside a cases folder are
 * refused). Saves are validated, atomic (temp file + rename), keep the previous version in
 * `<name>/backups/`, and check the optimistic-concurrency version; the check and the write
 * hold a lock on the case (a lock folder, proper-lockfile), so two processes sharing a cases
 * folder cannot both save over the same version.
 */
import { createHash, randomUUID } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { BadInputError, EntenteError } from "../core/errors.js";
import { BUNDLED_CASES, CaseError, type CaseProblem, parseCase } from "./case-file.js";
import {
  CASE_NAME,
  type CaseSource,
  caseFileInside,
  checkCaseName,
  DEFAULT_CASES_DIR,
  locateCase,
  realDir,
} from "./case-location.js";
import type { CaseFile } from "./case-schema.js";

export type { CaseSource } from "./case-location.js";

export interface CaseSummary {
  name: string;
  source: CaseSource;
  shadows_bundled: boolean;
  valid: boolean;
  title: string | null;
  question: string | null;
  evidence: number | null;
}

export interface CaseDoc {
  name: string;
  source: CaseSource;
  version: string;
  yaml: string;
  case: CaseFile | null;
  problems?: readonly CaseProblem[];
}

export interface CaseSaved {
  name: string;
  version: string;
  created: boolean;
  backup: string | null;
  shadows_bundled: boolean;
}

/** sha256 of the file text: the version a client sends back to save over it. */
export const caseVersion = (text: string): string =>
  createHash("sha256").update(text, "utf8").digest("hex");

export class CaseNotFoundError extends EntenteError {
  constructor(name: string) {
    super("no_case", `No case "${name}"`, {
      hint: "GET /api/cases lists the cases",
      exitCode: 2,
      httpStatus: 404,
    });
  }
}

/** The text sent with `version` no longer matches the file: someone saved in between. */
export class VersionConflictError extends EntenteError {
  constructor(
    name: string,
    readonly current: string,
  ) {
    super("version_conflict", `Case "${name}" has changed since the version you edited`, {
      hint: "Reload the case (GET), merge your edit and save again with the new version",
      exitCode: 2,
      httpStatus: 409,
    });
  }
}

export class ReadOnlyError extends EntenteError {
  constructor() {
    super("read_only", "The server is read-only: cases cannot be saved", {
      hint: "Restart `entente serve` without --read-only",
      exitCode: 2,
      httpStatus: 403,
    });
  }
}

/** The case folders in `dir` that hold a case.yaml (links are checked when the case is read). */
async function caseNames(dir: string): Promise<string[]> {
  const root = realDir(dir);
  if (root === null) return [];
  const entries = await readdir(root).catch(() => [] as string[]);
  return entries.filter((n) => CASE_NAME.test(n)).sort();
}

/** How long a save waits for another process's save of the same case, and when a lock is stale. */
const LOCK_RETRIES = { retries: 60, factor: 1.3, minTimeout: 10, maxTimeout: 250 };
const LOCK_STALE_MS = 10_000;

/** Another save of the case held its lock for longer than a save takes. */
export class CaseBusyError extends EntenteError {
  constructor(name: string) {
    super("case_busy", `Case "${name}" is being saved by another process`, {
      hint: "Try again in a moment; a lock left by a process that died expires after 10 s",
      exitCode: 1,
      httpStatus: 503,
    });
  }
}

export class CaseRepository {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string = DEFAULT_CASES_DIR,
    readonly bundledDir: string = BUNDLED_CASES,
  ) {}

  /**
   * The file a name reads from (the local copy if there is one, else the bundled case) and its
   * text; null when there is neither. CaseOutsideError (403) for a link leading outside.
   */
  async locate(name: string): Promise<{ file: string; source: CaseSource; text: string } | null> {
    const found = locateCase(name, this.dir, this.bundledDir);
    if (!found) return null;
    try {
      return { ...found, text: await readFile(found.file, "utf8") };
    } catch (e) {
      // Removed between the check and the read: as if it had not been there.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  /** The path to assess or report a case from; 404 when there is no such case. */
  async path(name: string): Promise<string> {
    const found = await this.locate(name);
    if (!found) throw new CaseNotFoundError(name);
    return found.file;
  }

  /** Every case by name; a case whose file is a link out of its folder is not listed. */
  async list(): Promise<CaseSummary[]> {
    const bundled = new Set(await caseNames(this.bundledDir));
    const local = new Set(await caseNames(this.dir));
    const names = [...new Set([...bundled, ...local])].sort();
    const out: CaseSummary[] = [];
    for (const name of names) {
      const doc = await this.get(name).catch(() => null);
      if (!doc) continue;
      out.push({
        name,
        source: doc.source,
        shadows_bundled: doc.source === "local" && bundled.has(name),
        valid: doc.case !== null,
        title: doc.case?.title ?? null,
        question: doc.case?.question ?? null,
        evidence: doc.case?.evidence.length ?? null,
      });
    }
    return out;
  }

  /** A case's text, version and parsed content (null with the problems when it is invalid). */
  async get(name: string): Promise<CaseDoc> {
    const found = await this.locate(name);
    if (!found) throw new CaseNotFoundError(name);
    const base = {
      name,
      source: found.source,
      version: caseVersion(found.text),
      yaml: found.text,
    };
    try {
      return { ...base, case: parseCase(found.text, `${name}/case.yaml`) };
    } catch (e) {
      if (!(e instanceof CaseError)) throw e;
      return { ...base, case: null, problems: e.problems };
    }
  }

  /**
   * Validate and save `yaml` as `<dir>/<name>/case.yaml`. With `version`, refuse (409) when the
   * current file (the local copy, else the bundled case) has another hash. The version check
   * and the write hold the case's lock, across processes (and saves of one name in this process
   * run one after the other, so they do not wait on each other's lock).
   */
  async save(name: string, yaml: string, version?: string): Promise<CaseSaved> {
    checkCaseName(name);
    parseCase(yaml, `${name}/case.yaml`);
    return this.serialized(name, async () => {
      await mkdir(this.dir, { recursive: true });
      const root = realDir(this.dir);
      if (root === null) {
        throw new BadInputError("bad_cases_dir", `${this.dir} is not a directory`);
      }
      const caseDir = join(root, name);
      await mkdir(caseDir, { recursive: true });
      const st = await lstat(caseDir);
      if (!st.isDirectory() || st.isSymbolicLink()) {
        throw new BadInputError("bad_case_dir", `${caseDir} is not a plain directory`);
      }
      let compromised: Error | null = null;
      let release: () => Promise<void>;
      try {
        release = await lockfile.lock(caseDir, {
          realpath: false,
          lockfilePath: join(caseDir, ".lock"),
          retries: LOCK_RETRIES,
          stale: LOCK_STALE_MS,
          // The default throws from a timer, which would end the server.
          onCompromised: (e) => {
            compromised = e;
          },
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ELOCKED") throw new CaseBusyError(name);
        throw e;
      }
      try {
        const current = await this.locate(name);
        if (version !== undefined) {
          const have = current ? caseVersion(current.text) : null;
          if (have !== version) throw new VersionConflictError(name, have ?? "");
        }
        let backup: string | null = null;
        if (current?.source === "local") {
          backup = join(name, "backups", backupName(current.text));
          await mkdir(join(caseDir, "backups"), { recursive: true });
          await atomicWrite(join(root, backup), current.text);
        }
        if (compromised) throw new CaseBusyError(name);
        await atomicWrite(join(caseDir, "case.yaml"), yaml);
        return {
          name,
          version: caseVersion(yaml),
          created: current?.source !== "local",
          backup,
          shadows_bundled: caseFileInside(this.bundledDir, name) !== null,
        };
      } finally {
        await release().catch(() => undefined);
      }
    });
  }

  private serialized<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(name) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.chains.set(name, tail);
    // Forget the chain once it is idle, so the map does not grow with every name ever saved.
    void tail.then(() => {
      if (this.chains.get(name) === tail) this.chains.delete(name);
    });
    return run;
  }
}

/** `case-<UTC time>-<version prefix>.yaml` (saves of a case hold its lock: one at a time). */
function backupName(text: string): string {
  const stamp = new Date().toISOString().replace(/:/g, "-");
  return `case-${stamp}-${caseVersion(text).slice(0, 8)}.yaml`;
}

/** Write to a temporary file beside `path`, flush it, then rename it over `path`. */
async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomUUID()}`;
  try {
    const fh = await open(tmp, "wx", 0o644);
    try {
      await fh.writeFile(text, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

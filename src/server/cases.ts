/**
 * ACH case files for the server: the bundled cases (read-only) and the cases directory, where
 * saves go. A case saved under a bundled case's name is a local copy that shadows the bundled
 * one. Saves are validated, atomic (temp file + rename), keep the previous version in
 * `<name>/backups/`, check the optimistic-concurrency version, and are serialised per name.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { lstat, mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { BUNDLED_CASES, CaseError, type CaseProblem, parseCase } from "../assess/case-file.js";
import type { CaseFile } from "../assess/case-schema.js";
import { BadInputError, EntenteError } from "../core/errors.js";
import { CASE_NAME } from "./schemas.js";

export type CaseSource = "bundled" | "local";

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

function checkName(name: string): void {
  if (!CASE_NAME.test(name)) {
    throw new BadInputError("bad_case_name", `"${name}" is not a case name`, {
      hint: "Use 1–64 lowercase letters, digits and hyphens, e.g. russia-china",
    });
  }
}

/** `dir/name/case.yaml`, refusing anything that would resolve outside `dir`. */
function caseFileIn(dir: string, name: string): string {
  checkName(name);
  const root = resolve(dir);
  const file = resolve(root, name, "case.yaml");
  const rel = relative(root, file);
  if (rel.startsWith("..") || rel.startsWith(sep) || rel !== join(name, "case.yaml")) {
    throw new BadInputError("bad_case_name", `"${name}" is not a case name`);
  }
  return file;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

async function caseNames(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  return entries.filter((n) => CASE_NAME.test(n) && existsSync(join(dir, n, "case.yaml"))).sort();
}

export class CaseRepository {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    readonly bundledDir: string = BUNDLED_CASES,
  ) {}

  /** The file a name reads from: the local copy if there is one, else the bundled case. */
  async locate(name: string): Promise<{ file: string; source: CaseSource; text: string } | null> {
    const local = caseFileIn(this.dir, name);
    const text = await readIfExists(local);
    if (text !== null) return { file: local, source: "local", text };
    const bundled = caseFileIn(this.bundledDir, name);
    const btext = await readIfExists(bundled);
    return btext === null ? null : { file: bundled, source: "bundled", text: btext };
  }

  /** The path to assess or report a case from; 404 when there is no such case. */
  async path(name: string): Promise<string> {
    const found = await this.locate(name);
    if (!found) throw new CaseNotFoundError(name);
    return found.file;
  }

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
   * current file (the local copy, else the bundled case) has another hash. Saves of one name run
   * one after the other, so a version check and its write are never interleaved with another.
   */
  async save(name: string, yaml: string, version?: string): Promise<CaseSaved> {
    const file = caseFileIn(this.dir, name);
    parseCase(yaml, `${name}/case.yaml`);
    return this.serialized(name, async () => {
      const current = await this.locate(name);
      if (version !== undefined) {
        const have = current ? caseVersion(current.text) : null;
        if (have !== version) throw new VersionConflictError(name, have ?? "");
      }
      const caseDir = join(resolve(this.dir), name);
      await mkdir(caseDir, { recursive: true });
      const st = await lstat(caseDir);
      if (!st.isDirectory() || st.isSymbolicLink()) {
        throw new BadInputError("bad_case_dir", `${caseDir} is not a plain directory`);
      }
      let backup: string | null = null;
      if (current?.source === "local") {
        const stamp = new Date().toISOString().replace(/:/g, "-");
        const rel = join(
          name,
          "backups",
          `case-${stamp}-${caseVersion(current.text).slice(0, 8)}.yaml`,
        );
        await mkdir(join(caseDir, "backups"), { recursive: true });
        await atomicWrite(join(resolve(this.dir), rel), current.text);
        backup = rel;
      }
      await atomicWrite(file, yaml);
      const bundled = existsSync(caseFileIn(this.bundledDir, name));
      return {
        name,
        version: caseVersion(yaml),
        created: current?.source !== "local",
        backup,
        shadows_bundled: bundled,
      };
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

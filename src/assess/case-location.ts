/**
 * Which file a case reference means, decided in one place for `assess`, `case validate`,
 * `report --case`, `text --case` and the server: a path to an existing file is that file; a
 * case name is the local copy `<cases>/<name>/case.yaml` when there is one (the copy the
 * dashboard and `text --case` write), else the bundled case. A case file is only read when
 * its real path, symbolic links resolved, lies inside its cases folder.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { BadInputError, EntenteError } from "../core/errors.js";
import { BUNDLED_CASES } from "./case-file.js";
import { DEFAULT_CASES_DIR } from "./cases-dir.js";

export { DEFAULT_CASES_DIR };

/** Case names: lowercase letters, digits and hyphens; no dots, slashes or upper case. */
export const CASE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type CaseSource = "bundled" | "local";

export interface CaseLocation {
  /** The file as it is read: symbolic links resolved. */
  readonly file: string;
  readonly source: CaseSource;
}

/** A case file (or its folder) is a link that leads outside its cases folder. */
export class CaseOutsideError extends EntenteError {
  constructor(name: string, dir: string) {
    super(
      "case_outside",
      `Case "${name}" in ${dir} is a symbolic link to a file outside that folder; it is not read`,
      {
        hint: `Replace ${join(dir, name, "case.yaml")} with a plain file (or a link inside ${dir})`,
        exitCode: 2,
        httpStatus: 403,
      },
    );
  }
}

export function checkCaseName(name: string): void {
  if (!CASE_NAME.test(name)) {
    throw new BadInputError("bad_case_name", `"${name}" is not a case name`, {
      hint: "Use 1–64 lowercase letters, digits and hyphens, e.g. russia-china",
    });
  }
}

/** The real path of a folder, or null when it does not exist. */
export function realDir(dir: string): string | null {
  try {
    const real = realpathSync(resolve(dir));
    return statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The real path of `<dir>/<name>/case.yaml`, or null when there is none. Throws
 * CaseOutsideError when it (or the case's folder) is a link leading outside `dir`.
 */
export function caseFileInside(dir: string, name: string): string | null {
  checkCaseName(name);
  const root = realDir(dir);
  if (root === null) return null;
  const file = join(root, name, "case.yaml");
  if (!existsSync(file)) return null; // a dangling link reads as no case
  const real = realpathSync(file);
  if (!real.startsWith(root + sep)) throw new CaseOutsideError(name, dir);
  if (!statSync(real).isFile()) {
    throw new BadInputError("bad_case", `${file} is not a file`, {
      hint: "A case is a folder holding a case.yaml file",
    });
  }
  return real;
}

/** The case a name means: the local copy first, then the bundled case; null when neither. */
export function locateCase(
  name: string,
  casesDir: string = DEFAULT_CASES_DIR,
  bundledDir: string = BUNDLED_CASES,
): CaseLocation | null {
  const local = caseFileInside(casesDir, name);
  if (local !== null) return { file: local, source: "local" };
  const bundled = caseFileInside(bundledDir, name);
  return bundled === null ? null : { file: bundled, source: "bundled" };
}

/** Whether `p` names an existing file (a case given by path rather than by name). */
export const isFilePath = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * A path to a case file, or a case name: the local copy in `casesDir` when there is one, else
 * the bundled case of that name ("russia-china").
 */
export function resolveCasePath(ref: string, casesDir: string = DEFAULT_CASES_DIR): string {
  if (isFilePath(ref)) return ref;
  if (CASE_NAME.test(ref)) {
    const found = locateCase(ref, casesDir);
    if (found) return found.file;
  }
  throw noCaseError(ref, casesDir);
}

export function noCaseError(ref: string, casesDir: string): BadInputError {
  return new BadInputError("no_case", `No case file, local case or bundled case "${ref}"`, {
    hint: `Give a path to a .yaml case file, or a case name: one saved in ${casesDir} or a bundled one such as russia-china`,
  });
}

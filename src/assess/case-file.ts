/**
 * Reading an ACH case file: YAML parsed with line numbers, validated with the zod schema, then
 * checked across fields (ids unique, ratings naming hypotheses, states and indicators known).
 * Every problem is reported with its path and line, all at once.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import { lookupCountry } from "../core/crosswalk.js";
import { BadInputError, EntenteError } from "../core/errors.js";
import { indicatorDef } from "../indicators/registry.js";
import { type CaseFile, CaseSchema } from "./case-schema.js";

export interface CaseProblem {
  /** Where in the case: `evidence[3].credibility`; "" for the file as a whole. */
  readonly path: string;
  /** 1-based line in the file, when known. */
  readonly line: number | null;
  readonly message: string;
}

/** A case file with problems: every one is listed (`entente case validate`). */
export class CaseError extends EntenteError {
  constructor(
    readonly file: string,
    readonly problems: readonly CaseProblem[],
  ) {
    super(
      "bad_case",
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems
        .map(formatProblem)
        .join("; ")}`,
      {
        hint: "Fix the case file (docs/assessment.md; schema: docs/case-schema.json)",
        exitCode: 2,
        httpStatus: 400,
      },
    );
  }
}

export function formatProblem(p: CaseProblem): string {
  return `${p.line === null ? "" : `line ${p.line}: `}${p.path ? `${p.path}: ` : ""}${p.message}`;
}

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    "",
  );

/** The directory of the bundled cases (`cases/<name>/case.yaml` in the package). */
export const BUNDLED_CASES = fileURLToPath(new URL("../../cases/", import.meta.url));

/** Parse and validate a case file; throws CaseError listing every problem. */
export async function loadCase(file: string): Promise<CaseFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new BadInputError("no_case", `Cannot read ${file}: ${(e as Error).message}`);
  }
  return parseCase(text, file);
}

export function parseCase(text: string, file: string): CaseFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) {
    throw new CaseError(
      file,
      doc.errors.map((e) => ({
        path: "",
        line: e.linePos?.[0]?.line ?? null,
        message: `YAML: ${e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    );
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | null => {
    // The deepest node that exists along the path.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
      const at = node && "range" in node ? node.range?.[0] : undefined;
      if (at !== undefined) return lines.linePos(at).line;
      if (n === 0 && (isMap(doc.contents) || isSeq(doc.contents))) {
        const r = doc.contents.range?.[0];
        return r === undefined ? null : lines.linePos(r).line;
      }
    }
    return null;
  };
  const raw: unknown = doc.toJS();
  const parsed = CaseSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => schemaProblem(i, lineOf))),
    ...crossCheck(raw, lineOf),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length || !parsed.success) throw new CaseError(file, problems);
  return parsed.data;
}

function schemaProblem(
  issue: z.core.$ZodIssue,
  lineOf: (p: ReadonlyArray<PropertyKey>) => number | null,
): CaseProblem {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return {
      path: pathText([...issue.path, key]),
      line: lineOf([...issue.path, key]),
      message: `unknown key${issue.keys.length > 1 ? `s ${issue.keys.join(", ")}` : ""}`,
    };
  }
  return { path: pathText(issue.path), line: lineOf(issue.path), message: issue.message };
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v !== null && typeof v === "object" ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const stateRef = (v: unknown): v is string | number =>
  typeof v === "string" || typeof v === "number";

/**
 * Checks across fields, run on the raw document so that they are reported together with the
 * schema's own problems (each check skips what is not there or not of the right type).
 */
function crossCheck(
  raw: unknown,
  lineOf: (p: ReadonlyArray<PropertyKey>) => number | null,
): CaseProblem[] {
  const out: CaseProblem[] = [];
  const at = (path: PropertyKey[], message: string) =>
    out.push({ path: pathText(path), line: lineOf(path), message });
  const c = obj(raw);
  const hyps = new Set<string>();
  const hypotheses = arr(c.hypotheses).map(obj);
  hypotheses.forEach((h, i) => {
    const id = str(h.id);
    if (id === null) return;
    if (hyps.has(id)) at(["hypotheses", i, "id"], `hypothesis ${id} is defined twice`);
    hyps.add(id);
  });
  const withPrior = hypotheses.filter((h) => h.prior !== undefined).length;
  if (withPrior > 0 && withPrior < hypotheses.length) {
    at(["hypotheses"], "give a prior for every hypothesis or for none (none: uniform)");
  }
  const period = obj(c.period);
  if (typeof period.from === "number" && typeof period.to === "number" && period.from > period.to) {
    at(["period"], `from ${period.from} is after to ${period.to}`);
  }
  arr(c.states).forEach((s, i) => {
    if (stateRef(s) && !lookupCountry(s))
      at(["states", i], `"${s}" is not a state the crosswalk knows`);
  });
  const ids = new Set<string>();
  const ratingKeys = (path: PropertyKey[], r: unknown) => {
    for (const h of Object.keys(obj(r))) {
      if (hyps.size && !hyps.has(h)) {
        at([...path, h], `no hypothesis ${h} (hypotheses: ${[...hyps].join(", ")})`);
      }
    }
  };
  arr(c.evidence).forEach((ev, i) => {
    const e = obj(ev);
    const id = str(e.id);
    if (id !== null) {
      if (ids.has(id)) at(["evidence", i, "id"], `evidence ${id} is defined twice`);
      ids.add(id);
    }
    ratingKeys(["evidence", i, "ratings"], e.ratings);
    if (e.binding === undefined) return;
    const b = obj(e.binding);
    const base = ["evidence", i, "binding"];
    ratingKeys([...base, "ratings_if_false"], b.ratings_if_false);
    const ind = str(b.indicator);
    if (ind !== null && !indicatorDef(ind)) {
      at([...base, "indicator"], `unknown indicator "${ind}" (see docs/indicators.md)`);
    }
    arr(b.dyad).forEach((s, j) => {
      if (stateRef(s) && !lookupCountry(s)) {
        at([...base, "dyad", j], `"${s}" is not a state the crosswalk knows`);
      }
    });
    const years = arr(b.years);
    if (typeof years[0] === "number" && typeof years[1] === "number" && years[0] > years[1]) {
      at([...base, "years"], `${years[0]} is after ${years[1]}`);
    }
  });
  return out;
}

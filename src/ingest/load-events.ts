/**
 * Loading one event file (GDELT 1.0/2.0, ICEWS) in bulk: the store's CSV reader does the
 * parsing in parallel; this module streams the bytes (hash, line count, zip), drives the steps in
 * one transaction and checks the accounting between them:
 *
 *   records (counted here, byte by byte) = rows read by the store + lines its reader rejected
 *   rows read = rows kept + records breaking a rule + duplicates
 *
 * Event rows carry file_id and their event id; rejected lines carry their line number.
 */
import { resolve } from "node:path";
import { isCameoEventCode } from "../core/cameo.js";
import { cameoNonStateLabel, lookupCountry } from "../core/crosswalk.js";
import { AccountingError, BadFileError, EntenteError } from "../core/errors.js";
import type { EventLayout, EventRule } from "../store/bulk-csv.js";
import { fileCoverage } from "../store/event-coverage.js";
import type { FileMeta, Reject, Store, UnresolvedName } from "../store/store.js";
import { type EventInput, findLines, hashFile, LineCounter, withPipe } from "./event-input.js";
import type { FileReport, Progress } from "./file-report.js";

export interface EventFileReport extends FileReport {
  /** Events kept whose actors are not two states (blank, regional or non-state, unresolved). */
  rows_without_dyad: number;
  /** ICEWS: event ids stored more than once with different content (kept, reported). */
  id_collisions?: number;
  id_collision_examples?: string[];
}

export interface LoadEventOptions {
  readonly onProgress?: (p: Progress) => void;
  /** Called once the file's sha256 is known; return a report to stop (already loaded). */
  readonly unchanged?: (sha256: string) => Promise<FileReport | null>;
}

/** The first rule a line breaks, as a message; null when it keeps them all. */
export function lineViolation(
  layout: EventLayout,
  columns: readonly string[],
  fields: readonly string[],
): string | null {
  const get = (name: string): string | null => {
    const i = columns.indexOf(name);
    const v = i < 0 ? undefined : fields[i];
    return v === undefined || layout.nullStrings.includes(v) ? null : v;
  };
  for (const rule of layout.rules) {
    const msg = ruleViolation(rule, get, fields.length, columns.length);
    if (msg) return msg;
  }
  return null;
}

function ruleViolation(
  rule: EventRule,
  get: (name: string) => string | null,
  found: number,
  expected: number,
): string | null {
  const v = get(rule.field);
  switch (rule.kind) {
    case "required":
      if (v !== null) return null;
      return found < expected
        ? `${rule.field} is missing: the line has ${found} fields`
        : `${rule.field} is empty`;
    case "digits":
      return v === null || (/^\d+$/.test(v) && rule.lengths.includes(v.length))
        ? null
        : `${rule.field} "${v}" is not ${rule.lengths.map((n) => `${n} digits`).join(" or ")}`;
    case "cameo":
      return v !== null && isCameoEventCode(v)
        ? null
        : `${rule.field} "${v ?? ""}" is not a CAMEO event code`;
    case "root": {
      const code = get(rule.codeField) ?? "";
      return v === code.slice(0, 2)
        ? null
        : `${rule.field} "${v ?? ""}" does not match ${rule.codeField} "${code}"`;
    }
  }
}

/** Resolve the distinct (value, year) pairs of the actor columns through the crosswalk. */
function resolveCountries(
  layout: EventLayout,
  values: ReadonlyArray<{ value: string; year: number; rows: number }>,
): { map: Array<{ value: string; year: number; ccode: number }>; unresolved: UnresolvedName[] } {
  const map: Array<{ value: string; year: number; ccode: number }> = [];
  const missed = new Map<string, number>();
  for (const { value, year, rows } of values) {
    const v = value.trim();
    if (v === "") continue;
    const r =
      layout.countryKind === "cameo"
        ? lookupCountry(`cameo:${v}`, { year })
        : lookupCountry(v, { system: "name", year });
    if (r) {
      map.push({ value, year, ccode: r.ccode });
      continue;
    }
    // Regions and non-state codes (AFR, EUR, WST…) are data without a state, not failures.
    if (layout.countryKind === "cameo" && cameoNonStateLabel(v)) continue;
    const name = layout.countryKind === "cameo" ? `cameo:${v}` : v;
    missed.set(name, (missed.get(name) ?? 0) + rows);
  }
  const unresolved = [...missed]
    .map(([name, rows]) => ({ name, rows }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  return { map, unresolved };
}

/**
 * Load one event file in one transaction. Throws EntenteError for a file that cannot be loaded
 * (the caller turns it into a failed report); the store is unchanged then.
 */
export async function loadEventFile(
  store: Store,
  input: EventInput,
  layout: EventLayout,
  columns: readonly string[],
  base: FileReport,
  opts: LoadEventOptions = {},
): Promise<FileReport> {
  const path = input.path;
  const counter = new LineCounter();
  // One pass over a plain file hashes it and counts its lines; a zip's lines are counted while
  // its data streams to the reader.
  let next = 0;
  const hashed = await hashFile(
    path,
    input.zipped
      ? undefined
      : (c) => {
          counter.push(c);
          const n = counter.result();
          if (n.bytes >= next) {
            next = n.bytes + (64 << 20);
            opts.onProgress?.({ path, lines: n.records, bytes: n.bytes, totalBytes: input.size });
          }
        },
  );
  const report: FileReport = { ...base, sha256: hashed.sha256, source: layout.source };
  const known = await opts.unchanged?.(hashed.sha256);
  if (known) return known;

  const meta: FileMeta = {
    path: resolve(path),
    sha256: hashed.sha256,
    size: hashed.size,
    source: layout.source,
    sourceVersion: layout.version,
  };
  const session = await store.beginEventLoad(meta, layout);
  try {
    const expected = input.zipped ? null : counter.result().records;
    const progress = (fraction: number) => {
      const lines = expected === null ? counter.result().records : Math.round(fraction * expected);
      opts.onProgress?.({
        path,
        lines,
        bytes: expected === null ? counter.result().bytes : Math.round(fraction * hashed.size),
        totalBytes: expected === null ? 0 : hashed.size,
        phase: "loading",
      });
    };
    let read: Awaited<ReturnType<typeof session.readCsv>>;
    try {
      read = input.zipped
        ? await withPipe(
            () => input.open(),
            (c) => counter.push(c),
            (pipe) => session.readCsv({ path: pipe, layout, columns }, progress),
          )
        : await session.readCsv({ path, layout, columns }, progress);
    } catch (e) {
      if (e instanceof EntenteError) throw e;
      // A damaged archive (bad CRC, cut stream) or a file the reader cannot parse at all.
      const msg = ((e as Error).message ?? String(e)).split("\n")[0];
      throw new BadFileError(path, `cannot read ${input.name}: ${msg}`, {
        hint: "The file looks damaged or truncated; download it again",
      });
    }
    const counted = counter.result();
    const records = counted.records - (layout.header ? 1 : 0);
    const readerRejects = read.rejects;
    if (read.rowsRead + readerRejects.length !== records) {
      throw new AccountingError(
        `${path}: ${records} records counted but the reader returned ${read.rowsRead} rows and ${readerRejects.length} rejected lines`,
      );
    }

    // Records breaking a rule: found in SQL, then located on their lines for the report.
    const invalid = await session.invalidRecords();
    const ruleRejects: Reject[] = [];
    if (invalid.length) {
      const keyField = columns.indexOf(layout.id.field);
      const keys = new Set(invalid.map((r) => r.id ?? ""));
      const readerLines = new Set(readerRejects.map((r) => r.line));
      await findLines(input, keyField, keys, (fields, line) => {
        if (readerLines.has(line)) return;
        const reason = lineViolation(layout, columns, fields);
        if (reason) ruleRejects.push({ line, reason });
      });
      const deleted = await session.deleteInvalid();
      if (deleted !== ruleRejects.length) {
        throw new AccountingError(
          `${path}: ${deleted} records break a rule but ${ruleRejects.length} such lines were found`,
        );
      }
    }

    // A file that ends inside a line it cannot read was cut short (an interrupted download).
    const lastLine = counted.records + counted.blank;
    if (
      counted.unterminated &&
      [...readerRejects, ...ruleRejects].some((r) => r.line === lastLine)
    ) {
      throw new BadFileError(path, "the last line is incomplete and has no line end", {
        line: lastLine,
        hint: "The file looks truncated; download it again",
      });
    }

    // What the file covers, from every row it holds (re-delivered events included).
    const coverage = fileCoverage(layout.name, input.name, await session.coverageFacts());
    const { map, unresolved } = resolveCountries(layout, await session.countryValues());
    await session.setCountries(map);
    const dups = await session.removeDuplicates();
    const counts = await session.counts();
    const rejects = [...readerRejects, ...ruleRejects].sort((a, b) => a.line - b.line);
    const result = await session.commit({
      linesRead: records,
      rejects,
      unresolved,
      rowsDuplicate: dups.duplicates,
      coverage,
      verify: (r) => {
        if (r.rowsLoaded !== read.rowsRead - ruleRejects.length - dups.duplicates) {
          throw new AccountingError(
            `${path}: ${read.rowsRead} rows read, ${ruleRejects.length} broke a rule and ${dups.duplicates} were duplicates, but ${r.rowsLoaded} remain`,
          );
        }
        if (records !== r.rowsLoaded + rejects.length + dups.duplicates) {
          throw new AccountingError(
            `${path}: ${records} lines read but ${r.rowsLoaded} loaded + ${rejects.length} rejected + ${dups.duplicates} duplicates`,
          );
        }
      },
    });
    const out: EventFileReport = {
      ...report,
      status: "loaded",
      lines_read: records,
      rows_read: records,
      rows_loaded: result.rowsLoaded,
      rows_rejected: rejects.length,
      rows_duplicate: result.rowsDuplicate,
      rows_without_dyad: counts.withoutDyad,
      ...(layout.id.unique
        ? {}
        : { id_collisions: dups.collisions, id_collision_examples: dups.collisionIds }),
      ...(rejects.length ? { rejects } : {}),
      ...(unresolved.length ? { unresolved } : {}),
    };
    return out;
  } catch (e) {
    await session.abort();
    throw e;
  }
}

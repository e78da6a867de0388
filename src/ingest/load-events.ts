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
import { cameoCodesByYear, cameoNonStateLabel, lookupCountry } from "../core/crosswalk.js";
import { defined } from "../core/defined.js";
import { AccountingError, BadFileError, EntenteError } from "../core/errors.js";
import type { EventLayout, EventRule } from "../store/bulk-csv.js";
import { withContent } from "../store/releases.js";
import type { EventFileMeta, Reject, Store, UnresolvedName } from "../store/store.js";
import { type EventInput, findLines, hashFile, LineCounter, withPipe } from "./event-input.js";
import { eventPeriodRelease } from "./event-period.js";
import type { FileReport, Progress } from "./file-report.js";
import { releaseFields } from "./release-fields.js";

export interface EventFileReport extends FileReport {
  /** Events kept whose actors are not two states (blank, regional or non-state, unresolved). */
  rows_without_dyad: number;
  /** ICEWS: event ids stored more than once with different content (kept, reported). */
  id_collisions?: number;
  id_collision_examples?: string[];
}

export interface LoadEventOptions {
  readonly onProgress?: (p: Progress) => void;
  /** Dataset and release of the file (default: its period when named after one, else its layout). */
  readonly dataset?: string;
  readonly release?: string;
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

/** The years a map of CAMEO country codes covers before a read: GDELT's, 1979 to next year. */
const MAP_FROM = 1979;

let cameoMap: Array<{ value: string; year: number; ccode: number }> | null = null;

/**
 * The country values a layout's reader can resolve as it reads: every CAMEO state code in every
 * year GDELT covers (about 12,000 lookups, once per process). Names (ICEWS) are resolved after
 * the read, from the distinct values the file holds; so are CAMEO values outside these years or
 * spelled otherwise (lower case): the map only saves work, countryValues finds the rest.
 */
function knownCountries(
  layout: EventLayout,
): Array<{ value: string; year: number; ccode: number }> {
  if (layout.countryKind !== "cameo") return [];
  cameoMap ??= cameoCodesByYear(MAP_FROM, new Date().getUTCFullYear() + 1);
  return cameoMap;
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
  // GDELT gives its ids in ascending order: checked as the lines are counted, it spares the
  // store a count of distinct ids (about 0.3 s per 2,000,000 rows).
  const counter = new LineCounter({
    firstFieldIds: layout.id.unique && !layout.header && columns.indexOf(layout.id.field) === 0,
  });
  // A plain file's lines are counted by the pass that hashes it; a zip's as its data streams to
  // the reader (the archive's bytes are hashed).
  const count = input.zipped ? undefined : (c: Buffer) => counter.push(c);
  // The hash pass runs while the store's reader reads, except when a loaded file has the same
  // size: then the bytes may be known, and they are hashed first so that an unchanged file is
  // not read for nothing.
  let hashing: Promise<{ sha256: string; size: number }>;
  if (await store.hasFileOfSize(input.size)) {
    let bytes = 0;
    let next = 0;
    const hashed = await hashFile(path, (c) => {
      count?.(c);
      bytes += c.length;
      if (bytes >= next) {
        next = bytes + (64 << 20);
        const lines = counter.result().records;
        opts.onProgress?.({ path, lines, bytes, totalBytes: input.size });
      }
    });
    const known = await opts.unchanged?.(hashed.sha256);
    if (known) return known;
    hashing = Promise.resolve(hashed);
  } else {
    hashing = hashFile(path, count);
  }
  // Settled at once, so that a failure while the reader still runs is never "unhandled".
  const hashed = hashing.then(
    (h) => h,
    (e: unknown) => {
      throw new BadFileError(path, `cannot read: ${(e as Error).message}`);
    },
  );
  hashed.catch(() => {});

  const period = eventPeriodRelease(layout, path);
  const dataset = opts.dataset ?? period?.dataset;
  const release = opts.release ?? period?.release;
  const meta: EventFileMeta = {
    path: resolve(path),
    size: input.size,
    source: layout.source,
    sourceVersion: layout.version,
    ...defined({ dataset, release }),
  };
  const countries = knownCountries(layout);
  const session = await store.beginEventLoad(meta, layout);
  try {
    // Rows so far, from the reader's progress and the lines counted so far (the count may still
    // run: its rate gives the file's lines).
    const progress = (fraction: number) => {
      const n = counter.result();
      const total = input.zipped || n.bytes === 0 ? 0 : (n.records * input.size) / n.bytes;
      opts.onProgress?.({
        path,
        lines: input.zipped ? n.records : Math.round(fraction * total),
        bytes: input.zipped ? n.bytes : Math.round(fraction * input.size),
        totalBytes: input.zipped ? 0 : input.size,
        phase: "loading",
      });
    };
    let read: Awaited<ReturnType<typeof session.readCsv>>;
    // Asked after the read: a zip's bytes have all passed the counter then, a plain file's
    // once the hash pass (running beside the reader) is done.
    const idsAscending = input.zipped
      ? async () => counter.idsAscending()
      : () =>
          hashed.then(
            () => counter.idsAscending(),
            () => false,
          );
    try {
      read = input.zipped
        ? await withPipe(
            () => input.open(),
            (c) => counter.push(c),
            (pipe) =>
              session.readCsv(
                { path: pipe, once: true, layout, columns, countries, idsAscending },
                progress,
              ),
          )
        : await session.readCsv({ path, layout, columns, countries, idsAscending }, progress);
    } catch (e) {
      await hashed.catch(() => {});
      if (e instanceof EntenteError) throw e;
      // A damaged archive (bad CRC, cut stream) or a file the reader cannot parse at all.
      const msg = ((e as Error).message ?? String(e)).split("\n")[0];
      throw new BadFileError(path, `cannot read ${input.name}: ${msg}`, {
        hint: "The file looks damaged or truncated; download it again",
      });
    }
    const { sha256 } = await hashed;
    const report: FileReport = { ...base, sha256, source: layout.source };
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
    const coverage = await session.coverage(input.name);
    const { map, unresolved } = resolveCountries(layout, await session.countryValues());
    await session.setCountries(map);
    const dups = await session.removeDuplicates();
    const counts = await session.counts();
    const rejects = [...readerRejects, ...ruleRejects].sort((a, b) => a.line - b.line);
    const result = await session.commit({
      sha256,
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
      ...releaseFields(withContent(meta, (await hashed).sha256), result.change),
      ...(rejects.length ? { rejects } : {}),
      ...(unresolved.length ? { unresolved } : {}),
    };
    return out;
  } catch (e) {
    await session.abort();
    throw e;
  }
}

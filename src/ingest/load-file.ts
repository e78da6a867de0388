import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { defined } from "../core/defined.js";
import { AccountingError, BadFileError, EntenteError } from "../core/errors.js";
import { FieldError } from "../core/fields.js";
import { MalformedRecordError, readRecords } from "../core/records.js";
import { detectEventLayout, fileColumns } from "../sources/events/layouts.js";
import { splitHeader } from "../sources/header.js";
import { ALL_SOURCES, SOURCES, sourceByName } from "../sources/index.js";
import { notYetSupported } from "../sources/not-yet.js";
import type { Delimiter, Source } from "../sources/source.js";
import type { EventLayout } from "../store/bulk-csv.js";
import type { Cell, FileMeta, ProvenanceRecord, Reject, Store } from "../store/store.js";
import { decodeText, headLines, looksBinary } from "./decode.js";
import { type EventInput, isZip, plainInput, readHead, zipInput } from "./event-input.js";
import { emptyReport, errorLine, type FileReport, type Progress } from "./file-report.js";
import { loadEventFile } from "./load-events.js";
import { releaseFields } from "./release-fields.js";

export interface LoadFileOptions {
  /** Force a format instead of detecting it from the header. */
  readonly source?: string;
  /** Named on the command line: an unknown format fails instead of being skipped. */
  readonly explicit: boolean;
  /** The dataset and release the file is part of (default: its adapter and the adapter's version). */
  readonly dataset?: string;
  readonly release?: string;
  readonly onProgress?: (p: Progress) => void;
}

const HEAD_LINES = 25;
const ALT_DELIMITERS = [",", "\t", ";", "|"] as const;

function fail(report: FileReport, e: unknown): FileReport {
  return { ...report, status: "failed", error: errorLine(e) };
}

/** A known header written with another delimiter: a specific, fixable error. */
function wrongDelimiter(
  lines: readonly string[],
  path: string,
  candidates: readonly Source[] = SOURCES,
): BadFileError | null {
  for (const src of candidates) {
    for (const d of ALT_DELIMITERS) {
      if (d === src.delimiter) continue;
      // Only lines that really split on `d` can be a header written with it.
      const converted = lines.map((l) => {
        const fields = splitHeader(l, d as Delimiter);
        return fields.length > 1 ? fields.join(src.delimiter) : "";
      });
      if (src.findHeader(converted, basename(path)) >= 0) {
        const name = d === "\t" ? "tabs" : `"${d}"`;
        const want = src.delimiter === "\t" ? "tab" : "comma";
        return new BadFileError(path, `looks like ${src.title} but is separated by ${name}`, {
          hint: `Save it ${want}-separated, as published`,
        });
      }
    }
  }
  return null;
}

/**
 * Whether a file is event data, and how to read it: its input (plain or the file inside a zip),
 * layout and columns. `{ skip }` for a zip archive holding something else.
 */
async function detectEventFile(
  path: string,
  forced?: string,
): Promise<
  | { input: EventInput; layout: EventLayout; columns: string[]; error?: BadFileError }
  | { skip: string; hint: string }
  | null
> {
  // An unknown name is refused by the tabular path (sourceByName), for the whole ingest.
  const named = forced ? ALL_SOURCES.find((s) => s.name === forced) : undefined;
  if (forced && named?.kind !== "events") return null; // a tabular format was forced
  const forcedLayout = named?.kind === "events" ? named.layout : undefined;
  let zipped: boolean;
  try {
    zipped = await isZip(path);
  } catch {
    return null; // unreadable: the text path reports it
  }
  let input: EventInput;
  if (zipped) {
    try {
      input = await zipInput(path);
    } catch (e) {
      // A .zip that cannot be read is a damaged download; other files that merely start like
      // a zip (xlsx, docx) are binary files for the text path to report.
      if (!/\.zip$/i.test(path)) return null;
      if (e instanceof BadFileError && /holds \d+ files/.test(e.message)) {
        return { skip: e.message.replace(`${path}: `, ""), hint: e.hint ?? "Unpack it first" };
      }
      throw e;
    }
  } else {
    input = await plainInput(path);
  }
  const head = await readHead(input);
  if (!zipped && looksBinary(head)) return null;
  const lines = headLines(decodeText(head).text, HEAD_LINES);
  const detected = detectEventLayout(lines);
  const layout = forcedLayout ?? detected;
  if (!layout) {
    return zipped
      ? {
          skip: `zip archive of ${input.name}, which is not GDELT or ICEWS event data`,
          hint: "Entente reads zipped GDELT/ICEWS event files; unpack other archives first",
        }
      : null;
  }
  if (forcedLayout && detected !== forcedLayout) {
    throw new BadFileError(
      path,
      `not in the ${forcedLayout.title} layout${detected ? ` (it looks like ${detected.title})` : ""}`,
      { hint: "Check the file, or drop --source to detect the format" },
    );
  }
  const columns = fileColumns(layout, layout.header ? lines[0] : undefined);
  if (typeof columns === "string") {
    const error = new BadFileError(path, columns, {
      line: 1,
      hint: "Give every column its name once, as published",
    });
    return { input, layout, columns: [], error };
  }
  return { input, layout, columns };
}

/** Why a file already in the provenance is not loaded again (an archived release says so). */
async function alreadyLoaded(store: Store, known: ProvenanceRecord): Promise<string> {
  const rel = (await store.releases()).find((r) => r.fileId === known.fileId);
  const when = `already loaded from ${known.path} on ${known.loadedAt}`;
  return rel?.state === "archived"
    ? `${when}, as release ${rel.release} of ${rel.dataset}, since replaced (entente restore ${rel.dataset} ${rel.release} brings it back)`
    : when;
}

/**
 * Load one file into the store in one transaction. Never throws for bad input: the outcome,
 * including failures, is in the report.
 */
export async function loadFile(
  store: Store,
  path: string,
  opts: LoadFileOptions,
): Promise<FileReport> {
  // Event data (GDELT, ICEWS; plain or zipped) is streamed in bulk, never read whole.
  let event: Awaited<ReturnType<typeof detectEventFile>>;
  try {
    event = await detectEventFile(path, opts.source);
  } catch (e) {
    return fail(emptyReport(path, "failed", null), e);
  }
  if (event && "skip" in event) {
    return opts.explicit
      ? fail(
          emptyReport(path, "failed", null),
          new BadFileError(path, event.skip, { hint: event.hint }),
        )
      : { ...emptyReport(path, "skipped", null), reason: event.skip };
  }
  if (event) {
    const base: FileReport = {
      ...emptyReport(path, "failed", null),
      source: event.layout.source,
      encoding: "utf-8",
    };
    if (event.error) return fail(base, event.error);
    try {
      return await loadEventFile(store, event.input, event.layout, event.columns, base, {
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...defined({ dataset: opts.dataset, release: opts.release }),
        unchanged: async (sha256) => {
          const known = await store.findFileBySha(sha256);
          return known
            ? {
                ...base,
                sha256,
                source: known.source,
                status: "unchanged",
                reason: await alreadyLoaded(store, known),
              }
            : null;
        },
      });
    } catch (e) {
      if (e instanceof EntenteError) return fail(base, e);
      throw e;
    }
  }

  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    return fail(
      emptyReport(path, "failed", null),
      new BadFileError(path, `cannot read: ${(e as Error).message}`),
    );
  }
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const base = emptyReport(path, "failed", sha256);
  const skipOrFail = (reason: string, hint: string): FileReport =>
    opts.explicit
      ? fail(base, new BadFileError(path, reason, { hint }))
      : { ...base, status: "skipped", reason };

  if (buf.length === 0) return skipOrFail("empty file", "Re-download it; the file has no content");
  if (looksBinary(buf)) {
    return skipOrFail(
      "binary file, not delimited text",
      "Entente reads CSV/TSV text; unpack or export the data to CSV first",
    );
  }
  const { text, encoding } = decodeText(buf);
  const lines = headLines(text, HEAD_LINES);
  const name = basename(path);

  let source: Source | undefined;
  let headerIdx = -1;
  if (opts.source) {
    source = sourceByName(opts.source);
    headerIdx = source.findHeader(lines, name);
    if (headerIdx < 0) {
      return fail(
        base,
        wrongDelimiter(lines, path, [source]) ??
          new BadFileError(
            path,
            `no ${source.title} header found in the first ${HEAD_LINES} lines`,
            {
              hint: "Check the file, or drop --source to detect the format",
            },
          ),
      );
    }
  } else {
    for (const s of SOURCES) {
      const i = s.findHeader(lines, name);
      if (i >= 0) {
        source = s;
        headerIdx = i;
        break;
      }
    }
    if (!source) {
      const wd = wrongDelimiter(lines, path);
      if (wd) return fail(base, wd);
      return skipOrFail(
        notYetSupported(lines) ?? "no known header",
        "See `entente sources` for the supported formats, or force one with --source",
      );
    }
  }
  const report: FileReport = { ...base, source: source.name, encoding };

  const known = await store.findFileBySha(sha256);
  if (known) {
    return {
      ...report,
      source: known.source,
      status: "unchanged",
      reason: await alreadyLoaded(store, known),
    };
  }

  const headerLine = lines[headerIdx] ?? "";
  const header = splitHeader(headerLine, source.delimiter);
  let mapper: ReturnType<Source["begin"]>;
  try {
    mapper = source.begin(header, path, lines);
  } catch (e) {
    return fail(report, e);
  }

  const named = source.fileRelease?.(name) ?? null;
  const release = opts.release ?? named?.release;
  const dataset = opts.dataset ?? named?.dataset;
  // Provenance keeps the absolute path: the store outlives the working directory.
  const meta: FileMeta = {
    path: resolve(path),
    sha256,
    size: buf.length,
    source: source.name,
    sourceVersion: source.version,
    ...defined({ dataset, release }),
  };
  const session = await store.beginLoad(meta, source.table);
  const rejects: Reject[] = [];
  const unresolvedCounts = new Map<string, number>();
  let linesRead = 0;
  let rowsEmitted = 0;
  let pending: Cell[][] = [];
  let pendingNames: string[] = [];
  const emitter = {
    row(values: readonly Cell[]) {
      pending.push(values as Cell[]);
    },
    unresolved(n: string) {
      pendingNames.push(n);
    },
  };
  const wide = source.wide === true;
  const width = header.length;
  let accepted = 0;
  let lastRecordShort = false;

  try {
    const records = readRecords(text, {
      delimiter: source.delimiter,
      // TSV files (GDELT, ICEWS, CAMEO) do not quote; a stray " is data there.
      quoting: source.quoted ?? source.delimiter !== "\t",
      fromLine: headerIdx + 2,
    });
    for (const { fields, line, end } of records) {
      if (fields.length === 1 && fields[0]?.trim() === "") continue; // whitespace-only line
      linesRead += 1;
      if (opts.onProgress && linesRead % 50_000 === 0) {
        opts.onProgress({ path, lines: linesRead, bytes: end, totalBytes: buf.length });
      }
      lastRecordShort = fields.length < width;
      if (fields.length !== width) {
        rejects.push({ line, reason: `expected ${width} fields, found ${fields.length}` });
        continue;
      }
      pending = [];
      pendingNames = [];
      try {
        mapper(fields, line, emitter);
      } catch (e) {
        if (e instanceof FieldError) {
          rejects.push({ line, reason: e.message });
          continue;
        }
        throw e;
      }
      if (!wide && pending.length !== 1) {
        throw new Error(`${source.name} adapter emitted ${pending.length} rows for line ${line}`);
      }
      accepted += 1;
      for (const values of pending) session.append(values, line);
      rowsEmitted += pending.length;
      for (const n of pendingNames) unresolvedCounts.set(n, (unresolvedCounts.get(n) ?? 0) + 1);
    }
    if (lastRecordShort && !/\n\s*$/.test(text)) {
      throw new BadFileError(path, "the last line is incomplete and has no line end", {
        line: rejects[rejects.length - 1]?.line ?? 0,
        hint: "The file looks truncated; download it again",
      });
    }
    const unresolved = [...unresolvedCounts]
      .map(([n, rows]) => ({ name: n, rows }))
      .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
    const result = await session.commit({
      linesRead,
      rejects,
      unresolved,
      verify: (r) => {
        if (accepted + rejects.length !== linesRead) {
          throw new AccountingError(
            `${path}: ${linesRead} lines read but ${accepted} accepted + ${rejects.length} rejected`,
          );
        }
        if (r.rowsLoaded + r.rowsDuplicate !== rowsEmitted) {
          throw new AccountingError(
            `${path}: ${rowsEmitted} rows staged but ${r.rowsLoaded} loaded + ${r.rowsDuplicate} duplicates`,
          );
        }
      },
    });
    if (opts.onProgress)
      opts.onProgress({ path, lines: linesRead, bytes: buf.length, totalBytes: buf.length });
    return {
      ...report,
      status: "loaded",
      lines_read: linesRead,
      rows_read: rowsEmitted + rejects.length,
      rows_loaded: result.rowsLoaded,
      rows_rejected: rejects.length,
      rows_duplicate: result.rowsDuplicate,
      ...(rejects.length ? { rejects } : {}),
      ...(unresolved.length ? { unresolved } : {}),
      ...releaseFields(meta, result.change),
    };
  } catch (e) {
    await session.abort();
    if (e instanceof EntenteError) return fail(report, e);
    if (e instanceof MalformedRecordError) {
      return fail(
        report,
        new BadFileError(path, `malformed CSV: ${e.message}`, {
          line: e.line,
          hint: "The file may be truncated or not in the expected layout; download it again",
        }),
      );
    }
    throw e;
  }
}

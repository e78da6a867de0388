/**
 * `entente text`: read documents, analyse them, store each with its sha256 and provenance (table
 * `documents`), and return the analyses. A file already stored (same sha256) is not analysed
 * again: its stored analysis is returned.
 */
import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { BadInputError, EntenteError } from "../core/errors.js";
import { hashFile } from "../ingest/event-input.js";
import { walk } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import { type Analyzed, analyzeDocument, type DocumentAnalysis } from "./analyze.js";
import { TEXT_EXTENSIONS } from "./extensions.js";
import { readDocument } from "./read.js";

export { TEXT_EXTENSIONS };

/** Provenance source of documents. */
export const TEXT_SOURCE = "text-document";
/** Version of the analysis (reader, lexicon, people list): stored with each document. */
export const TEXT_ANALYSIS_VERSION = "2";

export interface TextFileResult {
  readonly path: string;
  readonly status: "analysed" | "unchanged" | "failed";
  readonly analysis?: DocumentAnalysis;
  /** The document's own date, when found. */
  readonly date?: string | null;
  readonly error?: string;
}

/** The files named: files as they are (any extension, checked by the reader), directories walked. */
export async function textFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const p = resolve(input);
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      throw new BadInputError("no_such_file", `${input}: no such file or directory`);
    }
    if (s.isDirectory()) {
      out.push(...(await walk(p)).filter((f) => TEXT_EXTENSIONS.has(extname(f).toLowerCase())));
    } else out.push(p);
  }
  return out;
}

async function storeAnalysis(store: Store, a: Analyzed, sha256: string, size: number) {
  const s = await store.beginLoad(
    { path: a.doc.path, sha256, size, source: TEXT_SOURCE, sourceVersion: TEXT_ANALYSIS_VERSION },
    "documents",
  );
  try {
    s.append(
      [
        a.textSha256,
        a.doc.format,
        a.doc.title,
        a.date,
        a.doc.text,
        [...a.analysis.dates],
        [...a.stateCodes],
        a.analysis.entities.organizations.map((o) => o.id),
        [...new Set(a.people.flatMap((p) => (p.personId ? [p.personId] : [])))],
        a.analysis.rhetoric.score,
        a.analysis.quotes.length,
        JSON.stringify({ ...a.analysis, date: a.date }),
      ],
      1,
    );
    await s.commit({
      linesRead: 1,
      rejects: [],
      unresolved: [],
      verify: (r) => {
        if (r.rowsLoaded + r.rowsDuplicate !== 1) {
          throw new Error(`${a.doc.path}: 1 document read, ${r.rowsLoaded} stored`);
        }
      },
    });
  } catch (e) {
    await s.abort();
    throw e;
  }
}

/** The stored analysis of a file already loaded (same sha256), if any. */
async function storedAnalysis(store: Store, sha256: string): Promise<TextFileResult | null> {
  const f = await store.findFileBySha(sha256);
  if (f?.table !== "documents") return null;
  const rows = await store.query<{ a: string }>(
    "SELECT analysis_json AS a FROM documents WHERE file_id = $1",
    [f.fileId],
  );
  const json = rows[0]?.a;
  if (!json) return null; // the same text came first from another file: analyse again
  const { date, ...analysis } = JSON.parse(json) as DocumentAnalysis & { date: string | null };
  return { path: f.path, status: "unchanged", analysis: { ...analysis, path: f.path }, date };
}

/** Read, analyse and store each file; a file that fails is reported, the others go on. */
export async function analyzeFiles(
  store: Store | null,
  inputs: readonly string[],
): Promise<TextFileResult[]> {
  const files = await textFiles(inputs);
  if (!files.length) {
    throw new BadInputError("no_documents", `No documents in ${inputs.join(", ")}`, {
      hint: `entente text reads ${[...TEXT_EXTENSIONS].join(", ")} files`,
    });
  }
  const results: TextFileResult[] = [];
  for (const path of files) {
    try {
      const { sha256, size } = await hashFile(path);
      const known = store ? await storedAnalysis(store, sha256) : null;
      if (known) {
        results.push({ ...known, path });
        continue;
      }
      const doc = await readDocument(path);
      const a = analyzeDocument(doc, sha256);
      if (store) await storeAnalysis(store, a, sha256, size);
      results.push({ path, status: "analysed", analysis: a.analysis, date: a.date });
    } catch (e) {
      if (!(e instanceof EntenteError)) throw e;
      results.push({ path, status: "failed", error: e.toCliLine() });
    }
  }
  return results;
}

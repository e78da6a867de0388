/**
 * The references Entente cites, each written once in data/bibliography.csv (`key`, `reference`:
 * the full reference as one sentence or more, ending with a full stop). Sources and indicators
 * cite them by key; a citation is its references in order, separated by a space, then any note
 * of the citing code ("Undirected value = …").
 */
import { cell, type DataReader, dataPath, readDataFile } from "./data-file.js";
import { DataFileError } from "./errors.js";

export const BIBLIOGRAPHY_FILE = "bibliography.csv";

const SPEC = {
  key: cell.matching("[a-z][a-z0-9-]*", "expected a key in lower case: letters, digits, -"),
  reference: cell.matching("[^\\n]*[.]", "expected a reference ending with a full stop"),
} as const;

/** Key → reference, as the file has them; a key given twice is an error naming its line. */
export function readBibliography(read: DataReader = readDataFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const { row, line } of read(BIBLIOGRAPHY_FILE, SPEC)) {
    if (out.has(row.key)) {
      throw new DataFileError(dataPath(BIBLIOGRAPHY_FILE), `key "${row.key}" is given twice`, line);
    }
    out.set(row.key, row.reference);
  }
  return out;
}

let table: Map<string, string> | null = null;

/** The references of `keys`, in order, separated by a space. An unknown key is an error. */
export function cite(...keys: string[]): string {
  table ??= readBibliography();
  return keys
    .map((k) => {
      const r = table?.get(k);
      if (r === undefined) {
        throw new DataFileError(dataPath(BIBLIOGRAPHY_FILE), `no reference with key "${k}"`);
      }
      return r;
    })
    .join(" ");
}

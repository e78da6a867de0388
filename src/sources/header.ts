import { BadFileError } from "../core/errors.js";
import { readRecords } from "../core/records.js";
import type { Delimiter } from "./source.js";

/** Split one header line into trimmed, unquoted names (BOM removed). */
export function splitHeader(line: string, delimiter: Delimiter): string[] {
  try {
    const first = readRecords(line.replace(/^\uFEFF/, ""), {
      delimiter,
      quoting: true,
      fromLine: 1,
    }).next();
    return first.done ? [] : first.value.fields.map((s) => s.trim());
  } catch {
    return [];
  }
}

/** True when the header contains every required column (exact names, case-sensitive). */
export function hasColumns(header: readonly string[], required: readonly string[]): boolean {
  const set = new Set(header);
  return required.every((c) => set.has(c));
}

/** Header line index among `lines` whose fields include all `required` columns; -1 if none. */
export function findHeaderWith(
  lines: readonly string[],
  delimiter: Delimiter,
  required: readonly string[],
  maxLine = 0,
): number {
  for (let i = 0; i <= Math.min(maxLine, lines.length - 1); i++) {
    const line = lines[i];
    if (line !== undefined && hasColumns(splitHeader(line, delimiter), required)) return i;
  }
  return -1;
}

/** Column positions by name; throws a BadFileError naming the missing columns. */
export function columnIndex(
  header: readonly string[],
  required: readonly string[],
  path: string,
): Record<string, number> {
  const idx: Record<string, number> = {};
  header.forEach((name, i) => {
    if (!(name in idx)) idx[name] = i;
  });
  const missing = required.filter((c) => !(c in idx));
  if (missing.length) {
    throw new BadFileError(path, `header lacks column(s) ${missing.join(", ")}`, { line: 1 });
  }
  return idx;
}

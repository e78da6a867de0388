/** How `ingest` and `sync` print the change a new release made (src/store/releases.ts). */
import type { KeyValues, ReleaseChange } from "../store/releases.js";
import { fmtInt } from "./output.js";

const key = (k: KeyValues): string =>
  Object.entries(k)
    .map(([c, v]) => `${c}=${v === null ? "null" : String(v)}`)
    .join(" ");

const cell = (v: unknown): string => (v === null ? "null" : JSON.stringify(v));

/** Indented lines: the counts, then the examples of each kind. */
export function changeLines(c: ReleaseChange, indent = "    "): string[] {
  const was = c.replaced
    .map((r) => `${r.release} (${r.files} file${r.files === 1 ? "" : "s"})`)
    .join(", ");
  const lines = [
    `${indent}release ${c.release} of ${c.dataset} replaces ${was} in ${c.table}: ${fmtInt(c.added)} added, ${fmtInt(c.removed)} removed, ${fmtInt(c.changed)} changed, ${fmtInt(c.unchanged)} unchanged (${fmtInt(c.rowsBefore)} rows before, ${fmtInt(c.rowsAfter)} now); the old rows are archived until \`entente prune\``,
  ];
  if (c.examples.added.length) {
    lines.push(`${indent}  added, e.g.: ${c.examples.added.map(key).join("; ")}`);
  }
  if (c.examples.removed.length) {
    lines.push(`${indent}  removed, e.g.: ${c.examples.removed.map(key).join("; ")}`);
  }
  for (const ch of c.examples.changed) {
    const cols = ch.columns.map((x) => `${x.column} ${cell(x.old)} → ${cell(x.new)}`).join(", ");
    lines.push(`${indent}  changed: ${key(ch.key)}: ${cols}`);
  }
  return lines;
}

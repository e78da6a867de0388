import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Nile test vector of ../shared/docs/METHODS.md (read by path, never copied). */
export const NILE = resolve(
  fileURLToPath(new URL(".", import.meta.url)),
  "../../../shared/docs/testdata/nile.csv",
);
export const hasNile = existsSync(NILE);
export const NO_NILE = `skipped: ${NILE} not present`;

export function nile(): { year: number[]; flow: number[] } {
  const rows = readFileSync(NILE, "utf8").trim().split("\n").slice(1);
  const cells = rows.map((l) => l.split(",").map((c) => Number(c.replace(/"/g, ""))));
  return { year: cells.map((c) => c[0] as number), flow: cells.map((c) => c[1] as number) };
}

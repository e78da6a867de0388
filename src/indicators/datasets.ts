/**
 * Which datasets each indicator is computed from, read from data/indicators/datasets.csv: a row
 * per family (every indicator of the family) or per indicator (overriding its family's row).
 * Composites take the datasets of the families they are computed from (COMPOSITE_FAMILIES).
 * The dashboard's provenance of a value (/api/indicators) is derived from this, not kept by hand.
 */
import { cell, type DataReader, dataPath, list, readDataFile } from "../core/data-file.js";
import { DataFileError } from "../core/errors.js";
import { COMPOSITE_FAMILIES } from "./composite.js";
import type { IndicatorDef } from "./indicator.js";

export const DATASETS_FILE = "indicators/datasets.csv";

const SPEC = {
  indicator: cell.matching("[a-z][a-z0-9_]*", "expected a family or indicator name"),
  datasets: cell.matching("[a-z0-9-]+(?:\\|[a-z0-9-]+)*", "expected dataset names a|b|c"),
} as const;

/** Family or indicator name → dataset names, as the file has them. */
export function readDatasetRows(read: DataReader = readDataFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { row, line } of read(DATASETS_FILE, SPEC)) {
    if (out.has(row.indicator)) {
      throw new DataFileError(dataPath(DATASETS_FILE), `"${row.indicator}" is listed twice`, line);
    }
    out.set(row.indicator, list(row.datasets));
  }
  return out;
}

/** The defs with `datasets` filled in; a def neither the file nor a composite covers is an error. */
export function withDatasets(
  defs: readonly IndicatorDef[],
  rows: ReadonlyMap<string, readonly string[]> = readDatasetRows(),
): IndicatorDef[] {
  const composite = (name: string) => COMPOSITE_FAMILIES[name.replace(/_(lo|hi)$/, "")];
  return defs.map((d) => {
    const own = rows.get(d.name) ?? rows.get(d.family);
    const families = d.family === "composite" ? composite(d.name) : undefined;
    const datasets =
      own ?? (families ? [...new Set(families.flatMap((f) => rows.get(f) ?? []))] : null);
    if (!datasets) {
      throw new DataFileError(
        DATASETS_FILE,
        `no row for indicator ${d.name} or its family ${d.family}`,
      );
    }
    return { ...d, datasets };
  });
}

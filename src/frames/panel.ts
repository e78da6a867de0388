import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { extname } from "node:path";
import { lookupCountry, resolveCountry } from "../core/crosswalk.js";
import { csvField } from "../core/csv.js";
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import type { CompositeWeights } from "../indicators/composite.js";
import type { EventFilter, UnVoteSource } from "../indicators/indicator.js";
import { type ParquetColumn, writeParquet } from "../store/parquet.js";
import type { Store } from "../store/store.js";
import {
  type AddIndicatorsOptions,
  addIndicators,
  type IndicatorColumns,
} from "./add-indicators.js";
import { createDyadYears } from "./create-dyad-years.js";
import { yearRange } from "./dyad.js";
import { type PeriodKind, periodCode, periodKind, periodLabel } from "./frame.js";
import { expandPeriods } from "./periods.js";
import { relevantDyadYears } from "./relevant-dyads.js";

export interface PanelOptions {
  /**
   * "all" (default), "relevant" (politically relevant dyad-years: contiguous by land or river, or
   * with a major power) or pairs such as "RUS-CHN,USA-JPN" (any crosswalk names or codes).
   */
  readonly dyads?: string | "all" | "relevant" | ReadonlyArray<readonly [number, number]>;
  readonly from?: number;
  readonly to?: number;
  readonly indicators?: string | readonly string[];
  readonly directed?: boolean;
  readonly weights?: CompositeWeights;
  readonly onStep?: AddIndicatorsOptions["onStep"];
  /** Rows per year (default), quarter or month; sub-year periods carry event indicators only. */
  readonly period?: PeriodKind;
  readonly events?: EventFilter;
  /** Which UN General Assembly votes the UN measures read (default auto). */
  readonly unVotes?: UnVoteSource;
  /** The bootstrap interval columns too (default false: 500 resamples per dyad-year). */
  readonly intervals?: boolean;
  /**
   * Refuse a panel of more rows than this, checked on the universe before any indicator is
   * computed (the server's guard; default: no limit).
   */
  readonly limit?: number;
}

/**
 * Parse "A-B,C-D". Names may contain hyphens (Guinea-Bissau), so each item is split at the
 * hyphen where both sides resolve.
 */
export function parseDyads(spec: string): Array<[number, number]> {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const cuts = [...item.matchAll(/-/g)].map((m) => m.index as number);
      for (const c of cuts) {
        const a = lookupCountry(item.slice(0, c).trim());
        const b = lookupCountry(item.slice(c + 1).trim());
        if (a && b) return [a.ccode, b.ccode] as [number, number];
      }
      if (!cuts.length) {
        throw new BadInputError("bad_dyad", `"${item}" is not a pair`, {
          hint: "Write pairs as A-B, e.g. RUS-CHN",
        });
      }
      // Let the crosswalk explain which side it cannot resolve.
      const c = cuts[0] as number;
      resolveCountry(item.slice(0, c).trim());
      resolveCountry(item.slice(c + 1).trim());
      throw new BadInputError("bad_dyad", `"${item}" is not a pair of states`, {
        hint: "Write pairs as A-B",
      });
    });
}

/**
 * A dyad-year panel: the universe of dyad-years with indicator columns added by left joins.
 * An empty universe, or one over `limit` rows, is refused before any indicator is computed.
 */
export async function panel(store: Store, opts: PanelOptions = {}): Promise<IndicatorColumns> {
  const { from, to } = await yearRange(store, opts.from, opts.to);
  const relevant = opts.dyads === "relevant";
  const dyads =
    opts.dyads === undefined || opts.dyads === "all" || relevant
      ? "all"
      : typeof opts.dyads === "string"
        ? parseDyads(opts.dyads)
        : opts.dyads;
  const universe = createDyadYears({ dyads, from, to, directed: opts.directed ?? false });
  const frame = expandPeriods(
    relevant ? await relevantDyadYears(store, universe) : universe,
    opts.period ?? "year",
  );
  if (opts.limit !== undefined && frame.length > opts.limit) {
    throw new BadInputError(
      "panel_too_large",
      `The panel would have ${frame.length} rows, more than limit ${opts.limit}`,
      { hint: "Narrow dyads, from and to, or use a coarser period (or raise limit up to 5000000)" },
    );
  }
  if (frame.length === 0) {
    throw new BadInputError("empty_panel", "The panel has no rows", {
      hint: "Check the dyads and the years (from, to)",
    });
  }
  return addIndicators(store, frame, {
    ...defined({
      events: opts.events,
      unVotes: opts.unVotes,
      indicators: opts.indicators,
      weights: opts.weights,
      onStep: opts.onStep,
    }),
    intervals: opts.intervals === true,
  });
}

export const PANEL_FORMATS = ["csv", "parquet"] as const;
export type PanelFormat = (typeof PANEL_FORMATS)[number];

export function panelFormat(path: string): PanelFormat {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === "csv" || ext === "parquet") return ext;
  throw new BadInputError("bad_output", `Cannot tell the format of ${path}`, {
    hint: "End the file name in .csv or .parquet",
  });
}

/** Column names in order: keys, then indicators (composites followed by their coverage). */
export function panelColumns(p: IndicatorColumns): string[] {
  const cols = ["ccode1", "ccode2", p.frame.period ? "period" : "year"];
  for (const d of p.indicators) {
    cols.push(d.name);
    if (p.coverage[d.name]) cols.push(`${d.name}_coverage`);
  }
  return cols;
}

/**
 * The panel as CSV text, about `chunkBytes` at a time (header first): the one encoder behind
 * `entente panel --out x.csv` and the API's streamed download. Numbers as JavaScript prints them
 * (shortest round-trip form), null as an empty cell; no field needs quoting (codes, years,
 * periods, numbers and coverage lists such as "un+atop").
 */
export function* panelCsvChunks(p: IndicatorColumns, chunkBytes = 1 << 20): Generator<string> {
  const getters = p.indicators.flatMap((d) => {
    const col = p.values[d.name] as Float64Array;
    const comp = p.coverage[d.name];
    const g: Array<(i: number) => string> = [(i) => csvField(col[i])];
    if (comp) g.push((i) => comp[i] as string);
    return g;
  });
  const { a, b } = p.frame;
  const kind = periodKind(p.frame);
  let chunk = `${panelColumns(p).join(",")}\n`;
  for (let i = 0; i < p.frame.length; i++) {
    let line = `${a[i]},${b[i]},${kind === "year" ? p.frame.year[i] : periodLabel(kind, periodCode(p.frame, i))}`;
    for (const g of getters) line += `,${g(i)}`;
    chunk += `${line}\n`;
    if (chunk.length >= chunkBytes) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

async function writeCsv(p: IndicatorColumns, path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of panelCsvChunks(p)) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function writePanelParquet(p: IndicatorColumns, path: string): Promise<void> {
  const kind = periodKind(p.frame);
  const columns: ParquetColumn[] = [
    { name: "ccode1", type: "INTEGER", value: (i) => p.frame.a[i] },
    { name: "ccode2", type: "INTEGER", value: (i) => p.frame.b[i] },
    kind === "year"
      ? { name: "year", type: "INTEGER", value: (i) => p.frame.year[i] }
      : {
          name: "period",
          type: "VARCHAR",
          value: (i) => periodLabel(kind, periodCode(p.frame, i)),
        },
  ];
  for (const d of p.indicators) {
    const col = p.values[d.name] as Float64Array;
    columns.push({ name: d.name, type: "DOUBLE", value: (i) => col[i] });
    const comp = p.coverage[d.name];
    if (comp) columns.push({ name: `${d.name}_coverage`, type: "VARCHAR", value: (i) => comp[i] });
  }
  return writeParquet(path, columns, p.frame.length);
}

/**
 * Write `path` through a temporary file renamed into place: a failed write leaves no file.
 * Returns the format of the path's extension, given to `write` with the temporary path.
 */
export async function writeAtomically(
  path: string,
  write: (tmp: string, format: PanelFormat) => Promise<void>,
): Promise<PanelFormat> {
  const format = panelFormat(path);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await write(tmp, format);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return format;
}

/** Write a panel to CSV or Parquet (by extension), atomically: a failed write leaves no file. */
export function writePanel(p: IndicatorColumns, path: string): Promise<PanelFormat> {
  return writeAtomically(path, (tmp, format) =>
    format === "csv" ? writeCsv(p, tmp) : writePanelParquet(p, tmp),
  );
}

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { extname } from "node:path";
import { lookupCountry, resolveCountry } from "../core/crosswalk.js";
import { BadInputError } from "../core/errors.js";
import type { CompositeWeights } from "../indicators/composite.js";
import {
  type EventFilter,
  type PeriodKind,
  periodCode,
  periodKind,
  periodLabel,
  type UnVoteSource,
} from "../indicators/indicator.js";
import { duckdb } from "../store/duckdb/node-api.js";
import { quoteIdent, quoteLiteral } from "../store/sql.js";
import type { Store } from "../store/store.js";
import {
  type AddIndicatorsOptions,
  addIndicators,
  type IndicatorColumns,
} from "./add-indicators.js";
import { createDyadYears } from "./create-dyad-years.js";
import { yearRange } from "./dyad.js";
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

/** A dyad-year panel: the universe of dyad-years with indicator columns added by left joins. */
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
  return addIndicators(store, frame, {
    ...(opts.events === undefined ? {} : { events: opts.events }),
    ...(opts.unVotes === undefined ? {} : { unVotes: opts.unVotes }),
    ...(opts.indicators === undefined ? {} : { indicators: opts.indicators }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.onStep === undefined ? {} : { onStep: opts.onStep }),
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

function csvCell(v: number): string {
  return Number.isFinite(v) ? String(v) : "";
}

async function writeCsv(p: IndicatorColumns, path: string): Promise<void> {
  const out = createWriteStream(path);
  const names = panelColumns(p);
  out.write(`${names.join(",")}\n`);
  const getters = p.indicators.flatMap((d) => {
    const col = p.values[d.name] as Float64Array;
    const comp = p.coverage[d.name];
    const g: Array<(i: number) => string> = [(i) => csvCell(col[i] as number)];
    if (comp) g.push((i) => comp[i] as string);
    return g;
  });
  const { a, b } = p.frame;
  const kind = periodKind(p.frame);
  let chunk = "";
  for (let i = 0; i < p.frame.length; i++) {
    let line = `${a[i]},${b[i]},${kind === "year" ? p.frame.year[i] : periodLabel(kind, periodCode(p.frame, i))}`;
    for (const g of getters) line += `,${g(i)}`;
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

async function writeParquet(p: IndicatorColumns, path: string): Promise<void> {
  // A private in-memory DuckDB writes Parquet whatever the store's backend is.
  const db = await duckdb.DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const names = panelColumns(p);
    const types = names.map((n) =>
      n === "ccode1" || n === "ccode2" || n === "year"
        ? "INTEGER"
        : n.endsWith("_coverage") || n === "period"
          ? "VARCHAR"
          : "DOUBLE",
    );
    await con.run(
      `CREATE TABLE panel (${names.map((n, i) => `${quoteIdent(n)} ${types[i]}`).join(", ")})`,
    );
    const ap = await con.createAppender("panel");
    const kind = periodKind(p.frame);
    const cols = p.indicators.flatMap((d) => {
      const c: Array<
        { kind: "num"; col: Float64Array } | { kind: "text"; col: readonly string[] }
      > = [{ kind: "num", col: p.values[d.name] as Float64Array }];
      const comp = p.coverage[d.name];
      if (comp) c.push({ kind: "text", col: comp });
      return c;
    });
    for (let i = 0; i < p.frame.length; i++) {
      ap.appendInteger(p.frame.a[i] as number);
      ap.appendInteger(p.frame.b[i] as number);
      if (kind === "year") ap.appendInteger(p.frame.year[i] as number);
      else ap.appendVarchar(periodLabel(kind, periodCode(p.frame, i)));
      for (const c of cols) {
        if (c.kind === "num") {
          const v = c.col[i] as number;
          if (Number.isFinite(v)) ap.appendDouble(v);
          else ap.appendNull();
        } else ap.appendVarchar(c.col[i] as string);
      }
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    await con.run(`COPY panel TO ${quoteLiteral(path)} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
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
    format === "csv" ? writeCsv(p, tmp) : writeParquet(p, tmp),
  );
}

/**
 * Panels for download. The universe of dyad-years is built first (cheap) so that a request over
 * the row limit is refused before any indicator is computed; then the indicators are added as
 * `panel()` does, and the file is streamed: CSV generated chunk by chunk as the client reads
 * (the same text `writePanel` writes), Parquet written to a temporary file that is removed once
 * sent.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { BadInputError } from "../core/errors.js";
import {
  type AddIndicatorsOptions,
  addIndicators,
  type IndicatorColumns,
} from "../frames/add-indicators.js";
import { createDyadYears } from "../frames/create-dyad-years.js";
import { yearRange } from "../frames/dyad.js";
import {
  type PanelFormat,
  type PanelOptions,
  panelColumns,
  parseDyads,
  writePanel,
} from "../frames/panel.js";
import { expandPeriods } from "../frames/periods.js";
import { periodCode, periodKind, periodLabel } from "../indicators/indicator.js";
import type { Store } from "../store/store.js";

/** `panel()` with a row limit checked before the indicators are computed. */
export async function limitedPanel(
  store: Store,
  opts: PanelOptions,
  limit: number,
): Promise<IndicatorColumns> {
  const { from, to } = await yearRange(store, opts.from, opts.to);
  const dyads =
    opts.dyads === undefined || opts.dyads === "all"
      ? "all"
      : typeof opts.dyads === "string"
        ? parseDyads(opts.dyads)
        : opts.dyads;
  const frame = expandPeriods(
    createDyadYears({ dyads, from, to, directed: opts.directed ?? false }),
    opts.period ?? "year",
  );
  if (frame.length > limit) {
    throw new BadInputError(
      "panel_too_large",
      `The panel would have ${frame.length} rows, more than limit ${limit}`,
      { hint: "Narrow dyads, from and to, or use a coarser period (or raise limit up to 5000000)" },
    );
  }
  if (frame.length === 0) {
    throw new BadInputError("empty_panel", "The panel has no rows", {
      hint: "Check dyads, from and to",
    });
  }
  const add: AddIndicatorsOptions = {
    ...(opts.events === undefined ? {} : { events: opts.events }),
    ...(opts.indicators === undefined ? {} : { indicators: opts.indicators }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
  };
  return addIndicators(store, frame, add);
}

const cell = (v: number): string => (Number.isFinite(v) ? String(v) : "");

/** The panel as CSV text, about `chunkBytes` at a time (header first). */
export function* csvChunks(p: IndicatorColumns, chunkBytes = 1 << 20): Generator<string> {
  const getters = p.indicators.flatMap((d) => {
    const col = p.values[d.name] as Float64Array;
    const comp = p.coverage[d.name];
    const g: Array<(i: number) => string> = [(i) => cell(col[i] as number)];
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

/** A pull-based stream: the next chunk is generated only when the client has read the last. */
export function csvStream(p: IndicatorColumns): ReadableStream<Uint8Array> {
  const chunks = csvChunks(p);
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(enc.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

/** The panel written as Parquet to a temporary file, streamed, and removed afterwards. */
export async function parquetStream(
  p: IndicatorColumns,
): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  const dir = await mkdtemp(join(tmpdir(), "entente-panel-"));
  const file = join(dir, "panel.parquet");
  try {
    await writePanel(p, file);
    const { size } = await stat(file);
    const stream = createReadStream(file);
    const cleanup = () => void rm(dir, { recursive: true, force: true });
    stream.once("close", cleanup);
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

export const PANEL_CONTENT_TYPES: Record<PanelFormat, string> = {
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
};

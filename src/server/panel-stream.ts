/**
 * Panels for download, built by `panel()` with the server's row limit: CSV generated chunk by
 * chunk as the client reads (the encoder `writePanel` uses), Parquet written to a temporary file
 * that is removed once sent.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { IndicatorColumns } from "../frames/add-indicators.js";
import { type PanelFormat, panelCsvChunks, writePanel } from "../frames/panel.js";

/** A pull-based stream: the next chunk is generated only when the client has read the last. */
export function csvStream(p: IndicatorColumns): ReadableStream<Uint8Array> {
  const chunks = panelCsvChunks(p);
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

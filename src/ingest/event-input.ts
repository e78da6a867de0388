/**
 * The bytes of an event file: a plain file, or the one data file inside a .zip archive, read as a
 * stream (never unpacked to disk). Also the byte-level passes the bulk loader needs: hashing,
 * counting lines, and finding the lines of a few records.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { lstat, open, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { BadFileError } from "../core/errors.js";
import { makeFifo } from "../core/named-pipe.js";
import { processTempDir } from "../core/process-temp.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export interface EventInput {
  /** The path given (the archive for a zip). */
  readonly path: string;
  /** Name of the data inside: the file name, or the zip entry's name. */
  readonly name: string;
  readonly zipped: boolean;
  /** Size in bytes of the file given. */
  readonly size: number;
  /** A fresh stream of the (decompressed) data bytes. */
  open(): Promise<Readable>;
}

const trimDot = (msg: string): string => msg.replace(/\.+$/, "");

/** Whether the file starts like a zip archive. */
export async function isZip(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    const head = buf.subarray(0, bytesRead);
    return head.equals(ZIP_MAGIC) || head.equals(EMPTY_ZIP_MAGIC);
  } finally {
    await fh.close();
  }
}

/**
 * Open a zip archive holding one data file. A damaged or truncated archive is a BadFileError
 * naming it (the central directory at the end of the file is the first thing read).
 */
export async function zipInput(path: string): Promise<EventInput> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { autoClose: false });
  } catch (e) {
    throw new BadFileError(path, `not a readable zip archive: ${trimDot((e as Error).message)}`, {
      hint: "The archive looks truncated or damaged; download it again",
    });
  }
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith("/")) entries.push(entry);
    }
  } catch (e) {
    zip.close();
    throw new BadFileError(path, `damaged zip archive: ${trimDot((e as Error).message)}`, {
      hint: "Download it again",
    });
  }
  const entry = entries[0];
  if (entries.length !== 1 || !entry) {
    zip.close();
    throw new BadFileError(
      path,
      `the archive holds ${entries.length} files; Entente reads archives of one data file (as GDELT publishes them)`,
      { hint: "Unpack it and load the files inside one by one, or zip each alone" },
    );
  }
  return {
    path,
    name: entry.fileName,
    zipped: true,
    size: (await stat(path)).size,
    async open() {
      try {
        return await zip.openReadStreamPromise(entry);
      } catch (e) {
        throw new BadFileError(path, `cannot read ${entry.fileName}: ${(e as Error).message}`, {
          hint: "The archive looks truncated or damaged; download it again",
        });
      }
    },
  };
}

export async function plainInput(path: string): Promise<EventInput> {
  return {
    path,
    name: basename(path),
    zipped: false,
    size: (await stat(path)).size,
    async open() {
      return createReadStream(path, { highWaterMark: 1 << 20 });
    },
  };
}

/** The first `bytes` bytes of the data (for detecting its layout). */
export async function readHead(input: EventInput, bytes = 64 * 1024): Promise<Buffer> {
  const stream = await input.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } catch (e) {
    throw new BadFileError(input.path, `cannot read ${input.name}: ${(e as Error).message}`, {
      hint: "The file looks truncated or damaged; download it again",
    });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** Bytes read at a time by hashFile. */
const HASH_CHUNK = 4 << 20;

/**
 * SHA-256 and size of a file's bytes, read in order; `visit` sees every chunk (to count lines)
 * and must not keep it: one buffer is read into again and again (a stream allocated a new one
 * per megabyte, and collecting them cost about 0.3 s of CPU per 800 MB read).
 */
export async function hashFile(
  path: string,
  visit?: (chunk: Buffer) => void,
): Promise<{ sha256: string; size: number }> {
  const h = createHash("sha256");
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(HASH_CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, HASH_CHUNK, null);
      if (bytesRead === 0) break;
      const b = buf.subarray(0, bytesRead);
      h.update(b);
      visit?.(b);
      size += bytesRead;
    }
    return { sha256: h.digest("hex"), size };
  } finally {
    await fh.close();
  }
}

/** Line accounting of a byte stream: records are the lines that are not empty. */
export interface LineCount {
  /** Non-empty lines (a final line without a line end counts). */
  records: number;
  /** Empty lines ("" or "\r"), which are not records. */
  blank: number;
  bytes: number;
  /** The data ends without a line end (a truncated download often does). */
  unterminated: boolean;
}

/** The largest id the ascending check reads as a number exactly (2^53 has 16 digits). */
const MAX_ID_DIGITS = 15;

/**
 * Counts lines chunk by chunk; feed it every chunk of the data in order. With `firstFieldIds`,
 * it also checks that the first field of every record is a number greater than the record's
 * before (GDELT files give their GLOBALEVENTIDs in ascending order): then no id repeats, and
 * the loader need not count distinct ids in the store. One look at the first bytes of each line,
 * which this pass visits anyway.
 */
export class LineCounter {
  private records = 0;
  private blank = 0;
  private bytes = 0;
  /** Bytes of the current (unfinished) line seen so far. */
  private lineLen = 0;
  private lastWasCr = false;
  /** Ascending-id check: still true, the previous id, and the id being read at a chunk's end. */
  private ascending: boolean;
  private lastId = -1;
  private id = 0;
  private idDigits = 0;
  /** The current line's first field is still being read (it reached the end of a chunk). */
  private inId = false;

  constructor(opts: { firstFieldIds?: boolean } = {}) {
    this.ascending = opts.firstFieldIds === true;
  }

  push(chunk: Buffer): void {
    if (this.ascending && chunk.length > 0) {
      // The first line starts the data; a line begun in the chunk before may still be in its id.
      if (this.bytes === 0) this.startId();
      if (this.inId) this.readId(chunk, 0);
    }
    this.bytes += chunk.length;
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        const rest = chunk.length - pos;
        if (rest > 0) {
          this.lineLen += rest;
          this.lastWasCr = chunk[chunk.length - 1] === 13;
        }
        return;
      }
      const len = this.lineLen + (nl - pos);
      const endsCr = nl > pos ? chunk[nl - 1] === 13 : this.lastWasCr;
      if (len === 0 || (len === 1 && endsCr)) this.blank += 1;
      else this.records += 1;
      this.lineLen = 0;
      this.lastWasCr = false;
      pos = nl + 1;
      if (this.ascending) {
        // The next line's first field (read in the next chunk when this one ends here).
        this.startId();
        if (pos < chunk.length) this.readId(chunk, pos);
      }
    }
  }

  private startId(): void {
    this.id = 0;
    this.idDigits = 0;
    this.inId = true;
  }

  /** Go on reading the current line's first field at `from`, up to its tab or the chunk's end. */
  private readId(chunk: Buffer, from: number): void {
    for (let i = from; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c >= 48 && c <= 57) {
        this.id = this.id * 10 + (c - 48);
        if (++this.idDigits > MAX_ID_DIGITS) this.ascending = false;
        if (!this.ascending) return;
        continue;
      }
      this.inId = false;
      if (this.idDigits === 0 && (c === 10 || c === 13)) return; // a blank line
      if (c !== 9 || this.idDigits === 0 || this.id <= this.lastId) this.ascending = false;
      this.lastId = this.id;
      return;
    }
  }

  /** Whether every record seen began with a number above the one before (see the class). */
  idsAscending(): boolean {
    // The data may end where a line would start; a last line cut inside its id was not checked.
    return this.ascending && !(this.inId && this.idDigits > 0);
  }

  result(): LineCount {
    const unterminated = this.lineLen > 0;
    const trailingRecord = unterminated && !(this.lineLen === 1 && this.lastWasCr);
    return {
      records: this.records + (trailingRecord ? 1 : 0),
      blank: this.blank + (unterminated && !trailingRecord ? 1 : 0),
      bytes: this.bytes,
      unterminated,
    };
  }
}

/** Ids compare as numbers when they are numbers: the store gives "90000007" for "090000007". */
function normalizeKey(key: string): string {
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, "") : key;
}

/**
 * Call `visit(line, lineNumber)` for the non-empty lines whose first bytes up to the first tab
 * are in `keys` (the event ids of records that need a line number). One streaming pass.
 */
export async function findLines(
  input: EventInput,
  keyField: number,
  keys: ReadonlySet<string>,
  visit: (fields: string[], line: number) => void,
): Promise<void> {
  const wanted = new Set([...keys].map(normalizeKey));
  const stream = await input.open();
  let carry = "";
  let line = 0;
  const handle = (text: string) => {
    line += 1;
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (t === "") return;
    let start = 0;
    for (let i = 0; i < keyField; i++) {
      const tab = t.indexOf("\t", start);
      if (tab < 0) {
        start = -1;
        break;
      }
      start = tab + 1;
    }
    const end = start < 0 ? -1 : t.indexOf("\t", start);
    const key = start < 0 ? "" : t.slice(start, end < 0 ? undefined : end);
    if (wanted.has(normalizeKey(key))) visit(t.split("\t"), line);
  };
  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    const text = carry + (chunk as string);
    const parts = text.split("\n");
    carry = parts.pop() ?? "";
    for (const p of parts) handle(p);
  }
  if (carry !== "") handle(carry);
}

/**
 * Named pipes, kept for the next archive: making one runs `mkfifo` (about 15 ms, as much as
 * loading a GDELT 2.0 update file once the pipe exists). A pipe is taken by one load at a time;
 * the folder holding them is removed when the process exits (or by a later process, if this one
 * was killed: core/process-temp.ts).
 */
const freePipes: string[] = [];
let pipeDir: Promise<string> | null = null;
let pipeCount = 0;

async function takePipe(): Promise<string> {
  // A kept pipe that is gone (a cleaner emptied the temporary folder) is not reused: writing to
  // its path would make a plain file, which the reader could reach the end of too early.
  for (let free = freePipes.pop(); free; free = freePipes.pop()) {
    const isPipe = await lstat(free).then(
      (st) => st.isFIFO(),
      () => false,
    );
    if (isPipe) return free;
  }
  pipeDir ??= processTempDir("entente-pipe-");
  const path = join(await pipeDir, `data-${++pipeCount}`);
  await makeFifo(path);
  return path;
}

/**
 * A named pipe the store's CSV reader can read while `feed` writes the data into it, so an
 * archive is never unpacked to disk. `use` receives the pipe's path; the feed's failure (a
 * damaged archive) fails the whole operation even if the reader saw a clean end of file. The
 * pipe goes back to the pool once both sides are done with it (removed if that is not known).
 */
export async function withPipe<T>(
  source: () => Promise<Readable>,
  onChunk: (chunk: Buffer) => void,
  use: (pipePath: string) => Promise<T>,
): Promise<T> {
  const pipePath = await takePipe();
  let closed = false;
  try {
    const feed = (async () => {
      const src = await source();
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          onChunk(chunk);
          done(null, chunk);
        },
      });
      await pipeline(src, count, createWriteStream(pipePath));
    })();
    // Settled at once so that a failure before the reader finishes is never "unhandled".
    const fed = feed.then(
      () => null,
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
    let result: T;
    try {
      result = await use(pipePath);
    } catch (e) {
      // If the reader failed first, the writer may wait forever for it: open the pipe for
      // reading and drain it so the writer finishes (or fails with EPIPE).
      await drainPipe(pipePath, fed);
      closed = true;
      throw e;
    }
    const err = await fed;
    closed = true;
    if (err) throw err;
    return result;
  } finally {
    if (closed) freePipes.push(pipePath);
    else await rm(pipePath, { force: true });
  }
}

async function drainPipe(pipePath: string, fed: Promise<unknown>): Promise<void> {
  const reader = createReadStream(pipePath);
  reader.on("error", () => {});
  reader.resume();
  await fed;
  reader.destroy();
}

/**
 * The byte-level passes of the bulk event loader (src/ingest/event-input.ts): counting lines
 * chunk by chunk (the count the store reader's rows are checked against), finding the lines of
 * a few records, and reading a zip archive's one data file as a stream.
 */
import { createHash } from "node:crypto";
import { createReadStream, lstatSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random.js";
import {
  type EventInput,
  findLines,
  hashFile,
  isZip,
  type LineCount,
  LineCounter,
  plainInput,
  readHead,
  withPipe,
  zipInput,
} from "../../src/ingest/event-input.js";
import { fixture, tempDir } from "../helpers.js";

/** Count `chunks` with a fresh counter. */
function count(chunks: readonly Buffer[]): LineCount {
  const c = new LineCounter();
  for (const chunk of chunks) c.push(chunk);
  return c.result();
}

/** The same count done on the whole text: what the counter must agree with. */
function reference(s: string): LineCount {
  const parts = s.split("\n");
  const last = parts.pop() ?? "";
  let records = 0;
  let blank = 0;
  for (const p of parts) {
    if (p === "" || p === "\r") blank += 1;
    else records += 1;
  }
  const unterminated = last.length > 0;
  if (unterminated) {
    if (last === "\r") blank += 1;
    else records += 1;
  }
  return { records, blank, bytes: Buffer.byteLength(s), unterminated };
}

/** Deterministic pseudo-random splits, 1–4 bytes each. */
function randomSplits(buf: Buffer, seed: number): Buffer[] {
  const u = seededRandom(seed);
  const next = (n: number) => Math.floor(u() * n);
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const n = 1 + next(4);
    out.push(buf.subarray(pos, pos + n));
    pos += n;
  }
  return out;
}

const CASES = [
  "",
  "a",
  "\n",
  "\r",
  "\r\n",
  "a\n",
  "a\r\n",
  "a\r",
  "x\r\r\n",
  "a\r\n\r\nb\n",
  "a\n\n\nb",
  "\n\r\n\n",
  "é\r\nŁódź\r\n\r\n",
  "1\t2\t3\r\n4\t5\t6\r\n\r\n7\t8",
  "abc\r\n\r",
];

describe("LineCounter", () => {
  it("counts records, blank lines, bytes and a missing final line end", () => {
    expect(count([Buffer.from("a\tb\nc\td\n")])).toEqual({
      records: 2,
      blank: 0,
      bytes: 8,
      unterminated: false,
    });
    expect(count([Buffer.from("a\n\nb\r\n\r\nc")])).toEqual({
      records: 3,
      blank: 2,
      bytes: 9,
      unterminated: true,
    });
    // A lone "\r" at the very end is an empty (CRLF) line cut before its "\n": not a record.
    expect(count([Buffer.from("a\r\n\r")])).toEqual({
      records: 1,
      blank: 1,
      bytes: 4,
      unterminated: true,
    });
    expect(count([])).toEqual({ records: 0, blank: 0, bytes: 0, unterminated: false });
  });

  it("gives the same count however the bytes are chunked, including \\r|\\n splits", () => {
    for (const s of CASES) {
      const buf = Buffer.from(s, "utf8");
      const want = reference(s);
      expect(count([buf]), JSON.stringify(s)).toEqual(want);
      // one byte at a time
      expect(count([...buf].map((b) => Buffer.from([b]))), JSON.stringify(s)).toEqual(want);
      // every two-way split, empty chunks included
      for (let i = 0; i <= buf.length; i++) {
        const parts = [buf.subarray(0, i), Buffer.alloc(0), buf.subarray(i)];
        expect(count(parts), `${JSON.stringify(s)} split at ${i}`).toEqual(want);
      }
      for (const seed of [1, 7, 42]) {
        expect(count(randomSplits(buf, seed)), `${JSON.stringify(s)} seed ${seed}`).toEqual(want);
      }
    }
  });

  it("counts a blank CRLF line split between chunks as blank, and a CR inside a line as data", () => {
    expect(count([Buffer.from("a\r\n\r"), Buffer.from("\nb\r"), Buffer.from("\n")])).toEqual({
      records: 2,
      blank: 1,
      bytes: 8,
      unterminated: false,
    });
    expect(count([Buffer.from("ab\r"), Buffer.from("c\n")]).records).toBe(1);
  });

  it("says whether the records' first fields are ascending numbers, however chunked", () => {
    /** The same check on the whole text. */
    const ascending = (text: string): boolean => {
      let last = -1;
      for (const line of text.split("\n")) {
        if (line === "" || line === "\r") continue;
        const m = /^(\d{1,15})\t/.exec(line);
        if (!m || Number(m[1]) <= last) return false;
        last = Number(m[1]);
      }
      return true;
    };
    const check = (chunks: readonly Buffer[]): boolean => {
      const c = new LineCounter({ firstFieldIds: true });
      for (const chunk of chunks) c.push(chunk);
      return c.idsAscending();
    };
    const cases: Array<[string, boolean]> = [
      ["", true],
      ["1\ta\n2\tb\n", true],
      ["1\ta\n2\tb", true],
      ["7\ta\r\n\r\n\n0012\tb\r\n", true], // blank lines pass; 0012 is 12
      ["1\ta\n1\tb\n", false], // repeated
      ["2\ta\n1\tb\n", false], // descending
      ["1\ta\n\tb\n", false], // an empty id
      ["1\ta\nx2\tb\n", false], // not a number
      ["1\ta\n2\n", false], // no tab after the id
      ["1\ta\n1234567890123456\tb\n", false], // too long to compare exactly
      ["1000000000\ta\n1000000001\tb\n1000000002\tc\n", true],
    ];
    for (const [text, want] of cases) {
      expect(ascending(text), `reference for ${JSON.stringify(text)}`).toBe(want);
      const buf = Buffer.from(text);
      expect(check([buf]), JSON.stringify(text)).toBe(want);
      expect(check([...buf].map((b) => Buffer.from([b]))), `${JSON.stringify(text)} bytewise`).toBe(
        want,
      );
      for (let i = 0; i <= buf.length; i++) {
        const parts = [buf.subarray(0, i), Buffer.alloc(0), buf.subarray(i)];
        expect(check(parts), `${JSON.stringify(text)} split at ${i}`).toBe(want);
      }
    }
    // A last line cut inside its id was not checked; off unless asked for.
    expect(check([Buffer.from("1\ta\n23")])).toBe(false);
    const plain = new LineCounter();
    plain.push(Buffer.from("1\ta\n2\tb\n"));
    expect(plain.idsAscending()).toBe(false);
  });

  it("agrees with the fixtures' line accounting", () => {
    const g = readFileSync(fixture("gdelt/gdelt2_rejects.export.CSV"));
    expect(count([g])).toMatchObject({ records: 12, blank: 1, unterminated: false });
    const cut = readFileSync(fixture("gdelt/gdelt2_cut.export.CSV"));
    expect(count([cut])).toMatchObject({ records: 4, blank: 0, unterminated: true });
  });
});

/** An input whose stream yields the given chunks. */
function chunked(chunks: readonly Buffer[]): EventInput {
  const input = {
    path: "/virtual/events.tab",
    name: "events.tab",
    zipped: false,
    size: chunks.reduce((n, c) => n + c.length, 0),
    async open() {
      return Readable.from(chunks);
    },
  };
  return input;
}

async function found(
  input: EventInput,
  keyField: number,
  keys: string[],
): Promise<Array<[number, string[]]>> {
  const out: Array<[number, string[]]> = [];
  await findLines(input, keyField, new Set(keys), (fields, line) => out.push([line, fields]));
  return out;
}

describe("findLines", () => {
  const TEXT = "10\ta\tx\r\n\r\n20\tb\ty\r\n\n30\tc\r\n10\td\tz\r\n40";

  it("visits the lines whose key field is a key, with 1-based line numbers counting blank lines", async () => {
    const input = chunked([Buffer.from(TEXT)]);
    expect(await found(input, 0, ["10", "40"])).toEqual([
      [1, ["10", "a", "x"]],
      [6, ["10", "d", "z"]],
      [7, ["40"]],
    ]);
    expect(await found(input, 0, ["30"])).toEqual([[5, ["30", "c"]]]);
    expect(await found(input, 0, ["99", "1", "0"])).toEqual([]);
  });

  it('reads the key from another field; a line too short for it has the key ""', async () => {
    const input = chunked([Buffer.from(TEXT)]);
    expect(await found(input, 2, ["y"])).toEqual([[3, ["20", "b", "y"]]]);
    expect(await found(input, 2, [""])).toEqual([
      [5, ["30", "c"]],
      [7, ["40"]],
    ]);
  });

  it("is not fooled by chunk boundaries inside CRLF, keys or multi-byte characters", async () => {
    const text = "1\tŁódź\r\n2\tżółw\r\n\r\n3\t€\r\n";
    const buf = Buffer.from(text, "utf8");
    const want = [
      [2, ["2", "żółw"]],
      [4, ["3", "€"]],
    ];
    for (let i = 0; i <= buf.length; i++) {
      const input = chunked([buf.subarray(0, i), buf.subarray(i)]);
      expect(await found(input, 0, ["2", "3"]), `split at ${i}`).toEqual(want);
    }
    const bytes = chunked([...buf].map((b) => Buffer.from([b])));
    expect(await found(bytes, 0, ["2", "3"])).toEqual(want);
  });

  it("finds the rule-breaking lines of the GDELT fixture by GLOBALEVENTID", async () => {
    const input = await plainInput(fixture("gdelt/gdelt2_rejects.export.CSV"));
    const hits = await found(input, 0, ["2000000006", "2000000001"]);
    expect(hits.map(([line, f]) => [line, f[0], f[26]])).toEqual([
      [1, "2000000001", "036"],
      [6, "2000000006", "999"],
      [8, "2000000001", "036"],
    ]);
  });
});

describe("zip input", () => {
  it("reads the one data file of an archive as a stream, byte for byte", async () => {
    const zip = fixture("gdelt/gdelt2_clean.export.CSV.zip");
    expect(await isZip(zip)).toBe(true);
    expect(await isZip(fixture("gdelt/gdelt2_clean.export.CSV"))).toBe(false);
    const input = await zipInput(zip);
    expect(input).toMatchObject({ path: zip, name: "gdelt2_clean.export.CSV", zipped: true });
    const chunks: Buffer[] = [];
    for await (const c of await input.open()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(readFileSync(fixture("gdelt/gdelt2_clean.export.CSV")));
    // It can be opened again (layout detection, then the load, then finding lines).
    const head = await readHead(input, 20);
    expect(head.toString()).toBe("1000000001\t20191101\t");
    expect(await found(input, 0, ["1000000005"])).toHaveLength(1);
  });

  it("names the archive and the fix when it is truncated or holds two files", async () => {
    await expect(zipInput(fixture("gdelt/truncated.export.CSV.zip"))).rejects.toThrow(
      /not a readable zip archive/,
    );
    await expect(zipInput(fixture("gdelt/two_files.zip"))).rejects.toThrow(
      /the archive holds 2 files/,
    );
  });

  it("hashes a file while a visitor sees every byte", async () => {
    const dir = tempDir();
    const p = join(dir, "x.tsv");
    writeFileSync(p, "a\tb\n\nc\td");
    const c = new LineCounter();
    const h = await hashFile(p, (chunk) => c.push(chunk));
    expect(h).toEqual({
      sha256: createHash("sha256").update("a\tb\n\nc\td").digest("hex"),
      size: 8,
    });
    expect(c.result()).toEqual({ records: 2, blank: 1, bytes: 8, unterminated: true });
  });
});

describe("withPipe", () => {
  const readAll = async (path: string): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString();
  };
  const feed = (text: string) => async () => Readable.from([Buffer.from(text)]);

  it("reuses a pipe once both sides are done, also after a reader that failed unread", async () => {
    const seen: string[] = [];
    let first = "";
    const a = await withPipe(
      feed("one\n"),
      (c) => seen.push(c.toString()),
      async (p) => {
        first = p;
        return readAll(p);
      },
    );
    expect(a).toBe("one\n");
    expect(seen).toEqual(["one\n"]);
    // A reader that fails without reading: the data fed is drained, not left for the next one.
    await expect(
      withPipe(
        feed("lost\n"),
        () => {},
        async (p) => {
          expect(p).toBe(first);
          throw new Error("reader failed");
        },
      ),
    ).rejects.toThrow("reader failed");
    const b = await withPipe(
      feed("two\n"),
      () => {},
      async (p) => {
        expect(p).toBe(first);
        return readAll(p);
      },
    );
    expect(b).toBe("two\n");
    // A feed that fails fails the whole operation; the pipe still serves the next one.
    const broken = async () =>
      new Readable({
        read() {
          this.destroy(new Error("bad archive"));
        },
      });
    await expect(
      withPipe(
        broken,
        () => {},
        (p) => readAll(p),
      ),
    ).rejects.toThrow("bad archive");
    expect(
      await withPipe(
        feed("three\n"),
        () => {},
        (p) => readAll(p),
      ),
    ).toBe("three\n");
  });

  it("gives loads running at once their own pipes, and does not reuse one that was removed", async () => {
    const paths: string[] = [];
    const [x, y] = await Promise.all(
      ["x\n", "y\n"].map((t) =>
        withPipe(
          feed(t),
          () => {},
          async (p) => {
            paths.push(p);
            await new Promise((r) => setTimeout(r, 20));
            return readAll(p);
          },
        ),
      ),
    );
    expect([x, y]).toEqual(["x\n", "y\n"]);
    expect(new Set(paths).size).toBe(2);
    for (const p of paths) rmSync(p);
    const z = await withPipe(
      feed("z\n"),
      () => {},
      async (p) => {
        expect(paths).not.toContain(p);
        expect(lstatSync(p).isFIFO()).toBe(true);
        return readAll(p);
      },
    );
    expect(z).toBe("z\n");
  });
});

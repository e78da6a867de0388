import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

const TRADE = readFileSync(fixture("cow_trade/national.csv"), "utf8");

async function snapshot(store: Awaited<ReturnType<typeof tempStore>>) {
  return {
    files: (await store.files()).map((f) => f.sha256),
    national: await store.query("SELECT * FROM trade_national ORDER BY ccode, year"),
  };
}

describe("ingest: bad input fails the file, names it and the fix, and leaves the store as it was", () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ["semicolon.csv", TRADE.replaceAll(",", ";"), /separated by ";".*Save it comma-separated/],
    ["tabs.csv", TRADE.replaceAll(",", "\t"), /separated by tabs/],
    [
      "binary.csv",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]),
      /binary file.*export the data to CSV/,
    ],
    [
      "truncated.csv",
      `${TRADE}365,2015,30`,
      /truncated.csv:5: the last line is incomplete.*download it again/,
    ],
    ["unknown.csv", "foo,bar\n1,2\n", /no known header.*entente sources/],
    ["unclosed.csv", '"ccode","year","imports","exports"\n2,1990,"1,2\n', /malformed CSV/],
    ["empty.csv", "", /empty file/],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const dir = tempDir();
      const store = await tempStore();
      await ingest(store, [fixture("cow_trade/national.csv")]);
      const before = await snapshot(store);
      const bad = join(dir, name);
      writeFileSync(bad, content);
      const good = join(dir, "good.csv");
      writeFileSync(good, "ccode,year,imports,exports\n255,2000,1,2\n");
      const r = await ingest(store, [bad, good]);
      expect(r.ok).toBe(false);
      expect(r.files[0]).toMatchObject({ path: bad, status: "failed", rows_loaded: 0 });
      expect(r.files[0]?.error).toMatch(message);
      expect(r.files[0]?.error).toContain(name);
      // the other file in the same run still loads
      expect(r.files[1]).toMatchObject({ status: "loaded", rows_loaded: 1 });
      const after = await snapshot(store);
      expect(after.files).toEqual([...before.files, r.files[1]?.sha256]);
      expect(after.national.filter((row) => row.ccode !== 255)).toEqual(before.national);
    });
  }

  it("a path that does not exist fails with its name", async () => {
    const store = await tempStore();
    const r = await ingest(store, ["/no/such/file.csv"]);
    expect(r.files[0]).toMatchObject({ status: "failed" });
    expect(r.files[0]?.error).toMatch(/\/no\/such\/file\.csv: no such file/);
  });
});

describe("ingest: directories", () => {
  it("walks recursively, skips unknown formats with a reason, and fails a known-but-broken file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a/b"), { recursive: true });
    copyFileSync(fixture("cow_trade/national.csv"), join(dir, "a/b/national.csv"));
    writeFileSync(join(dir, "README.md"), "# notes\n");
    writeFileSync(join(dir, "a/events.xml"), "<xml/>\n");
    writeFileSync(join(dir, "a/broken.csv"), `${TRADE.replaceAll(",", ";")}`);
    const store = await tempStore();
    const r = await ingest(store, [dir]);
    const by = Object.fromEntries(r.files.map((f) => [f.path.slice(dir.length + 1), f]));
    expect(Object.keys(by)).toEqual([
      "README.md",
      "a/b/national.csv",
      "a/broken.csv",
      "a/events.xml",
    ]);
    expect(by["README.md"]).toMatchObject({ status: "skipped", reason: "no known header" });
    expect(by["a/events.xml"]).toMatchObject({ status: "skipped" });
    expect(by["a/broken.csv"]).toMatchObject({ status: "failed" });
    expect(by["a/b/national.csv"]).toMatchObject({ status: "loaded", rows_loaded: 3 });
    expect(r.ok).toBe(false);
  });

  it("reports a second load of the same bytes as unchanged, even under another name", async () => {
    const dir = tempDir();
    copyFileSync(fixture("cow_trade/national.csv"), join(dir, "copy.csv"));
    const store = await tempStore();
    const first = await ingest(store, [fixture("cow_trade/national.csv")]);
    const second = await ingest(store, [fixture("cow_trade/national.csv"), join(dir, "copy.csv")]);
    expect(first.files[0]?.status).toBe("loaded");
    expect(second.files.map((f) => f.status)).toEqual(["unchanged", "unchanged"]);
    expect(second.files[0]?.sha256).toBe(first.files[0]?.sha256);
    expect(await store.count("trade_national")).toBe(3);
    expect(second.ok).toBe(true);
  });

  it("records the absolute path in provenance, whatever path was given", async () => {
    const store = await tempStore();
    const rel = relative(process.cwd(), fixture("cow_trade/national.csv"));
    const r = await ingest(store, [rel]);
    expect(r.files[0]?.path).toBe(rel);
    expect((await store.files())[0]?.path).toBe(fixture("cow_trade/national.csv"));
  });

  it("counts records repeated in another file as duplicates, keeping the first", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "later.csv"),
      "ccode,year,imports,exports\n365,2014,1,1\n365,2015,2,2\n",
    );
    const store = await tempStore();
    await ingest(store, [fixture("cow_trade/national.csv")]);
    const r = await ingest(store, [join(dir, "later.csv")]);
    expect(r.files[0]).toMatchObject({
      lines_read: 2,
      rows_loaded: 1,
      rows_duplicate: 1,
      rows_rejected: 0,
    });
    expect(
      await store.query("SELECT imports FROM trade_national WHERE ccode = 365 AND year = 2014"),
    ).toEqual([{ imports: 308000 }]);
  });

  it("--source forces a format and fails a file without its header", async () => {
    const store = await tempStore();
    const r = await ingest(store, [fixture("cow_trade/national.csv")], { source: "cow-nmc" });
    expect(r.files[0]?.status).toBe("failed");
    expect(r.files[0]?.error).toMatch(/no COW National Material Capabilities header/);
    await expect(
      ingest(store, [fixture("cow_trade/national.csv")], { source: "nope" }),
    ).rejects.toThrow(/Unknown source "nope"/);
  });

  it("decodes Windows-1252 files", async () => {
    const dir = tempDir();
    const p = join(dir, "cp1252.csv");
    // A COW national file whose header has a trailing column holding a 1252-encoded name.
    writeFileSync(
      p,
      Buffer.concat([
        Buffer.from("ccode,year,imports,exports,statename\r\n437,2000,1,2,C"),
        Buffer.from([0xf4]),
        Buffer.from("te d"),
        Buffer.from([0x92]),
        Buffer.from("Ivoire\r\n"),
      ]),
    );
    const store = await tempStore();
    const r = await ingest(store, [p]);
    expect(r.files[0]).toMatchObject({
      status: "loaded",
      encoding: "windows-1252",
      rows_loaded: 1,
    });
  });
});

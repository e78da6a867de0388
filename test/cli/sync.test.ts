/**
 * `entente sync` end to end, offline: a local server plays data.gdeltproject.org (through
 * ENTENTE_MIRROR) with a masterfile list and zipped exports built here from the fixtures, and
 * misbehaves on purpose.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWhen } from "../../src/cli/commands/sync-run.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fixture, tempDir } from "../helpers.js";
import { type RouteSpec, startFileServer } from "../sync/server.js";
import { runCliAsync } from "./run-cli.js";

/** A zip of stored (uncompressed) members: enough for the archives the sources publish. */
function zipFiles(entries: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const zipOf = (name: string, data: Buffer): Buffer => zipFiles([[name, data]]);

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const OFFICIAL = "http://data.gdeltproject.org/gdeltv2";
const lines = readFileSync(fixture("gdelt/gdelt2_clean.export.CSV"), "utf8").trimEnd().split("\n");

/** An export of `rows` fixture lines with ids shifted, zipped, under a 15-minute stamp. */
function exportFile(stamp: string, shift: number) {
  const text = lines.map((l) => l.replace(/^(\d+)/, (id) => String(Number(id) + shift))).join("\n");
  const zip = zipOf(`${stamp}.export.CSV`, Buffer.from(`${text}\n`));
  return { stamp, zip, line: `${zip.length} ${md5(zip)} ${OFFICIAL}/${stamp}.export.CSV.zip` };
}

describe("entente sync (GDELT 2.0 through a mirror that misbehaves)", () => {
  const a = exportFile("20191024143000", 0);
  const b = exportFile("20191024144500", 1000);
  const c = exportFile("20191024150000", 2000);
  const d = exportFile("20191024151500", 3000);
  const outside = exportFile("20191025000000", 4000);
  const routes: Record<string, RouteSpec> = {};
  let server: Awaited<ReturnType<typeof startFileServer>>;
  let dir: string;
  const run = (args: string[]) =>
    runCliAsync(["--store", join(dir, "s.duckdb"), "sync", ...args], {
      ENTENTE_MIRROR: server.url,
    });

  beforeAll(async () => {
    routes["/gdeltv2/masterfilelist.txt"] = {
      body: Buffer.from(
        [
          a.line,
          `${a.zip.length} ${md5(a.zip)} ${OFFICIAL}/20191024143000.mentions.CSV.zip`,
          b.line,
          // Published with a wrong MD5: must never be loaded.
          c.line.replace(/ [0-9a-f]{32} /, ` ${"0".repeat(32)} `),
          d.line,
          "123 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/20191024153000.export.CSV.zip",
          "not a masterfile line",
          outside.line,
          "",
        ].join("\n"),
      ),
    };
    routes[`/gdeltv2/${a.stamp}.export.CSV.zip`] = { body: a.zip, status: 500, times: 1 };
    // Cut mid-file on the first run (with --retries 0 it stays cut): the second run resumes.
    routes[`/gdeltv2/${b.stamp}.export.CSV.zip`] = { body: b.zip, cutAfter: 200, times: 1 };
    routes[`/gdeltv2/${c.stamp}.export.CSV.zip`] = { body: c.zip };
    routes[`/gdeltv2/${d.stamp}.export.CSV.zip`] = { body: d.zip, slowMs: 50 };
    server = await startFileServer(routes);
  });
  afterAll(async () => {
    await server.close();
  });

  it("--dry-run lists what it would fetch, in the range only, and downloads nothing", async () => {
    dir = tempDir();
    const r = await run([
      "gdelt2",
      "--from",
      "2019-10-24",
      "--to",
      "2019-10-24",
      "--dry-run",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const { plan } = JSON.parse(r.stdout);
    expect(plan.files.map((f: { file: { path: string } }) => f.file.path)).toEqual([
      `gdeltv2/${a.stamp}.export.CSV.zip`,
      `gdeltv2/${b.stamp}.export.CSV.zip`,
      `gdeltv2/${c.stamp}.export.CSV.zip`,
      `gdeltv2/${d.stamp}.export.CSV.zip`,
      "gdeltv2/20191024153000.export.CSV.zip",
    ]);
    expect(plan.bytes).toBe(a.zip.length + b.zip.length + c.zip.length + d.zip.length + 123);
    expect(server.hits.get(`/gdeltv2/${a.stamp}.export.CSV.zip`) ?? 0).toBe(0);
  });

  it("refuses to download without --yes when nobody can be asked", async () => {
    dir = tempDir();
    const r = await run([
      "gdelt2",
      "--from",
      "2019-10-24",
      "--to",
      "2019-10-24",
      "--cache",
      join(dir, "c"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/entente sync: 5 files to download .*add --yes/);
  });

  it("loads what arrived whole and verified, reports the rest, and resumes on a second run", async () => {
    dir = tempDir();
    const cache = join(dir, "cache");
    const args = [
      "gdelt2",
      "--from",
      "2019-10-24",
      "--to",
      "2019-10-24",
      "--cache",
      cache,
      "--yes",
      "--json",
    ];
    const first = await run([...args, "--retries", "0"]);
    expect(first.code).toBe(1);
    const r1 = JSON.parse(first.stdout);
    const status = Object.fromEntries(
      r1.downloads.map((x: { path: string; status: string; error?: string }) => [
        x.path.split("/")[1]?.slice(0, 14),
        x.error ? `${x.status}: ${x.error}` : x.status,
      ]),
    );
    expect(status[a.stamp]).toMatch(/^failed: HTTP 500/); // no retries allowed on this run
    expect(status[b.stamp]).toMatch(/^failed: /); // cut mid-file
    expect(status[c.stamp]).toMatch(
      /^failed: verification failed .*md5 expected 0{32}, actual [0-9a-f]{32}/,
    );
    expect(status[d.stamp]).toBe("downloaded");
    expect(status["20191024153000"]).toMatch(/^failed: HTTP 404 Not Found/);
    // Only the verified file was loaded; the cut one waits as a .part, the bad one is gone.
    expect(
      r1.files.map((f: { status: string; rows_loaded: number }) => [f.status, f.rows_loaded]),
    ).toEqual([["loaded", lines.length]]);
    expect(existsSync(join(cache, `gdeltv2/${b.stamp}.export.CSV.zip.part`))).toBe(true);
    expect(existsSync(join(cache, `gdeltv2/${c.stamp}.export.CSV.zip`))).toBe(false);

    // Second run: the server behaves (except the wrong MD5 and the missing file).
    const second = await run(args);
    expect(second.code).toBe(1);
    const r2 = JSON.parse(second.stdout);
    const s2 = Object.fromEntries(
      r2.downloads.map((x: { path: string; status: string }) => [
        x.path.split("/")[1]?.slice(0, 14),
        x.status,
      ]),
    );
    expect(s2).toEqual({
      [a.stamp]: "downloaded",
      [b.stamp]: "downloaded",
      [c.stamp]: "failed",
      [d.stamp]: "cached",
      "20191024153000": "failed",
    });
    // The cut file was resumed from where it stopped.
    const ranges = server.requests
      .filter((q) => q.path === `/gdeltv2/${b.stamp}.export.CSV.zip`)
      .map((q) => q.headers.range ?? null);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBeNull();
    const from = Number(/^bytes=(\d+)-$/.exec(String(ranges[1]))?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(200);
    const store = await DuckDbStore.open(join(dir, "s.duckdb"), { readOnly: true });
    try {
      expect(await store.count("gdelt_events")).toBe(lines.length * 3);
      const files = await store.files();
      expect(files.map((f) => f.path.split("/").pop()).sort()).toEqual(
        [a, b, d].map((x) => `${x.stamp}.export.CSV.zip`).sort(),
      );
    } finally {
      await store.close();
    }
  });
});

describe("sync dates", () => {
  it("reads --from/--to as UTC, a date alone as --to is the whole day", () => {
    expect(parseWhen("2019-10-24", "--from", false)?.toISOString()).toBe(
      "2019-10-24T00:00:00.000Z",
    );
    expect(parseWhen("2019-10-24", "--to", true)?.toISOString()).toBe("2019-10-24T23:59:59.000Z");
    expect(parseWhen("2019-10-24T14:30", "--to", true)?.toISOString()).toBe(
      "2019-10-24T14:30:00.000Z",
    );
    expect(parseWhen("20191024143000", "--from", false)?.toISOString()).toBe(
      "2019-10-24T14:30:00.000Z",
    );
    expect(parseWhen(undefined, "--from", false)).toBeNull();
    expect(() => parseWhen("24/10/2019", "--from", false)).toThrow(
      /--from 24\/10\/2019 is not a date/,
    );
  });
});

describe("entente demo without data (core datasets through a mirror)", () => {
  it("--yes downloads the core datasets, loads them and writes the report", async () => {
    const f = (p: string) => readFileSync(fixture(p));
    const routes: Record<string, RouteSpec> = {
      "/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip": {
        body: zipFiles([
          ["atop_5.1__.csv/atop5_1a.csv", f("atop/alliance-level.csv")],
          ["atop_5.1__.csv/atop5_1ddyr.csv", f("atop/atop5_1ddyr.csv")],
        ]),
      },
      "/wp-content/uploads/version4.1_csv.zip": {
        body: zipFiles([
          [
            "version4.1_csv/alliance_v4.1_by_directed_yearly.csv",
            f("cow_alliance/alliance_v4.1_by_directed_yearly.csv"),
          ],
        ]),
      },
      "/wp-content/uploads/COW_Trade_4.0.zip": {
        body: zipFiles([
          ["COW_Trade_4.0/Dyadic_COW_4.0.csv", f("cow_trade/dyadic.csv")],
          ["COW_Trade_4.0/National_COW_4.0.csv", f("cow_trade/national.csv")],
        ]),
        status: 503,
        times: 1,
      },
      "/v2/en/indicator/NY.GDP.MKTP.CD": {
        body: zipFiles([
          [
            "Metadata_Country_API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv",
            Buffer.from("Country Code,Region\n"),
          ],
          [
            "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv",
            f("worldbank/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_fixture.csv"),
          ],
        ]),
      },
      "/v2/en/indicator/NY.GDP.PCAP.CD": {
        body: zipFiles([
          [
            "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_2.csv",
            f("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_fixture.csv"),
          ],
        ]),
      },
    };
    const server = await startFileServer(routes);
    try {
      const dir = tempDir();
      const out = join(dir, "report.md");
      const r = await runCliAsync(
        ["--store", join(dir, "s.duckdb"), "demo", "--yes", "--out", out],
        {
          ENTENTE_MIRROR: server.url,
          XDG_CACHE_HOME: join(dir, "cache"),
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/no data in .* downloading the core datasets/);
      // COW trade is one archive for two sources: fetched once (after a 503), used twice.
      expect(r.stdout).toMatch(/^5 files to download \(sizes not published\)$/m);
      expect(r.stdout).toMatch(/5 downloaded, 1 from the cache, 0 failed; 6 loaded/);
      expect(r.stdout).toMatch(/^heuer\s+H3/m);
      expect(readFileSync(out, "utf8")).toMatch(/^# /m);
      const store = await DuckDbStore.open(join(dir, "s.duckdb"), { readOnly: true });
      try {
        expect(new Set((await store.files()).map((x) => x.source))).toEqual(
          new Set([
            "atop-ddyr",
            "cow-alliance-yearly",
            "cow-trade-dyadic",
            "cow-trade-national",
            "wb-indicator",
          ]),
        );
        expect(await store.count("trade_dyadic")).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    } finally {
      await server.close();
    }
  });
});

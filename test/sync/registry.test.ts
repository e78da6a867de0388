import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../../src/core/errors.js";
import {
  GDELT1_FILESIZES_URL,
  GDELT1_MD5SUMS_URL,
  GDELT2_MASTER_URL,
  gdelt1Span,
  parseFileSizes,
  parseGdeltStamp,
  parseMasterFileList,
  parseMd5Sums,
} from "../../src/sync/gdelt-lists.js";
import { type ListContext, mirrorUrl, SYNC_SOURCES, syncSource } from "../../src/sync/registry.js";
import { SYNC_SOURCE_NAMES } from "../../src/sync/source-names.js";
import { fixture } from "../helpers.js";

const read = (name: string): string => readFileSync(fixture(`sync/${name}`), "utf8");
const MASTER = read("masterfilelist.txt");
const MD5SUMS = read("md5sums");
const FILESIZES = read("filesizes");

const V2 = "http://data.gdeltproject.org/gdeltv2/";
const V1 = "http://data.gdeltproject.org/events/";

function ctx(from: string | null, to: string | null, lists: Record<string, string>) {
  const fetched: string[] = [];
  const c: ListContext = {
    from: from === null ? null : new Date(from),
    to: to === null ? null : new Date(to),
    fetchText: async (url) => {
      fetched.push(url);
      const text = lists[url];
      if (text === undefined) throw new Error(`unexpected fetch ${url}`);
      return text;
    },
  };
  return { c, fetched };
}

const names = (files: { url: string }[]): string[] =>
  files.map((f) => f.url.slice(f.url.lastIndexOf("/") + 1));

describe("mirrorUrl", () => {
  const official = "http://data.gdeltproject.org/gdeltv2/x.zip";

  it("keeps the official URL without a mirror", () => {
    expect(mirrorUrl(official, undefined)).toBe(official);
    expect(mirrorUrl(official, "")).toBe(official);
  });

  it("replaces scheme and host, keeping the path", () => {
    expect(mirrorUrl(official, "http://127.0.0.1:8080")).toBe(
      "http://127.0.0.1:8080/gdeltv2/x.zip",
    );
    expect(mirrorUrl(official, "http://127.0.0.1:8080/")).toBe(
      "http://127.0.0.1:8080/gdeltv2/x.zip",
    );
    expect(mirrorUrl("https://correlatesofwar.org/a/b.zip", "https://m.example.org")).toBe(
      "https://m.example.org/a/b.zip",
    );
  });

  it("maps to a file:// directory", () => {
    expect(mirrorUrl(official, "file:///srv/mirror")).toBe("file:///srv/mirror/gdeltv2/x.zip");
    expect(mirrorUrl(official, "file:///srv/mirror/")).toBe("file:///srv/mirror/gdeltv2/x.zip");
  });

  it("keeps the mirror's own path prefix", () => {
    expect(mirrorUrl("http://data.gdeltproject.org/gdeltv2/x", "http://m/entente")).toBe(
      "http://m/entente/gdeltv2/x",
    );
  });

  it("keeps the official query string", () => {
    expect(
      mirrorUrl(
        "https://api.worldbank.org/v2/en/indicator/NY.GDP.MKTP.CD?downloadformat=csv",
        "http://127.0.0.1:8080",
      ),
    ).toBe("http://127.0.0.1:8080/v2/en/indicator/NY.GDP.MKTP.CD?downloadformat=csv");
  });

  it("reads ENTENTE_MIRROR by default", () => {
    const saved = process.env.ENTENTE_MIRROR;
    try {
      process.env.ENTENTE_MIRROR = "http://127.0.0.1:9";
      expect(mirrorUrl(official)).toBe("http://127.0.0.1:9/gdeltv2/x.zip");
      delete process.env.ENTENTE_MIRROR;
      expect(mirrorUrl(official)).toBe(official);
    } finally {
      if (saved === undefined) delete process.env.ENTENTE_MIRROR;
      else process.env.ENTENTE_MIRROR = saved;
    }
  });

  it.each([
    "127.0.0.1:8080",
    "localhost:8080",
    "ftp://mirror.example.org",
    "not a url",
    "http://m/?x=1",
    "http://user:pw@m/",
  ])("rejects %s naming ENTENTE_MIRROR", (bad) => {
    expect(() => mirrorUrl(official, bad)).toThrow(BadInputError);
    expect(() => mirrorUrl(official, bad)).toThrow(/ENTENTE_MIRROR/);
  });
});

describe("parseMasterFileList", () => {
  it("keeps only exports, with size and md5, and counts malformed lines", () => {
    const { files, skipped, skippedLines } = parseMasterFileList(MASTER);
    expect(skipped).toBe(3);
    expect(skippedLines).toEqual([13, 14, 16]);
    expect(names(files)).toEqual([
      "20150218230000.export.CSV.zip",
      "20150218231500.export.CSV.zip",
      "20150218233000.export.CSV.zip",
      "20150218234500.export.CSV.zip",
      "20150219003000.export.CSV.zip",
    ]);
    expect(files[0]).toEqual({
      url: `${V2}20150218230000.export.CSV.zip`,
      path: "gdeltv2/20150218230000.export.CSV.zip",
      size: 150383,
      md5: "297a16b493de7cf6ca809a7cc31d0b93",
      stamp: "20150218230000",
      time: new Date("2015-02-18T23:00:00Z"),
    });
    expect(files[3]?.size).toBe(158842);
    expect(files[3]?.md5).toBe("a5298ce3c6df1a8a759c61b5c0b6f8bb");
  });

  it("ignores blank lines and CRLF, skips bad stamps", () => {
    const text =
      "\r\n1 00000000000000000000000000000000 http://data.gdeltproject.org/gdeltv2/20150230000000.export.CSV.zip\r\n" +
      "2 00000000000000000000000000000000 http://data.gdeltproject.org/gdeltv2/20150228000000.export.CSV.zip\r\n\r\n";
    const r = parseMasterFileList(text);
    expect(r.skipped).toBe(1);
    expect(r.files.map((f) => f.size)).toEqual([2]);
  });

  it("parses stamps as UTC", () => {
    expect(parseGdeltStamp("20191024143000")?.toISOString()).toBe("2019-10-24T14:30:00.000Z");
    expect(parseGdeltStamp("20191324143000")).toBeNull();
    expect(parseGdeltStamp("2019102414300")).toBeNull();
  });
});

describe("gdelt2 list", () => {
  const gdelt2 = syncSource("gdelt2");

  it("fetches the official master list and selects by inclusive stamp range", async () => {
    const { c, fetched } = ctx("2015-02-18T23:15:00Z", "2015-02-18T23:30:00Z", {
      [GDELT2_MASTER_URL]: MASTER,
    });
    const files = await gdelt2.list(c);
    expect(fetched).toEqual(["http://data.gdeltproject.org/gdeltv2/masterfilelist.txt"]);
    expect(files).toEqual([
      {
        url: `${V2}20150218231500.export.CSV.zip`,
        path: "gdeltv2/20150218231500.export.CSV.zip",
        size: 149211,
        md5: "2a91041d7e72b0fc6a629e2ff867b240",
      },
      {
        url: `${V2}20150218233000.export.CSV.zip`,
        path: "gdeltv2/20150218233000.export.CSV.zip",
        size: 149723,
        md5: "12268e821823aae2da90882621feda18",
      },
    ]);
  });

  it("a single instant selects one file", async () => {
    const { c } = ctx("2015-02-18T23:45:00Z", "2015-02-18T23:45:00Z", {
      [GDELT2_MASTER_URL]: MASTER,
    });
    expect(names(await gdelt2.list(c))).toEqual(["20150218234500.export.CSV.zip"]);
  });

  it("a --to date without time means the whole day", async () => {
    const { c } = ctx("2015-02-18T23:20:00Z", "2015-02-18", { [GDELT2_MASTER_URL]: MASTER });
    expect(names(await gdelt2.list(c))).toEqual([
      "20150218233000.export.CSV.zip",
      "20150218234500.export.CSV.zip",
    ]);
    const next = ctx("2015-02-18", "2015-02-19", { [GDELT2_MASTER_URL]: MASTER });
    expect(names(await gdelt2.list(next.c))).toHaveLength(5);
  });

  it("refuses without --from/--to, and a reversed range", async () => {
    for (const [from, to] of [
      [null, null],
      ["2015-02-18", null],
      [null, "2015-02-18"],
    ] as const) {
      const { c, fetched } = ctx(from, to, { [GDELT2_MASTER_URL]: MASTER });
      await expect(gdelt2.list(c)).rejects.toThrow(/GDELT 2\.0 needs --from and --to/);
      await expect(gdelt2.list(c)).rejects.toBeInstanceOf(BadInputError);
      expect(fetched).toEqual([]);
    }
    const { c } = ctx("2015-02-19", "2015-02-18", { [GDELT2_MASTER_URL]: MASTER });
    await expect(gdelt2.list(c)).rejects.toThrow(/after --to/);
  });
});

describe("GDELT 1.0 lists", () => {
  it("parses md5sums and filesizes", () => {
    const md5 = parseMd5Sums(MD5SUMS);
    expect(md5.skipped).toBe(0);
    expect(md5.entries.size).toBe(11);
    expect(md5.entries.get("1979.zip")).toBe("7fb1b6ff781aea3d441abf512dc5e0f9");
    const sizes = parseFileSizes(FILESIZES);
    expect(sizes.skipped).toBe(0);
    expect(sizes.entries.get("20200323.export.CSV.zip")).toBe(10485760);
    const bad = parseMd5Sums("nothex  1979.zip\n7fb1b6ff781aea3d441abf512dc5e0f9 *1980.zip\n\n");
    expect(bad.skippedLines).toEqual([1]);
    expect([...bad.entries]).toEqual([["1980.zip", "7fb1b6ff781aea3d441abf512dc5e0f9"]]);
    expect(parseFileSizes("12 a.zip\n-3 b.zip\n12 c.zip extra\n").skipped).toBe(2);
  });

  it("maps file names to the spans they cover", () => {
    expect(gdelt1Span("2005.zip")).toEqual({
      kind: "yearly",
      start: new Date("2005-01-01T00:00:00Z"),
      end: new Date("2006-01-01T00:00:00Z"),
    });
    expect(gdelt1Span("201212.zip")).toEqual({
      kind: "monthly",
      start: new Date("2012-12-01T00:00:00Z"),
      end: new Date("2013-01-01T00:00:00Z"),
    });
    expect(gdelt1Span("20130401.export.CSV.zip")).toEqual({
      kind: "daily",
      start: new Date("2013-04-01T00:00:00Z"),
      end: new Date("2013-04-02T00:00:00Z"),
    });
    expect(gdelt1Span("GDELT.MASTERREDUCEDV2.1979-2013.zip")).toBeNull();
    expect(gdelt1Span("200613.zip")).toBeNull();
    expect(gdelt1Span("md5sums")).toBeNull();
  });
});

describe("gdelt1 list", () => {
  const gdelt1 = syncSource("gdelt1");
  const lists = { [GDELT1_MD5SUMS_URL]: MD5SUMS, [GDELT1_FILESIZES_URL]: FILESIZES };

  it("selects yearly, monthly and daily files covering the range, joining md5 and size", async () => {
    const { c, fetched } = ctx("2005-12-31", "2020-03-20", lists);
    const files = await gdelt1.list(c);
    expect(fetched.sort()).toEqual([
      "http://data.gdeltproject.org/events/filesizes",
      "http://data.gdeltproject.org/events/md5sums",
    ]);
    expect(files).toEqual([
      {
        url: `${V1}2005.zip`,
        path: "events/2005.zip",
        size: 60817408,
        md5: "412cb83d1ed2b445eb9797dd6732e060",
      },
      {
        url: `${V1}200601.zip`,
        path: "events/200601.zip",
        size: 7340032,
        md5: "c3cfe271c7f51eb8b6f8c2ad3ee6c0b0",
      },
      {
        url: `${V1}200602.zip`,
        path: "events/200602.zip",
        size: 6815744,
        md5: "4284850cddf5405e2c94f0397b205929",
      },
      {
        url: `${V1}200603.zip`,
        path: "events/200603.zip",
        size: 7864320,
        md5: "84be3c205b8eb21114d6aa7b082f4713",
      },
      {
        url: `${V1}20200319.export.CSV.zip`,
        path: "events/20200319.export.CSV.zip",
        size: 11534336,
        md5: "d7d6a6071739445cc77ce081a4206f09",
      },
      {
        url: `${V1}20200320.export.CSV.zip`,
        path: "events/20200320.export.CSV.zip",
        size: 11010048,
        md5: "1ff96ba63d1dc3bc715fd84ea09d7062",
      },
    ]);
  });

  it("a range inside one year or month selects that file only", async () => {
    expect(names(await gdelt1.list(ctx("2004-03-01", "2004-03-02", lists).c))).toEqual([
      "2004.zip",
    ]);
    expect(names(await gdelt1.list(ctx("2006-02-28", "2006-02-28", lists).c))).toEqual([
      "200602.zip",
    ]);
    // The last instant of February touches no March file; the first instant of March does.
    expect(
      names(await gdelt1.list(ctx("2006-02-28T12:00:00Z", "2006-03-01T00:00:00.001Z", lists).c)),
    ).toEqual(["200602.zip", "200603.zip"]);
  });

  it("keeps a file listed in only one of the lists, without the missing value", async () => {
    const files = await gdelt1.list(ctx("2020-03-22", "2020-03-23", lists).c);
    expect(files).toEqual([
      {
        url: `${V1}20200322.export.CSV.zip`,
        path: "events/20200322.export.CSV.zip",
        size: 9961472,
        md5: "9a30790ad01663bc07a0f0207715dc0f",
      },
      {
        url: `${V1}20200323.export.CSV.zip`,
        path: "events/20200323.export.CSV.zip",
        size: 10485760,
      },
    ]);
  });

  it("refuses without --from/--to", async () => {
    await expect(gdelt1.list(ctx(null, null, lists).c)).rejects.toThrow(
      /GDELT 1\.0 needs --from and --to/,
    );
  });
});

describe("registry", () => {
  it("names sources uniquely and throws BadInputError listing them for an unknown name", () => {
    const all = SYNC_SOURCES.map((s) => s.name);
    expect(new Set(all).size).toBe(all.length);
    // `entente sync --help` lists these names without loading the registry.
    expect(all).toEqual([...SYNC_SOURCE_NAMES]);
    for (const n of ["gdelt2", "gdelt1", "atop", "cow-alliance", "cow-trade", "cow-nmc"]) {
      expect(syncSource(n).name).toBe(n);
    }
    for (const n of ["unvotes", "worldbank-gdp", "pwt", "mme", "icews"]) {
      expect(syncSource(n).name).toBe(n);
    }
    let err: unknown;
    try {
      syncSource("nope");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).message).toMatch(/"nope"/);
    expect((err as BadInputError).hint).toContain("gdelt2");
    expect((err as BadInputError).hint).toContain("worldbank-gdp");
  });

  it("every source has provenance", () => {
    for (const s of SYNC_SOURCES) {
      expect(s.title, s.name).not.toBe("");
      expect(s.citation, s.name).not.toBe("");
      expect(s.license, s.name).not.toBe("");
      expect(s.homepage, s.name).toMatch(/^https?:\/\//);
    }
  });

  const noRange = ctx(null, null, {}).c;

  it("every non-manual fixed source lists http(s) URLs whose path is the URL's pathname", async () => {
    // Sources whose files come from a list the publisher serves are tested with those lists
    // (test/sync/publisher-lists.test.ts, test/sync/imf-imts.test.ts).
    const listed = ["undl-votes", "unvotes", "mme", "imf-imts"];
    const fixed = SYNC_SOURCES.filter(
      (s) => s.manual === null && !s.name.startsWith("gdelt") && !listed.includes(s.name),
    );
    expect(fixed.map((s) => s.name)).toEqual([
      "atop",
      "cow-alliance",
      "cow-trade",
      "cow-trade-national",
      "cow-nmc",
      "worldbank-gdp",
      "worldbank-gdp-pcap",
    ]);
    for (const s of fixed) {
      const files = await s.list(noRange);
      expect(files.length, s.name).toBeGreaterThan(0);
      for (const f of files) {
        const u = new URL(f.url);
        expect(["http:", "https:"], s.name).toContain(u.protocol);
        expect(f.path, s.name).toBe(u.pathname.slice(1));
        expect(f.path.startsWith("/"), s.name).toBe(false);
      }
      expect(s.core, s.name).toBe(true);
    }
  });

  it("GDELT sources are not core and their files also satisfy the URL/path rule", async () => {
    const g2 = await syncSource("gdelt2").list(
      ctx("2015-02-18", "2015-02-19", { [GDELT2_MASTER_URL]: MASTER }).c,
    );
    const g1 = await syncSource("gdelt1").list(
      ctx("1979-01-01", "2030-01-01", {
        [GDELT1_MD5SUMS_URL]: MD5SUMS,
        [GDELT1_FILESIZES_URL]: FILESIZES,
      }).c,
    );
    expect(g1).toHaveLength(11); // every event file, not the reduced set
    for (const f of [...g2, ...g1]) {
      const u = new URL(f.url);
      expect(u.protocol).toBe("http:");
      expect(f.path).toBe(u.pathname.slice(1));
    }
    expect(syncSource("gdelt1").core).toBe(false);
    expect(syncSource("gdelt2").core).toBe(false);
  });

  it("pins the official URLs and members", async () => {
    const url = async (n: string) => (await syncSource(n).list(noRange)).map((f) => f.url);
    expect(await url("worldbank-gdp")).toEqual([
      "https://api.worldbank.org/v2/en/indicator/NY.GDP.MKTP.CD?downloadformat=csv",
    ]);
    expect((await syncSource("worldbank-gdp").list(noRange))[0]?.path).toBe(
      "v2/en/indicator/NY.GDP.MKTP.CD",
    );
    const wb = syncSource("worldbank-gdp").extract as RegExp;
    expect(wb.test("API_NY.GDP.MKTP.CD_DS2_en_csv_v2_10181232.csv")).toBe(true);
    expect(wb.test("Metadata_Indicator_API_NY.GDP.MKTP.CD_DS2_en_csv_v2_10181232.csv")).toBe(false);
    expect(wb.test("API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv")).toBe(false);
    expect(
      syncSource("worldbank-gdp-pcap").extract?.test(
        "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv",
      ),
    ).toBe(true);
    expect(await url("cow-trade")).toEqual(await url("cow-trade-national"));
    expect(syncSource("cow-trade").extract?.test("COW_Trade_4.0/Dyadic_COW_4.0.csv")).toBe(true);
    expect(syncSource("cow-trade-national").extract?.test("COW_Trade_4.0/Dyadic_COW_4.0.csv")).toBe(
      false,
    );
    expect(
      syncSource("cow-alliance").extract?.test(
        "version4.1_csv/alliance_v4.1_by_directed_yearly.csv",
      ),
    ).toBe(true);
    expect(syncSource("atop").extract?.test("atop5_1ddyr.csv")).toBe(true);
    expect(syncSource("atop").extract?.test("atop5_1dy.csv")).toBe(false);
  });

  it("every manual source has instructions, lists nothing and is not core", async () => {
    const manual = SYNC_SOURCES.filter((s) => s.manual !== null);
    expect(manual.map((s) => s.name).sort()).toEqual(["icews", "pwt", "sipri-arms"].sort());
    for (const s of manual) {
      expect(s.manual?.length ?? 0, s.name).toBeGreaterThan(80);
      expect(s.manual, s.name).toMatch(/https:\/\//);
      expect(s.manual, s.name).toContain("entente ingest");
      expect(await s.list(noRange), s.name).toEqual([]);
      expect(s.core, s.name).toBe(false);
    }
  });
});

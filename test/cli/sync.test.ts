/**
 * `entente sync` end to end, offline: a local server plays data.gdeltproject.org (through
 * ENTENTE_MIRROR) with a masterfile list and zipped exports built here from the fixtures, and
 * misbehaves on purpose.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWhen } from "../../src/cli/commands/sync-run.js";
import { dyad } from "../../src/frames/dyad.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { fixture, tempDir } from "../helpers.js";
import { type RouteSpec, startFileServer } from "../sync/server.js";
import { zipFiles, zipOf } from "../sync/zip.js";
import { runCliAsync } from "./run-cli.js";

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

const IMTS =
  "/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.CHN+RUS+G001";
const today = new Date().toISOString().slice(0, 10);

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
      // NMC: the abridged CSV in a zip inside the zip.
      "/wp-content/uploads/NMCv7.zip": {
        body: zipFiles([
          ["NMC_Documentation-v7.0.pdf", Buffer.from("%PDF-1.4")],
          ["NMC-70-abridged.zip", zipOf("NMC-70-abridged.csv", f("nmc/NMC-60-abridged.csv"))],
        ]),
      },
      // The UN Digital Library: the record's file list, then the newest dated file.
      "/api/v1/file": {
        body: Buffer.from(
          JSON.stringify([
            {
              name: "2024_09_12_ga_resolutions_voting",
              format: ".csv",
              url: "https://digitallibrary.un.org/record/4060887/files/2024_09_12_ga_resolutions_voting.csv",
            },
            {
              name: "2025_9_19_ga_voting",
              format: ".csv",
              url: "https://digitallibrary.un.org/record/4060887/files/2025_9_19_ga_voting.csv",
              size: f("undl/2025_9_19_ga_voting.csv").length,
            },
          ]),
        ),
      },
      "/record/4060887/files/2025_9_19_ga_voting.csv": { body: f("undl/2025_9_19_ga_voting.csv") },
      // IMF IMTS for the case's pair, annual (after one 429) and monthly.
      [`${IMTS}.A`]: {
        body: f("imf_imts/imts_rus_chn_A.csv"),
        status: 429,
        times: 1,
        headers: { "retry-after": "1" },
      },
      [`${IMTS}.M`]: { body: f("imf_imts/imts_rus_chn_M.csv") },
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
      // What cannot be downloaded is said, with the steps.
      expect(r.stdout).not.toMatch(/^manual/m);
      // COW trade is one archive for two sources: fetched once (after a 503), used twice.
      expect(r.stdout).toMatch(
        /^9 files to download \(\d\.\d MB \+ 8 files of unpublished size\)$/m,
      );
      expect(r.stdout).toMatch(/9 downloaded, 1 from the cache, 0 failed; 10 loaded/);
      expect(r.stdout).toMatch(/^heuer\s+H3/m);
      const report = readFileSync(out, "utf8");
      expect(report).toMatch(/^# /m);
      // The report says up to which year each domain has data, and where trade comes from.
      expect(report).toContain(
        "Latest year with data for this pair, by domain: UN votes 2024 (UN Digital Library); trade 2016 (COW Trade 2014, IMF IMTS 2015–2016); arms transfers none; alliances none; capabilities 2014; GDP 2014; military exercises none; IGOs none; disputes none; events none.",
      );
      const store = await DuckDbStore.open(join(dir, "s.duckdb"), { readOnly: true });
      try {
        expect(new Set((await store.files()).map((x) => x.source))).toEqual(
          new Set([
            "atop-ddyr",
            "cow-alliance-yearly",
            "cow-trade-dyadic",
            "cow-trade-national",
            "wb-indicator",
            "cow-nmc",
            "undl-ga-votes",
            "imf-imts",
          ]),
        );
        expect(await store.count("trade_dyadic")).toBeGreaterThan(0);
        expect(await store.count("nmc")).toBe(3);
        // GDP in current US$ is in the core set: trade dependence is filled (COW's 2014 total
        // over the World Bank's GDP), and trade continues from IMTS after COW.
        const d = await dyad(store, "RUS", "CHN", { from: 2014, to: 2016, indicators: "trade" });
        expect(d.rows[0]?.trade_dependence_a).toBeCloseTo((93942 * 1e6) / 2059984158438.46, 12);
        expect(d.rows.map((x) => x.trade_source)).toEqual([1, 2, 2]);
        expect(await store.count("undl_votes")).toBe(41);
        expect(await store.count("trade_imts")).toBe(36);
        expect(
          (await store.releases())
            .filter((x) => x.dataset.startsWith("imf-imts:"))
            .map((x) => x.release),
        ).toEqual([today, today]);
      } finally {
        await store.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe("entente sync: newer releases replace older ones (UN Digital Library, Voeten by DOI)", () => {
  const f = (p: string) => readFileSync(fixture(p));
  const votes = Buffer.from(
    '"rcid","session","ccode","vote"\n5001,70,365,1\n5001,70,710,1\n5002,70,365,3\n5002,70,710,2\n',
  );
  // Dataverse's archival tab-separated form of a roll-call description file: text in quotes.
  const descriptions = Buffer.from(
    'rcid\tsession\tyear\tdate\tunres\timportantvote\tme\tnu\tdi\thr\tco\tec\n5001\t70\t2015\t"12/1/2015"\t"R/70/1"\t0\t0\t0\t0\t0\t0\t"0"\n5002\t70\t2015\t"12/23/2015"\t"R/70/2"\t0\t0\t1\t0\t0\t0\t"0"\n',
  );
  const version = (n: number) =>
    Buffer.from(
      JSON.stringify({
        status: "OK",
        data: {
          versionNumber: n,
          versionMinorNumber: 0,
          files: [
            {
              label: "AgreementScores.csv",
              dataFile: { id: 9, filename: "AgreementScores.csv", filesize: 3 },
            },
            {
              label: "RawVotingdata.tab",
              dataFile: {
                id: 101,
                filename: "RawVotingdata.tab",
                filesize: 1,
                originalFileFormat: "text/csv",
                originalFileSize: votes.length,
                originalFileName: "RawVotingdata.csv",
              },
            },
            {
              label: "descriptions.tab",
              dataFile: {
                id: 102,
                filename: "descriptions.tab",
                filesize: descriptions.length,
                originalFileFormat: "application/vnd.ms-excel",
                originalFileName: "descriptions.xls",
              },
            },
          ],
        },
      }),
    );
  const listing = (names: string[]) =>
    Buffer.from(
      JSON.stringify(
        names.map((n) => ({
          name: n.replace(/\.csv$/, ""),
          format: ".csv",
          url: `https://digitallibrary.un.org/record/4060887/files/${n}`,
          size: f(`undl/${n}`).length,
        })),
      ),
    );
  const routes: Record<string, RouteSpec> = {
    "/api/v1/file": { body: listing(["2025_9_19_ga_voting.csv"]) },
    "/record/4060887/files/2025_9_19_ga_voting.csv": { body: f("undl/2025_9_19_ga_voting.csv") },
    "/record/4060887/files/2026_02_06_ga_voting.csv": { body: f("undl/2026_02_06_ga_voting.csv") },
    "/api/datasets/:persistentId/versions/:latest-published?persistentId=doi:10.7910/DVN/LEJUQZ": {
      body: version(32),
    },
    "/api/access/datafile/101": { body: votes },
    "/api/access/datafile/102": { body: descriptions },
  };

  it("finds the newest dated file and the latest Dataverse version, and a new file replaces the old", async () => {
    const server = await startFileServer(routes);
    try {
      const dir = tempDir();
      const run = (args: string[]) =>
        runCliAsync(["--store", join(dir, "s.duckdb"), ...args], {
          ENTENTE_MIRROR: server.url,
          XDG_CACHE_HOME: join(dir, "cache"),
        });
      const first = await run(["sync", "undl-votes", "unvotes", "--yes"]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^loaded +undl-ga-votes 41 rows/m);
      expect(first.stdout).toMatch(/^loaded +unga-voeten-votes 4 rows/m);
      expect(first.stdout).toMatch(/^loaded +unga-voeten-rollcalls-tab 2 rows/m);
      expect(
        server.requests.some(
          (q) => q.path === "/api/access/datafile/101" && q.search === "?format=original",
        ),
      ).toBe(true);

      // The library publishes a newer file: it replaces the older one's votes.
      routes["/api/v1/file"] = {
        body: listing(["2025_9_19_ga_voting.csv", "2026_02_06_ga_voting.csv"]),
      };
      const second = await run(["sync", "undl-votes", "--yes"]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain(
        "release 2026-02-06 of undl-ga-votes replaces 2025-09-19 (1 file) in undl_votes: 5 added, 4 removed, 7 changed, 30 unchanged (41 rows before, 42 now)",
      );
      expect(second.stdout).toContain("removed, e.g.: undl_id=9001 state_key=iso3:BLR");
      const sources = JSON.parse((await run(["sources", "--json"])).stdout) as {
        releases: Array<{ dataset: string; active: string | null; archived: unknown[] }>;
      };
      expect(
        sources.releases.filter(
          (r) => r.dataset !== "unga-voeten-votes" && r.dataset !== "unga-voeten-rollcalls",
        ),
      ).toEqual([
        {
          dataset: "undl-ga-votes",
          table: "undl_votes",
          active: "2026-02-06",
          files: 1,
          archived: [{ release: "2025-09-19", files: 1 }],
        },
      ]);
      expect(sources.releases.find((r) => r.dataset === "unga-voeten-votes")?.active).toBe(
        "Dataverse 32.0",
      );
    } finally {
      await server.close();
    }
  });
});

/**
 * The file lists `entente sync` reads besides GDELT's: the UN Digital Library's record file list
 * and a Harvard Dataverse dataset version, in the shapes their APIs document (see
 * test/fixtures/sync/README.md), and archives inside archives (COW NMC).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BadFileError } from "../../src/core/errors.js";
import { wbFileRelease } from "../../src/sources/worldbank.js";
import { dataverseFiles, latestVersionUrl } from "../../src/sync/dataverse.js";
import { tooOld } from "../../src/sync/download.js";
import { syncSource } from "../../src/sync/registry.js";
import { extractMember, planSync } from "../../src/sync/sync.js";
import { newestGaVoting, UNDL_FILES_API } from "../../src/sync/undl-files.js";
import { fixture, tempDir } from "../helpers.js";
import { zipFiles, zipOf } from "./zip.js";

const read = (name: string): string => readFileSync(fixture(`sync/${name}`), "utf8");

describe("UN Digital Library file list", () => {
  it("finds the newest dated voting file among the record's files", () => {
    const f = newestGaVoting(read("undl-files-4060887.json"));
    expect(f).toEqual({
      url: "https://digitallibrary.un.org/record/4060887/files/2026_02_06_ga_voting.csv",
      path: "record/4060887/files/2026_02_06_ga_voting.csv",
      size: 298_341_117,
      md5: "0123456789abcdef0123456789abcdef",
      release: "2026-02-06",
    });
  });

  it("orders by date, not by name, and prefers a corrigendum of the same day", () => {
    const list = (names: string[]) =>
      JSON.stringify(
        names.map((n) => ({
          name: n.replace(/\.csv$/, ""),
          format: ".csv",
          url: `https://digitallibrary.un.org/record/4060887/files/${n}?ln=en`,
        })),
      );
    expect(
      newestGaVoting(list(["2025_9_19_ga_voting.csv", "2025_10_2_ga_voting.csv"])).release,
    ).toBe("2025-10-02");
    const corr = newestGaVoting(
      list(["2025_3_31_ga_voting.csv", "2025_03_31_ga_voting_corr1.csv", "2024_1_1_ga_voting.csv"]),
    );
    expect(corr.url).toBe(
      "https://digitallibrary.un.org/record/4060887/files/2025_03_31_ga_voting_corr1.csv",
    );
  });

  it("says what the list holds when no voting file is in it, and refuses what is not a list", () => {
    const none = JSON.stringify([
      {
        name: "2024_09_12_ga_resolutions_voting",
        format: ".csv",
        url: "https://x.org/a/2024_09_12_ga_resolutions_voting.csv",
      },
    ]);
    expect(() => newestGaVoting(none)).toThrow(BadFileError);
    expect(() => newestGaVoting(none)).toThrow(/lists no dated \*_ga_voting\.csv file/);
    expect(() => newestGaVoting("<html>maintenance</html>")).toThrow(
      /not the UN Digital Library's file list/,
    );
  });

  it("the sync entry reads the list from the library's file API", async () => {
    const asked: string[] = [];
    const files = await syncSource("undl-votes").list({
      from: null,
      to: null,
      fetchText: async (url) => {
        asked.push(url);
        return read("undl-files-4060887.json");
      },
    });
    expect(asked).toEqual([UNDL_FILES_API]);
    expect(UNDL_FILES_API).toBe("https://digitallibrary.un.org/api/v1/file?recid=4060887");
    expect(files.map((f) => f.release)).toEqual(["2026-02-06"]);
  });
});

describe("Harvard Dataverse by DOI", () => {
  const VOETEN = "doi:10.7910/DVN/LEJUQZ";

  it("asks for the latest published version of the DOI", () => {
    expect(latestVersionUrl(VOETEN)).toBe(
      "https://dataverse.harvard.edu/api/datasets/:persistentId/versions/:latest-published?persistentId=doi:10.7910/DVN/LEJUQZ",
    );
  });

  it("picks files by name, the original when it was a CSV, else the archival .tab", () => {
    const files = dataverseFiles(read("dataverse-voeten-version.json"), VOETEN, [
      { match: /raw ?voting ?data/i, not: /agreement|ideal/i, dataset: "unga-voeten-votes" },
      { match: /description/i, dataset: "unga-voeten-rollcalls" },
    ]);
    expect(files).toEqual([
      {
        url: "https://dataverse.harvard.edu/api/access/datafile/10001?format=original",
        path: "api/access/datafile/10001/RawVotingdata.csv",
        size: 1496,
        release: "Dataverse 33.0",
        dataset: "unga-voeten-votes",
      },
      {
        url: "https://dataverse.harvard.edu/api/access/datafile/10002",
        path: "api/access/datafile/10002/descriptions.tab",
        size: 391,
        release: "Dataverse 33.0",
        dataset: "unga-voeten-rollcalls",
      },
    ]);
  });

  it("names the files of the version when a rule matches none", () => {
    expect(() =>
      dataverseFiles(read("dataverse-voeten-version.json"), VOETEN, [{ match: /nothing-like-it/ }]),
    ).toThrow(/version 33\.0 has no file matching/);
    try {
      dataverseFiles(read("dataverse-voeten-version.json"), VOETEN, [{ match: /nothing-like-it/ }]);
    } catch (e) {
      expect((e as BadFileError).hint).toMatch(/AgreementScores\.csv/);
    }
    expect(() => dataverseFiles('{"status":"ERROR"}', VOETEN, [])).toThrow(
      /not a Dataverse dataset version/,
    );
  });
});

describe("archives inside archives", () => {
  it("finds the member directly, or inside the zips the source names", async () => {
    const dir = tempDir();
    const csv = Buffer.from("stateabb,ccode,year\nRUS,365,2014\n");
    const inner = zipOf("NMC-70-abridged.csv", csv);
    const outer = join(dir, "NMCv7.zip");
    writeFileSync(
      outer,
      zipFiles([
        ["NMC_Documentation-v7.0.pdf", Buffer.from("%PDF")],
        ["NMC-70-supplement.zip", zipOf("NMC-70-supplement.csv", Buffer.from("x\n1\n"))],
        ["NMC-70-abridged.zip", inner],
      ]),
    );
    const nmc = syncSource("cow-nmc");
    const got = await extractMember(outer, nmc.extract as RegExp, nmc.nested);
    expect(got.endsWith("NMC-70-abridged.csv")).toBe(true);
    expect(readFileSync(got, "utf8")).toBe(csv.toString());
    // Flat: the CSV at the top level.
    const flat = join(dir, "flat.zip");
    writeFileSync(flat, zipFiles([["NMC_7/NMC-70-abridged.csv", csv]]));
    expect(readFileSync(await extractMember(flat, nmc.extract as RegExp, nmc.nested), "utf8")).toBe(
      csv.toString(),
    );
    // Neither: an error naming the archive, and nothing half-written.
    const bad = join(dir, "bad.zip");
    writeFileSync(bad, zipFiles([["readme.txt", Buffer.from("x")]]));
    await expect(extractMember(bad, nmc.extract as RegExp, nmc.nested)).rejects.toThrow(
      /no member matching .* in the archive or the archives inside it/,
    );
    expect(existsSync(`${bad}.d`)).toBe(false);
  });
});

describe("files a publisher updates in place (World Bank)", () => {
  it("a cached copy verified more than 30 days ago is planned again; the edition is its release", async () => {
    const dir = tempDir();
    const plan = () =>
      planSync({ sources: ["worldbank-gdp"], from: null, to: null, cacheDir: dir, mirror: "" });
    const [f] = (await plan()).files;
    expect(f?.file.maxAgeDays).toBe(30);
    const local = join(dir, f?.file.path as string);
    mkdirSync(dirname(local), { recursive: true });
    writeFileSync(local, "zip");
    const side = (daysAgo: number) =>
      writeFileSync(
        `${local}.verified.json`,
        JSON.stringify({
          url: f?.file.url,
          size: 3,
          md5: "x",
          sha256: "y",
          verifiedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        }),
      );
    side(2);
    expect((await plan()).cached).toBe(1);
    side(31);
    expect((await plan()).pending).toBe(1);
    expect(tooOld({ url: "u", path: "p" }, undefined)).toBe(false);
    expect(tooOld({ url: "u", path: "p", maxAgeDays: 1 }, undefined)).toBe(true);
    expect(wbFileRelease("API_NY.GDP.MKTP.CD_DS2_en_csv_v2_10181232.csv")).toEqual({
      dataset: "wb-indicator:NY.GDP.MKTP.CD",
      release: "v2_10181232",
    });
    expect(wbFileRelease("Metadata_Country_API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv")).toBeNull();
  });
});

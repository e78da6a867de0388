/**
 * Harvard Dataverse by DOI: the latest published version's file list, from the Dataverse native
 * API (`GET /api/datasets/:persistentId/versions/:latest-published?persistentId=doi:…`, answer
 * `{"status": "OK", "data": {"versionNumber", "versionMinorNumber", "files": [{"label",
 * "dataFile": {"id", "filename", "filesize", "md5", "originalFileFormat", "originalFileSize",
 * "originalFileName", …}}]}}`), so that a new release is found by name, not by file ids, which
 * change with every release. Files are fetched through the Data Access API,
 * `/api/access/datafile/<id>`: the original upload when it was a CSV (`?format=original`),
 * else the archival tab-separated file Dataverse makes of tabular uploads.
 */
import { z } from "zod";
import { defined } from "../core/defined.js";
import { BadFileError } from "../core/errors.js";
import type { RemoteFile } from "./download.js";

export const DATAVERSE = "https://dataverse.harvard.edu";

export const latestVersionUrl = (doi: string): string =>
  `${DATAVERSE}/api/datasets/:persistentId/versions/:latest-published?persistentId=${doi}`;

const DataFile = z.looseObject({
  id: z.number(),
  filename: z.string(),
  filesize: z.number().optional(),
  md5: z.string().optional(),
  checksum: z.looseObject({ type: z.string(), value: z.string() }).optional(),
  originalFileFormat: z.string().optional(),
  originalFileSize: z.number().optional(),
  originalFileName: z.string().optional(),
});
const Version = z.looseObject({
  status: z.literal("OK"),
  data: z.looseObject({
    versionNumber: z.number(),
    versionMinorNumber: z.number(),
    files: z.array(z.looseObject({ label: z.string().optional(), dataFile: DataFile })),
  }),
});

/** Which file of the version to fetch, and the dataset it loads as (default: its adapter). */
export interface DataverseFileRule {
  readonly match: RegExp;
  /** Names that also match `match` but are other files (agreement scores, ideal points, …). */
  readonly not?: RegExp;
  readonly dataset?: string;
}

const CSV_FORMAT = /csv|comma-separated/i;

/**
 * The files of the latest published version matching each rule (one per rule: the first in the
 * list), with their sizes, as release "Dataverse <major>.<minor>". Throws, naming the files the
 * version has, when a rule matches none.
 */
export function dataverseFiles(
  text: string,
  doi: string,
  rules: readonly DataverseFileRule[],
): RemoteFile[] {
  const listUrl = latestVersionUrl(doi);
  let v: z.infer<typeof Version>;
  try {
    v = Version.parse(JSON.parse(text));
  } catch (e) {
    throw new BadFileError(
      listUrl,
      `not a Dataverse dataset version: ${(e as Error).message.split("\n")[0]}`,
      { hint: `Open https://doi.org/${doi.replace(/^doi:/, "")} and download the files by hand` },
    );
  }
  const release = `Dataverse ${v.data.versionNumber}.${v.data.versionMinorNumber}`;
  return rules.map((rule) => {
    const hit = v.data.files.find((f) => {
      const names = [f.label, f.dataFile.filename, f.dataFile.originalFileName].filter(
        (n): n is string => typeof n === "string",
      );
      return names.some((n) => rule.match.test(n)) && !names.some((n) => rule.not?.test(n));
    });
    if (!hit) {
      throw new BadFileError(
        listUrl,
        `version ${v.data.versionNumber}.${v.data.versionMinorNumber} has no file matching ${rule.match}`,
        {
          hint: `Its files: ${v.data.files.map((f) => f.label ?? f.dataFile.filename).join(", ")}. Download the one you need from https://doi.org/${doi.replace(/^doi:/, "")} and load it with entente ingest`,
        },
      );
    }
    const d = hit.dataFile;
    const tabular = d.originalFileFormat !== undefined;
    const original = tabular && CSV_FORMAT.test(d.originalFileFormat ?? "");
    const name = original
      ? (d.originalFileName ?? (hit.label ?? d.filename).replace(/\.tab$/i, ".csv"))
      : d.filename;
    const base = `${DATAVERSE}/api/access/datafile/${d.id}`;
    const size = original ? d.originalFileSize : d.filesize;
    // The checksum Dataverse keeps is of the file as uploaded: it verifies only a file served
    // as uploaded (not the archival version of a tabular upload).
    const md5 = d.md5 ?? (d.checksum?.type.toUpperCase() === "MD5" ? d.checksum.value : undefined);
    return {
      url: original ? `${base}?format=original` : base,
      path: `api/access/datafile/${d.id}/${name}`,
      ...defined({ size }),
      ...(!tabular && md5 !== undefined ? { md5: md5.toLowerCase() } : {}),
      release,
      ...defined({ dataset: rule.dataset }),
    };
  });
}

/**
 * The UN Digital Library's file list of a record, and the newest dated General Assembly voting
 * file in it. The library (a TIND installation) answers `GET /api/v1/file?recid=<id>` with a JSON
 * list of the record's files, e.g. `{"name": "2026_02_06_ga_voting", "format": ".csv",
 * "url": "https://digitallibrary.un.org/record/4060887/files/2026_02_06_ga_voting.csv", …}`; the
 * data files are named after the day they were published (`2025_9_19_ga_voting.csv`, later
 * zero-padded), beside descriptions (`…_md.md`) and earlier layouts (`…_ga_resolutions_voting`).
 */
import { z } from "zod";
import { BadFileError } from "../core/errors.js";
import { undlFileDate } from "../sources/undl-votes.js";
import type { RemoteFile } from "./download.js";

export const UNDL_RECORD = "4060887";
export const UNDL_FILES_API = `https://digitallibrary.un.org/api/v1/file?recid=${UNDL_RECORD}`;

const FileEntry = z.looseObject({
  name: z.string().optional(),
  url: z.string(),
  format: z.string().optional(),
  size: z.union([z.number(), z.string()]).optional(),
  checksum: z.string().optional(),
});
const FileList = z.array(FileEntry);

const fileName = (url: string): string => {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
};

/** The corrigendum number of a file name (`…_ga_voting_corr1.csv` → 1), 0 without one. */
const corrigendum = (name: string): number => Number(/_corr(\d*)\.csv$/i.exec(name)?.[1] || 0);

/**
 * The newest dated `*_ga_voting.csv` of the record's file list (a corrigendum of the same day
 * before the file it corrects), with its size and MD5 when the list gives them, as release its
 * date. Throws naming what the list held when no file matches.
 */
export function newestGaVoting(text: string, listUrl = UNDL_FILES_API): RemoteFile {
  let parsed: z.infer<typeof FileList>;
  try {
    parsed = FileList.parse(JSON.parse(text));
  } catch (e) {
    throw new BadFileError(
      listUrl,
      `not the UN Digital Library's file list: ${(e as Error).message.split("\n")[0]}`,
      {
        hint: "The library's API may have changed; download the newest *_ga_voting.csv from https://digitallibrary.un.org/record/4060887 by hand and load it with entente ingest",
      },
    );
  }
  const dated = parsed
    .flatMap((f) => {
      let name: string;
      try {
        name = fileName(f.url);
      } catch {
        return [];
      }
      const date = undlFileDate(name);
      return date === null ? [] : [{ f, name, date }];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || corrigendum(b.name) - corrigendum(a.name));
  const best = dated[0];
  if (!best) {
    throw new BadFileError(listUrl, "lists no dated *_ga_voting.csv file", {
      hint: `It lists: ${parsed.map((f) => f.name ?? f.url).join(", ") || "nothing"}. Download the voting file by hand from https://digitallibrary.un.org/record/4060887`,
    });
  }
  const url = new URL(best.f.url);
  url.search = "";
  const size = best.f.size === undefined ? Number.NaN : Number(best.f.size);
  const md5 = /^md5:([0-9a-f]{32})$/i.exec(best.f.checksum ?? "")?.[1];
  return {
    url: url.toString(),
    path: url.pathname.replace(/^\/+/, ""),
    ...(Number.isInteger(size) && size > 0 ? { size } : {}),
    ...(md5 ? { md5: md5.toLowerCase() } : {}),
    release: best.date,
  };
}

import { statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { BadInputError } from "../core/errors.js";
import { reportHtml } from "./html.js";
import { reportMarkdown } from "./markdown.js";
import type { ReportModel } from "./model.js";

export type ReportFormat = "html" | "md";

export function reportFormat(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".md") return "md";
  throw new BadInputError("bad_output", `Cannot tell the report format of ${path}`, {
    hint: "End the file name in .html or .md",
  });
}

/**
 * The format of a report path, after checking that its folder exists: a report is written into
 * an existing folder, never into folders made up on the way (a typo in --out is an error).
 */
export function checkReportPath(path: string): ReportFormat {
  const format = reportFormat(path);
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // missing: reported below
  }
  if (!isDir) {
    throw new BadInputError("no_folder", `The folder ${dir} does not exist`, {
      hint: `Create it first (mkdir -p ${dir}), or give --out in an existing folder`,
    });
  }
  return format;
}

/** Write a file through a temporary one and a rename: a failed write leaves no partial file. */
export async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Write the report: one self-contained HTML file, or Markdown with its charts as SVG files in a
 * folder beside it (`<name>-charts/`). Returns every file written.
 */
export async function writeReport(m: ReportModel, path: string): Promise<string[]> {
  const format = checkReportPath(path);
  if (format === "html") {
    await atomicWrite(path, reportHtml(m));
    return [path];
  }
  const chartDir = `${basename(path, extname(path))}-charts`;
  const { text, files } = reportMarkdown(m, chartDir);
  const written: string[] = [];
  if (files.size) await mkdir(join(dirname(path), chartDir), { recursive: true });
  for (const [rel, svg] of files) {
    const p = join(dirname(path), rel);
    await atomicWrite(p, svg);
    written.push(p);
  }
  await atomicWrite(path, text);
  return [path, ...written];
}

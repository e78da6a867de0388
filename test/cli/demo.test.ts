import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "entente-demo-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("entente demo", () => {
  it("without data and without a terminal explains how to get it, downloads nothing, exits 2", () => {
    const r = runCli(["--store", join(dir, "none.duckdb"), "demo", "--out", join(dir, "x.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /demo needs data: there is no --data folder and no data in .*none\.duckdb; it can download the core datasets: \d+ files/,
    );
    expect(r.stderr).toMatch(/add --yes, or give npx entente demo --data <folder>/);
    expect(existsSync(join(dir, "none.duckdb"))).toBe(false);
  });

  it.skipIf(!hasData)(
    `loads the data, assesses Russia–China and writes the report (${hasData ? "real data" : NO_DATA_REASON})`,
    () => {
      const store = join(dir, "demo.duckdb");
      const out = join(dir, "report-rus-chn.html");
      const r = runCli(["--store", store, "demo", "--data", dataFile(""), "--out", out, "--json"]);
      expect(r.code).toBe(0);
      const res = JSON.parse(r.stdout);
      expect(res.report).toBe(out);
      expect(Object.keys(res.leaders)).toEqual(["heuer", "parc", "bayes"]);
      expect(res.sentences[0]).toMatch(
        /^In 2\d{3}, the latest year of the trade data, China accounted for/,
      );
      expect(readFileSync(out, "utf8")).toMatch(/<h1>Russia and China/);
      // A second run uses what the store holds; the terminal summary ends with the report path.
      const again = runCli(["--store", store, "demo", "--out", join(dir, "again.md")]);
      expect(again.code).toBe(0);
      expect(again.stdout.trim().split("\n").pop()).toBe(`report: ${join(dir, "again.md")}`);
      expect(again.stdout).toMatch(/^heuer {2}H\d/m);
      expect(existsSync(join(dir, "again-charts"))).toBe(true);
    },
    // Two whole processes, the first loading every shared dataset (COW IGO alone is 918,000 rows).
    300_000,
  );

  it("report refuses an output it cannot write as HTML or Markdown", () => {
    const r = runCli(["report", "RUS", "CHN", "--out", join(dir, "x.pdf")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/End the file name in \.html or \.md/);
  });
});

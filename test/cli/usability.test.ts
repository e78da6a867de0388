/** Smaller things a new user met (issue 16, item 8): report periods, --out folders, --help. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { reportMarkdown } from "../../src/report/markdown.js";
import { buildReport } from "../../src/report/model.js";
import { fixture, tempDir, tempStore } from "../helpers.js";
import { runCli } from "./run-cli.js";

describe("a report with a case has one period", () => {
  it("takes the case's period unless --from/--to say otherwise, and then says both", async () => {
    const store = await tempStore();
    expect((await ingest(store, [fixture("cow_trade")])).ok).toBe(true);
    const m = await buildReport(store, "RUS", "CHN", {
      caseRef: "russia-china",
      casesDir: tempDir(),
    });
    // The bundled case's title names 2014-2023; the period under it is the same.
    expect(m.title).toMatch(/^Russia and China, 2014-2023:/);
    expect([m.from, m.to]).toEqual([2014, 2023]);
    const head = reportMarkdown(m, "c").text.split("\n")[4] as string;
    expect(head).toMatch(/^Russia \(RUS\) and China \(CHN\), 2014–2023\. Generated /);

    const wider = await buildReport(store, "RUS", "CHN", {
      caseRef: "russia-china",
      casesDir: tempDir(),
      from: 2000,
    });
    expect([wider.from, wider.to]).toEqual([2000, 2023]);
    expect(reportMarkdown(wider, "c").text.split("\n")[4]).toContain(
      ", 2000–2023. The case is about 2014–2023; this report shows 2000–2023. Generated",
    );
  });
});

describe("report --out", () => {
  it("refuses a folder that does not exist, naming it, and creates nothing", () => {
    const dir = join(tempDir(), "nonexistent", "dir");
    const r = runCli([
      "report",
      "RUS",
      "CHN",
      "--from",
      "2000",
      "--to",
      "2001",
      "--out",
      join(dir, "r.html"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `entente: The folder ${dir} does not exist. Create it first (mkdir -p ${dir}), or give --out in an existing folder`,
    ]);
    expect(existsSync(join(dir, ".."))).toBe(false);
  });
});

describe("serve --help", () => {
  it("says the dashboard is served by default", () => {
    const r = runCli(["serve", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Serve the dashboard and the HTTP API over the store");
    expect(r.stdout).not.toMatch(/web app with --web/);
    expect(r.stdout).toMatch(/--no-web\s+serve the API only/);
  });
});

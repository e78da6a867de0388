// The HTML report opened in a real browser (Debian's Chromium through playwright-core): it loads
// with no errors and no requests beyond the file itself, every chart with data draws data marks,
// it prints to PDF, and text from a case file can never become markup.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from "../browser.js";
import { runCli } from "../cli/run-cli.js";
import { DATA, fixture, hasData, NO_DATA_REASON } from "../helpers.js";

const OUTPUT = fileURLToPath(new URL("../../test-output/", import.meta.url));

/**
 * Elements that draw data in Vega's SVG: the path, line or rect children of a mark's `g`
 * (`g.mark-line`, `g.mark-rect`, `g.mark-symbol`, `g.mark-rule`…), leaving out group marks and
 * the marks of axes, legends and titles. Group marks always hold a background `path`, so a
 * looser `g[class*="mark-"] path` would count one even in a chart with no data at all.
 */
const DATA_MARKS =
  'svg g[class*="mark-"]:not(.mark-group):not([class*="role-axis"]):not([class*="role-legend"])' +
  ':not([class*="role-title"]) > :is(path, line, rect):not([d=""])';

interface Opened {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  external: string[];
  dialogs: string[];
}

/** Open `file` in a new page, recording errors, dialogs and every request beyond the file. */
async function open(browser: Browser, file: string): Promise<Opened> {
  const self = pathToFileURL(file).href;
  const allowed = (url: string): boolean => url.split("#")[0] === self || url.startsWith("data:");
  const page = await browser.newPage();
  const opened: Opened = { page, consoleErrors: [], pageErrors: [], external: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") opened.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => opened.pageErrors.push(e.message));
  page.on("dialog", (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    if (!allowed(r.url())) opened.external.push(r.url());
  });
  page.on("websocket", (ws) => opened.external.push(ws.url()));
  await page.route("**/*", (route) =>
    allowed(route.request().url()) ? route.continue() : route.abort(),
  );
  await page.goto(self, { waitUntil: "load" });
  return opened;
}

/** Every attribute in the document whose name starts with "on" (event handlers). */
async function handlerAttributes(page: Page): Promise<string[]> {
  return (await page.evaluate(
    `[...document.querySelectorAll("*")].flatMap((e) =>
      [...e.attributes].filter((a) => a.name.toLowerCase().startsWith("on"))
        .map((a) => e.tagName + "[" + a.name + "]"))`,
  )) as string[];
}

const browserReason = hasChromium ? "Chromium" : NO_CHROMIUM_REASON;
const reportReason = !hasData ? NO_DATA_REASON : !hasChromium ? NO_CHROMIUM_REASON : "real data";

describe.skipIf(!hasChromium)(`the data-mark selector on Vega's own SVG (${browserReason})`, () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const xy = (mark: string, values: object[]): TopLevelSpec =>
    ({
      mark,
      data: { values },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
      },
    }) as TopLevelSpec;
  const svg = (spec: TopLevelSpec): Promise<string> =>
    new vega.View(vega.parse(compile(spec).spec), { renderer: "none" }).toSVG();

  it("counts the marks of a line, bar, point and rule chart, and none in an empty one", async () => {
    const points = [
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ];
    const page = await (browser as Browser).newPage();
    try {
      const count = async (spec: TopLevelSpec): Promise<number> => {
        await page.setContent(`<!doctype html><body>${await svg(spec)}</body>`);
        return page.locator(DATA_MARKS).count();
      };
      expect(await count(xy("line", points))).toBe(1);
      expect(await count(xy("bar", points))).toBe(2);
      expect(await count(xy("point", points))).toBe(2);
      expect(await count(xy("rule", points))).toBe(2);
      expect(await count(xy("line", []))).toBe(0);
      expect(await count(xy("bar", []))).toBe(0);
      // The looser selector finds the group marks' background paths even with no data.
      expect(await page.locator('svg g[class*="mark-"] path').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe.skipIf(!hasData || !hasChromium)(`entente report in Chromium (${reportReason})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-report-browser-"));
  const store = join(dir, "report.duckdb");
  let browser: Browser | undefined;

  beforeAll(async () => {
    const r = runCli(["--store", store, "ingest", DATA]);
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders the Russia–China report offline, without errors, with data in its charts, and prints it", async () => {
    const out = join(dir, "report.html");
    const r = runCli([
      "--store",
      store,
      "report",
      "RUS",
      "CHN",
      "--case",
      "russia-china",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);

    const { page, consoleErrors, pageErrors, external, dialogs } = await open(
      browser as Browser,
      out,
    );
    try {
      expect(await page.locator("h1").count()).toBeGreaterThan(0);

      const figures = page.locator("figure.chart");
      const ids = await figures.evaluateAll((fs) => fs.map((f) => f.getAttribute("data-chart")));
      expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
      expect(new Set(ids).size, `duplicate data-chart ids: ${ids.join(", ")}`).toBe(ids.length);

      const drawn = page.locator("figure.chart:not(.no-data)");
      const n = await drawn.count();
      expect(n).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < n; i++) {
        const fig = drawn.nth(i);
        const id = await fig.getAttribute("data-chart");
        const svg = fig.locator("svg[role=img]");
        expect(await svg.count(), `chart ${id}: svg[role=img]`).toBeGreaterThan(0);
        const label = (await svg.first().getAttribute("aria-label")) ?? "";
        expect(label.trim(), `chart ${id}: aria-label`).not.toBe("");
        expect(await fig.locator(DATA_MARKS).count(), `chart ${id}: data marks`).toBeGreaterThan(0);
      }

      const empty = page.locator("figure.chart.no-data");
      for (let i = 0; i < (await empty.count()); i++) {
        const fig = empty.nth(i);
        const id = await fig.getAttribute("data-chart");
        expect(await fig.locator("svg").count(), `no-data chart ${id}: svg`).toBe(0);
        expect(await fig.textContent(), `no-data chart ${id}: text`).toMatch(/no data/i);
      }

      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, "report.png"), fullPage: true });

      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10 * 1024);

      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(external).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows hostile text from a case file as text, never as markup", async () => {
    const label = "<script>alert(1)</script>";
    const claim = `"><img src=x onerror=alert(1)>`;
    const kase = parse(readFileSync(fixture("cases/minimal.yaml"), "utf8"));
    kase.hypotheses[0].label = label;
    kase.evidence[0].claim = claim;
    const file = join(dir, "hostile.yaml");
    writeFileSync(file, stringify(kase));

    const out = join(dir, "hostile.html");
    const r = runCli(["--store", store, "report", "RUS", "CHN", "--case", file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);

    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);

    const { page, pageErrors, external, dialogs } = await open(browser as Browser, out);
    try {
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.locator("img").count()).toBe(0);
      expect(await handlerAttributes(page)).toEqual([]);
      const text = (await page.locator("body").textContent()) ?? "";
      expect(text).toContain(label);
      expect(text).toContain(claim);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/**
 * The report's values table in print, on an A4 page in Chromium: split into tables that fit the
 * page, nothing cut at the right edge (issue 16, item 8). The table holds every indicator the
 * report can show, with wide values, as a long report on real data does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorDef } from "../../src/indicators/indicator.js";
import { indicatorDef } from "../../src/indicators/registry.js";
import { cell, reportHtml } from "../../src/report/html.js";
import { type ReportModel, TABLE_INDICATORS } from "../../src/report/model.js";
import type { Row } from "../../src/report/summary.js";
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from "../browser.js";
import { tempDir } from "../helpers.js";

const OUTPUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
/** A4 less the report's @page margins (16 mm a side), in CSS pixels (96 per inch). */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 16) / 25.4) * 96);

/** A model with every table indicator over 30 years, values as wide as real ones get. */
function wideModel(): ReportModel {
  const indicators = TABLE_INDICATORS.map((n) => indicatorDef(n) as IndicatorDef);
  const rows: Row[] = [];
  for (let year = 1994; year <= 2023; year++) {
    const row: Record<string, number> = { year };
    indicators.forEach((d, i) => {
      row[d.name] = i % 3 === 0 ? 1_234_567 + year : i % 3 === 1 ? -0.123456 : 98_765.4;
    });
    rows.push(row as Row);
  }
  const state = (ccode: number, iso3: string, name: string) => ({ ccode, iso3, name });
  return {
    title: "Russia and China, 1994–2023",
    question: null,
    a: state(365, "RUS", "Russia"),
    b: state(710, "CHN", "China"),
    from: 1994,
    to: 2023,
    casePeriod: null,
    generated: "2026-12-07",
    sentences: [
      {
        topic: "trade",
        text: "A sentence citing a value.",
        cites: [{ indicator: "trade_share_a", year: 2014, value: -0.123456 }],
      },
    ],
    charts: [],
    table: { years: rows.map((r) => r.year as number), indicators, rows },
    assessment: null,
    datasets: [],
    indicators,
  } as unknown as ReportModel;
}

describe.skipIf(!hasChromium)(
  `the values table printed on A4 (${hasChromium ? "Chromium" : NO_CHROMIUM_REASON})`,
  () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("is split into tables that fit the page width; every value is printed once", async () => {
      const m = wideModel();
      const file = join(tempDir(), "wide.html");
      writeFileSync(file, reportHtml(m));
      const page = await (browser as Browser).newPage({
        viewport: { width: A4_CONTENT_PX, height: 1200 },
      });
      try {
        await page.goto(pathToFileURL(file).href);
        // On screen: one wide table that scrolls sideways.
        const screenTables = await page.locator("#values table:visible").count();
        expect(screenTables).toBe(1);

        await page.emulateMedia({ media: "print" });
        const geometry = (await page.evaluate(`(() => {
          const tables = [...document.querySelectorAll("#values table")].filter(
            (t) => t.getClientRects().length > 0);
          return {
            tables: tables.length,
            right: Math.max(...tables.flatMap((t) =>
              [...t.querySelectorAll("th, td")].map((c) => c.getBoundingClientRect().right))),
            scrollWidth: document.documentElement.scrollWidth,
            headers: tables.flatMap((t) =>
              [...t.querySelectorAll("th")].slice(1).map((h) => h.textContent)),
            years: tables.map((t) => t.querySelectorAll("tbody tr").length),
            cells: tables.reduce((n, t) => n + t.querySelectorAll("tbody td").length, 0),
            cited: tables.flatMap((t) => [...t.querySelectorAll("td.cited")].map((c) => c.textContent)),
          };
        })()`)) as {
          tables: number;
          right: number;
          scrollWidth: number;
          headers: string[];
          years: number[];
          cells: number;
          cited: string[];
        };
        const n = m.table.indicators.length;
        expect(n).toBe(TABLE_INDICATORS.length);
        expect(geometry.tables).toBeGreaterThan(1);
        // Nothing reaches past the printable width of the page.
        expect(geometry.right).toBeLessThanOrEqual(A4_CONTENT_PX);
        expect(geometry.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
        // Every indicator once, every year in each table, every value printed.
        expect(geometry.headers).toEqual(m.table.indicators.map((d) => d.name));
        expect(geometry.years).toEqual(Array(geometry.tables).fill(m.table.rows.length));
        expect(geometry.cells).toBe(m.table.rows.length * (n + geometry.tables));
        const cited = m.table.rows.find((r) => r.year === 2014)?.trade_share_a;
        expect(geometry.cited).toEqual([cell(cited)]);

        mkdirSync(OUTPUT, { recursive: true });
        const png = await page.screenshot({ fullPage: true, path: join(OUTPUT, "print-a4.png") });
        expect(png.length).toBeGreaterThan(10_000);
        // And Chromium's own A4 print of it.
        const pdf = await page.pdf({ format: "A4" });
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      } finally {
        await page.close();
      }
    });
  },
);

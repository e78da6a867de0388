import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ingest } from "../../src/ingest/index.js";
import { anchor, cell, citeGroups, esc } from "../../src/report/html.js";
import { md } from "../../src/report/markdown.js";
import { buildReport, type ReportModel } from "../../src/report/model.js";
import { writeReport } from "../../src/report/write.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { dataFile, fixture, hasData, NO_DATA_REASON } from "../helpers.js";

describe("escaping", () => {
  it("escapes HTML and Markdown", () => {
    expect(esc(`"><img src=x onerror=alert(1)>`)).toBe(
      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    );
    expect(esc("<script>alert('x')</script>")).toBe(
      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
    );
    expect(md("a|b *c* [d](e) <i>")).toBe("a\\|b \\*c\\* \\[d\\](e) &lt;i&gt;");
  });

  it("groups cites into year ranges only where the years run on", () => {
    const c = (indicator: string, year: number) => ({ indicator, year, value: 1 });
    expect(
      citeGroups([c("x", 2001), c("x", 2002), c("x", 2003), c("x", 2005), c("y", 2003)]),
    ).toEqual([
      { indicator: "x", years: [2001, 2002, 2003] },
      { indicator: "x", years: [2005] },
      { indicator: "y", years: [2003] },
    ]);
  });
});

describe.skipIf(!hasData)(
  `the Russia–China report (${hasData ? "real data" : NO_DATA_REASON})`,
  () => {
    let model: ReportModel;
    let store: DuckDbStore;
    // One directory for the file (tempDir() is emptied after each test).
    const dir = mkdtempSync(join(tmpdir(), "entente-report-"));
    afterAll(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    beforeAll(async () => {
      store = await DuckDbStore.open(join(dir, "r.duckdb"));
      const r = await ingest(store, [dataFile("")]);
      expect(r.ok).toBe(true);
      model = await buildReport(store, "RUS", "CHN", {
        caseRef: "russia-china",
        generated: "2026-11-30",
      });
    }, 120_000);

    it("states the METHODS.md trade shares of 2014 in words", () => {
      const trade = model.sentences.find((s) => s.topic === "trade");
      expect(trade?.text).toMatch(
        /^In 2014, the latest year of the trade data, China accounted for 12\.0% of Russia's trade; Russia for 1\.8% of China's\./,
      );
    });

    it("shows every value a sentence cites in the table, highlighted, as the sentence used it", async () => {
      const out = join(dir, "report.html");
      await writeReport(model, out);
      const html = readFileSync(out, "utf8");
      for (const s of model.sentences) {
        for (const c of s.cites) {
          const m = new RegExp(
            `<td id="${anchor(c.indicator, c.year)}" class="cited">([^<]*)</td>`,
          ).exec(html);
          expect(m?.[1], `${c.indicator} ${c.year}`).toBe(cell(c.value));
        }
      }
    });

    it("is self-contained: inline CSS and SVG, no scripts, no external references", async () => {
      const out = join(dir, "self.html");
      await writeReport(model, out);
      const html = readFileSync(out, "utf8");
      expect(html).not.toMatch(/<script|<link |<img |@import|url\(/i);
      // Nothing is loaded from elsewhere; the only outside URLs are links to evidence sources
      // (<a href>, which loads nothing until clicked).
      expect(html).not.toMatch(/\ssrc="(https?:)?\/\//i);
      expect(
        html.replace(/<a class="small" href="https:\/\/[^"]*" rel="noopener noreferrer">/g, ""),
      ).not.toMatch(/href="(https?:)?\/\//i);
      expect(html.match(/<figure class="chart" data-chart=/g)?.length).toBeGreaterThanOrEqual(6);
      expect(html).toMatch(/<section id="assessment">/);
      // Every dataset used is cited with the sha256 of its files.
      for (const d of model.datasets) for (const f of d.files) expect(html).toContain(f.sha256);
    });

    it("writes Markdown with the charts as SVG files beside it", async () => {
      const out = join(dir, "brief.md");
      const files = await writeReport(model, out);
      expect(files[0]).toBe(out);
      const svgs = files.filter((f) => f.endsWith(".svg"));
      expect(svgs.length).toBe(model.charts.filter((c) => c.svg).length);
      const text = readFileSync(out, "utf8");
      for (const f of svgs) expect(text).toContain(`](brief-charts/${f.split("/").pop()})`);
      expect(text).toMatch(/^# Russia and China/);
      expect(text).toContain("## Competing hypotheses");
    });

    it("escapes what a case file says", async () => {
      const kase = parse(readFileSync(fixture("cases/minimal.yaml"), "utf8"));
      kase.hypotheses[0].label = "<script>alert(1)</script>";
      kase.evidence[0].claim = `"><img src=x onerror=alert(1)>`;
      kase.title = "A & B <b>bold</b>";
      const file = join(dir, "evil.yaml");
      writeFileSync(file, stringify(kase));
      const m = await buildReport(store, "RUS", "CHN", { caseRef: file, generated: "2026-11-30" });
      const out = join(dir, "evil.html");
      await writeReport(m, out);
      const html = readFileSync(out, "utf8");
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("<title>A &amp; B &lt;b&gt;bold&lt;/b&gt;</title>");
    });
  },
);

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { blocs } from "../../src/blocs/blocs.js";
import { neighbours } from "../../src/blocs/neighbours.js";
import { stateRef } from "../../src/frames/dyad.js";
import { ingest } from "../../src/ingest/index.js";
import { blocSection, REPORT_BLOC_SEEDS } from "../../src/report/blocs-section.js";
import { anchor, cell, citeGroups, esc } from "../../src/report/html.js";
import { md, reportMarkdown } from "../../src/report/markdown.js";
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

    it("places Russia and China among the blocs of their latest year with UN votes", async () => {
      const s = model.blocs;
      if (!s?.a || !s.b) throw new Error("no bloc section");
      expect(s.seeds).toBe(REPORT_BLOC_SEEDS);
      // The votes end in 2015 (sessions 1–70); the report's period runs on to 2023.
      expect(s.year).toBe(2015);
      // Each number is the library's: the blocs of the year with the report's seeds …
      const y = await blocs(store, { year: 2015, seeds: REPORT_BLOC_SEEDS });
      const of = (c: number) =>
        y.blocs.find((b) => b.members.some((m) => m.ccode === c)) as (typeof y.blocs)[number];
      for (const side of [s.a, s.b]) {
        const b = of(side.state.ccode);
        expect(side.bloc).toEqual({
          id: b.id,
          label: b.label,
          size: b.members.length,
          largest: b.members.slice(0, 5).map((m) => stateRef(m.ccode)),
        });
        expect(side.stability).toBe(b.members.find((m) => m.ccode === side.state.ccode)?.stability);
        // … and the neighbours of entente neighbours.
        expect(side.neighbours).toEqual(
          await neighbours(store, side.state.ccode, { year: 2015, top: 5 }),
        );
      }
      expect(s.together).toBe(of(365) === of(710));
      // The run back from 2015 ends where the pair's status changes.
      expect(s.runStart).toBe("change");
      const before = await blocs(store, { year: s.before as number, seeds: REPORT_BLOC_SEEDS });
      const ofBefore = (c: number) =>
        before.blocs.find((b) => b.members.some((m) => m.ccode === c));
      expect(ofBefore(365) === ofBefore(710)).toBe(!s.together);
      // docs/blocs.md (50 seeds): apart in 2015, together in 2014; the report's 10 agree.
      expect(s.together).toBe(false);
      expect([s.since, s.before]).toEqual([2015, 2014]);
      expect(s.sentences[0]).toBe(
        "Grouped by Cohen's kappa of their UN General Assembly votes, Russia and China were in different blocs in 2015; they last shared a bloc in 2014.",
      );
      expect(s.sentences).toContain(
        "Their own kappa in 2015 was 0.43. A bloc is a group found by modularity, not a set of pairwise ties: states in one bloc need not vote alike with each other, and the closest partners below can sit in another bloc.",
      );
      expect(s.sentences.join(" ")).toMatch(
        /Russia's bloc in 2015 \(USA, RUS, JPN \+\d+\) had \d+ members; the largest by material capabilities \(CINC\): United States of America, Russia, /,
      );
    });

    it("prints the bloc section in HTML and Markdown, with its seeds and measure", async () => {
      const s = model.blocs;
      if (!s?.a) throw new Error("no bloc section");
      const out = join(dir, "blocs.html");
      await writeReport(model, out);
      const html = readFileSync(out, "utf8");
      const section = html.slice(html.indexOf('<section id="blocs">'));
      expect(section).toMatch(/^<section id="blocs"><h2>Russia and China among the blocs<\/h2>/);
      expect(html.indexOf('<section id="blocs">')).toBeLessThan(
        html.indexOf('<section id="values">'),
      );
      const first = s.a.neighbours.neighbours[0];
      expect(section).toContain(
        `<td>1</td><td class="l">${esc(first?.name)}</td><td>${cell(first?.similarity)}</td>`,
      );
      expect(section).toMatch(/consensus of 10 seeded Louvain runs per year/);
      expect(section).toContain("not a set of pairwise ties");
      const text = reportMarkdown(model, "c").text;
      expect(text).toContain("## Russia and China among the blocs");
      expect(text).toContain(`| 1 | ${md(first?.name)} | ${cell(first?.similarity)} |`);
      expect(text).toMatch(/consensus of 10 seeded Louvain runs per year/);
    });

    it("follows a pair in one bloc back to the start of the period", async () => {
      const s = await blocSection(store, stateRef("USA"), stateRef("GBR"), {
        from: 2008,
        to: 2015,
      });
      expect(s?.together).toBe(true);
      expect([s?.since, s?.runStart, s?.before]).toEqual([2008, "period", null]);
      for (let y = 2008; y <= 2015; y++) {
        const r = await blocs(store, { year: y, seeds: REPORT_BLOC_SEEDS });
        const of = (c: number) => r.blocs.find((b) => b.members.some((m) => m.ccode === c));
        expect(of(2), String(y)).toBe(of(200));
      }
      expect(s?.sentences[0]).toBe(
        "Grouped by Cohen's kappa of their UN General Assembly votes, United States of America and United Kingdom were in the same bloc in 2015, and in every year with UN votes since 2008 (8 years): the whole of this report's period with UN votes (from 2008).",
      );
      // Taiwan has cast no UN vote since 1971: no bloc, and the section says why.
      const twn = await blocSection(store, stateRef("TWN"), stateRef("CHN"), {
        from: 2000,
        to: 2015,
      });
      expect(twn?.a).toBeNull();
      expect(twn?.sentences).toEqual([
        "Taiwan and China have no year in 2000–2015 in which both cast UN General Assembly votes in the loaded data, so no blocs are shown.",
      ]);
      // No UN votes in the period: no section.
      expect(
        await blocSection(store, stateRef("USA"), stateRef("GBR"), { from: 1900, to: 1940 }),
      ).toBeNull();
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

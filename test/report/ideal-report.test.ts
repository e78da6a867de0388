import { describe, expect, it } from "vitest";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import { ingest } from "../../src/ingest/index.js";
import { buildReport } from "../../src/report/model.js";
import { dataFile, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe.skipIf(!hasData)(
  `report with UN ideal points${hasData ? "" : ` (${NO_DATA_REASON})`}`,
  () => {
    it("points to entente ideal-points without a fit; with one, charts and states the positions", async () => {
      const store = await tempStore();
      const r = await ingest(store, [dataFile("unga_votes")]);
      expect(r.ok).toBe(true);
      const before = await buildReport(store, "RUS", "CHN", { from: 2010, to: 2014 });
      expect(before.charts.some((c) => c.chart.id === "ideal-points")).toBe(false);
      expect(before.sentences.map((s) => s.text)).toContain(
        "UN ideal points are not fitted for the loaded votes: `entente ideal-points` fits them once (a minute or two) and the report then shows them.",
      );

      await fitAndStore(store, await fitRequest(store, { from: 2010, to: 2014 }));
      const m = await buildReport(store, "RUS", "CHN", { from: 2010, to: 2014 });
      const ids = m.charts.map((c) => c.chart.id);
      // Right after the UN voting chart, with data and its SVG.
      expect(ids.indexOf("ideal-points")).toBe(ids.indexOf("un-voting") + 1);
      const chart = m.charts.find((c) => c.chart.id === "ideal-points");
      expect(chart?.chart.hasData).toBe(true);
      expect(chart?.svg).toContain("United Kingdom");
      expect(chart?.chart.description).toMatch(
        /for Russia, China and, for reference, United States, United Kingdom, India/,
      );
      const ideal = m.sentences.find((s) => s.text.startsWith("On UN ideal points"));
      expect(ideal?.text).toMatch(
        /Russia stood at −?\d\.\d\d and China at −?\d\.\d\d in the session opened in 2014: a distance of \d\.\d\d \(standard error \d\.\d\d\), against \d\.\d\d in 2010\./,
      );
      // Every cited value is in the report's table, as the sentence used it.
      for (const c of ideal?.cites ?? []) {
        const row = m.table.rows.find((x) => x.year === c.year);
        expect(row?.[c.indicator]).toBe(c.value);
      }
      expect(
        Math.abs((ideal?.cites[0]?.value as number) - (ideal?.cites[1]?.value as number)),
      ).toBeCloseTo(ideal?.cites[2]?.value as number, 12);
    }, 300_000);
  },
);

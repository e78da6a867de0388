/**
 * The report's line "Latest year with data for this pair, by domain": every domain, GDP too, up
 * to the report's last year, with the source of the trade years. Fixtures: COW trade (RUS–CHN
 * 2014; its 2012 and 2013 lines are rejects) and World Bank GDP in current US$ (1960,
 * 1990–1992, 2014).
 */
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { coverageText } from "../../src/report/domains.js";
import { buildReport } from "../../src/report/model.js";
import { fixture, tempStore } from "../helpers.js";

describe("report: latest year per domain", () => {
  it("stops every domain, GDP included, at the report's last year", async () => {
    const store = await tempStore();
    const r = await ingest(store, [
      fixture("cow_trade/dyadic.csv"),
      fixture("cow_trade/national.csv"),
      fixture("worldbank/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_fixture.csv"),
    ]);
    expect(r.ok).toBe(true);
    const to2014 = await buildReport(store, "RUS", "CHN", { from: 2010, to: 2014 });
    const byDomain = (m: typeof to2014) =>
      Object.fromEntries(m.domains.map((d) => [d.domain, d.lastYear]));
    expect(byDomain(to2014)).toMatchObject({ trade: 2014, GDP: 2014, "UN votes": null });
    expect(coverageText(to2014.domains)).toMatch(/^UN votes none; trade 2014 \(COW Trade 2014\);/);
    // A report ending in 2000: GDP's last year is 1992, not the 2014 the store also holds.
    const to2000 = await buildReport(store, "RUS", "CHN", { from: 1990, to: 2000 });
    expect(byDomain(to2000)).toMatchObject({ trade: null, GDP: 1992 });
  });
});

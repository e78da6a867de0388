/**
 * An event sentence names the loaded files its count comes from: the store does not record
 * which part of a year an event file covers (issue 16, item 8).
 */
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { buildReport } from "../../src/report/model.js";
import { summarize } from "../../src/report/summary.js";
import { fixture, rows, tempStore } from "../helpers.js";

describe("event sentences say which files the count comes from", () => {
  it("names the GDELT and ICEWS files holding events of the sentence's year", async () => {
    const store = await tempStore();
    const files = [
      fixture("gdelt/gdelt2_clean.export.CSV"),
      fixture("gdelt/gdelt2_rejects.export.CSV"),
      fixture("icews/icews_events.tab"),
    ];
    expect((await ingest(store, files)).files.map((f) => f.status)).toEqual([
      "loaded",
      "loaded",
      "loaded",
    ]);
    const m = await buildReport(store, "RUS", "CHN", { from: 2010, to: 2019 });
    const events = m.sentences.filter((s) => s.topic === "events").map((s) => s.text);
    const [all2019] = await rows<{ n: number }>(
      store,
      "SELECT count(*) AS n FROM gdelt_events WHERE year(event_date) = 2019",
    );
    const [icews2018] = await rows<{ n: number }>(
      store,
      "SELECT count(*) AS n FROM icews_events WHERE year(event_date) = 2018",
    );
    expect(events).toEqual([
      // Both GDELT fixtures are exports of the same quarter hour; the ICEWS file holds two days.
      `GDELT records 5 events between Russia and China in 2019, in the loaded files, which cover 15 minutes of that year (0.003%); net cooperation 0.60 (−1 all conflict, +1 all cooperation). The count comes from the 2 loaded GDELT files holding events dated 2019 (gdelt2_clean.export.CSV, gdelt2_rejects.export.CSV; ${Number(all2019?.n)} events of all pairs).`,
      `ICEWS records 3 events between Russia and China in 2018, in the loaded files, which cover 2 days of that year (0.548%); net cooperation 1.00 (−1 all conflict, +1 all cooperation). The count comes from the one loaded ICEWS file holding events dated 2018 (icews_events.tab; ${Number(icews2018?.n)} events of all pairs).`,
    ]);
  });

  it("names the first and last of many files", () => {
    const row = { year: 2019, gdelt_events: 2, gdelt_net_coop: 1 };
    const files = Array.from(
      { length: 96 },
      (_, i) => `20191024${String(i).padStart(4, "0")}00.export.CSV`,
    );
    const [s] = summarize(
      [row],
      { a: "Russia", b: "China" },
      {
        gdelt: { year: 2019, files, events: 150_000 },
      },
    );
    expect(s?.text).toContain(
      "The count comes from the 96 loaded GDELT files holding events dated 2019 (20191024000000.export.CSV … 20191024009500.export.CSV; 150,000 events of all pairs)",
    );
    // Files of another year are not this sentence's basis.
    const [other] = summarize(
      [row],
      { a: "Russia", b: "China" },
      {
        gdelt: { year: 2018, files, events: 1 },
      },
    );
    expect(other?.text).not.toContain("comes from");
  });
});

// The bloc routes on the real UN votes: each answers exactly what the library (and so the CLI's
// --json) gives, with the values docs/blocs.md reports; bad input is a 400 naming the problem.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blocs, blocTimeline, timelineRows, yearNetwork } from "../../src/blocs/blocs.js";
import { blocMatrix } from "../../src/blocs/matrix.js";
import { blocMeasure } from "../../src/blocs/measures.js";
import { neighbours } from "../../src/blocs/neighbours.js";
import { similarityOf } from "../../src/blocs/similarity-network.js";
import { stateTimeline } from "../../src/blocs/state-timeline.js";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import { ingest } from "../../src/ingest/index.js";
import { createApp } from "../../src/server/app.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;
const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v));

describe.skipIf(!hasData)(`bloc routes (${hasData ? "real UN votes" : NO_DATA_REASON})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-bloc-api-"));
  let store: DuckDbStore;
  let a: Hono;
  const get = async (path: string) => {
    const r = await a.request(path);
    return { status: r.status, body: (await r.json()) as Json };
  };

  beforeAll(async () => {
    store = await DuckDbStore.open(join(dir, "s.duckdb"));
    const r = await ingest(store, [dataFile("unga_votes"), dataFile("capabilities_nmc")]);
    expect(r.files.filter((f) => f.status === "failed")).toEqual([]);
    a = createApp({ store, casesDir: join(dir, "cases"), readOnly: true, version: "0" });
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("GET /api/blocs is entente blocs --json: 2010 as docs/blocs.md reports it", async () => {
    const r = await get("/api/blocs?year=2010");
    expect(r.status).toBe(200);
    expect(r.body).toEqual(roundTrip(await blocs(store, { year: 2010 })));
    expect(r.body.modularity).toBeCloseTo(0.3638, 4);
    const multi = r.body.blocs.filter((b: Json) => b.members.length > 1);
    expect(multi.map((b: Json) => b.label)).toEqual([
      "CHN, IND, BRA +103",
      "USA, RUS, JPN +58",
      "MEX, COL, PER +18",
    ]);
    expect(r.body.blocs.length - multi.length).toBe(4);
    // Options reach the library: fewer seeds, another resolution.
    const few = await get("/api/blocs?year=2010&seeds=10&resolution=1.5&seed=7");
    expect(few.body).toEqual(
      roundTrip(await blocs(store, { year: 2010, seeds: 10, resolution: 1.5, seed: 7 })),
    );
    // Without a year: the last year the votes cover.
    expect((await get("/api/blocs?seeds=5")).body.year).toBe(2015);
  });

  it("GET /api/blocs/years lists the years with a network", async () => {
    const r = await get("/api/blocs/years");
    expect(r.body.measure).toBe("kappa");
    expect(r.body.years).toEqual(await blocMeasure("kappa").years(store));
    expect(r.body.years[0]).toBe(1946);
    expect(r.body.years.at(-1)).toBe(2015);
    expect(r.body.years).not.toContain(1964);
  });

  it("GET /api/blocs/matrix orders the year's matrix by bloc", async () => {
    const r = await get("/api/blocs/matrix?year=2010");
    expect(r.status).toBe(200);
    expect(r.body).toEqual(roundTrip(await blocMatrix(store, { year: 2010 })));
    const b = await blocs(store, { year: 2010 });
    // The same blocs as /api/blocs, states bloc by bloc in the order entente blocs lists them.
    expect(r.body.blocs).toEqual(
      b.blocs.map((x) => ({ id: x.id, label: x.label, size: x.members.length })),
    );
    expect(r.body.states.map((s: Json) => [s.ccode, s.bloc])).toEqual(
      b.blocs.flatMap((x) => x.members.map((m) => [m.ccode, x.id])),
    );
    const n = r.body.states.length;
    expect(n).toBe(192);
    expect(r.body.values).toHaveLength(n);
    const net = await yearNetwork(store, { year: 2010 });
    const at = (code: number) => r.body.states.findIndex((s: Json) => s.ccode === code);
    const rus = at(365);
    const chn = at(710);
    const usa = at(2);
    expect(r.body.values[rus][chn]).toBe(Math.round(similarityOf(net, 365, 710) * 1000) / 1000);
    // docs/blocs.md gives two decimals: 0.25 with China, −0.03 with the USA.
    expect(Math.abs(r.body.values[rus][chn] - 0.25)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(Math.abs(r.body.values[rus][usa] + 0.03)).toBeLessThanOrEqual(0.005 + 1e-9);
    for (let i = 0; i < n; i++) {
      expect(r.body.values[i][i]).toBeNull();
      for (let j = 0; j < i; j++) expect(r.body.values[i][j]).toBe(r.body.values[j][i]);
    }
  });

  it("GET /api/blocs/timeline follows chosen states with ids kept across years", async () => {
    const r = await get("/api/blocs/timeline?from=2005&to=2015&states=RUS,China");
    expect(r.status).toBe(200);
    expect(r.body).toEqual(
      roundTrip(await stateTimeline(store, { from: 2005, to: 2015, states: ["RUS", "CHN"] })),
    );
    const all = timelineRows(
      (await blocTimeline(store, { from: 2005, to: 2015 })).map((y) => y.result),
    );
    expect(r.body.rows).toEqual(roundTrip(all.filter((x) => x.ccode === 365 || x.ccode === 710)));
    expect(r.body.states.map((s: Json) => s.iso3)).toEqual(["RUS", "CHN"]);
    expect(r.body.years).toEqual(Array.from({ length: 11 }, (_, i) => 2005 + i));
    // docs/blocs.md: Russia and China share a bloc in 2006, 2008 and 2014 (of these years).
    const together = r.body.years.filter((y: number) => {
      const of = (c: number) => r.body.rows.find((x: Json) => x.year === y && x.ccode === c);
      return of(365).bloc === of(710).bloc;
    });
    expect(together).toEqual([2006, 2008, 2014]);
    // The same states by code share the cache entry and the answer.
    expect((await get("/api/blocs/timeline?from=2005&to=2015&states=365,710")).body).toEqual(
      r.body,
    );
  });

  it("GET /api/neighbours/:a is entente neighbours --json", async () => {
    const r = await get("/api/neighbours/RUS?year=2010&top=5");
    expect(r.status).toBe(200);
    expect(r.body).toEqual(roundTrip(await neighbours(store, "RUS", { year: 2010, top: 5 })));
    expect(r.body.neighbours).toHaveLength(5);
    expect(r.body.beforeYear).toBe(2000);
    // docs/blocs.md: Serbia (0.50) is Russia's closest partner by kappa in 2010.
    expect(r.body.neighbours[0]).toMatchObject({ iso3: "SRB", rank: 1 });
    expect(r.body.neighbours[0].similarity).toBeCloseTo(0.5, 2);
    const pi = await get("/api/neighbours/Russia?year=2010&top=3&measure=pi");
    expect(pi.body).toEqual(
      roundTrip(await neighbours(store, "RUS", { year: 2010, top: 3, measure: "pi" })),
    );
  });

  it("answers bad input with 400 naming the problem", async () => {
    const measure = await get("/api/blocs?measure=votes");
    expect(measure.status).toBe(400);
    expect(measure.body.error.problems[0].path).toBe("query.measure");
    const noYear = await get("/api/blocs?year=1964");
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.code).toBe("no_data");
    expect(noYear.body.error.hint).toMatch(/1946–2015/);
    for (const q of ["seeds=0", "seeds=201", "resolution=0", "resolution=-1", "seed=x"]) {
      const r = await get(`/api/blocs/matrix?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.problems[0].path, q).toBe(`query.${q.split("=")[0]}`);
    }
    const noStates = await get("/api/blocs/timeline?from=2000&to=2001");
    expect(noStates.status).toBe(400);
    expect(noStates.body.error.problems[0].path).toBe("query.states");
    const unknown = await get("/api/blocs/timeline?states=RUS,Atlantis&from=2000&to=2001");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Atlantis/);
    expect((await get("/api/neighbours/Atlantis")).status).toBe(400);
    const top = await get("/api/neighbours/RUS?top=0");
    expect(top.body.error.problems[0].path).toBe("query.top");
    // A state that cast no vote that year.
    const absent = await get("/api/neighbours/TWN?year=2010");
    expect(absent.status).toBe(400);
    expect(absent.body.error.message).toMatch(/no kappa value in 2010/);
  });

  it("without an ideal-point fit says to run entente ideal-points; with one, uses it", async () => {
    expect((await get("/api/health")).body.ideal_points).toBe("not_fitted");
    const r = await get("/api/blocs?measure=ideal&year=2012");
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("no_fit");
    expect(r.body.error.hint).toMatch(/entente ideal-points/);
    await fitAndStore(store, await fitRequest(store, { from: 2010, to: 2014 }));
    const fitted = createApp({ store, casesDir: join(dir, "cases"), readOnly: true, version: "0" });
    const health = (await (await fitted.request("/api/health")).json()) as Json;
    expect(health.ideal_points).toBe("fitted");
    const ideal = (await (
      await fitted.request("/api/blocs?measure=ideal&year=2012")
    ).json()) as Json;
    expect(ideal).toEqual(roundTrip(await blocs(store, { year: 2012, measure: "ideal" })));
    expect(ideal.measure).toBe("ideal");
    const years = (await (await fitted.request("/api/blocs/years?measure=ideal")).json()) as Json;
    expect(years.years).toEqual([2010, 2011, 2012, 2013, 2014]);
  }, 180_000);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BlocsResult, type BlocYear, blocs, blocTimeline } from "../../src/blocs/blocs.js";
import { blocMeasure } from "../../src/blocs/measures.js";
import { neighbours } from "../../src/blocs/neighbours.js";
import { frameOf } from "../../src/frames/frame.js";
import { unFamily } from "../../src/indicators/voting-similarity.js";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { DATA, dataFile, hasData } from "../helpers.js";

const USA = 2;
const USSR = 365;
const GBR = 200;
const POL = 290;
const CHN = 710;
const IND = 750;
const JPN = 740;

const blocOf = (r: BlocsResult, ccode: number): number | undefined =>
  r.blocs.find((b) => b.members.some((m) => m.ccode === ccode))?.id;

// Every UN session in ../shared/data/unga_votes (1946–2015) and COW NMC for the labels.
describe.skipIf(!hasData)("blocs on the real UN votes", () => {
  let dir = "";
  let store: DuckDbStore;
  let coldWar: BlocYear[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "entente-blocs-"));
    store = await DuckDbStore.open(join(dir, "blocs.duckdb"));
    const r = await ingest(store, [dataFile("unga_votes"), dataFile("capabilities_nmc")]);
    expect(r.files.filter((f) => f.status === "failed")).toEqual([]);
    coldWar = await blocTimeline(store, { from: 1955, to: 1989, seeds: 100 });
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`covers every year 1955–1989 that has roll calls in ${DATA}`, async () => {
    const years = (await blocMeasure("kappa").years(store)).filter((y) => y >= 1955 && y <= 1989);
    expect(coldWar.map((b) => b.result.year)).toEqual(years);
    // 35 calendar years; the 19th session (1964) held no recorded vote in its year.
    expect(years.length).toBeGreaterThanOrEqual(34);
  });

  it("in every year 1955–1989 the USA and the USSR fall in different blocs in ≥ 95% of seeds", () => {
    for (const b of coldWar) {
      const nodes = [...b.network.nodes];
      const i = nodes.indexOf(USA);
      const j = nodes.indexOf(USSR);
      expect(i, `${b.result.year}: USA votes`).toBeGreaterThanOrEqual(0);
      expect(j, `${b.result.year}: USSR votes`).toBeGreaterThanOrEqual(0);
      const together = b.consensus.coassignment[i * nodes.length + j] as number;
      expect(1 - together, `${b.result.year}`).toBeGreaterThanOrEqual(0.95);
      expect(blocOf(b.result, USA)).not.toBe(blocOf(b.result, USSR));
      expect(b.consensus.runModularity.length).toBe(100);
    }
  });

  it("1956–1975: the blocs of the USA and of the USSR keep their ids", () => {
    const span = coldWar.filter((b) => b.result.year >= 1956 && b.result.year <= 1975);
    const usa = new Set(span.map((b) => blocOf(b.result, USA)));
    const ussr = new Set(span.map((b) => blocOf(b.result, USSR)));
    expect(usa.size).toBe(1);
    expect(ussr.size).toBe(1);
  });

  it("1970: the USA with Britain, the USSR with Poland; blocs named after their largest (CINC) members", async () => {
    const r = await blocs(store, { year: 1970 });
    expect(r.year).toBe(1970);
    expect(r.measure).toBe("kappa");
    expect(blocOf(r, USA)).toBe(blocOf(r, GBR));
    expect(blocOf(r, USSR)).toBe(blocOf(r, POL));
    expect(blocOf(r, USA)).not.toBe(blocOf(r, USSR));
    const west = r.blocs.find((b) => b.id === blocOf(r, USA));
    expect(west?.label.startsWith("USA, ")).toBe(true);
    expect(r.modularity).toBeGreaterThan(0.2);
    // Same store, same seeds: the same answer.
    expect(await blocs(store, { year: 1970 })).toEqual(r);
  });

  it("2010: China with India, the USA with Japan, and they apart", async () => {
    const r = await blocs(store, { year: 2010 });
    expect(blocOf(r, CHN)).toBe(blocOf(r, IND));
    expect(blocOf(r, USA)).toBe(blocOf(r, JPN));
    expect(blocOf(r, USA)).not.toBe(blocOf(r, CHN));
    const members = r.blocs.reduce((n, b) => n + b.members.length, 0);
    expect(members).toBeGreaterThan(180);
  });

  it("neighbours of Russia in 2010: the un family's kappa, sorted, with the change since 2000", async () => {
    const r = await neighbours(store, "RUS", { year: 2010, top: 10 });
    expect(r).toMatchObject({ year: 2010, beforeYear: 2000, measure: "kappa" });
    expect(r.state.ccode).toBe(USSR);
    expect(r.neighbours).toHaveLength(10);
    const sims = r.neighbours.map((n) => n.similarity);
    expect(sims).toEqual([...sims].sort((p, q) => q - p));
    const rows: [number, number, number][] = [];
    for (const n of r.neighbours) rows.push([USSR, n.ccode, 2010], [USSR, n.ccode, 2000]);
    const cols = await unFamily.compute(store, frameOf(rows));
    r.neighbours.forEach((n, k) => {
      expect(n.similarity).toBeCloseTo(cols.un_kappa?.[2 * k] as number, 6);
      const before = cols.un_kappa?.[2 * k + 1] as number;
      if (Number.isNaN(before)) expect(n.before).toBeNull();
      else {
        expect(n.before).toBeCloseTo(before, 6);
        expect(n.change).toBeCloseTo(n.similarity - before, 5);
      }
    });
  });
});

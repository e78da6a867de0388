/**
 * COW to its last year, IMF IMTS after (docs/indicators.md, "Trade after COW"): values worked out
 * by hand from test/fixtures/indicators/trade (COW, to 2014) and test/fixtures/imf_imts.
 */
import { describe, expect, it } from "vitest";
import { frameOf } from "../../src/frames/frame.js";
import { TRADE_SOURCE, tradeFamily } from "../../src/indicators/trade-dependence.js";
import { ingest } from "../../src/ingest/index.js";
import type { Store } from "../../src/store/store.js";
import { NO_CLICKHOUSE_REASON } from "../clickhouse/servers.js";
import { clickhouse, clickhouseStores } from "../clickhouse/stores.js";
import { fixture, tempStore } from "../helpers.js";

const RUS = 365;
const CHN = 710;
const COW = [fixture("indicators/trade/dyadic.csv"), fixture("indicators/trade/national.csv")];
const IMTS = fixture("imf_imts/imts_rus_chn_A.csv");
const ROWS: Array<[number, number, number]> = [
  [RUS, CHN, 2014],
  [RUS, CHN, 2015],
  [CHN, RUS, 2015],
  [RUS, CHN, 2016],
  [RUS, CHN, 2017],
];

async function values(store: Store) {
  const cols = await tradeFamily.compute(store, frameOf(ROWS));
  const pick = (n: string) =>
    Array.from(cols[n] as Float64Array, (v) => (Number.isNaN(v) ? null : v));
  return {
    source: pick("trade_source"),
    aFromB: pick("trade_a_imports_from_b"),
    bFromA: pick("trade_b_imports_from_a"),
    total: pick("trade_total"),
    shareA: pick("trade_share_a"),
    shareB: pick("trade_share_b"),
  };
}

describe("trade family: COW, then IMF IMTS", () => {
  it("takes COW's years from COW and later years from IMTS, saying which", async () => {
    const store = await tempStore();
    expect((await ingest(store, [...COW, IMTS])).ok).toBe(true);
    const v = await values(store);
    expect(v.source).toEqual([TRADE_SOURCE.cow, TRADE_SOURCE.imts, TRADE_SOURCE.imts, 2, null]);
    // 2014 is COW's (not IMTS's 50,900 + 41,600): 51,135 + 42,807.
    expect(v.total[0]).toBe(93942);
    // 2015: Russia's imports from China as Russia reports them (CIF), China's from Russia as
    // China reports them: 34,900 + 33,300; totals with the world 193,000 + 341,000 and
    // 1,680,000 + 2,270,000.
    expect(v.aFromB[1]).toBe(34900);
    expect(v.bFromA[1]).toBe(33300);
    expect(v.total[1]).toBe(68200);
    expect(v.shareA[1]).toBeCloseTo(68200 / 534000, 12);
    expect(v.shareB[1]).toBeCloseTo(68200 / 3950000, 12);
    expect([v.aFromB[2], v.bFromA[2], v.shareA[2]]).toEqual([33300, 34900, v.shareB[1]]);
    // 2016: Russia did not report its imports from China (NaN): China's exports to Russia (FOB).
    expect([v.aFromB[3], v.bFromA[3], v.total[3]]).toEqual([37300, 32200, 69500]);
    expect(v.shareA[3]).toBeCloseTo(69500 / 473000, 12);
    expect(v.total[4]).toBeNull();
  });

  it("without COW files, IMTS gives every year it has", async () => {
    const store = await tempStore();
    expect((await ingest(store, [IMTS])).ok).toBe(true);
    const v = await values(store);
    expect(v.source).toEqual([2, 2, 2, 2, null]);
    expect(v.total[0]).toBe(92500); // 50,900 + 41,600
  });
});

const ch = clickhouseStores("single");
describe.skipIf(!clickhouse)(
  `trade splice on ClickHouse${clickhouse ? "" : ` — ${NO_CLICKHOUSE_REASON}`}`,
  () => {
    it("gives DuckDB's values", async () => {
      const duck = await tempStore();
      const house = await ch.open();
      try {
        for (const s of [duck, house]) expect((await ingest(s, [...COW, IMTS])).ok).toBe(true);
        expect(await values(house)).toEqual(await values(duck));
      } finally {
        await ch.cleanup();
      }
    });
  },
);

import { describe, expect, it } from "vitest";
import { frameOf } from "../../src/frames/frame.js";
import {
  ARMS_MIN_TIV,
  armsWindowFamily,
  dependenceInterval,
  dependenceOf,
  dependenceShare,
} from "../../src/indicators/arms-window.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const deals = (tiv: number[], fromPartner: number[]) => ({
  tiv: Float64Array.from(tiv),
  fromPartner: Uint8Array.from(fromPartner),
});

describe("five-year arms dependence (pure)", () => {
  it("is the partner's share above the minimum volume, 0 below it", () => {
    expect(ARMS_MIN_TIV).toBe(50);
    expect(dependenceShare(400, 100)).toBe(0.25);
    // Russia 2019 alone: one Chinese delivery of 4.8 TIV, all of its imports (issue 15).
    expect(dependenceShare(4.8, 4.8)).toBe(0);
    expect(dependenceOf(deals([30, 30, 40], [1, 0, 0]))).toBeCloseTo(0.3, 12);
    expect(dependenceOf(deals([30, 30, 40], [1, 0, 0]), Int32Array.from([2, 0, 1]))).toBeCloseTo(
      60 / 100,
      12,
    );
  });

  it("has a seeded percentile interval around the point difference", () => {
    const a = deals([100, 20, 30, 50, 10], [1, 1, 0, 0, 0]);
    const b = deals([200, 100], [0, 0]);
    const [lo, hi] = dependenceInterval(a, b, 9);
    expect(dependenceInterval(a, b, 9)).toEqual([lo, hi]);
    const point = dependenceOf(a) - dependenceOf(b);
    expect(lo).toBeLessThanOrEqual(point);
    expect(hi).toBeGreaterThanOrEqual(point);
    expect(hi - lo).toBeGreaterThan(0.1);
  });
});

describe.skipIf(!hasData)(
  `five-year arms dependence on the SIPRI export${hasData ? "" : ` (${NO_DATA_REASON})`}`,
  () => {
    it("equals a plain sum over the window; the minimum volume decides Russia 2019", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("sipri_arms/sipri_trade_register_2000-2023_generated2025-01-03.csv"),
        { explicit: false },
      );
      expect(r.status).toBe("loaded");
      const sum = async (where: string): Promise<number> => {
        const [x] = await store.query<{ t: number | null }>(
          `SELECT sum(tiv_delivered) AS t FROM arms_transfers WHERE ${where}`,
        );
        return Number(x?.t ?? 0);
      };
      const frame = frameOf([
        [365, 710, 2014],
        [710, 365, 2014],
        [365, 710, 2019],
        [365, 710, 2003],
      ]);
      const cols = await armsWindowFamily.compute(store, frame, {
        wanted: new Set(["arms_dependence_5y_lo"]),
      });
      const toChina = await sum("recipient_ccode = 710 AND delivery_year BETWEEN 2010 AND 2014");
      const fromRussia = await sum(
        "recipient_ccode = 710 AND supplier_ccode = 365 AND delivery_year BETWEEN 2010 AND 2014",
      );
      expect(cols.arms_share_b_from_a_5y?.[0]).toBeCloseTo(fromRussia / toChina, 12);
      expect(cols.arms_share_a_from_b_5y?.[1]).toBeCloseTo(fromRussia / toChina, 12);
      // (b, a) is the mirror image of (a, b), interval included.
      expect(cols.arms_dependence_5y?.[1]).toBeCloseTo(
        -(cols.arms_dependence_5y?.[0] as number),
        12,
      );
      expect(cols.arms_dependence_5y_lo?.[1]).toBeCloseTo(
        -(cols.arms_dependence_5y_hi?.[0] as number),
        12,
      );
      // Russia 2015–2019 received more than the minimum: its share from China is small, not 1.
      const toRussia = await sum("recipient_ccode = 365 AND delivery_year BETWEEN 2015 AND 2019");
      const fromChina = await sum(
        "recipient_ccode = 365 AND supplier_ccode = 710 AND delivery_year BETWEEN 2015 AND 2019",
      );
      expect(toRussia).toBeGreaterThan(ARMS_MIN_TIV);
      expect(cols.arms_share_a_from_b_5y?.[2]).toBeCloseTo(fromChina / toRussia, 12);
      expect(cols.arms_share_a_from_b_5y?.[2]).toBeLessThan(0.05);
      // The export starts in 2000: 2003's window (1999–2003) is not covered.
      expect(cols.arms_dependence_5y?.[3]).toBeNaN();
    }, 120_000);
  },
);

import { describe, expect, it } from "vitest";
import { type Frame, frameOf } from "../../src/frames/frame.js";
import {
  combineDirections,
  ICEWS_DY_INDICATORS,
  icewsDyadYearFamily,
  icewsEvents,
  icewsNetCoop,
} from "../../src/indicators/icews-dyadyear.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { fixture, tempStore } from "../helpers.js";

const NAMES = [
  "icews_dy_events",
  "icews_dy_verbal_coop",
  "icews_dy_material_coop",
  "icews_dy_verbal_conflict",
  "icews_dy_material_conflict",
  "icews_dy_net_coop",
] as const;
type Name = (typeof NAMES)[number];
type Row = Record<Name, number | null>;

function rowOf(cols: Record<string, Float64Array>, i: number): Row {
  const out = {} as Row;
  for (const n of NAMES) {
    const v = (cols[n] as Float64Array)[i] as number;
    out[n] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** Expected values from the four counts, with events and net cooperation worked out by hand. */
function expected(
  vc: number | null,
  mc: number | null,
  vf: number | null,
  mf: number | null,
  events: number | null,
  net: number | null,
): Row {
  return {
    icews_dy_events: events,
    icews_dy_verbal_coop: vc,
    icews_dy_material_coop: mc,
    icews_dy_verbal_conflict: vf,
    icews_dy_material_conflict: mf,
    icews_dy_net_coop: net,
  };
}

const ALL_NULL = expected(null, null, null, null, null, null);

describe("icews_dy formulas", () => {
  it("events is the sum of the four counts; net cooperation is (coop - conflict) / events", () => {
    expect(icewsEvents([2677, 32, 13, 10])).toBe(2732);
    expect(icewsNetCoop([2677, 32, 13, 10])).toBe(2686 / 2732);
    expect(icewsNetCoop([0, 0, 3, 1])).toBe(-1);
    expect(icewsNetCoop([0, 0, 0, 0])).toBeNaN(); // no events: null, not 0 and not Infinity
    expect(icewsEvents([1, Number.NaN, 0, 0])).toBeNaN();
    expect(icewsNetCoop([1, Number.NaN, 0, 0])).toBeNaN();
  });

  it("undirected sums both directions; one missing direction counts 0; none is null", () => {
    expect(combineDirections([1, 2, 3, 4], [10, 20, 30, 40])).toEqual([11, 22, 33, 44]);
    expect(combineDirections(undefined, [10, 20, 30, 40])).toEqual([10, 20, 30, 40]);
    expect(combineDirections([1, 2, 3, 4], undefined)).toEqual([1, 2, 3, 4]);
    expect(combineDirections(undefined, undefined)).toBeNull();
    expect(combineDirections([1, Number.NaN, 3, 4], [1, 1, 1, 1])?.[1]).toBeNaN();
  });

  it("declares six indicators in events or ratio with source and citation", () => {
    expect(ICEWS_DY_INDICATORS.map((d) => d.name)).toEqual([...NAMES]);
    expect(icewsDyadYearFamily.family).toBe("icews_dy");
    for (const d of ICEWS_DY_INDICATORS) {
      expect(d.family).toBe("icews_dy");
      expect(d.unit).toBe(d.name === "icews_dy_net_coop" ? "ratio" : "events");
      expect(d.source).toMatch(/netify/);
      expect(d.citation).toMatch(/Boschee.*doi:10\.7910\/DVN\/28075.*netify/);
    }
  });
});

describe("icews_dy family on the adapter fixture", () => {
  const ROWS: Array<readonly [number, number, number]> = [
    [365, 710, 2002], // 0 both directions listed (real 2002 rows)
    [710, 365, 2002], // 1 mirrored
    [365, 710, 2003], // 2 Russia -> China verbConf is NA
    [710, 365, 2003], // 3
    [365, 710, 2004], // 4 only China -> Russia listed
    [710, 365, 2004], // 5
    [712, 365, 2004], // 6 Mongolia -> Russia: all four counts 0
    [365, 710, 2005], // 7 no row in either direction
    [490, 710, 2002], // 8 DR Congo (resolved through i_iso3c) -> China
    [365, 365, 2002], // 9 not a dyad
  ];

  async function compute(frame: Frame) {
    const store = await tempStore();
    const r = await loadFile(store, fixture("icews-dyadyear/netify_icews.csv"), {
      explicit: true,
    });
    expect(r.status, r.error ?? "").toBe("loaded");
    expect(r.rows_loaded).toBe(8);
    return icewsDyadYearFamily.compute(store, frame);
  }

  it("directed frame: row (a, b) counts a -> b only", async () => {
    const cols = await compute({ ...frameOf(ROWS), directed: true } as Frame);
    expect(rowOf(cols, 0)).toEqual(expected(2677, 32, 13, 10, 2732, 2686 / 2732));
    expect(rowOf(cols, 1)).toEqual(expected(2286, 25, 21, 11, 2343, 2279 / 2343));
    expect(rowOf(cols, 2)).toEqual(expected(900, 15, null, 4, null, null));
    expect(rowOf(cols, 3)).toEqual(expected(800, 10, 3, 2, 815, 805 / 815));
    expect(rowOf(cols, 4)).toEqual(ALL_NULL); // no Russia -> China row in 2004
    expect(rowOf(cols, 5)).toEqual(expected(300, 5, 2, 1, 308, 302 / 308));
    expect(rowOf(cols, 6)).toEqual(expected(0, 0, 0, 0, 0, null));
    expect(rowOf(cols, 7)).toEqual(ALL_NULL);
    expect(rowOf(cols, 8)).toEqual(expected(7, 0, 1, 0, 8, 0.75));
    expect(rowOf(cols, 9)).toEqual(ALL_NULL);
  });

  it("undirected frame: row (a, b) sums a -> b and b -> a, symmetric", async () => {
    const cols = await compute(frameOf(ROWS));
    // 2002: 2677 + 2286, 32 + 25, 13 + 21, 10 + 11.
    const both2002 = expected(4963, 57, 34, 21, 5075, (4963 + 57 - 34 - 21) / 5075);
    expect(rowOf(cols, 0)).toEqual(both2002);
    expect(rowOf(cols, 1)).toEqual(both2002);
    // 2003: the NA verbal conflict of Russia -> China makes the sum (and events, net) null.
    const both2003 = expected(1700, 25, null, 6, null, null);
    expect(rowOf(cols, 2)).toEqual(both2003);
    expect(rowOf(cols, 3)).toEqual(both2003);
    // 2004: only China -> Russia is listed; the other direction counts 0.
    const one2004 = expected(300, 5, 2, 1, 308, 302 / 308);
    expect(rowOf(cols, 4)).toEqual(one2004);
    expect(rowOf(cols, 5)).toEqual(one2004);
    expect(rowOf(cols, 6)).toEqual(expected(0, 0, 0, 0, 0, null));
    expect(rowOf(cols, 7)).toEqual(ALL_NULL);
    expect(rowOf(cols, 8)).toEqual(expected(7, 0, 1, 0, 8, 0.75));
    expect(rowOf(cols, 9)).toEqual(ALL_NULL);
  });

  it("gives the same values when the frame has too many states to filter SQL by", async () => {
    const many: Array<readonly [number, number, number]> = [...ROWS];
    for (let c = 2; c < 200; c += 2) many.push([c, c + 1, 2002]); // 99 dyads, none listed
    const cols = await compute(frameOf(many));
    expect(rowOf(cols, 0)).toEqual(expected(4963, 57, 34, 21, 5075, 4965 / 5075));
    expect(rowOf(cols, 8)).toEqual(expected(7, 0, 1, 0, 8, 0.75));
    expect(rowOf(cols, ROWS.length)).toEqual(ALL_NULL);
  });

  it("an empty frame gives empty columns", async () => {
    const cols = await compute(frameOf([]));
    for (const n of NAMES) expect(cols[n]).toHaveLength(0);
  });
});

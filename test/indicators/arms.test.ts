import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { frameOf } from "../../src/frames/frame.js";
import { ARMS_INDICATORS, armsFamily, armsShare } from "../../src/indicators/arms-supply.js";
import { loadFile } from "../../src/ingest/load-file.js";
import type { Store } from "../../src/store/store.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const NAMES = [
  "arms_tiv_a_to_b",
  "arms_tiv_b_to_a",
  "arms_share_b_from_a",
  "arms_share_a_from_b",
] as const;
type Name = (typeof NAMES)[number];

function rowOf(cols: Record<string, Float64Array>, i: number): Record<Name, number | null> {
  const out = {} as Record<Name, number | null>;
  for (const n of NAMES) {
    const v = (cols[n] as Float64Array)[i] as number;
    out[n] = Number.isNaN(v) ? null : v;
  }
  return out;
}

const ALL_NULL = {
  arms_tiv_a_to_b: null,
  arms_tiv_b_to_a: null,
  arms_share_b_from_a: null,
  arms_share_a_from_b: null,
};

async function load(store: Store, path: string) {
  const r = await loadFile(store, path, { explicit: true });
  expect(r.status, `${path}: ${r.error ?? ""}`).toBe("loaded");
  return r;
}

describe("arms formulas", () => {
  it("share = TIV from the supplier / all TIV delivered to the recipient", () => {
    expect(armsShare(400, 500)).toBe(0.8);
    expect(armsShare(0, 500)).toBe(0);
    expect(armsShare(500, 500)).toBe(1);
    expect(armsShare(0, 0)).toBeNaN(); // nothing delivered: no share, not 0 and not Infinity
    expect(armsShare(Number.NaN, 10)).toBeNaN();
    expect(armsShare(1, Number.NaN)).toBeNaN();
  });

  it("declares every indicator in TIV with source and citation", () => {
    expect(ARMS_INDICATORS.map((d) => d.name)).toEqual([...NAMES]);
    expect(armsFamily.family).toBe("arms");
    for (const d of ARMS_INDICATORS) {
      expect(d.family).toBe("arms");
      expect(d.unit).toMatch(/TIV/);
      expect(d.source).toMatch(/SIPRI Arms Transfers Database/);
      expect(d.citation).toMatch(/SIPRI/);
    }
  });
});

describe("arms family on fixtures", () => {
  const ROWS: Array<readonly [number, number, number]> = [
    [365, 710, 2001], // 0
    [710, 365, 2001], // 1 mirrored
    [369, 710, 2001], // 2 Ukraine → China, TIV 0
    [365, 710, 2002], // 3
    [365, 710, 2004], // 4 covered, nothing to either
    [365, 750, 2004], // 5 Russia → India
    [2, 710, 2002], // 6 US: its only delivery went to NATO**
    [365, 710, 2003], // 7 no row at all in 2003: not covered
    [365, 710, 2000], // 8 before coverage
    [365, 710, 2005], // 9 after coverage
    [365, 365, 2001], // 10 not a dyad
  ];

  async function compute() {
    const store = await tempStore();
    const r = await load(store, fixture("indicators/arms/register.csv"));
    expect(r.rows_loaded).toBe(8);
    return armsFamily.compute(store, frameOf(ROWS));
  }

  it("sums deals per direction and year; shares include non-state suppliers", async () => {
    const cols = await compute();
    // China's 2001 total: 350 + 50 (Russia) + 100 (unknown supplier) + 0 (Ukraine) = 500.
    expect(rowOf(cols, 0)).toEqual({
      arms_tiv_a_to_b: 400,
      arms_tiv_b_to_a: 20,
      arms_share_b_from_a: 0.8,
      arms_share_a_from_b: 1,
    });
    expect(rowOf(cols, 1)).toEqual({
      arms_tiv_a_to_b: 20,
      arms_tiv_b_to_a: 400,
      arms_share_b_from_a: 1,
      arms_share_a_from_b: 0.8,
    });
    expect(rowOf(cols, 3)).toEqual({
      arms_tiv_a_to_b: 280,
      arms_tiv_b_to_a: 0,
      arms_share_b_from_a: 1,
      arms_share_a_from_b: null, // Russia received nothing in 2002
    });
    expect(rowOf(cols, 5)).toEqual({
      arms_tiv_a_to_b: 128,
      arms_tiv_b_to_a: 0,
      arms_share_b_from_a: 1,
      arms_share_a_from_b: null,
    });
  });

  it("within coverage no deliveries is 0 TIV; a share of nothing is null", async () => {
    const cols = await compute();
    expect(rowOf(cols, 2)).toEqual({
      arms_tiv_a_to_b: 0,
      arms_tiv_b_to_a: 0,
      arms_share_b_from_a: 0,
      arms_share_a_from_b: null, // Ukraine received nothing
    });
    expect(rowOf(cols, 4)).toEqual({
      arms_tiv_a_to_b: 0,
      arms_tiv_b_to_a: 0,
      arms_share_b_from_a: null,
      arms_share_a_from_b: null,
    });
    // Deliveries to an organisation (NATO**) are nobody's imports and count for no state.
    expect(rowOf(cols, 6)).toEqual({
      arms_tiv_a_to_b: 0,
      arms_tiv_b_to_a: 0,
      arms_share_b_from_a: 0,
      arms_share_a_from_b: null,
    });
  });

  it("null outside the loaded delivery years, in a year with no row, and for a = b", async () => {
    const cols = await compute();
    for (const i of [7, 8, 9, 10]) expect(rowOf(cols, i), `row ${i}`).toEqual(ALL_NULL);
  });

  it("more than 64 states (no SQL state filter) gives the same values", async () => {
    const store = await tempStore();
    await load(store, fixture("indicators/arms/register.csv"));
    const many: Array<readonly [number, number, number]> = [...ROWS];
    // Pairs of system members (unlisted and covered: 0), then codes of no state (null).
    const members = systemMembers(2001).filter((c) => c !== 365 && c !== 710);
    for (let k = 0; k + 1 < 101; k++)
      many.push([members[k] as number, members[k + 1] as number, 2001]);
    many.push([801, 802, 2001]);
    const big = await armsFamily.compute(store, frameOf(many));
    const small = await armsFamily.compute(store, frameOf(ROWS));
    for (const n of NAMES) {
      expect(big[n]).toHaveLength(many.length);
      expect(Array.from(big[n] as Float64Array).slice(0, ROWS.length)).toEqual(
        Array.from(small[n] as Float64Array),
      );
      expect((big[n] as Float64Array)[ROWS.length + 3]).toBe(n.startsWith("arms_tiv") ? 0 : NaN);
      expect((big[n] as Float64Array)[many.length - 1]).toBeNaN();
    }
    const empty = await armsFamily.compute(store, frameOf([]));
    for (const n of NAMES) expect(empty[n]).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

const REGISTER = "sipri_arms/sipri_trade_register_2000-2023_generated2025-01-03.csv";

/** One CSV line into fields (double quotes, "" escapes); no field of the file spans lines. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A plain scan of the CSV, independent of the loader: TIV by year for a supplier/recipient. */
function scan(): { pair: Map<number, number>; toChina: Map<number, number> } {
  const lines = readFileSync(dataFile(REGISTER), "utf8").split(/\r?\n/);
  const h = lines.findIndex((l) => l.startsWith("SIPRI AT Database ID,"));
  const header = splitCsv(lines[h] as string);
  const [sup, rec, yr, tiv] = ["Supplier", "Recipient", "Delivery year", "TIV delivery values"].map(
    (c) => header.indexOf(c),
  ) as [number, number, number, number];
  const pair = new Map<number, number>();
  const toChina = new Map<number, number>();
  for (const l of lines.slice(h + 1)) {
    if (l.trim() === "") continue;
    const f = splitCsv(l);
    const y = Number(f[yr]);
    const v = Number(f[tiv]);
    if (f[rec] === "China") toChina.set(y, (toChina.get(y) ?? 0) + v);
    if (f[sup] === "Russia" && f[rec] === "China") pair.set(y, (pair.get(y) ?? 0) + v);
  }
  return { pair, toChina };
}

describe.skipIf(!hasData)(`arms family on the real SIPRI register (${NO_DATA_REASON})`, () => {
  it("Russia → China per year matches a plain scan of the CSV and sums to 32,383.9", async () => {
    const store = await tempStore();
    await load(store, dataFile(REGISTER));
    const years = Array.from({ length: 24 }, (_, k) => 2000 + k);
    const frame = frameOf([
      ...years.map((y) => [365, 710, y] as const),
      ...years.map((y) => [710, 365, y] as const),
      [365, 710, 1999],
      [365, 710, 2024],
    ]);
    const cols = await armsFamily.compute(store, frame);
    const { pair, toChina } = scan();
    let sum = 0;
    years.forEach((y, k) => {
      const ru = rowOf(cols, k);
      const cn = rowOf(cols, 24 + k);
      expect(ru.arms_tiv_a_to_b, `${y}`).toBeCloseTo(pair.get(y) ?? 0, 9);
      expect(cn.arms_tiv_b_to_a, `${y}`).toBe(ru.arms_tiv_a_to_b);
      expect(ru.arms_share_b_from_a, `${y}`).toBeCloseTo(
        (pair.get(y) ?? 0) / (toChina.get(y) ?? 0),
        9,
      );
      expect(cn.arms_share_a_from_b).toBe(ru.arms_share_b_from_a);
      sum += ru.arms_tiv_a_to_b as number;
    });
    expect(sum).toBeCloseTo(32383.9, 6);
    // Two years checked against the numbers read off the file by hand.
    expect(rowOf(cols, 0).arms_tiv_a_to_b).toBeCloseTo(2205, 9); // 2000
    expect(rowOf(cols, 14).arms_tiv_a_to_b).toBeCloseTo(560.5, 9); // 2014
    expect(rowOf(cols, 14).arms_share_b_from_a).toBeCloseTo(560.5 / 1040.85, 9);
    // Outside the export's delivery years (2000–2023): null, not 0.
    expect(rowOf(cols, 48)).toEqual(ALL_NULL);
    expect(rowOf(cols, 49)).toEqual(ALL_NULL);
  });

  it("China → Russia shares count deliveries from unknown suppliers in Russia's total", async () => {
    const store = await tempStore();
    await load(store, dataFile(REGISTER));
    const cols = await armsFamily.compute(
      store,
      frameOf([
        [710, 365, 2023],
        [710, 365, 2015],
        [710, 365, 2000],
      ]),
    );
    // 2023 deliveries to Russia: North Korea 12.5, China 0.98, Iran 120, unknown supplier(s) 0.05.
    expect(rowOf(cols, 0).arms_tiv_a_to_b).toBeCloseTo(0.98, 9);
    expect(rowOf(cols, 0).arms_share_b_from_a).toBeCloseTo(0.98 / 133.53, 9);
    // 2015, a = China: Russia supplied 765.5 of China's 1,251.55; China supplied Russia nothing
    // while Russia did import (Ukraine, Czechia, Turkiye, Germany, Italy, unknown supplier(s)):
    // TIV 0 and share 0, not null.
    expect(rowOf(cols, 1).arms_tiv_b_to_a).toBeCloseTo(765.5, 9);
    expect(rowOf(cols, 1).arms_share_a_from_b).toBeCloseTo(765.5 / 1251.55, 9);
    expect(rowOf(cols, 1).arms_tiv_a_to_b).toBe(0);
    expect(rowOf(cols, 1).arms_share_b_from_a).toBe(0);
    // 2000: Russia received nothing from anyone in the register: share null, TIV 0.
    expect(rowOf(cols, 2)).toMatchObject({ arms_tiv_a_to_b: 0, arms_share_b_from_a: null });
  });
});

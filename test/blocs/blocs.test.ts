import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../../src/blocs/adjusted-rand.js";
import { type BlocsResult, detectBlocs, timelineCsv, timelineRows } from "../../src/blocs/blocs.js";
import { BLOC_MEASURES, blocMeasure, voteNetwork } from "../../src/blocs/measures.js";
import { blocLabel } from "../../src/blocs/member-rank.js";
import { modularity } from "../../src/blocs/modularity.js";
import {
  clippedWeights,
  type SimilarityNetwork,
  similarityOf,
  strengths,
} from "../../src/blocs/similarity-network.js";
import { resolutionRange, sweepNetwork } from "../../src/blocs/sweep.js";
import { frameOf } from "../../src/frames/frame.js";
import { buildVoteYear, fillFromVoteYears } from "../../src/indicators/voting-similarity.js";
import { tempStore } from "../helpers.js";
import { EAST, SOUTH, syntheticYear, WEST } from "./synthetic-votes.js";

const KUWAIT = 690;
const BRUNEI = 835;

function plantedNetwork(seed = 1): SimilarityNetwork {
  const y = syntheticYear({
    year: 2000,
    groups: [WEST, EAST, SOUTH],
    seed,
    constant: [KUWAIT],
    sparse: [BRUNEI],
  });
  return voteNetwork(buildVoteYear(2000, y.rcids, y.states), "kappa");
}

const blocOf = (r: BlocsResult, ccode: number): number =>
  r.blocs.find((b) => b.members.some((m) => m.ccode === ccode))?.id ?? -1;

describe("the similarity network of a year of votes", () => {
  const net = plantedNetwork();
  const n = net.nodes.length;

  it("has every voter as a node and the un family's kappa for every pair", () => {
    expect(n).toBe(32);
    expect([...net.nodes]).toEqual([...net.nodes].sort((p, q) => p - q));
    const y = syntheticYear({
      year: 2000,
      groups: [WEST, EAST, SOUTH],
      seed: 1,
      constant: [KUWAIT],
      sparse: [BRUNEI],
    });
    const vy = buildVoteYear(2000, y.rcids, y.states);
    const rows: [number, number, number][] = [];
    for (const a of net.nodes) for (const b of net.nodes) if (a !== b) rows.push([a, b, 2000]);
    const cols = fillFromVoteYears(frameOf(rows), new Map([[2000, vy]]));
    rows.forEach(([a, b], k) => {
      const got = similarityOf(net, a, b);
      const joint = cols.un_joint_votes?.[k] as number;
      if (joint < 5) expect(got).toBeNaN();
      else expect(Object.is(got, cols.un_kappa?.[k])).toBe(true);
    });
    for (let i = 0; i < n; i++) expect(net.similarity[i * n + i]).toBeNaN();
  });

  it("a constant voter has kappa 0 with everyone; a state with 3 votes has no value", () => {
    for (const c of net.nodes) {
      if (c === KUWAIT || c === BRUNEI) continue;
      expect(similarityOf(net, KUWAIT, c)).toBe(0);
      expect(similarityOf(net, BRUNEI, c)).toBeNaN();
    }
  });

  it("clipping keeps positive similarities and drops negatives and nulls", () => {
    const w = clippedWeights(net);
    let negatives = 0;
    for (let k = 0; k < w.length; k++) {
      const s = net.similarity[k] as number;
      if (s > 0) expect(w[k]).toBe(s);
      else expect(w[k]).toBe(0);
      if (s < 0) negatives += 1;
    }
    expect(negatives).toBeGreaterThan(0);
  });
});

describe("detectBlocs on planted voting blocs", () => {
  const net = plantedNetwork();
  const { result, consensus } = detectBlocs(net, { seeds: 30 });

  it("recovers the three planted groups; the constant and the sparse voter stand alone", () => {
    const truth = new Map<number, number>();
    [WEST, EAST, SOUTH].forEach((g, k) => {
      for (const c of g) truth.set(c, k);
    });
    truth.set(KUWAIT, 3);
    truth.set(BRUNEI, 4);
    const found = [...net.nodes].map((c) => blocOf(result, c));
    const want = [...net.nodes].map((c) => truth.get(c) as number);
    expect(adjustedRandIndex(found, want)).toBeGreaterThanOrEqual(0.95);
    const sizes = result.blocs.map((b) => b.members.length);
    expect(sizes).toEqual([10, 10, 10, 1, 1]);
    expect(result.blocs.map((b) => b.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reports the consensus modularity on the clipped network and stabilities in [0, 1]", () => {
    const w = clippedWeights(net);
    expect(result.modularity).toBeCloseTo(modularity(w, net.nodes.length, consensus.membership), 6);
    expect(result.modularity).toBeGreaterThan(0.3);
    for (const b of result.blocs) {
      for (const m of b.members) {
        expect(m.stability).toBeGreaterThanOrEqual(0);
        expect(m.stability).toBeLessThanOrEqual(1);
      }
    }
    const alone = result.blocs.find((b) => b.members[0]?.ccode === KUWAIT);
    expect(alone?.members[0]?.stability).toBe(1);
  });

  it("orders members by strength without CINC, by CINC when given; labels the three largest", () => {
    const w = clippedWeights(net);
    const k = strengths(w, net.nodes.length);
    const strengthOf = (c: number): number => k[net.nodes.indexOf(c)] as number;
    for (const b of result.blocs) {
      const s = b.members.map((m) => strengthOf(m.ccode));
      expect(s).toEqual([...s].sort((p, q) => q - p));
      expect(b.label).toBe(blocLabel(b.members.map((m) => m.ccode)));
    }
    const cinc = new Map(WEST.map((c, i) => [c, i / 100]));
    const west = detectBlocs(net, { seeds: 30 }, cinc).result.blocs.find((b) =>
      b.members.some((m) => m.ccode === 2),
    );
    expect(west?.members.map((m) => m.ccode)).toEqual([...WEST].reverse());
    expect(west?.label).toBe("ITA, PRT, ESP +7");
    const usa = west?.members.find((m) => m.ccode === 2);
    expect(usa).toMatchObject({ iso3: "USA", name: "United States of America" });
  });

  it("the same seeds give the same blocs; a network without positive ties gives singletons", () => {
    expect(detectBlocs(net, { seeds: 30 }).result).toEqual(result);
    const flat: SimilarityNetwork = {
      year: 2000,
      measure: "kappa",
      nodes: Int32Array.from([2, 20, 200]),
      similarity: Float64Array.from([
        Number.NaN,
        -0.2,
        0,
        -0.2,
        Number.NaN,
        -0.1,
        0,
        -0.1,
        Number.NaN,
      ]),
    };
    const r = detectBlocs(flat, { seeds: 5 }).result;
    expect(r.modularity).toBeNull();
    expect(r.blocs.map((b) => b.members.length)).toEqual([1, 1, 1]);
  });

  it("a resolution sweep: fewer blocs at low γ, the three planted blocs at γ = 1", () => {
    expect(resolutionRange(0.5, 2, 0.25)).toEqual([0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(resolutionRange(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(() => resolutionRange(2, 1, 0.5)).toThrow(/empty/);
    const s = sweepNetwork(net, [0.1, 1], { seeds: 20 });
    expect(s.points.map((p) => p.resolution)).toEqual([0.1, 1]);
    const [low, one] = s.points as [(typeof s.points)[0], (typeof s.points)[0]];
    expect(one.blocs).toBe(3);
    expect(one.singletons).toBe(2);
    expect(low.blocs).toBeLessThan(3);
  });
});

describe("measures", () => {
  it("names kappa, pi, agree, ideal, alignment; unknown names fail, ideal without a fit says how to fit", async () => {
    expect([...BLOC_MEASURES]).toEqual(["kappa", "pi", "agree", "ideal", "alignment"]);
    expect(() => blocMeasure("nope")).toThrow(/Unknown measure "nope"/);
    const store = await tempStore();
    await expect(blocMeasure("ideal").networks(store, 2000, 2000)).rejects.toMatchObject({
      code: "no_fit",
      hint: expect.stringMatching(/entente ideal-points/),
    });
    // No data at all: the composite has no network in any year.
    expect(await blocMeasure("alignment").networks(store, 2000, 2000)).toEqual(new Map());
    // A measure object passes through: the escape hatch for measures this build does not name.
    const own = { ...blocMeasure("pi"), name: "mine" };
    expect(blocMeasure(own)).toBe(own);
  });

  it("pi and agree read the same votes as kappa", () => {
    const y = syntheticYear({ year: 2000, groups: [WEST, EAST], seed: 3 });
    const vy = buildVoteYear(2000, y.rcids, y.states);
    const pi = voteNetwork(vy, "pi");
    const agree = voteNetwork(vy, "agree");
    const cols = fillFromVoteYears(frameOf([[2, 365, 2000]]), new Map([[2000, vy]]));
    expect(similarityOf(pi, 2, 365)).toBe(cols.un_pi?.[0]);
    expect(similarityOf(agree, 2, 365)).toBe(cols.un_agree?.[0]);
    expect(pi.measure).toBe("pi");
  });
});

describe("timeline rows", () => {
  it("one row per state-year, by year then COW code; labels with commas are quoted", () => {
    const r: BlocsResult[] = [
      {
        year: 1990,
        measure: "kappa",
        modularity: 0.3,
        blocs: [
          {
            id: 7,
            label: "USA, GBR",
            members: [
              { ccode: 200, iso3: "GBR", name: "United Kingdom", stability: 1 },
              { ccode: 2, iso3: "USA", name: "United States of America", stability: 0.98 },
            ],
          },
          {
            id: 9,
            label: "678",
            members: [{ ccode: 678, iso3: null, name: "Yemen Arab Republic", stability: 1 }],
          },
        ],
      },
    ];
    const rows = timelineRows(r);
    expect(rows.map((x) => x.ccode)).toEqual([2, 200, 678]);
    expect(rows[0]).toEqual({
      year: 1990,
      ccode: 2,
      iso3: "USA",
      name: "United States of America",
      bloc: 7,
      label: "USA, GBR",
      size: 2,
      stability: 0.98,
    });
    expect(timelineCsv(rows)).toBe(
      'year,ccode,iso3,name,bloc,label,size,stability\n1990,2,USA,United States of America,7,"USA, GBR",2,0.98\n1990,200,GBR,United Kingdom,7,"USA, GBR",2,1\n1990,678,,Yemen Arab Republic,9,678,1,1\n',
    );
  });
});

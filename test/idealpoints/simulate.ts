/**
 * Votes simulated from the model with known positions, for recovery tests: states with random
 * walks over sessions (some joining late or leaving early), roll calls per session with random
 * discriminations and cutpoints, and some roll calls repeated in a later session with the same
 * item parameters (the matched resolutions that bridge sessions). `writeVoteFiles` writes them
 * in Voeten's layout for tests that go through ingest and the store.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import mt19937 from "@stdlib/random-base-mt19937";
import randn from "@stdlib/random-base-randn";
import type { RawVotes } from "../../src/idealpoints/vote-data.js";

export interface Simulation {
  readonly votes: RawVotes;
  readonly matches: Array<[number, number]>;
  /** True position by `${ccode}:${session}`. */
  readonly truth: Map<string, number>;
  /** Roll calls flagged with the Middle East issue (every third one). */
  readonly middleEast: Set<number>;
}

export interface SimulationOptions {
  readonly states: number;
  readonly sessions: number;
  readonly rollCallsPerSession: number;
  /** Share of roll calls that repeat one of the session before (same item parameters). */
  readonly bridgeShare: number;
  /** Standard deviation of a state's step from one session to the next. */
  readonly step: number;
  /** Share of states that join after the first session or leave before the last. */
  readonly turnover: number;
  /** Share of votes missing (absent). */
  readonly absent: number;
  readonly seed: number;
  /** Number of the first session (default 1) and of the first roll call (default 1). */
  readonly firstSession?: number;
  readonly firstRcid?: number;
}

/** Real COW codes (so that names resolve), the USA first: it anchors the orientation. */
const CCODES = [
  2, 20, 40, 41, 42, 51, 52, 53, 70, 90, 91, 92, 93, 94, 95, 100, 101, 130, 135, 140, 145, 150, 155,
  160, 165, 200, 205, 210, 211, 212, 220, 225, 230, 235, 255, 290, 305, 310, 325, 338, 339, 350,
  352, 355, 360, 365, 375, 380, 385, 390, 395, 432, 433, 434, 435, 436, 437, 438, 439, 450, 451,
  452, 461, 471, 475, 481, 482, 483, 484, 490, 500, 501, 510, 516, 517, 520, 530, 540, 541, 551,
  552, 553, 560, 565, 570, 571, 572, 580, 581, 590, 600, 615, 616, 620, 625, 630, 640, 645, 651,
  652, 660, 663, 666, 670, 690, 692, 694, 696, 698, 700, 703, 704, 705, 710, 712, 731, 732, 740,
  750, 760, 770, 771, 775, 780, 790, 800, 811, 812, 816, 820, 830, 840, 850, 900, 920, 940, 950,
  983, 986, 990,
];

export function simulateVotes(o: SimulationOptions): Simulation {
  if (o.states > CCODES.length) throw new Error(`at most ${CCODES.length} states`);
  const bits = mt19937.factory({ seed: o.seed });
  const unif = (): number => bits() / 4294967296;
  const normal = randn.factory({ seed: o.seed + 1 });
  const first = o.firstSession ?? 1;
  const last = first + o.sessions - 1;
  const truth = new Map<string, number>();
  const ccodes = CCODES.slice(0, o.states);
  // The USA sits in every session, as in the real data; others may join late or leave early.
  const span = ccodes.map((cc) => {
    if (cc === 2 || unif() >= o.turnover) return [first, last];
    const a = first + 1 + Math.floor(unif() * (o.sessions / 2));
    const b = Math.max(a + 1, last - 1 - Math.floor(unif() * (o.sessions / 2)));
    return unif() < 0.5 ? [Math.min(a, last), last] : [first, Math.min(last, b)];
  });
  ccodes.forEach((cc, i) => {
    // Paths start N(0, 1), the USA at +1.5.
    let x = cc === 2 ? 1.5 : normal();
    for (let s = first; s <= last; s++) {
      if (s > first) x += o.step * normal();
      const [a, b] = span[i] as [number, number];
      if (s >= a && s <= b) truth.set(`${cc}:${s}`, x);
    }
  });
  const rcid: number[] = [];
  const session: number[] = [];
  const ccode: number[] = [];
  const vote: number[] = [];
  const matches: Array<[number, number]> = [];
  const middleEast = new Set<number>();
  let next = o.firstRcid ?? 1;
  type Item = { rc: number; b: number; g1: number; g2: number };
  let prevItems: Item[] = [];
  for (let s = first; s <= last; s++) {
    const items: Item[] = [];
    for (let r = 0; r < o.rollCallsPerSession; r++) {
      const rc = next++;
      if (rc % 3 === 0) middleEast.add(rc);
      const bridged = s > first && unif() < o.bridgeShare && prevItems.length > 0;
      let item: Item;
      if (bridged) {
        const from = prevItems[Math.floor(unif() * prevItems.length)] as Item;
        matches.push([from.rc, rc]);
        item = { ...from, rc };
      } else {
        const b = (unif() < 0.5 ? -1 : 1) * (0.5 + 1.5 * unif());
        const c = normal() * 1.2 - 0.8;
        item = { rc, b, g1: c, g2: c + 0.2 + 0.8 * unif() };
      }
      items.push(item);
      for (const cc of ccodes) {
        const t = truth.get(`${cc}:${s}`);
        if (t === undefined || unif() < o.absent) continue;
        const z = item.b * t + normal();
        rcid.push(rc);
        session.push(s);
        ccode.push(cc);
        vote.push(z < item.g1 ? 1 : z < item.g2 ? 2 : 3);
      }
    }
    prevItems = items;
  }
  return {
    votes: {
      rcid: Int32Array.from(rcid),
      session: Int32Array.from(session),
      ccode: Int32Array.from(ccode),
      vote: Uint8Array.from(vote),
    },
    matches,
    truth,
    middleEast,
  };
}

/**
 * Writes the simulation in Voeten's layout: votes.csv (with absent and not-a-member rows for
 * the states outside their span, as the real files have), rollcalls.csv (dated 1 October of the
 * year the session opened; `me` set on every third roll call) and matches.csv (v1, rcid1, rcid2).
 */
export function writeVoteFiles(
  dir: string,
  sim: Simulation,
): { votes: string; rollcalls: string; matches: string } {
  const v = sim.votes;
  const lines = ['"rcid","session","ccode","vote"'];
  const sessionOf = new Map<number, number>();
  const voters = new Set<number>();
  for (let k = 0; k < v.rcid.length; k++) {
    lines.push(`${v.rcid[k]},${v.session[k]},${v.ccode[k]},${v.vote[k]}`);
    sessionOf.set(v.rcid[k] as number, v.session[k] as number);
    voters.add(v.ccode[k] as number);
  }
  // A not-a-member code for every state absent from a roll call: ignored by the fit.
  const cast = new Set<string>();
  for (let k = 0; k < v.rcid.length; k++) cast.add(`${v.rcid[k]}:${v.ccode[k]}`);
  for (const [rc, s] of sessionOf) {
    for (const cc of voters) if (!cast.has(`${rc}:${cc}`)) lines.push(`${rc},${s},${cc},9`);
  }
  const votes = join(dir, "votes.csv");
  writeFileSync(votes, `${lines.join("\n")}\n`);
  const rc = [
    '"rcid","session","year","date","unres","importantvote","me","nu","di","hr","co","ec"',
  ];
  for (const [id, s] of [...sessionOf].sort((a, b) => a[0] - b[0])) {
    const y = 1945 + s;
    rc.push(
      `${id},${s},${y},"10/1/${y}","R/${s}/${id}",0,${sim.middleEast.has(id) ? 1 : 0},0,0,0,0,"0"`,
    );
  }
  const rollcalls = join(dir, "rollcalls.csv");
  writeFileSync(rollcalls, `${rc.join("\n")}\n`);
  const matches = join(dir, "matches.csv");
  writeFileSync(
    matches,
    `v1,rcid1,rcid2\n${sim.matches.map(([a, b], i) => `${i + 1},${a},${b}`).join("\n")}\n`,
  );
  return { votes, rollcalls, matches };
}

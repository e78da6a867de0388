/**
 * The UN family with both vote sources: Voeten's roll calls (un_votes) and the UN Digital
 * Library's votes (undl_votes). Values worked out by hand from the fixtures (test/fixtures/undl,
 * and the Voeten files written below): agreement = 1 − mean|x − y|/2 over joint yes/abstain/no.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { frameOf } from "../../src/frames/frame.js";
import type { UnVoteSource } from "../../src/indicators/indicator.js";
import { unFamily, voetenEnd } from "../../src/indicators/voting-similarity.js";
import { ingest } from "../../src/ingest/index.js";
import type { Store } from "../../src/store/store.js";
import { NO_CLICKHOUSE_REASON } from "../clickhouse/servers.js";
import { clickhouse, clickhouseStores } from "../clickhouse/stores.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

const USA = 2;
const RUS = 365;
const CHN = 710;
const TWN = 713;
const UNDL = fixture("undl/2025_9_19_ga_voting.csv");

/** Voeten-layout votes on two roll calls of 2022 (the last on 30 June). */
function voetenFiles(): string[] {
  const dir = tempDir();
  const votes = join(dir, "votes.csv");
  const rollcalls = join(dir, "rollcalls.csv");
  writeFileSync(
    votes,
    `"rcid","session","ccode","vote"\n9901,76,365,1\n9901,76,710,1\n9901,76,2,3\n9902,76,365,3\n9902,76,710,3\n9902,76,2,1\n`,
  );
  writeFileSync(
    rollcalls,
    `"rcid","session","year","date","unres","importantvote","me","nu","di","hr","co","ec"\n9901,76,2021,"3/1/2022","R/76/1",0,0,0,0,0,0,"0"\n9902,76,2021,"6/30/2022","R/76/2",0,0,0,0,0,0,"0"\n`,
  );
  return [votes, rollcalls];
}

async function un(store: Store, rows: Array<[number, number, number]>, source?: UnVoteSource) {
  const cols = await unFamily.compute(store, frameOf(rows), source ? { unVotes: source } : {});
  return rows.map((_, i) => ({
    joint: cols.un_joint_votes?.[i] as number,
    agree: cols.un_agree?.[i] as number,
    kappa: cols.un_kappa?.[i] as number,
  }));
}

describe("UN family on the UN Digital Library's votes", () => {
  it("computes agreement by calendar year from the bulk file alone", async () => {
    const store = await tempStore();
    expect((await ingest(store, [UNDL])).ok).toBe(true);
    const [y1970, y1970prc, y1985, y1991, y2022, y2023, y2024, usa2024] = await un(store, [
      [RUS, TWN, 1970], // the ROC's seat: SUN no, "China" yes
      [RUS, CHN, 1970], // the PRC cast no vote in 1970
      [RUS, CHN, 1985],
      [RUS, CHN, 1991], // the USSR's vote; Russia's second row on the record was rejected
      [RUS, CHN, 2022], // no / abstain
      [RUS, CHN, 2023], // yes / yes
      [RUS, CHN, 2024], // no / yes, yes / yes
      [USA, RUS, 2024], // yes / no, no / yes
    ]);
    expect(y1970).toEqual({ joint: 1, agree: 0, kappa: expect.anything() });
    expect(y1970prc?.joint).toBe(0);
    expect(y1970prc?.agree).toBeNaN();
    expect(y1985).toMatchObject({ joint: 1, agree: 1 });
    expect(y1991).toMatchObject({ joint: 1, agree: 1 });
    expect(y2022).toMatchObject({ joint: 1, agree: 0.5 });
    expect(y2023).toMatchObject({ joint: 1, agree: 1 });
    expect(y2024).toEqual({ joint: 2, agree: 0.5, kappa: 0 });
    expect(usa2024).toMatchObject({ joint: 2, agree: 0 });
  });

  it("with Voeten's votes too: auto takes Voeten to its last day and the library after, never twice", async () => {
    const store = await tempStore();
    expect((await ingest(store, [UNDL, ...voetenFiles()])).ok).toBe(true);
    expect(await voetenEnd(store)).toBe("2022-06-30");
    const rows: Array<[number, number, number]> = [
      [RUS, CHN, 2022],
      [RUS, CHN, 2023],
      [RUS, CHN, 2024],
      [RUS, CHN, 1985],
    ];
    // auto: 2022 from Voeten's two roll calls (yes/yes, no/no); the library's vote of
    // 2 March 2022 falls in a Voeten year before Voeten's last day and is left out; 2023 and
    // 2024 from the library; so is 1985, a year without a Voeten roll call.
    expect(await un(store, rows)).toEqual([
      { joint: 2, agree: 1, kappa: 1 },
      { joint: 1, agree: 1, kappa: Number.NaN },
      { joint: 2, agree: 0.5, kappa: 0 },
      { joint: 1, agree: 1, kappa: Number.NaN },
    ]);
    const voeten = await un(store, rows, "voeten");
    expect(voeten[0]).toEqual({ joint: 2, agree: 1, kappa: 1 });
    expect(voeten[1]?.joint).toBeNaN(); // no Voeten roll call in 2023: not covered
    const undl = await un(store, rows, "undl");
    expect(undl.map((r) => [r.joint, r.agree])).toEqual([
      [1, 0.5],
      [1, 1],
      [2, 0.5],
      [1, 1],
    ]);
  });
});

const ch = clickhouseStores("single");
afterEach(() => ch.cleanup());

describe.skipIf(!clickhouse)(
  `UN family on ClickHouse${clickhouse ? "" : ` — ${NO_CLICKHOUSE_REASON}`}`,
  () => {
    it("gives DuckDB's values for both sources and each choice", async () => {
      const rows: Array<[number, number, number]> = [
        [RUS, CHN, 2022],
        [RUS, CHN, 2023],
        [RUS, CHN, 2024],
        [RUS, CHN, 1985],
        [RUS, TWN, 1970],
        [USA, RUS, 2024],
      ];
      const files = [UNDL, ...voetenFiles()];
      const duck = await tempStore();
      const house = await ch.open();
      for (const store of [duck, house]) expect((await ingest(store, files)).ok).toBe(true);
      expect(await voetenEnd(house)).toBe("2022-06-30");
      for (const source of ["auto", "voeten", "undl"] as const) {
        expect(await un(house, rows, source), source).toEqual(await un(duck, rows, source));
      }
    });
  },
);

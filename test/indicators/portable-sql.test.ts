/**
 * The SQL of indicators, frames and `sources` stays in the subset DuckDB and ClickHouse 18.16
 * share: every DuckDB-only spelling must come from `store.sql` (src/store/dialect.ts).
 *
 * The check runs the real code on DuckDB through a probe store whose dialect is DuckDB's with
 * each expansion wrapped in marker comments. Stripping the marked regions from the recorded SQL
 * must leave none of the constructs ClickHouse 18.16 rejects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadedYearRange } from "../../src/frames/coverage.js";
import { createDyadYears } from "../../src/frames/create-dyad-years.js";
import { directedKey, type Frame } from "../../src/frames/frame.js";
import { expandPeriods } from "../../src/frames/periods.js";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import { readFitInput } from "../../src/idealpoints/read-votes.js";
import { jointExerciseCounts } from "../../src/indicators/exercises.js";
import type { Column } from "../../src/indicators/indicator.js";
import { FAMILY_COMPUTERS } from "../../src/indicators/registry.js";
import { readVoteYears } from "../../src/indicators/voting-similarity.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { describeSources } from "../../src/sources/describe.js";
import { CLICKHOUSE_DIALECT } from "../../src/store/clickhouse/dialect.js";
import type { SqlDialect } from "../../src/store/dialect.js";
import { DUCKDB_DIALECT } from "../../src/store/duckdb/dialect.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import type { Store } from "../../src/store/store.js";
import { fixture, tempDir } from "../helpers.js";
import { simulateVotes, writeVoteFiles } from "../idealpoints/simulate.js";

const OPEN = "/*<*/";
const CLOSE = "/*>*/";

/** DuckDB's dialect with every expansion between marker comments (comments change nothing). */
const MARKED: SqlDialect = Object.fromEntries(
  Object.entries(DUCKDB_DIALECT).map(([name, fn]) => [
    name,
    (...args: string[]) => `${OPEN}${(fn as (...a: string[]) => string)(...args)}${CLOSE}`,
  ]),
) as unknown as SqlDialect;

/** The SQL outside the (possibly nested) marked regions; their arguments are checked too. */
function unmarked(sql: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < sql.length; ) {
    if (sql.startsWith(OPEN, i)) {
      depth++;
      i += OPEN.length;
    } else if (sql.startsWith(CLOSE, i)) {
      depth--;
      i += CLOSE.length;
    } else {
      if (depth === 0) out += sql[i];
      i++;
    }
  }
  return out;
}

/** Constructs ClickHouse 18.16 does not accept, or spells differently (see dialect.ts). */
const NOT_PORTABLE: ReadonlyArray<[string, RegExp]> = [
  ["CTE", /\bWITH\s+\w+\s+AS\s*\(/i],
  ["FILTER (WHERE …)", /\bFILTER\s*\(/i],
  ["positional GROUP BY", /\bGROUP\s+BY\s+\d/i],
  ["window function", /\bOVER\s*\(/i],
  ["IS DISTINCT FROM", /\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i],
  ["unnest", /\bunnest\s*\(/i],
  ["string_split", /\bstring_split\s*\(/i],
  ["list aggregate", /\blist\s*\(/i],
  ["date part function", /\b(year|quarter|month)\s*\(/i],
  ["TRY_CAST", /\bTRY_CAST\s*\(/i],
  ["CAST of a parameter", /\bCAST\s*\(\s*\$\d/i],
  ["regexp_replace", /\bregexp_replace\s*\(/i],
  ["trim / lower", /\b(trim|lower)\s*\(/i],
  ["length (bytes in ClickHouse)", /\blength\s*\(/i],
  ["boolean literal", /\b(true|false)\b/i],
];

function nonPortable(sql: string): string[] {
  const rest = unmarked(sql);
  return NOT_PORTABLE.filter(([, re]) => re.test(rest)).map(([what]) => what);
}

const FILES = [
  "indicators/atop/atop5_1ddyr.csv",
  "indicators/cow/alliance_v4.1_by_directed_yearly.csv",
  "indicators/un/rollcalls.csv",
  "indicators/un/votes.csv",
  "indicators/trade/dyadic.csv",
  "indicators/trade/national.csv",
  "indicators/trade/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_trade.csv",
  "indicators/arms/register.csv",
  "indicators/exercises/mme_v7.csv",
  "indicators/exercises/jme_v3_sheet.csv",
  "indicators/cinc/nmc_peacesciencer.csv",
  "igo/cow_igo_ndy.csv",
  "contiguity/cow_contdir.csv",
  "mid/cow_mid_ddydisps.csv",
  "gdelt/gdelt2_clean.export.CSV",
  "icews/icews_events.tab",
  "icews-dyadyear/netify_icews.csv",
];

const plain = (cols: Record<string, Column>) =>
  Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, Array.from(c)]));

describe("indicator SQL is portable to ClickHouse 18.16", () => {
  let store: DuckDbStore;
  let probe: Store;
  const seen: string[] = [];

  beforeAll(async () => {
    store = await DuckDbStore.open(`${tempDir()}/portable.duckdb`);
    for (const f of FILES) {
      const r = await loadFile(store, fixture(f), { explicit: true });
      expect(r.status, `${f}: ${r.error ?? ""}`).toBe("loaded");
    }
    // Votes for an ideal-point fit (un_ideal reads the stored fit): simulated, in Voeten's layout.
    const sim = simulateVotes({
      states: 20,
      sessions: 3,
      rollCallsPerSession: 20,
      bridgeShare: 0.2,
      step: 0.1,
      turnover: 0,
      absent: 0.05,
      seed: 4,
      firstSession: 56,
      firstRcid: 30001,
    });
    const sims = writeVoteFiles(tempDir(), sim);
    for (const f of [sims.votes, sims.rollcalls, sims.matches]) {
      const r = await loadFile(store, f, { explicit: true });
      expect(r.status, `${f}: ${r.error ?? ""}`).toBe("loaded");
    }
    // The store itself, but with the marking dialect and every query recorded.
    probe = Object.create(store, {
      sql: { value: MARKED },
      query: {
        value: (sql: string, params?: readonly unknown[]) => {
          seen.push(sql);
          return store.query(sql, params);
        },
      },
    }) as Store;
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it("finds the markers and each non-portable construct in a sample", () => {
    expect(unmarked(`a ${OPEN}year(${OPEN}x${CLOSE})${CLOSE} b`)).toBe("a  b");
    expect(nonPortable("SELECT x FROM t GROUP BY 1")).toEqual(["positional GROUP BY"]);
    expect(nonPortable(`SELECT ${MARKED.countIf("q = 1")} FROM t GROUP BY a`)).toEqual([]);
    expect(nonPortable("WITH v AS (SELECT 1) SELECT * FROM v")).toEqual(["CTE"]);
  });

  it("every family, coverage and `sources` run the same on the probe with portable SQL", async () => {
    const range = await loadedYearRange(store);
    expect(range).not.toBeNull();
    const { from, to } = range as { from: number; to: number };
    const dyads: Array<[number, number]> = [
      [365, 710],
      [2, 365],
      [2, 710],
      [2, 200],
      [2, 666],
    ];
    // Few states (SQL restricted to them) and more than 64 (no state filter), directed or not.
    const frames: Frame[] = [
      createDyadYears({ dyads, from, to }),
      createDyadYears({ dyads, from, to, directed: true }),
      createDyadYears({ dyads: "all", from: 2000, to: 2001 }),
    ];
    const events: Frame[] = [
      expandPeriods(createDyadYears({ dyads, from: 2014, to: 2017 }), "quarter"),
      expandPeriods(createDyadYears({ dyads, from: 2014, to: 2017, directed: true }), "month"),
    ];
    // The fit reads its votes through the probe (portable SQL) and is stored for un_ideal.
    const req = await fitRequest(probe);
    expect(await readFitInput(probe, req.fromSession, req.toSession, "me")).toEqual(
      await readFitInput(store, req.fromSession, req.toSession, "me"),
    );
    await fitAndStore(probe, req);
    // Values per family, so that a family stopping before its main query would be noticed.
    const known = new Map<string, number>();
    for (const fam of FAMILY_COMPUTERS) {
      const periodic = fam.periods !== undefined;
      for (const frame of periodic ? [...frames, ...events] : frames) {
        const optsList = periodic ? [undefined, { events: { rootOnly: true, minSources: 2 } }] : [];
        for (const opts of periodic ? optsList : [undefined]) {
          const want = plain(await fam.compute(store, frame, opts));
          expect(plain(await fam.compute(probe, frame, opts)), fam.family).toEqual(want);
          const n = Object.values(want)
            .flat()
            .filter((v) => !Number.isNaN(v)).length;
          known.set(fam.family, (known.get(fam.family) ?? 0) + n);
        }
      }
    }
    expect(await loadedYearRange(probe)).toEqual(range);
    expect(await describeSources(probe)).toEqual(await describeSources(store));
    const votes = await readVoteYears(store, from, to, [2, 365]);
    expect(await readVoteYears(probe, from, to, [2, 365])).toEqual(votes);
    expect(await readVoteYears(probe, from, to, [])).toEqual(
      await readVoteYears(store, from, to, []),
    );

    for (const fam of FAMILY_COMPUTERS)
      expect(known.get(fam.family), fam.family).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(30);
    expect(seen.some((sql) => sql.includes(OPEN))).toBe(true);
    const bad = seen
      .map((sql) => ({ sql, problems: nonPortable(sql) }))
      .filter((r) => r.problems.length > 0);
    expect(bad).toEqual([]);
  }, 120_000);
});

describe("jointExerciseCounts", () => {
  const row = (year: number, key: string, participants: Array<number | null> | null) => ({
    year,
    key,
    participants,
  });

  it("counts each exercise key once per dyad-year, pooling the rows of a key", () => {
    const counts = jointExerciseCounts(
      [
        row(2000, "name:a", [2, 200, 365]),
        row(2000, "name:a", [200, 710]), // same exercise: 2–710 and 365–710 pair through it
        row(2000, "name:b", [200, 2, 2]),
        row(2001, "name:a", [2, 200]),
        row(2000, "row:1:9", [null, 2, 200]),
        row(2000, "name:c", null),
      ],
      null,
    );
    expect(counts.get(directedKey(2, 200, 2000))).toBe(3); // a, b, row:1:9
    for (const [a, b] of [
      [2, 365],
      [2, 710],
      [200, 365],
      [200, 710],
      [365, 710],
    ] as const) {
      expect(counts.get(directedKey(a, b, 2000)), `${a}-${b}`).toBe(1);
    }
    expect(counts.get(directedKey(2, 200, 2001))).toBe(1);
    expect(counts.get(directedKey(200, 2, 2000))).toBeUndefined(); // only lo < hi
    expect(counts.size).toBe(7);
  });

  it("keeps only the given states", () => {
    const counts = jointExerciseCounts([row(2000, "k", [2, 200, 365])], [2, 365]);
    expect([...counts]).toEqual([[directedKey(2, 365, 2000), 1]]);
  });
});

describe("dialect spellings", () => {
  it("writes regular expressions as each backend's string literal", () => {
    expect(DUCKDB_DIALECT.regexpReplaceAll("x", "\\s+", " ")).toBe(
      "regexp_replace(x, '\\s+', ' ', 'g')",
    );
    expect(CLICKHOUSE_DIALECT.regexpReplaceAll("x", "\\s+'", " ")).toBe(
      "replaceRegexpAll(x, '\\\\s+\\'', ' ')",
    );
  });

  it("checks date literals", () => {
    expect(CLICKHOUSE_DIALECT.date("2016-01-01")).toBe("'2016-01-01'");
    expect(() => DUCKDB_DIALECT.date("2016-1-1")).toThrow(/ISO/);
  });
});

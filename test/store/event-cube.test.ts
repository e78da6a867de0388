/**
 * The event cube (src/store/event-cube.ts) is the aggregate of the stored event rows after every
 * kind of load: clean, unchanged, re-delivered, with rejects and rule breakers, failed, killed
 * (SIGKILL at a failpoint) and after a migration. Each check recomputes the cube and the volume
 * in JavaScript from the rows and compares them cell by cell with what the store holds, on
 * DuckDB and on a ClickHouse server and a two-shard cluster. The indicators read from the cube
 * must equal those read from the rows.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { frameOf } from "../../src/frames/frame.js";
import { gdeltFamily, icewsFamily } from "../../src/indicators/events.js";
import { ingest } from "../../src/ingest/index.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { openStore } from "../../src/store/open.js";
import { SCHEMA_VERSION } from "../../src/store/schema-version.js";
import type { Store } from "../../src/store/store.js";
import { runCli } from "../cli/run-cli.js";
import { NO_CLICKHOUSE_REASON } from "../clickhouse/servers.js";
import { clickhouse, databaseName, dropDatabase, storeUrl } from "../clickhouse/stores.js";
import { dataFile, fixture, hasData, tempDir } from "../helpers.js";

const G = (name: string) => fixture(`gdelt/${name}`);
const I = (name: string) => fixture(`icews/${name}`);

type Sums = [number, number, number, number, number, number, number, number];

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const flag = (v: unknown): string => (v === null || v === undefined ? "-" : Number(v) ? "1" : "0");
const day = (v: unknown): string => String(v).slice(0, 10);

function add(map: Map<string, number[]>, key: string, values: readonly number[]): void {
  const cur = map.get(key);
  if (!cur) map.set(key, [...values]);
  else {
    for (let i = 0; i < values.length; i++) cur[i] = (cur[i] ?? 0) + (values[i] as number);
  }
}

/** The cube and the volume recomputed from the rows, keyed as the store's cells. */
async function fromRows(store: Store) {
  const cube = new Map<string, number[]>();
  const volume = new Map<string, number[]>();
  const gdelt = await store.query<Record<string, unknown>>(
    `SELECT file_id, event_date, actor1_ccode AS a, actor2_ccode AS b, event_root_code AS r,
       quad_class AS q, is_root_event AS isr, goldstein AS g, num_mentions AS m,
       num_sources AS s, num_articles AS ar FROM gdelt_events`,
  );
  const icews = await store.query<Record<string, unknown>>(
    `SELECT file_id, event_date, source_ccode AS a, target_ccode AS b, cameo_code AS code,
       quad_class AS q, intensity AS g FROM icews_events`,
  );
  const rows: Array<Record<string, unknown>> = [
    ...gdelt.map((r) => ({ ...r, t: "gdelt_events", r: String(r.r) })),
    ...icews.map((r) => ({ ...r, t: "icews_events", r: String(r.code).slice(0, 2), isr: null })),
  ];
  for (const r of rows) {
    const isr = flag(r.isr);
    add(volume, [r.t, r.file_id, day(r.event_date), isr].join("|"), [1]);
    if (r.a === null || r.b === null) continue;
    const g = r.g === null ? null : Number(r.g);
    const m = "m" in r && r.m !== null ? Number(r.m) : null;
    const sums: Sums = [
      1,
      g === null ? 0 : 1,
      g ?? 0,
      g !== null && m !== null ? g * m : 0,
      g !== null && m !== null ? m : 0,
      m ?? 0,
      "s" in r ? num(r.s) : 0,
      "ar" in r ? num(r.ar) : 0,
    ];
    const key = [r.t, r.file_id, day(r.event_date), r.a, r.b, r.r, r.q ?? "-", isr].join("|");
    add(cube, key, sums);
  }
  return { cube, volume };
}

/** What the store holds, summed per cell (ClickHouse may hold a cell in several rows). */
async function fromCube(store: Store) {
  const cube = new Map<string, number[]>();
  const volume = new Map<string, number[]>();
  for (const r of await store.query(
    `SELECT table_name AS t, file_id, day, a, b, root, quad_class AS q, is_root AS isr,
       sum(events) AS n, sum(goldstein_n) AS gn, sum(goldstein_sum) AS gs,
       sum(goldstein_mentions) AS gm, sum(mentions_g) AS mg, sum(mentions) AS m,
       sum(sources) AS s, sum(articles) AS ar
     FROM event_cube GROUP BY table_name, file_id, day, a, b, root, quad_class, is_root`,
  )) {
    const key = [r.t, r.file_id, day(r.day), r.a, r.b, r.root, r.q ?? "-", flag(r.isr)].join("|");
    add(cube, key, [r.n, r.gn, r.gs, r.gm, r.mg, r.m, r.s, r.ar].map(num));
  }
  for (const r of await store.query(
    `SELECT table_name AS t, file_id, day, is_root AS isr, sum(events) AS n
     FROM event_volume GROUP BY table_name, file_id, day, is_root`,
  )) {
    add(volume, [r.t, r.file_id, day(r.day), flag(r.isr)].join("|"), [num(r.n)]);
  }
  return { cube, volume };
}

function same(got: Map<string, number[]>, want: Map<string, number[]>, what: string): void {
  expect([...got.keys()].sort(), `${what}: cells`).toEqual([...want.keys()].sort());
  for (const [k, w] of want) {
    const g = got.get(k) ?? [];
    for (let i = 0; i < w.length; i++) {
      expect(g[i], `${what} ${k} [${i}]`).toBeCloseTo(w[i] as number, 9);
    }
  }
}

/** The cube and the volume are the aggregate of the rows; returns the number of cells. */
async function consistent(store: Store): Promise<number> {
  const want = await fromRows(store);
  const got = await fromCube(store);
  same(got.cube, want.cube, "cube");
  same(got.volume, want.volume, "volume");
  return want.cube.size;
}

/** A second delivery of the clean file: line 1 changed (a duplicate id), line 3 a new event. */
function redelivery(dir: string): string {
  const lines = readFileSync(G("gdelt2_clean.export.CSV"), "utf8").split("\n");
  const again = [
    lines[0]?.replace("\t4.0\t", "\t9.9\t"),
    lines[1],
    lines[2]?.replace("1000000003", "1000000099"),
  ];
  const path = join(dir, "later.export.CSV");
  writeFileSync(path, `${again.join("\n")}\n`);
  return path;
}

/** A GDELT 2.0 file of new events (ids shifted), dated like the clean file. */
function freshFile(dir: string, name: string): string {
  const text = readFileSync(G("gdelt2_clean.export.CSV"), "utf8").replace(
    /^10000000(\d\d)/gm,
    (_, n) => `20000000${n}`,
  );
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Backend {
  readonly name: string;
  /** A fresh store location (path or URL). */
  location(): string;
  open(location: string): Promise<Store>;
  cleanup?(): Promise<void>;
}

function cubeSuite(b: Backend, skip: string | null): void {
  describe.skipIf(skip !== null)(`the event cube on ${b.name}${skip ? ` — ${skip}` : ""}`, () => {
    afterAll(async () => b.cleanup?.());

    it("is the aggregate of the rows after clean, unchanged, re-delivered, rejecting and failed loads", async () => {
      const where = b.location();
      const store = await b.open(where);
      const dir = tempDir();
      try {
        const steps: Array<[string, string, string]> = [
          ["clean", G("gdelt2_clean.export.CSV"), "loaded"],
          ["same bytes again", G("gdelt2_clean.export.CSV"), "unchanged"],
          ["re-delivered ids", redelivery(dir), "loaded"],
          ["rejects, rule breakers, a repeated id", G("gdelt2_rejects.export.CSV"), "loaded"],
          ["cut last line", G("gdelt2_cut.export.CSV"), "failed"],
          ["GDELT 1.0 back and daily rows", G("gdelt1_mixed.tsv"), "loaded"],
          ["zipped copy (all duplicates)", G("gdelt2_clean.export.CSV.zip"), "loaded"],
          ["ICEWS with exact duplicates", I("icews_events.tab"), "loaded"],
        ];
        let cells = 0;
        for (const [what, path, status] of steps) {
          const before = await fromCube(store);
          const r = await loadFile(store, path, { explicit: true });
          expect(r.status, `${what}: ${r.error ?? ""}`).toBe(status);
          cells = await consistent(store);
          if (status !== "loaded") {
            const after = await fromCube(store);
            same(after.cube, before.cube, `${what}: cube unchanged`);
            same(after.volume, before.volume, `${what}: volume unchanged`);
          }
        }
        // ICEWS again under another name: every row is an exact duplicate, nothing is added.
        const copy = join(dir, "icews-again.tab");
        copyFileSync(I("icews_events.tab"), copy);
        writeFileSync(copy, `${readFileSync(copy, "utf8")}\n`);
        const again = await loadFile(store, copy, { explicit: true });
        expect(again.rows_loaded).toBe(0);
        expect(await consistent(store)).toBe(cells);
        expect(cells).toBeGreaterThan(10);
      } finally {
        await store.close();
      }
    });

    it("follows a re-delivered GDELT period (a release replacing another) and its restore", async () => {
      const store = await b.open(b.location());
      const dir = tempDir();
      try {
        const name = "20191024143000.export.CSV";
        const lines = readFileSync(G("gdelt2_clean.export.CSV"), "utf8").trimEnd().split("\n");
        const first = join(dir, "a", name);
        const second = join(dir, "b", name);
        for (const [p, rows] of [
          [first, lines],
          [second, lines.slice(0, -2)],
        ] as const) {
          mkdirSync(join(p, ".."), { recursive: true });
          writeFileSync(p, `${rows.join("\n")}\n`);
        }
        expect((await loadFile(store, first, { explicit: true })).status).toBe("loaded");
        const whole = await consistent(store);
        const r = await loadFile(store, second, { explicit: true });
        expect(r.status).toBe("loaded");
        expect(r.release_change?.removed).toBeGreaterThan(0);
        const cut = await consistent(store);
        expect(cut).toBeLessThanOrEqual(whole);
        const old = (await store.releases()).find((x) => x.state === "archived");
        expect(old?.dataset).toBe("gdelt2:20191024143000");
        expect(old?.release).toMatch(/^sha256:[0-9a-f]{16}$/);
        await store.restoreRelease(old?.dataset ?? "", old?.release ?? "");
        expect(await consistent(store)).toBe(whole);
      } finally {
        await store.close();
      }
    });

    it("keeps a killed load out of the cube, rows and provenance; the file then loads", async () => {
      const where = b.location();
      const dir = tempDir();
      const first = freshFile(dir, "first.export.CSV");
      const killed = redelivery(dir);
      const ok = runCli(["--store", where, "ingest", "--json", first]);
      expect(ok.code, ok.stderr).toBe(0);
      const points =
        b.name === "DuckDB"
          ? ["event-load:before-commit"]
          : ["event-load:after-cube", "event-load:after-move"];
      for (const point of points) {
        const r = runCli(["--store", where, "ingest", "--json", killed], {
          ENTENTE_FAILPOINT: point,
        });
        expect(r.code, `${point}: ${r.stderr}`).not.toBe(0);
        const store = await b.open(where);
        try {
          expect((await store.files()).map((f) => f.path)).toEqual([first]);
          expect(await store.count("gdelt_events")).toBe(8);
          await consistent(store);
        } finally {
          await store.close();
        }
      }
      const r = runCli(["--store", where, "ingest", "--json", killed]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: "loaded", rows_loaded: 3 });
      const store = await b.open(where);
      try {
        expect(await store.count("gdelt_events")).toBe(11);
        await consistent(store);
      } finally {
        await store.close();
      }
    });

    it.skipIf(!hasData)(
      "gives the indicators the rows give, on the real GDELT and ICEWS files",
      async () => {
        const store = await b.open(b.location());
        try {
          const r = await ingest(store, [dataFile("gdelt_events"), dataFile("icews_events")]);
          expect(r.ok).toBe(true);
          await consistent(store);
          // Every directed dyad with events in 2016–2019, by quarter.
          const dyads = await store.query<{ a: number; b: number }>(
            "SELECT DISTINCT a, b FROM event_cube ORDER BY a, b",
          );
          const years = [2016, 2017, 2018, 2019];
          const frame = {
            ...frameOf(dyads.flatMap((d) => years.map((y) => [d.a, d.b, y] as const))),
            directed: true,
          };
          // A minimum of 0 sources keeps every event (none has fewer) but reads the rows.
          for (const family of [gdeltFamily, icewsFamily]) {
            const cube = await family.compute(store, frame);
            const rows = await family.compute(store, frame, { events: { minSources: 0 } });
            for (const name of Object.keys(cube)) {
              const c = cube[name] as Float64Array;
              const w = rows[name] as Float64Array;
              for (let i = 0; i < c.length; i++) {
                if (Number.isNaN(w[i] as number)) expect(c[i], `${name}[${i}]`).toBeNaN();
                else expect(c[i], `${name}[${i}]`).toBeCloseTo(w[i] as number, 9);
              }
            }
            expect(cube[`${family.family}_events`]?.some((x) => x > 0)).toBe(true);
          }
        } finally {
          await store.close();
        }
      },
    );
  });
}

const duck: Backend = {
  name: "DuckDB",
  location: () => join(tempDir(), "cube.duckdb"),
  open: (path) => DuckDbStore.open(path),
};
cubeSuite(duck, null);

for (const kind of ["single", "cluster"] as const) {
  const dbs: string[] = [];
  cubeSuite(
    {
      name: kind === "single" ? "a ClickHouse server" : "a two-shard ClickHouse cluster",
      location: () => {
        const db = databaseName(`cube_${kind[0]}`);
        dbs.push(db);
        return storeUrl(db, kind);
      },
      open: (url) => openStore(url),
      cleanup: async () => {
        for (const db of dbs) await dropDatabase(db, kind);
      },
    },
    clickhouse ? null : NO_CLICKHOUSE_REASON,
  );
}

describe("the cube of a store migrated from schema 7", () => {
  it("is filled from the rows already stored", async () => {
    const path = join(tempDir(), "v7.duckdb");
    const a = await DuckDbStore.open(path);
    for (const f of [G("gdelt2_clean.export.CSV"), G("gdelt1_mixed.tsv"), I("icews_events.tab")]) {
      expect((await loadFile(a, f, { explicit: true })).status).toBe("loaded");
    }
    const want = await fromCube(a);
    await a.query("DROP TABLE event_cube");
    await a.query("DROP TABLE event_volume");
    await a.query("UPDATE meta SET value = '7' WHERE key = 'schema_version'");
    await a.close();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
      await consistent(b);
      const got = await fromCube(b);
      same(got.cube, want.cube, "migrated cube");
      same(got.volume, want.volume, "migrated volume");
    } finally {
      await b.close();
    }
  });
});

/**
 * The same real files from ../shared/data loaded into DuckDB, a ClickHouse node and a two-shard
 * ClickHouse cluster through the CLI; `dyad`, `panel`, `sources` and `assess` must agree to 1e-9.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/serve.js";
import { runCli } from "../cli/run-cli.js";
import { NO_CLICKHOUSE_REASON } from "../clickhouse/servers.js";
import { clickhouse, databaseName, dropDatabase, storeUrl } from "../clickhouse/stores.js";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";

const TOLERANCE = 1e-9;

/** Differences between two JSON values, numbers compared to 1e-9 (relative above 1). */
export function differences(a: unknown, b: unknown, path = "$", out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) {
      out.push(`${path}: ${a} ≠ ${b}`);
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      differences(a[i], b[i], `${path}[${i}]`, out);
    return out;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        out,
      );
    }
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

/** A CSV panel as rows of numbers (empty cell: null); the header is checked separately. */
function parseCsv(text: string): { header: string; rows: Array<Array<number | string | null>> } {
  const [header = "", ...lines] = text.trimEnd().split("\n");
  return {
    header,
    rows: lines.map((l) =>
      l.split(",").map((c) => (c === "" ? null : Number.isNaN(Number(c)) ? c : Number(c))),
    ),
  };
}

const ready = hasData && clickhouse !== null;
const reason = !hasData ? NO_DATA_REASON : NO_CLICKHOUSE_REASON;

describe.skipIf(!ready)(
  `same results on DuckDB and ClickHouse (real data)${ready ? "" : ` — ${reason}`}`,
  () => {
    const db = databaseName("xb");
    let dir: string;
    let stores: Record<"duckdb" | "single" | "cluster", string>;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "entente-xb-"));
      stores = {
        duckdb: join(dir, "all.duckdb"),
        single: storeUrl(db, "single"),
        cluster: storeUrl(db, "cluster"),
      };
      for (const [kind, store] of Object.entries(stores)) {
        const r = runCli(["--store", store, "ingest", "--json", dataFile("")]);
        expect(r.code, `${kind}: ${r.stderr}`).toBe(0);
        expect(JSON.parse(r.stdout).ok).toBe(true);
      }
    }, 300_000);

    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await dropDatabase(db, "single");
      await dropDatabase(db, "cluster");
    });

    const json = (kind: keyof typeof stores, args: string[]): unknown => {
      const r = runCli(["--store", stores[kind], ...args]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };

    it("loads the same files with the same accounting", () => {
      const files = (kind: keyof typeof stores) =>
        (json(kind, ["sources", "--json"]) as { sources: unknown[] }).sources;
      const duck = files("duckdb");
      expect(differences(duck, files("single"))).toEqual([]);
      expect(differences(duck, files("cluster"))).toEqual([]);
    });

    for (const [a, b, extra] of [
      ["RUS", "CHN", []],
      ["USA", "CHN", []],
      ["RUS", "IND", []],
      ["USA", "RUS", ["--from", "1991", "--to", "2015"]],
      [
        "RUS",
        "CHN",
        ["--period", "month", "--from", "2018", "--to", "2019", "--indicators", "gdelt,icews"],
      ],
      [
        "CHN",
        "RUS",
        [
          "--directed",
          "--period",
          "quarter",
          "--from",
          "2018",
          "--to",
          "2019",
          "--indicators",
          "gdelt,icews",
        ],
      ],
      [
        "CHN",
        "RUS",
        ["--directed", "--from", "2010", "--to", "2019", "--indicators", "icews_dy,gdelt,icews"],
      ],
    ] as const) {
      it(`dyad ${a} ${b} ${extra.join(" ")} is identical on the three stores`, () => {
        const args = ["dyad", a, b, ...extra, "--format", "json"];
        const duck = json("duckdb", args) as { rows: Array<Record<string, unknown>> };
        expect(duck.rows.length).toBeGreaterThan(0);
        // Something is measured: at least one indicator has a value.
        expect(
          duck.rows.some((r) =>
            Object.entries(r).some(([k, v]) => k !== "year" && typeof v === "number"),
          ),
        ).toBe(true);
        expect(differences(duck, json("single", args))).toEqual([]);
        expect(differences(duck, json("cluster", args))).toEqual([]);
      });
    }

    it("the GDELT month on the cluster equals the single node, with rows on both shards", async () => {
      const args = [
        "dyad",
        "RUS",
        "CHN",
        "--period",
        "month",
        "--from",
        "2019",
        "--to",
        "2019",
        "--indicators",
        "gdelt",
        "--format",
        "json",
      ];
      const one = json("single", args) as { rows: Array<Record<string, unknown>> };
      const oct = one.rows.find((r) => r.period === "2019-10");
      expect(oct?.gdelt_events).toBeGreaterThan(0);
      expect(differences(one, json("cluster", args))).toEqual([]);
      const ch = clickhouse;
      if (!ch) return;
      let total = 0;
      for (const url of ch.cluster) {
        const r = await fetch(`${url}/?database=${db}`, {
          method: "POST",
          body: "SELECT count() FROM gdelt_events_local",
        });
        const n = Number((await r.text()).trim());
        expect(n).toBeGreaterThan(0);
        total += n;
      }
      expect(total).toBe(2111 + 710);
    });

    /** `entente panel … --out FILE.csv` on one store, read back. */
    const panelOf = (kind: keyof typeof stores, name: string, args: string[]) => {
      const file = join(dir, `${kind}-${name}.csv`);
      const r = runCli(["--store", stores[kind], "panel", ...args, "--out", file]);
      expect(r.code, r.stderr).toBe(0);
      return parseCsv(readFileSync(file, "utf8"));
    };

    for (const [name, args, kinds, least] of [
      ["several dyads", ["--dyads", "RUS-CHN,USA-JPN,RUS-IND,CHN-PRK"], ["single", "cluster"], 100],
      ["every dyad of two years", ["--from", "2014", "--to", "2015"], ["single"], 30_000],
    ] as const) {
      it(`panel CSV of ${name} is identical`, () => {
        const duck = panelOf("duckdb", name, [...args]);
        expect(duck.rows.length).toBeGreaterThan(least);
        for (const kind of kinds) {
          const other = panelOf(kind, name, [...args]);
          expect(other.header).toBe(duck.header);
          expect(differences(duck.rows, other.rows)).toEqual([]);
        }
      });
    }

    it("serve answers the same dyad, panel and assessment from ClickHouse", async () => {
      const answers = async (store: string) => {
        const server = await startServer({
          port: 0,
          storePath: store,
          casesDir: join(dir, "cases"),
          webDir: join(dir, "no-web"),
          cache: false,
        });
        try {
          const get = async (path: string) => {
            const r = await fetch(new URL(path, server.url));
            expect(r.status, path).toBe(200);
            return r.headers.get("content-type")?.includes("json") ? r.json() : r.text();
          };
          return {
            dyad: await get("api/dyads/RUS/CHN?from=1995&to=2019"),
            panel: await get("api/panel?dyads=RUS-CHN,USA-RUS&from=2000&to=2015&format=csv"),
            assessment: await get("api/cases/russia-china/assessment"),
          };
        } finally {
          await server.close();
        }
      };
      const duck = await answers(stores.duckdb);
      expect(differences(duck, await answers(stores.cluster))).toEqual([]);
    });

    it("report writes the same sentences and tables from ClickHouse", () => {
      const md = (kind: keyof typeof stores) => {
        const out = join(dir, `report-${kind}`, "r.md");
        // A report goes into an existing folder (report refuses to make one up).
        mkdirSync(join(dir, `report-${kind}`), { recursive: true });
        const r = runCli([
          "--store",
          stores[kind],
          "report",
          "RUS",
          "CHN",
          "--case",
          "russia-china",
          "--out",
          out,
        ]);
        expect(r.code, r.stderr).toBe(0);
        // Only the date of writing may differ (a run across midnight); everything else must not.
        return readFileSync(out, "utf8")
          .replace(/Generated \d{4}-\d{2}-\d{2} by Entente/, "Generated (date) by Entente")
          .split("\n");
      };
      const duck = md("duckdb");
      expect(duck.length).toBeGreaterThan(50);
      expect(md("single")).toEqual(duck);
    });

    it("assess russia-china gives the same scores", () => {
      const args = ["assess", "russia-china", "--json"];
      expect(differences(json("duckdb", args), json("single", args))).toEqual([]);
    });
  },
);

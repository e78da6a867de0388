import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { EAST, SOUTH, syntheticYear, voetenCsv, WEST } from "../blocs/synthetic-votes.js";
import { tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

/**
 * A store with synthetic votes (test/blocs/synthetic-votes.ts) for 2000 and 2010: three planted
 * blocs; in 2010 China (710) votes with the southern group instead of the eastern one.
 */
async function votesStore(dir: string): Promise<string> {
  const east2010 = EAST.filter((c) => c !== 710);
  const years = [
    syntheticYear({ year: 2000, groups: [WEST, EAST, SOUTH], seed: 1 }),
    syntheticYear({ year: 2010, groups: [WEST, east2010, [...SOUTH, 710]], seed: 2 }),
  ];
  const csv = join(dir, "votes.csv");
  writeFileSync(csv, voetenCsv(years));
  const path = join(dir, "store.duckdb");
  const store = await DuckDbStore.open(path);
  try {
    const r = await ingest(store, [csv]);
    expect(r.files.map((f) => f.status)).toEqual(["loaded"]);
  } finally {
    await store.close();
  }
  return path;
}

describe("entente blocs and neighbours", () => {
  // Not tempDir(): that is removed after each test, and the store serves them all.
  const dir = mkdtempSync(join(tmpdir(), "entente-blocs-cli-"));
  let store = "";
  beforeAll(async () => {
    store = await votesStore(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli(["--store", store, ...args]);

  it("blocs --year --json: the documented shape, exactly", () => {
    const r = cli("blocs", "--year", "2000", "--seeds", "20", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(["year", "measure", "modularity", "blocs"]);
    expect(j).toMatchObject({ year: 2000, measure: "kappa" });
    expect(j.modularity).toBeGreaterThan(0.3);
    expect(j.blocs).toHaveLength(3);
    for (const b of j.blocs) {
      expect(Object.keys(b)).toEqual(["id", "label", "members"]);
      expect(b.members).toHaveLength(10);
      for (const m of b.members) {
        expect(Object.keys(m)).toEqual(["ccode", "iso3", "name", "stability"]);
      }
    }
    const usa = j.blocs.find((b: { members: { ccode: number }[] }) =>
      b.members.some((m) => m.ccode === 2),
    );
    expect(
      usa.members.map((m: { ccode: number }) => m.ccode).sort((p: number, q: number) => p - q),
    ).toEqual([...WEST].sort((p, q) => p - q));
  });

  it("blocs --year: a readable table; the last year by default", () => {
    const r = cli("blocs", "--seeds", "10");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Blocs in 2010 by kappa \(γ = 1, 10 seeds\): modularity 0\.\d{3}\n/);
    expect(r.stdout).toMatch(/bloc 1 {2}\S+.*\(11 states\)/);
    expect(r.stdout).toContain("CHN");
  });

  it("blocs --from --to --out timeline.csv: membership per state-year, China changes bloc", () => {
    const out = join(tempDir(), "timeline.csv");
    const r = cli("blocs", "--from", "2000", "--to", "2010", "--seeds", "10", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote 60 state-years of 2 years to ${out}\n`);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("year,ccode,iso3,name,bloc,label,size,stability");
    expect(lines).toHaveLength(61);
    const bloc = (year: number, ccode: number): string =>
      (lines.find((l) => l.startsWith(`${year},${ccode},`)) as string).split(",")[4] as string;
    // The planted blocs keep their ids from 2000 to 2010; China moves to the southern one.
    expect(bloc(2010, 2)).toBe(bloc(2000, 2));
    expect(bloc(2010, 750)).toBe(bloc(2000, 750));
    expect(bloc(2000, 710)).toBe(bloc(2000, 365));
    expect(bloc(2010, 710)).toBe(bloc(2000, 750));
    // --json: one object of the documented shape per year, the same ids as the CSV.
    const j = JSON.parse(
      cli("blocs", "--from", "2000", "--to", "2010", "--seeds", "10", "--json").stdout,
    );
    expect(j.map((y: { year: number }) => y.year)).toEqual([2000, 2010]);
    expect(Object.keys(j[1])).toEqual(["year", "measure", "modularity", "blocs"]);
    const china = j[1].blocs.find((b: { members: { ccode: number }[] }) =>
      b.members.some((m) => m.ccode === 710),
    );
    expect(String(china.id)).toBe(bloc(2010, 710));
  });

  it("blocs --sweep: one row per resolution", () => {
    const r = cli("blocs", "--year", "2000", "--sweep", "0.5:1.5:0.5", "--seeds", "10", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.points.map((p: { resolution: number }) => p.resolution)).toEqual([0.5, 1, 1.5]);
    expect(j.points[1].blocs).toBe(3);
  });

  it("neighbours: sorted similarities with the change over ten years", () => {
    const r = cli("neighbours", "CHN", "--year", "2010", "--top", "5", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ year: 2010, beforeYear: 2000, measure: "kappa" });
    expect(j.state).toEqual({ ccode: 710, iso3: "CHN", name: "China" });
    expect(j.neighbours).toHaveLength(5);
    // China voted with the southern group in 2010, with the eastern one in 2000.
    for (const n of j.neighbours) {
      expect(SOUTH).toContain(n.ccode);
      expect(n.change).toBeCloseTo(n.similarity - n.before, 5);
      expect(n.change).toBeGreaterThan(0);
    }
    const table = cli("neighbours", "China", "--year", "2010", "--top", "3");
    expect(table.stdout).toMatch(/^Closest to China \(CHN\) in 2010 by kappa; change since 2000\n/);
    expect(table.stdout.trim().split("\n")).toHaveLength(6);
  });

  it("bad input: clear errors, exit 2, no file written", { timeout: 180_000 }, () => {
    const out = join(tempDir(), "x.csv");
    const cases: Array<[string[], RegExp]> = [
      [
        ["blocs", "--measure", "ideal"],
        /--measure ideal needs UN ideal points.*entente ideal-points/,
      ],
      [
        ["blocs", "--measure", "votes"],
        /Unknown measure "votes"\. Use kappa, pi, agree, ideal, alignment/,
      ],
      [
        ["blocs", "--year", "2005"],
        /No kappa data for 2005\. The loaded data cover 2000–2010 \(2 years with data\)/,
      ],
      [["blocs", "--from", "2000"], /needs both --from and --to/],
      [["blocs", "--seeds", "0"], /--seeds 0 is not a whole number/],
      [["blocs", "--resolution", "-1"], /--resolution -1 is not a positive number/],
      [["blocs", "--year", "2000", "--out", "x.txt"], /unknown file type "\.txt"/],
      [["neighbours", "Atlantis"], /Unknown country "Atlantis"/],
      [["neighbours", "CHN", "--year", "1990"], /No kappa data for 1990/],
      [
        ["blocs", "--from", "2000", "--to", "2010", "--year", "2000", "--out", out],
        /not with --from\/--to/,
      ],
    ];
    for (const [args, msg] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(msg);
    }
    expect(existsSync(out)).toBe(false);
  });
});

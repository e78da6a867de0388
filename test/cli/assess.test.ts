import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFile, fixture, hasData, NO_DATA_REASON } from "../helpers.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "entente-assess-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("entente case validate", () => {
  it("prints every problem as file:line: path: message and exits 2", () => {
    const r = runCli(["case", "validate", fixture("cases/bad.yaml")]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe(
      `${fixture("cases/bad.yaml")}:3: states[1]: "Atlantis" is not a state the crosswalk knows`,
    );
    expect(lines).toContain(`${fixture("cases/bad.yaml")}:14: evidence[0].credibilty: unknown key`);
  });

  it("says a valid file is valid, with its counts", () => {
    const r = runCli(["case", "validate", fixture("cases/minimal.yaml"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, hypotheses: 3, evidence: 5, bound: 1 });
  });
});

describe("entente assess without a store", () => {
  it("scores the matrix, marks the bound item inapplicable and says why", () => {
    const r = runCli([
      "--store",
      join(dir, "none.duckdb"),
      "assess",
      fixture("cases/minimal.yaml"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no store at .*none\.duckdb: bound evidence is inapplicable/);
    expect(r.stdout).toMatch(/Heuer: H2 leads \(Second\); ranking H2 > H3 > H1\./);
    expect(r.stdout).toMatch(/Bayes: H2 leads/);
    expect(r.stdout).toMatch(/1 bound item has no data and is not scored: B1/);
    expect(r.stdout).toMatch(/What would change the conclusion:\n {2}Heuer: E1 remove → H2 = H3/);
  });

  it("refuses an unknown rule and an unknown case with exit 2", () => {
    const rule = runCli(["assess", fixture("cases/minimal.yaml"), "--rule", "vote"]);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/Unknown rule "vote"/);
    const kase = runCli(["assess", "no-such-case"]);
    expect(kase.code).toBe(2);
    expect(kase.stderr).toMatch(/No case file, local case or bundled case "no-such-case"/);
  });
});

describe.skipIf(!hasData)(
  `entente assess with data (${hasData ? "real data" : NO_DATA_REASON})`,
  () => {
    const store = join(dir, "assess.duckdb");
    beforeAll(() => {
      const r = runCli([
        "--store",
        store,
        "ingest",
        dataFile("trade_cow"),
        dataFile("sipri_arms"),
        dataFile("unga_votes"),
        dataFile("military_exercises"),
      ]);
      expect(r.code).toBe(0);
    });

    it("--json --rule heuer,parc prints one object of the documented shape", () => {
      const r = runCli([
        "--store",
        store,
        "assess",
        fixture("cases/minimal.yaml"),
        "--rule",
        "heuer,parc",
        "--json",
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(["case", "hypotheses", "evidence", "rules", "sensitivity"]);
      expect(Object.keys(out.rules)).toEqual(["heuer", "parc"]);
      const b1 = out.evidence.find((e: { id: string }) => e.id === "B1");
      expect(b1.binding).toMatchObject({ held: true, applied: "ratings" });
      expect(b1.binding.value).toBeCloseTo(0.860155, 6);
      expect(b1.ratings).toEqual({ H1: "N", H2: "N", H3: "CC" });
      for (const e of out.evidence) {
        expect(Object.keys(e)).toEqual(
          expect.arrayContaining(["id", "claim", "diagnosticity", "ratings"]),
        );
      }
    });

    it("assesses the bundled Russia–China case with its bound items evaluated on the data", () => {
      const r = runCli(["--store", store, "assess", "russia-china", "--json"]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.case.question).toBe(
        "Are Russia and China forming an alliance, and who depends on whom?",
      );
      expect(out.hypotheses.map((h: { id: string }) => h.id)).toEqual(["H1", "H2", "H3"]);
      expect(out.evidence.length).toBeGreaterThanOrEqual(24);
      const bound = out.evidence.filter((e: { binding?: unknown }) => e.binding);
      expect(bound.length).toBeGreaterThanOrEqual(4);
      for (const e of bound) expect(e.binding.applied).not.toBe("none");
      expect(Object.keys(out.rules)).toEqual(["heuer", "parc", "bayes"]);
      const text = runCli(["--store", store, "assess", "russia-china"]);
      expect(text.stdout).toMatch(/^Heuer: .*; ranking H\d > H\d > H\d\.$/m);
      expect(text.stdout).toMatch(/^Bayes: /m);
      expect(text.stdout).toMatch(/↳ data: mean of trade_asymmetry RUS–CHN/);
    });
  },
);

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CaseError, loadCase, parseCase } from "../../src/assess/case-file.js";
import { resolveCasePath } from "../../src/assess/case-location.js";
import { caseJsonSchema } from "../../src/assess/case-schema.js";
import { fixture } from "../helpers.js";

describe("case files", () => {
  it("reads a valid case, keeping partial dates as text", async () => {
    const c = await loadCase(fixture("cases/minimal.yaml"));
    expect(c.hypotheses.map((h) => h.id)).toEqual(["H1", "H2", "H3"]);
    expect(c.evidence).toHaveLength(5);
    expect(c.evidence[2]?.date).toBe("2016-06");
    expect(c.evidence[3]?.date).toBe("2016");
    expect(c.evidence[4]?.binding).toMatchObject({
      indicator: "trade_asymmetry",
      years: [2010, 2014],
    });
  });

  it("reports every problem with its path and line, schema and cross-field alike", async () => {
    const err = await loadCase(fixture("cases/bad.yaml")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaseError);
    const got = (err as CaseError).problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
    expect(got).toEqual([
      '3: states[1]: "Atlantis" is not a state the crosswalk knows',
      "4: period: from 2016 is after to 2014",
      "6: hypotheses: give a prior for every hypothesis or for none (none: uniform)",
      "8: hypotheses[2].id: hypothesis H1 is defined twice",
      "13: evidence[0].source: a source needs a title or a url",
      "14: evidence[0].credibilty: unknown key",
      '15: evidence[0].credibility: Invalid option: expected one of "H"|"M"|"L"',
      "17: evidence[0].ratings.H9: no hypothesis H9 (hypotheses: H1, H2)",
      "21: evidence[1].date: write a date as YYYY-MM-DD, YYYY-MM or YYYY",
      '27: evidence[1].binding.indicator: unknown indicator "trade_nonsense" (see docs/indicators.md)',
      "29: evidence[1].binding.years: 2014 is after 2010",
      '30: evidence[1].binding.aggregate: Invalid option: expected one of "mean"|"min"|"max"|"last"|"change"',
      '31: evidence[1].binding.test: a test is an operator and a number, e.g. ">= 0.8"',
    ]);
    expect((err as CaseError).exitCode).toBe(2);
  });

  it("reports YAML syntax errors with their line", () => {
    const err = (() => {
      try {
        parseCase("title: x\nstates: [RUS, CHN\nquestion: y\n", "x.yaml");
      } catch (e) {
        return e as CaseError;
      }
      return null;
    })();
    // The unclosed [ on line 2 is found where the next key starts.
    expect(err?.problems[0]?.line).toBe(3);
    expect(err?.problems[0]?.message).toMatch(/^YAML: /);
  });

  it("finds bundled cases by name and refuses unknown ones", () => {
    expect(resolveCasePath("russia-china")).toMatch(/cases\/russia-china\/case\.yaml$/);
    expect(() => resolveCasePath("no-such-case")).toThrow(
      /No case file, local case or bundled case/,
    );
  });

  it("bundles a valid Russia–China case: ≥ 24 sourced items, ≥ 4 bound to the four indicators", async () => {
    const c = await loadCase(resolveCasePath("russia-china"));
    expect(c.states).toEqual(["RUS", "CHN"]);
    expect(c.evidence.length).toBeGreaterThanOrEqual(24);
    for (const e of c.evidence) {
      expect(e.source.title ?? e.source.url).toBeTruthy();
      expect(e.source.publisher ?? e.source.url).toBeTruthy();
    }
    const bound = new Set(c.evidence.flatMap((e) => (e.binding ? [e.binding.indicator] : [])));
    for (const ind of ["trade_asymmetry", "arms_share_b_from_a", "un_agree", "exercises_joint"]) {
      expect(bound.has(ind)).toBe(true);
    }
  });

  it("publishes the schema it validates with (docs/case-schema.json, `npm run case-schema`)", () => {
    const published = JSON.parse(
      readFileSync(new URL("../../docs/case-schema.json", import.meta.url), "utf8"),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
  });
});

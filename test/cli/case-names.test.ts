/**
 * A case name means one file for `assess`, `report --case`, `text --case` and the server: the
 * local copy in the cases folder when there is one (issue 16, item 1).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_CASES, parseCase } from "../../src/assess/case-file.js";
import { createApp } from "../../src/server/app.js";
import { fixture, tempDir, tempStore } from "../helpers.js";
import { runCli } from "./run-cli.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const BUNDLED = readFileSync(join(BUNDLED_CASES, "russia-china", "case.yaml"), "utf8");
const EDITED_TITLE = "Russia and China: my own edited title";
const DOC = fixture("text/corpus/interview_2016_lavrov.txt");

/** The analyst's edit, saved through the API as the dashboard does; returns the saved text. */
async function saveEdit(casesDir: string): Promise<string> {
  const app = createApp({ store: await tempStore(), casesDir, readOnly: false, version: "0" });
  const got = (await (await app.request("/api/cases/russia-china")).json()) as Json;
  const edited = (got.yaml as string)
    .replace(/^title: .*$/m, `title: "${EDITED_TITLE}"`)
    .replace(/ratings: \{ H1: I, H2: C, H3: C \}/, "ratings: { H1: II, H2: CC, H3: C }");
  expect(edited).not.toBe(got.yaml);
  const put = await app.request("/api/cases/russia-china", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ yaml: edited, version: got.version }),
  });
  expect(put.status).toBe(201);
  return edited;
}

/** `entente text DOC --case NAME --cases DIR`. */
const textCase = (store: string, name: string, cases: string) =>
  runCli(["--store", store, "text", DOC, "--case", name, "--cases", cases]);

describe("case names (local copy first, everywhere)", () => {
  it("text --case appends to the analyst's local copy, keeps a backup, never re-copies the bundled case", async () => {
    const dir = tempDir();
    const cases = join(dir, "cases");
    const store = join(dir, "s.duckdb");
    const edited = await saveEdit(cases);
    const local = join(cases, "russia-china", "case.yaml");

    const r = textCase(store, "russia-china", cases);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^case .*cases\/russia-china\/case\.yaml \(local copy; the previous version is kept in .*backups\/case-.*\.yaml\): [1-9]\d* evidence items? added/m,
    );
    expect(r.stdout).not.toMatch(/a copy of the bundled/);
    const after = readFileSync(local, "utf8");
    const c = parseCase(after, local);
    // The edits survive: title and the changed rating.
    expect(c.title).toBe(EDITED_TITLE);
    expect(after).toContain("ratings: { H1: II, H2: CC, H3: C }");
    expect(c.evidence.some((e) => e.id === "T1" && e.kind === "quote")).toBe(true);
    // The edited version is kept as a backup, as the server's save keeps one.
    const backups = readdirSync(join(cases, "russia-china", "backups"));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(cases, "russia-china", "backups", backups[0] as string), "utf8")).toBe(
      edited,
    );
    // The bundled case is untouched.
    expect(readFileSync(join(BUNDLED_CASES, "russia-china", "case.yaml"), "utf8")).toBe(BUNDLED);

    // A second run adds nothing and writes nothing.
    const again = textCase(store, "russia-china", cases);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/: 0 evidence items added, [1-9]\d* already there/);
    expect(readFileSync(local, "utf8")).toBe(after);
    expect(readdirSync(join(cases, "russia-china", "backups"))).toHaveLength(1);
  });

  it("run where the server ran (./entente-cases, no --cases), text --case keeps the analyst's edits", async () => {
    const dir = tempDir();
    await saveEdit(join(dir, "entente-cases"));
    const r = runCli(
      ["--store", join(dir, "s.duckdb"), "text", DOC, "--case", "russia-china"],
      {},
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const after = parseCase(
      readFileSync(join(dir, "entente-cases", "russia-china", "case.yaml"), "utf8"),
      "x",
    );
    expect(after.title).toBe(EDITED_TITLE);
    expect(after.evidence.some((e) => e.id === "T1")).toBe(true);
    const assessed = runCli(["assess", "russia-china", "--json"], {}, dir);
    expect(JSON.parse(assessed.stdout).case.title).toBe(EDITED_TITLE);
  });

  it("text --case with a bundled name makes the local copy once; a case that exists only locally works", async () => {
    const dir = tempDir();
    const cases = join(dir, "cases");
    const store = join(dir, "s.duckdb");
    const first = textCase(store, "russia-china", cases);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\(a new local copy of the bundled case russia-china\): [1-9]/);
    expect(readFileSync(join(cases, "russia-china", "case.yaml"), "utf8")).toContain(
      "Proposed by entente text",
    );

    // A case saved only in the cases folder (e.g. from the dashboard).
    const app = createApp({
      store: await tempStore(),
      casesDir: cases,
      readOnly: false,
      version: "0",
    });
    const put = await app.request("/api/cases/mine", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yaml: readFileSync(fixture("cases/minimal.yaml"), "utf8") }),
    });
    expect(put.status).toBe(201);
    const mine = textCase(store, "mine", cases);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout).toMatch(/^case .*cases\/mine\/case\.yaml \(local copy; .*\): [1-9]/m);

    const none = textCase(store, "nowhere", cases);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toMatch(
      /^entente: No case file, local case or bundled case "nowhere"/,
    );
  });

  it("assess, case validate and report --case read the local copy the server reads", async () => {
    const dir = tempDir();
    const cases = join(dir, "cases");
    await saveEdit(cases);
    const assessed = runCli(["assess", "russia-china", "--cases", cases, "--json"]);
    expect(assessed.code, assessed.stderr).toBe(0);
    expect(JSON.parse(assessed.stdout).case.title).toBe(EDITED_TITLE);

    const app = createApp({
      store: await tempStore(),
      casesDir: cases,
      readOnly: false,
      version: "0",
    });
    const api = (await (await app.request("/api/cases/russia-china/assessment")).json()) as Json;
    expect(api.case.title).toBe(EDITED_TITLE);
    expect(JSON.parse(assessed.stdout).rules).toEqual(api.rules);

    const valid = runCli(["case", "validate", "russia-china", "--cases", cases]);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain(join(cases, "russia-china", "case.yaml"));

    const store = join(dir, "s.duckdb");
    expect(runCli(["--store", store, "ingest", fixture("cow_trade")]).code).toBe(0);
    const out = join(dir, "r.md");
    const rep = runCli([
      "--store",
      store,
      "report",
      "RUS",
      "CHN",
      "--case",
      "russia-china",
      ...["--cases", cases, "--out", out],
    ]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe(`# ${EDITED_TITLE}`);
  });
});

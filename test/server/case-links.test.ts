/**
 * Case files are read only from inside their cases folder: a symbolic link leading out of it
 * is refused for every read, list and write (issue 16, item 5).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { runCli } from "../cli/run-cli.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const MINIMAL = readFileSync(fixture("cases/minimal.yaml"), "utf8");

/** A cases folder with links out of it, and a valid case outside that must never be read. */
function layout() {
  const root = tempDir();
  const outside = join(root, "outside");
  mkdirSync(outside);
  // Valid YAML for a case, so a read that followed the link would succeed and show it.
  const secret = MINIMAL.replace(/^title: .*$/m, 'title: "SECRET OUTSIDE TITLE"');
  writeFileSync(join(outside, "case.yaml"), secret);
  const cases = join(root, "cases");
  mkdirSync(join(cases, "pw"), { recursive: true });
  symlinkSync("/etc/passwd", join(cases, "pw", "case.yaml"));
  mkdirSync(join(cases, "sneaky"));
  symlinkSync(join(outside, "case.yaml"), join(cases, "sneaky", "case.yaml"));
  symlinkSync(outside, join(cases, "folder-link"));
  // A link that stays inside the folder is fine.
  mkdirSync(join(cases, "real"));
  writeFileSync(join(cases, "real", "case.yaml"), MINIMAL);
  mkdirSync(join(cases, "alias"));
  symlinkSync(join(cases, "real", "case.yaml"), join(cases, "alias", "case.yaml"));
  return { cases, outside, secret };
}

describe("case files behind symbolic links", () => {
  it("GET, list, assessment and PUT refuse links leading outside the cases folder", async () => {
    const { cases, outside, secret } = layout();
    const app = createApp({
      store: await tempStore(),
      casesDir: cases,
      readOnly: false,
      version: "0",
    });
    for (const name of ["pw", "sneaky"]) {
      for (const path of [`/api/cases/${name}`, `/api/cases/${name}/assessment`]) {
        const r = await app.request(path);
        const text = await r.text();
        expect(r.status, path).toBe(403);
        expect(JSON.parse(text).error.code).toBe("case_outside");
        expect(text).not.toContain("root:");
        expect(text).not.toContain("SECRET OUTSIDE");
      }
    }
    // folder-link/case.yaml resolves outside too.
    expect((await app.request("/api/cases/folder-link")).status).toBe(403);
    const report = await app.request("/api/reports/RUS/CHN?case=sneaky&from=2000&to=2001");
    expect(report.status).toBe(403);
    expect(await report.text()).not.toContain("SECRET OUTSIDE");

    const list = (await (await app.request("/api/cases")).json()) as Json;
    const names = list.cases.map((c: Json) => c.name);
    expect(names).toContain("real");
    expect(names).toContain("alias");
    expect(names).not.toContain("pw");
    expect(names).not.toContain("sneaky");
    expect(names).not.toContain("folder-link");
    expect(JSON.stringify(list)).not.toContain("SECRET OUTSIDE");

    const alias = (await (await app.request("/api/cases/alias")).json()) as Json;
    expect(alias.yaml).toBe(MINIMAL);

    for (const name of ["sneaky", "folder-link"]) {
      const put = await app.request(`/api/cases/${name}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ yaml: MINIMAL }),
      });
      expect(put.status, name).toBeGreaterThanOrEqual(400);
      expect(put.status, name).toBeLessThan(500);
    }
    // Nothing outside was written.
    expect(readFileSync(join(outside, "case.yaml"), "utf8")).toBe(secret);
    expect(readFileSync("/etc/passwd", "utf8")).toContain("root:");
  });

  it("the CLI refuses the same links by name (assess, text --case)", () => {
    const { cases } = layout();
    const r = runCli(["assess", "sneaky", "--cases", cases]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^entente: Case "sneaky" in .* is a symbolic link to a file outside that folder; it is not read/,
    );
    expect(r.stdout + r.stderr).not.toContain("SECRET OUTSIDE");
    const text = runCli([
      "--store",
      join(cases, "..", "s.duckdb"),
      "text",
      fixture("text/corpus/interview_2016_lavrov.txt"),
      "--case",
      "sneaky",
      "--cases",
      cases,
    ]);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/Case "sneaky" in .* is a symbolic link to a file outside/);
    const ok = runCli(["assess", "alias", "--cases", cases, "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

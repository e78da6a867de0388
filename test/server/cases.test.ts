import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { BUNDLED_CASES } from "../../src/assess/case-file.js";
import { CaseRepository } from "../../src/assess/case-store.js";
import { createApp } from "../../src/server/app.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const MINIMAL = readFileSync(fixture("cases/minimal.yaml"), "utf8");
const BAD = readFileSync(fixture("cases/bad.yaml"), "utf8");
const BUNDLED = readFileSync(join(BUNDLED_CASES, "russia-china", "case.yaml"), "utf8");

async function setup() {
  const casesDir = join(tempDir(), "cases");
  const a = createApp({ store: await tempStore(), casesDir, readOnly: false, version: "0" });
  return { a, casesDir };
}

async function put(a: Hono, name: string, body: unknown) {
  const r = await a.request(`/api/cases/${name}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Json };
}

async function get(a: Hono, path: string) {
  const r = await a.request(path);
  return { status: r.status, body: (await r.json()) as Json };
}

/** Every file under dir, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe("cases API", () => {
  it("lists the bundled cases and gets one with its version (sha256 of the text)", async () => {
    const { a } = await setup();
    const list = await get(a, "/api/cases");
    expect(list.status).toBe(200);
    expect(list.body.cases).toContainEqual({
      name: "russia-china",
      source: "bundled",
      shadows_bundled: false,
      valid: true,
      title: expect.stringContaining("Russia and China"),
      question: expect.any(String),
      evidence: expect.any(Number),
    });
    const one = await get(a, "/api/cases/russia-china");
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: "russia-china", source: "bundled", yaml: BUNDLED });
    expect(one.body.version).toBe(sha(BUNDLED));
    expect(one.body.case.hypotheses.length).toBeGreaterThan(1);
    const missing = await get(a, "/api/cases/no-such-case");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("no_case");
  });

  it("refuses an invalid case with 400 listing every problem with its path and line", async () => {
    const { a, casesDir } = await setup();
    const r = await put(a, "broken", { yaml: BAD });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_case");
    expect(r.body.error.problems).toContainEqual({
      path: "states[1]",
      line: 3,
      message: '"Atlantis" is not a state the crosswalk knows',
    });
    expect(r.body.error.problems.length).toBeGreaterThan(10);
    const yamlError = await put(a, "broken", { yaml: "title: [unclosed\n" });
    expect(yamlError.status).toBe(400);
    expect(yamlError.body.error.problems[0].message).toMatch(/^YAML/);
    const badBody = await put(a, "broken", { yaml: MINIMAL, version: "v1", extra: 1 });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "body.extra",
      "body.version",
    ]);
    expect(existsSync(casesDir)).toBe(false);
  });

  it("saves atomically, keeps a backup of the previous version, and refuses stale versions", async () => {
    const { a, casesDir } = await setup();
    const created = await put(a, "mine", { yaml: MINIMAL });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      name: "mine",
      version: sha(MINIMAL),
      created: true,
      backup: null,
      shadows_bundled: false,
    });
    expect(readFileSync(join(casesDir, "mine", "case.yaml"), "utf8")).toBe(MINIMAL);
    const edited = `${MINIMAL}# edited\n`;
    const saved = await put(a, "mine", { yaml: edited, version: sha(MINIMAL) });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(sha(edited));
    expect(saved.body.backup).toMatch(/^mine\/backups\/case-.*\.yaml$/);
    expect(readFileSync(join(casesDir, saved.body.backup), "utf8")).toBe(MINIMAL);
    expect(readFileSync(join(casesDir, "mine", "case.yaml"), "utf8")).toBe(edited);
    // No temporary files are left behind.
    expect(files(casesDir)).toEqual(["mine/case.yaml", saved.body.backup].sort());

    const stale = await put(a, "mine", { yaml: `${MINIMAL}# other\n`, version: sha(MINIMAL) });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", version: sha(edited) });
    expect(readFileSync(join(casesDir, "mine", "case.yaml"), "utf8")).toBe(edited);

    const got = await get(a, "/api/cases/mine");
    expect(got.body).toMatchObject({ source: "local", version: sha(edited), yaml: edited });
    const list = await get(a, "/api/cases");
    expect(list.body.cases.map((c: { name: string }) => c.name)).toEqual(["mine", "russia-china"]);
  });

  it("serializes concurrent saves of one case: the file is exactly one of the bodies", async () => {
    const { a, casesDir } = await setup();
    // Large bodies make interleaved writes likely if saves were not serialized.
    const one = `${MINIMAL}# one\n${"# 1111111111111111111111111111111111111111\n".repeat(5000)}`;
    const two = `${MINIMAL}# two\n${"# 2222222222222222222222222222222222222222\n".repeat(5000)}`;
    const [r1, r2] = await Promise.all([
      put(a, "race", { yaml: one }),
      put(a, "race", { yaml: two }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    const final = readFileSync(join(casesDir, "race", "case.yaml"), "utf8");
    expect([one, two]).toContain(final);
    // The second save backed up exactly the first.
    const second = r1.status === 200 ? r1 : r2;
    const backup = readFileSync(join(casesDir, second.body.backup), "utf8");
    expect(backup).toBe(final === one ? two : one);

    // With versions, two edits of the same version: exactly one wins, the other gets 409.
    const v = sha(final);
    const [e1, e2] = await Promise.all([
      put(a, "race", { yaml: `${MINIMAL}# e1\n`, version: v }),
      put(a, "race", { yaml: `${MINIMAL}# e2\n`, version: v }),
    ]);
    expect([e1.status, e2.status].sort()).toEqual([200, 409]);
  });

  it("saving a bundled case's name writes a local copy that shadows it", async () => {
    const { a, casesDir } = await setup();
    const edited = BUNDLED.replace(/^title: .*$/m, "title: My Russia-China case");
    const r = await put(a, "russia-china", { yaml: edited, version: sha(BUNDLED) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ created: true, backup: null, shadows_bundled: true });
    expect(readFileSync(join(BUNDLED_CASES, "russia-china", "case.yaml"), "utf8")).toBe(BUNDLED);
    expect(readFileSync(join(casesDir, "russia-china", "case.yaml"), "utf8")).toBe(edited);
    const list = await get(a, "/api/cases");
    expect(list.body.cases).toContainEqual(
      expect.objectContaining({
        name: "russia-china",
        source: "local",
        shadows_bundled: true,
        title: "My Russia-China case",
      }),
    );
  });

  it("accepts only lowercase names of letters, digits and hyphens", async () => {
    const { a, casesDir } = await setup();
    for (const name of [
      "Russia",
      "a.b",
      "..%2Fescape",
      "%2e%2e%2fescape",
      "a%2Fb",
      "-lead",
      "x".repeat(65),
      "%2e%2e%5cescape",
    ]) {
      const g = await get(a, `/api/cases/${name}`);
      expect(g.status, name).toBe(400);
      expect(g.body.error.problems[0].path, name).toBe("path.name");
      const p = await put(a, name, { yaml: MINIMAL });
      expect(p.status, name).toBe(400);
    }
    // ".." as a whole segment is resolved by the URL parser before routing: it never reaches
    // the case routes (404), and nothing is written anywhere.
    for (const path of ["/api/cases/..", "/api/cases/%2e%2e", "/api/cases/%2E%2E/assessment"]) {
      const r = await a.request(path, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ yaml: MINIMAL }),
      });
      expect([400, 404], path).toContain(r.status);
    }
    expect(existsSync(casesDir)).toBe(false);
    // The repository itself refuses such names whatever the transport.
    const repo = new CaseRepository(casesDir);
    for (const name of ["..", "../x", "a/b", "/etc", "A"]) {
      await expect(repo.get(name), name).rejects.toMatchObject({ httpStatus: 400 });
      await expect(repo.save(name, MINIMAL), name).rejects.toMatchObject({ httpStatus: 400 });
    }
  });
});

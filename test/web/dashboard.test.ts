// The dashboard (web/) in Chromium. With a faked API (page.route) it must say plainly when the
// server cannot be reached, never turn data into markup, and show save problems and conflicts.
// Against a real `entente serve` on the shared data: pick Russia and China, see charts with data
// marks and each value's provenance, compare dyads, edit the russia-china ACH case, watch the
// scores change, save, reload and find the change kept. No console errors, no request leaves the
// server; a screenshot per view goes to test-output/.
//
// ENTENTE_TEST_SERVER=<url> runs the real-server part against a server you started instead
// (ENTENTE_TEST_TOKEN=<its token>, if any; ENTENTE_TEST_CASES=<its --cases dir> also checks the
// saved file).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from "../browser.js";
import { BIN, runCli } from "../cli/run-cli.js";
import { DATA, hasData, NO_DATA_REASON } from "../helpers.js";
import { DIST, ensureBuilt, ROOT } from "./build.js";

const OUTPUT = join(ROOT, "test-output");
/** The CSP `entente serve` sends: the dashboard must work under it. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

interface Opened {
  page: Page;
  errors: string[];
  external: string[];
  dialogs: string[];
}

/** A page recording console errors, page errors, dialogs and requests to anywhere but `base`. */
async function openPage(browser: Browser, base: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const o: Opened = { page, errors: [], external: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") o.errors.push(m.text());
  });
  page.on("pageerror", (e) => o.errors.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith("data:")) o.external.push(url);
  });
  return o;
}

const shot = (page: Page, name: string) => {
  mkdirSync(OUTPUT, { recursive: true });
  return page.screenshot({ path: join(OUTPUT, `dashboard-${name}.png`), fullPage: true });
};

/** Choose a state in the n-th country picker by typing and clicking the option. */
async function choose(page: Page, n: number, query: string, code: string): Promise<void> {
  const input = page.locator(".view-root:not([hidden]) .picker input").nth(n);
  await input.fill(query);
  await page.locator(`.view-root:not([hidden]) ul.options li[data-code="${code}"]`).click();
}

/** Every rule's score per hypothesis, as the ACH editor shows them ("heuer.H1" → 3). */
const scores = (page: Page): Promise<Record<string, number>> =>
  page.$$eval("td.score[data-rule]", (tds) =>
    Object.fromEntries(
      tds.map((td) => [
        `${td.getAttribute("data-rule")}.${td.getAttribute("data-hyp")}`,
        Number(td.getAttribute("data-score")),
      ]),
    ),
  );

const cell = (page: Page, ev: string, hyp: string) =>
  page.locator(`table.matrix td[data-ev="${ev}"][data-h="${hyp}"]`);

// ---- the dashboard with a faked API -------------------------------------------------------

/** web/dist over HTTP with the server's CSP and no API at all (every /api path is a 404). */
function staticServer(): Promise<{ server: Server; base: string }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = join(DIST, path === "/" ? "index.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-security-policy": CSP,
    });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
const MINI_CASE = `# a comment that must survive
title: "Mini case"
question: "Does it work?"
states: [RUS, CHN]
period: { from: 2014, to: 2015 }
hypotheses:
  - id: H1
    label: Yes
  - id: H2
    label: No
evidence:
  - id: E1
    claim: A claim.
    kind: event
    source: { title: A source }
    credibility: H
    relevance: H
    ratings: { H1: C, H2: I }
`;

/** Answer /api requests from `handler` (JSON, status). */
function fakeApi(page: Page, handler: (path: string, route: Route) => [number, unknown]) {
  return page.route("**/api/**", (route) => {
    const url = new URL(route.request().url());
    const [status, body] = handler(url.pathname + url.search, route);
    return route.fulfill({
      status,
      contentType: "application/json",
      body: JSON.stringify(body),
    });
  });
}

const uiReason = hasChromium ? "Chromium" : NO_CHROMIUM_REASON;

describe.skipIf(!hasChromium)(`the dashboard on a faked API (${uiReason})`, () => {
  let browser: Browser | undefined;
  let stat: { server: Server; base: string } | undefined;

  beforeAll(async () => {
    ensureBuilt();
    stat = await staticServer();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    stat?.server.close();
  });

  it("says plainly that the server cannot be reached when there is no API", async () => {
    if (!browser || !stat) throw new Error("not set up");
    const o = await openPage(browser, stat.base);
    await o.page.goto(`${stat.base}#view=dyad&a=RUS&b=CHN`);
    await o.page.locator("#banner:not([hidden])").waitFor();
    expect(await o.page.locator("#banner").textContent()).toMatch(
      /Cannot reach the Entente (server|API).*entente serve/s,
    );
    await o.page.locator(".view-root .status.error").waitFor();
    // The 404s of /api are the browser's own log lines; nothing else may complain.
    expect(o.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    expect(o.external).toEqual([]);
    await shot(o.page, "no-server");
    await o.page.close();
  });

  it("shows data as text, never as markup", async () => {
    if (!browser || !stat) throw new Error("not set up");
    const o = await openPage(browser, stat.base);
    const state = { ccode: 365, iso3: "RUS", name: `Russia ${HOSTILE}` };
    const other = { ccode: 710, iso3: "CHN", name: `China ${HOSTILE}` };
    const info = (name: string) => ({
      name,
      description: `desc ${HOSTILE}`,
      unit: "index 0…1",
      source: `source ${HOSTILE}`,
      citation: `cite ${HOSTILE}`,
    });
    await fakeApi(o.page, (path) => {
      if (path.startsWith("/api/health")) return [200, { ok: true, store: HOSTILE, version: "x" }];
      if (path.startsWith("/api/countries")) return [200, [state, other]];
      if (path.startsWith("/api/dyads")) {
        return [
          200,
          {
            dyad: { a: state, b: other, directed: false },
            period: "year",
            indicators: [info("un_agree"), info("trade_share_a")],
            rows: [2000, 2001, 2002].map((year, i) => ({
              year,
              un_agree: 0.5 + i / 10,
              trade_share_a: i / 10,
            })),
          },
        ];
      }
      if (path.startsWith("/api/blocs")) {
        const member = (x: typeof state) => ({ ...x, stability: 1 });
        return [
          200,
          {
            year: 2002,
            measure: "kappa",
            modularity: 0.3,
            blocs: [{ id: 1, label: `L ${HOSTILE}`, members: [member(state), member(other)] }],
          },
        ];
      }
      if (path.startsWith("/api/indicators")) {
        // The codebook names the dataset behind un_agree; the page shows it from /api/sources.
        const entry = (name: string, datasets: string[]) => ({
          ...info(name),
          family: HOSTILE,
          datasets,
          on_request: false,
        });
        return [
          200,
          {
            indicators: [entry("un_agree", ["unga-voeten-votes"]), entry("trade_share_a", [])],
          },
        ];
      }
      if (path.startsWith("/api/sources")) {
        return [
          200,
          {
            sources: [
              {
                name: "unga-voeten-votes",
                title: `UN ${HOSTILE}`,
                version: HOSTILE,
                citation: HOSTILE,
                homepage: `javascript:document.title='pwned'`,
                license: HOSTILE,
                loaded: { files: 1, rows: 10, from: 2000, to: 2002 },
              },
            ],
          },
        ];
      }
      return [404, { error: { code: "not_found", message: HOSTILE } }];
    });
    await o.page.goto(`${stat.base}#view=dyad&a=RUS&b=CHN`);
    await o.page.locator("figure[data-group=un] svg.chart .mark").first().waitFor();
    await o.page.locator("table.values-table button.val:not(.null)").first().click();
    await o.page.locator("aside.provenance .datasets li.loaded").waitFor();
    await choose(o.page, 0, "rus", "RUS");
    await o.page.locator(".dyad-blocs li").first().waitFor();
    const text = (await o.page.locator("body").textContent()) ?? "";
    expect(text).toContain(`desc ${HOSTILE}`);
    expect(text).toContain(`bloc 1, L ${HOSTILE}, 2 states`);
    expect(text).toContain(`UN ${HOSTILE}`);
    expect(await o.page.locator("img, script:not([src])").count()).toBe(0);
    expect(await o.page.locator("a[href^='javascript']").count()).toBe(0);
    expect(await o.page.title()).not.toBe("pwned");
    expect(o.dialogs).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("lists the problems of a refused save (400) and offers a way out of a conflict (409)", async () => {
    if (!browser || !stat) throw new Error("not set up");
    const o = await openPage(browser, stat.base);
    const puts: Array<{ yaml: string; version: string }> = [];
    let answer: [number, unknown] = [200, {}];
    await fakeApi(o.page, (path, route) => {
      if (path.startsWith("/api/health")) return [200, { ok: true, store: null, version: "x" }];
      if (path === "/api/cases") {
        return [200, [{ name: "mini", title: "Mini case", question: "?", evidence: 1 }]];
      }
      if (path.startsWith("/api/cases/mini/assessment")) {
        return [404, { error: { code: "no_store", message: "no store" } }];
      }
      if (path === "/api/cases/mini" && route.request().method() === "PUT") {
        puts.push(JSON.parse(route.request().postData() ?? "{}"));
        return answer;
      }
      if (path === "/api/cases/mini")
        return [200, { name: "mini", version: "v1", yaml: MINI_CASE }];
      return [404, { error: { code: "not_found", message: "no route" } }];
    });
    await o.page.goto(`${stat.base}#view=ach&case=mini`);
    await cell(o.page, "E1", "H2").waitFor();
    const before = await scores(o.page);
    await cell(o.page, "E1", "H2").click(); // I → II
    expect(await cell(o.page, "E1", "H2").textContent()).toBe("II");
    const after = await scores(o.page);
    expect(after["parc.H2"]).toBeLessThan(before["parc.H2"] as number);

    answer = [
      400,
      {
        error: {
          code: "bad_case",
          message: "mini: 1 problem",
          problems: [{ path: "evidence[0].claim", line: 13, message: `too short ${HOSTILE}` }],
        },
      },
    ];
    await o.page.click("button.save");
    await o.page.locator(".problems:not([hidden]) li").waitFor();
    expect(await o.page.locator(".problems").textContent()).toMatch(
      /line 13: evidence\[0\]\.claim: too short <img/,
    );
    expect(puts[0]?.version).toBe("v1");
    expect(puts[0]?.yaml).toBe(MINI_CASE.replace("H2: I }", "H2: II }"));

    answer = [409, { error: { code: "stale_version", message: "The case changed on disk" } }];
    await o.page.click("button.save");
    await o.page.locator(".problems:not([hidden]) >> text=Conflict").waitFor();
    await shot(o.page, "ach-conflict");
    answer = [200, { name: "mini", version: "v3" }];
    await o.page.click("button:has-text('Overwrite it with mine')");
    await o.page.locator(".status >> text=Saved mini (version v3)").waitFor();
    expect(puts.length).toBe(3);
    expect(await o.page.locator("button.save").isDisabled()).toBe(true);
    // The 400 and 409 answers are logged by the browser itself; nothing else may be.
    expect(o.errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    await o.page.close();
  });
});

// ---- the dashboard on `entente serve` -----------------------------------------------------

const external = process.env.ENTENTE_TEST_SERVER;
const canRun = hasChromium && (external !== undefined || hasData);
const serveReason = !hasChromium
  ? NO_CHROMIUM_REASON
  : external
    ? `server at ${external}`
    : hasData
      ? "real data"
      : NO_DATA_REASON;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createNetServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}

/**
 * Start `entente serve` with the dashboard and a bearer token (so the dashboard's token handling
 * is exercised), and wait for /api/health.
 */
async function serve(
  store: string,
  cases: string,
): Promise<{ child: ChildProcess; base: string; token: string | null }> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const child = spawn(
    process.execPath,
    [BIN, "--store", store, "serve", "--port", String(port), "--cases", cases, "--web", DIST],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ENTENTE_TOKEN: token } },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`entente serve exited:\n${out}`);
    const ok = await fetch(`${base}api/health`, {
      headers: { Authorization: `Bearer ${token}` },
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, token };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`entente serve did not answer /api/health within 60 s:\n${out}`);
}

describe.skipIf(!canRun)(`the dashboard on entente serve (${serveReason})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-dashboard-"));
  let browser: Browser | undefined;
  let server: { child: ChildProcess; base: string; token: string | null } | undefined;
  let casesDir = process.env.ENTENTE_TEST_CASES ?? null;

  beforeAll(async () => {
    if (external) {
      const token = process.env.ENTENTE_TEST_TOKEN ?? null;
      server = { child: null as unknown as ChildProcess, base: external, token };
    } else {
      ensureBuilt();
      const store = join(dir, "store.duckdb");
      const r = runCli(["--store", store, "ingest", DATA]);
      expect(r.code, r.stderr).toBe(0);
      casesDir = join(dir, "cases");
      cpSync(join(ROOT, "cases"), casesDir, { recursive: true });
      server = await serve(store, casesDir);
    }
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    server?.child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("charts Russia–China, compares dyads, and edits, scores and saves the ACH case", async () => {
    if (!browser || !server) throw new Error("not set up");
    const { base, token } = server;
    const o = await openPage(browser, base);
    const { page } = o;

    // Dyad: pick the states, see charts with data and a value's provenance.
    await page.goto(token ? `${base}#token=${token}` : base);
    expect(page.url()).not.toContain("token=");
    await choose(page, 0, "Russia", "RUS");
    await choose(page, 1, "China", "CHN");
    await page.locator("figure[data-group=un] svg.chart .mark").first().waitFor();
    expect(page.url()).toContain("a=RUS&b=CHN");
    const marks = await page.$$eval("figure[data-group]", (figs) =>
      Object.fromEntries(
        figs.map((f) => [
          f.getAttribute("data-group"),
          f.querySelectorAll("svg.chart .mark").length,
        ]),
      ),
    );
    for (const group of ["un", "trade", "arms", "exercises", "alliances", "events"]) {
      expect(marks[group], group).toBeGreaterThan(0);
    }
    const titles = await page.$$eval("svg.chart > title", (ts) => ts.map((t) => t.textContent));
    expect(titles).toContain("UN General Assembly voting: Russia and China");
    const un = page.locator("figure[data-group=un] svg.chart");
    const box = await un.boundingBox();
    if (!box) throw new Error("no chart box");
    // The blocs arrive after the charts and must not move them (a drag would miss its chart).
    await page.locator(".dyad-blocs li").first().waitFor();
    expect(await un.boundingBox()).toEqual(box);
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.5);
    expect(await page.locator("#tooltip").textContent()).toMatch(/Agreement: \d/);
    // Zoom by dragging across a chart, and switch a series off: both go into the URL.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.up();
    expect(page.url()).toMatch(/from=\d{4}&to=\d{4}/);
    await page.locator("table.values-table button.val:not(.null)").first().click();
    await page.locator("aside.provenance .datasets li.loaded").first().waitFor();
    expect(await page.locator("aside.provenance").textContent()).toMatch(/Citation[\s\S]+rows/);
    await page.locator("figure[data-group=un] input[data-key=un_kappa]").uncheck();
    expect(page.url()).toMatch(/indicators=un_agree,/);
    await page.reload();
    await page.locator("figure[data-group=un] svg.chart .mark").first().waitFor();
    expect(await page.locator("figure[data-group=un] input[data-key=un_kappa]").isChecked()).toBe(
      false,
    );
    await shot(page, "dyad");

    // Change points: the toggle draws them from the API's trends block and goes into the URL.
    expect(await page.locator("svg.chart line.change-point").count()).toBe(0);
    await page.locator("#show-changes").check();
    expect(page.url()).toContain("changes=1");
    // A vertical line has an empty box: attached, not "visible", is the state to wait for.
    await page.locator("svg.chart line.change-point").first().waitFor({ state: "attached" });
    const changeTitles = await page.$$eval("svg.chart line.change-point > title", (ts) =>
      ts.map((t) => t.textContent ?? ""),
    );
    expect(changeTitles.length).toBeGreaterThan(0);
    for (const t of changeTitles)
      expect(t).toMatch(/: change in \d{4} \(95% interval \d{4}–\d{4}\)$/);
    expect(await page.locator("svg.chart line.segment-mean").count()).toBeGreaterThan(0);
    await page.locator("#show-changes").uncheck();
    expect(await page.locator("svg.chart line.change-point").count()).toBe(0);

    // Compare: three dyads on one chart.
    await page.click("#nav a:has-text('Compare dyads')");
    await page.locator(".compare-chart svg.chart .mark").first().waitFor();
    expect(await page.locator(".chips li").count()).toBe(3);
    expect(await page.locator(".compare-chart path.mark.line").count()).toBe(3);
    await shot(page, "compare");

    // ACH: the browser's scores match the server's; edit with mouse and keyboard; save; reload.
    await page.click("#nav a:has-text('ACH editor')");
    await cell(page, "E1", "H2").waitFor();
    await page.locator("section.ach[data-agree=yes]").waitFor();
    const before = await scores(page);
    const h2 = (await cell(page, "E1", "H2").textContent()) ?? "";
    await cell(page, "E1", "H2").focus();
    await page.keyboard.press("i"); // → I
    expect(await cell(page, "E1", "H2").textContent()).toBe("I");
    await page.keyboard.press("ArrowRight");
    const h3 = (await cell(page, "E1", "H3").textContent()) ?? "";
    await cell(page, "E1", "H3").click(); // one step along the cycle
    const h3After = (await cell(page, "E1", "H3").textContent()) ?? "";
    expect(h3After).not.toBe(h3);
    const after = await scores(page);
    expect(after).not.toEqual(before);
    if (h2 !== "I" && h2 !== "II") expect(after["heuer.H2"]).toBe((before["heuer.H2"] ?? 0) + 1);
    await shot(page, "ach");
    await page.click("button.save");
    await page.locator("section.ach .status >> text=Saved russia-china").waitFor();
    if (casesDir) {
      const original = readFileSync(join(ROOT, "cases/russia-china/case.yaml"), "utf8");
      const saved = readFileSync(join(casesDir, "russia-china/case.yaml"), "utf8");
      const diff = saved.split("\n").filter((l, i) => l !== original.split("\n")[i]);
      expect(diff).toEqual([`    ratings: { H1: I, H2: I, H3: ${h3After} }`]);
    }
    await page.reload();
    await cell(page, "E1", "H2").waitFor();
    expect(await cell(page, "E1", "H2").textContent()).toBe("I");
    expect(await cell(page, "E1", "H3").textContent()).toBe(h3After);
    expect(await scores(page)).toEqual(after);
    expect(await page.locator("button.save").isDisabled()).toBe(true);

    expect(o.errors).toEqual([]);
    expect(o.external).toEqual([]);
    expect(o.dialogs).toEqual([]);
    await page.close();
  }, 180_000);
});

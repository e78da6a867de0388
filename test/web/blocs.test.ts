// The Blocs view and the dyad page's blocs and ideal points, in Chromium on `entente serve`:
// a store of the real UN votes (../shared/data/unga_votes, with COW NMC for the bloc labels) and
// a short ideal-point fit (sessions of 2010–2014), and a second store with only the fixture votes
// (no fit). What the page draws is checked against what the API answers.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from "../browser.js";
import { BIN } from "../cli/run-cli.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempDir } from "../helpers.js";
import { DIST, ensureBuilt, ROOT } from "./build.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

const OUTPUT = join(ROOT, "test-output");
const reason = !hasChromium ? NO_CHROMIUM_REASON : !hasData ? NO_DATA_REASON : "Chromium, UN votes";

/** `entente serve` on a store with the built dashboard; resolves to its base URL. */
async function serve(store: string, cases: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [BIN, "--store", store, "serve", "--port", "0", "--cases", cases, "--web", DIST],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const base = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)/m.exec(out);
      if (m) ok(m[1] as string);
    });
    child.once("exit", (code) => fail(new Error(`serve exited ${code}`)));
  });
  return { child, base };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/** "#0072b2" → "rgb(0,114,178)". */
const rgbOf = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(",")})`;

/** The colour of the canvas pixel at CSS pixel (x, y). */
const pixel = (page: Page, x: number, y: number): Promise<string> =>
  page.$eval(
    "canvas.bloc-matrix",
    (c, [px, py]) => {
      // The test's TypeScript has no DOM types: the canvas as far as it is used here.
      const el = c as unknown as {
        width: number;
        clientWidth: number;
        getContext(kind: "2d"): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        } | null;
      };
      const k = el.width / el.clientWidth;
      const d = el
        .getContext("2d")
        ?.getImageData(Math.floor(px * k), Math.floor(py * k), 1, 1).data;
      return d ? `rgb(${d[0]},${d[1]},${d[2]})` : "";
    },
    [x, y] as [number, number],
  );

describe.skipIf(!hasChromium || !hasData)(`the Blocs view and the dyad's blocs (${reason})`, () => {
  let browser: Browser | undefined;
  let fitted: { child: ChildProcess; base: string } | undefined;
  let unfitted: { child: ChildProcess; base: string } | undefined;
  const errors: string[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    const dir = tempDir();
    const real = join(dir, "votes.duckdb");
    const store = await DuckDbStore.open(real);
    try {
      const r = await ingest(store, [dataFile("unga_votes"), dataFile("capabilities_nmc")]);
      expect(r.files.filter((f) => f.status === "failed")).toEqual([]);
      await fitAndStore(store, await fitRequest(store, { from: 2010, to: 2014 }));
    } finally {
      await store.close();
    }
    const small = join(dir, "fixture.duckdb");
    const s2 = await DuckDbStore.open(small);
    try {
      await ingest(s2, [fixture("unga_voeten")]);
    } finally {
      await s2.close();
    }
    [fitted, unfitted] = await Promise.all([
      serve(real, join(dir, "c1")),
      serve(small, join(dir, "c2")),
    ]);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(fitted?.child), stop(unfitted?.child)]);
  });

  const open = async (base: string, hash: string): Promise<Page> => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 1000 } });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) external.push(r.url());
    });
    await page.goto(`${base}${hash}`);
    return page;
  };
  const api = async (path: string): Promise<Json> =>
    (await (await fetch(`${fitted?.base}${path}`)).json()) as Json;

  it("draws the matrix of 2010 bloc by bloc in the blocs' colours; hover names the pair", async () => {
    const m = await api("api/blocs/matrix?year=2010");
    const page = await open(fitted?.base as string, "#view=blocs&year=2010&from=2005&to=2015");
    try {
      const canvas = page.locator("canvas.bloc-matrix");
      await canvas.waitFor();
      expect(await page.locator(".bloc-matrix-card h3").textContent()).toBe(
        "Agreement matrix, 2010, by κ: 192 states in 3 blocs",
      );
      const n = Number(await canvas.getAttribute("data-n"));
      const cell = Number(await canvas.getAttribute("data-cell"));
      const off = Number(await canvas.getAttribute("data-offset"));
      expect(n).toBe(m.states.length);
      // The legend: one entry per bloc of more than one state, as the API lists them.
      const multi = m.blocs.filter((b: Json) => b.size > 1);
      const legend = await page.$$eval(".bloc-legend li[data-bloc]", (lis) =>
        lis.map((li) => [
          li.getAttribute("data-bloc"),
          li.getAttribute("data-colour"),
          li.textContent,
        ]),
      );
      expect(legend.slice(0, multi.length).map((l) => l[2])).toEqual(
        multi.map((b: Json) => `Bloc ${b.id}: ${b.label} (${b.size})`),
      );
      expect(legend.at(-1)?.[2]).toBe("Alone: 4 states");
      // Each state's strip (left edge) has its bloc's colour, in the API's order.
      const colour = new Map(legend.map((l) => [l[0], l[1] as string]));
      let start = 0;
      for (const b of m.blocs) {
        const want = colour.get(b.size > 1 ? String(b.id) : "alone") as string;
        for (const i of [start, start + b.size - 1]) {
          expect(await pixel(page, 3, off + i * cell + cell / 2), `${m.states[i].name}`).toBe(
            rgbOf(want),
          );
        }
        start += b.size;
      }
      // The strongest tie of the year is drawn at full strength: its bloc's colour, or grey
      // between blocs.
      let best = { v: -Infinity, i: 0, j: 0 };
      m.values.forEach((row: Array<number | null>, i: number) => {
        row.forEach((v, j) => {
          if (v !== null && v > best.v) best = { v, i, j };
        });
      });
      const same = m.states[best.i].bloc === m.states[best.j].bloc;
      expect(
        await pixel(page, off + best.j * cell + cell / 2, off + best.i * cell + cell / 2),
      ).toBe(same ? rgbOf(colour.get(String(m.states[best.i].bloc)) as string) : "rgb(88,96,108)");
      // Hover: the pair, its value and both blocs.
      const rus = m.states.findIndex((x: Json) => x.iso3 === "RUS");
      const chn = m.states.findIndex((x: Json) => x.iso3 === "CHN");
      const box = await canvas.boundingBox();
      if (!box) throw new Error("no canvas box");
      await page.mouse.move(
        box.x + off + chn * cell + cell / 2,
        box.y + off + rus * cell + cell / 2,
      );
      const tip = (await page.locator("#tooltip").textContent()) ?? "";
      expect(tip).toContain("Russia – China");
      expect(tip).toContain(`κ 2010: ${Number(m.values[rus][chn].toPrecision(3))}`);
      const blocOf = (i: number) => m.blocs.find((b: Json) => b.id === m.states[i].bloc);
      expect(tip).toContain(`Russia: bloc ${m.states[rus].bloc} (${blocOf(rus).label})`);
      expect(tip).toContain(`China: bloc ${m.states[chn].bloc} (${blocOf(chn).label})`);
      // The text alternative lists every bloc with its members.
      const text = (await page.locator(".bloc-details .bloc-text").first().textContent()) ?? "";
      for (const b of multi)
        expect(text).toContain(`Bloc ${b.id}, ${b.label} (${b.size} states): `);
      expect(await canvas.getAttribute("aria-label")).toMatch(/^Agreement matrix, 2010, by κ/);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, "dashboard-blocs.png"), fullPage: true });
    } finally {
      await page.close();
    }
  }, 120_000);

  it("the slider changes the year, the matrix and the URL", async () => {
    const page = await open(fitted?.base as string, "#view=blocs&year=2010&from=2005&to=2015");
    try {
      await page.locator("canvas.bloc-matrix").waitFor();
      const slider = page.locator("input.bloc-year");
      expect(await slider.getAttribute("aria-valuetext")).toBe("2010");
      await slider.focus();
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(/year=2009/);
      await expect
        .poll(() => page.locator(".bloc-matrix-card h3").textContent(), { timeout: 60_000 })
        .toMatch(/^Agreement matrix, 2009, by κ: \d+ states in \d+ blocs$/);
      const m = await api("api/blocs/matrix?year=2009");
      expect(Number(await page.locator("canvas.bloc-matrix").getAttribute("data-n"))).toBe(
        m.states.length,
      );
      expect(await page.locator("output.years").first().textContent()).toBe("2009");
      // 1964 has no roll call: the slider steps over it.
      await page.goto(`${fitted?.base}#view=blocs&year=1965&from=2005&to=2015`);
      await expect
        .poll(() => page.locator(".bloc-matrix-card h3").textContent(), { timeout: 60_000 })
        .toMatch(/^Agreement matrix, 1965/);
      await slider.focus();
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(/year=1963/);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("the timeline shows Russia and China by bloc over the years, and takes another state", async () => {
    const t = await api("api/blocs/timeline?states=RUS,CHN&from=2005&to=2015");
    const page = await open(fitted?.base as string, "#view=blocs&year=2010&from=2005&to=2015");
    try {
      await page.locator("svg.bloc-timeline rect.mark").first().waitFor({ timeout: 120_000 });
      expect(await page.locator(".bloc-timeline-card .chip").allTextContents()).toEqual([
        "Russia×",
        "China×",
      ]);
      const cells = await page.$$eval("svg.bloc-timeline rect.mark", (rs) =>
        rs.map((r) => ({
          code: r.getAttribute("data-code"),
          year: Number(r.getAttribute("data-year")),
          bloc: Number(r.getAttribute("data-bloc")),
          fill: r.getAttribute("fill"),
        })),
      );
      const want = t.rows.map((r: Json) => ({ code: r.iso3, year: r.year, bloc: r.bloc }));
      expect(cells.map(({ code, year, bloc }) => ({ code, year, bloc }))).toEqual(
        expect.arrayContaining(want),
      );
      expect(cells).toHaveLength(want.length);
      // One colour per bloc id: the same fill exactly when the same bloc.
      const at = (code: string, year: number) =>
        cells.find((c) => c.code === code && c.year === year);
      for (const y of t.years) {
        const r = at("RUS", y);
        const c = at("CHN", y);
        if (r && c) expect(r.fill === c.fill, String(y)).toBe(r.bloc === c.bloc);
      }
      // docs/blocs.md: together in 2006 and 2014, apart in 2010.
      expect(at("RUS", 2006)?.fill).toBe(at("CHN", 2006)?.fill);
      expect(at("RUS", 2010)?.fill).not.toBe(at("CHN", 2010)?.fill);
      const text = (await page.locator(".bloc-timeline-card .bloc-text").textContent()) ?? "";
      expect(text).toMatch(/Russia: 2005 bloc \d+ \(/);
      expect(text).toMatch(/China: 2005–\d{4} bloc \d+ \(CHN, /);
      // Add India: the URL and the timeline follow.
      const input = page.locator(".bloc-timeline-card .picker input");
      await input.fill("India");
      await page.locator('.bloc-timeline-card ul.options li[data-code="IND"]').click();
      await page.waitForURL(/states=RUS,CHN,IND/);
      await page
        .locator('svg.bloc-timeline rect.mark[data-code="IND"]')
        .first()
        .waitFor({ timeout: 120_000 });
      expect(await page.locator('svg.bloc-timeline rect.mark[data-code="IND"]').count()).toBe(11);
    } finally {
      await page.close();
    }
  }, 240_000);

  it("the dyad page shows both states' blocs and their UN ideal points with bands", async () => {
    const b = await api("api/blocs");
    const page = await open(fitted?.base as string, "#view=dyad&a=RUS&b=CHN");
    try {
      await page.locator(".dyad-blocs li").first().waitFor({ timeout: 60_000 });
      const of = (code: number) =>
        b.blocs.find((x: Json) => x.members.some((m: Json) => m.ccode === code));
      const lines = await page.locator(".dyad-blocs li").allTextContents();
      for (const [i, code, name] of [
        [0, 365, "Russia"],
        [1, 710, "China"],
      ] as const) {
        const bloc = of(code);
        const member = bloc.members.find((m: Json) => m.ccode === code);
        expect(lines[i]).toBe(
          `${name}: bloc ${bloc.id}, ${bloc.label}, ${bloc.members.length} states; stability ${member.stability.toFixed(2)}`,
        );
      }
      expect(await page.locator(".dyad-blocs h3").textContent()).toBe(
        `Blocs in ${b.year}, by kappa of UN votes`,
      );
      expect(await page.locator(".dyad-blocs .note").textContent()).toContain(
        of(365) === of(710) ? "are in the same bloc" : "are not in the same bloc",
      );
      expect(await page.locator(".dyad-blocs a").getAttribute("href")).toBe(
        `#view=blocs&year=${b.year}&states=RUS,CHN`,
      );
      // Ideal points of the stored fit (sessions opened 2010–2014): a line, five points and a
      // band per state.
      const fig = page.locator("figure[data-group=ideal]");
      await fig.locator("svg.chart path.mark.line").first().waitFor();
      expect(await fig.locator("path.mark.line").count()).toBe(2);
      expect(await fig.locator("circle.mark.point").count()).toBe(10);
      expect(await fig.locator("path.band").count()).toBe(2);
      const d = await api("api/dyads/RUS/CHN?from=2012&to=2012");
      const row = d.rows[0];
      expect(typeof row.un_ideal_a).toBe("number");
      const svg = await fig.locator("svg.chart").boundingBox();
      if (!svg) throw new Error("no chart");
      // Hover 2012 and read both positions with their 95% intervals.
      const x = await fig.locator("circle.mark.point").nth(2).getAttribute("cx");
      const vb = Number((await fig.locator("svg.chart").getAttribute("viewBox"))?.split(" ")[2]);
      await page.mouse.move(svg.x + (Number(x) * svg.width) / vb, svg.y + svg.height / 2);
      const tip = (await page.locator("#tooltip").textContent()) ?? "";
      expect(tip).toContain("2012");
      const f = (v: number) =>
        new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(v);
      expect(tip).toContain(
        `Russia's ideal point: ${f(row.un_ideal_a)} (95%: ${f(row.un_ideal_a - 1.96 * row.un_ideal_a_se)} to ${f(row.un_ideal_a + 1.96 * row.un_ideal_a_se)})`,
      );
      expect(await page.locator("figure[data-group=ideal] .note").count()).toBe(0);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("without a fit, the dyad page says to run entente ideal-points", async () => {
    const base = unfitted?.base as string;
    const health = (await (await fetch(`${base}api/health`)).json()) as Json;
    expect(health.ideal_points).toBe("not_fitted");
    const page = await open(base, "#view=dyad&a=USA&b=CHN");
    try {
      const note = page.locator("figure[data-group=ideal] .note");
      await note.waitFor({ timeout: 60_000 });
      expect(await note.textContent()).toMatch(
        /^UN ideal points are not fitted for the loaded votes\. Run `entente ideal-points` once/,
      );
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  }, 60_000);
});

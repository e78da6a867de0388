/**
 * The dashboard on a real `entente serve` over fixture data (issue 16, item 8): the picker finds
 * countries by any name or alias, an unknown country shows the API's "Closest matches" hint,
 * and the dyad page counts the years with data for the pair, not the store's span.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { hasChromium, launchChromium, NO_CHROMIUM_REASON } from "../browser.js";
import { BIN } from "../cli/run-cli.js";
import { fixture, tempDir } from "../helpers.js";
import { DIST, ensureBuilt, ROOT } from "./build.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Json = Record<string, any>;

describe.skipIf(!hasChromium)(
  `dashboard search, hints and data counts (${hasChromium ? "Chromium" : NO_CHROMIUM_REASON})`,
  () => {
    let browser: Browser | undefined;
    let child: ChildProcess | undefined;
    let base = "";
    beforeAll(async () => {
      ensureBuilt();
      const dir = tempDir();
      const storePath = join(dir, "s.duckdb");
      const store = await DuckDbStore.open(storePath);
      try {
        const r = await ingest(
          store,
          ["cow_trade", "nmc", "atop"].map((f) => fixture(f)),
        );
        expect(r.ok).toBe(true);
      } finally {
        await store.close();
      }
      child = spawn(
        process.execPath,
        [
          BIN,
          "--store",
          storePath,
          "serve",
          "--port",
          "0",
          "--cases",
          join(dir, "c"),
          "--web",
          DIST,
        ],
        { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
      );
      base = await new Promise<string>((ok, fail) => {
        let out = "";
        child?.stdout?.setEncoding("utf8").on("data", (d: string) => {
          out += d;
          const m = /^(http:\/\/127\.0\.0\.1:\d+\/)/m.exec(out);
          if (m) ok(m[1] as string);
        });
        child?.once("exit", (code) => fail(new Error(`serve exited ${code}`)));
      });
      browser = await launchChromium();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      if (child && child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
    });

    const open = async (hash: string): Promise<Page> => {
      const page = await (browser as Browser).newPage();
      await page.goto(`${base}${hash}`);
      return page;
    };

    it("the picker finds a state by alias, accents and word starts, and says which alias", async () => {
      const page = await open("#view=dyad");
      try {
        const input = page.getByRole("combobox").first();
        for (const [typed, expected] of [
          ["sovi", "Russia (Soviet Union)"],
          ["russian fed", "Russia (Russian Federation)"],
          ["Côte", "Ivory Coast"],
          ["cote d", "Ivory Coast"],
          ["Rusia", "Russia"],
        ] as const) {
          await input.fill(typed);
          const first = page.locator('[role="listbox"]:visible [role="option"]').first();
          await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(expected);
        }
      } finally {
        await page.close();
      }
    });

    it("an unknown country shows the API's Closest matches hint", async () => {
      const page = await open("#view=dyad&a=Rusia&b=CHN");
      try {
        const status = page.locator(".status, [role=status], [aria-live]").filter({
          hasText: "Unknown country",
        });
        await expect
          .poll(() => status.first().textContent(), { timeout: 15_000 })
          .toMatch(/Unknown country "Rusia"\. Closest matches: Russia \(cow:365\)/);
      } finally {
        await page.close();
      }
    });

    it("counts the years with data for the pair, not the store's span", async () => {
      const api = (await (await fetch(`${base}api/dyads/RUS/CHN`)).json()) as Json;
      const keys: string[] = api.indicators.map((i: Json) => i.name);
      const years = api.rows
        .filter((r: Json) => keys.some((k) => typeof r[k] === "number"))
        .map((r: Json) => r.year as number);
      // The fixture store spans far more years than this pair has data for.
      expect(years.length).toBeGreaterThan(0);
      expect(api.rows.length).toBeGreaterThan(years.length);
      const page = await open("#view=dyad&a=RUS&b=CHN");
      try {
        const expected = `Russia–China: ${years.length} years with data (${years[0]}–${years.at(-1)}).`;
        await expect
          .poll(() => page.locator("body").textContent(), { timeout: 15_000 })
          .toContain(expected);
        expect(await page.locator("body").textContent()).not.toMatch(/\d+ years of data/);
      } finally {
        await page.close();
      }
    });
  },
);

#!/usr/bin/env node
// Benchmark: how long the dashboard's first view (Russia–China dyad page) takes to show charts
// with data marks, from navigation, in Debian's Chromium (fresh browser context each run).
// Target: under 2 s. Needs a running server over a store with the data:
//   node bin/entente.js --store S serve --port 8799 &
//   node bench/dashboard.bench.mjs http://127.0.0.1:8799/ [RUNS]
import { chromium } from "playwright-core";

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!base) {
  console.error("usage: dashboard.bench.mjs SERVER_URL [RUNS]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const ms = [];
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const started = performance.now();
    await page.goto(new URL("#view=dyad&a=RUS&b=CHN", base).toString(), { waitUntil: "commit" });
    await page.waitForFunction(
      () => document.querySelectorAll("svg.chart .mark").length > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    ms.push(performance.now() - started);
    await ctx.close();
  }
} finally {
  await browser.close();
}
const sorted = [...ms].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    runs,
    first_view_ms: ms.map((x) => Math.round(x)),
    median_ms: Math.round(sorted[Math.floor(runs / 2)]),
    target_ms: 2000,
  }),
);

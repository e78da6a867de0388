import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, which .ci/run installs with apt when it is missing. Playwright's own browser
 * downloads are never used (no `playwright install`): playwright-core drives this binary.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM_REASON = `skipped: ${CHROMIUM} not present (browser tests run in CI)`;

/**
 * A headless Chromium that makes no requests of its own. The caller closes it (`afterAll` or
 * `finally`); `withChromium` does that for you.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Run `fn` with a fresh Chromium, closing it however `fn` ends. */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

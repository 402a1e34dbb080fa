/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (no browser download),
 * a record of console errors and of every request that leaves the machine's files, and the rule for
 * skipping: a missing Chromium or Jupyter is said loudly, and under CI=true it fails the test instead.
 */
import { existsSync } from "node:fs";
import test, { type TestFn } from "ava";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium's flags: headless, no sandbox (root in CI), and none of its own background connections. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/**
 * The ava `test` to use when `ready` is true; otherwise a loud skip, or under CI=true a failing test.
 * @param what - what the tests need, for the message.
 * @param ready - whether it is there.
 * @param why - how to get it.
 */
export function testIf(what: string, ready: boolean, why: string): TestFn {
  if (ready) return test;
  const message = `SKIPPED: ${what} is not available (${why})`;
  console.error(`\n!!!!!!!! ${message} !!!!!!!!\n`);
  if (process.env.CI === "true") {
    test(`${what} is available (CI=true: a skip fails)`, (t) => t.fail(message));
  }
  return test.skip as unknown as TestFn;
}

/** `test` for browser tests: skips loudly without /usr/bin/chromium, fails under CI=true. */
export const browserTest = testIf("Chromium", existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (scripts/setup.sh does)`);

/** What a page did: console errors, uncaught errors, requests that are not file:, data: or blob:, dialogs. */
export interface PageLog {
  errors: string[];
  network: string[];
  dialogs: string[];
}

/**
 * Launches Chromium with a fresh temporary profile.
 * @returns the browser (close it when done).
 */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens a page that records console errors, page errors, dialogs and network requests.
 *
 * @param context - a browser context.
 * @param allowOrigin - an http origin that counts as local (a Jupyter server on 127.0.0.1), if any.
 * @returns the page and its log.
 */
export async function openPage(context: BrowserContext, allowOrigin?: string): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { errors: [], network: [], dialogs: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.errors.push(msg.text());
  });
  page.on("pageerror", (err) => log.errors.push(String(err)));
  page.on("dialog", (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (req) => {
    const url = req.url();
    if (/^(file|data|blob|about):/.test(url)) return;
    if (allowOrigin && url.startsWith(allowOrigin + "/")) return;
    log.network.push(url);
  });
  // nothing may leave the machine: answer any outside request with an error (and count it above)
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url) || (allowOrigin && url.startsWith(allowOrigin + "/"))) return route.continue();
    return route.abort();
  });
  return { page, log };
}

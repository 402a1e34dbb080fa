// Opens a page in headless Chromium (Debian's /usr/bin/chromium through playwright-core, as the
// repository's browser tests do) and prints the text of #result once the page's script filled it.
// Usage: node test/package/chromium.mjs /abs/path/page.html; exit 1 on a page error or a timeout.
import { chromium } from "playwright-core";

const [page_] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
let code = 0;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) errors.push(`network request ${r.url()}`); });
  await page.goto("file://" + page_);
  await page.waitForFunction(() => document.getElementById("result")?.textContent, null, { timeout: 60_000 }).catch(() => {});
  const text = await page.locator("#result").textContent();
  if (errors.length || !text) {
    console.error(`chromium.mjs: ${errors.join("; ") || "the page wrote no result"}`);
    code = 1;
  } else console.log(text);
} finally {
  await browser.close();
}
process.exit(code);

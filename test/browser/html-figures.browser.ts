/**
 * The saved interactive HTML figures (saveHtml) in a real browser: every figure drawn by plotly.js with
 * the right number of points, lines, class-map images and heatmaps, no console error, no network
 * request, and user text shown as text.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { datasetScatter, decodeNumbers, saveHtml, type Figure } from "../../lib/plot/index.js";
import { browserTest as test, launch, openPage } from "./chromium.js";
import { X, Y, sampleFigures } from "./sample-figures.js";

const XSS = "</script><img src=x onerror=alert(1)>";

/** What plotly.js should draw for a figure. */
function expected(fig: Figure) {
  let points = 0;
  let lines = 0;
  let heatmaps = 0;
  for (const t of fig.data) {
    const mode = String(t.mode ?? "");
    if (t.type === "heatmap") heatmaps++;
    else {
      if (mode.includes("markers")) points += decodeNumbers(t.x).length;
      if (mode.includes("lines")) lines++;
    }
  }
  const images = ((fig.layout.images as unknown[]) ?? []).length;
  return { points, lines, heatmaps, images };
}

const figures = { ...sampleFigures(), escaped: datasetScatter(X, Y, { title: XSS, xlabel: XSS, ylabel: "<b>bold?</b>" }) };
const dir = mkdtempSync(join(tmpdir(), "plot-html-"));

test("saveHtml: each figure page draws its figure offline, with the right marks and no errors", async (t) => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    for (const [name, fig] of Object.entries(figures)) {
      const path = join(dir, `${name}.html`);
      saveHtml(fig, path);
      const { page, log } = await openPage(context);
      await page.goto(pathToFileURL(path).href, { timeout: 180000 }); // a 10 MB plotly.js per page: slow on a busy machine
      await page.waitForSelector("#figure-0 .main-svg", { timeout: 30000 });
      const drawn = await page.evaluate(() => {
        const root = document.getElementById("figure-0")!;
        return {
          points: root.querySelectorAll(".scatterlayer .trace .points path.point").length,
          lines: root.querySelectorAll(".scatterlayer .trace path.js-line").length,
          heatmaps: root.querySelectorAll(".heatmaplayer .hm image").length,
          images: root.querySelectorAll(".layer-subplot .imagelayer image").length,
          title: root.querySelector(".gtitle")?.textContent ?? null,
          xtitle: root.querySelector(".xtitle")?.textContent ?? null,
          injected: document.querySelectorAll("img[src='x']").length,
        };
      });
      t.deepEqual({ points: drawn.points, lines: drawn.lines, heatmaps: drawn.heatmaps, images: drawn.images }, expected(fig), name);
      t.true(drawn.points + drawn.lines + drawn.heatmaps > 0, `${name}: something is drawn`);
      t.deepEqual(log.errors, [], `${name}: console errors`);
      t.deepEqual(log.network, [], `${name}: network requests`);
      t.deepEqual(log.dialogs, [], `${name}: dialogs`);
      t.is(drawn.injected, 0, `${name}: no injected element`);
      if (name === "escaped") {
        t.is(drawn.title, XSS);
        t.is(drawn.xtitle, XSS);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
});

test("saveHtml: several figures on one page are all drawn", async (t) => {
  const list = Object.values(figures);
  const path = join(dir, "all.html");
  saveHtml(list, path, { title: XSS });
  const browser = await launch();
  try {
    const { page, log } = await openPage(await browser.newContext());
    await page.goto(pathToFileURL(path).href, { timeout: 180000 });
    await page.waitForFunction((n) => document.querySelectorAll(".figure .main-svg").length >= n, list.length, { timeout: 60000 });
    const perFigure = await page.evaluate(() =>
      [...document.querySelectorAll(".figure")].map((f) => f.querySelectorAll(".scatterlayer .trace .points path.point").length),
    );
    t.deepEqual(perFigure, list.map((f) => expected(f).points));
    t.is(await page.title(), XSS);
    t.deepEqual(log.errors, []);
    t.deepEqual(log.network, []);
  } finally {
    await browser.close();
  }
});

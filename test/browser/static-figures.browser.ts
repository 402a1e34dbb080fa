/**
 * The static pictures (lib/plot/svg.ts: the PNG/SVG that GitHub, nbconvert HTML and untrusted notebooks
 * show) against plotly.js's own rendering of the same JSON, in Chromium:
 *   - every tick label, axis title, figure title, annotation and legend name that plotly.js draws is
 *     in the static SVG;
 *   - no two texts of the static SVG overlap (boxes measured by Chromium on the SVG itself).
 * An animation's static picture is its `staticFigure`, compared with plotly.js's rendering of that.
 */
import { createRequire } from "node:module";
import { figureToSvg, type Figure, type FigureSpec } from "../../lib/plot/index.js";
import { browserTest as test, launch, openPage } from "./chromium.js";
import { sampleFigures } from "./sample-figures.js";

const plotlyPath = createRequire(import.meta.url).resolve("plotly.js-dist/plotly.js");

/** Texts closer than this (px) in both directions count as overlapping; glyph boxes include some air. */
const TOLERANCE = 1;

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function norm(s: string): string {
  return s.replace(/\s+/g, "");
}

const figures = sampleFigures();

test("static pictures: plotly.js's texts are all there, and none of the static texts overlap", async (t) => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1200 } });
    const { page, log } = await openPage(context);
    await page.goto("about:blank");
    await page.addScriptTag({ path: plotlyPath });
    for (const [name, fig] of Object.entries(figures)) {
      const spec: FigureSpec = (fig as Figure).staticFigure ?? fig.toJSON();
      // plotly.js's texts
      const drawn = await page.evaluate(async (s) => {
        const el = document.createElement("div");
        document.body.replaceChildren(el);
        await (window as any).Plotly.newPlot(el, { data: s.data, layout: s.layout, config: { staticPlot: true } });
        // tick labels of every axis (.xtick, .x2tick, …), axis titles (.g-xtitle, .g-x2title, …), the title,
        // annotations (subplot titles, counts) and legend names
        const sel = [".xaxislayer-above text", ".yaxislayer-above text", "[class^='g-x'][class$='title'] text", "[class^='g-y'][class$='title'] text", ".gtitle", ".annotation-text", ".legendtext"].join(", ");
        return [...el.querySelectorAll(sel)].map((e) => (e.textContent ?? "").trim()).filter((x) => x !== "");
      }, JSON.parse(JSON.stringify(spec)));
      // the static SVG's texts and their boxes
      const boxes: Box[] = await page.evaluate((svg) => {
        document.body.innerHTML = svg;
        return [...document.querySelectorAll("svg text")].map((e) => {
          const r = e.getBoundingClientRect();
          return { text: (e.textContent ?? "").trim(), x: r.x, y: r.y, w: r.width, h: r.height };
        });
      }, figureToSvg(spec));
      const have = new Set(boxes.map((b) => norm(b.text)));
      const missing = [...new Set(drawn.filter((s) => !have.has(norm(s))))];
      t.deepEqual(missing, [], `${name}: texts plotly.js draws that the static picture lacks`);
      t.true(drawn.length > 0, `${name}: plotly.js drew texts`);
      t.log(`${name}: ${drawn.length} texts drawn by plotly.js, ${boxes.length} in the static SVG`);
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (ox > TOLERANCE && oy > TOLERANCE) overlaps.push(`${JSON.stringify(a.text)} and ${JSON.stringify(b.text)} (${ox.toFixed(1)} x ${oy.toFixed(1)} px)`);
        }
      }
      t.deepEqual(overlaps, [], `${name}: overlapping texts in the static picture`);
    }
    t.deepEqual(log.errors, []);
    t.deepEqual(log.network, []);
  } finally {
    await browser.close();
  }
});

/**
 * The report of `npm start` (lib/plot/report.ts) in Chromium, offline: every figure drawn by the inlined,
 * minified plotly.js, the animation with its slider and buttons, and playing it moves the slider.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeReport } from "../../lib/plot/report.js";
import { browserTest as test, launch, openPage } from "./chromium.js";
import { sampleFigures } from "./sample-figures.js";

test("report: index.html draws every figure offline, and the learning animation plays", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "plot-report-"));
  const browser = await launch();
  try {
    const list = Object.entries(sampleFigures()).map(([name, figure]) => ({ name, figure }));
    const { html } = await writeReport(list, dir);
    const { page, log } = await openPage(await browser.newContext());
    await page.goto(pathToFileURL(html).href, { timeout: 180000 });
    await page.waitForFunction((n) => document.querySelectorAll(".figure .main-svg").length >= n, list.length, { timeout: 120000 });
    const k = list.findIndex((f) => f.name === "animation");
    const root = `#figure-${k}`;
    const slider = await page.evaluate((sel) => ({
      steps: (document.querySelector(sel) as any)._fullLayout.sliders[0].steps.length,
      ticks: document.querySelectorAll(`${sel} .slider-group .slider-tick-rect`).length,
      buttons: [...document.querySelectorAll(`${sel} .updatemenu-button text`)].map((e) => e.textContent),
      current: document.querySelector(`${sel} .slider-group > text.slider-label`)?.textContent ?? "", // the current value
      frames: ((document.querySelector(sel) as any)._transitionData._frames as unknown[]).length,
    }), root);
    const frames = (list[k].figure.frames ?? []).length;
    t.is(slider.frames, frames);
    t.is(slider.steps, frames);
    t.is(slider.ticks, frames, "one slider tick per frame drawn");
    t.deepEqual(slider.buttons, ["▶ Play", "❚❚ Pause"]);
    t.is(slider.current, "iteration 1000");
    // slider to the first frame: the marked iteration moves to 0
    await page.evaluate((sel) => (window as any).Plotly.animate(document.querySelector(sel), ["0"], { mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 } }), root);
    const marked = await page.evaluate((sel) => (document.querySelector(sel) as any).data[3].x[0], root);
    t.is(marked, 0);
    t.deepEqual(log.errors, []);
    t.deepEqual(log.network, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

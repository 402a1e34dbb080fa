/** lib/plot/report.ts: one self-contained index.html (plotly.js once, minified) beside the PNGs. */
import test from "ava";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plotlyPath } from "../lib/plot/index.js";
import { minifiedPlotly, writeReport } from "../lib/plot/report.js";
import { sampleFigures } from "./browser/sample-figures.js";

const figures = sampleFigures();

test("writeReport: index.html with every figure and plotly.js once, minified, and one PNG per figure, under 6 MB", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "plot-report-"));
  try {
    const list = Object.entries(figures).map(([name, figure]) => ({ name, figure }));
    const report = await writeReport(list, dir, { title: "</title><script>alert(1)</script>" });
    t.deepEqual(readdirSync(dir).sort(), ["index.html", ...list.map((f) => `${f.name}.png`)].sort());
    const html = readFileSync(report.html, "utf8");
    const plotly = readFileSync(plotlyPath(), "utf8");
    const minified = await minifiedPlotly();
    t.true(minified.length < plotly.length / 1.8, `minified ${minified.length} vs ${plotly.length}`);
    t.is(html.split(minified).length, 2, "plotly.js inlined exactly once");
    t.false(html.includes(plotly.slice(0, 2000)), "not the unminified bundle");
    for (const f of list) t.true(html.includes(`id="${f.name}"`), f.name);
    t.true(html.includes('"frames":'), "the animation's frames are in the page");
    t.false(html.includes("<script>alert(1)"), "the title is escaped");
    t.is(report.bytes, readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0));
    t.true(report.bytes < 6e6, `${report.bytes} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("writeReport: names must be unique file names", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "plot-report-"));
  try {
    await t.throwsAsync(writeReport([{ name: "../x", figure: figures.dataset }], dir), { message: /file names of letters, digits, "_" and "-": got "..\/x"/ });
    await t.throwsAsync(writeReport([{ name: "a", figure: figures.dataset }, { name: "a", figure: figures.costs }], dir), { message: 'two report figures are named "a"' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Saving without a browser: SVG from the renderer, PNG rasterised by resvg, self-contained HTML. */
import test from "ava";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { figureToSvg, plotlyPath, regionColor, saveFigure, toHtml, toPng } from "../lib/plot/index.js";
import { sampleFigures } from "./browser/sample-figures.js";
import { decodePalettePng, pixelHex } from "./plot-helpers.js";

const figures = sampleFigures();
const dir = mkdtempSync(join(tmpdir(), "plot-export-"));

test("figureToSvg: one circle per point, one path per line, one image per class map", (t) => {
  const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
  t.is(count(figureToSvg(figures.dataset), /<circle /g), 400);
  t.is(count(figureToSvg(figures.sweep), /<circle /g), 7 * 400);
  t.is(count(figureToSvg(figures.sweep), /<image /g), 7);
  t.is(count(figureToSvg(figures.costs), /class="trace line"/g), 2);
  t.is(count(figureToSvg(figures.confusion), /<rect [^>]*fill="rgb/g), 4);
});

test("toPng: the layout's size, and the class regions in matplotlib's contourf colours", (t) => {
  const img = decodePalettePng(toPng(figures.logistic));
  t.deepEqual([img.width, img.height], [700, 450]);
  // the logistic figure's line x2 = 0.15 x1 + 0.1 splits the plot: class 1 (blue) below, class 0 (red) above
  // (plot area 60..670 x 60..395 px; sample away from the points' markers)
  t.is(pixelHex(img, 70, 70), regionColor(0));
  t.is(pixelHex(img, 385, 660), regionColor(1));
  t.is(pixelHex(img, 5, 5), "#ffffff");
  const big = decodePalettePng(toPng(figures.dataset, 2));
  t.deepEqual([big.width, big.height], [1400, 900]);
});

test("saveFigure: writes .png, .svg and .html by extension, refuses others", (t) => {
  saveFigure(figures.dataset, join(dir, "a/dataset.png"));
  saveFigure(figures.dataset, join(dir, "a/dataset.svg"));
  saveFigure(figures.dataset, join(dir, "a/dataset.html"));
  t.is(readFileSync(join(dir, "a/dataset.png")).subarray(1, 4).toString(), "PNG");
  t.true(readFileSync(join(dir, "a/dataset.svg"), "utf8").startsWith("<svg "));
  t.true(readFileSync(join(dir, "a/dataset.html"), "utf8").startsWith("<!DOCTYPE html>"));
  t.throws(() => saveFigure(figures.dataset, join(dir, "a/dataset.jpg")), { message: /^saveFigure writes \.png, \.svg or \.html, not ".*dataset\.jpg"$/ });
});

test("toHtml: plotly.js from the installed package inlined once, no URL to fetch it from", (t) => {
  const html = toHtml([figures.dataset, figures.costs]);
  const plotly = readFileSync(plotlyPath(), "utf8");
  t.is(html.split("plotly.js v").length - 1, plotly.split("plotly.js v").length - 1, "one copy");
  t.false(/<script[^>]+src=/i.test(html));
  t.true(html.includes("Content-Security-Policy"));
  t.true(html.length < plotly.length + 100_000);
});

/**
 * Saving figures outside notebooks: SVG and PNG without a browser, and self-contained interactive HTML.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Resvg as ResvgClass } from "@resvg/resvg-js";
import { escapeHtml, jsonForScript, scriptSafe } from "./escape.js";
import type { Figure, FigureSpec } from "./figure.js";
import { encodePalettePng, quantize } from "./png.js";
import { figureToSvg } from "./svg.js";
import { ValueError } from "../np/errors.js";

const require = createRequire(import.meta.url);

let resvgClass: typeof ResvgClass | undefined;
/** The native rasteriser, required on first use: importing the package does not load it. */
function loadResvg(): typeof ResvgClass {
  resvgClass ??= (require("@resvg/resvg-js") as { Resvg: typeof ResvgClass }).Resvg;
  return resvgClass;
}

/** Path of the installed plotly.js bundle (`plotly.js-dist/plotly.js`), read from node_modules, never a CDN. */
export function plotlyPath(): string {
  return require.resolve("plotly.js-dist/plotly.js");
}

let plotlySource: string | undefined;
function plotlyScript(): string {
  plotlySource ??= scriptSafe(readFileSync(plotlyPath(), "utf8"));
  return plotlySource;
}

const DEJAVU = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"];

/**
 * Renders a figure to PNG bytes without a browser (the SVG renderer, rasterised by resvg).
 * The image is reduced to a 256-colour palette (a third of the size). Text uses DejaVu Sans (Debian's fonts-dejavu-core), else any system sans-serif font.
 *
 * @param fig - the figure.
 * @param scale - pixel density (default 1: one pixel per CSS pixel of the layout size).
 * @returns the PNG file bytes.
 */
export function toPng(fig: FigureSpec, scale = 1): Buffer {
  const fonts = DEJAVU.filter((f) => existsSync(f));
  const Resvg = loadResvg();
  const resvg = new Resvg(figureToSvg(fig), {
    fitTo: { mode: "zoom", value: scale },
    font: fonts.length
      ? { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" }
      : { loadSystemFonts: true, defaultFontFamily: "sans-serif" },
  });
  const image = resvg.render();
  const { indices, palette } = quantize(image.pixels);
  return encodePalettePng(indices, image.width, image.height, palette);
}

/**
 * A self-contained interactive HTML page of one or more figures: plotly.js inlined once, no network
 * (a Content-Security-Policy forbids any request), every title escaped.
 *
 * @param figs - a figure or several (drawn one below the other).
 * @param options - page title (default: the first figure's title).
 * @returns the HTML text.
 */
export function toHtml(figs: Figure | readonly Figure[], options: { title?: string } = {}): string {
  const list = Array.isArray(figs) ? (figs as readonly Figure[]) : [figs as Figure];
  const pageTitle = options.title ?? (list[0]?.title || "Figure");
  const divs = list.map((_, i) => `<div class="figure" id="figure-${i}"></div>`).join("\n");
  const specs = jsonForScript(list.map((f) => f.toJSON()));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${escapeHtml(pageTitle)}</title>
<script>${plotlyScript()}</script>
</head>
<body>
${divs}
<script>
(function () {
  var specs = ${specs};
  specs.forEach(function (spec, i) {
    Plotly.newPlot("figure-" + i, spec.data, spec.layout, { displaylogo: false });
  });
})();
</script>
</body>
</html>
`;
}

function ensureDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * Saves a figure as SVG (no browser needed).
 * @param fig - the figure.
 * @param path - output file, created with its folders.
 */
export function saveSvg(fig: FigureSpec, path: string): void {
  ensureDir(path);
  writeFileSync(path, figureToSvg(fig));
}

/**
 * Saves a figure as PNG (no browser needed).
 * @param fig - the figure.
 * @param path - output file, created with its folders.
 * @param scale - pixel density (default 1).
 */
export function savePng(fig: FigureSpec, path: string, scale = 1): void {
  ensureDir(path);
  writeFileSync(path, toPng(fig, scale));
}

/**
 * Saves figures as one self-contained interactive HTML page (plotly.js inlined once).
 * @param figs - a figure or several.
 * @param path - output file, created with its folders.
 * @param options - page title.
 */
export function saveHtml(figs: Figure | readonly Figure[], path: string, options: { title?: string } = {}): void {
  ensureDir(path);
  writeFileSync(path, toHtml(figs, options));
}

/**
 * Saves a figure by the file's extension: `.png`, `.svg` or `.html`.
 *
 * @param fig - the figure.
 * @param path - output file.
 * @throws Error for another extension.
 * @example
 * ```ts
 * saveFigure(datasetScatter(X, Y), "out/dataset.png");
 * ```
 */
export function saveFigure(fig: Figure, path: string): void {
  const ext = path.toLowerCase().split(".").pop();
  if (ext === "png") savePng(fig, path);
  else if (ext === "svg") saveSvg(fig, path);
  else if (ext === "html" || ext === "htm") saveHtml(fig, path);
  else throw new ValueError(`saveFigure writes .png, .svg or .html, not ${JSON.stringify(path)}`);
}

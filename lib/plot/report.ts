/**
 * The lesson's report: one self-contained `index.html` with every figure (plotly.js inlined once, minified)
 * beside each figure's PNG.
 * @module
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { escapeHtml, jsonForScript, scriptSafe } from "./escape.js";
import type { Figure } from "./figure.js";
import { savePng } from "./export.js";
import { ValueError } from "../np/errors.js";

const require = createRequire(import.meta.url);

/** One figure of a report: the file name of its PNG (without extension), the figure, an optional caption. */
export interface ReportFigure {
  /** File name of the PNG, without ".png" (letters, digits, "_" and "-"). */
  name: string;
  /** The figure. */
  figure: Figure;
  /** Text under the figure (user text, escaped). */
  caption?: string;
}

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** Page title and heading (default "Lesson 2: figures"). */
  title?: string;
  /** The page's language (`<html lang>`, default "en"). */
  lang?: string;
  /** Text under the heading (user text, escaped). */
  intro?: string;
}

/** What {@link writeReport} wrote. */
export interface ReportFiles {
  /** Absolute path of index.html. */
  html: string;
  /** Paths of the PNGs, in the figures' order. */
  pngs: string[];
  /** Bytes of index.html and the PNGs together. */
  bytes: number;
}

/**
 * plotly.js minified with esbuild (plotly.js-dist ships only the unminified bundle, 10 MB; minified it is
 * under 5 MB). The result is cached in node_modules/.cache/dl-lesson2-ts/ by the bundle's hash.
 *
 * @returns the minified source, safe inside a `<script>` element.
 * @throws Error naming esbuild (a devDependency) when it is not installed.
 */
export async function minifiedPlotly(): Promise<string> {
  const path = require.resolve("plotly.js-dist/plotly.js");
  const source = readFileSync(path, "utf8");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const cache = join(dirname(dirname(path)), ".cache", "dl-lesson2-ts", `plotly-${hash}.min.js`);
  if (existsSync(cache)) return readFileSync(cache, "utf8");
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("the report minifies plotly.js with esbuild, a devDependency: run `npm install` (not `npm install --omit=dev`)");
  }
  const { code } = await esbuild.transform(source, { minify: true, legalComments: "eof", target: "es2018" });
  const safe = scriptSafe(code);
  try {
    mkdirSync(dirname(cache), { recursive: true });
    writeFileSync(cache, safe);
  } catch {
    // a read-only node_modules: minify again next time
  }
  return safe;
}

/**
 * The report's HTML: a heading, then each figure (drawn by plotly.js, interactive, animations included)
 * with a link to its PNG. No network: a Content-Security-Policy forbids every request.
 *
 * @param figures - the figures, in order.
 * @param plotly - plotly.js's source (see {@link minifiedPlotly}).
 * @param options - title, language, introduction.
 * @returns the HTML text.
 */
export function reportHtml(figures: readonly ReportFigure[], plotly: string, options: ReportOptions = {}): string {
  const title = options.title ?? "Lesson 2: figures";
  const sections = figures
    .map((f, i) => {
      // a figure with a title shows it itself; one without gets its name as a heading
      return `<section id="${escapeHtml(f.name)}">
${f.figure.title ? "" : `<h2>${escapeHtml(f.name)}</h2>\n`}<div class="figure" id="figure-${i}"></div>
<p class="links">${f.caption ? escapeHtml(f.caption) + " · " : ""}<a href="${escapeHtml(encodeURIComponent(f.name))}.png">${escapeHtml(f.name)}.png</a></p>
</section>`;
    })
    .join("\n");
  const specs = jsonForScript(figures.map((f) => f.figure.toJSON()));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob: 'self'; font-src data:">
<title>${escapeHtml(title)}</title>
<style>body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 960px; } h2 { font-size: 1.1em; margin-top: 2em; } .links { color: #555; font-size: 0.9em; }</style>
<script>${plotly}</script>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.intro ? `<p>${escapeHtml(options.intro)}</p>\n` : ""}${sections}
<script>
(function () {
  var specs = ${specs};
  specs.forEach(function (spec, i) {
    Plotly.newPlot("figure-" + i, { data: spec.data, layout: spec.layout, frames: spec.frames, config: { displaylogo: false } });
  });
})();
</script>
</body>
</html>
`;
}

/**
 * Writes the report: `index.html` (every figure, plotly.js once and minified) and one PNG per figure,
 * in `dir` (created with its parents).
 *
 * @param figures - the figures, in order; names must be unique file names.
 * @param dir - the output folder.
 * @param options - title, language, introduction.
 * @returns the paths written and their total size.
 * @throws Error on a repeated or unsafe name, or as {@link minifiedPlotly}.
 * @example
 * ```ts
 * const { html } = await writeReport([{ name: "dataset", figure: datasetScatter(X, Y) }], "out");
 * ```
 */
export async function writeReport(figures: readonly ReportFigure[], dir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const seen = new Set<string>();
  for (const f of figures) {
    if (!/^[A-Za-z0-9_-]+$/.test(f.name)) throw new ValueError(`report figure names are file names of letters, digits, "_" and "-": got ${JSON.stringify(f.name)}`);
    if (seen.has(f.name)) throw new ValueError(`two report figures are named ${JSON.stringify(f.name)}`);
    seen.add(f.name);
  }
  mkdirSync(dir, { recursive: true });
  const pngs = figures.map((f) => {
    const path = join(dir, `${f.name}.png`);
    savePng(f.figure, path);
    return path;
  });
  const html = join(dir, "index.html");
  writeFileSync(html, reportHtml(figures, await minifiedPlotly(), options));
  const bytes = [html, ...pngs].reduce((s, p) => s + statSync(p).size, 0);
  return { html, pngs, bytes };
}

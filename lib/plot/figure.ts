/**
 * The Figure object: plotly.js's `{ data, layout }` plus display in notebooks.
 * @module
 */
import { escapeHtml } from "./escape.js";

/** One plotly.js trace. The figures here use `scatter` (markers or lines) and `heatmap`. */
export interface Trace {
  type: "scatter" | "heatmap";
  [attribute: string]: unknown;
}

/** plotly.js layout attributes (title, axes `xaxis`, `xaxis2`, …, images, annotations, size). */
export type Layout = Record<string, unknown>;

/** A figure as plain JSON, exactly what `Plotly.newPlot(el, { data, layout, frames })` takes. */
export interface FigureSpec {
  data: Trace[];
  layout: Layout;
  /** Animation frames (plotly.js's `{ name, data, traces }`), if the figure is animated. */
  frames?: Record<string, unknown>[];
}

/** Jupyter MIME bundle: MIME type to data (strings; images base64; plotly JSON as an object). */
export type MimeBundle = Record<string, unknown>;

/** The symbol of the display protocol (also used by Deno's Jupyter kernel): `obj[JUPYTER_DISPLAY]()` returns a MIME bundle. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * Hook filled in by `display.ts`: turns a figure into its MIME bundle and shows it in a notebook.
 * (Kept as a hook so that this file does not import the renderers.)
 */
export const displayHooks: {
  bundle?: (fig: Figure) => MimeBundle;
  inspect?: (fig: Figure) => string | undefined;
} = {};

/**
 * A plotly.js figure. `fig.data` and `fig.layout` are plotly.js JSON; text in them is plotly's
 * pseudo-HTML, so the figure functions store user text escaped (`escapeHtml`).
 *
 * In a tslab notebook a figure that is a cell's last value displays itself (one output with
 * `application/vnd.plotly.v1+json`, `text/html`, `image/png` and `text/plain`); `fig[Symbol.for("Jupyter.display")]()`
 * returns that bundle for other kernels. `JSON.stringify(fig)` gives `{ data, layout }`.
 *
 * @example
 * ```ts
 * const fig = new Figure([{ type: "scatter", x: [1, 2], y: [3, 4] }], { title: { text: "two points" } });
 * await savePng(fig, "out/two.png");
 * ```
 */
export class Figure implements FigureSpec {
  /** The traces. */
  data: Trace[];
  /** The layout. */
  layout: Layout;
  /** Animation frames, for an animated figure (see `learningAnimation`); part of the JSON. */
  frames?: Record<string, unknown>[];
  /**
   * What static pictures (PNG, SVG) draw instead of the figure, when its interaction cannot be drawn:
   * an animation's frames as small multiples. Not part of the JSON.
   */
  staticFigure?: FigureSpec;

  /**
   * @param data - the traces.
   * @param layout - the layout.
   */
  constructor(data: Trace[], layout: Layout = {}) {
    this.data = data;
    this.layout = layout;
  }

  /** The plain JSON form `{ data, layout }` (what `JSON.stringify` writes). */
  toJSON(): FigureSpec {
    return this.frames ? { data: this.data, layout: this.layout, frames: this.frames } : { data: this.data, layout: this.layout };
  }

  /** The figure's title as plain text (entities decoded), or "" when it has none. */
  get title(): string {
    const t = this.layout.title as { text?: string } | string | undefined;
    const raw = typeof t === "string" ? t : t?.text ?? "";
    return plainText(raw);
  }

  /**
   * The Jupyter display protocol: the figure's MIME bundle.
   * @returns `{ "application/vnd.plotly.v1+json", "text/html", "image/png", "text/plain" }`; with only the
   *   `web` entry loaded (no PNG renderer: in a web page, or a Deno notebook that imports `dist/web.js`)
   *   the plotly JSON and the text.
   */
  [JUPYTER_DISPLAY](): MimeBundle {
    if (!displayHooks.bundle) return { "application/vnd.plotly.v1+json": this.toJSON(), "text/plain": this.describe() };
    return displayHooks.bundle(this);
  }

  /** Node's inspect hook: in a tslab notebook it displays the figure; elsewhere it describes it. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const shown = displayHooks.inspect?.(this);
    return shown ?? this.describe();
  }

  /** A one-line description: `Figure("title": 2 traces scatter, heatmap)`. */
  describe(): string {
    return `Figure(${JSON.stringify(this.title)}: ${this.data.length} trace${this.data.length === 1 ? "" : "s"} ${this.data.map((t) => t.type).join(", ")})`;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0", "#39": "'", "#x27": "'" };

/**
 * Reads plotly.js pseudo-HTML as plain text: `<br>` becomes a newline, other tags are dropped,
 * entities are decoded.
 *
 * @param text - plotly text such as `"a &lt; b<br>second line"`.
 * @returns `"a < b\nsecond line"`.
 */
export function plainText(text: string): string {
  return String(text)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith("#") ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : m));
}

/**
 * Puts user text into a figure: plotly.js reads text as pseudo-HTML, so the text is escaped and
 * always shows literally.
 *
 * @param text - user text (a title, label or trace name).
 * @returns the escaped text.
 */
export function userText(text: string): string {
  return escapeHtml(text);
}

/** Axis style close to matplotlib's default look: white background, a black frame, ticks outside. */
export function axisStyle(title?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const axis: Record<string, unknown> = {
    showline: true,
    linecolor: "#000000",
    linewidth: 1,
    mirror: true,
    ticks: "outside",
    showgrid: false,
    zeroline: false,
    automargin: true,
    ...extra,
  };
  if (title !== undefined) axis.title = { text: userText(title) };
  return axis;
}

/**
 * The base layout of the figures: size, margins, white background, title.
 *
 * @param title - the title (user text; escaped here), or undefined for none.
 * @param size - `{ width, height }` in CSS pixels.
 * @returns a layout object to extend.
 */
export function baseLayout(title: string | undefined, size: { width?: number; height?: number } = {}): Layout {
  const layout: Layout = {
    width: size.width ?? 700,
    height: size.height ?? 450,
    margin: { l: 60, r: 30, t: title ? 60 : 30, b: 55 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    font: { family: "DejaVu Sans, Arial, sans-serif", size: 12, color: "#000000" },
    showlegend: false,
  };
  if (title) layout.title = { text: userText(title), x: 0.5, xanchor: "center" };
  return layout;
}

/**
 * Shows the legend outside the plot area, right of it (plotly.js's default place), and widens the right
 * margin to fit the names, so that the legend covers no data in plotly.js and in the static picture.
 *
 * @param layout - the layout to change.
 * @param names - the legend's entries (user text).
 * @returns the same layout.
 */
export function legendRight(layout: Layout, names: readonly string[]): Layout {
  const longest = Math.max(0, ...names.map((n) => plainText(n).length));
  const width = Number(layout.width ?? 700);
  const margin = (layout.margin as Record<string, number> | undefined) ?? {};
  layout.showlegend = true;
  layout.legend = { x: 1.02, xanchor: "left", y: 1, yanchor: "top", bgcolor: "rgba(255,255,255,0)" };
  layout.margin = { ...margin, r: Math.ceil(Math.max(margin.r ?? 0, 0.02 * width + 55 + longest * 7.5)) };
  return layout;
}

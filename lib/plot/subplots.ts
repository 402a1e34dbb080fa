/**
 * Small multiples: several single-axes figures laid out in one grid.
 * @module
 */
import { Figure, baseLayout, type Layout, type Trace } from "./figure.js";
import { ValueError } from "../np/errors.js";

/** Options of {@link subplots}. */
export interface SubplotsOptions {
  /** Number of columns (default 2). */
  cols?: number;
  /** Overall title (user text, escaped). */
  title?: string;
  /** Size of one cell in CSS pixels (default 420 x 300). */
  cellWidth?: number;
  cellHeight?: number;
  /**
   * Gaps between cells as fractions of the plot area (default 0.08 across; down, room for a row's tick
   * labels, its x-axis titles if any and the next row's cell titles).
   */
  hgap?: number;
  vgap?: number;
}

function suffix(i: number): string {
  return i === 0 ? "" : String(i + 1);
}

/**
 * Lays out single-axes figures as small multiples: cell i gets axes `x{i+1}`/`y{i+1}`, each figure's
 * title becomes the cell's title, its traces, images and axis settings move along.
 *
 * @param figures - figures with one pair of axes each (`xaxis`, `yaxis`), e.g. from `decisionBoundary`.
 * @param options - columns, overall title, cell size.
 * @returns one figure holding all cells.
 * @throws Error when a figure uses a second pair of axes, or when there are no figures.
 * @example
 * ```ts
 * subplots([1, 2, 3].map((n) => decisionBoundary(models[n], X, Y, { title: `n_h = ${n}` })), { cols: 2 });
 * ```
 */
export function subplots(figures: readonly Figure[], options: SubplotsOptions = {}): Figure {
  if (figures.length === 0) throw new ValueError("subplots needs at least one figure");
  const cols = Math.max(1, Math.min(options.cols ?? 2, figures.length));
  const rows = Math.ceil(figures.length / cols);
  const cellW = options.cellWidth ?? 420;
  const cellH = options.cellHeight ?? 300;
  const hgap = options.hgap ?? 0.08;
  const layout: Layout = baseLayout(options.title, { width: cellW * cols, height: cellH * rows + (options.title ? 40 : 0) });
  layout.margin = { l: 50, r: 20, t: options.title ? 80 : 40, b: 40 };
  // tick labels (25 px), an x-axis title (25 px), a cell title (25 px), and air between them
  const xTitles = figures.some((f) => (f.layout.xaxis as { title?: unknown } | undefined)?.title !== undefined);
  const plotH = Number(layout.height) - 80 - (options.title ? 80 : 40);
  const vgap = options.vgap ?? (rows > 1 ? Math.max(0.09, (xTitles ? 85 : 60) / plotH) : 0);
  const annotations: Record<string, unknown>[] = [];
  const images: Record<string, unknown>[] = [];
  const data: Trace[] = [];
  const w = (1 - hgap * (cols - 1)) / cols;
  const hh = (1 - vgap * (rows - 1)) / rows;
  figures.forEach((fig, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const xd: [number, number] = [c * (w + hgap), c * (w + hgap) + w];
    const yTop = 1 - r * (hh + vgap);
    const yd: [number, number] = [yTop - hh, yTop];
    const sx = suffix(i);
    for (const key of Object.keys(fig.layout)) {
      if (/^[xy]axis\d+$/.test(key)) throw new ValueError(`subplots takes single-axes figures; figure ${i} has ${key}`);
    }
    layout["xaxis" + sx] = { ...(fig.layout.xaxis as object), domain: xd, anchor: "y" + sx };
    layout["yaxis" + sx] = { ...(fig.layout.yaxis as object), domain: yd, anchor: "x" + sx };
    for (const t of fig.data) data.push({ ...t, xaxis: "x" + sx, yaxis: "y" + sx });
    for (const img of (fig.layout.images as Record<string, unknown>[] | undefined) ?? []) {
      images.push({ ...img, xref: "x" + sx, yref: "y" + sx });
    }
    for (const a of (fig.layout.annotations as Record<string, unknown>[] | undefined) ?? []) {
      annotations.push({ ...a, xref: a.xref === "paper" ? "paper" : "x" + sx, yref: a.yref === "paper" ? "paper" : "y" + sx });
    }
    const title = (fig.layout.title as { text?: string } | undefined)?.text;
    if (title) {
      annotations.push({ text: title, xref: "paper", yref: "paper", x: (xd[0] + xd[1]) / 2, y: yd[1], xanchor: "center", yanchor: "bottom", showarrow: false, font: { size: 13 } });
    }
  });
  if (images.length) layout.images = images;
  if (annotations.length) layout.annotations = annotations;
  layout.showlegend = figures.some((f) => f.layout.showlegend === true);
  return new Figure(data, layout);
}

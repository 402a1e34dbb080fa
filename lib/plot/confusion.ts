/**
 * The confusion-matrix heatmap.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError, formatShape } from "../np/errors.js";
import { Figure, axisStyle, baseLayout, userText } from "./figure.js";

/** matplotlib's `Blues` (ColorBrewer's 9 classes), the usual confusion-matrix colours. */
export const BLUES_COLORSCALE: readonly [number, string][] = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"].map(
  (c, i) => [i / 8, c] as [number, string],
);

/**
 * A confusion matrix as a heatmap with the counts written in the cells, true labels down, predicted across
 * (scikit-learn's layout: `cm[i][j]` = samples of class i predicted as j).
 *
 * @param cm - a square matrix of counts: NDArray (k, k) or nested arrays.
 * @param options - class labels (default "0", "1", …), normalise rows to fractions, size, and the titles:
 *   title (default "Confusion matrix"), xlabel ("Predicted label"), ylabel ("True label").
 * @returns the figure.
 * @throws ValueError when the matrix is not square or not 2-D, or the labels do not fit it.
 * @example
 * ```ts
 * confusionMatrixFigure(confusionMatrix(Y, predictions), { labels: ["red", "blue"] });
 * ```
 */
export function confusionMatrixFigure(
  cm: NDArray | readonly (readonly number[])[],
  options: { labels?: readonly string[]; title?: string; xlabel?: string; ylabel?: string; normalize?: boolean; width?: number; height?: number } = {},
): Figure {
  let rows: number[][];
  if (cm instanceof NDArray) {
    if (cm.ndim !== 2 || cm.shape[0] !== cm.shape[1]) throw new ValueError(`confusion matrix must be square 2-D, got shape ${formatShape(cm.shape)}`);
    const k = cm.shape[0];
    const v = cm.values();
    rows = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Number(v[i * k + j])));
  } else {
    rows = cm.map((r) => r.map(Number));
    if (rows.some((r) => r.length !== rows.length)) throw new ValueError(`confusion matrix must be square, got ${rows.length} rows of lengths ${rows.map((r) => r.length).join(", ")}`);
  }
  const k = rows.length;
  if (options.labels && options.labels.length !== k) throw new ValueError(`${options.labels.length} labels for a confusion matrix of shape ${formatShape([k, k])}`);
  const labels = (options.labels ?? rows.map((_, i) => String(i))).map(userText);
  const z = options.normalize ? rows.map((r) => { const s = r.reduce((a, b) => a + b, 0); return r.map((v) => (s ? v / s : 0)); }) : rows;
  let zmax = 0;
  for (const r of z) for (const v of r) zmax = Math.max(zmax, v);
  const idx = rows.map((_, i) => i);
  const annotations = z.flatMap((r, i) =>
    r.map((v, j) => ({
      text: options.normalize ? v.toFixed(2) : String(v),
      x: j,
      y: i,
      xref: "x",
      yref: "y",
      showarrow: false,
      font: { size: 16, color: v > zmax / 2 ? "#ffffff" : "#000000" },
    })),
  );
  const layout = baseLayout(options.title ?? "Confusion matrix", { width: options.width ?? 460, height: options.height ?? 420 });
  layout.xaxis = axisStyle(options.xlabel ?? "Predicted label", { tickvals: idx, ticktext: labels, range: [-0.5, k - 0.5], ticks: "" });
  layout.yaxis = axisStyle(options.ylabel ?? "True label", { tickvals: idx, ticktext: labels, range: [k - 0.5, -0.5], ticks: "" });
  layout.annotations = annotations;
  return new Figure(
    [{ type: "heatmap", z, x: idx, y: idx, zmin: 0, zmax: zmax || 1, colorscale: BLUES_COLORSCALE.map(([p, c]) => [p, c]), showscale: false, hovertemplate: "true %{y}, predicted %{x}: %{z}<extra></extra>" }],
    layout,
  );
}

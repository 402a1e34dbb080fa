/**
 * The dataset scatter: points coloured by label with matplotlib's Spectral colours.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError, formatShape } from "../np/errors.js";
import { SPECTRAL_COLORSCALE } from "./colors.js";
import { Figure, axisStyle, baseLayout, type Trace } from "./figure.js";
import { encodeTyped, shapeOf, toFloat64, type Numbers } from "./typed.js";

/** Points in the lesson's layout: an NDArray of shape (2, m) (row 0 = x1, row 1 = x2), or `[x1s, x2s]`. */
export type Points = NDArray | readonly [Numbers, Numbers];

/**
 * Reads points in the lesson's (2, m) layout.
 *
 * @param X - an NDArray of shape (2, m) or a pair of equally long arrays.
 * @returns the two coordinate rows.
 * @throws ValueError when the shape is not (2, m); TypeError when X is neither an NDArray nor a pair.
 */
export function readPoints(X: Points): { x1: Float64Array; x2: Float64Array } {
  if (X instanceof NDArray) {
    if (X.ndim !== 2 || X.shape[0] !== 2) {
      throw new ValueError(`X must have shape (2, m) (one column per point, as in the lesson), got shape ${formatShape(X.shape)}`);
    }
    const v = toFloat64(X, "X");
    const m = X.shape[1];
    return { x1: v.slice(0, m), x2: v.slice(m) };
  }
  if (!Array.isArray(X) || X.length !== 2) throw new TypeError("X must be an NDArray of shape (2, m) or a pair [x1s, x2s]");
  const x1 = toFloat64(X[0], "X[0]");
  const x2 = toFloat64(X[1], "X[1]");
  if (x1.length !== x2.length) throw new ValueError(`X[0] and X[1] differ in length: ${x1.length} != ${x2.length}`);
  return { x1, x2 };
}

/**
 * Reads labels for m points (shape (1, m) or (m,)).
 *
 * @param Y - the labels.
 * @param m - the number of points.
 * @returns the labels.
 * @throws ValueError when the count differs from m.
 */
export function readLabels(Y: Numbers, m: number): Float64Array {
  const y = toFloat64(Y, "Y");
  if (y.length !== m) {
    throw new ValueError(`Y has ${y.length} labels (shape ${formatShape(shapeOf(Y))}) but X has ${m} points`);
  }
  return y;
}

/** Options of {@link datasetScatter} and the point layer of the boundary plots. */
export interface ScatterOptions {
  /** Title (user text, escaped). */
  title?: string;
  /** Marker diameter in pixels (matplotlib's `s=40` is about 7 px at plotly's scale). */
  markerSize?: number;
  /** Axis titles. */
  xlabel?: string;
  ylabel?: string;
  /** Figure size in CSS pixels. */
  width?: number;
  height?: number;
}

/** Labels as compact uint8 when they are small non-negative integers, else float64. */
function labels8(y: Float64Array) {
  return encodeTyped(y.every((v) => Number.isInteger(v) && v >= 0 && v < 256) ? Uint8Array.from(y) : y);
}

/**
 * The scatter trace of labelled points, as `plt.scatter(X[0, :], X[1, :], c=Y, cmap=plt.cm.Spectral)`:
 * the label is the marker colour, normalised over the labels' min and max onto Spectral. Coordinates are
 * stored as float32 (exact to 7 digits, half the size).
 *
 * @param X - points, shape (2, m).
 * @param Y - labels, shape (1, m) or (m,).
 * @param markerSize - marker diameter in pixels.
 * @returns a plotly.js scatter trace.
 */
export function labelledPointsTrace(X: Points, Y: Numbers, markerSize = 7): Trace {
  const { x1, x2 } = readPoints(X);
  const y = readLabels(Y, x1.length);
  let min = Infinity;
  let max = -Infinity;
  for (const v of y) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    type: "scatter",
    mode: "markers",
    x: encodeTyped(Float32Array.from(x1)),
    y: encodeTyped(Float32Array.from(x2)),
    marker: {
      color: labels8(y),
      colorscale: SPECTRAL_COLORSCALE.map(([p, c]) => [p, c]),
      cmin: y.length ? min : 0,
      cmax: y.length ? (max > min ? max : min + 1) : 1,
      size: markerSize,
      line: { width: 0 },
      showscale: false,
    },
    hovertemplate: "x1=%{x:.3f}<br>x2=%{y:.3f}<br>y=%{marker.color}<extra></extra>",
    showlegend: false,
  };
}

/**
 * The lesson's first picture: the flower dataset, points coloured by class with matplotlib's Spectral.
 *
 * Same as `plt.scatter(X[0, :], X[1, :], c=Y, s=40, cmap=plt.cm.Spectral)`.
 *
 * @param X - points, shape (2, m), e.g. `loadPlanarDataset().X`.
 * @param Y - labels 0/1, shape (1, m) or (m,).
 * @param options - title, marker size, axis labels, size.
 * @returns the figure.
 * @throws Error when X is not (2, m) or Y does not have m labels.
 * @example
 * ```ts
 * const { X, Y } = loadPlanarDataset();
 * datasetScatter(X, Y); // shows itself as a cell's last value
 * ```
 */
export function datasetScatter(X: Points, Y: Numbers, options: ScatterOptions = {}): Figure {
  const layout = baseLayout(options.title, options);
  layout.xaxis = axisStyle(options.xlabel);
  layout.yaxis = axisStyle(options.ylabel);
  return new Figure([labelledPointsTrace(X, Y, options.markerSize ?? 7)], layout);
}

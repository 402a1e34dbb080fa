/**
 * Decision-boundary plots: the model's class regions over a fine grid, the points on top.
 * @module
 */
import * as np from "../np/index.js";
import { NDArray } from "../np/ndarray.js";
import { allocateOutput } from "../np/dtype.js";
import { ValueError, formatShape } from "../np/errors.js";
import { parseColor, regionColor, spectral, toHex } from "./colors.js";
import { labelledPointsTrace, readPoints, type Points, type ScatterOptions } from "./dataset.js";
import { Figure, axisStyle, baseLayout } from "./figure.js";
import { encodePalettePng } from "./png.js";
import { toFloat64, type Numbers } from "./typed.js";

/** A model for the boundary plots: predicts a class for each row of an (n, 2) array of points. */
export type ClassPredictor = (points: NDArray) => Numbers;

/** The grid of the original `plot_decision_boundary`. */
export interface BoundaryGrid {
  /** x1 values of the grid columns: `np.arange(x_min, x_max, h)`. */
  xs: Float64Array;
  /** x2 values of the grid rows: `np.arange(y_min, y_max, h)`. */
  ys: Float64Array;
  /** `np.c_[xx.ravel(), yy.ravel()]`: shape (ys.length * xs.length, 2), x1 varying fastest. */
  points: NDArray;
}

/**
 * The grid of the lesson's `plot_decision_boundary`: from each coordinate's min - 1 to max + 1 with
 * step h, `xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))`, flattened to
 * `np.c_[xx.ravel(), yy.ravel()]`.
 *
 * @param X - points, shape (2, m).
 * @param h - grid spacing (default 0.01, as in the lesson).
 * @returns the grid axes and the (n, 2) points to classify.
 * @throws ValueError when X is empty or h is not positive.
 * @example
 * ```ts
 * const { xs, ys, points } = boundaryGrid(X); // on the flower data 1030 x 1008 columns x rows
 * ```
 */
export function boundaryGrid(X: Points, h = 0.01): BoundaryGrid {
  if (!(h > 0)) throw new ValueError(`h must be positive, got ${h}`);
  const { x1, x2 } = readPoints(X);
  if (x1.length === 0) throw new ValueError(`X has no points (shape ${formatShape([2, 0])}): nothing to draw a boundary around`);
  let [ax, bx, ay, by] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < x1.length; i++) {
    ax = Math.min(ax, x1[i]);
    bx = Math.max(bx, x1[i]);
    ay = Math.min(ay, x2[i]);
    by = Math.max(by, x2[i]);
  }
  // float64 even where every bound is whole (np.arange would make int64): the grid is of floats
  const xs = np.arange(ax - 1, bx + 1, h, "float64").values() as Float64Array;
  const ys = np.arange(ay - 1, by + 1, h, "float64").values() as Float64Array;
  // np.c_[xx.ravel(), yy.ravel()] in one pass, without making xx and yy (2 x 8 MB on the flower data).
  // Every element is written, so the storage need not be zero-filled first: with np's recycled output
  // storage and the row's y hoisted, 10-19 ms of CPU against 17-23 ms (one core, alternating, loaded machine)
  // for a zero-filled Float64Array; no faster for going through np.meshgrid and np.c_ (which make xx and yy)
  const data = allocateOutput("float64", xs.length * ys.length * 2) as Float64Array;
  let k = 0;
  for (let r = 0; r < ys.length; r++) {
    const y = ys[r];
    for (let c = 0; c < xs.length; c++, k += 2) {
      data[k] = xs[c];
      data[k + 1] = y;
    }
  }
  return { xs, ys, points: NDArray.fromData(data, [ys.length * xs.length, 2], "float64") };
}

/** Options of {@link decisionBoundary}. */
export interface BoundaryOptions extends ScatterOptions {
  /** Grid spacing (default 0.01). */
  h?: number;
  /** Marker diameter of the points (default 6). */
  markerSize?: number;
}

/**
 * Turns grid predictions into a PNG class map: one pixel per grid point, top row = largest x2.
 * Classes 0 and 1 get the colours of matplotlib's `contourf` regions; other integer classes get
 * Spectral over their range.
 *
 * @param Z - one prediction per grid point, row by row (x1 fastest), as `model(points)` returns them.
 * @param width - number of grid columns.
 * @param height - number of grid rows.
 * @returns the PNG bytes and the classes found.
 * @throws ValueError when a prediction is not an integer class or the count is wrong.
 */
export function classMapPng(Z: Float64Array, width: number, height: number): { png: Buffer; classes: number[] } {
  if (Z.length !== width * height) {
    throw new ValueError(`the model returned ${Z.length} predictions for the ${width * height} points of a grid of shape ${formatShape([height, width])}`);
  }
  const seen = new Set<number>();
  for (let i = 0; i < Z.length; i++) {
    const v = Z[i];
    if (!Number.isInteger(v)) throw new ValueError(`the model must predict integer classes, got ${v} at grid point ${i}`);
    seen.add(v);
  }
  const classes = [...seen].sort((a, b) => a - b);
  if (classes.length > 256) throw new ValueError(`too many classes for a class map: ${classes.length} (at most 256)`);
  const binary = classes.every((c) => c === 0 || c === 1);
  const lo = classes[0];
  const hi = classes[classes.length - 1];
  const palette = classes.map((c) => {
    const css = binary ? regionColor(c as 0 | 1) : toHex(spectral(hi > lo ? (c - lo) / (hi - lo) : 0));
    const [r, g, b] = parseColor(css);
    return [r, g, b] as [number, number, number];
  });
  const index = new Map(classes.map((c, i) => [c, i]));
  const pixels = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    const src = (height - 1 - r) * width;
    for (let c = 0; c < width; c++) pixels[r * width + c] = index.get(Z[src + c])!;
  }
  return { png: encodePalettePng(pixels, width, height, palette), classes };
}

/**
 * The lesson's `plot_decision_boundary(model, X, y)`: the model's class regions, filled in matplotlib's
 * Spectral contourf colours, under the points coloured by label.
 *
 * The regions are the model's predictions on the original grid (min - 1 to max + 1, step h = 0.01,
 * about a million points on the flower data). They are stored as one palette PNG, one pixel per grid
 * point, laid under the axes (`layout.images`): a few kilobytes instead of a million-value contour.
 *
 * @param model - predicts a class (0/1) for each row of an (n, 2) NDArray of points, e.g.
 *   `(pts) => predict(parameters, pts.T)` or `(pts) => clf.predict(pts)`.
 * @param X - points, shape (2, m).
 * @param Y - labels, shape (1, m) or (m,).
 * @param options - title (user text, escaped), h, axis labels (default "x1", "x2"), size.
 * @returns the figure.
 * @throws ValueError on bad shapes, or when the model returns the wrong number of predictions or non-integer classes.
 * @example
 * ```ts
 * decisionBoundary((pts) => predict(parameters, pts.T), X, Y, { title: "Decision Boundary for hidden layer size 4" });
 * ```
 */
export function decisionBoundary(model: ClassPredictor, X: Points, Y: Numbers, options: BoundaryOptions = {}): Figure {
  const h = options.h ?? 0.01;
  const { xs, ys, points } = boundaryGrid(X, h);
  const Z = toFloat64(model(points), "model(points)");
  const { png } = classMapPng(Z, xs.length, ys.length);
  const x0 = xs[0];
  const x1 = xs[xs.length - 1];
  const y0 = ys[0];
  const y1 = ys[ys.length - 1];
  const layout = baseLayout(options.title, options);
  layout.xaxis = axisStyle(options.xlabel ?? "x1", { range: [x0, x1] });
  layout.yaxis = axisStyle(options.ylabel ?? "x2", { range: [y0, y1] });
  layout.images = [
    {
      source: "data:image/png;base64," + png.toString("base64"),
      xref: "x",
      yref: "y",
      x: x0 - h / 2,
      y: y1 + h / 2,
      sizex: xs.length * h,
      sizey: ys.length * h,
      sizing: "stretch",
      xanchor: "left",
      yanchor: "top",
      layer: "below",
    },
  ];
  return new Figure([labelledPointsTrace(X, Y, options.markerSize ?? 6)], layout);
}

/** A fitted classifier with scikit-learn's `predict` on (samples, features). */
export interface Classifier {
  predict(X: NDArray): Numbers;
}

/**
 * The logistic-regression boundary of the lesson: `plot_decision_boundary(lambda x: clf.predict(x), X, Y)`
 * with the title "Логистическая регрессия" unless another is given.
 *
 * @param clf - a fitted classifier whose `predict` takes (n, 2) points (e.g. the lesson's `LogisticRegression`).
 * @param X - points, shape (2, m).
 * @param Y - labels, shape (1, m) or (m,).
 * @param options - as {@link decisionBoundary}.
 * @returns the figure.
 * @throws as {@link decisionBoundary}.
 */
export function logisticRegressionBoundary(clf: Classifier, X: Points, Y: Numbers, options: BoundaryOptions = {}): Figure {
  return decisionBoundary((pts) => clf.predict(pts), X, Y, { title: "Логистическая регрессия", ...options });
}

/**
 * The hidden-layer-size sweep as small multiples of decision boundaries.
 * @module
 */
import { decisionBoundary, type ClassPredictor } from "./boundary.js";
import type { Points } from "./dataset.js";
import type { Figure } from "./figure.js";
import { subplots } from "./subplots.js";
import type { Numbers } from "./typed.js";
import { ValueError } from "../np/errors.js";

/** One trained model of the sweep. */
export interface SweepResult {
  /** The hidden layer size n_h. */
  hiddenSize: number;
  /** Predicts a class for each row of an (n, 2) array of points. */
  predict: ClassPredictor;
  /** Accuracy in percent, shown in the cell title when given. */
  accuracy?: number;
}

/**
 * The sweep over hidden-layer sizes (1, 2, 3, 4, 5, 20, 50 in the lesson's best-known version): one
 * decision boundary per size, titled "Hidden Layer of size n_h" (and the accuracy when given).
 *
 * @param results - one entry per hidden size.
 * @param X - points, shape (2, m).
 * @param Y - labels, shape (1, m) or (m,).
 * @param options - columns (default 2), grid spacing h (default 0.01), the labels: overall title (default
 *   "Decision boundary by hidden layer size") and `cellTitle(result)` (default "Hidden Layer of size n_h, accuracy a %").
 * @returns the figure.
 * @throws Error when results is empty, or as `decisionBoundary`.
 * @example
 * ```ts
 * hiddenSizeSweep(sizes.map((n) => ({ hiddenSize: n, predict: (pts) => predict(models[n], pts.T) })), X, Y);
 * ```
 */
export function hiddenSizeSweep(
  results: readonly SweepResult[],
  X: Points,
  Y: Numbers,
  options: { cols?: number; h?: number; title?: string; cellTitle?: (result: SweepResult) => string } = {},
): Figure {
  if (results.length === 0) throw new ValueError("hiddenSizeSweep needs at least one result");
  const cells = results.map((r) =>
    decisionBoundary(r.predict, X, Y, {
      h: options.h,
      markerSize: 4,
      title: options.cellTitle
        ? options.cellTitle(r)
        : `Hidden Layer of size ${r.hiddenSize}` + (r.accuracy === undefined ? "" : `, accuracy ${r.accuracy.toFixed(2)} %`),
    }),
  );
  return subplots(cells, { cols: options.cols ?? 2, title: options.title ?? "Decision boundary by hidden layer size" });
}

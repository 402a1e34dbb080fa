/**
 * The hidden-layer-size sweep of the best-known version of this lesson: the network trained with
 * 1, 2, 3, 4, 5, 20 and 50 hidden units on the same data, and its training accuracy for each.
 * @module
 */
import type { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";
import type { Parameters } from "./network.js";
import { type GradientKind, accuracyPercent, nnModel, predict } from "./train.js";
import { checkOptions } from "./validate.js";

/** The sizes the original sweeps. */
export const HIDDEN_LAYER_SIZES: readonly number[] = [1, 2, 3, 4, 5, 20, 50];

/** One row of {@link hiddenSizeSweep}. */
export interface SweepRow {
  /** Hidden units. */
  nH: number;
  /** Training accuracy, in percent. */
  accuracyPercent: number;
  /** The trained parameters (for plotting each decision boundary). */
  parameters: Parameters;
}

/**
 * Trains one network per hidden-layer size and tabulates the training accuracy
 * ("Accuracy for 4 hidden units: 90.75 %").
 *
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param options.sizes - the hidden sizes (default 1, 2, 3, 4, 5, 20, 50)
 * @param options.numIterations - iterations per network (default 5000, as the original sweep)
 * @param options.gradient - "true" (default) or "as-written"
 * @returns one row per size: `{ nH, accuracyPercent, parameters }`
 * @throws ValueError on bad data or a size that is not a positive integer; TypeError on an unknown option
 */
export function hiddenSizeSweep(
  X: NDArray,
  Y: NDArray,
  options: { sizes?: readonly number[]; numIterations?: number; gradient?: GradientKind } = {},
): SweepRow[] {
  checkOptions(options, ["sizes", "numIterations", "gradient"], "hiddenSizeSweep");
  const sizes = options.sizes ?? HIDDEN_LAYER_SIZES;
  for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new ValueError(`hidden sizes must be positive integers, got ${s}`);
  return sizes.map((nH) => {
    const parameters = nnModel(X, Y, nH, { numIterations: options.numIterations ?? 5000, gradient: options.gradient });
    return { nH, accuracyPercent: accuracyPercent(Y, predict(parameters, X)), parameters };
  });
}

/** The original's line for one row: "Accuracy for 4 hidden units: 90.75 %". */
export function sweepLine(row: SweepRow): string {
  return `Accuracy for ${row.nH} hidden units: ${pythonFloat(row.accuracyPercent)} %`;
}

/** Python's str() of a float for the values a percentage of 400 takes (90.0, 90.75). */
function pythonFloat(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

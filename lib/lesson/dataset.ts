/**
 * The lesson's flower dataset (In[1]): two classes of 200 points each on the petals of a
 * four-petal rose r = 4 sin(4t), with noise. Not linearly separable, so logistic regression
 * scores 47 % on it and the 2-layer network about 90 %.
 * @module
 */
import * as np from "../np/index.js";
import type { NDArray } from "../np/ndarray.js";

/** The flower data: `X` (2, 400) float64 coordinates, `Y` (1, 400) uint8 labels (0 red, 1 blue). */
export interface PlanarDataset {
  /** Coordinates x1 (row 0) and x2 (row 1) of each example, shape (2, m). */
  X: NDArray;
  /** The label of each example, 0 or 1, shape (1, m), uint8. */
  Y: NDArray;
}

/**
 * The lesson's `load_planar_dataset()`, line for line on `np`: seeds numpy's global generator
 * with 1 and draws the same numbers, so `X` equals numpy's to within 1e-13.
 *
 * For class j = 0, 1 (200 points each) the angles are t = linspace(3.12 j, 3.12 (j+1), 200) + 0.2·noise,
 * the radii r = 4 sin(4t) + 0.2·noise, and the points (r sin t, r cos t).
 *
 * @returns `{ X, Y }`: X of shape (2, 400) float64, Y of shape (1, 400) uint8
 * @example
 * const { X, Y } = loadPlanarDataset();
 * X.shape; // [2, 400]
 */
export function loadPlanarDataset(): PlanarDataset {
  np.random.seed(1);
  const m = 400; // number of examples
  const N = m / 2; // number of points per class
  const a = 4; // maximum ray of the flower
  const blocksX: NDArray[] = [];
  const blocksY: NDArray[] = [];
  for (let j = 0; j < 2; j++) {
    const t = np.add(np.linspace(j * 3.12, (j + 1) * 3.12, N), np.multiply(np.random.randn(N), 0.2)); // theta
    const r = np.add(np.multiply(a, np.sin(np.multiply(4, t))), np.multiply(np.random.randn(N), 0.2)); // radius
    blocksX.push(np.c_(np.multiply(r, np.sin(t)), np.multiply(r, np.cos(t)))); // X[ix] = np.c_[...]
    blocksY.push(np.full([N, 1], j, "uint8")); // Y[ix] = j
  }
  const X = np.concatenate(blocksX, { axis: 0 }); // (m, 2): one example per row
  const Y = np.concatenate(blocksY, { axis: 0 }); // (m, 1)
  return { X: X.T.copy(), Y: Y.T.copy() };
}

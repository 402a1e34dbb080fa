/**
 * The extra datasets of the best-known version of this lesson (deeplearning.ai's
 * `planar_utils.load_extra_datasets`): noisy circles, noisy moons, blobs, gaussian quantiles and
 * "no structure", 200 points each, made by scikit-learn's generators. Here they are generated
 * with the same algorithms on `np.random.RandomState`, from fixed seeds, so they equal
 * scikit-learn's output for `random_state=np.random.RandomState(seed)` (blobs: `random_state=5`,
 * as the original).
 * @module
 */
import * as np from "../np/index.js";
import { NDArray } from "../np/ndarray.js";
import { RandomState } from "../np/random/random-state.js";
import { LogisticRegression } from "./logistic-regression.js";
import { nnModel, predict, accuracyPercent } from "./train.js";
import type { PlanarDataset } from "./dataset.js";

/** The names of the extra datasets, in the original's order. */
export const EXTRA_DATASETS = ["noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure"] as const;
/** One extra dataset's name. */
export type ExtraDatasetName = (typeof EXTRA_DATASETS)[number];

/** Rows of a (n, 2) sample matrix and labels, permuted as scikit-learn's `utils.shuffle`. */
function shuffleRows(X: Float64Array, y: Float64Array, rng: RandomState): [Float64Array, Float64Array] {
  const n = y.length;
  const idx = np.arange(n);
  rng.shuffle(idx);
  const order = idx.values();
  const Xs = new Float64Array(2 * n), ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    Xs[2 * i] = X[2 * order[i]];
    Xs[2 * i + 1] = X[2 * order[i] + 1];
    ys[i] = y[order[i]];
  }
  return [Xs, ys];
}

/** Adds normal noise of standard deviation `scale` to every coordinate, in C order. */
function addNoise(X: Float64Array, scale: number, rng: RandomState): void {
  const g = rng.normal(0, scale, [X.length / 2, 2]).values();
  for (let i = 0; i < X.length; i++) X[i] += g[i];
}

/** As the lesson's layout: X (2, n) from rows (n, 2), Y (1, n) uint8. */
function asLesson(X: Float64Array, y: Float64Array): PlanarDataset {
  const n = y.length;
  return {
    X: NDArray.fromData(X, [n, 2], "float64").T.copy(),
    Y: NDArray.fromData(Uint8Array.from(y), [1, n], "uint8"),
  };
}

/** Points on two circles (outer, then inner scaled by `factor`), as `sklearn.datasets.make_circles`. */
function makeCircles(n: number, factor: number, noise: number, rng: RandomState): [Float64Array, Float64Array] {
  const nOut = Math.floor(n / 2), nIn = n - nOut;
  const tOut = np.linspace(0, 2 * Math.PI, nOut, { endpoint: false }).values();
  const tIn = np.linspace(0, 2 * Math.PI, nIn, { endpoint: false }).values();
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  for (let i = 0; i < nOut; i++) [X[2 * i], X[2 * i + 1]] = [Math.cos(tOut[i]), Math.sin(tOut[i])];
  for (let i = 0; i < nIn; i++) {
    X[2 * (nOut + i)] = Math.cos(tIn[i]) * factor;
    X[2 * (nOut + i) + 1] = Math.sin(tIn[i]) * factor;
    y[nOut + i] = 1;
  }
  const [Xs, ys] = shuffleRows(X, y, rng);
  addNoise(Xs, noise, rng);
  return [Xs, ys];
}

/** Two interleaving half circles, as `sklearn.datasets.make_moons`. */
function makeMoons(n: number, noise: number, rng: RandomState): [Float64Array, Float64Array] {
  const nOut = Math.floor(n / 2), nIn = n - nOut;
  const tOut = np.linspace(0, Math.PI, nOut).values();
  const tIn = np.linspace(0, Math.PI, nIn).values();
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  for (let i = 0; i < nOut; i++) [X[2 * i], X[2 * i + 1]] = [Math.cos(tOut[i]), Math.sin(tOut[i])];
  for (let i = 0; i < nIn; i++) {
    X[2 * (nOut + i)] = 1 - Math.cos(tIn[i]);
    X[2 * (nOut + i) + 1] = 1 - Math.sin(tIn[i]) - 0.5;
    y[nOut + i] = 1;
  }
  const [Xs, ys] = shuffleRows(X, y, rng);
  addNoise(Xs, noise, rng);
  return [Xs, ys];
}

/** Gaussian blobs around `centers` random centres in [-10, 10)², as `sklearn.datasets.make_blobs`. */
function makeBlobs(n: number, centers: number, rng: RandomState): [Float64Array, Float64Array] {
  const c = rng.uniform(-10, 10, [centers, 2]).values();
  const per = Array.from({ length: centers }, (_, i) => Math.floor(n / centers) + (i < n % centers ? 1 : 0));
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  let row = 0;
  per.forEach((count, i) => {
    const g = rng.normal(0, 1, [count, 2]).values(); // normal(loc=centers[i], scale=1) = centre + gauss
    for (let r = 0; r < count; r++, row++) {
      X[2 * row] = c[2 * i] + 1 * g[2 * r];
      X[2 * row + 1] = c[2 * i + 1] + 1 * g[2 * r + 1];
      y[row] = i;
    }
  });
  return shuffleRows(X, y, rng);
}

/** Two classes split at the median distance from 0 of a normal cloud, as `make_gaussian_quantiles`. */
function makeGaussianQuantiles(n: number, cov: number, rng: RandomState): [Float64Array, Float64Array] {
  // multivariate_normal(0, cov·I): standard normals times sqrt(cov) (numpy's SVD of cov·I is exact)
  const g = rng.randn(n, 2).values();
  const s = Math.sqrt(cov);
  const pts = Array.from({ length: n }, (_, i) => [g[2 * i] * s, g[2 * i + 1] * s]);
  const order = pts.map((p, i) => ({ i, d: p[0] ** 2 + p[1] ** 2 })).sort((a, b) => a.d - b.d || a.i - b.i);
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  const step = Math.floor(n / 2);
  order.forEach(({ i }, r) => {
    X[2 * r] = pts[i][0];
    X[2 * r + 1] = pts[i][1];
    y[r] = r < step ? 0 : 1;
  });
  return shuffleRows(X, y, rng);
}

/**
 * The five extra datasets with fixed seeds, each in the lesson's layout (X (2, 200), Y (1, 200)).
 * One `RandomState(seed)` feeds circles, moons, gaussian quantiles and no-structure in that order;
 * blobs use `random_state=5` and are made binary with `Y % 2`, as the original. "No structure" is
 * uniform points with labels from a second, independent uniform draw (the original returns that
 * draw itself, which is not a label vector).
 *
 * @param seed - the seed of the shared generator (default 1)
 * @returns a record of the five datasets by name
 * @example loadExtraDatasets().noisy_moons.X.shape // [2, 200]
 */
export function loadExtraDatasets(seed = 1): Record<ExtraDatasetName, PlanarDataset> {
  const N = 200;
  const rng = new RandomState(seed);
  const circles = makeCircles(N, 0.5, 0.3, rng);
  const moons = makeMoons(N, 0.2, rng);
  const [bx, by] = makeBlobs(N, 6, new RandomState(5));
  const quantiles = makeGaussianQuantiles(N, 0.5, rng);
  const a = Float64Array.from(rng.rand(N, 2).values());
  const b = rng.rand(N, 2).values();
  const noLabels = Float64Array.from({ length: N }, (_, i) => (b[2 * i] > 0.5 ? 1 : 0));
  return {
    noisy_circles: asLesson(...circles),
    noisy_moons: asLesson(...moons),
    blobs: asLesson(bx, by.map((v) => v % 2)),
    gaussian_quantiles: asLesson(...quantiles),
    no_structure: asLesson(a, noLabels),
  };
}

/** One row of {@link extraDatasetsTable}. */
export interface ExtraDatasetRow {
  /** The dataset's name. */
  dataset: ExtraDatasetName;
  /** Number of examples. */
  m: number;
  /** Logistic regression's accuracy on the training data, in percent. */
  logisticRegressionPercent: number;
  /** The 2-layer network's accuracy on the training data, in percent. */
  networkPercent: number;
}

/**
 * Trains logistic regression and the network on each extra dataset and tabulates the accuracies.
 *
 * @param options.seed - the datasets' seed (default 1)
 * @param options.nH - hidden units (default 4)
 * @param options.numIterations - gradient-descent iterations (default 10000)
 * @param options.gradient - "true" (default) or "as-written"
 * @returns one row per dataset, in the original's order
 * @throws ValueError on bad options
 */
export function extraDatasetsTable(
  options: { seed?: number; nH?: number; numIterations?: number; gradient?: "true" | "as-written" } = {},
): ExtraDatasetRow[] {
  const data = loadExtraDatasets(options.seed ?? 1);
  return EXTRA_DATASETS.map((name) => {
    const { X, Y } = data[name];
    const clf = new LogisticRegression().fit(X.T, Y.ravel());
    const lr = NDArray.fromData(Float64Array.from(clf.predict(X.T).values()), [1, Y.size], "int64");
    const p = nnModel(X, Y, options.nH ?? 4, { numIterations: options.numIterations ?? 10000, gradient: options.gradient });
    return {
      dataset: name,
      m: Y.size,
      logisticRegressionPercent: accuracyPercent(Y, lr),
      networkPercent: accuracyPercent(Y, predict(p, X)),
    };
  });
}

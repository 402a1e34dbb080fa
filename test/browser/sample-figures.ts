/**
 * The figures the plot tests draw: every figure kind, on the lesson's flower data from
 * test/fixtures/plot.json (made by scripts/fixtures/plot.py with numpy), with simple fixed models.
 */
import { readFileSync } from "node:fs";
import { NDArray } from "../../lib/np/ndarray.js";
import {
  activationsFigure,
  confusionMatrixFigure,
  costCurves,
  datasetScatter,
  decisionBoundary,
  hiddenSizeSweep,
  learningAnimation,
  learningRateSchedules,
  logisticRegressionBoundary,
  type Figure,
} from "../../lib/plot/index.js";

export const fixture = JSON.parse(readFileSync(new URL("../fixtures/plot.json", import.meta.url), "utf8"));

/** The flower data: X (2, 400), Y (1, 400). */
export const X = NDArray.fromData(Float64Array.from((fixture.X as number[][]).flat()), [2, 400], "float64");
export const Y = NDArray.fromData(Uint8Array.from((fixture.Y as number[][]).flat()), [1, 400], "uint8");

/** A fixed "model": class 1 where |x1| > |x2| (predicts for each row of an (n, 2) array). */
export function wedgeModel(k = 1): (pts: NDArray) => Uint8Array {
  return (pts) => {
    const v = pts.values();
    const out = new Uint8Array(pts.shape[0]);
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(v[2 * i]) > k * Math.abs(v[2 * i + 1]) ? 1 : 0;
    return out;
  };
}

/** A linear classifier with scikit-learn's predict on (n, 2) rows. */
export const linear = {
  predict(pts: NDArray): Uint8Array {
    const v = pts.values();
    const out = new Uint8Array(pts.shape[0]);
    for (let i = 0; i < out.length; i++) out[i] = 0.15 * v[2 * i] - v[2 * i + 1] + 0.1 > 0 ? 1 : 0;
    return out;
  },
};

const tanh = (z: NDArray) => Float64Array.from(z.values() as Float64Array, Math.tanh);
const sigmoid = (z: NDArray) => Float64Array.from(z.values() as Float64Array, (v) => 1 / (1 + Math.exp(-v)));

/** One figure of each kind, named for the file it is saved to. */
export function sampleFigures(): Record<string, Figure> {
  const costs = Array.from({ length: 100 }, (_, i) => 0.7 * Math.exp(-i / 20) + 0.2);
  return {
    dataset: datasetScatter(X, Y),
    logistic: logisticRegressionBoundary(linear, X, Y),
    boundary: decisionBoundary(wedgeModel(), X, Y, { title: "Decision Boundary for hidden layer size 4" }),
    activations: activationsFigure([
      { name: "tanh", f: tanh, df: (z) => tanh(z).map((a) => 1 - a * a) },
      { name: "sigmoid", f: sigmoid, df: (z) => sigmoid(z).map((a) => a * (1 - a)) },
      { name: "ReLU", f: (z) => (z.values() as Float64Array).map((v) => Math.max(0, v)), df: (z) => (z.values() as Float64Array).map((v) => (v > 0 ? 1 : 0)) },
      { name: "softplus", f: (z) => (z.values() as Float64Array).map((v) => Math.log1p(Math.exp(v))), df: sigmoid },
    ]),
    costs: costCurves([
      { name: "as written", costs, every: 100 },
      { name: "true gradient", costs: costs.map((c) => c * 0.9), every: 100 },
    ], { logY: true }),
    costsWide: costCurves([
      { name: "as written", costs: costs.map((c) => (c - 0.19) ** 2), every: 100 },
      { name: "true gradient", costs: costs.map((c) => (c - 0.15) ** 2), every: 100 },
    ], { logY: true, title: "Cost over several decades" }),
    schedules: learningRateSchedules([
      { name: "constant", alpha: () => 1.2 },
      { name: "step", alpha: (n) => 1.2 * Math.pow(0.5, Math.floor(n / 2500)) },
      { name: "exponential", alpha: (n) => 1.2 * Math.exp(-n / 4000) },
      { name: "inverse-time", alpha: (n) => 1.2 / (1 + n / 1000) },
      { name: "cosine", alpha: (n) => 0.6 * (1 + Math.cos((Math.PI * n) / 10000)) },
    ]),
    confusion: confusionMatrixFigure([[180, 20], [14, 186]], { labels: ["red (0)", "blue (1)"] }),
    animation: learningAnimation(X, Y, { numIterations: 1000, every: 250 }),
    sweep: hiddenSizeSweep([1, 2, 3, 4, 5, 20, 50].map((n, i) => ({ hiddenSize: n, predict: wedgeModel(0.5 + i * 0.25), accuracy: 60 + i * 4 })), X, Y, { h: 0.02 }),
  };
}

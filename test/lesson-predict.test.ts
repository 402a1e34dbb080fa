/**
 * predict's fused loops (lib/lesson/predict.ts) against the lesson's two lines on `np`
 * (`implementation: "np"`), point for point: on the whole decision-boundary grid with the lesson's
 * trained parameters (numpy's, from test/fixtures/lesson.json), near the boundary, split into
 * ranges, and with non-finite input; and the tanh table's error bound that the sign filter rests on.
 */
import test from "ava";
import * as np from "../lib/np/index.js";
import { NDArray } from "../lib/np/ndarray.js";
import { tanh as ftanh } from "../lib/np/fastmath.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { predict } from "../lib/lesson/train.js";
import { TANH_TABLE_ERROR, predictJob, predictRange, tableTanh } from "../lib/lesson/predict.js";
import { tanhActivation, reluActivation } from "../lib/lesson/activations.js";
import type { Parameters } from "../lib/lesson/network.js";
import { lessonFixture as fx, arr, parameters } from "./support/fixtures.js";

const { X } = loadPlanarDataset();

/** The lesson's grid, `np.c_[xx.ravel(), yy.ravel()].T` (h = 0.01: 1008 x 1030 points). */
function grid(h = 0.01): NDArray {
  const x1 = X.slice(0, null), x2 = X.slice(1, null);
  const [xx, yy] = np.meshgrid(np.arange(x1.min() - 1, x1.max() + 1, h), np.arange(x2.min() - 1, x2.max() + 1, h));
  return np.c_(xx.ravel(), yy.ravel()).T;
}

/** The indices where two 0/1 prediction arrays differ. */
function differences(a: NDArray, b: NDArray): number[] {
  const u = a.values(), v = b.values();
  const out: number[] = [];
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) out.push(i);
  return out;
}

test("the tanh table stays within TANH_TABLE_ERROR of fastmath's tanh (nodes, midpoints, the ends, 300,000 random z's)", (t) => {
  let worst = 0;
  const check = (z: number) => {
    worst = Math.max(worst, Math.abs(tableTanh(z) - ftanh(z)));
  };
  for (let j = 0; j <= 1024; j++) {
    const node = j / 64 - 8;
    for (const d of [0, 1e-12, -1e-12, 1 / 128, -1 / 128]) check(node + d); // midpoints: where interpolation errs most
  }
  for (const z of [-1e308, -30, -8.001, 8.001, 30, 1e308, Infinity, -Infinity, 0, -0]) check(z);
  const rs = new np.random.RandomState(7);
  for (const v of rs.uniform(-12, 12, 300_000).values()) check(v);
  t.true(worst <= TANH_TABLE_ERROR, `worst ${worst}`);
  t.true(worst > TANH_TABLE_ERROR / 2, `the bound is tight enough to be checked: worst ${worst}`); // not vacuous
});

test("predict on the whole decision-boundary grid equals the np version point for point, with numpy's count of ones", (t) => {
  const P = grid();
  for (const key of ["nn_as_written", "nn_true_gradient"]) {
    const p = parameters(fx[key].parameters);
    const fused = predict(p, P);
    t.deepEqual(differences(fused, predict(p, P, 0.5, { implementation: "np" })), [], key);
    t.is(fused.sum(), fx[key].grid.ones, key);
  }
});

test("predict's other loops (threshold 0.3, relu) and a reversed view equal the np version on the grid at h = 0.05", (t) => {
  const P = grid(0.05);
  const p = parameters(fx.nn_as_written.parameters);
  t.deepEqual(differences(predict(p, P, 0.3), predict(p, P, 0.3, { implementation: "np" })), []);
  const reversed = P.slice(":, ::-1"); // negative strides: the blocks' bounding boxes read through them too
  t.deepEqual(differences(predict(p, reversed), predict(p, reversed, 0.5, { implementation: "np" })), []);
  const o = { activation: reluActivation };
  t.deepEqual(differences(predict(p, P, 0.5, o), predict(p, P, 0.5, { ...o, implementation: "np" })), []);
});

test("predict equals the np version at points within 1e-9 of the boundary, where the sign filter must leave them to the exact loop", (t) => {
  const p = parameters(fx.nn_as_written.parameters);
  // along a segment across the boundary, bisect to where the prediction flips, then take points around it
  const at = (s: number) => arr([[-2 + 4 * s], [1 - 2 * s]]);
  const flips: number[] = [];
  let prev = predict(p, at(0)).item();
  for (let k = 1; k <= 200; k++) {
    const cur = predict(p, at(k / 200)).item();
    if (cur !== prev) {
      let [lo, hi] = [(k - 1) / 200, k / 200];
      for (let b = 0; b < 60; b++) {
        const mid = (lo + hi) / 2;
        if (predict(p, at(mid)).item() === prev) lo = mid;
        else hi = mid;
      }
      flips.push(lo);
    }
    prev = cur;
  }
  t.true(flips.length > 0, "the segment crosses the boundary");
  const s: number[] = [];
  for (const f of flips) for (let d = -1e-9; d <= 1e-9; d += 1e-11) s.push(f + d);
  const pts = np.array([s.map((v) => -2 + 4 * v), s.map((v) => 1 - 2 * v)]);
  const fused = predict(p, pts);
  t.deepEqual(differences(fused, predict(p, pts, 0.5, { implementation: "np" })), []);
  const ones = fused.sum();
  t.true(ones > 0 && ones < s.length, `both classes among the points: ${ones} of ${s.length}`);
});

test("predictRange over several ranges gives what one range gives (the split a worker pool would make)", (t) => {
  const P = grid(0.05);
  const p = parameters(fx.nn_true_gradient.parameters);
  const m = P.shape[1];
  for (const threshold of [0.5, 0.7]) {
    const whole = new Float64Array(m);
    predictRange(predictJob(p, P, threshold, tanhActivation, whole), 0, m);
    const split = new Float64Array(m);
    const job = predictJob(p, P, threshold, tanhActivation, split);
    for (const [a, b] of [[0, 1], [1, 1000], [1000, 1001], [1001, 2048], [2048, m]]) predictRange(job, a, b);
    t.deepEqual(Array.from(split), Array.from(whole));
    t.deepEqual(Array.from(whole), Array.from(predict(p, P, threshold, { implementation: "np" }).values()));
  }
});

test("predict names NaN or infinity in X from either loop, and agrees with the np version where W1·x + b1 overflows", (t) => {
  const p = parameters(fx.nn_as_written.parameters);
  for (const threshold of [0.5, 0.4]) {
    t.throws(() => predict(p, arr([[0, 1, 2], [0, Infinity, 1]]), threshold), { message: "Input X contains infinity (Infinity at flat index 4)." });
    t.throws(() => predict(p, arr([[0, NaN], [0, 1]]), threshold), { message: "Input X contains NaN (at flat index 1)." });
  }
  const huge: Parameters = { W1: arr([[1e308, 1e308], [-1, 2]]), b1: arr([[0], [0]]), W2: arr([[1, -3]]), b2: arr([[0.5]]) };
  const pts = arr([[1e10, -1e10, 1, 0.5], [1e10, -1e9, 1, -0.25]]);
  t.deepEqual(predict(huge, pts).tolist(), predict(huge, pts, 0.5, { implementation: "np" }).tolist());
});

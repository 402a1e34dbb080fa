/** nnModel and predict against numpy (test/fixtures/lesson.json), and the fused loops against the np version. */
import test from "ava";
import * as np from "../lib/np/index.js";
import { NDArray } from "../lib/np/ndarray.js";
import { ValueError } from "../lib/np/errors.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { accuracyPercent, costLine, nnModel, predict } from "../lib/lesson/train.js";
import { stepSchedule, constantSchedule } from "../lib/lesson/schedules.js";
import type { Parameters } from "../lib/lesson/network.js";
import { lessonFixture as fx, arr, maxDiff, parameters } from "./support/fixtures.js";

const { X, Y } = loadPlanarDataset();
const KEYS = ["W1", "b1", "W2", "b2"] as const;

for (const [gradient, key] of [["as-written", "nn_as_written"], ["true", "nn_true_gradient"]] as const) {
  test(`nnModel(X, Y, 4, { gradient: "${gradient}", printCost: true }) prints numpy's ten lines and reaches its parameters`, (t) => {
    const lines: string[] = [];
    const p = nnModel(X, Y, 4, { numIterations: 10000, printCost: true, gradient, print: (l) => lines.push(l) });
    t.deepEqual(lines, fx[key].printed);
    for (const k of KEYS) {
      t.deepEqual(p[k].shape, arr(fx[key].parameters[k]).shape, `${k} shape`);
      t.true(maxDiff(p[k], fx[key].parameters[k]) < 1e-11, `${k}: ${maxDiff(p[k], fx[key].parameters[k])}`);
    }
    const P = predict(p, X);
    t.is(P.dtype, "int64");
    t.deepEqual(P.shape, [1, 400]);
    t.is(maxDiff(P, fx[key].predictions), 0);
    t.is(accuracyPercent(Y, P), fx[key].accuracy_pct);
  });
}

test("nnModel as written keeps one shared b1 for every hidden unit, as numpy's run", (t) => {
  const p = nnModel(X, Y, 4, { numIterations: 50, gradient: "as-written" });
  const b1 = Array.from(p.b1.values());
  t.true(b1.every((v) => v === b1[0]) && b1[0] !== 0);
  const q = nnModel(X, Y, 4, { numIterations: 50 });
  t.false(Array.from(q.b1.values()).every((v) => v === q.b1.values()[0]));
});

test("nnModel fused and np implementations give the same parameters and costs (tanh, relu, schedule)", (t) => {
  const cases = [
    { gradient: "as-written" as const },
    { gradient: "true" as const },
    { activation: "relu" as const, learningRate: 0.5 },
    { activation: "softplus" as const, schedule: stepSchedule(1.2, { every: 100, factor: 0.5 }) },
    { activation: "sigmoid" as const, gradient: "as-written" as const },
  ];
  for (const opts of cases) {
    const costs: Record<string, number[]> = { fused: [], np: [] };
    const run = (implementation: "fused" | "np") =>
      nnModel(X, Y, 3, { numIterations: 300, costEvery: 50, onCost: (_i, c) => costs[implementation].push(c), implementation, ...opts });
    const a = run("fused"), b = run("np");
    for (const k of KEYS) t.true(maxDiff(a[k], Array.from(b[k].values())) < 1e-12, `${JSON.stringify(opts)} ${k}`);
    t.is(costs.fused.length, 7); // 0, 50, ..., 250 and the last iteration, 299
    t.true(maxDiff(costs.fused, costs.np) < 1e-12, `${JSON.stringify(opts)} costs`); // np.sum sums pairwise
  }
});

test("nnModel with constantSchedule(1.2) equals the default learning rate; onCost sees iterations in order", (t) => {
  const its: number[] = [];
  const a = nnModel(X, Y, 4, { numIterations: 250, schedule: constantSchedule(1.2), onCost: (i) => its.push(i) });
  const b = nnModel(X, Y, 4, { numIterations: 250 });
  for (const k of KEYS) t.is(maxDiff(a[k], Array.from(b[k].values())), 0);
  t.deepEqual(its, [0, 100, 200, 249]);
});

test("nnModel on the grader's case (2x3 data, boolean Y) matches numpy to 6 decimals, both gradients", (t) => {
  const c = fx.grader.nn_model;
  for (const [gradient, key] of [["true", "true"], ["as-written", "as_written"]] as const) {
    const p = nnModel(arr(c.X), arr(c.Y, "bool"), 4, { gradient });
    for (const k of KEYS) t.true(maxDiff(p[k], c[key][k]) < 5e-7, `${gradient} ${k}: ${maxDiff(p[k], c[key][k])}`);
  }
});

test("predict on the grader's case gives its 0/1 predictions and mean", (t) => {
  const c = fx.grader.predict;
  for (const implementation of ["fused", "np"] as const) {
    const P = predict(parameters(c.parameters), arr(c.X), 0.5, { implementation });
    t.is(P.dtype, "int64");
    t.deepEqual(P.tolist(), c.expected);
    t.is(P.mean(), c.mean);
  }
});

test("predict on the decision-boundary grid (1008x1030, h = 0.01) gives numpy's count of ones, row by row", (t) => {
  for (const key of ["nn_as_written", "nn_true_gradient"]) {
    const g = fx[key].grid;
    const x1 = X.slice(0, null), x2 = X.slice(1, null);
    const [xMin, xMax] = [x1.min() - 1, x1.max() + 1];
    const [yMin, yMax] = [x2.min() - 1, x2.max() + 1];
    t.deepEqual([xMin, xMax, yMin, yMax], [...g.x_range, ...g.y_range]);
    const [xx, yy] = np.meshgrid(np.arange(xMin, xMax, 0.01), np.arange(yMin, yMax, 0.01));
    t.deepEqual(xx.shape, g.shape);
    const Z = predict(parameters(fx[key].parameters), np.c_(xx.ravel(), yy.ravel()).T).reshape(xx.shape);
    t.is(Z.sum(), g.ones);
    t.deepEqual(Array.from(Z.sum({ axis: 1 }).values()), g.row_ones);
  }
});

test("predict fused equals the np version, including points where W2·A1 + b2 is within 1e-15 of 0", (t) => {
  const p = parameters(fx.nn_as_written.parameters);
  const pts = new np.random.RandomState(0).uniform(-5, 5, [2, 2000]);
  for (const threshold of [0.5, 0.3, 0.9]) {
    t.deepEqual(predict(p, pts, threshold).tolist(), predict(p, pts, threshold, { implementation: "np" }).tolist());
  }
  // a network whose output z2 is x1 itself: at z2 = 1e-17, A2 rounds to exactly 0.5, not above it
  const flat: Parameters = { W1: arr([[1, 0]]), b1: arr([[0]]), W2: arr([[1]]), b2: arr([[0]]) };
  const edge = arr([[0, 1e-17, 1e-15, 2e-15, -1e-17], [0, 0, 0, 0, 0]]);
  t.deepEqual(predict(flat, edge).tolist(), predict(flat, edge, 0.5, { implementation: "np" }).tolist());
  t.deepEqual(predict(flat, edge).tolist(), [[0, 0, 1, 1, 0]]); // e^{-1e-15} < 1, but e^{-1e-17} rounds to 1
});

test("costLine formats like Python's %i: %f: numpy's own cost log gives its printed lines", (t) => {
  for (const key of ["nn_as_written", "nn_true_gradient"]) {
    const log = fx[key].cost_log as [number, number][];
    t.deepEqual(log.map(([i, cost]) => costLine(i, cost)), fx[key].printed);
  }
});

test("nnModel rejects bad data and options with clear messages", (t) => {
  const Xn = X.copy();
  Xn.set(1, 5, NaN);
  t.throws(() => nnModel(Xn, Y, 4), { message: "Input X contains NaN (at flat index 405)." });
  const Y2 = Y.astype("int64");
  Y2.set(0, 3, 2);
  t.throws(() => nnModel(X, Y2, 4), { message: "Y must hold the labels 0 and 1 only, found 2 at flat index 3" });
  t.throws(() => nnModel(X, Y.slice(null, [0, 10]), 4), {
    message: "X and Y must have the same number of examples (columns): X has shape (2,400), Y has shape (1,10)",
  });
  t.throws(() => nnModel(NDArray.empty([2, 0]), NDArray.empty([1, 0]), 4), {
    message: "Found array with 0 sample(s) (X shape=(2,0)) while a minimum of 1 is required.",
  });
  t.throws(() => nnModel(X.T, Y, 4), { message: "X and Y must have the same number of examples (columns): X has shape (400,2), Y has shape (1,400)" });
  t.throws(() => nnModel(X, Y.ravel(), 4), { message: "Y must be 2-D with shape (n_y, m), got shape (400,)" });
  t.throws(() => nnModel(X, Y, 0), { message: "nH must be a positive integer, got 0" });
  t.throws(() => nnModel(X, Y, 4, { numIterations: -1 }), { message: "numIterations must be an integer >= 0, got -1" });
  t.throws(() => nnModel(X, Y, 4, { learningRate: NaN }), { message: "learningRate must be a finite number, got NaN" });
  // @ts-expect-error a bad value on purpose
  t.throws(() => nnModel(X, Y, 4, { gradient: "false" }), { message: 'gradient must be "true" or "as-written", got false' });
  // @ts-expect-error a bad value on purpose
  t.throws(() => nnModel(X, Y, 4, { activation: "gelu" }), { message: "unknown activation 'gelu': expected one of tanh, sigmoid, relu, softplus" });
  t.throws(() => nnModel(X, np.concatenate([Y, Y], { axis: 0 }), 4), { message: "Y must have shape (1, m): one row of 0/1 labels, got shape (2,400)" });
});

test("nnModel takes the original's positional form nn_model(X, Y, n_h, num_iterations, print_cost) and ignores no argument", (t) => {
  const Xs = X.slice(null, [0, 40]), Ys = Y.slice(null, [0, 40]);
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  let positional: Parameters;
  try {
    positional = nnModel(Xs, Ys, 4, 1001, true);
  } finally {
    console.log = log;
  }
  const named = nnModel(Xs, Ys, 4, { numIterations: 1001 });
  for (const k of KEYS) t.is(maxDiff(positional[k], Array.from(named[k].values())), 0, k);
  t.deepEqual(lines.map((l) => l.split(":")[0]), ["Cost after iteration 0", "Cost after iteration 1000"]);
  const short = nnModel(Xs, Ys, 4, 10);
  t.not(maxDiff(short.W1, Array.from(named.W1.values())), 0); // 10 iterations, not the default 10000
  // @ts-expect-error a bad value on purpose
  t.throws(() => nnModel(Xs, Ys, 4, 10, "yes"), { instanceOf: TypeError, message: /printCost must be a boolean, got string yes/ });
  // @ts-expect-error too many arguments on purpose
  t.throws(() => nnModel(Xs, Ys, 4, 10, true, 1.2), { instanceOf: TypeError, message: /at most 5 arguments/ });
  // @ts-expect-error the options object and more on purpose
  t.throws(() => nnModel(Xs, Ys, 4, { numIterations: 10 }, true), { instanceOf: TypeError, message: /no argument after the options object/ });
  // @ts-expect-error a snake_case option on purpose
  t.throws(() => nnModel(Xs, Ys, 4, { num_iterations: 10 }), {
    instanceOf: TypeError,
    message: /^nnModel got an unknown option 'num_iterations' \(did you mean numIterations\?\)/,
  });
});

test("predict rejects X that does not fit the parameters (naming X and its (n_x, m)), NaN, and a threshold outside [0, 1]", (t) => {
  const p = parameters(fx.nn_as_written.parameters);
  t.throws(() => predict(p, X.T), {
    message:
      "X must have shape (n_x, m) with n_x = 2 for W1 of shape (4,2), got shape (400,2); one column per example: is it transposed (X.T)? " +
      "(numpy: shapes (4,2) and (400,2) not aligned: 2 (dim 1) != 400 (dim 0))",
  });
  t.throws(() => predict(p, arr([[NaN], [0]])), { message: "Input X contains NaN (at flat index 0)." });
  for (const bad of [1.5, -0.1, NaN]) {
    t.throws(() => predict(p, X, bad), { instanceOf: ValueError, message: `threshold must be a number in [0, 1] (a cut on the sigmoid output A2), got ${bad}` });
  }
  // @ts-expect-error options in the threshold's place on purpose
  t.throws(() => predict(p, X, { activation: "tanh" }), { instanceOf: TypeError, message: /threshold must be a number in \[0, 1\], got Object/ });
  // @ts-expect-error an unknown option on purpose
  t.throws(() => predict(p, X, 0.5, { activaton: "relu" }), { instanceOf: TypeError, message: /^predict got an unknown option 'activaton'/ });
  t.deepEqual(predict(p, X, 1).tolist(), [Array(400).fill(0)]); // A2 > 1 never holds
  t.throws(() => accuracyPercent(Y, Y.ravel()), { message: "Y and P must both have shape (1, m), got (1,400) and (400,)" });
});

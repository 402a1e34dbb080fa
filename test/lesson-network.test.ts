/**
 * The lesson's network functions against numpy (test/fixtures/lesson.json), including the
 * deeplearning.ai grader's checks (type, shape, values to 6 decimals) on its test cases.
 */
import test from "ava";
import {
  backwardPropagation, backwardPropagationAsWritten, computeCost, forwardPropagation, initializeParameters, layerSizes,
  updateParameters,
} from "../lib/lesson/network.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { NDArray } from "../lib/np/ndarray.js";
import { lessonFixture as fx, arr, maxDiff, parameters } from "./support/fixtures.js";

const g = fx.grader;
/** The grader's check: an NDArray of the expected shape whose values agree to 6 decimals. */
function close6(t: any, got: NDArray | number, expected: any, what: string) {
  if (typeof got === "number") {
    t.is(typeof expected, "number", `${what} type`);
    t.true(Math.abs(got - expected) < 5e-7, `${what}: ${got} vs ${expected}`);
    return;
  }
  t.true(got instanceof NDArray, `${what} is an NDArray`);
  t.deepEqual(got.shape, arr(expected).shape, `${what} shape`);
  t.true(maxDiff(got, expected) < 5e-7, `${what} values`);
}

test("loadPlanarDataset equals numpy's X (within 1e-13) and Y (exactly), with the lesson's shapes and dtypes", (t) => {
  const { X, Y } = loadPlanarDataset();
  t.deepEqual(X.shape, [2, 400]);
  t.is(X.dtype, "float64");
  t.deepEqual(Y.shape, [1, 400]);
  t.is(Y.dtype, "uint8");
  t.true(maxDiff(X, fx.X) < 1e-13);
  t.is(maxDiff(Y, fx.Y), 0);
});

test("layerSizes gives (n_x, 4, n_y) on the grader's case and on the flower data", (t) => {
  t.deepEqual(layerSizes(arr(g.layer_sizes.X), arr(g.layer_sizes.Y)), g.layer_sizes.expected);
  const { X, Y } = loadPlanarDataset();
  t.deepEqual(layerSizes(X, Y), [2, 4, 1]);
  t.throws(() => layerSizes(X.ravel(), Y), { message: "X must be 2-D with shape (n_x, m), got shape (800,)" });
});

test("initializeParameters(2, 4, 1) equals numpy's seed-2 normal draws and zeros", (t) => {
  const p = initializeParameters(2, 4, 1);
  for (const k of ["W1", "b1", "W2", "b2"] as const) {
    t.is(p[k].dtype, "float64");
    t.deepEqual(p[k].shape, arr(g.initialize_parameters.expected[k]).shape);
    t.is(maxDiff(p[k], g.initialize_parameters.expected[k]), 0, k);
  }
  t.throws(() => initializeParameters(2, 0, 1), { message: "nH must be a positive integer, got 0" });
});

test("forwardPropagation on the grader's case: A2 and the cache to 6 decimals, and the cache means", (t) => {
  const c = g.forward_propagation;
  const [A2, cache] = forwardPropagation(arr(c.X), parameters(c.parameters));
  close6(t, A2, c.A2, "A2");
  for (const k of ["Z1", "A1", "Z2", "A2"] as const) {
    close6(t, cache[k], c.cache[k], k);
    t.true(Math.abs(cache[k].mean() - c.means[["Z1", "A1", "Z2", "A2"].indexOf(k)]) < 1e-12, `${k} mean`);
  }
});

test("computeCost on the grader's case (boolean Y) and on the flower data", (t) => {
  const c = g.compute_cost;
  const cost = computeCost(arr(c.A2), arr(c.Y, "bool"), parameters(c.parameters));
  t.is(typeof cost, "number");
  t.true(Math.abs(cost - c.expected) < 1e-15, `${cost} vs ${c.expected}`);
  const { X, Y } = loadPlanarDataset();
  const [A2] = forwardPropagation(X, initializeParameters(2, 4, 1));
  t.true(Math.abs(computeCost(A2, Y) - fx.first_step.cost) < 1e-14);
});

test("backwardPropagation gives the true gradient; backwardPropagationAsWritten the lesson's one-number db1", (t) => {
  const c = g.backward_propagation;
  const args = [parameters(c.parameters), { Z1: arr(c.cache.Z1), A1: arr(c.cache.A1), Z2: arr(c.cache.Z2), A2: arr(c.cache.A2) }, arr(c.X), arr(c.Y, "bool")] as const;
  const gt = backwardPropagation(...args);
  for (const k of ["dW1", "db1", "dW2"] as const) close6(t, gt[k], c.true[k], `true ${k}`);
  close6(t, gt.db2, [[c.true.db2]], "true db2 (1, 1)"); // the lesson's db2 is np.sum(dZ2): the same value
  const ga = backwardPropagationAsWritten(...args);
  for (const k of ["dW1", "dW2"] as const) close6(t, ga[k], c.as_written[k], `as written ${k}`);
  t.is(typeof ga.db1, "number");
  t.is(typeof ga.db2, "number");
  close6(t, ga.db1, c.as_written.db1, "as written db1");
  close6(t, ga.db2, c.as_written.db2, "as written db2");
});

test("backward passes at the lesson's initial parameters equal numpy's (1e-15)", (t) => {
  const { X, Y } = loadPlanarDataset();
  const p = initializeParameters(2, 4, 1);
  const [, cache] = forwardPropagation(X, p);
  const gt = backwardPropagation(p, cache, X, Y);
  const ga = backwardPropagationAsWritten(p, cache, X, Y);
  for (const k of ["dW1", "db1", "dW2", "db2"] as const) {
    const e = fx.first_step.grads_true[k];
    t.true(maxDiff(gt[k] as NDArray, typeof e === "number" ? [[e]] : e) < 1e-15, `true ${k}`);
    const a = ga[k];
    t.true(maxDiff(typeof a === "number" ? [a] : a, typeof a === "number" ? [fx.first_step.grads_as_written[k]] : fx.first_step.grads_as_written[k]) < 1e-15, `as written ${k}`);
  }
  const up = updateParameters(p, gt);
  for (const k of ["W1", "b1", "W2", "b2"] as const) t.true(maxDiff(up[k], fx.first_step.updated_true[k]) < 1e-15, `updated ${k}`);
});

test("updateParameters on the grader's case, to 6 decimals, with the default rate 1.2", (t) => {
  const c = g.update_parameters;
  const gr = c.grads;
  const p = updateParameters(parameters(c.parameters), { dW1: arr(gr.dW1), db1: arr(gr.db1), dW2: arr(gr.dW2), db2: arr(gr.db2) });
  for (const k of ["W1", "b1", "W2", "b2"] as const) close6(t, p[k], c.expected[k], k);
});

test("updateParameters rejects a gradient that does not fit its parameter", (t) => {
  const p = initializeParameters(2, 4, 1);
  const bad = { dW1: arr([[1], [1], [1], [1]]), db1: 0, dW2: arr([[0, 0, 0, 0]]), db2: 0 };
  t.throws(() => updateParameters(p, { ...bad, dW1: arr([[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]) }), {
    message: /^operands could not be broadcast together with shapes \(4,2\) \(4,3\)/,
  });
  t.throws(() => updateParameters(p, { ...bad, dW2: arr([[1], [2]]) }), { message: "dW2 of shape (2,1) does not fit W2 of shape (1,4)" });
});

test("forwardPropagation and computeCost reject misfit shapes and bad labels", (t) => {
  const { X, Y } = loadPlanarDataset();
  const p = initializeParameters(3, 4, 1);
  t.throws(() => forwardPropagation(X, p), {
    message: "X must have shape (n_x, m) with n_x = 3 for W1 of shape (4,3), got shape (2,400) (numpy: shapes (4,3) and (2,400) not aligned: 3 (dim 1) != 2 (dim 0))",
  });
  const q = initializeParameters(2, 4, 1);
  t.throws(() => forwardPropagation(X, { ...q, b1: arr([[0], [0]]) }), { message: "parameters.b1 must have shape (4,1), got (2,1)" });
  const [A2] = forwardPropagation(X, q);
  t.throws(() => computeCost(A2, arr([[0, 1]])), { message: "A2 and Y must have the same shape, got (1,400) and (1,2)" });
  const Y2 = Y.astype("float64");
  Y2.set(0, 7, 2);
  t.throws(() => computeCost(A2, Y2), { message: "Y must hold the labels 0 and 1 only, found 2 at flat index 7" });
  t.throws(() => computeCost(NDArray.empty([1, 0]), NDArray.empty([1, 0])), {
    message: "Found array with 0 sample(s) (Y shape=(1,0)) while a minimum of 1 is required.",
  });
});

import test from "ava";
import { gradCheck } from "../lib/lesson/grad-check.js";
import { initializeParameters } from "../lib/lesson/network.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { nnModel } from "../lib/lesson/train.js";

const { X, Y } = loadPlanarDataset();

test("gradCheck passes the true gradient at the initial and at trained parameters", (t) => {
  for (const p of [initializeParameters(2, 4, 1), nnModel(X, Y, 4, { numIterations: 200 })]) {
    const r = gradCheck(p, X, Y);
    t.true(r.difference < 1e-7, `difference ${r.difference}`);
    // per parameter a little looser: after training db2 is near 0, which inflates its relative error
    for (const [k, v] of Object.entries(r.perParameter)) t.true(v < 1e-5, `${k}: ${v}`);
  }
});

test("gradCheck exposes the original's db1 = np.sum(dZ1): b1 fails, the rest passes", (t) => {
  const r = gradCheck(initializeParameters(2, 4, 1), X, Y, { gradient: "as-written" });
  t.true(r.perParameter.b1 > 0.1, `b1 ${r.perParameter.b1}`);
  t.true(r.perParameter.W1 < 1e-6 && r.perParameter.W2 < 1e-6 && r.perParameter.b2 < 1e-6);
  t.true(r.difference > 1e-3);
  // the shared value is the sum of the per-unit derivatives
  const a = Array.from(r.analytic.db1.values());
  const n = Array.from(r.numeric.db1.values());
  t.deepEqual(r.analytic.db1.shape, [4, 1]);
  t.true(a.every((v) => v === a[0]));
  t.true(Math.abs(a[0] - n.reduce((s, v) => s + v, 0)) < 1e-7);
});

test("gradCheck checks other activations too", (t) => {
  for (const activation of ["sigmoid", "softplus", "relu"] as const) {
    const r = gradCheck(initializeParameters(2, 3, 1), X, Y, { activation });
    t.true(r.difference < 1e-6, `${activation}: ${r.difference}`);
  }
});

test("gradCheck rejects a bad epsilon and mismatched data", (t) => {
  const p = initializeParameters(2, 4, 1);
  t.throws(() => gradCheck(p, X, Y, { epsilon: 0 }), { message: "epsilon must be in (0, 1), got 0" });
  t.throws(() => gradCheck(initializeParameters(3, 4, 1), X, Y), {
    message: /^X must have shape \(n_x, m\) with n_x = 3 for W1 of shape \(4,3\), got shape \(2,400\) \(numpy: shapes \(4,3\) and \(2,400\) not aligned/,
  });
});

test("gradCheck names an unknown option instead of ignoring it", (t) => {
  const { X, Y } = loadPlanarDataset();
  // @ts-expect-error a snake_case option on purpose
  t.throws(() => gradCheck(initializeParameters(2, 4, 1), X, Y, { eps: 1e-5 }), { instanceOf: TypeError, message: /^gradCheck got an unknown option 'eps'/ });
});

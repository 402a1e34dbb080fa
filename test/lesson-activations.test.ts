import test from "ava";
import { activations, defineActivation, getActivation, reluActivation as relu, sigmoidActivation, softplusActivation, tanhActivation as tanh } from "../lib/lesson/activations.js";
import { arr, maxDiff } from "./support/fixtures.js";
import { np } from "../lib/index.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { nnModel } from "../lib/lesson/train.js";

const xs = [-30, -5, -1.5, -0.3, 0, 0.2, 1, 4, 30];

test("activations f match their formulas (tanh, sigmoid, relu, softplus)", (t) => {
  for (const x of xs) {
    t.true(Math.abs(tanh.f(x) - (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1)) < 1e-15 || Math.abs(x) > 20);
    t.true(Math.abs(sigmoidActivation.f(x) - 1 / (1 + Math.exp(-x))) < 1e-15);
    t.is(relu.f(x), Math.max(0, x));
    t.true(Math.abs(softplusActivation.f(x) - Math.log(1 + Math.exp(x))) < 1e-14 * Math.max(1, Math.abs(x)));
  }
  t.is(softplusActivation.f(800), 800); // no overflow where log(1 + e^800) would give Infinity
  t.is(sigmoidActivation.f(-800), 0);
});

test("activations df match a central finite difference, and dfza agrees with df", (t) => {
  for (const a of Object.values(activations)) {
    for (const x of xs) {
      if (a.name === "relu" && x === 0) continue; // not differentiable there; df(0) = 0 by convention
      const h = 1e-6;
      const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
      t.true(Math.abs(a.df(x) - numeric) < 1e-8, `${a.name}'(${x}): ${a.df(x)} vs ${numeric}`);
      t.true(Math.abs(a.dfza(x, a.f(x)) - a.df(x)) < 1e-15, `${a.name} dfza at ${x}`);
    }
  }
  t.is(relu.df(0), 0);
});

test("activation forward/backward act elementwise and keep the shape", (t) => {
  const Z = arr([[-1, 0, 2], [3, -4, 0.5]]);
  for (const a of Object.values(activations)) {
    const A = a.forward(Z);
    t.deepEqual(A.shape, [2, 3]);
    t.deepEqual(Array.from(A.values()), Array.from(Z.values(), (z) => a.f(z)));
    t.deepEqual(Array.from(a.backward(Z, A).values()), Array.from(Z.values(), (z) => a.dfza(z, a.f(z))));
  }
});

test("getActivation finds names and rejects unknown ones", (t) => {
  t.is(getActivation("relu"), relu);
  t.is(getActivation(tanh), tanh);
  // @ts-expect-error a bad name on purpose
  t.throws(() => getActivation("gelu"), { message: "unknown activation 'gelu': expected one of tanh, sigmoid, relu, softplus" });
});

test("each activation's loops (forwardInto, backwardInto) equal f and dfza; tanh's are np's own tanh", (t) => {
  const z = Float64Array.from([-30, -5, -1.5, -0.3, 0, 0.2, 0.7, 1, 4, 30]);
  for (const a of Object.values(activations)) {
    const fa = new Float64Array(z.length), ga = new Float64Array(z.length);
    a.forwardInto(z, fa);
    a.backwardInto(z, fa, ga);
    t.deepEqual(Array.from(fa), Array.from(z, (v) => a.f(v)), a.name);
    t.deepEqual(Array.from(ga), Array.from(z, (v, i) => a.dfza(v, fa[i])), a.name);
  }
  const Z = np.array(Array.from(z));
  t.deepEqual(Array.from(tanh.forward(Z).values()), Array.from(np.tanh(Z).values()));
});

test("defineActivation: an activation added later trains through the fused loops as through np's", (t) => {
  const leaky = defineActivation({ name: "leaky", f: (x) => (x > 0 ? x : 0.01 * x), df: (x) => (x > 0 ? 1 : 0.01), dfza: (z) => (z > 0 ? 1 : 0.01) });
  const { X, Y } = loadPlanarDataset();
  const run = (implementation: "fused" | "np") => nnModel(X, Y, 3, { numIterations: 50, learningRate: 0.1, activation: leaky, implementation });
  const a = run("fused"), b = run("np");
  for (const k of ["W1", "b1", "W2", "b2"] as const) t.true(maxDiff(a[k], Array.from(b[k].values())) < 1e-12, k);
  // @ts-expect-error an object that is not an activation on purpose
  t.throws(() => getActivation({ name: "half", f: (x: number) => x / 2 }), { instanceOf: TypeError, message: /^activation half has no df\(\) method/ });
});

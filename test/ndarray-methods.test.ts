/**
 * The NDArray operator methods (`a.add(b)`, `Y.rsub(1)`, `Z.tanh()`, ...) are their np functions
 * with the array as the first operand: the same shape, dtype, bits and errors, broadcasting
 * included. The np functions are the oracle here; numpy's own values for them are checked by
 * np-ops.test.ts against the generated fixtures.
 */
import test from "ava";
import { np } from "../lib/index.js";
import type { ArrayLike, NDArray } from "../lib/np/index.js";

type Binary = (x1: ArrayLike, x2: ArrayLike) => NDArray;

/** method name → [np function, true when the method is numpy's reflected operator (`o - a`)]. */
const BINARY: [keyof NDArray & string, Binary, boolean][] = [
  ["add", np.add, false],
  ["sub", np.subtract, false],
  ["rsub", np.subtract, true],
  ["mul", np.multiply, false],
  ["div", np.divide, false],
  ["rdiv", np.divide, true],
  ["pow", np.power, false],
  ["maximum", np.maximum, false],
  ["minimum", np.minimum, false],
  ["gt", np.greater, false],
  ["ge", np.greater_equal, false],
  ["lt", np.less, false],
  ["le", np.less_equal, false],
  ["eq", np.equal, false],
  ["ne", np.not_equal, false],
  ["dot", np.dot, false],
  ["matmul", np.matmul, false],
];

const UNARY: [keyof NDArray & string, (x: ArrayLike) => NDArray][] = [
  ["neg", np.negative],
  ["abs", np.abs],
  ["sign", np.sign],
  ["square", np.square],
  ["sqrt", np.sqrt],
  ["exp", np.exp],
  ["log", np.log],
  ["log1p", np.log1p],
  ["tanh", np.tanh],
  ["sin", np.sin],
  ["cos", np.cos],
];

/** Operands of every lesson dtype, in shapes that broadcast ((2,3) with (3,), (2,1) with (1,3)) and some that do not. */
const a23 = np.array([[-1.5, 0, 0.25], [2, 3.5, -4]]);
const OPERANDS: { name: string; a: () => NDArray; others: ArrayLike[] }[] = [
  {
    name: "float64 (2,3)",
    a: () => a23,
    others: [2, -0.5, true, [1, -2, 3], [[1], [2]], np.array([1, 2, 3], "int32"), np.array([[0.5, 1, 2]], "float32"), np.array([1, 0, 1], "bool"), np.array([[7, 8, 9], [1, 2, 3]], "uint8"), np.ones([4]), np.ones([3, 2])],
  },
  {
    name: "uint8 labels (1,4)",
    a: () => np.array([[0, 1, 1, 0]], "uint8"),
    others: [1, 3, 300, 1.5, np.array([[0.2], [0.9]]), np.array([[1, 2, 3, 4]], "uint8"), np.array([2, 2, 2, 2], "int64")],
  },
  {
    name: "int64 (3,)",
    a: () => np.arange(3),
    others: [2, -1, 0.5, np.array([[1], [2]], "int64"), np.array([3, 4, 5], "int32"), np.array([0.5, 1, 2], "float32")],
  },
  {
    name: "bool (2,2)",
    a: () => np.array([[true, false], [false, true]]),
    others: [true, 2, 1.5, np.array([[1, 0], [0, 1]], "bool"), np.array([3, 4], "uint8")],
  },
  {
    name: "float32 (2,1)",
    a: () => np.array([[0.5], [-2]], "float32"),
    others: [3, 2.5, np.array([[1, 2, 3]], "float32"), np.array([1, 2, 3], "int64")],
  },
  {
    name: "0-d float64",
    a: () => np.array(2.5),
    others: [2, np.array([1, 2]), np.array(3, "int32")],
  },
];

/** What a call gives: its array (shape, dtype, exact elements) or its error (class and message). */
function outcome(f: () => NDArray): unknown {
  try {
    const r = f();
    return { shape: [...r.shape], dtype: r.dtype, values: Array.from(r.values(), (v) => (Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v)) };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

function call(a: NDArray, name: string, ...args: ArrayLike[]): NDArray {
  const m = (a as unknown as Record<string, (...xs: ArrayLike[]) => NDArray>)[name];
  return m.apply(a, args);
}

for (const [name, fn, reflected] of BINARY) {
  test(`a.${name}(o) equals ${reflected ? "np function(o, a)" : "np function(a, o)"} for every dtype, broadcast and error case`, (t) => {
    let arrays = 0;
    let errors = 0;
    for (const { name: what, a, others } of OPERANDS) {
      for (const o of others) {
        const expected = outcome(() => (reflected ? fn(o, a()) : fn(a(), o)));
        t.deepEqual(outcome(() => call(a(), name, o)), expected, `${what} ${name} ${String(o)}`);
        if ((expected as { error?: string }).error === undefined) arrays++;
        else errors++;
      }
    }
    // both kinds were compared: arrays (broadcast, promoted) and errors (shapes, out-of-range ints)
    t.true(arrays >= (name === "dot" || name === "matmul" ? 5 : 20), `${arrays} cases gave arrays`);
    t.true(errors >= 1, `${errors} cases gave errors`);
    t.log(`${arrays} arrays, ${errors} errors compared`);
  });
}

for (const [name, fn] of UNARY) {
  test(`a.${name}() equals its np function for every dtype (bool, uint8, int32, int64, float32, float64, 0-d)`, (t) => {
    const arrays = [
      np.array([[-2.5, -0, 0], [0.5, 1e-300, 700]]),
      np.array([[-1, 4], [9, 0.25]], "float32"),
      np.array([-3, 0, 7], "int64"),
      np.array([[-3], [5]], "int32"),
      np.array([0, 1, 200, 255], "uint8"),
      np.array([true, false]),
      np.array(-0.75),
      np.array([NaN, Infinity, -Infinity]),
    ];
    for (const a of arrays) t.deepEqual(outcome(() => call(a, name)), outcome(() => fn(a)), `${name} of ${a.dtype} ${String(a.shape)}`);
  });
}

test("errors are np's own: broadcast, boolean subtract/negative, negative integer power, dot and matmul alignment", (t) => {
  const a = np.ones([2, 3]);
  t.throws(() => a.add(np.ones([4])), { instanceOf: np.ValueError, message: "operands could not be broadcast together with shapes (2,3) (4,) " });
  t.throws(() => a.rsub(np.ones([4])), { message: "operands could not be broadcast together with shapes (4,) (2,3) " }); // numpy's order for 1 - a
  const b = np.array([true, false]);
  t.throws(() => b.sub(b), { instanceOf: TypeError, message: /numpy boolean subtract/ });
  t.throws(() => b.neg(), { instanceOf: TypeError, message: /numpy boolean negative/ });
  t.throws(() => np.arange(3).pow(-1), { message: "Integers to negative integer powers are not allowed." });
  t.throws(() => np.ones([4, 2]).dot(np.ones([3, 5])), { message: "shapes (4,2) and (3,5) not aligned: 2 (dim 1) != 3 (dim 0)" });
  t.throws(() => np.ones([2, 2]).matmul(3), { message: /matmul: Input operand 1 does not have enough dimensions/ });
});

test("the lesson's formulas read as methods and give the np forms' bits", (t) => {
  np.random.seed(1);
  const X = np.random.randn(2, 400);
  const Y = np.greater(np.random.rand(1, 400), 0.5).astype("uint8");
  const W1 = np.multiply(np.random.randn(4, 2), 0.01);
  const b1 = np.zeros([4, 1]);
  const W2 = np.multiply(np.random.randn(1, 4), 0.01);
  const m = 400;
  // In [7]: Z1 = np.dot(W1, X) + b1; A1 = np.tanh(Z1); A2 = 1/(1 + np.exp(-Z2))
  const Z1 = W1.dot(X).add(b1);
  t.deepEqual(outcome(() => Z1), outcome(() => np.add(np.dot(W1, X), b1)));
  const A1 = Z1.tanh();
  const Z2 = W2.dot(A1);
  const A2 = Z2.neg().exp().add(1).rdiv(1);
  t.deepEqual(outcome(() => A2), outcome(() => np.divide(1, np.add(1, np.exp(np.negative(Z2))))));
  // In [8], formula (4): np.sum(Y*np.log(A2) + (1-Y)*np.log(1-A2))
  const logprobs = Y.mul(A2.log()).add(Y.rsub(1).mul(A2.rsub(1).log())).sum();
  t.is(logprobs, np.sum(np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))))));
  t.true(Number.isFinite(logprobs) && logprobs < 0);
  // In [9]: dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2)); dW1 = 1/m * np.dot(dZ1, X.T)
  const dZ2 = A2.sub(Y);
  const dZ1 = W2.T.dot(dZ2).mul(A1.pow(2).rsub(1));
  t.deepEqual(outcome(() => dZ1.dot(X.T).mul(1 / m)), outcome(() => np.multiply(1 / m, np.dot(np.multiply(np.dot(W2.T, dZ2), np.subtract(1, np.power(A1, 2))), X.T))));
  t.is(Y.rsub(1).dtype, "uint8"); // 1 - Y keeps the labels' dtype, as numpy
});

test("the methods are on the prototype, not enumerable, and chain on views", (t) => {
  const a = np.arange(6).reshape(2, 3);
  t.deepEqual(Object.keys(a), ["nd", "dtype", "writeable"]);
  for (const [name] of [...BINARY, ...UNARY]) {
    t.is(typeof (a as unknown as Record<string, unknown>)[name], "function", name);
    t.false(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(a), name)?.enumerable ?? true, name);
  }
  t.deepEqual(a.T.slice(1).mul(2).tolist(), np.multiply(np.transpose(a).slice(1), 2).tolist());
});

/**
 * Bad JavaScript input (wrong types, holes, undefined, huge sizes, unknown options) gets numpy's
 * error class and text, or a clear one naming the problem: never an internal JavaScript message.
 * numpy's answers on well-formed input are in np-fuzz.test.ts; this file covers what only
 * JavaScript can pass.
 */
import test from "ava";
import { np } from "../lib/index.js";

/** Calls `f` with arguments TypeScript would refuse, as a JavaScript caller may. */
function loose<T>(f: (...a: never[]) => T): (...a: unknown[]) => T {
  return f as unknown as (...a: unknown[]) => T;
}

function throwsLike(t: import("ava").ExecutionContext, f: () => unknown, name: string, message: string | RegExp): void {
  const err = t.throws(f);
  t.is(err?.name, name, String(err));
  if (typeof message === "string") t.is(err?.message, message);
  else t.regex(err?.message ?? "", message);
}

test("holes and undefined in np.array name the element", (t) => {
  throwsLike(t, () => loose(np.array)([1, , 3]), "TypeError", /element 1 of a list is a hole/);
  throwsLike(t, () => loose(np.array)([[1, 2], [3, undefined]]), "TypeError", /element 1 of a list is undefined/);
  throwsLike(t, () => loose(np.array)([1, "2"]), "TypeError", /could not convert string to a number/);
  throwsLike(t, () => loose(np.array)([1, null]), "TypeError", /could not convert null to a number/);
});

test("shapes: wrong types and negative sizes get numpy's texts", (t) => {
  throwsLike(t, () => loose(np.zeros)(undefined), "TypeError", "expected a sequence of integers or a single integer, got undefined");
  throwsLike(t, () => loose(np.zeros)("3"), "TypeError", "expected a sequence of integers or a single integer, got '3'");
  throwsLike(t, () => np.zeros(2.5), "TypeError", "expected a sequence of integers or a single integer, got '2.5'");
  throwsLike(t, () => np.zeros([2, 2.5]), "TypeError", "'float' object cannot be interpreted as an integer");
  throwsLike(t, () => np.zeros([2, -1]), "ValueError", "negative dimensions are not allowed");
  throwsLike(t, () => np.arange(6).reshape(2.5), "TypeError", "expected a sequence of integers or a single integer, got '2.5'");
  throwsLike(t, () => np.random.rand(2.5), "TypeError", "'float' object cannot be interpreted as an integer");
  throwsLike(t, () => np.broadcast_to(np.arange(1), [-1]), "ValueError", "all elements of broadcast shape must be non-negative");
  throwsLike(t, () => np.broadcast_to(np.arange(1), [2.5]), "TypeError", "'float' object cannot be interpreted as an integer");
});

test("huge sizes give numpy's MemoryError and size errors, never 'Invalid typed array length'", (t) => {
  const mem = (shape: string, dtype: string) => `Unable to allocate 74.5 GiB for an array with shape ${shape} and data type ${dtype}`;
  throwsLike(t, () => np.ones(1e10), "MemoryError", mem("(10000000000,)", "float64"));
  throwsLike(t, () => np.zeros([1e5, 1e5]), "MemoryError", mem("(100000, 100000)", "float64"));
  throwsLike(t, () => np.linspace(0, 1, 1e10), "MemoryError", mem("(10000000000,)", "float64"));
  throwsLike(t, () => np.random.rand(1e10), "MemoryError", mem("(10000000000,)", "float64"));
  throwsLike(t, () => np.arange(1e10), "MemoryError", mem("(10000000000,)", "int64"));
  throwsLike(t, () => np.arange(1e20), "ValueError", "Maximum allowed size exceeded");
  throwsLike(t, () => np.zeros([1e10, 1e10]), "ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  throwsLike(t, () => np.add(np.zeros([1e5, 1]), np.zeros([1, 1e5])), "MemoryError", mem("(100000, 100000)", "float64"));
});

test("options objects: unknown keys, out, and non-objects are refused by name", (t) => {
  const a = np.array([200, 100], "uint8");
  throwsLike(t, () => loose(np.sum)(a, { foo: 1 }), "TypeError", "sum() got an unexpected keyword argument 'foo'");
  throwsLike(t, () => loose(np.max)(a, { dtype: "int64" }), "TypeError", "max() got an unexpected keyword argument 'dtype'");
  throwsLike(t, () => loose(np.mean)(a, { out: np.zeros(1) }), "TypeError", /np does not support the 'out' argument/);
  throwsLike(t, () => loose(np.sum)(a, 1), "TypeError", /sum\(\) takes its keyword arguments as an options object/);
  throwsLike(t, () => loose(np.sum)(a, { axis: "1" }), "TypeError", "'str' object cannot be interpreted as an integer");
  throwsLike(t, () => loose(np.squeeze)(a, { axes: 0 }), "TypeError", "squeeze() got an unexpected keyword argument 'axes'");
  throwsLike(t, () => loose(np.linspace)(0, 1, 5, { retstep: true }), "TypeError", "linspace() got an unexpected keyword argument 'retstep'");
  throwsLike(t, () => loose(np.concatenate)([a], { axis: 0, casting: "no" }), "TypeError", "concatenate() got an unexpected keyword argument 'casting'");
});

test("dtype arguments: names, numpy's keyword as { dtype }, and bad values", (t) => {
  t.is(np.zeros([2, 2], { dtype: "int32" }).dtype, "int32");
  t.is(np.ones(2, { dtype: "uint8" }).dtype, "uint8");
  t.is(np.arange(3).astype({ dtype: "float32" }).dtype, "float32");
  throwsLike(t, () => loose(np.zeros)(2, 5), "TypeError", "Cannot interpret '5' as a data type");
  throwsLike(t, () => loose(np.zeros)(2, "float128"), "TypeError", /^data type 'float128' not understood/);
  throwsLike(t, () => loose(np.zeros)(2, { dtype: "int32", order: "F" }), "TypeError", /unexpected keyword argument 'order'/);
});

test("missing arguments name what is missing", (t) => {
  throwsLike(t, () => loose(np.where)(np.array([true]), 1), "ValueError", "either both or neither of x and y should be given");
  throwsLike(t, () => loose(np.where)(np.array([true])), "TypeError", /np.where\(condition\) without x and y/);
  throwsLike(t, () => loose(np.add)(np.ones(2)), "TypeError", "add() takes from 2 to 3 positional arguments but 1 were given");
  throwsLike(t, () => loose(np.exp)(), "TypeError", "exp() takes from 1 to 2 positional arguments but 0 were given");
  throwsLike(t, () => loose(np.sum)(), "TypeError", "sum() missing 1 required positional argument: 'a'");
  throwsLike(t, () => loose(np.concatenate)(np.ones(2), np.ones(2)), "TypeError", /concatenate\(\) takes a list of arrays as its first argument/);
  throwsLike(t, () => loose(np.stack)(np.ones(2)), "TypeError", /stack\(\) takes a list of arrays/);
  throwsLike(t, () => loose(np.arange)("5"), "TypeError", "arange: stop must be a number, got '5'");
  throwsLike(t, () => loose(np.full)(2, "x"), "TypeError", "full(): the fill value must be a number or a boolean, got 'x'");
});

test("set() checks the value as numpy's assignment does", (t) => {
  const u = np.zeros(3, "uint8");
  throwsLike(t, () => u.set(0, 300), "OverflowError", "Python integer 300 out of bounds for uint8");
  throwsLike(t, () => u.set(0, -1), "OverflowError", "Python integer -1 out of bounds for uint8");
  throwsLike(t, () => np.zeros(2, "int64").set(0, NaN), "ValueError", "cannot convert float NaN to integer");
  throwsLike(t, () => np.zeros(2, "int32").set(0, Infinity), "OverflowError", "cannot convert float infinity to integer");
  throwsLike(t, () => loose(u.set.bind(u))(0, "1"), "TypeError", /the value must be a number or a boolean, got string/);
  const b = np.zeros(2, "bool");
  b.set(0, 5);
  t.deepEqual(np.tolist(b), [true, false]); // bool arrays hold only 0/1
  const i = np.zeros(2, "int64");
  i.set(0, -0.4);
  t.true(Object.is(i.get(0), 0)); // never -0 in an integer array
});

test("typed arrays and NDArrays inside np.array keep their dtype and shape", (t) => {
  t.is(np.array(new Float32Array([1.5, 2])).dtype, "float32");
  const nested = np.array([new Int32Array([1, 2]), new Int32Array([3, 4])]);
  t.is(nested.dtype, "int32");
  t.deepEqual(nested.shape, [2, 2]);
  t.deepEqual(np.array([np.array(1, "float32"), np.array(2, "float32")]).shape, [2]);
});

test("int64 beyond 2**53: wrapped exactly as numpy, then stored as the nearest double (README)", (t) => {
  const x = 2 ** 40 + 1;
  const exact = BigInt.asIntN(64, BigInt(x) * BigInt(x));
  t.is(np.multiply(np.array([x]), np.array([x])).get(0), Number(exact));
  const p = BigInt.asIntN(64, 3n ** 50n);
  t.is(np.power(np.array([3]), 50).get(0), Number(p));
  t.is(String(np.array([2 ** 62], "int64")), `array([${(2n ** 62n).toString()}])`);
});

test("reshape returns a view wherever numpy does, so writes reach the base", (t) => {
  const a = np.arange(6);
  a.slice("::2").reshape(3).set(0, 99);
  t.is(a.get(0), 99);
  const m = np.arange(6).reshape(2, 3);
  m.T.reshape(3, 2, 1).set(1, 0, 0, -5); // adding an axis to a transpose: still a view
  t.is(m.get(0, 1), -5);
  m.T.reshape(6).set(0, 77); // flattening a transpose: numpy copies, so the base keeps its 0
  t.is(m.get(0, 0), 0);
  const r = np.arange(6);
  r.slice("::-1").reshape(-1).set(0, 42);
  t.is(r.get(5), 42);
});

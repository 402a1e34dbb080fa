/**
 * NDArray behaviour numpy users rely on: views share data, broadcast views are read-only,
 * the lesson's dtypes (uint8 labels, int64 predictions, bool comparisons) and numpy's promotion,
 * reductions as methods, and the errors of bad input.
 */
import test from "ava";
import { np } from "../lib/index.js";

test("NDArray.reshape/.T/.slice/np.squeeze/np.expand_dims return views that write through", (t) => {
  const a = np.arange(6).reshape(2, 3);
  a.reshape(3, 2).set(0, 1, 10);
  a.T.set(2, 1, 20);
  a.slice("1, :").set(0, 30);
  np.expand_dims(a, 0).set(0, 0, 2, 40);
  np.squeeze(a.reshape(1, 2, 3)).set(0, 0, 50);
  t.deepEqual(np.tolist(a), [[50, 10, 40], [30, 4, 20]]);
  t.deepEqual(np.tolist(a.slice(null, [null, null, -1])), [[40, 10, 50], [20, 4, 30]]);
});

test("np.broadcast_to gives a read-only view; writing it throws instead of keeping the last write", (t) => {
  const b = np.broadcast_to(np.array([1, 2, 3]), [4, 3]);
  t.false(b.writeable);
  t.deepEqual(b.shape, [4, 3]);
  t.throws(() => b.set(0, 0, 9), { message: "assignment destination is read-only" });
  t.false(b.slice(0).writeable);
  t.deepEqual(np.tolist(np.add(b, 1).slice(3)), [2, 3, 4]); // results of ops on it are fresh and writeable
  t.true(np.add(b, 1).writeable);
});

test("np.subtract(1, Y) keeps uint8 labels uint8; Y * float64 is float64 (numpy's promotion)", (t) => {
  const Y = np.array([[0, 1, 1, 0]], "uint8");
  const oneMinus = np.subtract(1, Y);
  t.is(oneMinus.dtype, "uint8");
  t.deepEqual(np.tolist(oneMinus), [[1, 0, 0, 1]]);
  t.is(np.multiply(Y, np.log(np.full([1, 4], 0.5))).dtype, "float64");
  t.is(np.multiply(Y, 1.5).dtype, "float64");
  t.is(np.add(Y, Y).dtype, "uint8");
  t.is(np.divide(np.array([1, 2]), np.array([2, 4])).dtype, "float64");
  t.is(np.dot(np.array([[1, 2]]), np.array([[3], [4]])).dtype, "int64");
  t.is(np.add(np.array([true]), np.array([true])).dtype, "bool");
  t.is(np.add(np.array([1], "int32"), np.array([1.5], "float32")).dtype, "float64");
  t.is(np.add(np.array([1.5], "float32"), 2.5).dtype, "float32");
  t.throws(() => np.add(Y, 300), { message: "Python integer 300 out of bounds for uint8" });
});

test("np.greater gives bool; .astype('int64') gives the lesson's int predictions", (t) => {
  const A2 = np.array([[0.2, 0.7, 0.5, 0.9]]);
  const mask = np.greater(A2, 0.5);
  t.is(mask.dtype, "bool");
  t.deepEqual(np.tolist(mask), [[false, true, false, true]]);
  const P = mask.astype("int64");
  t.is(P.dtype, "int64");
  t.deepEqual(np.tolist(P), [[0, 1, 0, 1]]);
  t.deepEqual(np.tolist(np.array([-1.7, 2.9, 300.2]).astype("uint8")), [255, 2, 44]);
});

test("NDArray.sum/.mean/.max/.min/.argmax/.prod methods equal the np functions", (t) => {
  const a = np.array([[3, 1, 4], [1, 5, 9]]);
  t.is(a.sum(), 23);
  t.is(a.mean(), 23 / 6);
  t.is(a.max(), 9);
  t.is(a.min(), 1);
  t.is(a.argmax(), 5);
  t.is(a.argmin(), 1);
  t.is(a.prod(), 540);
  t.deepEqual(np.tolist(a.sum({ axis: 1, keepdims: true })), [[8], [15]]);
  t.deepEqual(np.tolist(a.max({ axis: 0 })), [3, 5, 9]);
  t.deepEqual(np.tolist(a.argmax({ axis: 1 })), [2, 2]);
  t.deepEqual(a.sum({ keepdims: true }).shape, [1, 1]);
});

test("np.sum of the lesson's dZ1 without an axis is one number; with axis 1 and keepdims a column", (t) => {
  const dZ1 = np.arange(8).reshape(4, 2);
  t.is(typeof np.sum(dZ1), "number");
  t.is(np.sum(dZ1), 28);
  t.deepEqual(np.tolist(np.sum(dZ1, { axis: 1, keepdims: true })), [[1], [5], [9], [13]]);
});

test("np.c_ on the lesson's columns makes (N, 2); np.meshgrid is 'xy'", (t) => {
  const r = np.array([1, 2, 3]);
  const c = np.c_(np.multiply(r, 2), np.multiply(r, 3));
  t.deepEqual(c.shape, [3, 2]);
  t.deepEqual(np.tolist(c), [[2, 3], [4, 6], [6, 9]]);
  const [xx, yy] = np.meshgrid(np.arange(3), np.arange(2));
  t.deepEqual(xx.shape, [2, 3]);
  t.deepEqual(np.tolist(yy), [[0, 0, 0], [1, 1, 1]]);
});

test("np.array and np functions refuse bad input with numpy's messages", (t) => {
  t.throws(() => np.array([[1, 2], [3]]), {
    message: "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.",
  });
  t.throws(() => np.dot(np.ones([4, 2]), np.ones([3, 5])), { message: "shapes (4,2) and (3,5) not aligned: 2 (dim 1) != 3 (dim 0)" });
  t.throws(() => np.sum(np.ones([2, 2]), { axis: 2 }), { message: "axis 2 is out of bounds for array of dimension 2" });
  t.throws(() => np.max(np.zeros([0])), { message: "zero-size array to reduction operation maximum which has no identity" });
  t.throws(() => np.add(np.ones([2, 3]), np.ones([4])), { message: "operands could not be broadcast together with shapes (2,3) (4,) " });
  t.throws(() => np.ones([2, 3]).slice(0, 3), { message: "index 3 is out of bounds for axis 1 with size 3" });
  t.throws(() => np.ones([2]).slice("0, 0"), { message: "too many indices for array: array is 1-dimensional, but 2 were indexed" });
  t.throws(() => np.ones([2]).slice("a"), { message: /invalid index 'a'/ });
  t.throws(() => np.ones([2]).slice([null, null, 0]), { message: "slice step cannot be zero" });
  t.throws(() => np.array([1, "x" as unknown as number]), { message: /could not convert string to a number/ });
  t.throws(() => np.zeros([2]).astype("complex" as np.DType), { message: /data type 'complex' not understood/ });
  t.throws(() => np.subtract(np.array([true]), np.array([false])), { message: /numpy boolean subtract/ });
});

test("np.tolist and NDArray.tolist give nested arrays (booleans for bool)", (t) => {
  t.deepEqual(np.tolist(np.array([[1.5, 2]])), [[1.5, 2]]);
  t.deepEqual(np.array([true, false]).tolist(), [true, false]);
  t.is(np.tolist(np.array(3)), 3);
});

test("np.dot of 1-D vectors is a 0-d array; np.matmul refuses scalars", (t) => {
  const d = np.dot(np.array([1, 2, 3]), np.array([4, 5, 6]));
  t.is(d.ndim, 0);
  t.is(d.item(), 32);
  t.throws(() => np.matmul(np.array(2), np.ones([2])), { message: /matmul: Input operand 0 does not have enough dimensions/ });
});

test("allocateOutput hands out aligned storage that never overlaps a live array", async (t) => {
  const { allocateOutput } = await import("../lib/np/dtype.js");
  const arrays = Array.from({ length: 300 }, (_, i) => {
    const a = allocateOutput(i % 3 === 0 ? "uint8" : "float64", 1 + ((i * 37) % 2000));
    a.fill(i % 250);
    return a;
  });
  arrays.forEach((a, i) => {
    t.is(a.byteOffset % 8, 0);
    t.true(a.every((v) => v === i % 250), `array ${i} was overwritten`);
  });
});

test("np.array takes typed arrays, NDArrays and lists of NDArrays (a copy each time)", (t) => {
  const f = np.array(new Float32Array([1.5, 2]));
  t.is(f.dtype, "float32");
  const stacked = np.array([np.zeros(2), np.ones(2)]);
  t.deepEqual(stacked.shape, [2, 2]);
  t.deepEqual(np.tolist(stacked), [[0, 0], [1, 1]]);
  const src = np.arange(3);
  const copy = np.array(src);
  copy.set(0, 9);
  t.is(src.get(0), 0);
  t.is(np.asarray(src), src);
  t.deepEqual(np.array([]).shape, [0]);
  t.is(np.array(5).ndim, 0);
});

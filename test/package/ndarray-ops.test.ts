/**
 * Interop with scijs ndarray-ops: an NDArray's `.nd` is a plain scijs ndarray view (data, shape,
 * stride, offset), so ndarray-ops reads it, views included (transposed, sliced, reversed), and writes
 * through it into the NDArray's own data. Each result is compared with np's own function on the same array.
 */
import test from "ava";
import ops from "ndarray-ops";
import { np } from "../../lib/index.js";

const A = () => np.arange(12).astype("float64").reshape(3, 4);

test("ndarray-ops reads np's arrays and views: sum, sup and argmin agree with np", (t) => {
  const a = np.array([[3, -1, 4, 1], [-5, 9, 2, -6], [5, 3, -5, 8]], "float64"); // integers: every summation order is exact
  for (const [name, v] of [["a", a], ["a.T", a.T], ['a.slice("1:, ::-2")', a.slice("1:, ::-2")]] as const) {
    t.is(ops.sum(v.nd), np.sum(v), name);
    t.is(ops.sup(v.nd), np.max(v), name);
    const flat = np.argmin(v);
    t.deepEqual(ops.argmin(v.nd), [Math.floor(flat / v.shape[1]!), flat % v.shape[1]!], name);
  }
});

test("ndarray-ops writes through .nd into the NDArray, views included", (t) => {
  const a = A();
  const b = np.ones([3, 4]);
  const expected = np.tolist(np.exp(np.multiply(np.add(a, b), 0.5)));
  ops.addeq(a.nd, b.nd);
  ops.mulseq(a.nd, 0.5);
  ops.expeq(a.nd);
  t.deepEqual(np.tolist(a), expected);

  const c = np.zeros([3, 4]);
  ops.assigns(c.T.slice("1").nd, 7); // numpy's c.T[1] = 7: column 1 of c
  t.deepEqual(np.tolist(np.sum(c, { axis: 0 })), [0, 21, 0, 0]);
  t.true(ops.equals(c.T.nd, c.T.copy().nd));
});

test("ndarray-ops adds a broadcast-free pair as np.add does, into a fresh np array", (t) => {
  const a = new np.random.RandomState(0).randn(4, 5);
  const b = np.square(a).T.copy().T; // the same values in Fortran order: other strides
  const out = np.zeros([4, 5]);
  ops.add(out.nd, a.nd, b.nd);
  t.deepEqual(np.tolist(out), np.tolist(np.add(a, b)));
});

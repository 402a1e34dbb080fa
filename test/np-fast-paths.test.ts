/**
 * The fast paths of elementwise.ts (contiguous float64 results: same shape, a column or a row
 * broadcast, a number on either side) and linalg.ts (`np.dot` with two columns, or with k = 2)
 * must give the bits the general paths give. Each case computes the same values twice: once from
 * contiguous arrays (the fast path) and once from the same values in a non-contiguous layout (a
 * transposed copy, transposed back), which the fast paths leave to the general code; the two
 * results must agree bit for bit, -0 and NaN included (Object.is).
 */
import test from "ava";
import { np } from "../lib/index.js";

/** Signed zeros, infinities, NaN, exact and inexact values: what may round differently. */
const SPECIALS = [0, -0, 1, -1, 0.5, -2.5, 1e-300, -1e300, Infinity, -Infinity, NaN, 0.1, 3];

/**
 * A C-contiguous array of `shape` in `dtype` from seeded normals, a third of them replaced by
 * special values unless `specials` is false (sums of many terms need finite values to show their order).
 */
function values(shape: number[], dtype: np.DType, seed: number, specials = true): np.NDArray {
  np.random.seed(seed);
  const a = np.random.randn(...shape);
  const d = a.nd.data;
  if (specials) for (let i = 0; i < d.length; i++) if ((i * 7 + seed) % 3 === 0) d[i] = SPECIALS[(i + seed) % SPECIALS.length];
  if (dtype === "float64") return a;
  // integer-like dtypes: small whole numbers (numpy's cast of NaN/inf is undefined, so none here)
  return np.array(Array.from(d, (v, i) => (Number.isFinite(v) ? Math.trunc(v * 3) : i % 5)), "float64").reshape(shape).astype(dtype);
}

function assertSameBits(t: { is: (a: unknown, b: unknown, m?: string) => void; true: (a: boolean, m?: string) => void }, got: np.NDArray, want: np.NDArray, what: string): void {
  t.is(got.dtype, want.dtype, `${what}: dtype`);
  t.is(got.shape.join(","), want.shape.join(","), `${what}: shape`);
  const g = got.values();
  const w = want.values();
  for (let i = 0; i < w.length; i++) {
    if (!Object.is(g[i], w[i])) {
      t.true(false, `${what}: element ${i} is ${g[i]}, the general path gives ${w[i]}`);
      return;
    }
  }
}

const OPS = { add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide, maximum: np.maximum, minimum: np.minimum, power: np.power };

test("elementwise fast paths give the general path's bits: same shape, column and row broadcasts, mixed dtypes", (t) => {
  const pairs: [number[], number[]][] = [
    [[4, 5], [4, 5]],
    [[4, 5], [4, 1]],
    [[4, 1], [4, 5]],
    [[4, 5], [1, 5]],
    [[1, 5], [4, 5]],
    [[1, 5], [1, 1]],
    [[3, 7], [3, 7]],
  ];
  const dtypes: [np.DType, np.DType][] = [["float64", "float64"], ["uint8", "float64"], ["float64", "uint8"], ["int64", "float64"], ["float64", "bool"], ["float32", "float64"]];
  let seed = 1;
  for (const [name, f] of Object.entries(OPS)) {
    for (const [sa, sb] of pairs) {
      for (const [ta, tb] of dtypes) {
        const a = values(sa, ta, seed++);
        const b = values(sb, tb, seed++);
        const what = `${name} ${ta}${JSON.stringify(sa)} with ${tb}${JSON.stringify(sb)}`;
        // the general path: both operands in Fortran order (not C-contiguous when 2-D with both sides > 1)
        const want = f(a.T.copy().T, b.T.copy().T);
        assertSameBits(t, f(a, b), want, what);
      }
    }
  }
});

test("elementwise fast paths with a number on either side give the general path's bits (power 2 and 0.5 included)", (t) => {
  const a = values([6, 7], "float64", 3);
  const general = a.T.copy().T; // Fortran order: the general path copies it, then runs the same loops
  for (const [name, f] of Object.entries(OPS)) {
    for (const s of [2, 0.5, -1.5, 3, 0, -0, NaN]) {
      assertSameBits(t, f(a, s), f(general, s), `${name}(A, ${s})`);
      assertSameBits(t, f(s, a), f(s, general), `${name}(${s}, A)`);
    }
  }
});

test("dot's two-column and k = 2 paths give the bits of the loops they stand for", (t) => {
  for (const [n, k] of [[4, 400], [5, 9], [1, 3], [3, 1]]) {
    // A (n, k) · B (k, 2) with B's rows contiguous (`np.dot(dZ1, X.T)`): each element is the same
    // running sum the row passes compute for a third column
    const A = values([n, k], "float64", n * 10 + k, k < 10);
    const B3 = values([k, 3], "float64", n + k, k < 10);
    const two = np.dot(A, B3.slice(":, 0:2").copy());
    const three = np.dot(A, B3);
    assertSameBits(t, two, three.slice(":, 0:2").copy(), `(${n},${k})·(${k},2) against the first two columns of (${k},3)`);
  }
  for (const [n, m, specials] of [[4, 400, 0], [3, 7, 1], [1, 2, 1]]) {
    // A (n, 2) · B (2, m) with B = (m, 2).T, as the lesson's W1 · X: the loops for A in another layout
    const A = values([n, 2], "float64", n + m, specials === 1);
    const B = values([m, 2], "float64", n * m, specials === 1).T;
    assertSameBits(t, np.dot(A, B), np.dot(A.T.copy().T, B), `(${n},2)·(2,${m})`);
  }
});

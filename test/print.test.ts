import test from "ava";
import { inspect } from "node:util";
import { np } from "../lib/index.js";
import { allocate } from "../lib/np/dtype.js";
import { fromHex } from "./support/floats.js";
import { loadFixture } from "./support/fixtures.js";

type Case = {
  name: string;
  dtype: np.DType;
  shape: number[];
  data?: (string | number)[];
  formula?: { mult: number; mod: number; scale: number; offset: number };
  options: Partial<np.PrintOptions>;
  repr: string;
  str: string;
};
const { cases } = loadFixture<{ cases: Case[] }>("print");

/** The fixture's array: its listed values, or element i = ((i * mult) % mod) * scale + offset. */
function build(c: Case): np.NDArray {
  const n = c.shape.reduce((a, b) => a * b, 1);
  const data = allocate(c.dtype, n);
  for (let i = 0; i < n; i++) {
    if (c.formula) {
      const { mult, mod, scale, offset } = c.formula;
      data[i] = ((i * mult) % mod) * scale + offset;
    } else {
      const v = c.data![i];
      data[i] = typeof v === "string" ? fromHex(v) : v;
    }
  }
  return np.NDArray.fromData(data, c.shape, c.dtype);
}

/** Runs f with the case's print options set, restoring the previous ones after. */
function withOptions<T>(opts: Partial<np.PrintOptions>, f: () => T): T {
  const saved = np.get_printoptions();
  np.set_printoptions(opts);
  try {
    return f();
  } finally {
    np.set_printoptions(saved);
  }
}

for (const c of cases) {
  const opts = Object.keys(c.options).length ? ` with ${JSON.stringify(c.options)}` : "";
  test.serial(`np.array_repr and np.array_str equal numpy's for ${c.name} ${c.dtype} ${JSON.stringify(c.shape)}${opts}`, (t) => {
    const a = build(c);
    withOptions(c.options, () => {
      t.is(np.array_repr(a), c.repr);
      t.is(np.array_str(a), c.str);
    });
  });
}

test.serial("String(a), a.toString() and util.inspect(a) give numpy's repr", (t) => {
  np.random.seed(1);
  const a = np.random.randn(2, 2);
  const want = "array([[ 1.62434536, -0.61175641],\n       [-0.52817175, -1.07296862]])";
  t.is(String(a), want);
  t.is(a.toString(), want);
  t.is(inspect(a), want);
  t.is(`${np.NDArray.fromData(new Uint8Array([0, 1]), [2], "uint8")}`, "array([0, 1], dtype=uint8)");
});

test.serial("np.array2string takes numpy's keyword options", (t) => {
  const a = np.NDArray.fromData(new Float64Array([1, 2.5, 3, 4]), [2, 2], "float64");
  t.is(np.array2string(a), "[[1.  2.5]\n [3.  4. ]]");
  t.is(np.array2string(a, { separator: ", " }), "[[1. , 2.5],\n [3. , 4. ]]");
  t.is(np.array2string(a, { precision: 0 }), "[[1. 2.]\n [3. 4.]]");
  const wide = np.NDArray.fromData(Float64Array.from({ length: 8 }, (_, i) => i), [8], "float64");
  t.is(np.array2string(wide, { max_line_width: 12 }), "[0. 1. 2.\n 3. 4. 5.\n 6. 7.]");
  t.is(np.array2string(wide, { threshold: 4, edgeitems: 1 }), "[0. ... 7.]");
  t.is(np.array2string(np.NDArray.fromData(new Float64Array([1e-9, 1]), [2], "float64"), { suppress_small: true }), "[0. 1.]");
  t.is(np.array2string(np.NDArray.fromData(new Float64Array(0), [0], "float64")), "[]");
});

test.serial("np.set_printoptions changes later prints and np.get_printoptions reports them", (t) => {
  const saved = np.get_printoptions();
  t.deepEqual(saved, { precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false });
  const a = np.NDArray.fromData(new Float64Array([Math.PI, 1e-9]), [2], "float64");
  try {
    np.set_printoptions({ precision: 3 });
    t.is(String(a), "array([3.142e+00, 1.000e-09])");
    np.set_printoptions({ suppress: true });
    t.is(String(a), "array([3.142, 0.   ])");
    t.is(np.get_printoptions().precision, 3);
  } finally {
    np.set_printoptions(saved);
  }
  t.is(String(a), "array([3.14159265e+00, 1.00000000e-09])");
});

test.serial("np.set_printoptions rejects bad values with a clear message", (t) => {
  t.throws(() => np.set_printoptions({ precision: -1 }), { message: "precision must be a non-negative integer, got -1" });
  t.throws(() => np.set_printoptions({ edgeitems: 1.5 }), { message: "edgeitems must be a non-negative integer, got 1.5" });
  t.throws(() => np.set_printoptions({ threshold: NaN }), {
    message: "threshold must be non-NAN, try Infinity for untruncated representation",
  });
  t.is(np.get_printoptions().precision, 8);
});

test.serial("np.array_repr prints non-contiguous views (a.T) in their logical order", (t) => {
  const a = np.NDArray.fromData(Int32Array.from({ length: 6 }, (_, i) => i), [2, 3], "int32");
  t.is(np.array_repr(a.T), "array([[0, 3],\n       [1, 4],\n       [2, 5]], dtype=int32)");
});

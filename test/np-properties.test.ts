/**
 * Property tests (fast-check) of broadcasting, axis reductions and slicing against naive
 * references written from numpy's rules, on random shapes, strided views and values. Each property
 * asserts (node:assert) rather than returning a boolean, so a failure reports fast-check's shrunk
 * case together with the element, index and values that differ.
 */
import test from "ava";
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { np } from "../lib/index.js";

/** Asserts got === want (so -0 equals 0, as numpy compares), naming the element in the message. */
function same(got: number, want: number, what: string): void {
  assert.ok(got === want, `${what}: got ${got}, want ${want}`);
}

/** Naive element access by multi-index through get(). */
function at(a: np.NDArray, idx: number[]): number {
  return a.get(...idx);
}

function* indices(shape: readonly number[]): Generator<number[]> {
  const n = shape.reduce((p, d) => p * d, 1);
  for (let k = 0; k < n; k++) {
    const idx = new Array<number>(shape.length);
    let r = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = r % shape[d];
      r = Math.floor(r / shape[d]);
    }
    yield idx;
  }
}

/** Integer-valued floats, so that every summation order gives the same exact answer. */
const intFloat = fc.integer({ min: -50, max: 50 });

function arrayOf(shape: number[], values: number[], transposed: boolean): np.NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = Float64Array.from({ length: n }, (_, i) => values[i % values.length] ?? 0);
  if (!transposed || shape.length < 2) return np.NDArray.fromData(data, shape, "float64");
  // the same logical array, stored transposed: exercise strided views
  const rev = [...shape].reverse();
  const t = np.NDArray.fromData(new Float64Array(n), rev, "float64");
  for (const idx of indices(shape)) t.set(...[...idx].reverse(), at(np.NDArray.fromData(data, shape, "float64"), idx));
  return t.T;
}

/** Two shapes that broadcast: each dim of the shorter equals the longer's or is 1, or the longer's is 1. */
const broadcastPair = fc
  .record({
    out: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 }),
    dropA: fc.integer({ min: 0, max: 4 }),
    dropB: fc.integer({ min: 0, max: 4 }),
    onesA: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    onesB: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    values: fc.array(intFloat, { minLength: 1, maxLength: 64 }),
    tA: fc.boolean(),
    tB: fc.boolean(),
  })
  .map(({ out, dropA, dropB, onesA, onesB, values, tA, tB }) => {
    const a = out.slice(Math.min(dropA, out.length)).map((d, i) => (onesA[i] ? 1 : d));
    const b = out.slice(Math.min(dropB, out.length)).map((d, i) => (onesB[i] ? 1 : d));
    return { a, b, values, tA, tB };
  });

/** numpy's broadcast result shape, written the long way. */
function refShape(a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    out.push(x === 1 ? y : x);
  }
  return out;
}

function refIndex(idx: number[], shape: number[]): number[] {
  const off = idx.length - shape.length;
  return shape.map((d, i) => (d === 1 ? 0 : idx[off + i]));
}

const OPS: [string, (x: np.ArrayLike, y: np.ArrayLike) => np.NDArray, (x: number, y: number) => number][] = [
  ["add", np.add, (x, y) => x + y],
  ["subtract", np.subtract, (x, y) => x - y],
  ["multiply", np.multiply, (x, y) => x * y],
  ["maximum", np.maximum, (x, y) => Math.max(x, y)],
  ["greater", np.greater, (x, y) => (x > y ? 1 : 0)],
  ["equal", np.equal, (x, y) => (x === y ? 1 : 0)],
];

for (const [name, f, ref] of OPS) {
  test(`np.${name} broadcasts any compatible shapes like the naive index rule`, (t) => {
    fc.assert(
      fc.property(broadcastPair, ({ a, b, values, tA, tB }) => {
        const A = arrayOf(a, values, tA);
        const B = arrayOf(b, values.slice().reverse(), tB);
        const out = f(A, B);
        const shape = refShape(a, b);
        assert.deepEqual(out.shape, shape, "result shape");
        for (const idx of indices(shape)) {
          same(out.get(...idx), ref(at(A, refIndex(idx, a)), at(B, refIndex(idx, b))), `element [${idx}]`);
        }
        // a scalar on either side is a 0-d operand
        const s = values[0];
        const left = f(s, A);
        const right = f(A, s);
        for (const idx of indices(a)) {
          same(left.get(...idx), ref(s, at(A, idx)), `scalar on the left, element [${idx}]`);
          same(right.get(...idx), ref(at(A, idx), s), `scalar on the right, element [${idx}]`);
        }
      }),
      { numRuns: 150 },
    );
    t.pass();
  });
}

test("np.add refuses shapes that do not broadcast, naming both shapes", (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), (x, y, rows) => {
      fc.pre(x !== y);
      const shapeA = [rows, x];
      assert.throws(() => np.add(np.zeros(shapeA), np.zeros([y])), {
        message: `operands could not be broadcast together with shapes (${rows},${x}) (${y},) `,
      });
    }),
  );
  t.pass();
});

/** A random shape, values, axes subset and keepdims. */
const reduction = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    values: fc.array(intFloat, { minLength: 1, maxLength: 64 }),
    pick: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    negative: fc.boolean(),
    keepdims: fc.boolean(),
    transposed: fc.boolean(),
  })
  .map((r) => {
    const axes = r.shape.map((_, i) => i).filter((i) => r.pick[i]);
    return { ...r, axes: r.negative ? axes.map((ax) => ax - r.shape.length) : axes };
  });

function refReduce(a: np.NDArray, axes: number[], keepdims: boolean, f: (xs: number[]) => number): { shape: number[]; values: number[] } {
  const nd = a.ndim;
  const red = new Set(axes.map((ax) => (ax < 0 ? ax + nd : ax)));
  const outShape = a.shape.map((d, i) => (red.has(i) ? 1 : d));
  const groups = new Map<string, number[]>();
  for (const idx of indices(a.shape)) {
    const key = idx.map((v, i) => (red.has(i) ? 0 : v)).join(",");
    groups.set(key, [...(groups.get(key) ?? []), at(a, idx)]);
  }
  const values = [...indices(outShape)].map((idx) => f(groups.get(idx.join(",")) ?? []));
  return { shape: keepdims ? outShape : a.shape.filter((_, i) => !red.has(i)), values };
}

const REDUCERS: [string, (a: np.ArrayLike, o: np.ReduceOptions) => number | np.NDArray, (xs: number[]) => number][] = [
  ["sum", np.sum, (xs) => xs.reduce((p, x) => p + x, 0)],
  ["mean", np.mean, (xs) => xs.reduce((p, x) => p + x, 0) / xs.length],
  ["max", np.max, (xs) => Math.max(...xs)],
  ["min", np.min, (xs) => Math.min(...xs)],
  ["prod", np.prod, (xs) => xs.reduce((p, x) => p * x, 1)],
];

for (const [name, f, ref] of REDUCERS) {
  test(`np.${name}(a, { axis, keepdims }) agrees with the naive per-group reduction for any axes`, (t) => {
    fc.assert(
      fc.property(reduction, ({ shape, values, axes, keepdims, transposed }) => {
        const a = arrayOf(shape, name === "prod" ? values.map((v) => (v % 3) + 1) : values, transposed);
        const got = f(a, { axis: axes, keepdims });
        const want = refReduce(a, axes, keepdims, ref);
        assert.ok(got instanceof np.NDArray, "an axis reduction gives an NDArray");
        assert.deepEqual(got.shape, want.shape, "result shape");
        Array.from(got.values()).forEach((v, i) => {
          const w = want.values[i];
          assert.ok(Math.abs(v - w) <= 1e-12 * Math.max(1, Math.abs(w)), `element ${i}: ${v} vs ${w}`);
        });
      }),
      { numRuns: 150 },
    );
    // and without an axis: one JavaScript number over everything
    fc.assert(
      fc.property(reduction, ({ shape, values, transposed }) => {
        const a = arrayOf(shape, name === "prod" ? values.map((v) => (v % 3) + 1) : values, transposed);
        const all = [...indices(shape)].map((idx) => at(a, idx));
        const got = f(a, {});
        const want = ref(all);
        assert.equal(typeof got, "number", "a reduction over everything gives a number");
        assert.ok(Math.abs((got as number) - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${String(got)} vs ${want}`);
      }),
      { numRuns: 100 },
    );
    t.pass();
  });
}

test("np.argmax/np.argmin along an axis pick the first extreme like a naive scan", (t) => {
  fc.assert(
    fc.property(reduction, fc.nat(), ({ shape, values, transposed }, k) => {
      const a = arrayOf(shape, values.map((v) => v % 4), transposed);
      const axis = k % shape.length;
      const ref = (xs: number[], better: (x: number, y: number) => boolean) => xs.reduce((best, x, i) => (better(x, xs[best]) ? i : best), 0);
      const amax = np.argmax(a, { axis });
      const amin = np.argmin(a, { axis });
      const wmax = refReduce(a, [axis], false, (xs) => ref(xs, (x, y) => x > y));
      const wmin = refReduce(a, [axis], false, (xs) => ref(xs, (x, y) => x < y));
      assert.equal(amax.dtype, "int64");
      assert.deepEqual(Array.from(amax.values()), wmax.values, `argmax along axis ${axis}`);
      assert.deepEqual(Array.from(amin.values()), wmin.values, `argmin along axis ${axis}`);
    }),
    { numRuns: 150 },
  );
  t.pass();
});

/** Python's slicing, written out: the indices start, start+step, ... before stop, clamped. */
function refSlice(n: number, start: number | null, stop: number | null, step: number): number[] {
  const norm = (v: number) => (v < 0 ? v + n : v);
  const out: number[] = [];
  if (step > 0) {
    const b = start === null ? 0 : Math.min(Math.max(norm(start), 0), n);
    const e = stop === null ? n : Math.min(Math.max(norm(stop), 0), n);
    for (let i = b; i < e; i += step) out.push(i);
  } else {
    const b = start === null ? n - 1 : Math.min(Math.max(norm(start), -1), n - 1);
    const e = stop === null ? -1 : Math.min(Math.max(norm(stop), -1), n - 1);
    for (let i = b; i > e; i += step) out.push(i);
  }
  return out;
}

test("NDArray.slice([start, stop, step]) selects what Python's slicing selects, as a view", (t) => {
  const opt = fc.option(fc.integer({ min: -8, max: 8 }), { nil: null });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 7 }), opt, opt, fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), (n, start, stop, step) => {
      const a = np.arange(n * 2).reshape(n, 2);
      const view = a.slice([start, stop, step], 1);
      const want = refSlice(n, start, stop, step).map((i) => 2 * i + 1);
      assert.deepEqual(Array.from(view.values()), want, "slice([start, stop, step], 1)");
      const text = `${start ?? ""}:${stop ?? ""}:${step}, 1`;
      assert.deepEqual(Array.from(a.slice(text).values()), want, `slice("${text}")`);
      if (want.length > 0) {
        view.set(0, -1); // writes through to a
        same(a.get(want[0] >> 1, 1), -1, "a write through the view reaches the array");
      }
    }),
  );
  t.pass();
});

test("np.where(c, x, y) broadcasts all three like the naive index rule", (t) => {
  fc.assert(
    fc.property(broadcastPair, fc.boolean(), ({ a, b, values, tA, tB }, scalarY) => {
      const A = arrayOf(a, values, tA);
      const B = arrayOf(b, values.slice().reverse(), tB);
      const C = np.greater(A, 0);
      const out = np.where(C, B, scalarY ? -7 : A);
      const shape = refShape(a, b);
      assert.deepEqual(out.shape, shape, "result shape");
      for (const idx of indices(shape)) {
        const ia = refIndex(idx, a);
        const want = at(A, ia) > 0 ? at(B, refIndex(idx, b)) : scalarY ? -7 : at(A, ia);
        same(out.get(...idx), want, `element [${idx}]`);
      }
    }),
    { numRuns: 150 },
  );
  t.pass();
});

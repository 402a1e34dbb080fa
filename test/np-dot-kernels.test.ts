/**
 * lib/np/gemm.ts's loops must give, element for element, the bits of the reference loops
 * (test/helpers/reference-gemm.ts: those the fixtures and the lesson's printed numbers were made with):
 * random shapes, strides (C order, Fortran order, padded, reversed, offset, 1-D operands) and values
 * (wide magnitudes, so that a different summation order would round differently; ±0, ±Infinity,
 * NaN, overflow), the lesson's five products among them, and `np.dot` on them.
 */
import test from "ava";
import { np } from "../lib/index.js";
import { gemm } from "../lib/np/gemm.js";
import { referenceGemm } from "./helpers/reference-gemm.js";
import { random, show, values } from "./helpers/operands.js";

/** A (rows x cols) layout in `data`: offset and two strides; `data` long enough for it. */
interface Layout { data: Float64Array; offset: number; s0: number; s1: number }

/** One of the layouts `np` hands gemm: C order, Fortran order (a transposed view), padded rows or columns, rows reversed. */
function layout(rand: () => number, rows: number, cols: number, specials: boolean): Layout {
  const kind = Math.floor(rand() * 5);
  const pad = 1 + Math.floor(rand() * 3);
  const lead = Math.floor(rand() * 3);
  let s0: number;
  let s1: number;
  if (kind === 0 || kind === 4) [s0, s1] = [cols, 1];
  else if (kind === 1) [s0, s1] = [1, rows];
  else if (kind === 2) [s0, s1] = [cols + pad, 1];
  else [s0, s1] = [pad, rows * pad + 1];
  const span = rows === 0 || cols === 0 ? 0 : (rows - 1) * s0 + (cols - 1) * s1 + 1;
  const data = values(rand, lead + span + 2, specials);
  if (kind === 4 && rows > 1) return { data, offset: lead + (rows - 1) * s0, s0: -s0, s1 }; // rows reversed
  return { data, offset: lead, s0, s1 };
}

/** gemm's and the reference's C for one case. */
function both(a: Layout, b: Layout, n: number, k: number, m: number): [Float64Array, Float64Array] {
  const want = new Float64Array(n * m).fill(7.25); // different fillers: an element a loop forgets shows
  const got = new Float64Array(n * m).fill(-3.5);
  referenceGemm(a.data, a.offset, a.s0, a.s1, b.data, b.offset, b.s0, b.s1, want, n, k, m);
  gemm(a.data, a.offset, a.s0, a.s1, b.data, b.offset, b.s0, b.s1, got, n, k, m);
  return [got, want];
}


function firstDifference(got: Float64Array, want: Float64Array): number {
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) return i;
  return -1;
}

/** The branch of gemm (and kernel) a case takes, as gemm decides it. */
function branch(a: Layout, b: Layout, k: number, m: number): string {
  if (k === 0) return "k = 0";
  if (k === 1) return "outer";
  if (b.s1 === 1 && m === 2) return "two columns";
  if (b.s1 === 1) return "row passes";
  if (a.s1 === 1 && b.s0 === 1) return k === 2 ? "k = 2 dot" : "column dots";
  return "general";
}

test("gemm's loops give the reference's bits over random shapes, strides and values", (t) => {
  const rand = random(12);
  const sizes = [1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 9, 13, 17];
  const taken = new Map<string, number>();
  for (let c = 0; c < 6000; c++) {
    const pick = () => sizes[Math.floor(rand() * sizes.length)];
    const n = pick();
    const k = rand() < 0.1 ? 1 + Math.floor(rand() * 60) : pick();
    const m = pick();
    const specials = rand() < 0.3;
    const a = layout(rand, n, k, specials);
    // B (k, m), or a 1-D B (k,) as product() passes it: m = 1, stride 0 along m
    const oneD = m === 1 && rand() < 0.3;
    const b = oneD ? { ...layout(rand, k, 1, specials), s1: 0 } : layout(rand, k, m, specials);
    const r = both(a, b, n, k, m);
    const name = branch(a, b, k, m);
    taken.set(name, (taken.get(name) ?? 0) + 1);
    const i = firstDifference(r[0], r[1]);
    if (i >= 0) {
      t.fail(`case ${c} (${name}): A (${n},${k}) strides ${a.s0},${a.s1}, B (${k},${m}) strides ${b.s0},${b.s1}: element ${i} is ${show(r[0][i])}, the reference gives ${show(r[1][i])}`);
      return;
    }
  }
  // every kernel ran on many cases
  for (const name of ["outer", "two columns", "row passes", "k = 2 dot", "column dots", "general"]) t.true((taken.get(name) ?? 0) >= 100, `${name}: ${taken.get(name) ?? 0} cases`);
});

/** The lesson's operands: X a transposed view of a (400, 2) array, as the flower data is built. */
function lesson(seed: number, specials: boolean) {
  const rand = random(seed);
  const arr = (shape: number[]) => np.array(Array.from(values(rand, shape[0] * shape[1], specials)), "float64").reshape(shape);
  return { X: arr([400, 2]).T, W1: arr([4, 2]), W2: arr([1, 4]), A1: arr([4, 400]), dZ2: arr([1, 400]), dZ1: arr([4, 400]) };
}

test("np.dot gives the reference's bits for the lesson's five products (gemm or WebAssembly)", (t) => {
  for (const [seed, specials] of [[1, false], [2, true], [3, true]] as const) {
    const { X, W1, W2, A1, dZ2, dZ1 } = lesson(seed, specials);
    for (const [name, A, B] of [["W1 · X", W1, X], ["W2 · A1", W2, A1], ["dZ2 · A1.T", dZ2, A1.T], ["W2.T · dZ2", W2.T, dZ2], ["dZ1 · X.T", dZ1, X.T]] as const) {
      const [n, k] = A.shape;
      const m = B.shape[1];
      const a = { data: A.nd.data as Float64Array, offset: A.nd.offset, s0: A.nd.stride[0], s1: A.nd.stride[1] };
      const b = { data: B.nd.data as Float64Array, offset: B.nd.offset, s0: B.nd.stride[0], s1: B.nd.stride[1] };
      const want = both(a, b, n, k, m)[1];
      const got = np.dot(A, B);
      t.deepEqual(got.shape, [n, m], name);
      t.is(firstDifference(got.values() as Float64Array, want), -1, `${name} (seed ${seed}): np.dot differs from the reference`);
    }
  }
});

/**
 * The WebAssembly SIMD kernels (lib/np/wasm) against the scalar JavaScript they replace, bit for bit:
 * exp, log, tanh (fastmath.ts), the sigmoid and 1 − a² of the training loop, the dense layer and the
 * backward sums (dense.ts's JavaScript loops), over wide ranges, every kind of special value, odd
 * lengths and offsets, in place and through the copy path. Also: the committed module is what the
 * build script makes from the committed .wat, and the kernels' memory may grow under a view.
 */
import test from "ava";
import { readFileSync } from "node:fs";
import { exp, log, tanh } from "../lib/np/fastmath.js";
import {
  expInto, hasSimdKernels, instantiateMathKernels, logInto, oneMinusSquareInto, reserveFloat64, sigmoidInto, tanhInto,
} from "../lib/np/wasm/math.js";
import { backwardSums, denseInto } from "../lib/np/wasm/dense.js";
import { loadPlanarDataset, nnModel } from "../lib/index.js";
import { MODULES, generatedModule } from "../scripts/wasm/build.js";

/** A seeded generator of doubles in [0, 1) (xorshift32), so that a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const SPECIAL = [
  NaN, -NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1e-310, -1e-310, 2.2250738585072014e-308, 2.225073858507201e-308,
  1, -1, 2, 0.5, 0.625, -0.625, 0.6249999999999999, -0.6249999999999999, 22, -22, 22.000000000000004, -22.000000000000004,
  700, -700, 700.0000000000001, -700.0000000000001, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
  -708.3964185322641, -708.4, 4.49423283715579e307, 4.4942328371557893e307, 8.98846567431158e307, 1.7976931348623157e308,
  -1.7976931348623157e308, Math.SQRT2, Math.SQRT1_2, 1 - 2 ** -53, 1 + 2 ** -52, 1e-8, -1e-8, 1e300, -1e300,
];

/** Doubles of every magnitude: random bit patterns, then dense ranges around where the kernels branch. */
function testValues(n: number, seed: number): Float64Array {
  const next = random(seed);
  const xs = new Float64Array(n);
  const words = new Uint32Array(xs.buffer);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.3) {
      words[2 * i] = next() * 2 ** 32;
      words[2 * i + 1] = next() * 2 ** 32; // any double, NaNs included
    } else if (r < 0.5) xs[i] = (next() - 0.5) * 1500;
    else if (r < 0.75) xs[i] = (next() - 0.5) * 50;
    else if (r < 0.9) xs[i] = (next() - 0.5) * 2;
    else xs[i] = next() * 4;
  }
  xs.set(SPECIAL);
  return xs;
}

const same = (a: number, b: number) => Object.is(a, b) || (a !== a && b !== b);

/** The index of the first value where `got` differs from f(x) bit for bit (NaNs equal), or -1. */
function firstDifference(xs: ArrayLike<number>, got: ArrayLike<number>, f: (x: number) => number): number {
  for (let i = 0; i < xs.length; i++) if (!same(got[i], f(xs[i]))) return i;
  return -1;
}

test("WebAssembly SIMD is available in this Node (the kernels are in use)", (t) => {
  t.true(hasSimdKernels());
});

test("the committed modules are what scripts/wasm/build.ts makes from their .wat (math.wat, gemm.wat)", (t) => {
  for (const m of MODULES) t.is(readFileSync(new URL(`../${m.generated}`, import.meta.url), "utf8"), generatedModule(m), m.generated);
});

const sigmoid = (x: number) => 1 / (1 + exp(-x));
const KERNELS = [
  ["exp", exp, expInto],
  ["log", log, logInto],
  ["tanh", tanh, tanhInto],
  ["sigmoid", sigmoid, sigmoidInto],
  ["1 - a*a", (a: number) => 1 - a * a, oneMinusSquareInto],
] as const;

for (const [name, f, into] of KERNELS) {
  test(`${name}: the SIMD kernel gives the scalar function's bits on 200,000 values of every kind, through the copy path`, (t) => {
    const xs = testValues(200_001, name.length * 7919);
    const out = new Float64Array(xs.length);
    into(xs, 0, out, 0, xs.length);
    const i = firstDifference(xs, out, f);
    t.is(i, -1, i >= 0 ? `x = ${xs[i]}: ${out[i]}, scalar ${f(xs[i])}` : "");
  });

  test(`${name}: odd lengths, offsets, in place, in the kernels' memory and below the SIMD threshold`, (t) => {
    const xs = testValues(5000, 17 + name.length);
    for (const n of [0, 1, 2, 3, 15, 16, 17, 31, 4095, 4096, 4097, 4999]) {
      const out = new Float64Array(n + 3).fill(7);
      into(xs, 1, out, 2, n - 1 > 0 ? n - 1 : 0);
      const m = Math.max(n - 1, 0);
      t.is(firstDifference(xs.subarray(1, 1 + m), out.subarray(2, 2 + m), f), -1, `copy path, n = ${n}`);
      t.deepEqual([out[0], out[1], out[2 + m]], [7, 7, 7], `writes nothing outside, n = ${n}`);
    }
    const r = reserveFloat64([5000, 5000]);
    try {
      const [a, b] = r.views();
      a.set(xs);
      into(a, 3, b, 1, 4001);
      t.is(firstDifference(xs.subarray(3, 4004), b.subarray(1, 4002), f), -1, "in the memory, no copy");
      into(a, 0, a, 0, 5000);
      t.is(firstDifference(xs, a, f), -1, "in place");
    } finally {
      r.release();
    }
  });
}

test("the dense layer and the backward sums give the bits of their JavaScript loops (odd m, odd nX, nH = 1)", (t) => {
  for (const [nX, nH, m, seed] of [[2, 4, 400, 1], [3, 5, 101, 2], [1, 1, 7, 3], [2, 1, 1, 4], [4, 20, 33, 5]]) {
    const next = random(seed);
    const nXp = nX + (nX % 2), s = 2 + nXp;
    const fill = (a: Float64Array, scale: number) => a.forEach((_, i) => (a[i] = (next() - 0.5) * scale));
    const sizes = [nX * m, nH * nX, nH, nH * m, m * nXp, m, nH * m, nH * m, m, nH, nH * s];
    const plain = sizes.map((n) => new Float64Array(n));
    const [x, W, b, , xT, y, A1, D, A2, W2] = plain;
    fill(x, 8); fill(W, 2); fill(b, 1); fill(A1, 2); fill(D, 1); fill(A2, 1); fill(W2, 2);
    y.forEach((_, i) => (y[i] = next() < 0.5 ? 1 : 0));
    for (let k = 0; k < nX; k++) for (let i = 0; i < m; i++) xT[i * nXp + k] = x[k * m + i];
    const r = reserveFloat64(sizes);
    try {
      const mem = r.views();
      mem.forEach((a, i) => a.set(plain[i]));
      denseInto(plain[0], plain[1], plain[2], plain[3], nX, nH, m); // JavaScript
      denseInto(mem[0], mem[1], mem[2], mem[3], nX, nH, m); // SIMD
      t.deepEqual(mem[3], plain[3], `dense, nX ${nX} nH ${nH} m ${m}`);
      const sumJs = backwardSums(xT, y, A1, D, A2, W2, plain[10], nXp, nH, m);
      const sumSimd = backwardSums(mem[4], mem[5], mem[6], mem[7], mem[8], mem[9], mem[10], nXp, nH, m);
      t.true(Object.is(sumSimd, sumJs), `Σ dZ2, nX ${nX} nH ${nH} m ${m}`);
      t.deepEqual(mem[10], plain[10], `backward sums, nX ${nX} nH ${nH} m ${m}`);
    } finally {
      r.release();
    }
  }
});

test("reserveFloat64: blocks do not overlap, start at zero, and views() re-makes them after the memory grew", (t) => {
  const outer = reserveFloat64([10, 3]);
  const [a, b] = outer.views();
  a.fill(1);
  b.fill(2);
  const inner = reserveFloat64([3_000_000]); // 24 MB: grows the memory, detaching a and b
  const [big] = inner.views();
  t.is(big.length, 3_000_000);
  t.true(big.every((v) => v === 0));
  big.fill(3);
  const [a2, b2] = outer.views();
  t.not(a2, a);
  t.deepEqual([...a2], new Array(10).fill(1));
  t.deepEqual([...b2], new Array(3).fill(2));
  inner.release();
  outer.release();
});

test("a worker's own instance: instantiateMathKernels makes an independent memory with exp's table", (t) => {
  const k = instantiateMathKernels();
  if (k === null) return t.fail("no WebAssembly SIMD");
  const h = new Float64Array(k.memory.buffer);
  const xs = testValues(1001, 99);
  h.set(xs, 1000);
  k.tanh(8000, 8000, xs.length);
  t.is(firstDifference(xs, h.subarray(1000, 1000 + xs.length), tanh), -1);
});

test("nnModel: a report that trains another network (growing the kernels' memory) changes nothing", (t) => {
  const { X, Y } = loadPlanarDataset();
  const plain = nnModel(X, Y, 4, { numIterations: 300, gradient: "as-written" });
  const costs: number[] = [];
  const nested = nnModel(X, Y, 4, {
    numIterations: 300,
    gradient: "as-written",
    costEvery: 100,
    onCost: (_i, c) => {
      costs.push(c);
      nnModel(X, Y, 600, { numIterations: 1 }); // reserves 3·600·400 float64s and more
    },
  });
  for (const key of ["W1", "b1", "W2", "b2"] as const) t.deepEqual(nested[key].values(), plain[key].values(), key);
  t.is(costs.length, 4);
});

/**
 * linalg-wasm.ts's WebAssembly SIMD products must give, element for element, the bits of
 * the reference loops (test/helpers/reference-gemm.ts), over random shapes and values (wide magnitudes, so that another summation
 * order would round differently; ±0, ±Infinity, NaN, overflow) in the layouts they take; refuse
 * the layouts they do not (test/np-wasm.test.ts checks that the committed module is gemm.wat's).
 */
import test from "ava";
import { referenceGemm as gemm } from "./helpers/reference-gemm.js";
import { gemmWasm, hasGemmWasm } from "../lib/np/linalg-wasm.js";
import { random, show, values } from "./helpers/operands.js";


test("WebAssembly SIMD is there to test (Node 20)", (t) => {
  t.true(hasGemmWasm());
});

test("the SIMD products give gemm's bits: two columns and column pairs, random shapes and values", (t) => {
  const rand = random(7);
  const taken = { two: 0, pairs: 0 };
  for (let c = 0; c < 3000; c++) {
    const n = 1 + Math.floor(rand() * 9);
    const k = 2 + Math.floor(rand() * (rand() < 0.2 ? 500 : 12));
    const pairs = rand() < 0.5;
    const m = pairs ? 2 * (1 + Math.floor(rand() * 5)) : 2;
    const specials = rand() < 0.3;
    // A (n, k) in C order at an offset in a longer array; B (k, m) in C order, or B the transpose of a C-ordered (m, k)
    const lead = Math.floor(rand() * 3);
    const ad = values(rand, lead + n * k + 2, specials);
    const bd = values(rand, lead + k * m + 2, specials);
    const [bs0, bs1] = pairs ? [1, k] : [m, 1];
    const want = new Float64Array(n * m).fill(7.25);
    const got = new Float64Array(n * m).fill(-3.5);
    gemm(ad, lead, k, 1, bd, lead, bs0, bs1, want, n, k, m);
    const ran = gemmWasm(ad, lead, k, 1, bd, lead, bs0, bs1, got, n, k, m);
    if (pairs && k === 2) {
      t.false(ran, "k = 2 is gemm.ts's");
      continue;
    }
    t.true(ran, `case ${c}: (${n},${k})·(${k},${m}) ${pairs ? "column pairs" : "two columns"} taken`);
    taken[pairs ? "pairs" : "two"]++;
    for (let i = 0; i < want.length; i++) {
      if (!Object.is(got[i], want[i])) {
        t.fail(`case ${c}: (${n},${k})·(${k},${m}), B strides ${bs0},${bs1}: element ${i} is ${show(got[i])}, gemm gives ${show(want[i])}`);
        return;
      }
    }
  }
  t.true(taken.two > 1000 && taken.pairs > 1000, JSON.stringify(taken));
});

test("the SIMD outer product (k = 1) gives gemm's bits, A's column contiguous or strided", (t) => {
  const rand = random(8);
  for (let c = 0; c < 2000; c++) {
    const n = 1 + Math.floor(rand() * 11);
    const m = 1 + Math.floor(rand() * (rand() < 0.2 ? 500 : 12));
    const as0 = 1 + Math.floor(rand() * 3); // W2.T's column has stride 1; others, any
    const specials = rand() < 0.3;
    const ad = values(rand, 2 + n * as0, specials);
    const bd = values(rand, 2 + m, specials);
    const want = new Float64Array(n * m).fill(7.25);
    const got = new Float64Array(n * m).fill(-3.5);
    gemm(ad, 1, as0, 5, bd, 1, 3, 1, want, n, 1, m);
    t.true(gemmWasm(ad, 1, as0, 5, bd, 1, 3, 1, got, n, 1, m), `case ${c} taken`);
    for (let i = 0; i < want.length; i++) {
      if (!Object.is(got[i], want[i])) {
        t.fail(`case ${c}: (${n},1)·(1,${m}), A stride ${as0}: element ${i} is ${show(got[i])}, gemm gives ${show(want[i])}`);
        return;
      }
    }
  }
});

test("the SIMD products refuse what they do not cover, writing nothing", (t) => {
  const a = new Float64Array(64).fill(1);
  const b = new Float64Array(64).fill(2);
  const refused: [string, number[]][] = [
    ["A in Fortran order", [0, 1, 4, 0, 2, 1, 4, 3]], // ao as0 as1 bo bs0 bs1 n k (m from ms)
    ["B (k, 2) with padded rows", [0, 3, 1, 0, 3, 1, 4, 3]],
    ["odd m for column pairs", [0, 3, 1, 0, 1, 3, 4, 3]],
    ["k = 2 column pairs", [0, 2, 1, 0, 1, 2, 4, 2]],
    ["too large for the memory", [0, 20000, 1, 0, 1, 20000, 1, 20000]],
    ["outer product with B's row strided", [0, 1, 1, 0, 8, 2, 4, 1]],
  ];
  const ms = [2, 2, 3, 4, 2, 6];
  refused.forEach(([what, [ao, as0, as1, bo, bs0, bs1, n, k]], i) => {
    const big = what.startsWith("too large");
    const A = big ? new Float64Array(20000) : a;
    const B = big ? new Float64Array(40000) : b;
    const out = new Float64Array(n * ms[i]).fill(5);
    t.false(gemmWasm(A, ao, as0, as1, B, bo, bs0, bs1, out, n, k, ms[i]), what);
    t.true(out.every((v) => v === 5), `${what}: nothing written`);
  });
});

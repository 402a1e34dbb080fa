/**
 * `dot` and `matmul` with numpy's rules for 0-D, 1-D and 2-D operands.
 * @module
 */
import { type DType, type TypedArray, allocateOutput, isInteger, promoteTypes } from "./dtype.js";
import { TWO53 } from "./convert.js";
import { ValueError, alignError, formatShape } from "./errors.js";
import { type ArrayLike, NDArray } from "./ndarray.js";
import { asarray } from "./creation.js";
import { multiply } from "./elementwise.js";
import { parallelGemm } from "./parallel/ops.js";
import { gemmFloat64 } from "./linalg-kernels.js";
import { gemmWasm } from "./linalg-wasm.js";

/**
 * C (n x m) = A (n x k) · B (k x m) on strided storage, into fresh C-ordered `out`. Three loop
 * shapes cover the lesson's products without temporaries:
 * - k = 1, an outer product (`np.dot(W2.T, dZ2)`): C[i, j] = A[i, 0] B[0, j];
 * - B's rows contiguous (`np.dot(W1, X)`): row i of C accumulates k scaled rows of B;
 * - otherwise (`np.dot(dZ2, A1.T)`, B a transposed view): each C[i, j] is one dot product along k,
 *   with four partial sums when both operands are contiguous along k (a faster dependency chain;
 *   the order differs from a plain loop by rounding only, as BLAS's does).
 *
 * The rounding order of every branch is fixed: the fixtures and the lesson's printed numbers were
 * made with it. Float64 products run linalg-wasm.ts's SIMD kernels or linalg-kernels.ts's small
 * functions instead where they cover the layout (faster, the same bits: test/np-dot-*.test.ts
 * compare them with this function); this one stays for the other dtypes and layouts, and the
 * parallel workers run its source text.
 */
export function gemm(
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): void {
  if (k === 0) {
    out.fill(0);
    return;
  }
  if (k === 1) {
    for (let i = 0; i < n; i++) {
      const ai = ad[ao + i * as0];
      const oi = i * m;
      if (bs1 === 1) {
        let j = 0;
        for (; j + 3 < m; j += 4) {
          out[oi + j] = ai * bd[bo + j];
          out[oi + j + 1] = ai * bd[bo + j + 1];
          out[oi + j + 2] = ai * bd[bo + j + 2];
          out[oi + j + 3] = ai * bd[bo + j + 3];
        }
        for (; j < m; j++) out[oi + j] = ai * bd[bo + j];
      }
      else for (let j = 0; j < m; j++) out[oi + j] = ai * bd[bo + j * bs1];
    }
    return;
  }
  if (bs1 === 1 && m === 2) {
    // A two-column C (`np.dot(dZ1, X.T)`): the passes below would cost more than the two elements
    // they update, so each C[i, j] is one running sum along k instead, in the same order (the
    // passes add A[i, p] * B[p, j] to C[i, j] one p after another, from A[i, 0] * B[0, j]); two
    // rows at a time, so that four independent sums keep the adder busy. Measured for the lesson's
    // (4, 400) · (400, 2), one process, CPU time: 4.4-5.0 µs per product before, 2.1-2.5 after.
    for (let i = 0; i < n; i += 2) {
      const a0 = ao + i * as0;
      const a1 = i + 1 < n ? a0 + as0 : a0; // an odd last row is computed twice, stored once
      let s00 = ad[a0] * bd[bo];
      let s01 = ad[a0] * bd[bo + 1];
      let s10 = ad[a1] * bd[bo];
      let s11 = ad[a1] * bd[bo + 1];
      for (let p = 1; p < k; p++) {
        const b = bo + p * bs0;
        const b0 = bd[b];
        const b1 = bd[b + 1];
        const x = ad[a0 + p * as1];
        const y = ad[a1 + p * as1];
        s00 += x * b0;
        s01 += x * b1;
        s10 += y * b0;
        s11 += y * b1;
      }
      out[2 * i] = s00;
      out[2 * i + 1] = s01;
      if (i + 1 < n) {
        out[2 * i + 2] = s10;
        out[2 * i + 3] = s11;
      }
    }
    return;
  }
  if (bs1 === 1) {
    // Row i of C = sum over p of A[i, p] * (row p of B), four rows of B per pass over C's row,
    // each pass adding its terms to C in order p, p+1, ... (the rounding of a plain loop over p).
    for (let i = 0; i < n; i++) {
      const oi = i * m;
      const ai = ao + i * as0;
      for (let p = 0; p < k; p += 4) {
        const g = Math.min(4, k - p);
        const a0 = ad[ai + p * as1];
        const b0 = bo + p * bs0;
        if (g === 1) {
          if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j];
          else for (let j = 0; j < m; j++) out[oi + j] += a0 * bd[b0 + j];
          continue;
        }
        const a1 = ad[ai + (p + 1) * as1];
        const b1 = b0 + bs0;
        if (g === 2) {
          if (p === 0) {
            let j = 0;
            for (; j + 1 < m; j += 2) {
              out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j];
              out[oi + j + 1] = a0 * bd[b0 + j + 1] + a1 * bd[b1 + j + 1];
            }
            for (; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j];
          }
          else for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j];
          continue;
        }
        const a2 = ad[ai + (p + 2) * as1];
        const b2 = b1 + bs0;
        if (g === 3) {
          if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j];
          else for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j];
          continue;
        }
        const a3 = ad[ai + (p + 3) * as1];
        const b3 = b2 + bs0;
        if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
        else for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
      }
    }
    return;
  }
  if (as1 === 1 && bs0 === 1) {
    const k4 = k - (k % 4);
    const k2 = k - (k % 2);
    for (let i = 0; i < n; i++) {
      const ai = ao + i * as0;
      let j = 0;
      if (k === 2) {
        // (n, 2) · (2, m), `np.dot(W1, X)`: the loop below with its sums written out for k = 2
        // (each sum starts from 0, as there), without its per-column set-up. Measured for the
        // lesson's (4, 2) · (2, 400), one process, CPU time: 5-8 µs per product before, 3.7 after.
        const x0 = ad[ai];
        const x1 = ad[ai + 1];
        for (; j + 1 < m; j += 2) {
          const bj = bo + j * bs1;
          const bk = bj + bs1;
          out[i * m + j] = (0 + x0 * bd[bj]) + (0 + x1 * bd[bj + 1]);
          out[i * m + j + 1] = (0 + x0 * bd[bk]) + (0 + x1 * bd[bk + 1]);
        }
      }
      // two columns of C per pass over A's row: each A element is loaded once for both
      for (; j + 1 < m; j += 2) {
        const bj = bo + j * bs1;
        const bk = bj + bs1;
        let s0 = 0;
        let s1 = 0;
        let t0 = 0;
        let t1 = 0;
        let p = 0;
        for (; p < k2; p += 2) {
          const x0 = ad[ai + p];
          const x1 = ad[ai + p + 1];
          s0 += x0 * bd[bj + p];
          s1 += x1 * bd[bj + p + 1];
          t0 += x0 * bd[bk + p];
          t1 += x1 * bd[bk + p + 1];
        }
        if (p < k) {
          s0 += ad[ai + p] * bd[bj + p];
          t0 += ad[ai + p] * bd[bk + p];
        }
        out[i * m + j] = s0 + s1;
        out[i * m + j + 1] = t0 + t1;
      }
      for (; j < m; j++) {
        const bj = bo + j * bs1;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let p = 0;
        for (; p < k4; p += 4) {
          s0 += ad[ai + p] * bd[bj + p];
          s1 += ad[ai + p + 1] * bd[bj + p + 1];
          s2 += ad[ai + p + 2] * bd[bj + p + 2];
          s3 += ad[ai + p + 3] * bd[bj + p + 3];
        }
        for (; p < k; p++) s0 += ad[ai + p] * bd[bj + p];
        out[i * m + j] = s0 + s1 + (s2 + s3);
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const ai = ao + i * as0;
    for (let j = 0; j < m; j++) {
      const bj = bo + j * bs1;
      let s = 0;
      for (let p = 0; p < k; p++) s += ad[ai + p * as1] * bd[bj + p * bs0];
      out[i * m + j] = s;
    }
  }
}

/**
 * C = A · B for integer dtypes, wrapping as numpy's integer loops do: int32 with Math.imul and
 * 32-bit sums, uint8 on the store, int64 exactly (BigInt for an element whose terms leave the
 * doubles' exact range).
 */
function intGemm(
  dtype: DType,
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const a0 = ao + i * as0;
      const b0 = bo + j * bs1;
      let s = 0;
      if (dtype === "int32") {
        for (let p = 0; p < k; p++) s = (s + Math.imul(ad[a0 + p * as1], bd[b0 + p * bs0])) | 0;
      } else {
        let exact = true;
        for (let p = 0; p < k; p++) {
          s += ad[a0 + p * as1] * bd[b0 + p * bs0];
          if (!(s > -TWO53 && s < TWO53)) exact = false;
        }
        if (!exact) s = exactDot(ad, a0, as1, bd, b0, bs0, k, dtype);
      }
      out[i * m + j] = s + 0;
    }
  }
}

/** One dot product of integers in BigInt, wrapped to the dtype's width. */
function exactDot(ad: TypedArray, a0: number, as1: number, bd: TypedArray, b0: number, bs0: number, k: number, dtype: DType): number {
  let s = 0n;
  for (let p = 0; p < k; p++) s += BigInt(ad[a0 + p * as1]) * BigInt(bd[b0 + p * bs0]);
  return dtype === "uint8" ? Number(BigInt.asUintN(8, s)) : Number(BigInt.asIntN(64, s));
}

/** Shared core: a (n,k) or (k,), b (k,m) or (k,); returns numpy's result shape. */
function product(a: NDArray, b: NDArray, dtype: DType): NDArray {
  const aIs1 = a.ndim === 1;
  const bIs1 = b.ndim === 1;
  const n = aIs1 ? 1 : a.shape[0];
  const k = aIs1 ? a.shape[0] : a.shape[1];
  const m = bIs1 ? 1 : b.shape[1];
  const as0 = aIs1 ? 0 : a.nd.stride[0];
  const as1 = aIs1 ? a.nd.stride[0] : a.nd.stride[1];
  const bs0 = b.nd.stride[0];
  const bs1 = bIs1 ? 0 : b.nd.stride[1];
  const out = allocateOutput(dtype, n * m);
  if (isInteger(dtype)) intGemm(dtype, a.nd.data, a.nd.offset, as0, as1, b.nd.data, b.nd.offset, bs0, bs1, out, n, k, m);
  else if (!parallelGemm(gemm, a.nd.data, a.nd.offset, as0, as1, b.nd.data, b.nd.offset, bs0, bs1, out, n, k, m)) {
    const ad = a.nd.data;
    const bd = b.nd.data;
    // float64 operands: WebAssembly SIMD (linalg-wasm.ts) or small JavaScript kernels
    // (linalg-kernels.ts) where they cover the layout, the same bits as gemm's loops, faster
    if (!(ad instanceof Float64Array && bd instanceof Float64Array && out instanceof Float64Array &&
      (gemmWasm(ad, a.nd.offset, as0, as1, bd, b.nd.offset, bs0, bs1, out, n, k, m) ||
        gemmFloat64(ad, a.nd.offset, as0, as1, bd, b.nd.offset, bs0, bs1, out, n, k, m)))) {
      gemm(ad, a.nd.offset, as0, as1, bd, b.nd.offset, bs0, bs1, out, n, k, m);
    }
  }
  const shape = aIs1 && bIs1 ? [] : aIs1 ? [m] : bIs1 ? [n] : [n, m];
  return NDArray.fromData(out, shape, dtype);
}

/** numpy's dtype for a matrix product: bools and ints as promotion says (bool·bool is bool). */
function productType(a: NDArray, b: NDArray): DType {
  return promoteTypes(a.dtype, b.dtype);
}

/** bool · bool counts in int64, then reads "any product was true", as numpy's logical dot. */
function finishBool(a: NDArray, b: NDArray, dtype: DType): NDArray {
  if (dtype !== "bool") return product(a, b, dtype);
  return product(a, b, "int64").astype("bool");
}

/**
 * The dot product, as numpy's `np.dot`: for 2-D arrays the matrix product; for 1-D arrays the
 * inner product (a 0-d array); 2-D · 1-D and 1-D · 2-D contract the shared axis; a number on
 * either side multiplies elementwise.
 *
 * @param a - a number, a 1-D (k,) or 2-D (n, k) array.
 * @param b - a number, a 1-D (k,) or 2-D (k, m) array.
 * @returns (n, m) for 2-D · 2-D, (n,) or (m,) with one 1-D operand, 0-d for two 1-D operands.
 *   int · int stays integer, int · float is float64.
 * @throws ValueError "shapes (4,2) and (3,5) not aligned: 2 (dim 1) != 3 (dim 0)".
 * @example
 * ```ts
 * const Z1 = np.add(np.dot(W1, X), b1); // (4, 2) · (2, 400) + (4, 1)
 * ```
 */
export function dot(a: ArrayLike, b: ArrayLike): NDArray {
  if (typeof a === "number" || typeof a === "boolean" || typeof b === "number" || typeof b === "boolean") return multiply(a, b);
  const A = asarray(a);
  const B = asarray(b);
  if (A.ndim === 0 || B.ndim === 0) return multiply(A, B);
  if (A.ndim > 2 || B.ndim > 2) {
    throw new ValueError(`np.dot here supports arrays of up to 2 dimensions, got shapes ${formatShape(A.shape)} and ${formatShape(B.shape)}`);
  }
  const ka = A.ndim - 1;
  const kb = B.ndim === 1 ? 0 : B.ndim - 2;
  if (A.shape[ka] !== B.shape[kb]) throw alignError(A.shape, B.shape, ka, kb);
  return finishBool(A, B, productType(A, B));
}

/**
 * The matrix product, as numpy's `np.matmul` (the `@` operator) for 1-D and 2-D operands: a 1-D
 * first operand is a row, a 1-D second operand a column, and their added axis is removed again.
 * @param a - a 1-D (k,) or 2-D (n, k) array (numbers are refused, as numpy).
 * @param b - a 1-D (k,) or 2-D (k, m) array.
 * @throws ValueError "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc
 *   signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)".
 */
export function matmul(a: ArrayLike, b: ArrayLike): NDArray {
  const A = asarray(a);
  const B = asarray(b);
  for (const [i, x] of [A, B].entries()) {
    if (x.ndim === 0) {
      throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`);
    }
  }
  if (A.ndim > 2 || B.ndim > 2) {
    throw new ValueError(`np.matmul here supports arrays of up to 2 dimensions, got shapes ${formatShape(A.shape)} and ${formatShape(B.shape)}`);
  }
  const k = A.shape[A.ndim - 1];
  const kb = B.shape[B.ndim === 1 ? 0 : B.ndim - 2];
  if (k !== kb) {
    throw new ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${kb} is different from ${k})`,
    );
  }
  return finishBool(A, B, productType(A, B));
}

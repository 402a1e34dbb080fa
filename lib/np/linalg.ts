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
import { gemm } from "./gemm.js";
import { gemmWasm } from "./linalg-wasm.js";

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
  else if (!parallelGemm(a.nd.data, a.nd.offset, as0, as1, b.nd.data, b.nd.offset, bs0, bs1, out, n, k, m)) {
    const ad = a.nd.data;
    const bd = b.nd.data;
    // float64 operands: WebAssembly SIMD (linalg-wasm.ts) where it covers the layout, gemm's bits, faster
    if (!(ad instanceof Float64Array && bd instanceof Float64Array && out instanceof Float64Array &&
      gemmWasm(ad, a.nd.offset, as0, as1, bd, b.nd.offset, bs0, bs1, out, n, k, m))) {
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

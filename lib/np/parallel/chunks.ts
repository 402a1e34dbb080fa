/**
 * The pieces of work a parallel operation splits into: each function computes the output elements
 * [lo, hi) of one operation, by calling the op's own loops (`k`, compiled from the same source text
 * as the main thread's, or `gemm` itself). The main thread calls these functions for its chunk;
 * the worker threads get the same functions as source text (`String(fn)`) and run them for theirs.
 *
 * So that their source text works anywhere, each function reads only its arguments and JavaScript's
 * globals (no imports, no module constants, no inner named functions); a name the worker lacks
 * would fail the job with a ReferenceError, reported on the main thread (test/np-parallel.test.ts
 * runs every chunk function on the workers).
 * Every output element is computed by the same expression as on one thread, so results are
 * bit-identical for any split (gemm's columns are split at even indices: see `gemmChunk`).
 * @module
 */
import type { BinaryKernels, Data, UnaryKernels } from "../kernels.js";
import type { TypedArray } from "../dtype.js";

/** How a binary op reads its operands: same-shape contiguous, a scalar on one side, or broadcast rows. */
export const BinaryMode = { Same: 0, ScalarRight: 1, ScalarLeft: 2, Rows: 3 } as const;

/**
 * out[lo..hi) of a binary op. Modes Same/ScalarRight/ScalarLeft read contiguous storage (`s` is the
 * scalar); mode Rows walks a broadcast of `shape` with element strides `sa` and `sb` (0 on a broadcast
 * axis), one row segment at a time, with the unit-stride loops where a row allows, as elementwise.ts.
 */
export function binaryChunk(
  k: BinaryKernels, lo: number, hi: number, mode: number,
  a: Data, ao: number, b: Data, bo: number, s: number, out: TypedArray,
  shape: readonly number[], sa: readonly number[], sb: readonly number[],
): void {
  if (mode === 0) return k.same(a, ao + lo, b, bo + lo, out, lo, hi - lo);
  if (mode === 1) return k.scalarRight(a, ao + lo, s, out, lo, hi - lo);
  if (mode === 2) return k.scalarLeft(s, b, bo + lo, out, lo, hi - lo);
  const nd = shape.length;
  const inner = shape[nd - 1];
  const ia = sa[nd - 1];
  const ib = sb[nd - 1];
  const row = ia === 1 && ib === 0 ? 1 : ia === 0 && ib === 1 ? 2 : ia === 1 && ib === 1 ? 3 : 0;
  for (let start = lo, r = Math.floor(lo / inner); start < hi; r++) {
    // the storage offsets of row r: its index along each outer axis, from the last outer axis up
    let pa = ao;
    let pb = bo;
    for (let d = nd - 2, q = r; d >= 0; d--) {
      const i = q % shape[d];
      q = (q - i) / shape[d];
      pa += i * sa[d];
      pb += i * sb[d];
    }
    const end = Math.min(hi, (r + 1) * inner);
    const j = start - r * inner;
    pa += j * ia;
    pb += j * ib;
    if (row === 1) k.scalarRight(a, pa, b[pb], out, start, end - start);
    else if (row === 2) k.scalarLeft(a[pa], b, pb, out, start, end - start);
    else if (row === 3) k.same(a, pa, b, pb, out, start, end - start);
    else k.strided(a, pa, ia, b, pb, ib, out, start, end - start);
    start = end;
  }
}

/** out[lo..hi) of a unary op over an array of `shape` with element strides `sa` (any view). */
export function unaryChunk(
  k: UnaryKernels, lo: number, hi: number,
  a: Data, ao: number, out: TypedArray, shape: readonly number[], sa: readonly number[],
): void {
  const nd = shape.length;
  const inner = nd === 0 ? 1 : shape[nd - 1];
  const ia = nd === 0 ? 1 : sa[nd - 1];
  for (let start = lo, r = Math.floor(lo / inner); start < hi; r++) {
    let pa = ao;
    for (let d = nd - 2, q = r; d >= 0; d--) {
      const i = q % shape[d];
      q = (q - i) / shape[d];
      pa += i * sa[d];
    }
    const end = Math.min(hi, (r + 1) * inner);
    k.strided(a, pa + (start - r * inner) * ia, ia, out, start, end - start);
    start = end;
  }
}

/** gemm.ts's gemm, as `gemmChunk` calls it. */
export type Gemm = (
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
) => void;

/**
 * Columns [lo, hi) of C (n x m) = A (n x k) · B (k x m): gemm once per row of C on that row's
 * column range (gemm computes each row of C on its own, so this is the same arithmetic). gemm pairs
 * columns 0-1, 2-3, ... in its dot-product loop and gives an odd last column its own loop, so `lo`
 * must be even and `hi` even or m: the pool's `align` of 2 sees to it.
 */
export function gemmChunk(
  gemm: Gemm, lo: number, hi: number,
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): void {
  for (let i = 0; i < n; i++) {
    gemm(ad, ao + i * as0, as0, as1, bd, bo + lo * bs1, bs0, bs1, out.subarray(i * m + lo, i * m + hi), 1, k, hi - lo);
  }
}

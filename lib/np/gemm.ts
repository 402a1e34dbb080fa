/**
 * `gemm`, the float matrix product C (n x m) = A (n x k) · B (k x m) on strided storage into fresh
 * C-ordered `out`, and its loops: one small function per loop shape, which V8 compiles into faster
 * machine code than the same loops inside one large function (issue 12; measured for the lesson's
 * five products, one process, alternating, CPU time, on a loaded 2-core machine, µs per `np.dot` into
 * fresh output storage, one large function → these: W1 · X 2.90 → 1.76, W2 · A1 1.05 → 0.88,
 * dZ2 · A1.T 1.13 → 0.90, W2.T · dZ2 1.90 → 1.64, dZ1 · X.T 1.73 → 1.54; each loop says what else it
 * changed).
 *
 * The shapes, the lesson's products among them:
 * - k = 1, an outer product (`np.dot(W2.T, dZ2)`): C[i, j] = A[i, 0] B[0, j];
 * - B's rows contiguous (`np.dot(W1, X)` with X C-ordered, `np.dot(W2, A1)`, `np.dot(dZ1, X.T)`):
 *   row i of C accumulates k scaled rows of B, or with m = 2 two running sums along k;
 * - A's rows and B's columns contiguous (`np.dot(W1, X)` with X a transposed view, `np.dot(dZ2,
 *   A1.T)`): each C[i, j] is one dot product along k, with partial sums (a shorter dependency chain;
 *   the order differs from a plain loop by rounding only, as BLAS's does);
 * - any other strides: one plain dot product per element.
 *
 * The rounding order of every shape is fixed: the fixtures and the lesson's printed numbers were made
 * with it (test/np-dot-kernels.test.ts compares every loop, bit for bit, with the loops they were made
 * with). Three of the lesson's shapes run as WebAssembly SIMD where it is available and the operands
 * are contiguous blocks (linalg-wasm.ts), with these bits too. The parallel workers compile these
 * functions' source ({@link gemmSource}), so every thread runs the same loops.
 * @module
 */
import type { TypedArray } from "./dtype.js";

/**
 * C (n x m) = A (n x k) · B (k x m): A's element (i, p) at `ad[ao + i * as0 + p * as1]`, B's (p, j)
 * at `bd[bo + p * bs0 + j * bs1]`, C C-ordered in `out` (n * m long). Float storage (and bool, as
 * numpy's dot of bools); integer dtypes have linalg.ts's wrapping loop.
 */
export function gemm(
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): void {
  if (k === 0) out.fill(0);
  else if (k === 1) outer(ad, ao, as0, bd, bo, bs1, out, n, m);
  else if (bs1 === 1 && m === 2) twoColumns(ad, ao, as0, as1, bd, bo, bs0, out, n, k);
  else if (bs1 === 1) rowPasses(ad, ao, as0, as1, bd, bo, bs0, out, n, k, m);
  else if (as1 === 1 && bs0 === 1 && k === 2) innerTwo(ad, ao, as0, bd, bo, bs1, out, n, m);
  else if (as1 === 1 && bs0 === 1) columnDots(ad, ao, as0, bd, bo, bs1, out, n, k, m);
  else strided(ad, ao, as0, as1, bd, bo, bs0, bs1, out, n, k, m);
}

/**
 * The source text of `gemm` and its loops for the worker threads (parallel/ops.ts): a function body
 * that returns `gemm`.
 */
export function gemmSource(): string {
  const loops = [outer, twoColumns, rowPasses, passFour, addFour, innerTwo, columnDots, strided];
  return `${loops.map(String).join("\n")}\nreturn (${String(gemm)});`;
}

/** Any strides: one plain dot product along k per element of C. */
function strided(
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): void {
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
 * k = 1 (`np.dot(W2.T, dZ2)`): C[i, j] = A[i, 0] * B[0, j]; one element of B for four
 * rows of C at a time.
 */
function outer(ad: TypedArray, ao: number, as0: number, bd: TypedArray, bo: number, bs1: number, out: TypedArray, n: number, m: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = ad[ao + i * as0];
    const a1 = ad[ao + (i + 1) * as0];
    const a2 = ad[ao + (i + 2) * as0];
    const a3 = ad[ao + (i + 3) * as0];
    const o0 = i * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    for (let j = 0, b = bo; j < m; j++, b += bs1) {
      const x = bd[b];
      out[o0 + j] = a0 * x;
      out[o1 + j] = a1 * x;
      out[o2 + j] = a2 * x;
      out[o3 + j] = a3 * x;
    }
  }
  for (; i < n; i++) {
    const a = ad[ao + i * as0];
    const oi = i * m;
    for (let j = 0, b = bo; j < m; j++, b += bs1) out[oi + j] = a * bd[b];
  }
}

/**
 * m = 2 with B's rows contiguous (`np.dot(dZ1, X.T)`): each C[i, j] is one running sum from
 * A[i, 0] * B[0, j], adding A[i, p] * B[p, j] for p = 1, 2, ... (the reference order). Four rows at a
 * time, so that eight independent sums keep the adder busy (the reference loop did two rows).
 */
function twoColumns(ad: TypedArray, ao: number, as0: number, as1: number, bd: TypedArray, bo: number, bs0: number, out: TypedArray, n: number, k: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = ao + i * as0;
    const a1 = a0 + as0;
    const a2 = a1 + as0;
    const a3 = a2 + as0;
    const c0 = bd[bo];
    const c1 = bd[bo + 1];
    let s00 = ad[a0] * c0;
    let s01 = ad[a0] * c1;
    let s10 = ad[a1] * c0;
    let s11 = ad[a1] * c1;
    let s20 = ad[a2] * c0;
    let s21 = ad[a2] * c1;
    let s30 = ad[a3] * c0;
    let s31 = ad[a3] * c1;
    for (let p = 1, ap = as1, b = bo + bs0; p < k; p++, ap += as1, b += bs0) {
      const b0 = bd[b];
      const b1 = bd[b + 1];
      const x0 = ad[a0 + ap];
      const x1 = ad[a1 + ap];
      const x2 = ad[a2 + ap];
      const x3 = ad[a3 + ap];
      s00 += x0 * b0;
      s01 += x0 * b1;
      s10 += x1 * b0;
      s11 += x1 * b1;
      s20 += x2 * b0;
      s21 += x2 * b1;
      s30 += x3 * b0;
      s31 += x3 * b1;
    }
    const o = 2 * i;
    out[o] = s00;
    out[o + 1] = s01;
    out[o + 2] = s10;
    out[o + 3] = s11;
    out[o + 4] = s20;
    out[o + 5] = s21;
    out[o + 6] = s30;
    out[o + 7] = s31;
  }
  for (; i < n; i++) {
    const a0 = ao + i * as0;
    let s0 = ad[a0] * bd[bo];
    let s1 = ad[a0] * bd[bo + 1];
    for (let p = 1, ap = a0 + as1, b = bo + bs0; p < k; p++, ap += as1, b += bs0) {
      const x = ad[ap];
      s0 += x * bd[b];
      s1 += x * bd[b + 1];
    }
    out[2 * i] = s0;
    out[2 * i + 1] = s1;
  }
}

/**
 * B's rows contiguous, m != 2 (`np.dot(W2, A1)`): row i of C accumulates the rows of B scaled by
 * A[i, p], four of them per pass, the first pass writing and each later one adding its terms in
 * order p, p + 1, ... (the reference loop's passes, written out the same way).
 */
function rowPasses(ad: TypedArray, ao: number, as0: number, as1: number, bd: TypedArray, bo: number, bs0: number, out: TypedArray, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    const ai = ao + i * as0;
    for (let p = 0; p < k; p += 4) {
      const g = k - p < 4 ? k - p : 4;
      const a0 = ad[ai + p * as1];
      const b0 = bo + p * bs0;
      if (g === 4) {
        const a1 = ad[ai + (p + 1) * as1];
        const a2 = ad[ai + (p + 2) * as1];
        const a3 = ad[ai + (p + 3) * as1];
        if (p === 0) passFour(out, oi, m, bd, b0, bs0, a0, a1, a2, a3);
        else addFour(out, oi, m, bd, b0, bs0, a0, a1, a2, a3);
      } else if (g === 1) {
        if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j];
        else for (let j = 0; j < m; j++) out[oi + j] += a0 * bd[b0 + j];
      } else if (g === 2) {
        const a1 = ad[ai + (p + 1) * as1];
        const b1 = b0 + bs0;
        if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j];
        else for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j];
      } else {
        const a1 = ad[ai + (p + 1) * as1];
        const a2 = ad[ai + (p + 2) * as1];
        const b1 = b0 + bs0;
        const b2 = b1 + bs0;
        if (p === 0) for (let j = 0; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j];
        else for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j];
      }
    }
  }
}

/**
 * A first pass of four rows of B: out[oi + j] = a0 B[p, j] + a1 B[p+1, j] + a2 B[p+2, j] + a3 B[p+3, j],
 * four columns per iteration (V8 checks the arrays' maps once per iteration: measured for the
 * lesson's (1, 4) · (4, 400), CPU time, 1.46 → 1.14 µs median against one column per iteration).
 */
function passFour(out: TypedArray, oi: number, m: number, bd: TypedArray, b0: number, bs0: number, a0: number, a1: number, a2: number, a3: number): void {
  const b1 = b0 + bs0;
  const b2 = b1 + bs0;
  const b3 = b2 + bs0;
  let j = 0;
  for (; j + 3 < m; j += 4) {
    out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
    out[oi + j + 1] = a0 * bd[b0 + j + 1] + a1 * bd[b1 + j + 1] + a2 * bd[b2 + j + 1] + a3 * bd[b3 + j + 1];
    out[oi + j + 2] = a0 * bd[b0 + j + 2] + a1 * bd[b1 + j + 2] + a2 * bd[b2 + j + 2] + a3 * bd[b3 + j + 2];
    out[oi + j + 3] = a0 * bd[b0 + j + 3] + a1 * bd[b1 + j + 3] + a2 * bd[b2 + j + 3] + a3 * bd[b3 + j + 3];
  }
  for (; j < m; j++) out[oi + j] = a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
}

/** A later pass of four rows of B, added to C's row in order. */
function addFour(out: TypedArray, oi: number, m: number, bd: TypedArray, b0: number, bs0: number, a0: number, a1: number, a2: number, a3: number): void {
  const b1 = b0 + bs0;
  const b2 = b1 + bs0;
  const b3 = b2 + bs0;
  for (let j = 0; j < m; j++) out[oi + j] = out[oi + j] + a0 * bd[b0 + j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
}

/**
 * k = 2, A's rows and B's columns contiguous (`np.dot(W1, X)`, X a transposed view): the reference loop gives
 * (0 + A[i, 0] B[0, j]) + (0 + A[i, 1] B[1, j]) for each column pair and ((0 + u) + v) + 0 + (0 + 0)
 * for an odd last column; both equal u + v + 0 in every case (adding 0 changes only a -0, to +0,
 * and u + v is -0 only when u and v both are), which is what this computes, two columns of B for
 * four rows of C per iteration (B's values loaded once for the four; two columns rather than one:
 * 1.88 → 1.54 µs median for the lesson's (4, 2) · (2, 400), CPU time, same process).
 */
function innerTwo(ad: TypedArray, ao: number, as0: number, bd: TypedArray, bo: number, bs1: number, out: TypedArray, n: number, m: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = ao + i * as0;
    const a1 = a0 + as0;
    const a2 = a1 + as0;
    const a3 = a2 + as0;
    const x0 = ad[a0];
    const x1 = ad[a0 + 1];
    const y0 = ad[a1];
    const y1 = ad[a1 + 1];
    const z0 = ad[a2];
    const z1 = ad[a2 + 1];
    const w0 = ad[a3];
    const w1 = ad[a3 + 1];
    const o0 = i * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    let j = 0;
    let b = bo;
    for (; j + 1 < m; j += 2, b += 2 * bs1) {
      const p = bd[b];
      const q = bd[b + 1];
      const r = bd[b + bs1];
      const s = bd[b + bs1 + 1];
      out[o0 + j] = x0 * p + x1 * q + 0;
      out[o0 + j + 1] = x0 * r + x1 * s + 0;
      out[o1 + j] = y0 * p + y1 * q + 0;
      out[o1 + j + 1] = y0 * r + y1 * s + 0;
      out[o2 + j] = z0 * p + z1 * q + 0;
      out[o2 + j + 1] = z0 * r + z1 * s + 0;
      out[o3 + j] = w0 * p + w1 * q + 0;
      out[o3 + j + 1] = w0 * r + w1 * s + 0;
    }
    if (j < m) {
      const p = bd[b];
      const q = bd[b + 1];
      out[o0 + j] = x0 * p + x1 * q + 0;
      out[o1 + j] = y0 * p + y1 * q + 0;
      out[o2 + j] = z0 * p + z1 * q + 0;
      out[o3 + j] = w0 * p + w1 * q + 0;
    }
  }
  for (; i < n; i++) {
    const a0 = ao + i * as0;
    const x0 = ad[a0];
    const x1 = ad[a0 + 1];
    const o0 = i * m;
    for (let j = 0, b = bo; j < m; j++, b += bs1) out[o0 + j] = x0 * bd[b] + x1 * bd[b + 1] + 0;
  }
}

/**
 * A's rows and B's columns contiguous, k > 2 (`np.dot(dZ2, A1.T)`): the reference loop's dot products along
 * k, each column of a pair (0-1, 2-3, ...) summed as two partial sums from 0, even p and odd p
 * (an odd k's last term on the even one), then added; an odd last column as four partial sums.
 * Here two pairs share each load of A's row.
 */
function columnDots(ad: TypedArray, ao: number, as0: number, bd: TypedArray, bo: number, bs1: number, out: TypedArray, n: number, k: number, m: number): void {
  const k2 = k - (k % 2);
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const ai = ao + i * as0;
    const oi = i * m;
    let j = 0;
    for (; j + 3 < m; j += 4) {
      const b0 = bo + j * bs1;
      const b1 = b0 + bs1;
      const b2 = b1 + bs1;
      const b3 = b2 + bs1;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      let u0 = 0;
      let u1 = 0;
      let v0 = 0;
      let v1 = 0;
      for (let p = 0; p < k2; p += 2) {
        const x0 = ad[ai + p];
        const x1 = ad[ai + p + 1];
        s0 += x0 * bd[b0 + p];
        s1 += x1 * bd[b0 + p + 1];
        t0 += x0 * bd[b1 + p];
        t1 += x1 * bd[b1 + p + 1];
        u0 += x0 * bd[b2 + p];
        u1 += x1 * bd[b2 + p + 1];
        v0 += x0 * bd[b3 + p];
        v1 += x1 * bd[b3 + p + 1];
      }
      if (k2 < k) {
        const x = ad[ai + k2];
        s0 += x * bd[b0 + k2];
        t0 += x * bd[b1 + k2];
        u0 += x * bd[b2 + k2];
        v0 += x * bd[b3 + k2];
      }
      out[oi + j] = s0 + s1;
      out[oi + j + 1] = t0 + t1;
      out[oi + j + 2] = u0 + u1;
      out[oi + j + 3] = v0 + v1;
    }
    if (j + 1 < m) {
      const b0 = bo + j * bs1;
      const b1 = b0 + bs1;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      for (let p = 0; p < k2; p += 2) {
        const x0 = ad[ai + p];
        const x1 = ad[ai + p + 1];
        s0 += x0 * bd[b0 + p];
        s1 += x1 * bd[b0 + p + 1];
        t0 += x0 * bd[b1 + p];
        t1 += x1 * bd[b1 + p + 1];
      }
      if (k2 < k) {
        s0 += ad[ai + k2] * bd[b0 + k2];
        t0 += ad[ai + k2] * bd[b1 + k2];
      }
      out[oi + j] = s0 + s1;
      out[oi + j + 1] = t0 + t1;
      j += 2;
    }
    if (j < m) {
      const b0 = bo + j * bs1;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let p = 0;
      for (; p < k4; p += 4) {
        s0 += ad[ai + p] * bd[b0 + p];
        s1 += ad[ai + p + 1] * bd[b0 + p + 1];
        s2 += ad[ai + p + 2] * bd[b0 + p + 2];
        s3 += ad[ai + p + 3] * bd[b0 + p + 3];
      }
      for (; p < k; p++) s0 += ad[ai + p] * bd[b0 + p];
      out[oi + j] = s0 + s1 + (s2 + s3);
    }
  }
}

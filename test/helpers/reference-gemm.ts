/**
 * The matrix-product loops whose rounding order the fixtures and the lesson's printed numbers were
 * made with, for test/np-dot-kernels.test.ts and test/np-dot-wasm.test.ts.
 */
import type { TypedArray } from "../../lib/np/dtype.js";

/**
 * The reference: linalg.ts's `gemm` as it was when the fixtures and the lesson's printed numbers were
 * made (one function, every loop shape inline), kept verbatim as this test's oracle for the rounding
 * order. lib/np/gemm.ts splits these loops into small functions (faster in V8) and must give their
 * bits.
 */
export function referenceGemm(
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


/**
 * The layers of the fused training loop (lib/lesson/train.ts): a dense layer W·x + b, and the sums
 * of the backward pass. Each runs as WebAssembly SIMD (math.wat) when all its arrays live in the
 * kernels' memory ({@link reserveFloat64}), and as the JavaScript loop written here otherwise
 * (no WebAssembly SIMD, or ordinary arrays). Both give the same bits: the SIMD code keeps every sum in
 * its own lane or accumulator, added in the same order as the loop below (test/np-wasm.test.ts).
 *
 * Why: V8 runs these loops one scalar at a time with bounds checks; the SIMD versions do the
 * element-wise work two examples at a time and, in the backward pass, run the 2 + nX sums of every
 * hidden unit side by side in one pass over the examples instead of one pass per sum (whose adds
 * wait on each other). Measured: see train.ts.
 * @module
 */
import { inKernelMemory as inMemory, kernels } from "./math.js";

export { reserveFloat64, type Reservation } from "./math.js";

/**
 * Z[h*m + i] = (W[h*nX]·x[i] + W[h*nX + 1]·x[m + i] + ...) + b[h]: a dense layer Z = W·x + b with
 * Z (nH, m), W (nH, nX), x (nX, m), b (nH,), summed from 0 over k in order, then b added.
 */
export function denseInto(x: Float64Array, W: Float64Array, b: Float64Array, Z: Float64Array, nX: number, nH: number, m: number): void {
  const k = kernels();
  if (k !== null && inMemory(x) && inMemory(W) && inMemory(b) && inMemory(Z)) {
    k.dense(x.byteOffset, W.byteOffset, b.byteOffset, Z.byteOffset, nX, nH, m);
    return;
  }
  for (let h = 0; h < nH; h++) {
    const o = h * m, bh = b[h];
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let j = 0; j < nX; j++) z += W[h * nX + j] * x[j * m + i];
      Z[o + i] = z + bh;
    }
  }
}

/**
 * The backward pass's sums over the examples i = 0..m-1, each in that order. With dZ2[i] = A2[i] − y[i]
 * and, for hidden unit h, d = (W2[h]·dZ2[i])·D[h*m + i] (D = g'(Z1)):
 * acc[h*s] += dZ2[i]·A1[h*m + i], acc[h*s + 1] += d, acc[h*s + 2 + k] += d·xT[i*nXp + k] for k < nXp,
 * with s = 2 + nXp. xT is x transposed, (m, nXp), nXp = nX rounded up to even (a zero column).
 * acc must start at zeros.
 *
 * @returns Σ dZ2[i]
 */
export function backwardSums(
  xT: Float64Array, y: Float64Array, A1: Float64Array, D: Float64Array, A2: Float64Array, W2: Float64Array,
  acc: Float64Array, nXp: number, nH: number, m: number,
): number {
  const k = kernels();
  if (k !== null && inMemory(xT) && inMemory(y) && inMemory(A1) && inMemory(D) && inMemory(A2) && inMemory(W2) && inMemory(acc)) return k.backward(xT.byteOffset, y.byteOffset, A1.byteOffset, D.byteOffset, A2.byteOffset, W2.byteOffset, acc.byteOffset, nXp, nH, m);
  const s = 2 + nXp;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const dz = A2[i] - y[i];
    sum += dz;
    for (let h = 0; h < nH; h++) {
      const a = h * s;
      acc[a] += dz * A1[h * m + i];
      const d = W2[h] * dz * D[h * m + i];
      acc[a + 1] += d;
      for (let j = 0; j < nXp; j++) acc[a + 2 + j] += d * xT[i * nXp + j];
    }
  }
  return sum;
}

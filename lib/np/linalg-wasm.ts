/**
 * Two of the lesson's float64 matrix products with WebAssembly SIMD (lib/np/wasm/gemm.wat): A and B are
 * copied into the module's memory as C-ordered blocks (TypedArray.set, a memcpy), multiplied there
 * with the operations and order of linalg.ts's `gemm`, and C is copied out. Used where the operands'
 * layout allows one block copy each and the three fit in the memory; linalg-kernels.ts's JavaScript
 * kernels otherwise, and wherever WebAssembly SIMD is missing. Same bits either way
 * (test/np-dot-wasm.test.ts).
 *
 * Why: V8 checks the typed arrays' maps and bounds on every element of the JavaScript kernels;
 * these do two lanes at a time without checks. Measured for the lesson's products, one process,
 * alternating, CPU time, `np.dot` with the copies against the JavaScript kernels: see
 * {@link gemmWasm}.
 * @module
 */
import { GEMM_WASM_BASE64 } from "./wasm/gemm-bytes.js";

interface GemmKernels {
  readonly memory: WebAssembly.Memory;
  two_columns(a: number, b: number, out: number, n: number, k: number): void;
  column_pairs(a: number, bt: number, out: number, n: number, k: number, m: number): void;
}

let kernels: GemmKernels | null | undefined;
/** The memory as float64s (4 pages; it never grows). */
let heap = new Float64Array(0);

/** This thread's instance (made on first use), or null without WebAssembly SIMD. */
function instance(): GemmKernels | null {
  if (kernels === undefined) {
    kernels = null;
    if (typeof WebAssembly === "object" && typeof atob === "function") {
      const text = atob(GEMM_WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      try {
        // synchronous, as lib/np/wasm/math.ts (2 KB)
        if (WebAssembly.validate(bytes)) kernels = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as GemmKernels;
      } catch {
        kernels = null;
      }
      if (kernels !== null) heap = new Float64Array(kernels.memory.buffer);
    }
  }
  return kernels;
}

/** Whether {@link gemmWasm} can run here (WebAssembly SIMD is available). */
export function hasGemmWasm(): boolean {
  return instance() !== null;
}

/** Float64s of A, B and C together that the memory takes; larger products stay with the JavaScript kernels. */
const CAPACITY = (4 * 65536) / 8;

/** Copies `len` elements of `src` from `off` to float64 `at` of the memory. */
function put(h: Float64Array, src: Float64Array, off: number, len: number, at: number): void {
  h.set(off === 0 && src.length === len ? src : src.subarray(off, off + len), at);
}

/**
 * C (n x m) = A (n x k) · B (k x m) into `out` (C order) with gemm.wat, for two branches of
 * linalg.ts's `gemm`: two columns with B's rows contiguous (`np.dot(dZ1, X.T)`), and the dot
 * products along k > 2 with B's columns contiguous and m even (`np.dot(dZ2, A1.T)`); A and B must
 * each be one contiguous block in the order the kernel reads (A in C order; B in C order, or B a
 * transposed C-ordered array). False (nothing written) otherwise. The bits are `gemm`'s.
 *
 * Measured (µs per product into fresh output storage, CPU time, one process, alternating, on the
 * loaded 2-core machine; median of 15 rounds of 10,000; linalg-kernels.ts's JavaScript → this,
 * copies included): dZ1 · X.T (4, 400) · (400, 2) 1.57 → 0.71, dZ2 · A1.T (1, 400) · (400, 4)
 * 0.83 → 0.40. Not done here because they gained nothing over the JavaScript kernels (the copies,
 * and the cold output both write): W1 · X (4, 2) · (2, 400) 1.95 → 2.10, W2 · A1 (1, 4) · (4, 400)
 * 0.93 → 0.87 (within the noise), the outer product W2.T · dZ2.
 */
export function gemmWasm(
  ad: Float64Array, ao: number, as0: number, as1: number,
  bd: Float64Array, bo: number, bs0: number, bs1: number,
  out: Float64Array, n: number, k: number, m: number,
): boolean {
  if (k < 2 || n === 0 || m === 0) return false;
  // A in C order: rows contiguous, one after another (a single row needs its own stride only)
  if (as1 !== 1 || (n !== 1 && as0 !== k)) return false;
  let columns: boolean;
  if (bs1 === 1 && m === 2 && bs0 === 2) columns = false; // B (k, 2) in C order
  else if (bs1 !== 1 && bs0 === 1 && k > 2 && m % 2 === 0 && bs1 === k) columns = true; // B's columns in C order
  else return false;
  const na = n * k;
  const bAt = na + (na & 1); // 16-byte aligned blocks
  const cAt = bAt + k * m + ((k * m) & 1);
  if (cAt + n * m > CAPACITY) return false;
  const w = instance();
  if (w === null) return false;
  const h = heap;
  put(h, ad, ao, na, 0);
  put(h, bd, bo, k * m, bAt);
  if (columns) w.column_pairs(0, bAt * 8, cAt * 8, n, k, m);
  else w.two_columns(0, bAt * 8, cAt * 8, n, k);
  const len = n * m;
  if (len <= 16) for (let i = 0; i < len; i++) out[i] = h[cAt + i];
  else out.set(h.subarray(cAt, cAt + len));
  return true;
}

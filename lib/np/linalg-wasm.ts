/**
 * Three of the lesson's float64 matrix products with WebAssembly SIMD (lib/np/wasm/gemm.wat): A and B are
 * copied into the module's memory as C-ordered blocks (TypedArray.set, a memcpy), multiplied there
 * with the operations and order of gemm.ts's loops, and C is copied out. Used where the operands'
 * layout allows one block copy each and the three fit in the memory; gemm.ts's JavaScript
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
import { compileModule } from "./wasm/math.js";

interface GemmKernels {
  readonly memory: WebAssembly.Memory;
  two_columns(a: number, b: number, out: number, n: number, k: number): void;
  column_pairs(a: number, bt: number, out: number, n: number, k: number, m: number): void;
  outer(a: number, b: number, out: number, n: number, m: number): void;
}

/** gemm's branches that gemm.wat covers. */
const OUTER = 0;
const TWO_COLUMNS = 1;
const COLUMN_PAIRS = 2;

let kernels: GemmKernels | null | undefined;
/** The memory as float64s (4 pages; it never grows). */
let heap = new Float64Array(0);

/** This thread's instance (made on first use), or null without WebAssembly SIMD. */
function instance(): GemmKernels | null {
  if (kernels === undefined) {
    kernels = null;
    const mod = compileModule(GEMM_WASM_BASE64);
    try {
      if (mod !== null) kernels = new WebAssembly.Instance(mod, {}).exports as unknown as GemmKernels;
    } catch {
      kernels = null; // refused (an old browser's main-thread limit): the JavaScript loops
    }
    if (kernels !== null) heap = new Float64Array(kernels.memory.buffer);
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
 * C (n x m) = A (n x k) · B (k x m) into `out` (C order) with gemm.wat, for three branches of
 * gemm.ts's `gemm`: the outer product k = 1 with B's row contiguous (`np.dot(W2.T, dZ2)`); two
 * columns with B (k, 2) in C order (`np.dot(dZ1, X.T)`); the dot products along k > 2 with B's
 * columns contiguous and m even (`np.dot(dZ2, A1.T)`, B a transposed C-ordered array); for the
 * last two A in C order. False (nothing written) otherwise. The bits are `gemm`'s.
 *
 * Measured (µs per product into fresh output storage, CPU time, one process, alternating, on the
 * loaded 2-core machine; medians of 15 rounds of 10,000; gemm.ts's JavaScript → this,
 * copies included): dZ1 · X.T (4, 400) · (400, 2) 1.54-1.57 → 0.71, dZ2 · A1.T (1, 400) · (400, 4)
 * 0.83 → 0.40-0.45, W2.T · dZ2 (4, 1) · (1, 400) 1.43-1.58 → 1.16-1.29 (its cost is mostly writing
 * the fresh, uncached output). Left to the JavaScript kernels because SIMD gained nothing once the
 * copies were paid: W1 · X (4, 2) · (2, 400) 1.37-1.54 → 1.50 (a kernel with four rows per pass,
 * tried and removed), W2 · A1 (1, 4) · (4, 400) 0.93 → 0.87 (within the noise; removed).
 */
export function gemmWasm(
  ad: Float64Array, ao: number, as0: number, as1: number,
  bd: Float64Array, bo: number, bs0: number, bs1: number,
  out: Float64Array, n: number, k: number, m: number,
): boolean {
  if (n === 0 || m === 0 || k === 0) return false;
  let kind: number;
  if (k === 1) {
    if (bs1 !== 1 && m !== 1) return false; // B's row contiguous; A's column is copied element by element
    kind = OUTER;
  } else {
    // A in C order: rows contiguous, one after another (a single row needs its own stride only)
    if (as1 !== 1 || (n !== 1 && as0 !== k)) return false;
    if (bs1 === 1) {
      if (m !== 2 || bs0 !== 2) return false; // B (k, 2) in C order
      kind = TWO_COLUMNS;
    } else if (bs0 === 1 && (m === 1 || bs1 === k)) {
      // B's columns contiguous, one after another (B a transposed C-ordered array)
      // k = 2 (`np.dot(W1, X)`) and an odd last column (gemm's four partial sums) are left to gemm.ts
      if (k === 2 || m % 2 === 1) return false;
      kind = COLUMN_PAIRS;
    } else return false;
  }
  const na = n * k;
  const bAt = na + (na & 1); // 16-byte aligned blocks
  const cAt = bAt + k * m + ((k * m) & 1);
  if (cAt + n * m > CAPACITY) return false;
  const w = instance();
  if (w === null) return false;
  const h = heap;
  if (kind === OUTER && as0 !== 1 && n !== 1) for (let i = 0; i < n; i++) h[i] = ad[ao + i * as0];
  else put(h, ad, ao, na, 0);
  put(h, bd, bo, k * m, bAt);
  if (kind === TWO_COLUMNS) w.two_columns(0, bAt * 8, cAt * 8, n, k);
  else if (kind === COLUMN_PAIRS) w.column_pairs(0, bAt * 8, cAt * 8, n, k, m);
  else w.outer(0, bAt * 8, cAt * 8, n, m);
  const len = n * m;
  if (len <= 16) for (let i = 0; i < len; i++) out[i] = h[cAt + i];
  else out.set(h.subarray(cAt, cAt + len));
  return true;
}

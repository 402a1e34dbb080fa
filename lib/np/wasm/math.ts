/**
 * exp, log and tanh over float64 arrays with WebAssembly SIMD (math.wat: two lanes at a time), bit
 * for bit the scalar functions of lib/np/fastmath.ts, which stay the fallback where WebAssembly SIMD
 * is missing and for arrays too short to pay for the call.
 *
 * Why: fastmath's scalar JavaScript costs 10-25 ns per element (V8 does not vectorise); numpy's
 * SIMD loops 2-3 ns. The f64x2 kernels, on 256 elements with the copies in and out, measured in one
 * process on the 2-vCPU AMD EPYC development machine under load (CPU time): exp 3.8 ns/element against
 * 18.5 for the scalar loop, log 7.6 against 20, tanh 6.3 against 17.7; in the kernels' memory (no
 * copy) tanh over the training loop's 1600 values takes about 5 ns/element.
 *
 * Data movement: np's arrays are ordinary typed arrays outside the WebAssembly memory, so the `*Into`
 * functions copy a chunk in (TypedArray.set: a memcpy), compute it in place and copy it out.
 * Arrays that already live in the memory (the fused training loop's buffers, from
 * {@link reserveFloat64}) are computed where they are, without a copy.
 *
 * The memory grows only in {@link reserveFloat64}; whoever holds views of it re-creates them after
 * anything that may have reserved more (`Reservation.views()` does it).
 *
 * Workers: every thread that imports this module gets its own instance on first use (module state is
 * per thread), so a worker runs `expInto`/`logInto`/`tanhInto(src, srcOffset, out, outOffset, n)` on
 * its slice of a shared array as the main thread does; {@link instantiateMathKernels} makes an extra
 * instance for code that wants the raw kernels on its own memory.
 * @module
 */
import { EXP_HI, EXP_LO, exp, log, tanh } from "../fastmath.js";
import { MATH_WASM_BASE64 } from "./math-bytes.js";

/**
 * One instance of the kernels: its memory, and the array functions on byte addresses in it
 * (`dst[i] = f(src[i])` for i < n; dst may equal src).
 */
export interface MathKernels {
  readonly memory: WebAssembly.Memory;
  exp(src: number, dst: number, n: number): void;
  log(src: number, dst: number, n: number): void;
  tanh(src: number, dst: number, n: number): void;
  /** dst[i] = 1 - src[i] * src[i]. */
  one_minus_square(src: number, dst: number, n: number): void;
  /** dst[i] = 1 / (1 + exp(-src[i])). */
  sigmoid(src: number, dst: number, n: number): void;
  /** The dense layer of lib/np/wasm/dense.ts's `denseInto`, on addresses. */
  dense(x: number, W: number, b: number, Z: number, nX: number, nH: number, m: number): void;
  /** The backward sums of lib/np/wasm/dense.ts's `backwardSums`, on addresses. */
  backward(xT: number, y: number, A1: number, D: number, A2: number, W2: number, acc: number, nXp: number, nH: number, m: number): number;
}

/** Bytes 0..1023 of the memory: exp's table (math.wat). */
const TABLE_BYTES = 1024;
/** The chunk of memory the `*Into` functions copy through: CHUNK float64s from byte TABLE_BYTES. */
const CHUNK = 4096;
/** The first byte of {@link reserveFloat64}'s blocks (16-byte aligned). */
const ARENA = TABLE_BYTES + CHUNK * 8;
const PAGE = 65536;

/**
 * The module whose binary is `base64`, compiled synchronously, or null where WebAssembly or its SIMD
 * is unavailable (`WebAssembly.validate` says no) or compiling is refused. Synchronous: a module of a
 * few KB compiles lazily in well under a millisecond (Chrome before 114 refused synchronous
 * compilation above 4 KB on a page's main thread: the callers' JavaScript loops then). Also for
 * lib/np/linalg-wasm.ts's module.
 */
export function compileModule(base64: string): WebAssembly.Module | null {
  if (typeof WebAssembly !== "object" || typeof atob !== "function") return null;
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    return null;
  }
}

let compiled: WebAssembly.Module | null | undefined;

/** The kernels' compiled module (6 KB), or null without WebAssembly SIMD; compiled once per thread. */
export function mathModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileModule(MATH_WASM_BASE64);
  return compiled;
}

/**
 * A fresh instance of the kernels with its own memory (exp's table filled in), or null without
 * WebAssembly SIMD. The main thread's `*Into` functions share one; a worker that runs them on a slice
 * of a large array makes its own with this function (the module itself can also be posted to it).
 */
export function instantiateMathKernels(): MathKernels | null {
  const mod = mathModule();
  if (mod === null) return null;
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(mod, { scalar: { exp, log } });
  } catch {
    return null; // refused (an old browser's main-thread limit): the scalar loops
  }
  const k = instance.exports as unknown as MathKernels;
  const table = new Float64Array(k.memory.buffer, 0, TABLE_BYTES / 8);
  for (let j = 0; j < 64; j++) {
    table[2 * j] = EXP_HI[j];
    table[2 * j + 1] = EXP_LO[j];
  }
  return k;
}

let main: MathKernels | null | undefined;
/**
 * A Float64Array over this thread's whole kernel memory. Only {@link reserveFloat64} grows the memory
 * (the kernels never do), and it re-makes this view, so `heap.buffer` is always the current buffer
 * (reading `memory.buffer` on every call costs more than the call into the kernel).
 */
let heap = new Float64Array(0);

/** This thread's instance (made on first use), or null without WebAssembly SIMD. */
export function kernels(): MathKernels | null {
  if (main === undefined) {
    main = instantiateMathKernels();
    if (main !== null) heap = new Float64Array(main.memory.buffer);
  }
  return main;
}

/** Whether `a` is a view of this thread's kernel memory (from {@link reserveFloat64}): kernels can use it in place. */
export function inKernelMemory(a: Float64Array): boolean {
  return a.buffer === heap.buffer;
}

/** Whether the `*Into` functions run the WebAssembly SIMD kernels here (false: scalar JavaScript). */
export function hasSimdKernels(): boolean {
  return kernels() !== null;
}

/**
 * Below this length the scalar loop wins over a trip through the WebAssembly memory (the two copies
 * and the call cost about 0.1-0.2 µs). Measured in one process (CPU time, loaded machine): at 8
 * elements both take 20-30 ns/element, at 16 the SIMD path 13-20 against the scalar 18-28, at 32
 * 9-14 against 18-28.
 */
export const MIN_WASM_LENGTH = 16;

type Name = "exp" | "log" | "tanh" | "sigmoid" | "one_minus_square";
/** train.ts's sigmoid, 1/(1 + e^{-x}) with fastmath's exp. */
const sigmoid = (x: number) => 1 / (1 + exp(-x));
const SCALAR: Record<Name, (x: number) => number> = { exp, log, tanh, sigmoid, one_minus_square: (a) => 1 - a * a };

function run(name: Name, src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  const k = kernels();
  if (k === null || n < MIN_WASM_LENGTH || !(src instanceof Float64Array)) {
    const f = SCALAR[name];
    for (let i = 0; i < n; i++) out[oo + i] = f(src[so + i]);
    return;
  }
  if (src.buffer === heap.buffer && out.buffer === heap.buffer) {
    k[name](src.byteOffset + so * 8, out.byteOffset + oo * 8, n); // already in the memory: no copy
    return;
  }
  const h = heap;
  const at = TABLE_BYTES / 8;
  for (let c = 0; c < n; c += CHUNK) {
    const len = Math.min(CHUNK, n - c);
    h.set(src.subarray(so + c, so + c + len), at);
    k[name](TABLE_BYTES, TABLE_BYTES, len);
    out.set(h.subarray(at, at + len), oo + c);
  }
}

/**
 * out[oo + i] = exp(src[so + i]) for i < n, bit for bit fastmath's `exp`: the WebAssembly SIMD
 * kernel for float64 input, the scalar loop otherwise. A worker can call it on its slice.
 */
export function expInto(src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  run("exp", src, so, out, oo, n);
}

/** out[oo + i] = log(src[so + i]) for i < n, bit for bit fastmath's `log` (see {@link expInto}). */
export function logInto(src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  run("log", src, so, out, oo, n);
}

/** out[oo + i] = tanh(src[so + i]) for i < n, bit for bit fastmath's `tanh` (see {@link expInto}). */
export function tanhInto(src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  run("tanh", src, so, out, oo, n);
}

/**
 * out[oo + i] = 1 / (1 + exp(-src[i])) for i < n: the output layer's sigmoid of the fused training loop
 * (fastmath's exp, then one division; see {@link expInto}).
 */
export function sigmoidInto(src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  run("sigmoid", src, so, out, oo, n);
}

/**
 * out[oo + i] = 1 - src[so + i]² for i < n: tanh's derivative from its value A, `1 - np.power(A, 2)`
 * (see {@link expInto}).
 */
export function oneMinusSquareInto(src: ArrayLike<number>, so: number, out: Float64Array, oo: number, n: number): void {
  run("one_minus_square", src, so, out, oo, n);
}

/** Blocks of float64s reserved by {@link reserveFloat64}. */
export interface Reservation {
  /**
   * The blocks as Float64Arrays, in the order of the sizes asked for: the same arrays as long as the
   * memory has not grown since, new views of the same values after it grew.
   */
  views(): Float64Array[];
  /** Gives the blocks back (the last reservation first: a stack). */
  release(): void;
}

let top = ARENA;

/**
 * Reserves blocks of float64s in the kernels' memory, so that `expInto`/`logInto`/`tanhInto` on them
 * need no copy (the fused training loop keeps its hidden layer there). Without WebAssembly SIMD, or
 * when the memory cannot grow that far, the blocks are ordinary Float64Arrays. Blocks are zero-filled. Release in reverse order of reservation.
 *
 * @param sizes - the length of each block
 */
export function reserveFloat64(sizes: readonly number[]): Reservation {
  const k = kernels();
  const plain = (): Reservation => {
    const arrays = sizes.map((n) => new Float64Array(n));
    return { views: () => arrays, release: () => {} };
  };
  if (k === null) return plain();
  const start = top;
  const offsets: number[] = [];
  let end = start;
  for (const n of sizes) {
    offsets.push(end);
    end += Math.ceil((n + 1) / 2) * 16; // 16-byte aligned blocks, one float64 to spare: a pair load at the last element stays inside
  }
  const need = Math.ceil(end / PAGE) - k.memory.buffer.byteLength / PAGE;
  if (need > 0) {
    try {
      k.memory.grow(need);
    } catch {
      return plain(); // past WebAssembly's 4 GiB (or the engine's limit): ordinary arrays, the JavaScript loops
    }
    heap = new Float64Array(k.memory.buffer);
  }
  top = end;
  new Uint8Array(k.memory.buffer, start, end - start).fill(0);
  let buffer: ArrayBuffer | undefined;
  let arrays: Float64Array[] = [];
  return {
    views() {
      if (buffer !== heap.buffer) {
        buffer = heap.buffer;
        arrays = sizes.map((n, i) => new Float64Array(buffer as ArrayBuffer, offsets[i], n));
      }
      return arrays;
    },
    release() {
      top = start;
    },
  };
}

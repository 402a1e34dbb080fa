/**
 * The entry points np's operations call for large arrays: each returns false (and does nothing)
 * when the operation should run on the calling thread as before, or runs it on every thread and
 * returns true. An op runs in parallel when it has at least `PARALLEL_MIN` output elements, more
 * than one thread is set, its output lives on a SharedArrayBuffer (dtype.ts puts large outputs
 * there: shared.ts) and every input is shared or small (a small input's buffer travels to the
 * workers as a copy, with the view's offset; a large unshared one, say a Float64Array given by the
 * user, keeps the op on one thread rather than being copied).
 * @module
 */
import { type BinaryKernels, type Data, type UnaryKernels, binarySource, storageId, unarySource } from "../kernels.js";
import type { TypedArray } from "../dtype.js";
import { exp, log, tanh } from "../fastmath.js";
import { BinaryMode, type Gemm } from "./chunks.js";
import { type KernelSource, runChunks } from "./pool.js";
import { SHARED_MIN_BYTES, isShared } from "./shared.js";
import { getNumThreads } from "./threads.js";

/**
 * Below this many output elements an op stays on the calling thread. Handing a job to the workers
 * and waking them costs tens of microseconds; an elementwise add on 65,536 doubles takes about
 * 50-100 µs on one thread, so from here on a second thread starts to pay (measured with
 * bench/parallel.bench.ts; tanh pays from far fewer elements, but one threshold keeps it simple).
 */
export const PARALLEL_MIN = SHARED_MIN_BYTES;

/** An input whose whole buffer is this small may be copied to the workers with each job (a slab of dtype.ts is 128 KiB). */
const COPY_MAX_BYTES = 1 << 17;

/** Whether the workers can read `d`: shared, or small enough to copy with the job. */
function reachable(d: Data): boolean {
  return ArrayBuffer.isView(d) && (isShared(d) || d.buffer.byteLength <= COPY_MAX_BYTES);
}

function worthIt(out: TypedArray): boolean {
  return out.length >= PARALLEL_MIN && isShared(out) && getNumThreads() > 1;
}

/** The loops' source per key, built once (the workers compile it once each). */
const sources = new Map<string, KernelSource>();

function kernelSource(key: string, build: () => string, fns: string[]): KernelSource {
  let s = sources.get(key);
  if (s === undefined) {
    s = { key, source: build(), fns };
    sources.set(key, s);
  }
  return s;
}

/** What the hooks need to know of an op: its loops' name and expression, and the functions they call. */
export interface OpSource {
  readonly name: string;
  readonly expr: string;
  readonly fns: Readonly<Record<string, unknown>>;
}

/** The fastmath functions a worker can bind, by the name an op's expression calls them. */
const WORKER_FNS: Record<string, unknown> = { exp, log, tanh };

/** The names of `op`'s helper functions, if the workers have every one of them (the same function), else undefined. */
function workerFns(op: OpSource): string[] | undefined {
  const names = Object.keys(op.fns);
  return names.every((n) => WORKER_FNS[n] === op.fns[n]) ? names : undefined;
}

/**
 * A binary op of elementwise.ts on every thread: `mode` says how it reads its operands (see
 * chunks.ts's `binaryChunk`); `k` are its loops, compiled for these storage types.
 * @returns false, having done nothing, when the op should run on the calling thread.
 */
export function parallelBinary(
  op: OpSource, k: BinaryKernels, mode: number,
  a: Data, ao: number, b: Data, bo: number, s: number, out: TypedArray,
  shape: readonly number[] = [], sa: readonly number[] = [], sb: readonly number[] = [],
): boolean {
  if (!worthIt(out) || !reachable(a) || !reachable(b)) return false;
  const fns = workerFns(op);
  if (fns === undefined) return false; // int64 ops call intmath.ts, which the workers do not have
  const key = `${op.name}/${storageId(a as TypedArray)}${storageId(b as TypedArray)}${storageId(out)}:${op.expr}`;
  runChunks("binaryChunk", k, kernelSource(key, () => binarySource(op.name, op.expr), fns), out.length, 1,
    [mode, a, ao, b, bo, s, out, shape, sa, sb]);
  return true;
}

export { BinaryMode };

/**
 * A unary op of unary.ts on every thread, over `a` read with `shape` and element `strides` from `ao`.
 * @returns false, having done nothing, when the op should run on the calling thread.
 */
export function parallelUnary(
  op: OpSource, k: UnaryKernels, a: Data, ao: number, out: TypedArray, shape: readonly number[], strides: readonly number[],
): boolean {
  if (!worthIt(out) || !reachable(a)) return false;
  const fns = workerFns(op);
  if (fns === undefined) return false;
  const key = `${op.name}/${storageId(a as TypedArray)}${storageId(out)}:${op.expr}`;
  runChunks("unaryChunk", k, kernelSource(key, () => unarySource(op.name, op.expr), fns), out.length, 1,
    [a, ao, out, shape, strides]);
  return true;
}

/**
 * linalg.ts's float product C (n x m) = A (n x k) · B (k x m) on every thread, each thread taking a
 * range of C's columns (an even start: see chunks.ts's `gemmChunk`); `gemm` is linalg.ts's loop,
 * whose source the workers compile.
 * @returns false, having done nothing, when the product should run on the calling thread.
 */
export function parallelGemm(
  gemm: Gemm,
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): boolean {
  if (!worthIt(out) || m < 2 * getNumThreads() || !reachable(ad) || !reachable(bd)) return false;
  runChunks("gemmChunk", gemm, kernelSource("gemm", () => `return (${String(gemm)});`, []), m, 2,
    [ad, ao, as0, as1, bd, bo, bs0, bs1, out, n, k, m]);
  return true;
}

/** The math a `parallelFor` chunk gets as its first argument: fastmath.ts's functions (rebuilt from the same source in the workers). */
export interface ChunkMath {
  exp(x: number): number;
  log(x: number): number;
  tanh(x: number): number;
}

const MATH: ChunkMath = { exp, log, tanh };
const MATH_SOURCE: KernelSource = { key: "math", source: "return { exp, log, tanh };", fns: ["exp", "log", "tanh"] };

/**
 * Runs `chunk(math, lo, hi, ...args)` over [0, n): on every thread when n >= PARALLEL_MIN, more
 * than one thread is set and every typed array in `args` is shared (an output from np's allocation
 * is) or small; else once on the calling thread, `chunk(math, 0, n, ...args)`. Thread t gets
 * [lo, hi) bounds that split n evenly, multiples of `align`.
 *
 * `chunk` travels to the workers as source text: it may read only its arguments and JavaScript's
 * globals (no imports, no module constants, no closures, no inner named functions), and `math`
 * gives it fastmath.ts's exp/log/tanh. For bit-identical results, each index's value must not
 * depend on where the range starts. `args` may hold numbers, plain arrays and typed arrays.
 * @throws the first failing chunk's error, after every chunk has finished.
 * @example
 * ```ts
 * // out[i] = tanh(x[i]) for a large shared x
 * parallelFor((m, lo, hi, x, out) => { for (let i = lo; i < hi; i++) out[i] = m.tanh(x[i]); }, n, [x, out]);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parallelFor(chunk: (math: ChunkMath, lo: number, hi: number, ...args: any[]) => void, n: number, args: unknown[], align = 1): void {
  const arrays = args.filter((a): a is Data => ArrayBuffer.isView(a));
  if (n >= PARALLEL_MIN && getNumThreads() > 1 && arrays.every(reachable) && arrays.some((a) => isShared(a))) {
    runChunks(chunk, MATH, MATH_SOURCE, n, align, args);
  } else chunk(MATH, 0, n, ...args);
}

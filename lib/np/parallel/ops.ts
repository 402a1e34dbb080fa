/**
 * The entry points np's operations call for large arrays: each returns false (and does nothing)
 * when the operation should run on the calling thread as before, or runs it on every thread and
 * returns true.
 *
 * The workers can read and write only shared memory. Arrays of more than 32 MiB are shared already
 * (shared.ts); a small input's buffer travels with the job as a copy. Other arrays are staged:
 * copied into the pool's scratch memory (shared, reused from call to call, so never fresh pages),
 * and an output is copied back from there; a copy costs about a tenth of a page-faulting first
 * write (shared.ts). Staging pays only where an element costs far more than its copy: the
 * exp/log/tanh ops (and `dot`'s output); cheap elementwise ops (add, multiply, ...) and `dot`'s
 * operands go parallel only on arrays that are shared already.
 * @module
 */
import { type BinaryKernels, type Data, type UnaryKernels, binarySource, storageId, unarySource } from "../kernels.js";
import { SLAB_BYTES, type TypedArray } from "../dtype.js";
import { exp, log, tanh } from "../fastmath.js";
import { gemm, gemmSource } from "../gemm.js";
import { BinaryMode } from "./chunks.js";
import { type Chunk, type KernelSource, poolBusy, runChunks } from "./pool.js";
import { isShared, scratch } from "./shared.js";
import { getNumThreads } from "./threads.js";

/**
 * Below this many output elements an op stays on the calling thread. Handing a job to the workers
 * and waking them costs tens of microseconds, and when the machine is busy a worker may wait a
 * scheduler slice (milliseconds) for a core: on the loaded 2-vCPU machine this was written on, tanh
 * on 65,536 elements (0.5 ms) took 1.3x longer on 2 threads, so the threads start at 262,144
 * elements, well above the lesson's training arrays (1,600) and below its grid (1,038,240).
 * bench/parallel.bench.ts measures add and tanh at this size and 4 times it.
 */
export const PARALLEL_MIN = 1 << 18;

/** An input whose whole buffer is this small travels to the workers as a copy with each job: a small array's slab (dtype.ts). */
const COPY_MAX_BYTES = SLAB_BYTES;

/** Whether the workers can read `d` as it is: shared, or small enough to copy with the job. */
function reachable(d: Data): boolean {
  return ArrayBuffer.isView(d) && (isShared(d) || d.buffer.byteLength <= COPY_MAX_BYTES);
}

/** `d` where the workers can read it: itself, or a copy in scratch memory `slot`. */
function readable<T extends Data>(d: T, slot: number): T {
  if (reachable(d)) return d;
  const s = scratch(slot, d as TypedArray);
  s.set(d as TypedArray);
  return s as unknown as T;
}

/**
 * Runs `job(out')` with an output the workers can write: `out` itself when shared, else scratch
 * memory copied into `out` afterwards.
 */
function writing(out: TypedArray, job: (o: TypedArray) => void): void {
  if (isShared(out)) return job(out);
  const s = scratch(0, out);
  job(s);
  out.set(s);
}

function threaded(n: number): boolean {
  return n >= PARALLEL_MIN && getNumThreads() > 1 && !poolBusy();
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
 * A binary op of elementwise.ts on every thread, when its output and operands are shared (or
 * small): `mode` says how it reads its operands (see chunks.ts's `binaryChunk`); `k` are its loops,
 * compiled for these storage types.
 * @returns false, having done nothing, when the op should run on the calling thread.
 */
export function parallelBinary(
  op: OpSource, k: BinaryKernels, mode: number,
  a: Data, ao: number, b: Data, bo: number, s: number, out: TypedArray,
  shape: readonly number[] = [], sa: readonly number[] = [], sb: readonly number[] = [],
): boolean {
  if (!threaded(out.length) || !isShared(out) || !reachable(a) || !reachable(b)) return false;
  const fns = workerFns(op);
  if (fns === undefined) return false; // int64 ops call intmath.ts, which the workers do not have
  const key = `${op.name}/${storageId(a as TypedArray)}${storageId(b as TypedArray)}${storageId(out)}:${op.expr}`;
  runChunks("binaryChunk", k, kernelSource(key, () => binarySource(op.name, op.expr), fns), out.length, 1,
    [mode, a, ao, b, bo, s, out, shape, sa, sb]);
  return true;
}

export { BinaryMode };

/**
 * A unary op of unary.ts on every thread, over `a` read with `shape` and element `strides` from
 * `ao`: exp, log and tanh always (staged through scratch memory where needed), the cheap ones
 * (negative, sqrt, ...) when their arrays are shared.
 * @returns false, having done nothing, when the op should run on the calling thread.
 */
export function parallelUnary(
  op: OpSource, k: UnaryKernels, a: Data, ao: number, out: TypedArray, shape: readonly number[], strides: readonly number[],
): boolean {
  if (!threaded(out.length)) return false;
  const fns = workerFns(op);
  if (fns === undefined || (fns.length === 0 && (!isShared(out) || !reachable(a)))) return false;
  const key = `${op.name}/${storageId(a as TypedArray)}${storageId(out)}:${op.expr}`;
  const source = kernelSource(key, () => unarySource(op.name, op.expr), fns);
  const input = readable(a, 1);
  writing(out, (o) => runChunks("unaryChunk", k, source, out.length, 1, [input, ao, o, shape, strides]));
  return true;
}

/**
 * linalg.ts's float product C (n x m) = A (n x k) · B (k x m) on every thread, each thread taking a
 * range of C's columns (an even start: see chunks.ts's `gemmChunk`); the workers compile gemm.ts's
 * loops from their source.
 * @returns false, having done nothing, when the product should run on the calling thread.
 */
export function parallelGemm(
  ad: TypedArray, ao: number, as0: number, as1: number,
  bd: TypedArray, bo: number, bs0: number, bs1: number,
  out: TypedArray, n: number, k: number, m: number,
): boolean {
  // Staging a large unshared operand does not pay here: copying B costs about what the lesson's
  // products do with it (k = 2 or 4 multiply-adds per element; measured: dot(W2, A1) on the grid
  // took 8.8 ms of CPU on 2 threads with A1 staged, against 4.6 ms on one).
  if (!threaded(out.length) || m < 2 * getNumThreads() || !reachable(ad) || !reachable(bd)) return false;
  const source = kernelSource("gemm", gemmSource, []);
  writing(out, (o) => runChunks("gemmChunk", gemm, source, m, 2, [ad, ao, as0, as1, bd, bo, bs0, bs1, o, n, k, m]));
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
 * Runs `chunk(math, lo, hi, ...inputs, ...outputs)` over [0, n): on every thread when n >=
 * PARALLEL_MIN and more than one thread is set, else once on the calling thread,
 * `chunk(math, 0, n, ...inputs, ...outputs)`. Thread t gets bounds [lo, hi) that split n evenly,
 * multiples of `align`. Typed arrays among `inputs` reach the workers shared, as a copy of a small
 * buffer, or staged in scratch memory; each of `outputs` is written in place when shared, else
 * through scratch memory and copied back (whole) afterwards.
 *
 * `chunk` travels to the workers as source text: it may read only its arguments and JavaScript's
 * globals (no imports, no module constants, no closures, no inner named functions), and `math`
 * gives it fastmath.ts's exp/log/tanh. For bit-identical results, each index's value must not
 * depend on where the range starts.
 * @throws the first failing chunk's error, after every chunk has finished.
 * @example
 * ```ts
 * // out[i] = tanh(x[i])
 * parallelFor((m, lo, hi, x, out) => { for (let i = lo; i < hi; i++) out[i] = m.tanh(x[i]); }, n, [x], [out]);
 * ```
 */
export function parallelFor<I extends unknown[], O extends TypedArray[]>(
  chunk: (math: ChunkMath, lo: number, hi: number, ...args: [...I, ...O]) => void,
  n: number, inputs: [...I], outputs: [...O], align = 1,
): void {
  if (!threaded(n)) return chunk(MATH, 0, n, ...inputs, ...outputs);
  let slot = 0;
  const ins = inputs.map((x) => (ArrayBuffer.isView(x) ? readable(x as TypedArray, ++slot) : x));
  const outs = outputs.map((o) => (isShared(o) ? o : scratch(++slot, o)));
  runChunks(chunk as Chunk, MATH, MATH_SOURCE, n, align, [...ins, ...outs]);
  outputs.forEach((o, i) => {
    if (outs[i] !== o) o.set(outs[i]);
  });
}

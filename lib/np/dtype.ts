/**
 * The dtypes the lesson meets, their storage, and numpy's promotion rules for them.
 *
 * Storage: float64 → Float64Array, float32 → Float32Array, int32 → Int32Array,
 * int64 → Float64Array holding integers (exact up to 2**53; JavaScript has no fast int64),
 * uint8 → Uint8Array, bool → Uint8Array holding 0/1.
 * @module
 */

import { OverflowError } from "./errors.js";
import { isInt64Number } from "./convert.js";
import { readEnv } from "./env.js";
import { sharedBuffer } from "./parallel/shared.js";

/** A numpy dtype name. `int64` is numpy's default integer (exact here up to 2**53). */
export type DType = "bool" | "uint8" | "int32" | "int64" | "float32" | "float64";

/** The typed array that stores each dtype. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

/** Every dtype, in promotion order (bool < uint8 < int32 < int64 < float32 < float64). */
export const DTYPES: readonly DType[] = ["bool", "uint8", "int32", "int64", "float32", "float64"];

/** Allocates zero-filled storage of `n` elements for `dtype`. */
export function allocate(dtype: DType, n: number): TypedArray {
  const shared = sharedBuffer(n * byteWidth(dtype)); // large arrays on shared memory (zero-filled too): parallel/shared.ts
  if (shared !== undefined) return viewOn(dtype, shared, 0, n);
  switch (dtype) {
    case "float64":
    case "int64":
      return new Float64Array(n);
    case "float32":
      return new Float32Array(n);
    case "int32":
      return new Int32Array(n);
    case "uint8":
    case "bool":
      return new Uint8Array(n);
  }
}

/**
 * Where `allocateOutput` carves storage from. Creating a fresh zero-filled typed array costs V8
 * microseconds (a zeroed off-heap allocation plus bookkeeping), more than computing 1,600
 * elements, so outputs of up to 16 KiB come from 256 KiB slabs that are not zero-filled (every
 * caller writes every element); larger outputs get their own unfilled buffer. A slab is freed by
 * the garbage collector once no array that lives in it is reachable, so an array kept alive keeps
 * its slab: at worst 256 KiB per kept small array (measured: per-array buffers instead of slabs
 * made the lesson's training loop 5-50 % slower, and up to 3x; 256 KiB slabs instead of 128 KiB made it
 * 2.5-3 % faster, CPU time, alternating in one process on a quiet machine: half the slab allocations,
 * about 1.5 µs each; 512 KiB gained no more). parallel/ops.ts copies a slab whole to the workers. Small outputs (64 bytes or less) live on V8's
 * heap, which is cheaper still.
 */
export const SLAB_BYTES = 1 << 18;
const LARGE_BYTES = 1 << 14;
/**
 * Issue 15 (measured with process.resourceUsage, strace and --trace-gc-nvp over fresh processes of
 * bench/np-training): the garbage collector frees dead slabs in batches of about 32 MB, on a
 * background thread; glibc's malloc then returned the top of its heap to the kernel (brk, trim
 * threshold 256 KiB) and the next slabs were page-faulted in afresh: 10,000-96,000 minor faults and
 * 0.1-1.0 s of system time per 10,000 iterations in some processes, none in others, depending on
 * where live slabs happened to lie. glibc raises its trim threshold to twice the size of the largest
 * freed mmap'ed block (up to 32 MiB, mallopt(3)), so one such buffer, allocated once and dropped,
 * lets freed slabs be reused instead (measured after: 0-1,300 faults, about 0.03 s system time per
 * run, in every process). It is never touched, so it costs address space only; elsewhere than glibc
 * it is a harmless allocation.
 */
const KEEP_FREED_BYTES = (32 << 20) - (64 << 10);
/*
 * What the slabs still cost (issue 12, measured on bench/np-training's loop in one process,
 * alternating, CPU time): V8 frees dead slabs only at a scavenge, which it runs after about 32 MB
 * of new ArrayBuffer memory, so every output is written to memory last used tens of megabytes
 * ago, out of the cache. A 1 MiB ring of storage reused in place (an experiment only: it is
 * wrong for any array kept longer) made the loop 25-35 % faster, a 32 MiB ring 1.8x slower than
 * these slabs: cold memory, not the collector's own time, is most of that cost. np cannot reuse
 * storage sooner without knowing that no array uses it any more, and JavaScript does not tell a
 * synchronous loop (WeakRef targets stay alive and FinalizationRegistry callbacks wait until the
 * running job ends), so outputs stay fresh slab storage.
 */
let slab: ArrayBufferLike = new ArrayBuffer(0);
let slabUsed = 0;

function uninitialized(bytes: number): ArrayBuffer {
  return typeof Buffer === "function" ? (Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer) : new ArrayBuffer(bytes);
}

/**
 * The debug mode `NP_DEBUG_FILL_NAN=1` (read once, at start-up): every output `allocateOutput`
 * hands out is first filled with NaN (float64, float32, and int64, stored as float64) or with the
 * byte 0xA5 (uint8 165, bool 165, which is neither false nor true, int32 -1515870811), so a kernel
 * that leaves an element unwritten shows a NaN or a sentinel instead of leaking a slab's old data
 * (or the zeros of a fresh one) unseen. CI runs the whole test suite once this way
 * (.ci/steps/15-debug-fill.sh); off, it costs one test of a constant per output.
 */
const DEBUG_FILL = readEnv("NP_DEBUG_FILL_NAN") === "1"; // readEnv: also in a browser, or Deno without --allow-env

/**
 * Storage of `n` elements for `dtype` whose contents are unspecified: only for outputs that the
 * caller fills completely (every kernel does). Use `allocate` where zeros are needed.
 */
export function allocateOutput(dtype: DType, n: number): TypedArray {
  const out = carveOutput(dtype, n);
  if (DEBUG_FILL) {
    if (out instanceof Float64Array || out instanceof Float32Array) out.fill(NaN);
    else new Uint8Array(out.buffer, out.byteOffset, out.byteLength).fill(0xa5);
  }
  return out;
}

/** `allocateOutput`'s storage: on V8's heap, in a slab, or a buffer of its own. */
function carveOutput(dtype: DType, n: number): TypedArray {
  const bytes = n * byteWidth(dtype);
  if (bytes <= 64) return allocate(dtype, n);
  let buffer: ArrayBufferLike;
  let offset = 0;
  // large outputs go on shared memory when worker threads may compute them (parallel/shared.ts)
  if (bytes > LARGE_BYTES) buffer = sharedBuffer(bytes) ?? uninitialized(bytes);
  else {
    if (slabUsed + bytes > slab.byteLength) {
      if (slab.byteLength === 0) uninitialized(KEEP_FREED_BYTES); // the first slab: see KEEP_FREED_BYTES
      slab = uninitialized(SLAB_BYTES);
      slabUsed = 0;
    }
    buffer = slab;
    offset = slabUsed;
    slabUsed += (bytes + 7) & ~7; // keep every start 8-byte aligned
  }
  return viewOn(dtype, buffer, offset, n);
}

function byteWidth(dtype: DType): number {
  return dtype === "float64" || dtype === "int64" ? 8 : dtype === "uint8" || dtype === "bool" ? 1 : 4;
}

/** The typed array of `dtype` over `n` elements of `buffer` from byte `offset`. */
function viewOn(dtype: DType, buffer: ArrayBufferLike, offset: number, n: number): TypedArray {
  switch (dtype) {
    case "float64":
    case "int64":
      return new Float64Array(buffer, offset, n);
    case "float32":
      return new Float32Array(buffer, offset, n);
    case "int32":
      return new Int32Array(buffer, offset, n);
    case "uint8":
    case "bool":
      return new Uint8Array(buffer, offset, n);
  }
}

/** True for float32 and float64. */
export function isFloat(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}

/** True for the integer dtypes (bool excluded). */
export function isInteger(dtype: DType): boolean {
  return dtype === "uint8" || dtype === "int32" || dtype === "int64";
}

/**
 * A dtype argument as a DType: a name (`"int"`, `"float"` are int64, float64), or an options object
 * `{ dtype }` for numpy's keyword. Throws numpy's TypeError texts otherwise.
 */
export function checkDType(dtype: unknown): DType {
  if (typeof dtype === "string") {
    if ((DTYPES as readonly string[]).includes(dtype)) return dtype as DType;
    if (dtype === "int") return "int64";
    if (dtype === "float") return "float64";
    throw new TypeError(`data type '${dtype}' not understood (expected one of ${DTYPES.join(", ")})`);
  }
  if (typeof dtype === "object" && dtype !== null && !Array.isArray(dtype) && "dtype" in dtype) {
    const extra = Object.keys(dtype).find((k) => k !== "dtype");
    if (extra !== undefined) throw new TypeError(`got an unexpected keyword argument '${extra}' (only { dtype } is accepted here)`);
    return checkDType((dtype as { dtype: unknown }).dtype);
  }
  throw new TypeError(`Cannot interpret '${typeof dtype === "object" && dtype !== null ? JSON.stringify(dtype) : String(dtype)}' as a data type`);
}

/**
 * numpy's `result_type` for two arrays: the smallest dtype that holds both.
 * int32 or int64 with float32 gives float64, as in numpy.
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === "float32" && (b === "int32" || b === "int64")) || (b === "float32" && (a === "int32" || a === "int64"))) {
    return "float64";
  }
  return DTYPES.indexOf(a) > DTYPES.indexOf(b) ? a : b;
}

/**
 * The dtype of `array OP scalar` under numpy 2's rule for Python scalars (NEP 50): the scalar is
 * "weak" and takes the array's dtype when it fits its kind. A JavaScript number that is an
 * integer acts like a Python int, any other number like a Python float; a boolean like a Python bool.
 * (JavaScript cannot tell `2.0` from `2`: write the float array side, or `np.array(2.0)`, where it matters.)
 */
export function promoteWithScalar(a: DType, s: number | boolean): DType {
  if (typeof s === "boolean") return a;
  if (isInt64Number(s)) return a === "bool" ? "int64" : a;
  return isFloat(a) ? a : "float64";
}

/** The smallest and largest value of each integer dtype, for numpy 2's out-of-bounds check on Python ints. */
const INT_BOUNDS: Partial<Record<DType, readonly [number, number]>> = {
  uint8: [0, 255],
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
};

/**
 * numpy 2 (NEP 50) refuses a Python int that does not fit an integer array's dtype in arithmetic:
 * `np.array([1], dtype=np.uint8) + 300` raises "Python integer 300 out of bounds for uint8".
 */
export function checkWeakInt(dtype: DType, s: number): void {
  const bounds = INT_BOUNDS[dtype];
  if (bounds !== undefined && isInt64Number(s) && (s < bounds[0] || s > bounds[1])) {
    throw new OverflowError(`Python integer ${s} out of bounds for ${dtype}`);
  }
}

/** The dtype numpy gives a bare JavaScript value in `np.array`. */
export function dtypeOfScalar(s: number | boolean): DType {
  if (typeof s === "boolean") return "bool";
  return isInt64Number(s) ? "int64" : "float64";
}

/** The result dtype of numpy's true division for two operand dtypes: float32 stays, everything else is float64. */
export function divideType(t: DType): DType {
  return t === "float32" ? "float32" : "float64";
}

/** The dtype a float function (exp, tanh, sqrt, ...) returns: float32 stays float32, everything else float64. */
export function floatType(t: DType): DType {
  return t === "float32" ? "float32" : "float64";
}

/** The dtype numpy's `sum`/`prod` accumulate and return in: small integers and bools widen to int64. */
export function sumType(t: DType): DType {
  return isFloat(t) ? t : "int64";
}

/** Converts a number to what storing it in `dtype` keeps (truncation toward zero for integers, as numpy's astype). */
export function castScalar(dtype: DType, v: number): number {
  switch (dtype) {
    case "bool":
      return v !== 0 ? 1 : 0;
    case "uint8":
      return Math.trunc(v) & 0xff;
    case "int32":
      return Math.trunc(v) | 0;
    case "int64":
      return Math.trunc(v) + 0;
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
  }
}

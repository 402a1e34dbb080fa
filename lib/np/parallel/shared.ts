/**
 * Shared memory for large arrays: dtype.ts allocates arrays of more than `SHARED_MIN_BYTES` on a
 * SharedArrayBuffer when more than one thread is set, so that worker threads can write them and
 * later operations can hand them to the workers without a copy.
 *
 * Why only above 32 MiB: a SharedArrayBuffer is fresh memory every time (V8 frees it only at a
 * full garbage collection, which its size does not prompt), and fresh memory costs a page fault per
 * 4 KiB page on first touch: measured here (2 vCPU VM, loaded), 30-40 ms of CPU to first write 8 MB,
 * against 0.4 ms to write it again, 10 times the arithmetic of an elementwise op. An ordinary buffer
 * up to 32 MiB is reused by the allocator (glibc's malloc, once V8 has freed the previous one: 0
 * faults in a loop of 8 MB products, against 2,028 per call on shared memory), so sharing it would
 * make repeated ops slower, not faster. Above 32 MiB (glibc's largest mmap threshold) every buffer is
 * fresh memory anyway: sharing it costs nothing, and the threads then split the page faults as well
 * as the arithmetic. Smaller arrays reach the threads through scratch memory (`scratch`, used by ops.ts).
 * @module
 */
import { getNumThreads } from "./threads.js";

/** Arrays of more than this many bytes are shared (see above). */
export const SHARED_MIN_BYTES = 32 << 20;
let sharedAbove = SHARED_MIN_BYTES;

/**
 * Shares arrays of more than `bytes` from now on (SHARED_MIN_BYTES by default): for tests, which
 * exercise the threads on arrays of a few MB rather than allocate 32 MiB for every case.
 */
export function shareArraysAbove(bytes: number = SHARED_MIN_BYTES): void {
  sharedAbove = bytes;
}

/**
 * The storage for a large output: a SharedArrayBuffer of `bytes`, or undefined (the caller's usual
 * buffer) for a small output, with one thread, or where there is no SharedArrayBuffer.
 */
export function sharedBuffer(bytes: number): SharedArrayBuffer | undefined {
  if (bytes <= sharedAbove || typeof SharedArrayBuffer !== "function" || getNumThreads() < 2) return undefined;
  return new SharedArrayBuffer(bytes);
}

/** Whether `d` is a typed array on a SharedArrayBuffer. */
export function isShared(d: ArrayLike<number>): boolean {
  return ArrayBuffer.isView(d) && typeof SharedArrayBuffer === "function" && d.buffer instanceof SharedArrayBuffer;
}

/** The pool's scratch memory by slot: shared buffers reused from call to call (ops.ts stages unshared arrays there). */
const scratchBuffers: SharedArrayBuffer[] = [];

/**
 * A typed array like `like` (same type and length) on scratch memory `slot`, whose contents are
 * unspecified. The slot's buffer grows to the largest size asked of it and is kept (at most 32 MiB
 * per slot: larger arrays are shared themselves), so that repeated operations write memory that is
 * already mapped.
 */
export function scratch<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(slot: number, like: T): T {
  let buf = scratchBuffers[slot];
  if (buf === undefined || buf.byteLength < like.byteLength) {
    buf = new SharedArrayBuffer(Math.max(like.byteLength, Math.min(2 * (buf?.byteLength ?? 0), SHARED_MIN_BYTES)));
    scratchBuffers[slot] = buf;
  }
  const Ctor = like.constructor as new (b: SharedArrayBuffer, offset: number, length: number) => T;
  return new Ctor(buf, 0, like.length);
}

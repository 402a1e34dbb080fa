/**
 * Shared memory for large arrays: dtype.ts allocates outputs of `SHARED_MIN_BYTES` or more on a
 * SharedArrayBuffer when more than one thread is set, so that worker threads can write them and
 * later operations can hand them to the workers without a copy. (A SharedArrayBuffer is zero-filled
 * by the system's fresh pages, as the unfilled buffer it replaces: measured no slower to allocate.)
 * @module
 */
import { getNumThreads } from "./threads.js";

/**
 * Outputs of this many bytes or more are shared: 64 KiB, the smallest output an op runs in parallel
 * for (ops.ts's PARALLEL_MIN elements of one byte).
 */
export const SHARED_MIN_BYTES = 1 << 16;

/**
 * The storage for a large output: a SharedArrayBuffer of `bytes`, or undefined (the caller's usual
 * buffer) for a small output, with one thread, or where there is no SharedArrayBuffer.
 */
export function sharedBuffer(bytes: number): SharedArrayBuffer | undefined {
  if (bytes < SHARED_MIN_BYTES || typeof SharedArrayBuffer !== "function" || getNumThreads() < 2) return undefined;
  return new SharedArrayBuffer(bytes);
}

/** Whether `d` is a typed array on a SharedArrayBuffer. */
export function isShared(d: ArrayLike<number>): boolean {
  return ArrayBuffer.isView(d) && typeof SharedArrayBuffer === "function" && d.buffer instanceof SharedArrayBuffer;
}

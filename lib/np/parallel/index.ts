/**
 * Every core on large arrays: worker threads over shared memory for np's elementwise ops, its
 * exp/log/tanh and its float `dot`, with bit-identical results for any thread count.
 * `NP_NUM_THREADS` or `setNumThreads(n)` sets the count (default: the machine's cores; 1 where the
 * thread cannot block, as a browser page's main thread).
 *
 * - threads.ts: the thread-count knob;
 * - shared.ts: large outputs on SharedArrayBuffers;
 * - pool.ts: the workers, the split into chunks, the wait;
 * - worker.ts: the workers' program (text: no file to find);
 * - chunks.ts: the chunk functions the main thread and the workers both run;
 * - ops.ts: the entry points elementwise.ts, unary.ts and linalg.ts call.
 * @module
 */
export { getNumThreads, setNumThreads } from "./threads.js";
export { parallelFor, PARALLEL_MIN } from "./ops.js";
export type { ChunkMath } from "./ops.js";

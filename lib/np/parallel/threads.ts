/**
 * How many threads np's large-array operations use: the `NP_NUM_THREADS` environment variable (as
 * OMP_NUM_THREADS for numpy's BLAS), or `setNumThreads(n)`, or by default the machine's cores.
 *
 * Where the main thread cannot block (a browser page's main thread, where `Atomics.wait` throws),
 * or where there is no SharedArrayBuffer (a page that is not cross-origin isolated), the default is
 * 1 and everything runs on the calling thread: the pool waits for its workers with `Atomics.wait`.
 *
 * This module imports nothing from Node: Node's `os` is reached through `process.getBuiltinModule`
 * where it exists, so the browser entry stays free of Node modules.
 * @module
 */
import { ValueError } from "../errors.js";
import { readEnv } from "../env.js";

/** What the default thread count depends on (its own argument so that tests can state any environment). */
export interface ThreadEnvironment {
  /** The `NP_NUM_THREADS` variable, if set. */
  env?: string;
  /** The number of cores (os.availableParallelism() or navigator.hardwareConcurrency). */
  cores: number;
  /** Whether this thread may block in Atomics.wait and share memory (false in a browser's main thread). */
  canBlock: boolean;
}

/**
 * The thread count an environment gets: 1 where the thread cannot block, else `NP_NUM_THREADS` when
 * it is a positive integer, else the number of cores.
 * @throws ValueError for an `NP_NUM_THREADS` that is not a positive integer.
 */
export function defaultThreads(e: ThreadEnvironment): number {
  if (!e.canBlock) return 1;
  if (e.env !== undefined && e.env.trim() !== "") {
    const n = Number(e.env);
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`NP_NUM_THREADS must be a positive integer, got '${e.env}'`);
    return n;
  }
  return Math.max(1, Math.floor(e.cores) || 1);
}

/**
 * Whether this thread may wait with Atomics.wait on shared memory (a page's main thread may not)
 * and can start the pool's workers: Node's worker_threads (Node, and Deno where it offers
 * `process.getBuiltinModule`), or Web Workers from inside a Web Worker. (Elsewhere in Deno a Web
 * Worker would keep a script from exiting, so it stays on one thread.)
 */
export function canBlock(): boolean {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") return false;
  const proc = (globalThis as { process?: NodeLikeProcess }).process;
  const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === "function" && typeof Worker === "function";
  if (typeof proc?.getBuiltinModule !== "function" && !inWorker) return false;
  try {
    // the value differs, so this returns "not-equal" at once where waiting is allowed; it throws where not
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

interface NodeLikeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

/** The environment this thread runs in. */
function environment(): ThreadEnvironment {
  const proc = (globalThis as { process?: NodeLikeProcess }).process;
  const os = proc?.getBuiltinModule?.("node:os") as { availableParallelism?: () => number } | undefined;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const cores = os?.availableParallelism?.() ?? nav?.hardwareConcurrency ?? 1;
  return { env: readEnv("NP_NUM_THREADS"), cores, canBlock: canBlock() };
}

let threads: number | undefined;

/**
 * The number of threads np's large-array operations use (1: everything on the calling thread).
 * @returns `setNumThreads`'s value, else `NP_NUM_THREADS`, else the machine's cores (1 where the
 *   thread cannot block, as a browser page's main thread).
 * @example
 * ```ts
 * np.getNumThreads(); // 2 on a 2-core machine
 * ```
 */
export function getNumThreads(): number {
  if (threads === undefined) threads = defaultThreads(environment());
  return threads;
}

/**
 * Sets the number of threads np's large-array operations use, for the rest of the process (as
 * `NP_NUM_THREADS` does at start). Results are bit-identical for every count; 1 runs everything
 * on the calling thread.
 * @param n - a positive integer.
 * @throws ValueError when n is not a positive integer, or is above 1 where this thread cannot block
 *   (a browser page's main thread, or a page without SharedArrayBuffer).
 * @example
 * ```ts
 * np.setNumThreads(1); // single-threaded, as `taskset -c 0` would measure
 * ```
 */
export function setNumThreads(n: number): void {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new ValueError(`setNumThreads(n): n must be a positive integer, got ${typeof n === "number" ? n : typeof n}`);
  }
  if (n > 1 && !canBlock()) {
    throw new ValueError("setNumThreads(n): this thread cannot wait for workers (a browser's main thread, or no SharedArrayBuffer); only 1 is possible here");
  }
  threads = n;
}

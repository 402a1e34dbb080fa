/**
 * The worker pool: threads started on the first large operation, that split its output range into
 * contiguous chunks. The main thread posts one chunk to each worker, computes the first chunk
 * itself, then waits with `Atomics.wait` until a shared counter says every worker is done (a
 * synchronous call into np stays synchronous). The workers are unref'd: they never keep a Node
 * process alive.
 *
 * Node (and Deno, through its Node compatibility) get `worker_threads` workers from
 * `process.getBuiltinModule`; inside a browser's Web Worker (where blocking is allowed) they are
 * Web Workers made from a Blob URL. Either way the worker's code is text (worker.ts says why).
 * @module
 */
import { RuntimeError } from "../errors.js";
import { FASTMATH_SCOPE, exp, log, tanh } from "../fastmath.js";
import { binaryChunk, gemmChunk, unaryChunk } from "./chunks.js";
import { getNumThreads, setNumThreads } from "./threads.js";
import { type WorkerInit, type WorkerJob, workerProgram } from "./worker.js";

/** The chunk functions by name, as the main thread calls them and the workers rebuild them. */
const CHUNKS = { binaryChunk, unaryChunk, gemmChunk } as const;

/** A chunk function: computes [lo, hi) of an operation with `k` (the op's loops) and its own arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Chunk = (k: any, lo: number, hi: number, ...args: any[]) => void;

/** A worker as the pool uses it: Node's Worker and a Web Worker both have these. */
interface PoolWorker {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

interface NodeWorkerThreads {
  Worker: new (source: string, options: { eval: true; name: string; execArgv: string[] }) => PoolWorker & { unref(): void };
}

/** How long the pool waits for new workers to start before it gives up (a loaded machine takes a second). */
const START_TIMEOUT_MS = 30_000;

/** [0]: jobs still running; [1]: 1 once a job has failed (its message in `errorText`); [2]: workers started. */
const control = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(12)) : new Int32Array(3);
const errorText = typeof SharedArrayBuffer === "function" ? new Uint16Array(new SharedArrayBuffer(2048)) : new Uint16Array(1024);
const workers: PoolWorker[] = [];
/** How many operations ran on more than one thread (tests read it to see that a path was taken). */
let jobs = 0;
/** True while the main thread runs its chunk of a job. */
let busy = false;

/** The number of operations run on more than one thread so far in this process. */
export function parallelJobs(): number {
  return jobs;
}

/**
 * Whether a job is running: np called from the main thread's chunk (a `parallelFor` chunk may call
 * np) must then run on the calling thread, since the workers and the scratch memory are taken.
 */
export function poolBusy(): boolean {
  return busy;
}

/** Values the workers' rebuilt exp/log/tanh must reproduce bit for bit (every branch of the three). */
const MATH_CHECKS: [string, number, number][] = [
  ...[-745.1, -708.5, -1.5, 0.3, 1e-10, 700, 709.7].map((x): [string, number, number] => ["exp", x, exp(x)]),
  ...[4e-320, 1e-300, 0.7, 1, 1.2, 2.5, 1e300].map((x): [string, number, number] => ["log", x, log(x)]),
  ...[-30, -0.7, -1e-9, 0.3, 0.625, 5, 21.9].map((x): [string, number, number] => ["tanh", x, tanh(x)]),
];

function initMessage(): { init: WorkerInit } {
  const chunks: Record<string, string> = {};
  for (const [name, fn] of Object.entries(CHUNKS)) chunks[name] = String(fn);
  return {
    init: {
      control, errorText, chunks,
      math: { sources: [String(exp), String(log), String(tanh)], scope: FASTMATH_SCOPE, checks: MATH_CHECKS },
    },
  };
}

/**
 * The worker's code. esbuild's keepNames (tsx uses it) wraps named inner functions in `__name(...)`,
 * a helper of the module's own; the worker defines it as the identity.
 */
function workerSource(node: boolean): string {
  const listen = node
    ? `function (f) { process.getBuiltinModule("node:worker_threads").parentPort.on("message", f); }`
    : `function (f) { self.onmessage = function (e) { f(e.data); }; }`;
  return `"use strict";\nvar __name = function (f) { return f; };\n(${String(workerProgram)})(${listen});\n`;
}

function startWorker(): PoolWorker {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.("node:worker_threads") as NodeWorkerThreads | undefined;
  let w: PoolWorker;
  if (wt !== undefined) {
    // no execArgv: the worker's code is plain JavaScript (no tsx), and `--input-type=module` must not reach it
    const nw = new wt.Worker(workerSource(true), { eval: true, name: "np", execArgv: [] });
    nw.unref();
    w = nw;
  } else {
    const url = URL.createObjectURL(new Blob([workerSource(false)], { type: "text/javascript" }));
    w = new Worker(url, { name: "np", type: "module" });
  }
  w.postMessage(initMessage());
  return w;
}

/**
 * Starts workers until there are `count`, and waits until each has started: a worker that cannot
 * start would otherwise leave the main thread waiting for its jobs for ever (its error event cannot
 * arrive while the main thread waits).
 * @throws RuntimeError when they do not start within START_TIMEOUT_MS; np then goes on with one thread.
 */
function addWorkers(count: number): void {
  while (workers.length < count) workers.push(startWorker());
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (let up = Atomics.load(control, 2); up < count; up = Atomics.load(control, 2)) {
    const left = deadline - performance.now();
    if (left <= 0) {
      for (const w of workers.splice(0)) w.terminate();
      Atomics.store(control, 2, 0);
      setNumThreads(1);
      throw new RuntimeError(`np's worker threads did not start within ${START_TIMEOUT_MS / 1000} s; np goes on with one thread (NP_NUM_THREADS=1 says so from the start)`);
    }
    Atomics.wait(control, 2, up, left);
  }
}

/** The source of an op's loops (a function body that returns them), for the workers to compile once under `key`. */
export interface KernelSource {
  key: string;
  source: string;
  /** Names of the fastmath functions the loops call (`["tanh"]`), bound in the worker as on the main thread. */
  fns: string[];
}

/**
 * Runs `chunk` (a chunks.ts function by name, or any chunk function that reads only its arguments)
 * over [0, n) on `getNumThreads()` threads: thread t computes [b(t), b(t+1)), where the
 * bounds split n evenly and are multiples of `align`. `k` is the op's loops on the main thread
 * (`kernel` their source for the workers); `args` follow `lo, hi` and must be
 * numbers, plain arrays, or typed arrays on SharedArrayBuffers (others would be copied).
 * @throws the main thread's chunk's error, or RuntimeError with a worker's, after every chunk has finished.
 */
export function runChunks(chunk: keyof typeof CHUNKS | Chunk, k: unknown, kernel: KernelSource, n: number, align: number, args: unknown[]): void {
  const run: Chunk = typeof chunk === "string" ? CHUNKS[chunk] : chunk;
  const threads = getNumThreads();
  if (workers.length < threads - 1) addWorkers(threads - 1);
  const bound = (t: number) => (t === threads ? n : Math.floor((n * t) / threads / align) * align);
  Atomics.store(control, 1, 0);
  Atomics.store(control, 0, threads - 1);
  jobs++;
  const name = typeof chunk === "string" ? chunk : String(chunk);
  for (let t = 1; t < threads; t++) {
    const job: WorkerJob = { chunk: name, kernel, lo: bound(t), hi: bound(t + 1), args };
    workers[t - 1].postMessage(job);
  }
  busy = true;
  try {
    run(k, 0, bound(1), ...args);
  } finally {
    busy = false;
    // the workers write into the output: wait for them even when the main thread's chunk threw
    for (let left = Atomics.load(control, 0); left !== 0; left = Atomics.load(control, 0)) Atomics.wait(control, 0, left);
  }
  if (Atomics.load(control, 1) !== 0) {
    let text = "";
    for (let i = 0; i < errorText.length && errorText[i] !== 0; i++) text += String.fromCharCode(errorText[i]);
    throw new RuntimeError(`np worker thread failed: ${text}`);
  }
}

/**
 * The program each worker thread runs, as one function whose source text (`String(workerProgram)`)
 * becomes the worker's code (pool.ts). Why source text rather than a worker file: a file would have
 * to be found next to this module at run time, which breaks or needs each tool's own trick under tsx
 * (a .ts file), a bundle (one file), Deno and a notebook kernel; text needs no path anywhere.
 *
 * What the worker computes with also arrives as text, in the first message, `init`: the chunk
 * functions of chunks.ts, and fastmath.ts's `exp`/`log`/`tanh` with the constants they read
 * (`FASTMATH_SCOPE`); each job then names a chunk function and gives the source of the op's loops
 * (kernels.ts's `binarySource`/`unarySource`, the text the main thread compiled, or gemm.ts's
 * `gemmSource`), compiled once per worker, so every thread runs the same code and gets the same bits.
 *
 * Like the chunk functions, `workerProgram` reads nothing outside itself but JavaScript's globals.
 * @module
 */

/** The first message: everything the worker compiles once. */
export interface WorkerInit {
  /** Counters shared with the main thread: [0] jobs still running, [1] 1 once a job has failed, [2] workers started. */
  control: Int32Array;
  /** The failed job's message, as UTF-16 code units, 0-terminated. */
  errorText: Uint16Array;
  /** Source text of the chunk functions, by name. */
  chunks: Record<string, string>;
  /** Source text of fastmath.ts's exp, log and tanh (function declarations), and the constants they read. */
  math: { sources: string[]; scope: Record<string, unknown>; checks: [string, number, number][] };
}

/** One job: run `chunk` on [lo, hi) with the op's loops (`kernel`) and `args`. */
export interface WorkerJob {
  /** A chunk function of chunks.ts by name, or the source text of another one (`parallelFor`'s), compiled once. */
  chunk: string;
  /** The op's loops: a function body that returns them, under a key; `fns` are the fastmath functions it calls. */
  kernel: { key: string; source: string; fns: string[] };
  lo: number;
  hi: number;
  args: unknown[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The worker's main program. `listen` registers the message handler (Node's parentPort or a Web
 * Worker's onmessage). Each job runs its chunk, then counts itself done in `control[0]` and wakes
 * the main thread; an exception is written to `errorText` and flagged in `control[1]`, and the
 * worker goes on serving jobs.
 */
export function workerProgram(listen: (handler: (message: any) => void) => void): void {
  let control: Int32Array | undefined;
  let errorText: Uint16Array | undefined;
  let startError = "";
  const chunks: Record<string, (...args: any[]) => void> = {};
  let math: Record<string, (x: number) => number> = {};
  const kernels = new Map<string, unknown>();
  listen(function (m: any) {
    if (m.init !== undefined) {
      control = m.init.control;
      errorText = m.init.errorText;
      try {
        for (const name of Object.keys(m.init.chunks)) chunks[name] = new Function(`return (${m.init.chunks[name]});`)();
        const names = Object.keys(m.init.math.scope);
        math = new Function(...names, `${m.init.math.sources.join("\n")}\nreturn { exp, log, tanh };`)(...names.map((n) => m.init.math.scope[n]));
        // the rebuilt functions must give the main thread's bits (a constant missing from the scope, or renamed by a bundler, shows here)
        for (const [fn, x, y] of m.init.math.checks) {
          if (!Object.is(math[fn](x), y)) startError ||= `${fn}(${x}) gave ${math[fn](x)} in the worker, ${y} on the main thread`;
        }
      } catch (e) {
        startError = e instanceof Error ? e.message : String(e);
      }
      if (startError !== "") startError = `the worker thread could not start: ${startError}`;
      // started (a failed start is reported by each job): the pool waits for this before its first job
      Atomics.add(control!, 2, 1);
      Atomics.notify(control!, 2);
      return;
    }
    let failure = startError;
    if (failure === "") {
      try {
        let k = kernels.get(m.kernel.key);
        if (k === undefined) {
          k = new Function(...m.kernel.fns, m.kernel.source)(...m.kernel.fns.map((n: string) => math[n]));
          kernels.set(m.kernel.key, k);
        }
        let run = chunks[m.chunk];
        if (run === undefined) {
          run = new Function(`return (${m.chunk});`)();
          chunks[m.chunk] = run;
        }
        run(k, m.lo, m.hi, ...m.args);
      } catch (e) {
        failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }
    // the first failure's text goes to the main thread, which throws it once every chunk is done
    if (failure !== "" && Atomics.compareExchange(control!, 1, 0, 1) === 0) {
      const n = Math.min(failure.length, errorText!.length - 1);
      for (let i = 0; i < n; i++) errorText![i] = failure.charCodeAt(i);
      errorText![n] = 0;
    }
    Atomics.sub(control!, 0, 1);
    Atomics.notify(control!, 0);
  });
}

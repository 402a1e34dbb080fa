/**
 * np's worker threads (lib/np/parallel) on the lesson's large arrays: the decision grid's
 * 1008 x 1030 = 1,038,240 points through the lesson's `predict` written with np (dot, + b1, tanh,
 * dot, + b2, sigmoid, > 0.5) step by step and whole, on 1 thread and on 2, alternating in one
 * process (so that a load from other processes falls on both alike), wall and CPU time, beside
 * numpy on the same steps (python3, same run). Then `add` and `tanh` at ops.ts's PARALLEL_MIN
 * elements (the smallest op the threads take) and 4 times that.
 *
 * On a loaded machine the second thread's wall-time gain comes and goes with the other processes;
 * the main thread's own CPU time with 2 threads against the whole CPU time on 1 (Linux's
 * /proc/self/task, 10 ms ticks) is the part of the work left on the critical path, which is the
 * wall-time ratio a machine with a free core for the worker gets.
 *
 * Environment: BENCH_REPEATS (default 9) timed runs per side; BENCH_NUMPY=0 skips numpy.
 * For the 1-core figure run it under `taskset -c 0` (numpy's BLAS then has one core too).
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { np } from "../lib/index.js";
import { PARALLEL_MIN, getNumThreads, setNumThreads } from "../lib/np/parallel/index.js";
import { median, report, runNumpy } from "./common.js";

type NDArray = np.NDArray;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);
const THREADS = Math.max(2, getNumThreads());

setNumThreads(THREADS); // inputs allocated now live in shared memory
const xx0 = np.linspace(-4, 4, 1030);
const yy0 = np.linspace(-4, 4, 1008);
const [xx, yy] = np.meshgrid(xx0, yy0);
const X = np.c_(np.ravel(xx), np.ravel(yy)).T; // (2, 1038240), a transposed view as in the lesson
np.random.seed(3);
const W1 = np.random.randn(4, 2), b1 = np.random.randn(4, 1), W2 = np.random.randn(1, 4), b2 = np.random.randn(1, 1);
const Z1 = np.add(np.dot(W1, X), b1);
const A1 = np.tanh(Z1);
const Z2 = np.add(np.dot(W2, A1), b2);

const steps: Record<string, () => unknown> = {
  "dot(W1, X)": () => np.dot(W1, X),
  "+ b1": () => np.add(Z1, b1),
  tanh: () => np.tanh(Z1),
  "dot(W2, A1)": () => np.dot(W2, A1),
  sigmoid: () => np.divide(1, np.add(1, np.exp(np.negative(Z2)))),
  "predict (np)": () => {
    const a1 = np.tanh(np.add(np.dot(W1, X), b1));
    const a2 = np.divide(1, np.add(1, np.exp(np.negative(np.add(np.dot(W2, a1), b2)))));
    return np.greater(a2, 0.5);
  },
};

const MAIN_STAT = `/proc/self/task/${process.pid}/stat`;
/** The main thread's own CPU seconds (Linux; NaN elsewhere). */
function mainThreadCpu(): number {
  if (!existsSync(MAIN_STAT)) return NaN;
  const f = readFileSync(MAIN_STAT, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 10 ms
}

/** Wall, CPU and main-thread CPU seconds of one call. */
function once(f: () => unknown): [number, number, number] {
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const w0 = performance.now();
  f();
  const w = (performance.now() - w0) / 1000;
  const c = process.cpuUsage(c0);
  return [w, (c.user + c.system) / 1e6, mainThreadCpu() - m0];
}

/** Medians of `f` on 1 thread and on THREADS, alternating which goes first. */
type Side = { wall: number; cpu: number; main: number };
function ab(f: () => unknown, repeats: number): Record<"one" | "many", Side> {
  const t = { one: { wall: [] as number[], cpu: [] as number[], main: [] as number[] }, many: { wall: [] as number[], cpu: [] as number[], main: [] as number[] } };
  for (let r = -1; r < repeats; r++) {
    for (const side of r % 2 ? (["one", "many"] as const) : (["many", "one"] as const)) {
      setNumThreads(side === "one" ? 1 : THREADS);
      const [w, c, m] = once(f);
      if (r >= 0) {
        t[side].wall.push(w);
        t[side].cpu.push(c);
        t[side].main.push(m);
      }
    }
  }
  setNumThreads(THREADS);
  const m = (x: { wall: number[]; cpu: number[]; main: number[] }): Side => ({ wall: median(x.wall), cpu: median(x.cpu), main: median(x.main) });
  return { one: m(t.one), many: m(t.many) };
}

const numpy =
  process.env.BENCH_NUMPY === "0"
    ? undefined
    : runNumpy<Record<string, number>>(
        `
import json, sys, time
import numpy as np
d = json.load(open(sys.argv[1]))
xx, yy = np.meshgrid(np.linspace(-4, 4, 1030), np.linspace(-4, 4, 1008))
X = np.c_[xx.ravel(), yy.ravel()].T
W1, b1, W2, b2 = (np.array(d[k]) for k in ("W1", "b1", "W2", "b2"))
Z1 = np.dot(W1, X) + b1; A1 = np.tanh(Z1); Z2 = np.dot(W2, A1) + b2
steps = {
  "dot(W1, X)": lambda: np.dot(W1, X), "+ b1": lambda: Z1 + b1, "tanh": lambda: np.tanh(Z1),
  "dot(W2, A1)": lambda: np.dot(W2, A1), "sigmoid": lambda: 1 / (1 + np.exp(-Z2)),
  "predict (np)": lambda: (1 / (1 + np.exp(-(np.dot(W2, np.tanh(np.dot(W1, X) + b1)) + b2)))) > 0.5,
}
out = {}
for name, f in steps.items():
  f(); ts = []
  for _ in range(${REPEATS}):
    t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
  out[name] = sorted(ts)[len(ts) // 2]
print(json.dumps(out))
`,
        { W1: np.tolist(W1), b1: np.tolist(b1), W2: np.tolist(W2), b2: np.tolist(b2) },
      );

const figures: Record<string, number> = {};
const ms = (s: number) => (s * 1000).toFixed(1).padStart(7);
console.log(`decision grid, ${X.shape[1]} points; medians of ${REPEATS}; 1 thread against ${THREADS}, alternating`);
console.log(`${"step".padEnd(14)} ${"1T wall".padStart(8)} ${"1T cpu".padStart(8)} ${`${THREADS}T wall`.padStart(8)} ${`${THREADS}T cpu`.padStart(8)}  wall ${THREADS}T/1T  main cpu ${THREADS}T/cpu 1T${numpy ? "   numpy wall  np 1T/numpy  np 2T/numpy" : ""}`);
for (const [name, f] of Object.entries(steps)) {
  const r = ab(f, REPEATS);
  const npy = numpy?.[name];
  const vs = npy ? `  ${ms(npy)} ms  ${(r.one.wall / npy).toFixed(2).padStart(10)}x  ${(r.many.wall / npy).toFixed(2).padStart(10)}x` : "";
  const path = r.many.main / r.one.cpu;
  console.log(`${name.padEnd(14)} ${ms(r.one.wall)} ${ms(r.one.cpu)} ${ms(r.many.wall)} ${ms(r.many.cpu)}  ${(r.many.wall / r.one.wall).toFixed(2).padStart(10)}x  ${path.toFixed(2).padStart(16)}x${vs}`);
  if (Number.isFinite(path)) figures[`${name} main cpu ${THREADS}T/cpu 1T`] = path;
  figures[`${name} 1T wall s`] = r.one.wall;
  figures[`${name} ${THREADS}T wall s`] = r.many.wall;
  figures[`${name} ${THREADS}T/1T wall`] = r.many.wall / r.one.wall;
  if (npy) figures[`${name} ${THREADS}T/numpy wall`] = r.many.wall / npy;
}

console.log(`\nat and above ops.ts's PARALLEL_MIN (${PARALLEL_MIN} elements, the smallest op that uses the threads): wall ${THREADS}T/1T`);
for (const n of [PARALLEL_MIN, 4 * PARALLEL_MIN]) {
  const a = np.add(np.zeros([n]), 0.5);
  const b = np.add(np.zeros([n]), 1.5);
  const add = ab(() => np.add(a, b), REPEATS * 3);
  const tanh = ab(() => np.tanh(a), REPEATS * 3);
  console.log(`${String(n).padStart(7)} elements: add ${(add.many.wall / add.one.wall).toFixed(2)}x (${ms(add.one.wall)} ms on 1T), tanh ${(tanh.many.wall / tanh.one.wall).toFixed(2)}x (${ms(tanh.one.wall)} ms on 1T)`);
}
report(figures);

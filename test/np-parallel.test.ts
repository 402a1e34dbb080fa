/**
 * np's worker threads (lib/np/parallel): every op they run gives the same bits as one thread
 * (contiguous, broadcast, scalar, strided and transposed operands, odd sizes and chunk edges), a
 * failing chunk surfaces as an error on the calling thread and leaves the pool usable, a script
 * exits with the pool started, and the thread count's default follows the environment (1 where the
 * thread cannot block, as a browser page's main thread).
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { np } from "../lib/index.js";
import type { NDArray } from "../lib/np/ndarray.js";
import { type ChunkMath, PARALLEL_MIN, getNumThreads, parallelFor, setNumThreads } from "../lib/np/parallel/index.js";
import { parallelJobs } from "../lib/np/parallel/pool.js";
import { shareArraysAbove } from "../lib/np/parallel/shared.js";
import { canBlock, defaultThreads } from "../lib/np/parallel/threads.js";

const THREADS = 3; // more threads than this machine's 2 cores: uneven chunks, and every bound not a multiple of a row
const M = PARALLEL_MIN + 4097; // odd, and not a multiple of the threads
setNumThreads(THREADS);
shareArraysAbove(1 << 16); // large arrays from here on live in shared memory, as those over 32 MiB do by default

/** Whether two arrays hold the same bits (NaN's payload aside), shape and dtype. */
function sameBits(a: NDArray, b: NDArray): string | true {
  if (a.dtype !== b.dtype || a.shape.join() !== b.shape.join()) return `${a.dtype} ${a.shape} against ${b.dtype} ${b.shape}`;
  const x = a.values();
  const y = b.values();
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `element ${i}: ${x[i]} against ${y[i]}`;
  return true;
}

/** `f` run on 1 thread and on THREADS threads: the same bits, and the threaded run used the workers. */
function oneVsMany(t: import("ava").ExecutionContext, f: () => NDArray, parallel = true): void {
  setNumThreads(1);
  const one = f();
  setNumThreads(THREADS);
  const before = parallelJobs();
  const many = f();
  t.is(sameBits(one, many), true);
  t.is(parallelJobs() > before, parallel, parallel ? "the op did not run on the workers" : "the op ran on the workers");
}

const rand = (shape: number[], lo = -4, hi = 4) => np.add(np.multiply(np.random.rand(...shape), hi - lo), lo);
np.random.seed(12);
const a = rand([4, M]);
const b = rand([4, M]);
const col = rand([4, 1]);
const row = rand([1, M]);
const pos = rand([4, M], 1e-3, 50);
const big = rand([M, 2]); // X.T below is the lesson's np.c_[...].T, a transposed view
const f32 = a.astype("float32");
const i32 = np.multiply(a, 1000).astype("int32");
const u8 = np.multiply(np.add(a, 4), 30).astype("uint8");
const third = rand([4, Math.ceil(M / 3)]);
const mCol = rand([M, 1]);
const W1 = rand([4, 2]), b1 = rand([4, 1]), W2 = rand([1, 4]), b2 = rand([1, 1]);
const W35 = rand([3, 5]), X5 = rand([M - 1, 5]), W23 = rand([2, 3]), X3 = rand([3, 2 * M]);
const bigT = big.T.copy(); // C-contiguous (2, M)

test("the test's inputs are large, shared, and the pool has THREADS threads", (t) => {
  t.is(getNumThreads(), THREADS);
  t.true(a.nd.data.buffer instanceof SharedArrayBuffer);
  t.true(a.size >= PARALLEL_MIN);
});

for (const [name, f] of [
  ["add", () => np.add(a, b)],
  ["subtract", () => np.subtract(a, b)],
  ["multiply", () => np.multiply(a, b)],
  ["divide", () => np.divide(a, b)],
  ["maximum", () => np.maximum(a, b)],
  ["greater (bool out)", () => np.greater(a, b)],
  ["float32 multiply", () => np.multiply(f32, f32)],
  ["int32 multiply (Math.imul)", () => np.multiply(i32, i32)],
  ["uint8 + float64", () => np.add(u8, a)],
  ["scalar right", () => np.multiply(a, 2.5)],
  ["scalar left", () => np.subtract(1, a)],
  ["power 2 (square)", () => np.power(a, 2)],
  ["power 0.5 (sqrt)", () => np.power(pos, 0.5)],
  ["power 3", () => np.power(a, 3)],
  ["greater than 0.5", () => np.greater(a, 0.5)],
  ["broadcast (4,M) + (4,1)", () => np.add(a, col)],
  ["broadcast (4,1) - (4,M)", () => np.subtract(col, a)],
  ["broadcast (4,M) * (1,M)", () => np.multiply(a, row)],
  ["broadcast (1,M) > (4,1)", () => np.greater(row, col)],
  ["transposed view + contiguous", () => np.add(a.T, b.T)],
  ["strided slice * scalar", () => np.multiply(a.slice(":, ::3"), third)],
  ["transposed view * (M,1)", () => np.multiply(big, mCol)],
] as const) {
  test(`${name}: 1 thread and ${THREADS} give the same bits`, (t) => oneVsMany(t, f));
}

test("int64 arithmetic (intmath.ts helpers the workers lack) stays on one thread, unchanged", (t) => {
  const n = np.multiply(a, 1e6).astype("int64");
  oneVsMany(t, () => np.multiply(n, n), false);
});

for (const [name, f] of [
  ["tanh", () => np.tanh(a)],
  ["exp", () => np.exp(a)],
  ["log", () => np.log(pos)],
  ["negative", () => np.negative(a)],
  ["sqrt", () => np.sqrt(pos)],
  ["tanh of a transposed view", () => np.tanh(big.T)],
  ["exp of a strided slice", () => np.exp(a.slice(":, 1::2"))],
  ["tanh of float32", () => np.tanh(f32)],
] as const) {
  // contiguous float64 tanh/exp/log run WebAssembly SIMD on the calling thread (lib/np/wasm, faster on
  // one core than the workers' scalar loops on two here): the same bits, no worker
  const simd = name === "tanh" || name === "exp" || name === "log";
  test(`unary ${name}: 1 thread and ${THREADS} give the same bits${simd ? " (SIMD, on the calling thread)" : ""}`, (t) => oneVsMany(t, f, !simd));
}

for (const [name, f] of [
  ["W1 (4x2) · X.T (2xM), the lesson's transposed view", () => np.dot(W1, big.T)],
  ["W1 (4x2) · X (2xM) contiguous", () => np.dot(W1, bigT)],
  ["W2 (1x4) · A1 (4xM)", () => np.dot(W2, a)],
  ["outer product (4x1) · (1xM)", () => np.dot(col, row)],
  ["(3x5) · (5, M-1) view: gemm's column pairs and odd last column", () => np.dot(W35, X5.T)],
  ["(2x3) · (3, M) strided rows", () => np.dot(W23, X3.slice(":, ::2"))],
] as const) {
  test(`dot ${name}: 1 thread and ${THREADS} give the same bits`, (t) => oneVsMany(t, f));
}

test("the lesson's np predict on a grid: every step on the workers, the same bits", (t) => {
  oneVsMany(t, () => {
    const A1 = np.tanh(np.add(np.dot(W1, big.T), b1));
    const A2 = np.divide(1, np.add(1, np.exp(np.negative(np.add(np.dot(W2, A1), b2)))));
    return np.greater(A2, 0.5);
  });
});

test("unshared arrays (32 MiB or less, the default) reach the threads through scratch memory for tanh, exp and log", (t) => {
  shareArraysAbove(); // the default: these arrays of a few MB are ordinary buffers
  try {
    const x = np.add(a, 0);
    const p = np.add(pos, 0);
    const X = np.add(big, 0).T;
    t.false(x.nd.data.buffer instanceof SharedArrayBuffer);
    for (const f of [() => np.tanh(x.T), () => np.exp(x.T), () => np.log(p.T)]) { // strided: contiguous ones take SIMD
      oneVsMany(t, f);
      t.false(f().nd.data.buffer instanceof SharedArrayBuffer);
    }
    // cheap ops, and dot of large unshared operands, stay on one thread: staging would cost more than it saves
    for (const f of [() => np.add(x, x), () => np.dot(W1, X), () => np.dot(W2, x)]) oneVsMany(t, f, false);
  } finally {
    shareArraysAbove(1 << 16);
  }
});

/** out[i] = tanh(x[i]) + i: a chunk function as parallelFor takes it (its arguments only). */
function tanhPlusIndex(m: ChunkMath, lo: number, hi: number, x: Float64Array, out: Float64Array): void {
  for (let i = lo; i < hi; i++) out[i] = m.tanh(x[i]) + i;
}

test("parallelFor runs a chunk function on the workers with fastmath's functions, same bits", (t) => {
  const x = a.nd.data as Float64Array;
  const run = (threads: number) => {
    setNumThreads(threads);
    const out = np.zeros([x.length]); // shared with threads > 1: np's allocation
    parallelFor(tanhPlusIndex, x.length, [x], [out.nd.data as Float64Array]);
    return out;
  };
  const before = parallelJobs();
  const one = run(1);
  const many = run(THREADS);
  t.true(parallelJobs() > before);
  t.is(sameBits(one, many), true);
});

test("a chunk that throws in a worker surfaces on the calling thread; the pool stays usable", (t) => {
  setNumThreads(THREADS);
  const out = np.zeros([M]);
  const fail = (_m: ChunkMath, lo: number, hi: number, o: Float64Array) => {
    if (lo > 0) throw new RangeError(`chunk ${lo}-${hi} refused`);
    o.fill(1, lo, hi);
  };
  const e = t.throws(() => parallelFor(fail, M, [], [out.nd.data as Float64Array]));
  t.is(e?.name, "RuntimeError");
  t.regex(e?.message ?? "", /np worker thread failed: RangeError: chunk \d+-\d+ refused/);
  oneVsMany(t, () => np.tanh(np.add(a, b)));
});

/** Writes i to out[i]; the main thread's chunk (lo = 0) first calls back into np (a global set by the test). */
function callsNp(_m: ChunkMath, lo: number, hi: number, out: Float64Array): void {
  if (lo === 0) (globalThis as unknown as { npFromChunk: () => void }).npFromChunk();
  for (let i = lo; i < hi; i++) out[i] = i;
}

test("np called from the main thread's chunk runs there (the workers and scratch memory are taken) instead of waiting for ever", (t) => {
  setNumThreads(THREADS);
  shareArraysAbove(); // the default: the output below and tanh's input are unshared, so both would use scratch memory
  try {
    const x = np.add(a, 0);
    let inner: NDArray | undefined;
    (globalThis as unknown as { npFromChunk: () => void }).npFromChunk = () => {
      inner = np.tanh(x);
    };
    const out = np.zeros([M]);
    const before = parallelJobs();
    parallelFor(callsNp, M, [], [out.nd.data as Float64Array]);
    t.is(parallelJobs(), before + 1, "only the outer job ran on the workers");
    t.true(out.values().every((v, i) => v === i), "the outer job's output, through scratch memory, is intact");
    setNumThreads(1);
    t.is(sameBits(inner!, np.tanh(x)), true);
  } finally {
    setNumThreads(THREADS);
    shareArraysAbove(1 << 16);
  }
});

test("a Node script that used the workers exits by itself", (t) => {
  const lib = new URL("../lib/index.js", import.meta.url).href;
  const pool = new URL("../lib/np/parallel/pool.js", import.meta.url).href;
  const script = `import { np } from ${JSON.stringify(lib)};
    import { parallelJobs } from ${JSON.stringify(pool)};
    const x = np.tanh(np.ones([${M}, 2]).T); // a strided view: contiguous float64 tanh takes SIMD on this thread
    console.log(parallelJobs(), np.sum(x) > 0);`;
  const r = spawnSync(process.execPath, ["--import=tsx", "--input-type=module", "-e", script], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, NP_NUM_THREADS: "2" },
    encoding: "utf8",
    timeout: 60_000,
  });
  t.is(r.error, undefined, "the script did not exit within 60 s");
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout.trim(), "1 true"); // one op on the workers, and a result
});

test("the default thread count: NP_NUM_THREADS, else the cores; 1 where the thread cannot block (a page's main thread)", (t) => {
  t.is(defaultThreads({ cores: 8, canBlock: true }), 8);
  t.is(defaultThreads({ env: "3", cores: 8, canBlock: true }), 3);
  t.is(defaultThreads({ env: "", cores: 8, canBlock: true }), 8);
  t.is(defaultThreads({ env: "3", cores: 8, canBlock: false }), 1);
  t.is(defaultThreads({ cores: 8, canBlock: false }), 1);
  for (const bad of ["0", "-2", "1.5", "two"]) {
    t.throws(() => defaultThreads({ env: bad, cores: 8, canBlock: true }), { name: "ValueError", message: /NP_NUM_THREADS must be a positive integer/ });
  }
  t.true(canBlock()); // Node's main thread may block
});

test("setNumThreads refuses what is not a positive integer", (t) => {
  for (const bad of [0, -1, 1.5, NaN, "2" as unknown as number]) {
    t.throws(() => setNumThreads(bad), { name: "ValueError", message: /n must be a positive integer/ });
  }
  setNumThreads(THREADS);
  t.is(getNumThreads(), THREADS);
});

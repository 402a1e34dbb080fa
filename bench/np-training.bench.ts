/**
 * The lesson's training loop (m = 400 points, 4 hidden units, 10000 iterations: forward, cost,
 * backward with the original's `np.sum(dZ1)`, update), written with `np` line for line as the
 * lesson writes it with numpy, timed side by side with the same loop in numpy (python3, in a child
 * process, same run, same data and initial parameters), the two sides' runs alternating. Prints both
 * medians and the median of the per-pair ratios.
 *
 * Environment: BENCH_REPEATS (default 5) timed runs per side; BENCH_ITERATIONS (default 10000);
 * BENCH_NUMPY=0 skips the numpy side (for profiling the np side alone); BENCH_LOAD=1 measures both
 * sides while a second, busy process spins on one core (issue 12's "under load" figure, made
 * reproducible: the busy process starts before the np side and stops after the numpy side).
 * Quiet runs pin this process and its numpy child to one CPU (common.ts's `pinToOneCpu`).
 * @module
 */
import { np } from "../lib/index.js";
import { type NumpyRun, TARGETS, type Timing, countGarbageCollections, median, pinToOneCpu, report, reportRatio, startLoad, startNumpy, timeOnce, underLoad } from "./common.js";

type NDArray = np.NDArray;
type Parameters = { W1: NDArray; b1: NDArray | number; W2: NDArray; b2: NDArray | number };
type Cache = { Z1: NDArray; A1: NDArray; Z2: NDArray; A2: NDArray };

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10000);

/** The flower data, as the lesson's load_planar_dataset (np.random.seed(1)). */
function loadPlanarDataset(): { X: NDArray; Y: NDArray } {
  np.random.seed(1);
  const m = 400;
  const N = m / 2;
  const a = 4;
  const parts: NDArray[] = [];
  for (let j = 0; j < 2; j++) {
    const t = np.add(np.linspace(j * 3.12, (j + 1) * 3.12, N), np.multiply(np.random.randn(N), 0.2));
    const r = np.add(np.multiply(a, np.sin(np.multiply(4, t))), np.multiply(np.random.randn(N), 0.2));
    parts.push(np.c_(np.multiply(r, np.sin(t)), np.multiply(r, np.cos(t))));
  }
  const X = np.concatenate(parts).T;
  const Y = np.concatenate([np.zeros(N, "uint8"), np.ones(N, "uint8")]).reshape(1, m);
  return { X, Y };
}

function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  const W1 = np.random.normal(0, 1, [nH, nX]);
  const b1 = np.zeros([nH, 1]);
  const W2 = np.random.normal(0, 1, [nY, nH]);
  const b2 = np.zeros([nY, 1]);
  return { W1, b1, W2, b2 };
}

function forwardPropagation(X: NDArray, parameters: Parameters): [NDArray, Cache] {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.add(np.dot(W1, X), b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(W2, A1), b2);
  const A2 = np.divide(1, np.add(1, np.exp(np.negative(Z2))));
  return [A2, { Z1, A1, Z2, A2 }];
}

function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  const logprobs = np.sum(np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2)))));
  const cost = -logprobs / m;
  return cost;
}

function backwardPropagation(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray) {
  const m = X.shape[1];
  const W2 = parameters.W2;
  const { A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = (1 / m) * np.sum(dZ2);
  const dZ1 = np.multiply(np.dot(W2.T, dZ2), np.subtract(1, np.power(A1, 2)));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = (1 / m) * np.sum(dZ1);
  return { dW1, db1, dW2, db2 };
}

function updateParameters(parameters: Parameters, grads: ReturnType<typeof backwardPropagation>, learningRate = 1.2): Parameters {
  const W1 = np.subtract(parameters.W1, np.multiply(learningRate, grads.dW1));
  const b1 = np.subtract(parameters.b1, learningRate * grads.db1);
  const W2 = np.subtract(parameters.W2, np.multiply(learningRate, grads.dW2));
  const b2 = np.subtract(parameters.b2, learningRate * grads.db2);
  return { W1, b1, W2, b2 };
}

function train(X: NDArray, Y: NDArray, initial: Parameters): number {
  let parameters = initial;
  let cost = NaN;
  for (let i = 0; i < ITERATIONS; i++) {
    const [A2, cache] = forwardPropagation(X, parameters);
    cost = computeCost(A2, Y);
    const grads = backwardPropagation(parameters, cache, X, Y);
    parameters = updateParameters(parameters, grads, 1.2);
  }
  return cost;
}

// The numpy side's work(): one run of the same loop, from the same data and initial parameters
// (bench/common.ts's startNumpy times each call).
const PYTHON = String.raw`
import json, sys
import numpy as np
from lesson2_numpy import train
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]); Y = np.array(d["Y"], dtype="uint8")
init = {k: np.array(v) for k, v in d["init"].items()}
def work():
    return {"cost": float(train(X, Y, dict(init), d["iterations"])[1]), "numpy": np.__version__}
`;

const { X, Y } = loadPlanarDataset();
const init = initializeParameters(2, 4, 1);
const stopLoad = startLoad();
// Quiet: both sides on one CPU (pinToOneCpu says why); under load each side goes where the
// scheduler puts it, since how each copes with a busy machine is what that figure measures.
const cpu = underLoad() ? undefined : pinToOneCpu();
const loadNote = underLoad() ? " (BENCH_LOAD=1: while a second process spins on one core)" : cpu !== undefined ? ` (both sides on CPU ${cpu})` : "";

// The two sides alternate run by run, after one untimed warm-up run each (the JIT compiles the
// loops): np, numpy, numpy, np, np, numpy, ... so that a change in the host's speed during the
// bench (issue 15: 1.5x within minutes on the development VM) reaches both sides alike. The ratio is
// the median of the per-pair ratios. Also counted: page faults and garbage collections per np run,
// which tell a slow process from a fast one without trusting the clock.
const withNumpy = process.env.BENCH_NUMPY !== "0";
const numpy = withNumpy
  ? startNumpy<{ cost: number; numpy: string }>(PYTHON, {
    X: np.tolist(X),
    Y: np.tolist(Y),
    init: { W1: np.tolist(init.W1), b1: np.tolist(init.b1), W2: np.tolist(init.W2), b2: np.tolist(init.b2) },
    iterations: ITERATIONS,
  })
  : undefined;
let tsCost = NaN;
const gcs = countGarbageCollections();
const ts: Timing = { wall: [], cpu: [], faults: [] };
const py: NumpyRun<{ cost: number; numpy: string }>[] = [];
const runNp = () => {
  const one = timeOnce(() => (tsCost = train(X, Y, init)));
  ts.wall.push(one.wall);
  ts.cpu.push(one.cpu);
  ts.faults.push(one.faults);
};
train(X, Y, init); // warm-up
if (numpy) await numpy.run(); // warm-up
for (let r = 0; r < REPEATS; r++) {
  if (r % 2 === 0) runNp();
  if (numpy) py.push(await numpy.run());
  if (r % 2 === 1) runNp();
}
numpy?.close();
stopLoad();
const gc = await gcs();
const perRun = (k: number) => k / (REPEATS + 1); // the warm-up run included
const memory = {
  "np minor page faults / run": median(ts.faults),
  "np scavenges / run": perRun(gc.minor),
  "np mark-compacts / run": perRun(gc.major),
};
const memoryLine = `  page faults ${median(ts.faults)} / run; garbage collections per run: ${perRun(gc.minor).toFixed(1)} scavenges, ${perRun(gc.major).toFixed(1)} mark-compacts`;

if (!numpy) {
  report({ "np wall s": median(ts.wall), "np cpu s": median(ts.cpu), ...memory });
  console.log(memoryLine);
  console.log(`np (TypeScript) median ${median(ts.wall).toFixed(3)} s, CPU ${median(ts.cpu).toFixed(3)} s over ${REPEATS} runs${loadNote}; final cost ${tsCost}`);
  process.exit(0);
}

const pyWall = py.map((p) => p.wall);
const pyCpu = py.map((p) => p.cpu);
const pyCost = py[py.length - 1].result.cost;
const paired = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]));
const wallRatio = paired(ts.wall, pyWall);
const cpuRatio = paired(ts.cpu, pyCpu);
console.log(`training loop: m = 400, n_h = 4, ${ITERATIONS} iterations, ${REPEATS} runs of each side, alternating${loadNote}`);
console.log(`  np (TypeScript) median ${median(ts.wall).toFixed(3)} s   runs: ${ts.wall.map((t) => t.toFixed(3)).join(" ")}`);
console.log(`  numpy ${py[0].result.numpy}     median ${median(pyWall).toFixed(3)} s   runs: ${pyWall.map((t) => t.toFixed(3)).join(" ")}`);
console.log(`  per-pair ratios: ${ts.wall.map((t, i) => (t / pyWall[i]).toFixed(2)).join(" ")}`);
const goal = underLoad() ? TARGETS.npLoopLoaded : TARGETS.npLoopQuiet;
reportRatio(goal.name, wallRatio, goal.target, "wall");
reportRatio(goal.name, cpuRatio, goal.target, "cpu");
// On a shared machine the wall clock includes time other processes took; CPU time does not.
console.log(`  CPU time: np ${median(ts.cpu).toFixed(3)} s, numpy ${median(pyCpu).toFixed(3)} s, paired ratio ${cpuRatio.toFixed(2)}x`);
console.log(memoryLine);
console.log(`  final cost: np ${tsCost.toPrecision(12)}, numpy ${pyCost.toPrecision(12)} (|diff| ${Math.abs(tsCost - pyCost).toExponential(1)})`);
report({
  "np wall s": median(ts.wall),
  "np cpu s": median(ts.cpu),
  "numpy wall s": median(pyWall),
  "numpy cpu s": median(pyCpu),
  "np / numpy (wall)": wallRatio,
  "np / numpy (cpu)": cpuRatio,
  ...memory,
});

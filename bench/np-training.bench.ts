/**
 * The lesson's training loop (m = 400 points, 4 hidden units, 10000 iterations: forward, cost,
 * backward with the original's `np.sum(dZ1)`, update), written with `np` line for line as the
 * lesson writes it with numpy, timed side by side with the same loop in numpy (python3, in a child
 * process, same run, same data and initial parameters). Prints both medians and the ratio.
 *
 * Environment: BENCH_REPEATS (default 5) timed runs per side; BENCH_ITERATIONS (default 10000);
 * BENCH_NUMPY=0 skips the numpy side (for profiling the np side alone); BENCH_LOAD=1 measures both
 * sides while a second, busy process spins on one core (issue 12's "under load" figure, made
 * reproducible: the busy process starts before the np side and stops after the numpy side).
 * Quiet runs pin this process and its numpy child to one CPU (common.ts's `pinToOneCpu`).
 * @module
 */
import { np } from "../lib/index.js";
import { TARGETS, countGarbageCollections, median, pinToOneCpu, report, reportRatio, runNumpy, startLoad, time, underLoad } from "./common.js";

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

const PYTHON = String.raw`
import json, sys
import numpy as np
from lesson2_numpy import train, timed
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]); Y = np.array(d["Y"], dtype="uint8")
init = {k: np.array(v) for k, v in d["init"].items()}
t = timed(lambda: train(X, Y, dict(init), d["iterations"]), d["repeats"])
cost = train(X, Y, dict(init), d["iterations"])[1]
print(json.dumps({"times": t["wall"], "cpu": t["cpu"], "cost": float(cost), "numpy": np.__version__}))
`;

const { X, Y } = loadPlanarDataset();
const init = initializeParameters(2, 4, 1);
const stopLoad = startLoad();
// Quiet: both sides on one CPU (pinToOneCpu says why); under load each side goes where the
// scheduler puts it, since how each copes with a busy machine is what that figure measures.
const cpu = underLoad() ? undefined : pinToOneCpu();
const loadNote = underLoad() ? " (BENCH_LOAD=1: while a second process spins on one core)" : cpu !== undefined ? ` (both sides on CPU ${cpu})` : "";

// The np side: one untimed warm-up run (the JIT compiles the loops), then REPEATS timed runs.
// Also counted: page faults and garbage collections per run, which tell a slow process from a
// fast one without trusting the clock (issue 15).
let tsCost = NaN;
const gcs = countGarbageCollections();
const { wall: tsTimes, cpu: tsCpu, faults } = time(() => (tsCost = train(X, Y, init)), REPEATS);
const gc = await gcs();
const perRun = (k: number) => k / (REPEATS + 1); // the warm-up run included
const memory = {
  "np minor page faults / run": median(faults),
  "np scavenges / run": perRun(gc.minor),
  "np mark-compacts / run": perRun(gc.major),
};
const memoryLine = `  page faults ${median(faults)} / run; garbage collections per run: ${perRun(gc.minor).toFixed(1)} scavenges, ${perRun(gc.major).toFixed(1)} mark-compacts`;

if (process.env.BENCH_NUMPY === "0") {
  stopLoad();
  report({ "np wall s": median(tsTimes), "np cpu s": median(tsCpu), ...memory });
  console.log(memoryLine);
  console.log(`np (TypeScript) median ${median(tsTimes).toFixed(3)} s, CPU ${median(tsCpu).toFixed(3)} s over ${REPEATS} runs${loadNote}; final cost ${tsCost}`);
  process.exit(0);
}

// The numpy side, in a child python3 with the same data and initial parameters.
const pyOut = runNumpy<{ times: number[]; cpu: number[]; cost: number; numpy: string }>(PYTHON, {
  X: np.tolist(X),
  Y: np.tolist(Y),
  init: { W1: np.tolist(init.W1), b1: np.tolist(init.b1), W2: np.tolist(init.W2), b2: np.tolist(init.b2) },
  repeats: REPEATS,
  iterations: ITERATIONS,
});
stopLoad();

const tsMedian = median(tsTimes);
const pyMedian = median(pyOut.times);
console.log(`training loop: m = 400, n_h = 4, ${ITERATIONS} iterations, median of ${REPEATS} runs${loadNote}`);
console.log(`  np (TypeScript) ${tsMedian.toFixed(3)} s   runs: ${tsTimes.map((t) => t.toFixed(3)).join(" ")}`);
console.log(`  numpy ${pyOut.numpy}     ${pyMedian.toFixed(3)} s   runs: ${pyOut.times.map((t) => t.toFixed(3)).join(" ")}`);
const goal = underLoad() ? TARGETS.npLoopLoaded : TARGETS.npLoopQuiet;
reportRatio(goal.name, tsMedian / pyMedian, goal.target, "wall");
reportRatio(goal.name, median(tsCpu) / median(pyOut.cpu), goal.target, "cpu");
// On a shared machine the wall clock includes time other processes took; CPU time does not.
console.log(`  CPU time: np ${median(tsCpu).toFixed(3)} s, numpy ${median(pyOut.cpu).toFixed(3)} s, ratio ${(median(tsCpu) / median(pyOut.cpu)).toFixed(2)}x`);
console.log(memoryLine);
console.log(`  final cost: np ${tsCost.toPrecision(12)}, numpy ${pyOut.cost.toPrecision(12)} (|diff| ${Math.abs(tsCost - pyOut.cost).toExponential(1)})`);
report({
  "np wall s": tsMedian,
  "np cpu s": median(tsCpu),
  "numpy wall s": pyMedian,
  "numpy cpu s": median(pyOut.cpu),
  "np / numpy (wall)": tsMedian / pyMedian,
  "np / numpy (cpu)": median(tsCpu) / median(pyOut.cpu),
  ...memory,
});

/**
 * The lesson library's speed beside numpy, in one run on the same machine:
 *  1. `nnModel(X, Y, 4)`: the lesson's training (m = 400, 10000 iterations, the original's gradient,
 *     printCost as In[13]) against the lesson's `nn_model` in numpy; also with a cost every
 *     iteration (as numpy's loop computes it) and with `implementation: "np"`;
 *  2. the decision-boundary grid: `predict(parameters, np.c_(xx.ravel(), yy.ravel()).T)` on
 *     1008x1030 points (h = 0.01) against numpy's `predict(parameters, np.c_[xx.ravel(), yy.ravel()].T)`,
 *     with np.c_ timed, and on a prebuilt (M, 2) grid (how lib/plot's decision boundary calls it).
 * numpy runs in a child python3 (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment).
 * Prints medians of wall time and of CPU time (the machine is shared: CPU time is the steadier
 * figure) and the ratios. It measures; it never fails on time.
 *
 * Environment: BENCH_REPEATS (default 5).
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { np, loadPlanarDataset, nnModel, predict } from "../lib/index.js";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

interface Timing {
  wall: number[];
  cpu: number[];
}

function time(f: () => unknown, repeats = REPEATS): Timing {
  f(); // warm-up: the JIT compiles the loops
  const t: Timing = { wall: [], cpu: [] };
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    f();
    t.wall.push((performance.now() - w0) / 1000);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1e6);
  }
  return t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const PYTHON = String.raw`
import json, sys, time
import numpy as np
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]); Y = np.array(d["Y"], dtype="uint8"); R = d["repeats"]
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.normal(0, 1, size=(n_h, n_x)); b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.normal(0, 1, size=(n_y, n_h)); b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
def forward_propagation(X, p):
    Z1 = np.dot(p["W1"], X) + p["b1"]; A1 = np.tanh(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]; A2 = 1/(1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
def compute_cost(A2, Y, p):
    m = Y.shape[1]
    logprobs = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return - logprobs / m
def backward_propagation(p, cache, X, Y):
    m = X.shape[1]; W2 = p["W2"]; A1 = cache["A1"]; A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1/m * np.dot(dZ2, A1.T); db2 = 1/m * np.sum(dZ2)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1/m * np.dot(dZ1, X.T); db1 = 1/m * np.sum(dZ1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
def update_parameters(p, g, learning_rate=1.2):
    return {k: p[k] - learning_rate * g["d" + k] for k in ("W1", "b1", "W2", "b2")}
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    p = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    lines = []
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, p)
        cost = compute_cost(A2, Y, p)
        g = backward_propagation(p, cache, X, Y)
        p = update_parameters(p, g, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            lines.append("Cost after iteration %i: %f" % (i, cost))
    return p
def predict(p, X, threshold=0.5):
    A2, cache = forward_propagation(X, p)
    return (A2 > threshold).astype(int)
def timed(f):
    f()
    wall, cpu = [], []
    for _ in range(R):
        c = time.process_time(); t = time.perf_counter(); f()
        wall.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
    return {"wall": wall, "cpu": cpu}
train = timed(lambda: nn_model(X, Y, 4, 10000, True))
p = nn_model(X, Y, 4, 10000, True)
x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.01), np.arange(y_min, y_max, 0.01))
grid = timed(lambda: predict(p, np.c_[xx.ravel(), yy.ravel()].T))
P = np.c_[xx.ravel(), yy.ravel()]
grid_prebuilt = timed(lambda: predict(p, P.T))
ones = int(predict(p, np.c_[xx.ravel(), yy.ravel()].T).sum())
print(json.dumps({"train": train, "grid": grid, "gridPrebuilt": grid_prebuilt, "ones": ones, "numpy": np.__version__}))
`;

const { X, Y } = loadPlanarDataset();

// numpy first, then ours, so neither side runs while the other is warming up
const dir = mkdtempSync(join(tmpdir(), "lesson-bench-"));
const dataFile = join(dir, "data.json");
writeFileSync(dataFile, JSON.stringify({ X: np.tolist(X), Y: np.tolist(Y), repeats: REPEATS }));
const env = { ...process.env };
delete env.OPENBLAS_CORETYPE;
delete env.OPENBLAS_L2_SIZE;
const py = spawnSync("python3", ["-c", PYTHON, dataFile], { env, encoding: "utf8" });
if (py.status !== 0) {
  console.error(py.stderr);
  throw new Error("the numpy side failed (python3 with numpy is needed)");
}
const numpy = JSON.parse(py.stdout) as { train: Timing; grid: Timing; gridPrebuilt: Timing; ones: number; numpy: string };

const quiet = () => {};
const trainFused = time(() => nnModel(X, Y, 4, { gradient: "as-written", printCost: true, print: quiet }));
const trainEveryCost = time(() => nnModel(X, Y, 4, { gradient: "as-written", onCost: quiet, costEvery: 1 }));
const trainNp = time(() => nnModel(X, Y, 4, { gradient: "as-written", implementation: "np" }), Math.min(REPEATS, 3));

const parameters = nnModel(X, Y, 4, { gradient: "as-written" });
const x1 = X.slice(0, null), x2 = X.slice(1, null);
const [xx, yy] = np.meshgrid(np.arange(x1.min() - 1, x1.max() + 1, 0.01), np.arange(x2.min() - 1, x2.max() + 1, 0.01));
let ones = 0;
const grid = time(() => (ones = predict(parameters, np.c_(xx.ravel(), yy.ravel()).T).sum()));
const points = np.c_(xx.ravel(), yy.ravel()); // (M, 2), as lib/plot's boundaryGrid builds it
const gridPrebuilt = time(() => predict(parameters, points.T));

const row = (name: string, t: Timing, base: Timing) =>
  `  ${name.padEnd(44)} wall ${median(t.wall).toFixed(3)} s  cpu ${median(t.cpu).toFixed(3)} s` +
  `  ratio to numpy (cpu) ${(median(t.cpu) / median(base.cpu)).toFixed(2)}x`;
console.log(`medians of ${REPEATS} runs; numpy ${numpy.numpy} in a child python3; ratio below 1 means faster than numpy`);
console.log(`nnModel(X, Y, 4): m = 400, 10000 iterations, the original's gradient`);
console.log(row("numpy nn_model (print_cost=True)", numpy.train, numpy.train));
console.log(row("nnModel (fused, printCost)", trainFused, numpy.train));
console.log(row("nnModel (fused, a cost every iteration)", trainEveryCost, numpy.train));
console.log(row("nnModel (implementation: \"np\")", trainNp, numpy.train));
console.log(`decision-boundary grid ${xx.shape[0]}x${xx.shape[1]} (h = 0.01): predict(parameters, np.c_[xx.ravel(), yy.ravel()].T)`);
console.log(row("numpy, np.c_ included", numpy.grid, numpy.grid));
console.log(row("predict (fused), np.c_ included", grid, numpy.grid));
console.log(row("numpy, on a prebuilt np.c_[...] (M, 2)", numpy.gridPrebuilt, numpy.gridPrebuilt));
console.log(row("predict (fused), on a prebuilt (M, 2) grid", gridPrebuilt, numpy.gridPrebuilt));
console.log(`  ones in the grid: ours ${ones}, numpy ${numpy.ones}`);

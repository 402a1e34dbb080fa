/**
 * The decision-boundary grid as the lesson's `plot_decision_boundary` computes it, step by step and
 * whole, beside the same lines in numpy (a child python3, same run, same parameters):
 *
 * ```python
 * xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))   # h = 0.01, data range ± 1
 * Z = model(np.c_[xx.ravel(), yy.ravel()])       # model = lambda x: predict(parameters, x.T)
 * Z = Z.reshape(xx.shape)                        # 1008 x 1030 points on the flower data
 * ```
 *
 * Steps: the whole pipeline first (so that both sides' allocators have settled), then `arange` (both
 * axes), `meshgrid`, `ravel` (both), `c_`, `.T`, `predict`, `reshape`, each timed alone (its inputs made
 * once), and ours only: predict's exact loop (its sign filter off), beside numpy's predict. Medians of wall and CPU time, and the
 * ratios to numpy's medians in the same run (the machine may be shared: CPU time and in-run ratios
 * are the steadier figures). Then the same on one core: when `taskset` exists this file runs itself
 * again under `taskset -c 0`, and numpy's child inherits that core (its BLAS gets one core too).
 * It measures; it never fails on time.
 *
 * Environment: BENCH_REPEATS (default 7) timed runs per step and side; BENCH_GRID_ONE_CORE=0 skips
 * the one-core run.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { np, loadPlanarDataset, nnModel, predict, tanhActivation } from "../lib/index.js";
import { type Figures, type Timing, TARGETS, median, report, reportRatio, runNumpy, time } from "./common.js";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
/** Set in the child that this file starts under `taskset -c 0`: where that child writes its figures. */
const CHILD_FIGURES = process.env.BENCH_GRID_CHILD_FIGURES;
const H = 0.01;

const STEPS = ["arange", "meshgrid", "ravel", "c_", "T", "predict", "reshape", "whole"] as const;
type Step = (typeof STEPS)[number];
/** Ours only, beside numpy's predict: predict's exact loop (the sign filter off), what the filter saves. */
const EXACT = "predict, exact loop";
type NumpyTimings = Record<Step, { wall: number[]; cpu: number[] }> & { ones: number; numpy: string; shape: number[] };

const PYTHON = String.raw`
import json, sys
import numpy as np
from lesson2_numpy import predict, timed
d = json.load(open(sys.argv[1]))
p = {k: np.array(v) for k, v in d["parameters"].items()}
x_min, x_max, y_min, y_max = d["bounds"]; h = d["h"]; R = d["repeats"]
model = lambda x: predict(p, x.T)
xs = np.arange(x_min, x_max, h); ys = np.arange(y_min, y_max, h)
xx, yy = np.meshgrid(xs, ys)
xr, yr = xx.ravel(), yy.ravel()
P = np.c_[xr, yr]
PT = P.T
Z = predict(p, PT)
def whole():
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    Z = model(np.c_[xx.ravel(), yy.ravel()])
    return Z.reshape(xx.shape)
t = {"whole": timed(whole, R)}  # first, on both sides: the allocators settle before the steps
t.update({
    "arange": timed(lambda: (np.arange(x_min, x_max, h), np.arange(y_min, y_max, h)), R),
    "meshgrid": timed(lambda: np.meshgrid(xs, ys), R),
    "ravel": timed(lambda: (xx.ravel(), yy.ravel()), R),
    "c_": timed(lambda: np.c_[xr, yr], R),
    "T": timed(lambda: P.T, R),
    "predict": timed(lambda: predict(p, PT), R),
    "reshape": timed(lambda: Z.reshape(xx.shape), R),
})
t["ones"] = int(whole().sum()); t["numpy"] = np.__version__; t["shape"] = list(xx.shape)
print(json.dumps(t))
`;

const { X, Y } = loadPlanarDataset();
const parameters = nnModel(X, Y, 4, { gradient: "as-written" }); // numpy's nn_model(X, Y, 4) as the lesson trains it
const x1 = X.slice(0, null);
const x2 = X.slice(1, null);
const [xMin, xMax, yMin, yMax] = [x1.min() - 1, x1.max() + 1, x2.min() - 1, x2.max() + 1];

// numpy first, then ours, so neither side runs while the other is warming up
const numpy = runNumpy<NumpyTimings>(PYTHON, {
  parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, np.tolist(v as np.NDArray)])),
  bounds: [xMin, xMax, yMin, yMax],
  h: H,
  repeats: REPEATS,
});

const model = (x: np.NDArray) => predict(parameters, x.T);
const xs = np.arange(xMin, xMax, H);
const ys = np.arange(yMin, yMax, H);
const [xx, yy] = np.meshgrid(xs, ys);
const xr = xx.ravel();
const yr = yy.ravel();
const P = np.c_(xr, yr);
const PT = P.T;
const Z = predict(parameters, PT);
const whole = () => {
  const [xx, yy] = np.meshgrid(np.arange(xMin, xMax, H), np.arange(yMin, yMax, H));
  const Z = model(np.c_(xx.ravel(), yy.ravel()));
  return Z.reshape(xx.shape);
};
const wholeFirst = time(whole, REPEATS); // first, on both sides: the allocators settle before the steps
// the same functions as tanh's, in another object: predict takes its exact loop (no sign filter)
const tanhByAnotherName = { ...tanhActivation };
const ours: Record<Step | typeof EXACT, Timing> = {
  whole: wholeFirst,
  arange: time(() => [np.arange(xMin, xMax, H), np.arange(yMin, yMax, H)], REPEATS),
  meshgrid: time(() => np.meshgrid(xs, ys), REPEATS),
  ravel: time(() => [xx.ravel(), yy.ravel()], REPEATS),
  c_: time(() => np.c_(xr, yr), REPEATS),
  T: time(() => P.T, REPEATS),
  predict: time(() => predict(parameters, PT), REPEATS),
  reshape: time(() => Z.reshape(xx.shape), REPEATS),
  [EXACT]: time(() => predict(parameters, PT, 0.5, { activation: tanhByAnotherName }), REPEATS),
};
const ones = whole().sum();

const cores = CHILD_FIGURES ? "1 core (taskset -c 0, both sides)" : "all cores";
const figures: Figures = {};
const ms = (s: number) => (s * 1000).toFixed(2).padStart(8);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "-").padStart(8);
console.log(`decision-boundary grid ${numpy.shape.join("x")} (h = ${H}), ${cores}: medians of ${REPEATS} runs in ms; ` +
  `numpy ${numpy.numpy} in a child python3; a ratio below 1 means faster than numpy`);
console.log(`  ${"step".padEnd(20)} ${"np wall".padStart(8)} ${"numpy".padStart(8)} ${"ratio".padStart(8)}   ` +
  `${"np cpu".padStart(8)} ${"numpy".padStart(8)} ${"ratio".padStart(8)}   faults`);
for (const step of [...STEPS, EXACT] as const) {
  const o = ours[step];
  const n = numpy[step === EXACT ? "predict" : step];
  const [ow, nw, oc, nc] = [median(o.wall), median(n.wall), median(o.cpu), median(n.cpu)];
  console.log(`  ${step.padEnd(20)} ${ms(ow)} ${ms(nw)} ${ratio(ow, nw)}   ${ms(oc)} ${ms(nc)} ${ratio(oc, nc)}   ${median(o.faults)}`);
  figures[`${step} wall ms`] = ow * 1000;
  figures[`${step} cpu ms`] = oc * 1000;
  if (step !== EXACT) figures[`${step} numpy wall ms`] = nw * 1000;
  if (step !== EXACT) figures[`${step} numpy cpu ms`] = nc * 1000;
  if (nw > 0) figures[`${step} / numpy (wall)`] = ow / nw;
  if (nc > 0) figures[`${step} / numpy (cpu)`] = oc / nc;
}
console.log(`  ones in the grid: ours ${ones}, numpy ${numpy.ones}${ones === numpy.ones ? "" : "  (DIFFERENT)"}`);
console.log(`  target: the whole pipeline at most 0.6x numpy's wall time (issue 12)`);

if (CHILD_FIGURES) writeFileSync(CHILD_FIGURES, JSON.stringify(figures));
else {
  let all: Figures = figures;
  if (process.env.BENCH_GRID_ONE_CORE !== "0") all = { ...figures, ...oneCore() };
  report(all);
  const { name, target } = TARGETS.gridPipeline;
  for (const [label, prefix] of [["all cores", ""], ["1 core", "1 core "]] as const) {
    for (const kind of ["wall", "cpu"] as const) {
      const r = all[`${prefix}whole / numpy (${kind})`];
      if (r !== undefined) reportRatio(`${name}, ${label}`, r, target, kind);
    }
  }
}

/** Runs this file again under `taskset -c 0` (when taskset exists): its figures, each name prefixed "1 core". */
function oneCore(): Figures {
  if (spawnSync("taskset", ["-c", "0", "true"]).status !== 0) {
    console.log("\n(no taskset here: no one-core figures)");
    return {};
  }
  console.log("");
  const file = join(mkdtempSync(join(tmpdir(), "bench-grid-")), "figures.json");
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_GRID_CHILD_FIGURES: file };
  delete env.BENCH_REPORT;
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, fileURLToPath(import.meta.url)], { env, stdio: "inherit" });
  if (child.status !== 0) throw new Error(`the one-core run failed (exit status ${child.status})`);
  const figs = JSON.parse(readFileSync(file, "utf8")) as Figures;
  return Object.fromEntries(Object.entries(figs).map(([k, v]) => [`1 core ${k}`, v]));
}

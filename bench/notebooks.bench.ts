/**
 * The lesson notebook against the original: executes, in one run and alternately, the TypeScript
 * lesson (the cells of notebooks/lesson2.ipynb tagged "lesson": the setup cell and In [1]-In [16],
 * not the sections beyond the lesson, which the original does not have) with the tslab kernel, and the
 * original Python notebook (bench/notebooks/lesson2-original.ipynb: the seed's cells In [1]-In [16],
 * numpy + matplotlib + scikit-learn) with python3-ipykernel. Both go through the same Jupyter client
 * (scripts/notebooks/run.py time, nbclient), kernel start included, and prints the medians and the ratio.
 * Where Deno's kernel is registered (the "deno" kernelspec of scripts/install-kernel.sh) the same lesson
 * cells also run in it (`run.py time --kernel deno`), reported beside tslab's and Python's.
 * Target: TypeScript at most 1.5x Python's time. Benchmarks measure; they never fail on time.
 *
 * Needs Debian's jupyter-nbconvert python3-nbclient python3-ipykernel python3-matplotlib
 * python3-sklearn, the built library (npm run build) and the tslab kernel (scripts/setup.sh does all).
 * Environment: BENCH_REPEATS (default 3) runs per notebook.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, report } from "./common.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

interface Side {
  name: string;
  args: string[];
  times: number[];
}

const sides: Side[] = [
  { name: "TypeScript (tslab), notebooks/lesson2.ipynb, lesson cells", args: ["notebooks/lesson2.ipynb", "--tag", "lesson"], times: [] },
  { name: "Python (ipykernel), bench/notebooks/lesson2-original.ipynb", args: ["bench/notebooks/lesson2-original.ipynb"], times: [] },
];
/** Deno's kernel, when its kernelspec is registered (asked the way run.py asks). */
const DENO_KERNEL = "deno";
const hasDeno =
  spawnSync(PYTHON, ["-c", `from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec("${DENO_KERNEL}")`], {
    stdio: "ignore",
  }).status === 0;
const denoSide: Side = {
  name: "TypeScript (Deno kernel), notebooks/lesson2.ipynb, lesson cells",
  args: ["notebooks/lesson2.ipynb", "--tag", "lesson", "--kernel", DENO_KERNEL],
  times: [],
};
if (hasDeno) sides.push(denoSide);
else console.log(`(no "${DENO_KERNEL}" Jupyter kernel registered: the Deno column is left out; bash scripts/install-kernel.sh adds it)`);

function timeOnce(side: Side): number {
  const r = spawnSync(PYTHON, ["scripts/notebooks/run.py", "time", ...side.args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
  });
  if (r.status === 3) {
    console.log(`SKIPPED: ${r.stderr.trim()}`);
    process.exit(0);
  }
  if (r.status !== 0) {
    throw new Error(`executing ${side.args[0]} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return (JSON.parse(line) as { seconds: number }).seconds;
}

if (!existsSync(join(root, "dist", "index.js"))) {
  throw new Error("dist/index.js is missing: the notebook imports the built library; run npm run build");
}
for (let i = 0; i < REPEATS; i++) {
  for (const side of sides) side.times.push(timeOnce(side));
}
const [ts, py] = sides.map((s) => median(s.times));
console.log(`notebook execution through Jupyter (kernel start included), median of ${REPEATS} runs`);
for (const s of sides) {
  console.log(`  ${s.name}: ${median(s.times).toFixed(2)} s   runs: ${s.times.map((t) => t.toFixed(2)).join(" ")}`);
}
console.log(`  ratio TypeScript / Python: ${(ts / py).toFixed(2)}x (target <= 1.5x)`);
report({ "TypeScript notebook s": ts, "Python notebook s": py, "TypeScript / Python": ts / py });
if (hasDeno) {
  const deno = median(denoSide.times);
  console.log(`  ratio Deno kernel / Python: ${(deno / py).toFixed(2)}x, Deno kernel / tslab: ${(deno / ts).toFixed(2)}x`);
  report({ "Deno notebook s": deno, "Deno / Python": deno / py, "Deno / tslab": deno / ts });
}

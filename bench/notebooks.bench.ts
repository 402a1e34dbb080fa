/**
 * The notebook against Python, through Jupyter, kernel start included (issue 12's last targets):
 *
 * - the lesson: the cells of notebooks/lesson2.ipynb tagged "lesson" (the setup cell and In [1]-In [16])
 *   with the tslab kernel, against the original Python notebook (bench/notebooks/lesson2-original.ipynb:
 *   the seed's cells In [1]-In [16], numpy + matplotlib + scikit-learn) with python3-ipykernel.
 *   Target: at most 1.0x the original's wall time. The figure of each side is the kernel's start plus
 *   the lesson cells' own times. Our side runs the notebook as a student does, from the top through
 *   the last lesson cell (time_cells.py --through-tag lesson: the learning-animation cell between
 *   In [13] and In [14] runs too, it is not counted), measured twice, each time with a new compile
 *   cache (scripts/kernel/compile-cache.cjs, in a new TSLAB_COMPILE_CACHE folder):
 *   - as after the set-up, a student's first run: the folder filled by scripts/kernel/warm-cache.cjs,
 *     the command scripts/install-kernel.sh runs (its own time is reported apart; every later run of
 *     the unchanged notebook finds the same cache);
 *   - empty: no set-up warm-up (or a dist/ rebuilt since), every cell compiled with TypeScript.
 *   Each kernel logs its cache's hits and misses (TSLAB_COMPILE_CACHE_LOG): the bench prints how many
 *   cells each run compiled.
 * - beyond the lesson: the whole notebooks/lesson2.ipynb against its Python twin,
 *   bench/notebooks/beyond-lesson-numpy.ipynb (the original's cells, then the same work as each
 *   section beyond the lesson with numpy, scikit-learn and matplotlib: bench/notebooks/beyond_twin.py
 *   writes it); the figure is the sum over the cells NOT tagged "lesson" on each side.
 *   Target: at most 1.0x numpy's wall time.
 * - Deno: where Deno's kernel is registered (the "deno" kernelspec of scripts/install-kernel.sh) the same
 *   lesson cells also run in it (`--kernel deno`), reported beside tslab's and Python's.
 *
 * Each run is a fresh kernel executed by bench/notebooks/time_cells.py (nbclient, as
 * scripts/notebooks/run.py time runs it), which gives the kernel's start and every cell's wall time
 * and the kernel process's CPU time; the notebooks alternate, one run of each per round. Wall time is
 * what a student waits for; CPU time (the kernel's user + system) is what stays meaningful on a
 * loaded machine. Beyond the lesson runs with a compile cache filled by warm-cache.cjs as well.
 * Benchmarks measure; they never fail on time.
 *
 * Needs Debian's jupyter-nbconvert python3-nbclient python3-ipykernel python3-matplotlib
 * python3-sklearn, the built library (npm run build) and the tslab kernel (scripts/setup.sh does all).
 * Environment: BENCH_REPEATS runs per notebook (default 3; 1 under `npm run bench`, whose fresh
 * processes give the spread); BENCH_BEYOND=0 measures the lesson only.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TARGETS, median, report, reportRatio } from "./common.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPEATS = Number(process.env.BENCH_REPEATS ?? (process.env.BENCH_REPORT ? 1 : 3));
const BEYOND = process.env.BENCH_BEYOND !== "0";
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** One notebook run as time_cells.py prints it. */
interface Run {
  start: { wall: number; cpu: number };
  cells: { index: number; tags: string[]; wall: number; cpu: number }[];
  seconds: number;
  cpu: number;
}

/**
 * What is measured of a run: the kernel's start and the cells tagged "lesson" (every cell of the
 * original is), or only the cells not tagged "lesson".
 */
type Part = "lesson" | "beyond";

/** The compile cache a TypeScript run starts with: filled as the set-up fills it, or empty. */
type Cache = "set-up" | "empty";

interface Side {
  name: string;
  args: string[];
  part: Part;
  /** tslab's sides: each run gets a new TSLAB_COMPILE_CACHE folder, filled by warm-cache.cjs or left empty. */
  cache?: Cache;
  runs: Run[];
  /** Per run: the cells the kernel compiled (compile-cache misses), and warm-cache.cjs's CPU seconds. */
  compiled: number[];
  warmCpu: number[];
}

const NOTEBOOK = "notebooks/lesson2.ipynb";
const tsLesson = [NOTEBOOK, "--through-tag", "lesson"];
const side = (name: string, args: string[], part: Part, cache?: Cache): Side => ({ name, args, part, cache, runs: [], compiled: [], warmCpu: [] });
const sides: Side[] = [
  side("TypeScript (tslab), lesson cells, first run after set-up", tsLesson, "lesson", "set-up"),
  side("TypeScript (tslab), lesson cells, empty compile cache (no set-up warm-up)", tsLesson, "lesson", "empty"),
  side("Python (ipykernel), the original", ["bench/notebooks/lesson2-original.ipynb"], "lesson"),
];
if (BEYOND) {
  sides.push(
    side("TypeScript (tslab), beyond the lesson", [NOTEBOOK], "beyond", "set-up"),
    side("Python (ipykernel), numpy twin beyond the lesson", ["bench/notebooks/beyond-lesson-numpy.ipynb"], "beyond"),
  );
}
/** Deno's kernel, when its kernelspec is registered (asked the way run.py asks). */
const DENO_KERNEL = "deno";
const hasDeno =
  spawnSync(PYTHON, ["-c", `from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec("${DENO_KERNEL}")`], {
    stdio: "ignore",
  }).status === 0;
const denoSide = side("TypeScript (Deno kernel), lesson cells", [NOTEBOOK, "--tag", "lesson", "--kernel", DENO_KERNEL], "lesson");
if (hasDeno) sides.push(denoSide);
else console.log(`(no "${DENO_KERNEL}" Jupyter kernel registered: the Deno column is left out; bash scripts/install-kernel.sh adds it)`);

function runOnce(side: Side): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" };
  const cache = side.cache ? mkdtempSync(join(tmpdir(), "tslab-compile-cache-")) : null;
  if (cache) {
    env.TSLAB_COMPILE_CACHE = join(cache, "cache");
    env.TSLAB_COMPILE_CACHE_LOG = join(cache, "log");
  }
  try {
    if (cache && side.cache === "set-up") {
      const w = spawnSync(process.execPath, ["scripts/kernel/warm-cache.cjs", "--strict", side.args[0]], {
        cwd: root,
        encoding: "utf8",
        env: { ...env, TSLAB_COMPILE_CACHE_LOG: "" },
      });
      if (w.status !== 0) throw new Error(`scripts/kernel/warm-cache.cjs failed:\n${w.stderr}`);
      side.warmCpu.push(Number(/([\d.]+) s CPU\)/.exec(w.stdout)?.[1] ?? NaN)); // warm-cache.cjs says its own
    }
    const r = spawnSync(PYTHON, ["bench/notebooks/time_cells.py", ...side.args], { cwd: root, encoding: "utf8", env });
    if (r.status === 3) {
      console.log(`SKIPPED: ${r.stderr.trim()}`);
      process.exit(0);
    }
    if (r.status !== 0) throw new Error(`executing ${side.args[0]} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
    if (cache) {
      const log = existsSync(env.TSLAB_COMPILE_CACHE_LOG!) ? readFileSync(env.TSLAB_COMPILE_CACHE_LOG!, "utf8") : "";
      side.compiled.push(log.split("\n").filter((l) => l.startsWith("miss ")).length);
    }
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as Run;
  } finally {
    if (cache) rmSync(cache, { recursive: true, force: true });
  }
}

/** Wall and CPU seconds of the part of a run that is measured. */
function measured(run: Run, part: Part): { wall: number; cpu: number } {
  const lesson = part === "lesson";
  const cells = run.cells.filter((c) => c.tags.includes("lesson") === lesson);
  const start = lesson ? run.start : { wall: 0, cpu: 0 };
  return { wall: cells.reduce((s, c) => s + c.wall, start.wall), cpu: cells.reduce((s, c) => s + c.cpu, start.cpu) };
}

if (!existsSync(join(root, "dist", "index.js"))) {
  throw new Error("dist/index.js is missing: the notebook imports the built library; run npm run build");
}
for (let i = 0; i < REPEATS; i++) {
  for (const side of sides) side.runs.push(runOnce(side));
}

const f = (x: number) => x.toFixed(2);
const stat = (side: Side) => {
  const m = side.runs.map((r) => measured(r, side.part));
  return { wall: median(m.map((x) => x.wall)), cpu: median(m.map((x) => x.cpu)), walls: m.map((x) => x.wall) };
};
console.log(`notebooks through Jupyter, median of ${REPEATS} run${REPEATS === 1 ? "" : "s"} (wall s; CPU s of the kernel process)`);
const figures: Record<string, number> = {};
for (const s of sides) {
  const { wall, cpu, walls } = stat(s);
  const start = s.part === "lesson" ? `; kernel start ${f(median(s.runs.map((r) => r.start.wall)))} s wall, ${f(median(s.runs.map((r) => r.start.cpu)))} s CPU` : "";
  console.log(`  ${s.name}: ${f(wall)} s wall, ${f(cpu)} s CPU${start}   runs: ${walls.map(f).join(" ")}`);
  if (s.cache) {
    const warm = s.warmCpu.length ? `; set-up's warm-up (warm-cache.cjs) ${f(median(s.warmCpu))} s CPU` : "";
    console.log(`    cells the kernel compiled (cache misses), per run: ${s.compiled.join(" ")}${warm}`);
    figures[`${s.name} cells compiled`] = median(s.compiled);
    if (s.warmCpu.length) figures[`${s.name} warm-up cpu s`] = median(s.warmCpu);
  }
  figures[`${s.name} wall s`] = wall;
  figures[`${s.name} cpu s`] = cpu;
}
report(figures);

const [tsWarm, tsCold, pyLesson] = sides.slice(0, 3).map(stat);
for (const kind of ["wall", "cpu"] as const) {
  reportRatio(`${TARGETS.notebookLesson.name}, first run after set-up`, tsWarm[kind] / pyLesson[kind], TARGETS.notebookLesson.target, kind);
  reportRatio(`${TARGETS.notebookLesson.name}, empty compile cache (no set-up warm-up)`, tsCold[kind] / pyLesson[kind], TARGETS.notebookLesson.target, kind);
}
if (BEYOND) {
  const [tsBeyond, pyBeyond] = sides.slice(3, 5).map(stat);
  for (const kind of ["wall", "cpu"] as const) {
    reportRatio(TARGETS.notebookBeyond.name, tsBeyond[kind] / pyBeyond[kind], TARGETS.notebookBeyond.target, kind);
  }
  // where the time beyond the lesson goes, cell by cell (medians), for whoever speeds it up next
  console.log("  beyond the lesson, cell by cell (median CPU s): TypeScript cell index: s");
  const perCell = (side: Side) =>
    side.runs[0].cells
      .filter((c) => !c.tags.includes("lesson"))
      .map((c) => `${c.index}: ${f(median(side.runs.map((r) => r.cells.find((x) => x.index === c.index)?.cpu ?? NaN)))}`)
      .join(", ");
  console.log(`    TypeScript: ${perCell(sides[3])}`);
  console.log(`    numpy twin: ${perCell(sides[4])}`);
}
if (hasDeno) {
  const deno = stat(denoSide);
  console.log(`  Deno kernel / Python: ${f(deno.wall / pyLesson.wall)}x wall, Deno kernel / tslab (after set-up): ${f(deno.wall / tsWarm.wall)}x wall`);
  report({ "Deno / Python wall": deno.wall / pyLesson.wall, "Deno / tslab wall": deno.wall / tsWarm.wall });
}

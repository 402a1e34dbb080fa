/**
 * What the benchmarks share: medians, timing a function (wall and CPU time), running a numpy
 * side in a child python3 that can import scripts/lesson2_numpy.py (the lesson in numpy), and
 * handing a process's figures and its ratios with their targets (`report`, `reportRatio`) to
 * `npm run bench -- --processes N` (bench/run.ts), which runs each benchmark in N fresh processes,
 * reports the spread of their medians and ends with one table of every ratio against its target;
 * `--load` (BENCH_LOAD=1, `startLoad`) measures the same while a second process keeps one core busy.
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { type PerformanceEntry, PerformanceObserver, constants, performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** Timed runs: wall-clock and CPU seconds and minor page faults, one entry per run. */
export interface Timing {
  wall: number[];
  cpu: number[];
  /** Minor page faults (memory the kernel had to map afresh): a count that does not depend on load. */
  faults: number[];
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** One timed call: its wall-clock and CPU seconds and minor page faults. */
export function timeOnce(f: () => unknown): { wall: number; cpu: number; faults: number } {
  const f0 = process.resourceUsage().minorPageFault;
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  f();
  const wall = (performance.now() - w0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, faults: process.resourceUsage().minorPageFault - f0 };
}

/** One untimed warm-up call (the JIT compiles the loops), then `repeats` timed calls. */
export function time(f: () => unknown, repeats: number): Timing {
  f();
  const t: Timing = { wall: [], cpu: [], faults: [] };
  for (let r = 0; r < repeats; r++) {
    const one = timeOnce(f);
    t.wall.push(one.wall);
    t.cpu.push(one.cpu);
    t.faults.push(one.faults);
  }
  return t;
}

/** The numpy child's environment: scripts/ on PYTHONPATH, this machine's OpenBLAS tuning variables removed (they slow a current numpy). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: join(dirname(fileURLToPath(import.meta.url)), "..", "scripts") };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** `data` as JSON in a fresh temporary file, for the numpy child's sys.argv[1]; returns the file's path. */
function dataFile(data: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "bench-")), "data.json");
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/**
 * Runs `script` in a child python3 with `data` as JSON in the file named by sys.argv[1], and
 * returns what the script printed as JSON. The script can `from lesson2_numpy import ...`
 * (scripts/lesson2_numpy.py).
 */
export function runNumpy<T>(script: string, data: unknown): T {
  const py = spawnSync("python3", ["-c", script, dataFile(data)], { env: numpyEnv(), encoding: "utf8" });
  if (py.status !== 0) {
    console.error(py.stderr);
    throw new Error("the numpy side failed (python3 with numpy is needed)");
  }
  return JSON.parse(py.stdout) as T;
}

/** One timed call on the numpy side of a {@link startNumpy} child: seconds, and what `work()` returned. */
export interface NumpyRun<T> {
  wall: number;
  cpu: number;
  result: T;
}

/** The numpy side kept running beside the TypeScript side: `run()` times one more call of its `work()`. */
export interface NumpySide<T> {
  run(): Promise<NumpyRun<T>>;
  close(): void;
}

/** Appended to a {@link startNumpy} script: one timed call of `work()` per line read, one JSON line back. */
const NUMPY_SERVER = String.raw`
import json as _json, sys as _sys, time as _time
for _line in _sys.stdin:
    _c = _time.process_time(); _w = _time.perf_counter(); _r = work()
    _wall = _time.perf_counter() - _w; _cpu = _time.process_time() - _c
    print(_json.dumps({"wall": _wall, "cpu": _cpu, "result": _r}), flush=True)
`;

/**
 * Starts the numpy side as a child python3 that stays up, so that a bench can alternate the two sides
 * run by run (`await numpy.run()` between its own timed runs) instead of timing all of one side and
 * then all of the other. Why (issue 15): on the development VM the host's speed moved by 1.5x within
 * minutes, so two sides timed one after the other could be measured at two speeds; paired runs see
 * the same machine. `script` defines `work()`, whose return value must be JSON; it reads `data` from
 * the JSON file named by sys.argv[1] and can import scripts/lesson2_numpy.py, as with
 * {@link runNumpy}. The child inherits this process's CPU affinity (`pinToOneCpu`).
 */
export function startNumpy<T>(script: string, data: unknown): NumpySide<T> {
  const child = spawn("python3", ["-c", script + NUMPY_SERVER, dataFile(data)], { env: numpyEnv(), stdio: ["pipe", "pipe", "inherit"] });
  const replies = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  return {
    async run() {
      child.stdin?.write("run\n");
      const line = await replies.next();
      if (line.done) throw new Error("the numpy side stopped (python3 with numpy is needed)");
      return JSON.parse(line.value) as NumpyRun<T>;
    },
    close() {
      child.stdin?.end();
    },
  };
}

/** One process's figures: a name (with its unit, e.g. "np wall s") and this process's median. */
export type Figures = Record<string, number>;

/** Which clock a ratio compares: wall-clock seconds (what a user waits for) or CPU seconds (user + system). */
export type RatioKind = "wall" | "cpu";

/**
 * A ratio the project has a target for (issue 12): ours / numpy's (or the Python original's), measured
 * side by side in one run. `target` is the most it may be (e.g. 0.6 for "at most 0.6x numpy").
 */
export interface Ratio {
  name: string;
  ratio: number;
  target: number;
  kind: RatioKind;
}

/** What a process hands to bench/run.ts: its figures and its ratios with their targets. */
export interface Report {
  figures: Figures;
  ratios: Ratio[];
}

const reported: Report = { figures: {}, ratios: [] };

function writeReport(): void {
  const file = process.env.BENCH_REPORT;
  if (file) writeFileSync(file, JSON.stringify(reported));
}

/**
 * Hands this process's figures to bench/run.ts: when run.ts starts the benchmark in several fresh
 * processes it names a file in BENCH_REPORT, and collects the figures of every process from there
 * (min, median and max over processes). Several calls add up (a later figure of the same name
 * replaces the earlier one). Without BENCH_REPORT this does nothing.
 */
export function report(figures: Figures): void {
  Object.assign(reported.figures, figures);
  writeReport();
}

/**
 * The ratios issue 12 names, with their targets: a bench states one with
 * `reportRatio(TARGETS.x.name + ", <detail>", ratio, TARGETS.x.target, kind)` (the name may go on:
 * ", 1 core"), and bench/run.ts's summary lists every one of them, "not measured" where no bench of
 * the run stated it. The np-helper loop's target depends on the load (BENCH_LOAD=1).
 */
export const TARGETS = {
  gridPipeline: { name: "grid pipeline / numpy", target: 0.6 },
  npLoopQuiet: { name: "np-helper loop / numpy, quiet", target: 1.0 },
  npLoopLoaded: { name: "np-helper loop / numpy, loaded", target: 1.5 },
  nnModelPrintCost: { name: "nnModel printCost / numpy", target: 0.5 },
  nnModelEveryCost: { name: "nnModel cost every iteration / numpy", target: 0.8 },
  notebookLesson: { name: "notebook lesson cells / Python original", target: 1.0 },
  notebookBeyond: { name: "notebook beyond the lesson / numpy twin", target: 1.0 },
} as const satisfies Record<string, { name: string; target: number }>;

/** "met" when a ratio is at most its target, "NOT MET" otherwise (or when it is not a number). */
export function verdict(ratio: number, target: number): string {
  return Number.isFinite(ratio) && ratio <= target ? "met" : "NOT MET";
}

/**
 * States one of the ratios with a target: prints it (`ratio name: 0.83x (target <= 1.0x, wall): met`)
 * and hands it to bench/run.ts, which prints every ratio of the run, with its target, in the
 * summary table at the end (the median over processes with --processes N). The ratio is also a
 * figure (`name`), so the spread over processes shows it. Name the two sides and the clock in
 * `name` ("grid pipeline / numpy, 2 cores"); a bench states the wall ratio and the CPU ratio as two
 * calls. Benchmarks measure: a ratio over its target is reported, never an error.
 */
export function reportRatio(name: string, ratio: number, target: number, kind: RatioKind = "wall"): void {
  console.log(`  ratio ${name}: ${ratio.toFixed(2)}x (target <= ${target}x, ${kind}): ${verdict(ratio, target)}`);
  reported.ratios = reported.ratios.filter((r) => !(r.name === name && r.kind === kind));
  reported.ratios.push({ name, ratio, target, kind });
  reported.figures[`${name} (${kind})`] = ratio;
  writeReport();
}

/**
 * Reads what a process handed over: the file report()/reportRatio() wrote, or, from a bench/common.ts
 * of before reportRatio, a plain name -> number object (figures only).
 */
export function readReport(text: string): Report {
  const json = JSON.parse(text) as Partial<Report> | Figures;
  if (json && typeof json === "object" && "figures" in json && typeof json.figures === "object") {
    return { figures: json.figures as Figures, ratios: Array.isArray(json.ratios) ? (json.ratios as Ratio[]) : [] };
  }
  return { figures: json as Figures, ratios: [] };
}

/** True when the run measures under load: `npm run bench -- --load` or BENCH_LOAD=1. */
export function underLoad(): boolean {
  return process.env.BENCH_LOAD === "1";
}

/**
 * Pins this process, and so every child it starts afterwards (numpy's side inherits the affinity), to
 * the one CPU it runs on now, with `taskset -p` where Linux has it. Why: on the 2-vCPU development VM
 * the two vCPUs ran at different speeds at times (numpy's tanh over a (4, 400) array, 200,000 times:
 * 0.58 s on CPU 0 against 0.39 s on CPU 1, in the same minute; the np loop 0.58-0.60 s against
 * 0.39-0.45 s), so a one-thread comparison in which each side lands where the scheduler puts it
 * measures the placement as much as the code. Returns the CPU, or undefined where it could not pin.
 */
export function pinToOneCpu(): number | undefined {
  if (process.platform !== "linux") return undefined;
  let cpu: number;
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // fields after the command's closing parenthesis start at field 3; field 39 is the CPU last run on
    cpu = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[39 - 3]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(cpu) || cpu < 0) return undefined;
  const r = spawnSync("taskset", ["-pc", String(cpu), String(process.pid)], { stdio: "ignore" });
  return r.status === 0 ? cpu : undefined;
}

/**
 * BENCH_LOAD=1: a second process that spins on one core while the measurement runs, as another busy
 * program on the machine would (a student's second kernel, a build). bench/run.ts --load starts one
 * for the whole run and names it in BENCH_LOAD_PID; then this starts nothing. A bench run alone with
 * BENCH_LOAD=1 gets its own. Returns the function that stops what this started.
 */
export function startLoad(): () => void {
  if (!underLoad() || process.env.BENCH_LOAD_PID) return () => {};
  const busy = spawnLoad();
  const stop = () => {
    if (busy.exitCode === null && busy.signalCode === null) busy.kill("SIGKILL");
  };
  process.once("exit", stop); // also when the benchmark fails half-way
  return stop;
}

/** A Node process that spins on one core until killed, and ends itself when its parent dies (Ctrl-C). */
export function spawnLoad(): ChildProcess {
  const spin = "const p = process.ppid; for (let i = 1; ; i++) if ((i & 0xffffff) === 0 && process.ppid !== p) process.exit(0);";
  return spawn(process.execPath, ["-e", spin], { stdio: "ignore" });
}

/**
 * Counts V8's garbage collections from now on: `await counts()` returns the numbers of minor
 * (scavenge) and major (mark-compact) collections so far. Node reports them asynchronously (a
 * setImmediate is not enough), so `counts` waits 50 ms on a timer; call it after the timed code. Whether a process runs
 * a mark-compact after every few scavenges is what set a fast or a slow process apart in issue 15.
 */
export function countGarbageCollections(): () => Promise<{ minor: number; major: number }> {
  const n = { minor: 0, major: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) n.major++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) n.minor++;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return { ...n };
  };
}

/**
 * The machine, in one line, as Node sees it: the CPU model, the number of logical cores, the memory,
 * the OS and Node's version (e.g. "AMD EPYC 9R14, 2 logical cores, 7.6 GiB, linux x64, Node v20.20.2").
 */
export function describeMachine(): string {
  const c = cpus();
  const models = [...new Set(c.map((x) => x.model.trim()))].join(" + ") || "unknown CPU";
  return `${models}, ${c.length} logical core${c.length === 1 ? "" : "s"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `${process.platform} ${process.arch}, Node ${process.version}`;
}

/**
 * What the benchmarks share: medians, timing a function (wall and CPU time), running a numpy
 * side in a child python3 that can import scripts/lesson2_numpy.py (the lesson in numpy), and
 * handing a process's figures to `npm run bench -- --processes N` (bench/run.ts), which runs each
 * benchmark in N fresh processes and reports the spread of their medians.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type PerformanceEntry, PerformanceObserver, constants, performance } from "node:perf_hooks";
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

/** One untimed warm-up call (the JIT compiles the loops), then `repeats` timed calls. */
export function time(f: () => unknown, repeats: number): Timing {
  f();
  const t: Timing = { wall: [], cpu: [], faults: [] };
  for (let r = 0; r < repeats; r++) {
    const f0 = process.resourceUsage().minorPageFault;
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    f();
    t.wall.push((performance.now() - w0) / 1000);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1e6);
    t.faults.push(process.resourceUsage().minorPageFault - f0);
  }
  return t;
}

/**
 * Runs `script` in a child python3 with `data` as JSON in the file named by sys.argv[1], and
 * returns what the script printed as JSON. The script can `from lesson2_numpy import ...`
 * (scripts/lesson2_numpy.py). This machine's OpenBLAS tuning variables are removed from the
 * child's environment only (they slow a current numpy).
 */
export function runNumpy<T>(script: string, data: unknown): T {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const dataFile = join(dir, "data.json");
  writeFileSync(dataFile, JSON.stringify(data));
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: join(dirname(fileURLToPath(import.meta.url)), "..", "scripts") };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const py = spawnSync("python3", ["-c", script, dataFile], { env, encoding: "utf8" });
  if (py.status !== 0) {
    console.error(py.stderr);
    throw new Error("the numpy side failed (python3 with numpy is needed)");
  }
  return JSON.parse(py.stdout) as T;
}

/** One process's figures: a name (with its unit, e.g. "np wall s") and this process's median. */
export type Figures = Record<string, number>;

/**
 * Hands this process's figures to bench/run.ts: when run.ts starts the benchmark in several fresh
 * processes it names a file in BENCH_REPORT, and collects the figures of every process from there
 * (min, median and max over processes). Without BENCH_REPORT this does nothing.
 */
export function report(figures: Figures): void {
  const file = process.env.BENCH_REPORT;
  if (file) writeFileSync(file, JSON.stringify(figures));
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

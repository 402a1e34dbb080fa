/**
 * `npm run bench`: runs every bench/*.bench.ts, each in fresh Node processes (a fresh JIT and a
 * fresh heap, so one benchmark cannot warm or slow another), in name order, and fails if any of
 * them fails. `npm run bench -- training` runs only the files whose name contains "training".
 *
 * `--processes N` (default 5) starts each benchmark in N fresh processes one after another and,
 * after their own output, prints the spread of every figure the benchmark reports (bench/common.ts
 * `report`): the min, median and max over the processes of each process's median, and max / min.
 * A single process is one draw: V8's garbage-collection heuristics settle per process (issue 15),
 * so every speed figure the project quotes comes from this spread. `--processes 1` is a quick look.
 *
 * At the end of the run it prints one table of every ratio the benchmarks stated with a target
 * (`reportRatio` of bench/common.ts: grid pipeline, np-helper loop, nnModel, the notebook...): the
 * median over the processes, min and max, the target, wall or CPU, and whether it is met; then the
 * machine it ran on (CPU model and cores as Node sees them).
 *
 * `--load` runs the same while a second process spins on one core for the whole measurement (as
 * another busy program would): it starts that process itself, before the first benchmark and until
 * the last ends, and sets BENCH_LOAD=1 (and BENCH_LOAD_PID) for the benchmarks, which report their
 * loaded targets (the np-helper loop: <= 1.5x under load, <= 1.0x quiet).
 *
 * A benchmark file is a plain script that prints its own results (medians and ratios) and hands
 * its figures to `report` and its targeted ratios to `reportRatio`; see bench/notebooks.bench.ts.
 * Benchmarks measure; they never pass or fail on time.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Figures, type Ratio, TARGETS, describeMachine, median, readReport, spawnLoad, verdict } from "./common.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The command line: name filters, `--processes N` (or `--processes=N`) and `--load`. */
function parseArgs(argv: readonly string[]): { filters: string[]; processes: number; load: boolean } {
  const filters: string[] = [];
  let processes = 5;
  let load = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--processes(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[1] ?? argv[++i];
      processes = Number(v);
      if (!Number.isInteger(processes) || processes < 1) {
        console.error(`--processes needs a whole number of processes, 1 or more (got ${v ?? "nothing"})`);
        process.exit(2);
      }
    } else if (a === "--load") {
      load = true;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a} (usage: npm run bench -- [NAME ...] [--processes N] [--load])`);
      process.exit(2);
    } else filters.push(a);
  }
  return { filters, processes, load };
}

/** Prints, for each figure, min / median / max over the processes and max / min. */
function printSpread(file: string, runs: readonly Figures[]): void {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  if (names.length === 0) return;
  console.log(`\n--- ${file}: spread over ${runs.length} fresh processes (each value is one process's median) ---`);
  const w = Math.max(...names.map((n) => n.length));
  console.log(`  ${"figure".padEnd(w)} ${"min".padStart(8)} ${"median".padStart(8)} ${"max".padStart(8)}   max/min`);
  for (const name of names) {
    const xs = runs.map((r) => r[name]).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
    if (xs.length === 0) continue;
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const f = (x: number) => x.toFixed(3).padStart(8);
    const spread = lo > 0 ? `${(hi / lo).toFixed(2)}x` : "-";
    console.log(`  ${name.padEnd(w)} ${f(lo)} ${f(median(xs))} ${f(hi)}   ${spread}`);
  }
}

/** One ratio over the processes of one benchmark: each process's value, in order. */
interface RatioRuns {
  file: string;
  ratio: Omit<Ratio, "ratio">;
  values: number[];
}

/**
 * The summary: every ratio of the run with its target, the median over processes, wall or CPU, met
 * or not (printed: a missed target is never an exit status), then the machine.
 */
function printSummary(all: readonly RatioRuns[], load: boolean): void {
  const mode = load ? "under load (a second process spins on one core)" : "quiet (no load added)";
  console.log(`\n=== summary: every ratio with its target, ${mode} ===`);
  const w = Math.max(...all.map((r) => r.ratio.name.length), ...Object.values(TARGETS).map((t) => t.name.length));
  const many = all.some((r) => r.values.length > 1);
  const head = `  ${"ratio".padEnd(w)}  clock  ${"median".padStart(7)}${many ? `  ${"min".padStart(6)}  ${"max".padStart(6)}` : ""}  target   verdict`;
  console.log(head);
  console.log(`  ${"-".repeat(head.length - 2)}`);
  let missed = 0;
  for (const r of all) {
    const m = median(r.values);
    const v = verdict(m, r.ratio.target);
    if (v !== "met") missed++;
    const x = (n: number) => `${n.toFixed(2)}x`;
    const spread = many ? `  ${x(Math.min(...r.values)).padStart(6)}  ${x(Math.max(...r.values)).padStart(6)}` : "";
    console.log(`  ${r.ratio.name.padEnd(w)}  ${r.ratio.kind.padEnd(5)}  ${x(m).padStart(7)}${spread}  <= ${String(r.ratio.target).padEnd(4)}  ${v}`);
  }
  for (const t of Object.values(TARGETS)) {
    if (all.some((r) => r.ratio.name.startsWith(t.name))) continue;
    if (t === TARGETS.npLoopLoaded && !load) continue; // the loaded target is measured by --load
    if (t === TARGETS.npLoopQuiet && load) continue;
    console.log(`  ${t.name.padEnd(w)}  ${"wall".padEnd(5)}  ${"-".padStart(7)}${many ? `  ${"-".padStart(6)}  ${"-".padStart(6)}` : ""}  <= ${String(t.target).padEnd(4)}  not measured in this run`);
  }
  console.log(`  ${all.length - missed} of ${all.length} measured targets met` +
    `${all.some((r) => r.values.length > 1) ? " (median over the fresh processes of each benchmark)" : ""}`);
  console.log(`  machine: ${describeMachine()}`);
}

const { filters, processes, load } = parseArgs(process.argv.slice(2));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts file matches ${filters.join(" ") || "(all)"}`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
let failed = 0;
const ratios: RatioRuns[] = [];
const env: NodeJS.ProcessEnv = { ...process.env };
// --load: one spinning process for the whole run (not one per benchmark: the load is there from the
// first measurement to the last); the benchmarks see BENCH_LOAD=1 and leave the spinning to it.
const busy = load ? spawnLoad() : null;
if (busy) {
  env.BENCH_LOAD = "1";
  env.BENCH_LOAD_PID = String(busy.pid);
  console.log(`--load: process ${busy.pid} spins on one core until the last benchmark ends`);
}
const stopLoad = () => {
  if (busy && busy.exitCode === null && busy.signalCode === null) busy.kill("SIGKILL");
};
process.once("exit", stopLoad);
for (const f of files) {
  console.log(`\n=== ${f}${processes > 1 ? `: ${processes} fresh processes` : ""} ===`);
  const runs: Figures[] = [];
  for (let p = 1; p <= processes; p++) {
    if (processes > 1) console.log(`\n--- process ${p} of ${processes} ---`);
    const reportFile = join(dir, `${f}.${p}.json`);
    const r = spawnSync(process.execPath, ["--import", "tsx", join(here, f)], {
      stdio: "inherit",
      env: { ...env, BENCH_REPORT: reportFile },
    });
    if (r.status !== 0) {
      failed++;
      console.error(`${f} failed (exit ${r.status ?? r.signal})`);
      break;
    }
    let text: string;
    try {
      text = readFileSync(reportFile, "utf8");
    } catch {
      continue; // a benchmark that reports no figures (or was skipped) prints only its own output
    }
    const got = readReport(text);
    runs.push(got.figures);
    for (const r of got.ratios) {
      let entry = ratios.find((x) => x.file === f && x.ratio.name === r.name && x.ratio.kind === r.kind);
      if (!entry) ratios.push((entry = { file: f, ratio: { name: r.name, target: r.target, kind: r.kind }, values: [] }));
      entry.values.push(r.ratio);
    }
  }
  if (processes > 1) printSpread(f, runs);
}
stopLoad();
rmSync(dir, { recursive: true, force: true });
printSummary(ratios, load);
process.exit(failed === 0 ? 0 : 1);

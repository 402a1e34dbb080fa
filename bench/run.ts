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
 * A benchmark file is a plain script that prints its own results (medians and ratios) and hands
 * its figures to `report`; see bench/np-training.bench.ts. Benchmarks measure; they never pass or
 * fail on time.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Figures, median } from "./common.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The command line: name filters, and `--processes N` (or `--processes=N`). */
function parseArgs(argv: readonly string[]): { filters: string[]; processes: number } {
  const filters: string[] = [];
  let processes = 5;
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
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a} (usage: npm run bench -- [NAME ...] [--processes N])`);
      process.exit(2);
    } else filters.push(a);
  }
  return { filters, processes };
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

const { filters, processes } = parseArgs(process.argv.slice(2));
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
for (const f of files) {
  console.log(`\n=== ${f}${processes > 1 ? `: ${processes} fresh processes` : ""} ===`);
  const runs: Figures[] = [];
  for (let p = 1; p <= processes; p++) {
    if (processes > 1) console.log(`\n--- process ${p} of ${processes} ---`);
    const reportFile = join(dir, `${f}.${p}.json`);
    const r = spawnSync(process.execPath, ["--import", "tsx", join(here, f)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_REPORT: reportFile },
    });
    if (r.status !== 0) {
      failed++;
      console.error(`${f} failed (exit ${r.status ?? r.signal})`);
      break;
    }
    try {
      runs.push(JSON.parse(readFileSync(reportFile, "utf8")) as Figures);
    } catch {
      // a benchmark that reports no figures (or was skipped) prints only its own output
    }
  }
  if (processes > 1) printSpread(f, runs);
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);

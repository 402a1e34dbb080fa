/**
 * `npm run bench`: runs every bench/*.bench.ts, each in its own Node process (a fresh JIT, so one
 * benchmark cannot warm or slow another), in name order, and fails if any of them fails.
 * `npm run bench -- training` runs only the files whose name contains "training".
 *
 * A benchmark file is a plain script that prints its own results (medians and ratios); see
 * bench/np-training.bench.ts. Benchmarks measure; they never pass or fail on time.
 * @module
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts file matches ${filters.join(" ") || "(all)"}`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, f)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);

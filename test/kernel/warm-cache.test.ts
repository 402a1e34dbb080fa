/**
 * The set-up's warm-up of the kernel's compile cache (scripts/kernel/warm-cache.cjs): the entries it
 * writes are the ones tslab's own executor, with the kernel's converter options, looks up when it
 * runs the notebook's cells (no cell compiled, no TypeScript program created); a second warm-up
 * compiles nothing; a notebook of another kernel is skipped; a notebook that cannot be read is
 * reported and the set-up goes on (exit 0), unless --strict. test/kernel/kernel_test.py checks the
 * same through Jupyter with the lesson notebook and the real kernel.
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const warmScript = join(root, "scripts", "kernel", "warm-cache.cjs");

const dir = mkdtempSync(join(tmpdir(), "warm-cache-test-"));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

/** A notebook in `dir` with these code cells, for the given kernel. */
function notebook(name: string, cells: readonly string[], kernel = "tslab"): string {
  const file = join(dir, name);
  const nb = {
    metadata: { kernelspec: { name: kernel, display_name: kernel, language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
    cells: [
      { cell_type: "markdown", metadata: {}, source: ["# a title"] },
      ...cells.map((src) => ({ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: src.split(/(?<=\n)/) })),
    ],
  };
  writeFileSync(file, JSON.stringify(nb));
  return file;
}

const CELLS = [
  "const base = 20;",
  "/** Adds the base. */\nfunction addBase(x: number): number {\n  return x + base;\n}",
  "const total = addBase(2);",
  "total",
];

function warm(cache: string, ...args: string[]) {
  return spawnSync(process.execPath, [warmScript, ...args], {
    encoding: "utf8",
    env: { ...process.env, TSLAB_COMPILE_CACHE: cache, TSLAB_COMPILE_CACHE_LOG: "" },
  });
}

/**
 * Runs the cells in a new Node process through tslab's own executor, as tslab's main.js does
 * (`createExecutor(process.cwd(), convs)` with `createConverter({ isJS: undefined, isBrowser: false })`,
 * the kernel's options when no --js is given), in the notebook's folder, after cacheTslab put the
 * cache in; prints the cache's counters and the last cell's value.
 */
function runAsKernel(cache: string, cells: readonly string[]) {
  const program = `
    const path = require("node:path");
    const dist = path.join(${JSON.stringify(root)}, "node_modules", "tslab", "dist");
    const { cacheTslab, stats } = require(${JSON.stringify(join(root, "scripts", "kernel", "compile-cache.cjs"))});
    cacheTslab(dist, ${JSON.stringify(root)});
    const { createConverter } = require(path.join(dist, "converter.js"));
    const { createExecutor } = require(path.join(dist, "executor.js"));
    const node = createConverter({ isJS: undefined, isBrowser: false });
    const convs = { node, browser: node, close: () => node.close() };
    const printed = [];
    const executor = createExecutor(process.cwd(), convs, { log: (x) => printed.push(x), error: (...e) => printed.push(e.join(" ")) });
    (async () => {
      for (const src of ${JSON.stringify(cells)}) if (!(await executor.execute(src))) throw new Error("cell failed: " + printed.join("; "));
      executor.close();
      console.log(JSON.stringify({ stats, printed }));
    })();`;
  const r = spawnSync(process.execPath, ["-e", program], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TSLAB_COMPILE_CACHE: cache, TSLAB_COMPILE_CACHE_LOG: "" },
  });
  if (r.status !== 0) throw new Error(`the kernel's executor failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as {
    stats: { hits: number; misses: number; created: number };
    printed: unknown[];
  };
}

test("a kernel after the warm-up answers every cell from the cache: no compile, no TypeScript program", (t) => {
  const cache = join(dir, "cache-warm");
  const nb = notebook("lesson.ipynb", CELLS);
  const first = warm(cache, "--strict", nb);
  t.is(first.status, 0, first.stderr);
  t.regex(first.stdout, new RegExp(`lesson\\.ipynb ${CELLS.length} cells: 0 already cached, ${CELLS.length} compiled`));

  const kernel = runAsKernel(cache, CELLS);
  t.deepEqual(kernel.stats, { hits: CELLS.length, misses: 0, created: 0 });
  t.deepEqual(kernel.printed, [22], "the cells ran as compiled");

  const again = warm(cache, "--strict", nb);
  t.is(again.status, 0, again.stderr);
  t.regex(again.stdout, new RegExp(`${CELLS.length} already cached, 0 compiled`));
});

test("without the warm-up the same kernel compiles every cell (what the warm-up saves)", (t) => {
  const kernel = runAsKernel(join(dir, "cache-cold"), CELLS);
  t.deepEqual(kernel.stats, { hits: 0, misses: CELLS.length, created: 1 });
  t.deepEqual(kernel.printed, [22]);
});

test("another kernel's notebook is skipped; a notebook that cannot be read is reported, and only --strict fails", (t) => {
  const cache = join(dir, "cache-odd");
  const python = notebook("python.ipynb", ["x = 1"], "python3");
  const broken = join(dir, "broken.ipynb");
  writeFileSync(broken, "{ not json");
  const good = notebook("good.ipynb", CELLS.slice(0, 1));

  const r = warm(cache, python, broken, good);
  t.is(r.status, 0, "the set-up goes on");
  t.regex(r.stdout, /python\.ipynb \(not a tslab notebook: skipped\)/);
  t.regex(r.stdout, /good\.ipynb 1 cells: 0 already cached, 1 compiled/, "the notebooks after a broken one are compiled");
  t.regex(r.stderr, /WARNING: .*broken\.ipynb not compiled/);

  const strict = warm(cache, "--strict", broken);
  t.is(strict.status, 1);
  t.regex(strict.stderr, /WARNING/);
});

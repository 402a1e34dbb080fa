#!/usr/bin/env node
/**
 * Fills the tslab kernel's compile cache (compile-cache.cjs) for the committed notebooks, as Python
 * byte-compiles a library when it is installed: every code cell of each notebook, in order, goes
 * through the same cached converter the kernel uses (`cacheTslab`, with the kernel's options, in the
 * notebook's folder, which is where Jupyter starts the kernel), after the declarations of the cells
 * before it, as tslab's executor passes them. Compile only: nothing is executed. A student's first
 * run after the set-up then compiles no cell and never creates the TypeScript program while cells run
 * (see README, "Where the notebook's time goes", for what that saves).
 *
 * scripts/install-kernel.sh runs it with the node it registers for the kernel (the cache key holds
 * Node's version). Cells already in the cache are only looked up, so a second run is quick. It never
 * fails the set-up: whatever goes wrong is printed loudly and it exits 0 (a cold cache is slower, not
 * broken); --strict exits 1 instead (the tests use it).
 *
 *   node scripts/kernel/warm-cache.cjs [--strict] [NOTEBOOK.ipynb ...]   # default: notebooks/*.ipynb
 *
 * TSLAB_COMPILE_CACHE chooses the cache folder, as for the kernel (=0: off, nothing to do).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const tslabDist = path.join(root, "node_modules", "tslab", "dist");

/** The code cells' sources of a notebook whose kernel is tslab (null for another kernel). */
function codeCells(file) {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  const kernel = nb.metadata?.kernelspec?.name ?? "";
  if (kernel !== "tslab") return null;
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : String(c.source ?? "")));
}

/**
 * Compiles one notebook's cells as tslab's executor would before running each (dist/executor.js:
 * `%module` cells are registered, browser cells skipped, a cell with type errors leaves the
 * declarations as they were). The kernel runs in the notebook's folder; so does this, for the
 * converter it creates (the cache key and TypeScript's module resolution use the working folder).
 * @returns {{ cells: number, errors: number }} the cells compiled and those with type errors
 */
function warmNotebook(file, converter, getCodeMetadata) {
  const cells = codeCells(file);
  if (!cells) return null;
  const cwd = process.cwd();
  process.chdir(fs.realpathSync(path.dirname(file)));
  const conv = converter.createConverter({ isJS: false, isBrowser: false });
  let prevDecl = "";
  let errors = 0;
  try {
    for (const src of cells) {
      const meta = getCodeMetadata(src);
      if (meta.module) {
        conv.addModule(meta.module, src, meta);
        continue;
      }
      if (meta.mode === "browser") continue;
      const r = conv.convert(prevDecl, src);
      if (r.diagnostics.length > 0) errors++;
      else prevDecl = r.declOutput || "";
    }
  } finally {
    conv.close();
    process.chdir(cwd);
  }
  return { cells: cells.length, errors };
}

function main(argv) {
  const strict = argv.includes("--strict");
  const files = argv.filter((a) => a !== "--strict");
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const { cacheDir, cacheTslab, stats } = require("./compile-cache.cjs");
  const dir = cacheDir(root);
  if (!dir) {
    console.log("warm-cache: TSLAB_COMPILE_CACHE=0: the compile cache is off, nothing to fill");
    return 0;
  }
  if (!fs.existsSync(path.join(root, "dist", "index.d.ts"))) {
    throw new Error("dist/index.d.ts is missing (the notebooks import ../dist): run npm run build first");
  }
  if (files.length === 0) {
    const nbDir = path.join(root, "notebooks");
    for (const n of fs.readdirSync(nbDir).sort()) if (n.endsWith(".ipynb")) files.push(path.join(nbDir, n));
  }
  const { converter } = cacheTslab(tslabDist, root);
  const { getCodeMetadata } = require(path.join(tslabDist, "metadata.js"));
  const done = [];
  for (const file of files) {
    let r;
    try {
      r = warmNotebook(path.resolve(file), converter, getCodeMetadata);
    } catch (e) {
      // one notebook that cannot be read or compiled: say so, and go on with the others
      if (strict) throw e;
      console.error(`warm-cache: WARNING: ${file} not compiled (its first run will compile): ${e && e.message ? e.message : e}`);
      done.push(`${path.basename(file)} (failed)`);
      continue;
    }
    if (!r) {
      done.push(`${path.basename(file)} (not a tslab notebook: skipped)`);
      continue;
    }
    done.push(`${path.basename(file)} ${r.cells} cells`);
    if (r.errors > 0) {
      // the committed notebooks type-check: an error here means dist/ and the notebook disagree
      const msg = `warm-cache: WARNING: ${r.errors} cell(s) of ${file} have type errors (is dist/ built from this lib/?)`;
      if (strict) throw new Error(msg);
      console.error(msg);
    }
  }
  const rel = path.relative(root, dir);
  const where = rel.startsWith("..") || path.isAbsolute(rel) ? dir : rel;
  const cpu = process.cpuUsage(cpu0);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `warm-cache: ${done.join(", ")}: ${stats.hits} already cached, ${stats.misses} compiled ` +
      `into ${where} (${wall.toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`,
  );
  return 0;
}

if (require.main === module) {
  const strict = process.argv.includes("--strict");
  let status;
  try {
    status = main(process.argv.slice(2));
  } catch (e) {
    console.error("warm-cache: WARNING: could not fill the compile cache; the notebooks' first run will compile");
    console.error(`  every cell (slower, nothing else changes): ${e && e.stack ? e.stack : e}`);
    status = strict ? 1 : 0;
  }
  process.exitCode = status;
}

module.exports = { warmNotebook, codeCells };

/**
 * A compile cache for tslab's cells, which scripts/kernel/tslab-kernel.cjs puts around tslab's
 * converter (the TypeScript program that type-checks and compiles each cell).
 *
 * Why: measured through Jupyter on the lesson's cells (bench/notebooks/time_cells.py, CPU time),
 * tslab spends about 2.2 s of CPU creating its TypeScript program at kernel start (parsing and binding
 * lib.es2022 and @types/node, about 2.4 MB of declarations) and 0.1-0.2 s compiling each cell (a
 * new program and type checker per cell, twice when the cell declares something): about 4.5 s of
 * the lesson's 9 s, against the Python original's 0.8 s kernel start. A cell that was compiled before,
 * with the same source after the same declarations of the cells before it, against the same files,
 * compiles to the same JavaScript and the same type errors: this keeps the converter's answer on disk
 * and gives it back without starting TypeScript. A re-run of the notebook (Restart & Run All, the
 * next day's lesson) starts its kernel in a fifth of the CPU time (0.6 s against 3.0 s) and compiles
 * no cell again.
 *
 * What makes an answer valid: the key is a hash of the cell's source, the declarations of the cells
 * before it (tslab's `prevDecl`), the `%module` cells registered before it, the kernel's folder, the
 * converter's options, the versions of tslab, its TypeScript and Node (tslab picks the target from
 * Node's version) and CACHE_VERSION (bumped when what is stored changes). With the answer it stores
 * every file TypeScript read (the libraries' .d.ts, the project's dist/*.d.ts, package.json files),
 * with its size and modification time, and every file or folder it probed and found missing (module
 * resolution): the answer is used only while those files are unchanged and those paths still
 * missing. So `npm run build` (new dist/*.d.ts) or a new local module makes the cells that depend on
 * them compile again, with TypeScript.
 *
 * What still needs TypeScript: a cell not seen before, Shift-Tab (inspect), Tab completion and
 * `%module` cells create the real converter then, once per kernel; and when no cell has run for
 * IDLE_MS, it is created in that idle time (`trackCells`), so that the first Shift-Tab does not wait
 * for it (the 2 s a kernel start used to take, spent while the student reads or types).
 *
 * Where: TSLAB_COMPILE_CACHE names the folder (default node_modules/.cache/tslab-kernel in the
 * project the launcher is in); TSLAB_COMPILE_CACHE=0 turns the cache off. At most MAX_ENTRIES
 * answers are kept (the oldest go first). A folder that cannot be written just means no cache.
 *
 * Filled at set-up: scripts/kernel/warm-cache.cjs (run by scripts/install-kernel.sh) compiles the
 * committed notebooks' cells through `cacheTslab` below, as the kernel does, so a student's first run
 * already answers from the cache. `stats` counts hits and misses; TSLAB_COMPILE_CACHE_LOG=FILE also
 * appends one line per cell ("hit KEY" or "miss KEY") and "typescript" when a real converter is
 * created, which is how test/kernel/kernel_test.py sees that a warmed kernel compiles nothing.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

/** Bump when what is stored changes. */
const CACHE_VERSION = 1;
/** The most answers kept: a notebook run writes one per code cell, each a few kB to tens of kB. */
const MAX_ENTRIES = 2000;
/** Idle time after a cell after which the real converter is created, for Shift-Tab and completion. */
const IDLE_MS = 1500;

/** What this process's cached converters did: answers from the cache, compiles, real converters created. */
const stats = { hits: 0, misses: 0, created: 0 };

/** Counts an event and, with TSLAB_COMPILE_CACHE_LOG=FILE, appends it to that file as one line. */
function note(event, key) {
  if (event === "hit") stats.hits++;
  else if (event === "miss") stats.misses++;
  else stats.created++;
  const log = process.env.TSLAB_COMPILE_CACHE_LOG;
  if (!log) return;
  try {
    fs.appendFileSync(log, key ? `${event} ${key}\n` : `${event}\n`);
  } catch {
    // a log that cannot be written is no reason to fail a cell
  }
}

/**
 * Idle-time work: converters that answered from the cache and have not created their real converter
 * yet. `trackCells` knows when no cell runs; IDLE_MS after the last cell ended, it creates them.
 */
const pending = new Set();
let running = 0;
let idleTimer = null;

function createPending() {
  idleTimer = null;
  for (const create of pending) {
    pending.delete(create);
    try {
      create();
    } catch {
      // the next convert, inspect or completion creates it again and reports what failed
    }
  }
}

/**
 * Wraps tslab's `createExecutor` so that the cache knows when a cell runs: the real converter is
 * created only when no cell has run for IDLE_MS (never while a cell runs or awaits).
 * @param {Function} createExecutor tslab's (dist/executor.js)
 */
function trackCells(createExecutor) {
  return function createTrackedExecutor(...args) {
    const executor = createExecutor(...args);
    const execute = executor.execute;
    executor.execute = async (src) => {
      running++;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      try {
        return await execute(src);
      } finally {
        running--;
        if (running === 0 && pending.size > 0) {
          idleTimer = setTimeout(createPending, IDLE_MS);
          idleTimer.unref();
        }
      }
    };
    return executor;
  };
}

/**
 * The folder of the cache, or null when it is off (TSLAB_COMPILE_CACHE=0).
 * @param {string} projectRoot the project the launcher is in
 */
function cacheDir(projectRoot) {
  const env = process.env.TSLAB_COMPILE_CACHE;
  if (env === "0" || env === "off") return null;
  return env ? path.resolve(env) : path.join(projectRoot, "node_modules", ".cache", "tslab-kernel");
}

/**
 * Records the real files TypeScript reads and the paths it finds missing, through `ts.sys`, which
 * tslab's converter calls for every file access (its own `sys` forwards to it).
 * @param {typeof import("typescript")} ts tslab's TypeScript module
 */
const recorders = new WeakMap();
function recordFileAccess(ts) {
  if (recorders.has(ts.sys)) return recorders.get(ts.sys); // once per TypeScript module
  const read = new Set();
  const noFile = new Set();
  const noDir = new Set();
  const { readFile, fileExists, directoryExists } = ts.sys;
  ts.sys.readFile = function (p, encoding) {
    const text = readFile.call(this, p, encoding);
    (text === undefined ? noFile : read).add(p);
    return text;
  };
  ts.sys.fileExists = function (p) {
    const ok = fileExists.call(this, p);
    if (!ok) noFile.add(p);
    return ok;
  };
  ts.sys.directoryExists = function (p) {
    const ok = directoryExists.call(this, p);
    if (!ok) noDir.add(p);
    return ok;
  };
  const recorder = { read, noFile, noDir };
  recorders.set(ts.sys, recorder);
  return recorder;
}

// An answer's files are checked at every lookup: about 230 files read and 1100 paths found missing
// for a lesson cell. statSync's `throwIfNoEntry: false` answers a missing path without an exception:
// a lookup took 14-19 ms of CPU with try/catch and 4.5-6 ms without (one process, alternating, the
// lesson's 29 answers), about 0.2 s of the lesson's kernel CPU.

/** Size and modification time of a file, or null when it is gone. */
function stamp(p) {
  try {
    const s = fs.statSync(p, { throwIfNoEntry: false });
    return s ? [s.size, s.mtimeMs] : null;
  } catch {
    return null; // not a missing entry (a permission, a name too long): treated as gone
  }
}

/** What is at a path: "file", "dir" or null (nothing, or something else). */
function kind(p) {
  try {
    const s = fs.statSync(p, { throwIfNoEntry: false });
    return !s ? null : s.isFile() ? "file" : s.isDirectory() ? "dir" : null;
  } catch {
    return null;
  }
}

/** True while every file read is unchanged and every path found missing is still missing. */
function stillValid(deps) {
  for (const [p, size, mtime] of deps.read) {
    const s = stamp(p);
    if (!s || s[0] !== size || s[1] !== mtime) return false;
  }
  for (const p of deps.noFile) if (kind(p) === "file") return false;
  for (const p of deps.noDir) if (kind(p) === "dir") return false;
  return true;
}

/** Keeps the newest MAX_ENTRIES answers. */
function prune(dir) {
  let names;
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return;
  }
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: stamp(path.join(dir, n))?.[1] ?? 0 })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES / 2)) fs.rmSync(path.join(dir, n), { force: true });
}

/**
 * Wraps tslab's `createConverter` so that converters answer `convert` from the cache and create the
 * real converter only when needed.
 * @param {Function} createConverter tslab's (dist/converter.js)
 * @param {typeof import("typescript")} ts tslab's TypeScript module
 * @param {{ projectRoot: string, versions: string }} where the project and the versions the key holds
 */
function cachedConverters(createConverter, ts, { projectRoot, versions }) {
  const dir = cacheDir(projectRoot);
  if (!dir) return createConverter;
  const access = recordFileAccess(ts);
  return function createCachedConverter(options) {
    let real = null;
    const getReal = () => {
      pending.delete(getReal);
      if (!real) note("typescript");
      return (real ??= createConverter(options));
    };
    // the options as booleans: tslab's kernel passes `isJS: undefined` (no --js), the warm-up script false
    const kindOf = { isJS: !!options?.isJS, isBrowser: !!options?.isBrowser };
    const scope = JSON.stringify([CACHE_VERSION, versions, process.cwd(), kindOf]);
    // the `%module` cells registered so far: later cells may import them, and they are on no disk
    let modules = "";
    const key = (prevDecl, src) =>
      crypto.createHash("sha256").update(scope).update("\0").update(modules).update("\0")
        .update(prevDecl).update("\0").update(src).digest("hex");

    function lookup(name) {
      let entry;
      try {
        entry = JSON.parse(fs.readFileSync(name, "utf8"));
      } catch {
        return null; // not there, or half written by another kernel
      }
      return entry && stillValid(entry.deps) ? entry.result : null;
    }

    function store(name, result) {
      const deps = { read: [], noFile: [...access.noFile], noDir: [...access.noDir] };
      for (const p of access.read) {
        const s = stamp(p);
        if (s) deps.read.push([p, ...s]);
      }
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${name}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ deps, result }));
        fs.renameSync(tmp, name); // whole or not at all, for another kernel reading it
        prune(dir);
      } catch {
        // a read-only folder: no cache
      }
    }

    return {
      convert(prevDecl, src) {
        const k = key(prevDecl, src);
        const name = path.join(dir, `${k}.json`);
        const hit = lookup(name);
        if (hit) {
          note("hit", k);
          if (!real) pending.add(getReal); // created when the kernel is idle (trackCells)
          return hit;
        }
        note("miss", k);
        const result = getReal().convert(prevDecl, src);
        // local .ts modules a cell imports are emitted once per converter (tslab keeps track): not cached
        if (!result.sideOutputs) store(name, result);
        return result;
      },
      inspect: (...args) => getReal().inspect(...args),
      complete: (...args) => getReal().complete(...args),
      addModule: (...args) => {
        modules += JSON.stringify(args);
        return getReal().addModule(...args);
      },
      close() {
        pending.delete(getReal);
        real?.close();
      },
    };
  };
}

/**
 * Puts the cache into tslab's own modules, as the kernel runs them: tslab's `createConverter`
 * (dist/converter.js, which dist/main.js calls through its module object) answers from the cache, and
 * `createExecutor` (dist/executor.js) tells the cache when cells run. The kernel launcher
 * (tslab-kernel.cjs) and the set-up's warm-up (warm-cache.cjs) both call this, so both compute the
 * same keys.
 * @param {string} tslabDist node_modules/tslab/dist of the project
 * @param {string} projectRoot the project (the default cache folder is in its node_modules)
 * @returns {{ converter: { createConverter: Function }, ts: typeof import("typescript") }} tslab's
 *   converter module, now cached, and its TypeScript
 */
function cacheTslab(tslabDist, projectRoot) {
  const converter = require(path.join(tslabDist, "converter.js"));
  const tslabRequire = createRequire(path.join(tslabDist, "converter.js"));
  const ts = tslabRequire("@tslab/typescript-for-tslab");
  const versions = `tslab ${tslabRequire("../package.json").version}, TypeScript ${ts.version}, Node ${process.version}`;
  converter.createConverter = cachedConverters(converter.createConverter, ts, { projectRoot, versions });
  const executor = require(path.join(tslabDist, "executor.js"));
  executor.createExecutor = trackCells(executor.createExecutor);
  return { converter, ts };
}

module.exports = { cachedConverters, trackCells, cacheDir, cacheTslab, stats };

/**
 * Errors in a notebook cell that read like Python's traceback: the message first, then the student's own
 * frames (the cells' code), then the library's, and none of tslab's or Node's machinery around them.
 *
 * tslab prints a cell's uncaught error with `console.error(error)`, which formats it with Node's
 * `util.inspect`, and `util.inspect` asks the error for its `Symbol.for("nodejs.util.inspect.custom")`
 * method first. {@link installCellTracebacks} gives `Error.prototype` that method; it is installed when
 * this library is loaded inside a tslab kernel, and never elsewhere.
 *
 * Deno's kernel sends a cell's uncaught error with the error's `stack` as the traceback, so there
 * {@link installCellTracebacks} sets V8's `Error.prepareStackTrace` instead, which makes that `stack`.
 *
 * A cell's frames are named `cell`, without line numbers: tslab runs a compiled copy of the cell (its
 * types removed, its variables moved), whose line numbers are not the cell's (Deno's cells are
 * `<anonymous>` scripts, also compiled from TypeScript).
 * @module
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { inDenoKernel, inTslab } from "./kernel.js";

/** The package's root folder (this file is `lib/notebook/traceback.ts` or `dist/notebook/traceback.js`). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A frame of a cell in Deno's kernel: `at f (<anonymous>:2:9)` or `at <anonymous>:4:1`. */
const DENO_CELL = /(?:\(<anonymous>:\d+:\d+\)|^\s*at (?:async )?<anonymous>:\d+:\d+)\s*$/;

/** Where one stack frame's code lives. */
export type FrameKind = "cell" | "library" | "machinery";

/**
 * Sorts one `    at ...` line of a V8 stack: a notebook cell's code (tslab runs cells as
 * `evalmachine.<anonymous>` scripts, Deno's kernel as `<anonymous>` ones), this library, or the
 * machinery around them (the kernel, Node's or Deno's internals, other packages).
 *
 * @param frame - one line of `error.stack` that starts with `at`.
 * @param root - the library's root folder (default: this package's).
 */
export function frameKind(frame: string, root = PACKAGE_ROOT): FrameKind {
  if (frame.includes("evalmachine.<anonymous>") || DENO_CELL.test(frame)) return "cell";
  const m = /\((.*):\d+:\d+\)\s*$/.exec(frame) ?? /at (?:async )?(\/.*|[A-Za-z]:\\.*|file:.*):\d+:\d+\s*$/.exec(frame);
  if (!m) return "machinery";
  let file = m[1];
  if (file.startsWith("file://")) file = fileURLToPath(file);
  if (!isAbsolute(file)) return "machinery"; // node:vm, node:internal/..., <anonymous>
  const rel = relative(root, file);
  if (rel.startsWith("..") || rel.split(sep)[0] === "node_modules") return "machinery";
  return "library";
}

/** One frame as the traceback shows it: cells as `cell`, library files relative to the package. */
function showFrame(frame: string, kind: FrameKind, root: string): string {
  const line = frame.trim();
  if (kind === "cell") {
    // "at Proxy.f (evalmachine.<anonymous>:4:11)" -> "at f (cell)";  "at evalmachine.<anonymous>:5:30" -> "at cell"
    // (Deno: "at f (<anonymous>:2:9)" -> "at f (cell)";  "at <anonymous>:4:1" -> "at cell")
    const named = /^at (?:async )?(?:Proxy\.|Object\.)?(.+?) \((?:evalmachine\.)?<anonymous>:\d+:\d+\)$/.exec(line);
    return named ? `at ${named[1]} (cell)` : "at cell";
  }
  return line.replace(/\((?:file:\/\/)?(\/[^()]*|[A-Za-z]:\\[^()]*)(:\d+:\d+)\)$/, (_, f: string, pos: string) =>
    `(${relative(root, f).split(sep).join("/")}${pos})`,
  );
}

/**
 * An error's stack in the notebook's form: Node's code-frame arrow (a line of tslab's compiled copy of
 * the cell) dropped, the message, the cells' frames, then the library's (paths relative to the
 * package), and a count of the frames left out.
 *
 * @param stack - `error.stack`.
 * @param root - the library's root folder (default: this package's).
 * @param machinery - what the frames left out belong to, for the count (default "tslab and Node.js").
 * @returns the text to print.
 * @example
 * ```ts
 * cellTraceback("Error: bad x\n    at f (evalmachine.<anonymous>:4:11)\n    at Script.runInThisContext (node:vm:135:14)");
 * // "Error: bad x\n    at f (cell)\n    (1 frame of tslab and Node.js not shown)"
 * ```
 */
export function cellTraceback(stack: string, root = PACKAGE_ROOT, machinery = "tslab and Node.js"): string {
  let text = stack;
  // Node prefixes errors thrown out of vm scripts with a code frame, "<file>:L\n<code>\n   ^\n\n"
  if (/^\S+:\d+\n/.test(text)) {
    const end = text.indexOf("\n\n");
    if (end >= 0) text = text.slice(end + 2);
  }
  const lines = text.split("\n");
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  if (first < 0) return text;
  const head = lines.slice(0, first);
  const frames = lines.slice(first).filter((l) => /^\s+at /.test(l));
  const cells: string[] = [];
  const library: string[] = [];
  let hidden = 0;
  for (const f of frames) {
    const kind = frameKind(f, root);
    const shown = "    " + showFrame(f, kind, root);
    if (kind === "machinery") hidden++;
    else if (kind === "library") library.push(shown);
    else if (cells[cells.length - 1] !== shown) cells.push(shown); // a cell's body and tslab's wrapper of it: once
  }
  const out = [...head, ...cells, ...library];
  if (hidden) out.push(`    (${hidden} frame${hidden === 1 ? "" : "s"} of ${machinery} not shown)`);
  return out.join("\n");
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
let installed = false;

/** One V8 call site, as `Error.prepareStackTrace` receives it (only its text is used). */
interface CallSite {
  toString(): string;
}

/**
 * The `stack` of an error in Deno's kernel: V8's own form (`Name: message`, then `    at ...` per
 * frame) passed through {@link cellTraceback}.
 */
function denoStack(error: unknown, callSites: CallSite[]): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown };
  const name = String(e.name ?? "Error");
  const head = e.message === undefined || e.message === "" ? name : `${name}: ${String(e.message)}`;
  return cellTraceback([head, ...callSites.map((c) => `    at ${c}`)].join("\n"), PACKAGE_ROOT, "Deno's kernel");
}

/**
 * Makes every error printed by the kernel show {@link cellTraceback}'s form: in tslab an
 * `Error.prototype` inspect method, in Deno's kernel V8's `Error.prepareStackTrace` (Deno's kernel
 * shows an uncaught error's `stack`). Done once, automatically, when the library is loaded in one of
 * these kernels; calling it again does nothing.
 *
 * @returns whether it is installed now.
 */
export function installCellTracebacks(): boolean {
  if (installed) return true;
  if (inDenoKernel()) {
    (Error as unknown as { prepareStackTrace?: (error: unknown, callSites: CallSite[]) => string }).prepareStackTrace = denoStack;
    installed = true;
    return true;
  }
  Object.defineProperty(Error.prototype, INSPECT, {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function (this: Error): string {
      const stack = typeof this.stack === "string" ? this.stack : `${this.name}: ${this.message}`;
      return cellTraceback(stack);
    },
  });
  installed = true;
  return true;
}

if (inTslab() || inDenoKernel()) installCellTracebacks();

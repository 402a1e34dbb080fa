import test from "ava";
import { inspect } from "node:util";
import { runInThisContext } from "node:vm";
import { join } from "node:path";
import { cellTraceback, frameKind, warn } from "../../lib/notebook/index.js";

const ROOT = join(import.meta.dirname, "../..");

// the stack tslab 1.0.22 printed for a throwing cell before this module (a cell `f(y)` whose f throws)
const TSLAB_STACK = `evalmachine.<anonymous>:4
    throw new Error("bad x " + x);
    ^

Error: bad x 2
    at Proxy.f (evalmachine.<anonymous>:4:11)
    at evalmachine.<anonymous>:5:30
    at evalmachine.<anonymous>:7:3
    at sigintHandlersWrap (node:vm:280:12)
    at Script.runInThisContext (node:vm:135:14)
    at Object.runInThisContext (node:vm:317:38)
    at Object.execute (${ROOT}/node_modules/tslab/dist/executor.js:160:38)
    at JupyterHandlerImpl.handleExecuteImpl (${ROOT}/node_modules/tslab/dist/jupyter.js:250:38)
    at ${ROOT}/node_modules/tslab/dist/jupyter.js:208:57
    at async JupyterHandlerImpl.handleExecute (${ROOT}/node_modules/tslab/dist/jupyter.js:208:21)`;

test("cellTraceback: the message, then the cell's frames; tslab's and Node's frames counted, not shown", (t) => {
  t.is(
    cellTraceback(TSLAB_STACK, ROOT),
    "Error: bad x 2\n    at f (cell)\n    at cell\n    (7 frames of tslab and Node.js not shown)",
  );
});

test("cellTraceback: an error thrown in the library shows the cell first, then the library's frames with package paths", (t) => {
  const stack = `file://${ROOT}/dist/np/linalg.js:219
        throw alignError(A.shape, B.shape, ka, kb);
        ^

ValueError: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)
    at alignError (file://${ROOT}/dist/np/errors.js:35:12)
    at Module.dot (file://${ROOT}/dist/np/linalg.js:219:15)
    at evalmachine.<anonymous>:3:28
    at sigintHandlersWrap (node:vm:280:12)
    at Object.execute (${ROOT}/node_modules/tslab/dist/executor.js:160:38)`;
  const out = cellTraceback(stack, ROOT).split("\n");
  t.deepEqual(out, [
    "ValueError: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)",
    "    at cell",
    "    at alignError (dist/np/errors.js:35:12)",
    "    at Module.dot (dist/np/linalg.js:219:15)",
    "    (2 frames of tslab and Node.js not shown)",
  ]);
  t.false(out.join("\n").includes(ROOT), "no machine path");
});

test("frameKind tells cells, the library and the machinery apart", (t) => {
  t.is(frameKind("    at evalmachine.<anonymous>:5:30", ROOT), "cell");
  t.is(frameKind(`    at dot (${ROOT}/lib/np/linalg.ts:1:2)`, ROOT), "library");
  t.is(frameKind(`    at x (${ROOT}/node_modules/tslab/dist/jupyter.js:1:2)`, ROOT), "machinery");
  t.is(frameKind("    at Script.runInThisContext (node:vm:135:14)", ROOT), "machinery");
  t.is(frameKind("    at /elsewhere/file.js:1:2", ROOT), "machinery");
});

test("cellTraceback keeps a multi-line message and a stack without frames", (t) => {
  t.is(cellTraceback("Error: a\nb\n    at evalmachine.<anonymous>:1:1", ROOT), "Error: a\nb\n    at cell");
  t.is(cellTraceback("Error: no frames", ROOT), "Error: no frames");
});

test("a real error thrown by vm code (as tslab runs a cell) formats with the cell's frame first", (t) => {
  let caught: unknown;
  try {
    runInThisContext("(function () { function g() { throw new RangeError('deep'); }\n g(); })()");
  } catch (e) {
    caught = e;
  }
  const out = cellTraceback((caught as Error).stack!, ROOT).split("\n");
  t.is(out[0], "RangeError: deep");
  t.is(out[1], "    at g (cell)");
  t.is(out[2], "    at cell");
  t.regex(out[out.length - 1], /^ {4}\(\d+ frames? of tslab and Node\.js not shown\)$/);
});

test("outside a kernel errors print as Node prints them (nothing installed)", (t) => {
  t.regex(inspect(new Error("plain")), /^Error: plain\n {4}at /);
});

test.serial("warn: outside a kernel it is process.emitWarning (a warning event with the category as name)", async (t) => {
  const warned = new Promise<Error>((resolve) => process.once("warning", resolve));
  warn("careful", "DataConversionWarning", "X.fit");
  const w = await warned;
  t.is(w.name, "DataConversionWarning");
  t.is(w.message, "careful");
});

test.serial("warn: inside a kernel it writes Python's line to stderr at once, while the cell runs", (t) => {
  const g = globalThis as { __tslab__?: unknown };
  const written: string[] = [];
  const original = process.stderr.write;
  let events = 0;
  const onWarning = () => events++;
  process.on("warning", onWarning);
  g.__tslab__ = {};
  process.stderr.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stderr.write;
  try {
    warn("A column-vector y was passed", "DataConversionWarning", "LogisticRegression.fit");
  } finally {
    process.stderr.write = original;
    delete g.__tslab__;
  }
  t.deepEqual(written, ["LogisticRegression.fit: DataConversionWarning: A column-vector y was passed\n"]);
  return new Promise<void>((resolve) =>
    setImmediate(() => {
      process.off("warning", onWarning);
      t.is(events, 0, "no second, late copy through process.emitWarning");
      resolve();
    }),
  );
});

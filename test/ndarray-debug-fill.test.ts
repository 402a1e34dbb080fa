/**
 * The debug mode NP_DEBUG_FILL_NAN=1 (lib/np/dtype.ts): every output buffer starts as NaN, or the
 * byte 0xA5 for the integer dtypes, whether it comes from V8's heap (64 bytes or less), a slab or a
 * buffer of its own; and np's results do not change under it, because every kernel writes every
 * element of its output. CI runs the whole suite in this mode (.ci/steps/15-debug-fill.sh).
 */
import test from "ava";
import { execFile } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as np from "../lib/np/index.js";
import { DTYPES, allocateOutput } from "../lib/np/dtype.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const url = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href);

/** Sizes that take each of allocateOutput's three paths for every dtype: heap, slab, own buffer. */
const SIZES = [3, 700, 5000];

/** What one process sees: the fresh outputs of each dtype and size, and a few np results. */
const PROBE = `
const np = await import(${url("lib/np/index.ts")});
const { DTYPES, allocateOutput } = await import(${url("lib/np/dtype.ts")});
const fresh = {};
for (const dtype of DTYPES) for (const n of ${JSON.stringify(SIZES)}) {
  const out = allocateOutput(dtype, n);
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  fresh[dtype + " " + n] = { nan: Array.from(out).filter(Number.isNaN).length, a5: bytes.filter((b) => b === 0xa5).length };
}
np.random.seed(0);
const X = np.random.randn(3, 50);
const Y = np.greater(np.random.rand(1, 50), 0.5).astype("uint8");
const results = [
  np.add(np.dot(np.ones([4, 3]), X), np.ones([4, 1])), np.tanh(X.T), np.where(np.greater(X, 0), X, 0),
  np.sum(X, { axis: 1, keepdims: true }), np.argmax(X, { axis: 0 }), np.concatenate([X, X], { axis: 1 }),
  X.slice(null, [null, null, -2]).copy(), X.astype("int32"), Y.rsub(1), np.less(X, Y), np.c_(X.T, X.T),
].map((a) => [a.dtype, ...a.shape, ...Array.from(a.values())]);
console.log(JSON.stringify({ fresh, results }));
`;

function probe(env: NodeJS.ProcessEnv): Promise<{ fresh: Record<string, { nan: number; a5: number }>; results: unknown[] }> {
  return new Promise((done, fail) =>
    execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", PROBE], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      err ? fail(new Error(stderr || err.message)) : done(JSON.parse(stdout)),
    ),
  );
}

test("NP_DEBUG_FILL_NAN=1 fills every fresh output (heap, slab, own buffer) with NaN or 0xA5, and changes no result", async (t) => {
  const [debug, plain] = await Promise.all([probe({ NP_DEBUG_FILL_NAN: "1" }), probe({ NP_DEBUG_FILL_NAN: "" })]);
  for (const dtype of DTYPES) {
    for (const n of SIZES) {
      const width = allocateOutput(dtype, 1).BYTES_PER_ELEMENT;
      const f = debug.fresh[`${dtype} ${n}`];
      if (dtype === "float64" || dtype === "float32" || dtype === "int64") t.is(f.nan, n, `${dtype} ${n}`);
      else t.is(f.a5, n * width, `${dtype} ${n}`);
    }
  }
  t.is(plain.fresh["float64 3"].nan, 0); // off: small outputs are V8's zeros (slab contents are unspecified)
  t.deepEqual(debug.results, plain.results);
  t.true(debug.results.length > 10);
});

test("the mode is off unless asked for: a small output is V8's zero-filled memory", (t) => {
  const out = allocateOutput("float64", 2);
  t.is(Number.isNaN(out[0]), process.env.NP_DEBUG_FILL_NAN === "1");
  t.is(np.add(np.ones(2), 1).values()[0], 2);
});

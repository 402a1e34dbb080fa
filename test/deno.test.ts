/**
 * The library in Deno (the `deno` devDependency, node_modules/.bin/deno): the built entries type-check
 * with Deno's TypeScript (`deno check`, which Deno's Jupyter kernel also runs on each cell) and compute
 * what they compute in Node; the `web` entry runs without any permission. Also the kernel probe and the
 * traceback of Deno's cells, in Node. Needs dist/ (npm run build).
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { accuracyPercent, kernelName, loadPlanarDataset, nnModel, np, plot, predict } from "../lib/index.js";
import { inDeno, inDenoKernel } from "../lib/notebook/kernel.js";
import { cellTraceback, frameKind } from "../lib/notebook/index.js";

const ROOT = join(import.meta.dirname, "..");
const DENO = join(ROOT, "node_modules", ".bin", "deno");

function deno(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(DENO, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 240_000 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: `${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

/** The lesson's network for 200 iterations in this process (Node): what the Deno scripts must match. */
function nodeAccuracy(): number {
  const { X, Y } = loadPlanarDataset();
  return accuracyPercent(Y, predict(nnModel(X, Y, 4, { numIterations: 200 }), X));
}

test.before((t) => {
  if (!existsSync(join(ROOT, "dist", "index.js"))) throw new Error("dist/ is missing: run npm run build");
  if (!existsSync(DENO)) throw new Error("node_modules/.bin/deno is missing: run npm ci (deno is a devDependency)");
  t.pass();
});

test("deno check: the built entries' declarations type-check with Deno's TypeScript", (t) => {
  const r = deno("check", "test/deno/index-entry.ts", "test/deno/web-entry.ts");
  t.is(r.status, 0, r.stderr);
});

test("dist/index.js in Deno: numpy's repr, the lesson's accuracy and a figure's full bundle, as in Node", (t) => {
  const r = deno("run", "-A", "test/deno/index-entry.ts");
  t.is(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim().split("\n").pop()!);
  np.random.seed(1);
  t.is(got.repr, String(np.random.randn(2, 2)));
  t.deepEqual(got.shape, loadPlanarDataset().X.shape);
  t.is(got.accuracy, nodeAccuracy());
  t.is(got.kernel, null, "a script is not a kernel");
  const fig = plot.costCurves([{ name: "cost", costs: [0.7, 0.5], iterations: [0, 100] }]);
  t.deepEqual(got.mimes, Object.keys(fig[plot.JUPYTER_DISPLAY]()).sort());
  t.true(got.png);
  t.regex(r.stderr, /UserWarning: a warning outside a kernel does not throw/);
});

test("dist/web.js in Deno without any permission: np.random and the lesson as in Node; a figure's bundle is its plotly JSON and text", (t) => {
  const r = deno("run", "test/deno/web-entry.ts");
  t.is(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim().split("\n").pop()!);
  np.random.seed(1);
  t.deepEqual(got.randn, Array.from(np.random.randn(3).values()));
  t.is(got.accuracy, nodeAccuracy());
  t.deepEqual(got.mimes, ["application/vnd.plotly.v1+json", "text/plain"]);
});

test("kernel probe in Node: not Deno, not a kernel", (t) => {
  t.false(inDeno());
  t.false(inDenoKernel());
  t.is(kernelName(), null);
});

test("cellTraceback of a stack from Deno's kernel: the message, the cell's frames, the library's, Deno's counted", (t) => {
  const stack = [
    "RangeError: log of -2: x must be positive",
    "    at checkedLog (<anonymous>:2:19)",
    "    at <anonymous>:2:1",
    `    at Module.dot (file://${ROOT}/dist/np/linalg.js:219:15)`,
    "    at ext:core/01_core.js:1:2",
  ].join("\n");
  t.is(frameKind("    at <anonymous>:2:1", ROOT), "cell");
  t.is(frameKind("    at checkedLog (<anonymous>:2:19)", ROOT), "cell");
  t.is(frameKind("    at new Promise (<anonymous>)", ROOT), "machinery");
  t.is(
    cellTraceback(stack, ROOT, "Deno's kernel"),
    "RangeError: log of -2: x must be positive\n    at checkedLog (cell)\n    at cell\n" +
      "    at Module.dot (dist/np/linalg.js:219:15)\n    (1 frame of Deno's kernel not shown)",
  );
});

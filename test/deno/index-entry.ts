/**
 * Run by test/deno.test.ts with Deno (`deno check`, then `deno run -A`): the built library's main entry
 * in Deno, typed by its .d.ts. Prints one JSON line of results that the test compares with Node's.
 */
import { accuracyPercent, kernelName, loadPlanarDataset, nnModel, np, plot, predict, warn } from "../../dist/index.js";

np.random.seed(1);
const repr: string = String(np.random.randn(2, 2));
const { X, Y } = loadPlanarDataset();
const parameters = nnModel(X, Y, 4, { numIterations: 200 });
const fig: plot.Figure = plot.costCurves([{ name: "cost", costs: [0.7, 0.5], iterations: [0, 100] }]);
const bundle = fig[plot.JUPYTER_DISPLAY]();
warn("a warning outside a kernel does not throw", "UserWarning", "index-entry");
console.log(JSON.stringify({
  repr,
  shape: X.shape,
  accuracy: accuracyPercent(Y, predict(parameters, X)),
  kernel: kernelName(),
  mimes: Object.keys(bundle).sort(),
  png: typeof bundle["image/png"] === "string" && atob(bundle["image/png"] as string).startsWith("\x89PNG"),
}));

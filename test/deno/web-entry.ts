/**
 * Run by test/deno.test.ts with Deno and NO permission (`deno run` without flags): the `web` entry
 * (np, the lesson, the figure specs) needs none, so it reads no environment variable, file or module
 * of Node's. Prints one JSON line of results.
 */
import { loadPlanarDataset, nnModel, np, plot, predict, accuracyPercent } from "../../dist/web.js";

np.random.seed(1);
const randn = Array.from(np.random.randn(3).values());
const { X, Y } = loadPlanarDataset();
const parameters = nnModel(X, Y, 4, { numIterations: 200 });
const fig = plot.costCurves([{ name: "cost", costs: [0.7, 0.5], iterations: [0, 100] }]);
console.log(JSON.stringify({
  randn,
  accuracy: accuracyPercent(Y, predict(parameters, X)),
  mimes: Object.keys(fig[plot.JUPYTER_DISPLAY]()).sort(),
}));

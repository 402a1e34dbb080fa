// (f) A web page's script: bundled by esbuild for the browser (the package's "browser" condition), it
// trains the lesson's network in the page and shows the result; test/package/chromium.mjs reads it.
import { np, loadPlanarDataset, nnModel, predict, accuracyScore, plot } from "dl-lesson2-ts";

const { X, Y } = loadPlanarDataset();
const lines = [];
const parameters = nnModel(X, Y, 4, { numIterations: 10000, printCost: true, print: (l) => lines.push(l) });
const accuracy = accuracyScore(Y, predict(parameters, X)) * 100;
const fig = plot.datasetScatter(X, Y);
document.getElementById("result").textContent = JSON.stringify({
  accuracy, printed: lines, shape: X.shape, traces: fig.data.length, repr: String(np.array([1.5, 2])),
});

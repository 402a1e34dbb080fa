// (c) TypeScript run by tsx in a default CommonJS project (package.json without "type"): the imports
// below compile to require() calls.
import { np, loadPlanarDataset, nnModel, predict, accuracyScore, f1Score, plot, type Parameters } from "dl-lesson2-ts";

const { X, Y } = loadPlanarDataset();
const parameters: Parameters = nnModel(X, Y, 4, { numIterations: 1000 });
const P: np.NDArray = predict(parameters, X);
const accuracy: number = accuracyScore(Y, P);
const fig: plot.Figure = plot.costCurves([1, 0.5, 0.25]);
if (!(accuracy > 0.5) || !(f1Score(Y, P) > 0.5) || fig.data.length !== 1) {
  console.error(`main.ts: accuracy ${accuracy}, ${fig.data.length} traces`);
  process.exit(1);
}
console.log(`package: (c) tsx in a CommonJS project: ${typeof module} module, accuracy after 1000 iterations ${accuracy}`);

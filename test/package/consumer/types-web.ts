// (d) The web entry's types with no @types/node at all (a web page's project), through the bundler's
// "browser" condition on "dl-lesson2-ts" and through the "dl-lesson2-ts/web" subpath.
import { np, loadPlanarDataset, nnModel, predict, accuracyScore, plot } from "dl-lesson2-ts";
import * as web from "dl-lesson2-ts/web";

const { X, Y } = loadPlanarDataset();
const accuracy: number = accuracyScore(Y, predict(nnModel(X, Y, 4, { numIterations: 10 }), X));
const fig: plot.Figure = web.plot.datasetScatter(X, Y);
// @ts-expect-error: file export is Node-only, not in the web entry
plot.saveFigure(fig, "x.png");
const a: np.NDArray = web.np.ones([2]);
export const used = [accuracy, fig, a];

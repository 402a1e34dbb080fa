// (d) The public types under `tsc --strict` without skipLibCheck: the package's own .d.ts files are
// checked too. The @ts-expect-error lines fail the check if a type is silently `any`.
import type ndarray from "ndarray";
import { np, loadPlanarDataset, nnModel, predict, classificationReport, plot, type NnModelOptions } from "dl-lesson2-ts";
import { np as np2 } from "dl-lesson2-ts/np";
import * as web from "dl-lesson2-ts/web";

const a: np.NDArray = np.zeros([2, 3]);
const view: ndarray.NdArray = a.nd;
const shape: number[] = view.shape;
// @ts-expect-error: `nd` is typed by @types/ndarray, not any
a.nd.notAnNdarrayMember();
// @ts-expect-error: np.zeros takes a shape, not a string
np2.zeros("3");
const options: NnModelOptions = { numIterations: 10, learningRate: 1.2 };
const { X, Y } = loadPlanarDataset();
const report: string = classificationReport(Y, predict(nnModel(X, Y, 2, options), X));
const png: Uint8Array = plot.toPng(plot.datasetScatter(X, Y));
const fig: web.plot.Figure = web.plot.confusionMatrixFigure([[1, 2], [3, 4]]);
export const used = [shape, report, png, fig];

/**
 * Plots of the lesson with plotly.js: figure functions, display in notebooks, saving as PNG/SVG/HTML.
 * The figure functions that run anywhere come from `./web.js`; the rest needs Node (zlib for the
 * decision boundary's class map, files, resvg for PNG, loaded only when a PNG is made).
 * This file only re-exports.
 * @module
 */
import "./display.js"; // installs the notebook display hooks of Figure
export * from "./web.js";
export { decisionBoundary, logisticRegressionBoundary, boundaryGrid, classMapPng, type BoundaryOptions, type ClassPredictor, type Classifier, type BoundaryGrid } from "./boundary.js";
export { hiddenSizeSweep, type SweepResult } from "./sweep.js";
export { toPng, toHtml, saveSvg, savePng, saveHtml, saveFigure, plotlyPath } from "./export.js";
export { mimeBundle, figureHtml, sendBundle, show, inNotebook, LiveCostCurve, PLOTLY_MIME, type LiveOptions } from "./display.js";
export { liveCostCurve } from "./live.js";
export { learningAnimation, type LearningAnimationOptions } from "./animation.js";

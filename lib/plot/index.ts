/**
 * Plots of the lesson with plotly.js: figure functions, display in notebooks, saving as PNG/SVG/HTML.
 * This file only re-exports.
 * @module
 */
import "./display.js"; // installs the notebook display hooks of Figure
export { Figure, JUPYTER_DISPLAY, plainText, userText, legendRight, type FigureSpec, type Layout, type MimeBundle, type Trace } from "./figure.js";
export { SPECTRAL_DATA, SPECTRAL_COLORSCALE, spectral, toHex, regionColor, labelColor, colorscaleAt } from "./colors.js";
export { escapeHtml, jsonForScript } from "./escape.js";
export { encodeTyped, decodeNumbers, type Numbers, type TypedSpec } from "./typed.js";
export { datasetScatter, labelledPointsTrace, type Points, type ScatterOptions } from "./dataset.js";
export { decisionBoundary, logisticRegressionBoundary, boundaryGrid, arangeFloat, classMapPng, type BoundaryOptions, type ClassPredictor, type Classifier, type BoundaryGrid } from "./boundary.js";
export { costCurves, activationsFigure, learningRateSchedules, lineTrace, TAB10, type CostSeries, type ActivationCurve, type ActivationsOptions, type Schedule, type CurveOptions } from "./curves.js";
export { confusionMatrixFigure, BLUES_COLORSCALE } from "./confusion.js";
export { hiddenSizeSweep, type SweepResult } from "./sweep.js";
export { subplots, type SubplotsOptions } from "./subplots.js";
export { figureToSvg } from "./svg.js";
export { toPng, toHtml, saveSvg, savePng, saveHtml, saveFigure, plotlyPath } from "./export.js";
export { mimeBundle, figureHtml, sendBundle, show, inNotebook, LiveCostCurve, PLOTLY_MIME, type LiveOptions } from "./display.js";
export { liveCostCurve } from "./live.js";
export { learningAnimation, type LearningAnimationOptions } from "./animation.js";

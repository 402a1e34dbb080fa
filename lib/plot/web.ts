/**
 * The figure functions that run anywhere, a web page included: they build plotly.js specs from numbers
 * and need no Node built-in. `lib/plot/index.ts` adds the Node-only parts (the decision-boundary class
 * map and PNG, SVG/PNG/HTML files, notebook display). This file only re-exports.
 * @module
 */
export { Figure, JUPYTER_DISPLAY, plainText, userText, legendRight, type FigureSpec, type Layout, type MimeBundle, type Trace } from "./figure.js";
export { SPECTRAL_DATA, SPECTRAL_COLORSCALE, spectral, toHex, regionColor, labelColor, colorscaleAt } from "./colors.js";
export { escapeHtml, jsonForScript } from "./escape.js";
export { encodeTyped, decodeNumbers, type Numbers, type TypedSpec } from "./typed.js";
export { datasetScatter, labelledPointsTrace, type Points, type ScatterOptions } from "./dataset.js";
export { costCurves, activationsFigure, learningRateSchedules, lineTrace, TAB10, type CostSeries, type ActivationCurve, type ActivationsOptions, type Schedule, type CurveOptions } from "./curves.js";
export { confusionMatrixFigure, BLUES_COLORSCALE } from "./confusion.js";
export { subplots, type SubplotsOptions } from "./subplots.js";
export { figureToSvg } from "./svg.js";

/**
 * The entry for web pages and bundlers (`dl-lesson2-ts/web`, and what a bundler's `browser` condition
 * picks for `dl-lesson2-ts`): `np`, the lesson (dataset, network, training, metrics, activations,
 * schedules, sweep, extra datasets) and the figure specs, with no Node built-in anywhere in the graph.
 * `lib/index.ts` is this plus the Node-only parts (notebook shell helpers, decision-boundary figures,
 * PNG/SVG/HTML files, notebook display).
 * @module
 */
export * as np from "./np/index.js";
export * as plot from "./plot/web.js";
export {
  // the dataset and the baseline
  loadPlanarDataset, LogisticRegression,
  // the 2-layer network, step by step (In[5]–In[12])
  layerSizes, initializeParameters, forwardPropagation, computeCost, backwardPropagation,
  backwardPropagationAsWritten, updateParameters, nnModel, predict, accuracyPercent, costLine, gradCheck,
  // part 3: activations and learning-rate schedules
  tanhActivation, sigmoidActivation, reluActivation, softplusActivation, activations, getActivation,
  defineActivation, constantSchedule, stepSchedule, exponentialSchedule, inverseTimeSchedule, cosineSchedule,
  // part 4: metrics
  confusionMatrix, accuracyScore, precisionScore, recallScore, f1Score, precisionRecallF1, classificationReport,
  // beyond the lesson: the hidden-size sweep, the extra datasets, a terminal progress bar (Node, loaded when drawn)
  hiddenSizeSweep, sweepLine, HIDDEN_LAYER_SIZES, loadExtraDatasets, extraDatasetsTable, EXTRA_DATASETS,
  trainingProgress, formatFixed,
} from "./lesson/index.js";
export type {
  PlanarDataset, LogisticRegressionOptions, Parameters, Cache, Gradients, NnModelOptions, PredictOptions,
  GradientKind, GradCheckResult, Activation, ActivationName, ActivationDefinition, Schedule, ZeroDivision, BinaryMetricOptions,
  SweepRow, ExtraDatasetName, ExtraDatasetRow, TrainingProgress, LabelsLike,
} from "./lesson/index.js";
export type { ProgressStream } from "./lesson/progress.js";

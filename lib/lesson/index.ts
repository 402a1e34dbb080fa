/**
 * The lesson as a library: the flower dataset, logistic regression, the 2-layer network, activations,
 * learning-rate schedules, metrics, the gradient check, the hidden-size sweep and the extra datasets.
 * This file only re-exports.
 * @module
 */
export { loadPlanarDataset, type PlanarDataset } from "./dataset.js";
export { LogisticRegression, type LogisticRegressionOptions } from "./logistic-regression.js";
export {
  layerSizes, initializeParameters, forwardPropagation, computeCost, backwardPropagation,
  backwardPropagationAsWritten, updateParameters, checkParameters,
  type Parameters, type Cache, type Gradients, type ActivationOption,
} from "./network.js";
export { nnModel, predict, accuracyPercent, costLine, type NnModelOptions, type PredictOptions, type GradientKind } from "./train.js";
export { gradCheck, type GradCheckResult } from "./grad-check.js";
export {
  tanhActivation, sigmoidActivation, reluActivation, softplusActivation, activations, getActivation, defineActivation,
  type Activation, type ActivationName, type ActivationDefinition,
} from "./activations.js";
export {
  constantSchedule, stepSchedule, exponentialSchedule, inverseTimeSchedule, cosineSchedule, type Schedule,
} from "./schedules.js";
export {
  confusionMatrix, accuracyScore, precisionScore, recallScore, f1Score, precisionRecallF1, classificationReport,
  type ZeroDivision, type BinaryMetricOptions,
} from "./metrics.js";
export { hiddenSizeSweep, sweepLine, HIDDEN_LAYER_SIZES, type SweepRow } from "./sweep.js";
export { loadExtraDatasets, extraDatasetsTable, EXTRA_DATASETS, type ExtraDatasetName, type ExtraDatasetRow } from "./datasets.js";
export { trainingProgress, type TrainingProgress } from "./progress.js";
export { formatFixed, formatInt } from "./format.js";
export type { LabelsLike } from "./validate.js";

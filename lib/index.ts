/**
 * The public entry: `np` (the numpy-like array layer) and the lesson.
 * @module
 */
export * as np from "./np/index.js";
export * from "./notebook/index.js";
export * as plot from "./plot/index.js";
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
  // beyond the lesson: the hidden-size sweep, the extra datasets, a terminal progress bar
  hiddenSizeSweep, sweepLine, HIDDEN_LAYER_SIZES, loadExtraDatasets, extraDatasetsTable, EXTRA_DATASETS,
  trainingProgress, formatFixed,
} from "./lesson/index.js";
export type {
  PlanarDataset, LogisticRegressionOptions, Parameters, Cache, Gradients, NnModelOptions, PredictOptions,
  GradientKind, GradCheckResult, Activation, ActivationName, ActivationDefinition, Schedule, ZeroDivision, BinaryMetricOptions,
  SweepRow, ExtraDatasetName, ExtraDatasetRow, TrainingProgress, LabelsLike,
} from "./lesson/index.js";

import test from "ava";
import * as lib from "../lib/index.js";

test("lib/index.ts exports the lesson by name", (t) => {
  const names = [
    "loadPlanarDataset", "LogisticRegression", "layerSizes", "initializeParameters", "forwardPropagation", "computeCost",
    "backwardPropagation", "backwardPropagationAsWritten", "updateParameters", "nnModel", "predict", "gradCheck",
    "tanhActivation", "sigmoidActivation", "reluActivation", "softplusActivation", "getActivation",
    "constantSchedule", "stepSchedule", "exponentialSchedule", "inverseTimeSchedule", "cosineSchedule",
    "confusionMatrix", "accuracyScore", "precisionScore", "recallScore", "f1Score", "classificationReport",
    "hiddenSizeSweep", "loadExtraDatasets", "extraDatasetsTable", "trainingProgress",
  ];
  for (const n of names) t.is(typeof (lib as Record<string, unknown>)[n], ["tanhActivation", "sigmoidActivation", "reluActivation", "softplusActivation"].includes(n) ? "object" : "function", n);
  t.deepEqual(Object.keys(lib.activations), ["tanh", "sigmoid", "relu", "softplus"]);
  t.deepEqual([...lib.HIDDEN_LAYER_SIZES], [1, 2, 3, 4, 5, 20, 50]);
  // and they work with np from the same entry
  const { X, Y } = lib.loadPlanarDataset();
  t.true(X instanceof lib.np.NDArray && Y.dtype === "uint8");
});

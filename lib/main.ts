/**
 * The main job (`npm start`): the lesson end to end in a terminal.
 *
 * 1. Prints what the original printed, in order and to its digits: the logistic-regression line
 *    ("Качество модели (согласно метрике accuracy): 47 %") and the ten "Cost after iteration ..."
 *    lines of the network trained as written (with the original's `db1 = np.sum(dZ1)`).
 *    scikit-learn's DataConversionWarning of In[4] goes to stderr, as in the original.
 * 2. Then, beyond the lesson: the gradient check that exposes the `db1` sum, the run with the true
 *    gradient, the metrics of the models, the hidden-size sweep and the extra datasets.
 * 3. Writes the report: one self-contained `index.html` with every figure (plotly.js once, minified; the
 *    network learning as an animation) beside each figure's PNG, and prints its path.
 *
 * Usage: `npm start -- [--out DIR] [--no-figures] [--quick]` (`--quick` skips the sweep and the extra datasets).
 * @module
 */
import { resolve } from "node:path";
import { parseArgs as parseNodeArgs } from "node:util";
import * as np from "./np/index.js";
import type { NDArray } from "./np/ndarray.js";
import {
  LogisticRegression, accuracyPercent, accuracyScore, activations, classificationReport, confusionMatrix,
  constantSchedule, cosineSchedule, exponentialSchedule, extraDatasetsTable, formatFixed, formatInt, gradCheck,
  hiddenSizeSweep, initializeParameters, inverseTimeSchedule, loadPlanarDataset, nnModel, precisionRecallF1,
  predict, stepSchedule, sweepLine, trainingProgress, type Parameters,
} from "./lesson/index.js";
import * as plot from "./plot/index.js";
import { writeReport } from "./plot/report.js";

interface Args {
  out: string;
  figures: boolean;
  quick: boolean;
}

const USAGE = "usage: npm start -- [--out DIR] [--no-figures] [--quick]";

/**
 * Reads the command line with node:util's parseArgs: `--out DIR` (default "out"), `--no-figures`, `--quick`.
 * @throws Error naming the unknown option or the missing folder, with the usage line.
 */
function parseArgs(argv: string[]): Args {
  try {
    const { values } = parseNodeArgs({
      args: argv,
      options: { out: { type: "string", default: "out" }, "no-figures": { type: "boolean", default: false }, quick: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.out === "") throw new Error("--out needs a folder");
    return { out: values.out, figures: !values["no-figures"], quick: values.quick };
  } catch (e) {
    const { code, message } = e as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
    const why =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `unknown option ${JSON.stringify(quoted)}`
      : code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" ? `unexpected argument ${JSON.stringify(quoted)}`
      : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? (quoted.startsWith("--out") ? "--out needs a folder" : `${quoted.split(" ")[0]} takes no value`)
      : message;
    throw new Error(`${why}\n${USAGE}`);
  }
}

/** Trains with a progress bar on a terminal; lines printed during training appear above it. */
function train(label: string, X: NDArray, Y: NDArray, nH: number, gradient: "true" | "as-written", costs: number[]): Parameters {
  const bar = trainingProgress(10000, { label });
  try {
    return nnModel(X, Y, nH, {
      numIterations: 10000,
      printCost: true,
      gradient,
      print: bar.print,
      costEvery: 10,
      onCost: (i, cost) => {
        bar.onCost(i, cost);
        if (i % 100 === 0) costs.push(cost);
      },
    });
  } finally {
    bar.stop();
  }
}

function heading(text: string): void {
  console.log(`\n=== ${text} ===`);
}

function metricsRow(name: string, Y: NDArray, P: NDArray): string {
  const { precision, recall, f1 } = precisionRecallF1(Y, P, { zeroDivision: 0 });
  const cells = [accuracyScore(Y, P), precision, recall, f1].map((v) => formatFixed(v, 4).padStart(9));
  return `${name.padEnd(26)}${cells.join(" ")}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const figures: [string, plot.Figure][] = [];

  // In[3]: the flower dataset
  const { X, Y } = loadPlanarDataset();
  figures.push(["dataset", plot.datasetScatter(X, Y)]);

  // In[4]: logistic regression, 47 %
  const clf = new LogisticRegression();
  clf.fit(X.T, Y.T);
  figures.push(["logistic_regression", plot.logisticRegressionBoundary(clf, X, Y)]);
  const LR_predictions = clf.predict(X.T);
  const lrRow = LR_predictions.reshape(1, -1);
  console.log("Качество модели (согласно метрике accuracy): " + formatInt(accuracyPercent(Y, lrRow)) + " %");

  // In[13]: the network as the lesson wrote it
  const costsAsWritten: number[] = [];
  const parameters = train("as written", X, Y, 4, "as-written", costsAsWritten);
  figures.push([
    "decision_boundary_h4",
    plot.decisionBoundary((x) => predict(parameters, x.T), X, Y, { title: "Decision Boundary for hidden layer size " + String(4) }),
  ]);
  if (args.figures) {
    // the same run again (as written, seed 3), a frame every 200 iterations
    figures.push(["learning_animation", plot.learningAnimation(X, Y, { nH: 4, numIterations: 10000, learningRate: 1.2, every: 200 })]);
  }

  // ---- beyond the lesson ----
  heading("Gradient check at the initial parameters (relative difference, numerical vs backward pass)");
  const p0 = initializeParameters(2, 4, 1);
  for (const gradient of ["as-written", "true"] as const) {
    const r = gradCheck(p0, X, Y, { gradient });
    const per = Object.entries(r.perParameter).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(", ");
    console.log(`${gradient.padEnd(10)}: ${r.difference.toExponential(1)} (${per})`);
  }
  console.log("The original's db1 = np.sum(dZ1) sums over every axis: all hidden units get one shared bias gradient.");

  heading("The network with the true gradient (db1 = np.sum(dZ1, axis=1, keepdims=True))");
  const costsTrue: number[] = [];
  const parametersTrue = train("true gradient", X, Y, 4, "true", costsTrue);
  figures.push([
    "decision_boundary_h4_true_gradient",
    plot.decisionBoundary((x) => predict(parametersTrue, x.T), X, Y, { title: "Decision Boundary for hidden layer size 4 (true gradient)" }),
  ]);
  figures.push([
    "cost_curves",
    plot.costCurves(
      [
        { name: "as written (db1 summed)", costs: costsAsWritten, every: 100 },
        { name: "true gradient", costs: costsTrue, every: 100 },
      ],
      { title: "Cost during training", logY: true },
    ),
  ]);

  heading("Metrics on the training data");
  const P = predict(parameters, X);
  const PTrue = predict(parametersTrue, X);
  console.log(`${"model".padEnd(26)}${["accuracy", "precision", "recall", "F1"].map((h) => h.padStart(9)).join(" ")}`);
  console.log(metricsRow("logistic regression", Y, lrRow));
  console.log(metricsRow("network, as written", Y, P));
  console.log(metricsRow("network, true gradient", Y, PTrue));
  for (const [name, pred] of [["network, as written", P], ["network, true gradient", PTrue]] as const) {
    const cm = confusionMatrix(Y, pred);
    console.log(`\n${name}: confusion matrix [[TN FP] [FN TP]] = ${JSON.stringify(np.tolist(cm))}`);
    console.log(classificationReport(Y, pred, { zeroDivision: 0 }).trimEnd());
    figures.push([`confusion_matrix_${name.endsWith("written") ? "as_written" : "true_gradient"}`, plot.confusionMatrixFigure(cm, { title: `Confusion matrix, ${name}` })]);
  }

  figures.push([
    "activations",
    plot.activationsFigure(
      Object.values(activations).map((a) => ({ name: a.name, f: (z: NDArray) => a.forward(z).values(), df: (z: NDArray) => a.backward(z, a.forward(z)).values() })),
    ),
  ]);
  const schedules = [
    constantSchedule(1.2),
    stepSchedule(1.2, { every: 2000, factor: 0.5 }),
    exponentialSchedule(1.2, { k: 2e-4 }),
    inverseTimeSchedule(1.2, { k: 1e-3 }),
    cosineSchedule(1.2, { total: 10000 }),
  ];
  figures.push(["learning_rate_schedules", plot.learningRateSchedules(schedules.map((s) => ({ name: s.label, alpha: s })))]);

  if (!args.quick) {
    heading("Hidden-layer sizes (5000 iterations, true gradient)");
    const sweep = hiddenSizeSweep(X, Y);
    for (const row of sweep) console.log(sweepLine(row));
    figures.push([
      "hidden_size_sweep",
      plot.hiddenSizeSweep(sweep.map((r) => ({ hiddenSize: r.nH, accuracy: r.accuracyPercent, predict: (x: NDArray) => predict(r.parameters, x.T) })), X, Y),
    ]);

    heading("Extra datasets (4 hidden units, 10000 iterations, true gradient; training accuracy)");
    console.log(`${"dataset".padEnd(20)}${"logistic regression".padStart(21)}${"network".padStart(10)}`);
    for (const r of extraDatasetsTable()) {
      console.log(`${r.dataset.padEnd(20)}${(formatFixed(r.logisticRegressionPercent, 1) + " %").padStart(21)}${(formatFixed(r.networkPercent, 1) + " %").padStart(10)}`);
    }
  }

  if (args.figures) {
    const report = await writeReport(
      figures.map(([name, figure]) => ({ name, figure })),
      resolve(args.out),
      { title: "Deep Learning, lesson 2: the figures", intro: "Every figure of `npm start`, interactive (plotly.js); each one's static picture is the PNG beside this page." },
    );
    heading("Figures");
    console.log(`Wrote ${figures.length} figures (.png) and the report ${report.html} (${(report.bytes / 1e6).toFixed(1)} MB in all)`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});

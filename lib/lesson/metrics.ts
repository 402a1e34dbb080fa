/**
 * Part 4 of the lesson: the confusion matrix and the metrics built on it, with scikit-learn's
 * definitions (`sklearn.metrics`, version 1.2) and its edge cases:
 *
 *   accuracy  = (TP + TN) / (TP + FP + TN + FN)       (8.1)
 *   precision = TP / (TP + FP)                         (8.2)
 *   recall    = TP / (TP + FN)                         (8.3)
 *   F1        = 2 · precision · recall / (precision + recall)   (8.4)
 *
 * A ratio whose denominator is 0 is "ill-defined": it becomes `zeroDivision` (0 or 1, or 0 with an
 * `UndefinedMetricWarning` for the default `"warn"`), as in scikit-learn.
 * Labels may be any integers; precision, recall and F1 are binary (`posLabel`, default 1).
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";
import { type LabelsLike, labelValues } from "./validate.js";
import { formatFixed } from "./format.js";
import { warn } from "../notebook/warnings.js";

/** What an ill-defined ratio becomes: scikit-learn's `zero_division`. `"warn"` acts as 0 and warns. */
export type ZeroDivision = "warn" | 0 | 1;

/** Options of the binary metrics. */
export interface BinaryMetricOptions {
  /** The class counted as positive (scikit-learn's `pos_label`). Default 1. */
  posLabel?: number;
  /** Value of an ill-defined ratio. Default `"warn"`: 0 with an `UndefinedMetricWarning`. */
  zeroDivision?: ZeroDivision;
}

/** Both label vectors, checked: same length, not empty, finite integer labels. */
function pairOfLabels(yTrue: LabelsLike, yPred: LabelsLike): [Float64Array, Float64Array] {
  const t = labelValues(yTrue, "yTrue");
  const p = labelValues(yPred, "yPred");
  if (t.length !== p.length) {
    throw new ValueError(`Found input variables with inconsistent numbers of samples: [${t.length}, ${p.length}]`);
  }
  if (t.length === 0) throw new ValueError("Found empty input: yTrue and yPred have 0 samples");
  for (const [name, v] of [["yTrue", t], ["yPred", p]] as const) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isInteger(v[i])) {
        throw new ValueError(`${name} must hold class labels (integers), found ${v[i]} at index ${i}`);
      }
    }
  }
  return [t, p];
}

/** The sorted union of the labels in both vectors (scikit-learn's `unique_labels`). */
function uniqueLabels(...vs: Float64Array[]): number[] {
  const set = new Set<number>();
  for (const v of vs) for (const x of v) set.add(x);
  return [...set].sort((a, b) => a - b);
}

function checkZeroDivision(z: unknown): ZeroDivision {
  if (z === "warn" || z === 0 || z === 1) return z;
  throw new ValueError(`zeroDivision must be "warn", 0 or 1, got ${String(z)}`);
}

/**
 * Counts of true/false positives for one positive label.
 * tp: both positive; fp: predicted positive, truly not; fn: truly positive, predicted not.
 */
function counts(t: Float64Array, p: Float64Array, pos: number): { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < t.length; i++) {
    const isT = t[i] === pos, isP = p[i] === pos;
    if (isT && isP) tp++;
    else if (isP) fp++;
    else if (isT) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

/** scikit-learn's `_prf_divide` for one ratio. */
function divide(num: number, den: number, zero: ZeroDivision, what: string): number {
  if (den !== 0) return num / den;
  if (zero === "warn") {
    warn(
      `${what} is ill-defined and being set to 0.0 due to no ${what === "Precision" ? "predicted" : "true"} samples. ` +
        "Use `zeroDivision` parameter to control this behavior.",
      "UndefinedMetricWarning",
    );
    return 0;
  }
  return zero;
}

/** The positive label after scikit-learn's binary checks. */
function binaryPositive(t: Float64Array, p: Float64Array, posLabel: number): number {
  const present = uniqueLabels(t, p);
  if (present.length > 2) {
    throw new ValueError(
      `Target is multiclass (labels [${present.join(", ")}]) but these metrics are binary: ` +
        "compute them per class with classificationReport",
    );
  }
  if (!present.includes(posLabel) && present.length >= 2) {
    throw new ValueError(`posLabel=${posLabel} is not a valid label. It should be one of [${present.join(", ")}]`);
  }
  return posLabel;
}

/**
 * The confusion matrix `C`: `C[i, j]` counts the examples of true class `labels[i]` predicted as
 * `labels[j]` (scikit-learn's convention: rows are the truth). For 0/1 labels:
 * `[[TN, FP], [FN, TP]]`.
 *
 * @param yTrue - true labels, shape (m,), (1, m) or (m, 1), or a JS array
 * @param yPred - predicted labels, same length
 * @param options.labels - the classes, in the order of the rows; default: the sorted labels present
 * @returns an int64 NDArray of shape (k, k), k the number of labels
 * @throws ValueError on different lengths, empty input or non-integer labels
 * @example confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]) // array([[2, 0], [1, 1]])
 */
export function confusionMatrix(yTrue: LabelsLike, yPred: LabelsLike, options: { labels?: readonly number[] } = {}): NDArray {
  const [t, p] = pairOfLabels(yTrue, yPred);
  const labels = options.labels ? [...options.labels] : uniqueLabels(t, p);
  if (labels.length === 0) throw new ValueError("labels should contain at least one label.");
  const index = new Map(labels.map((l, i) => [l, i]));
  if (index.size !== labels.length) throw new ValueError(`labels must be unique, got [${labels.join(", ")}]`);
  const k = labels.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]), b = index.get(p[i]);
    if (a !== undefined && b !== undefined) out[a * k + b]++;
  }
  return NDArray.fromData(out, [k, k], "int64");
}

/**
 * The share of correct predictions, (TP + TN) / m (formula 8.1).
 *
 * @param yTrue - true labels, shape (m,), (1, m) or (m, 1)
 * @param yPred - predicted labels, same length
 * @returns a number in [0, 1]
 * @throws ValueError on different lengths, empty input or non-integer labels
 * @example accuracyScore([0, 1, 1, 0], [0, 1, 0, 0]) // 0.75
 */
export function accuracyScore(yTrue: LabelsLike, yPred: LabelsLike): number {
  const [t, p] = pairOfLabels(yTrue, yPred);
  let right = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) right++;
  return right / t.length;
}

/**
 * Precision TP / (TP + FP) (formula 8.2): of the examples predicted positive, the share truly positive.
 *
 * @param yTrue - true labels (binary), shape (m,), (1, m) or (m, 1)
 * @param yPred - predicted labels, same length
 * @param options - `posLabel` (default 1), `zeroDivision` (default "warn": 0 and a warning when nothing is predicted positive)
 * @returns a number in [0, 1]
 * @throws ValueError for more than two classes, a `posLabel` that is not a label, or bad input
 * @example precisionScore([0, 1, 1, 0], [1, 1, 0, 0]) // 0.5
 */
export function precisionScore(yTrue: LabelsLike, yPred: LabelsLike, options: BinaryMetricOptions = {}): number {
  return precisionRecallF1(yTrue, yPred, options).precision;
}

/**
 * Recall TP / (TP + FN) (formula 8.3): of the truly positive examples, the share found.
 *
 * @param yTrue - true labels (binary), shape (m,), (1, m) or (m, 1)
 * @param yPred - predicted labels, same length
 * @param options - `posLabel` (default 1), `zeroDivision` (default "warn": 0 and a warning when no example is positive)
 * @returns a number in [0, 1]
 * @throws ValueError for more than two classes, a `posLabel` that is not a label, or bad input
 * @example recallScore([0, 1, 1, 0], [1, 1, 0, 0]) // 0.5
 */
export function recallScore(yTrue: LabelsLike, yPred: LabelsLike, options: BinaryMetricOptions = {}): number {
  return precisionRecallF1(yTrue, yPred, options).recall;
}

/**
 * F1, the harmonic mean 2·P·R / (P + R) of precision and recall (formula 8.4); 0 when P + R = 0,
 * and `zeroDivision` (default 0) when there is no positive example and none predicted.
 *
 * @param yTrue - true labels (binary), shape (m,), (1, m) or (m, 1)
 * @param yPred - predicted labels, same length
 * @param options - `posLabel` (default 1), `zeroDivision` (default "warn")
 * @returns a number in [0, 1]
 * @throws ValueError for more than two classes, a `posLabel` that is not a label, or bad input
 * @example f1Score([0, 1, 1, 0], [1, 1, 0, 0]) // 0.5
 */
export function f1Score(yTrue: LabelsLike, yPred: LabelsLike, options: BinaryMetricOptions = {}): number {
  return precisionRecallF1(yTrue, yPred, options).f1;
}

/**
 * Precision, recall, F1 and support (number of true positives in the data) for one positive label,
 * computed together (scikit-learn's `precision_recall_fscore_support` with `average="binary"`).
 *
 * @param yTrue - true labels (binary)
 * @param yPred - predicted labels, same length
 * @param options - `posLabel` (default 1), `zeroDivision` (default "warn")
 * @returns `{ precision, recall, f1, support }`
 * @throws ValueError as {@link precisionScore}
 */
export function precisionRecallF1(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options: BinaryMetricOptions = {},
): { precision: number; recall: number; f1: number; support: number } {
  const [t, p] = pairOfLabels(yTrue, yPred);
  const zero = checkZeroDivision(options.zeroDivision ?? "warn");
  const pos = binaryPositive(t, p, options.posLabel ?? 1);
  return scoresFor(t, p, pos, zero);
}

function scoresFor(t: Float64Array, p: Float64Array, pos: number, zero: ZeroDivision) {
  const { tp, fp, fn } = counts(t, p, pos);
  const precision = divide(tp, tp + fp, zero, "Precision");
  const recall = divide(tp, tp + fn, zero, "Recall");
  // scikit-learn 1.2: F from P and R, 0 where P + R = 0 (so 1 only when both are ill-defined and zeroDivision = 1)
  const denom = precision + recall;
  const f1 = denom === 0 ? 0 : (2 * precision * recall) / denom;
  return { precision, recall, f1, support: tp + fn };
}

/**
 * A text report of precision, recall, F1 and support per class, then accuracy and the macro and
 * support-weighted averages: scikit-learn's `classification_report`, character for character.
 *
 * @param yTrue - true labels, shape (m,), (1, m) or (m, 1)
 * @param yPred - predicted labels, same length
 * @param options.digits - decimals (default 2)
 * @param options.targetNames - a name for each class, in sorted label order
 * @param options.zeroDivision - as for {@link precisionScore} (default "warn")
 * @returns the report, lines ending in "\n"
 * @throws ValueError on bad labels or a `targetNames` of the wrong length
 */
export function classificationReport(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options: { digits?: number; targetNames?: readonly string[]; zeroDivision?: ZeroDivision } = {},
): string {
  const [t, p] = pairOfLabels(yTrue, yPred);
  const zero = checkZeroDivision(options.zeroDivision ?? "warn");
  const digits = options.digits ?? 2;
  const labels = uniqueLabels(t, p);
  const names = options.targetNames ? [...options.targetNames] : labels.map(String);
  if (names.length !== labels.length) {
    throw new ValueError(
      `Number of classes, ${labels.length}, does not match the size of targetNames, ${names.length}. Try specifying the labels option`,
    );
  }
  const rows = labels.map((l) => scoresFor(t, p, l, zero));
  // scikit-learn 1.2 counts with float zeros when no prediction at all is right, and then prints
  // the supports as floats ("2.0"); we print what it prints
  const noneRight = accuracyScore(t, p) === 0;
  const count = (n: number) => (noneRight ? `${n}.0` : String(n)).padStart(9);
  const width = Math.max(...names.map((n) => n.length), "weighted avg".length, digits);
  const num = (x: number) => formatFixed(x, digits).padStart(9);
  const head = (s: string) => s.padStart(width);
  let out = head("") + " " + ["precision", "recall", "f1-score", "support"].map((h) => " " + h.padStart(9)).join("") + "\n\n";
  const line = (name: string, r: { precision: number; recall: number; f1: number }, support: number) =>
    `${head(name)}  ${num(r.precision)} ${num(r.recall)} ${num(r.f1)} ${count(support)}\n`;
  rows.forEach((r, i) => (out += line(names[i], r, r.support)));
  out += "\n";
  const total = t.length;
  out += `${head("accuracy")}  ${"".padStart(9)} ${"".padStart(9)} ${num(accuracyScore(t, p))} ${count(total)}\n`;
  const mean = (w: (i: number) => number) => {
    const sumW = rows.reduce((s, _, i) => s + w(i), 0);
    const avg = (key: "precision" | "recall" | "f1") => rows.reduce((s, r, i) => s + r[key] * w(i), 0) / sumW;
    return { precision: avg("precision"), recall: avg("recall"), f1: avg("f1") };
  };
  out += line("macro avg", mean(() => 1), total);
  out += line("weighted avg", mean((i) => rows[i].support), total);
  return out;
}

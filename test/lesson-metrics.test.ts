import test from "ava";
import {
  accuracyScore, classificationReport, confusionMatrix, f1Score, precisionRecallF1, precisionScore, recallScore,
} from "../lib/lesson/metrics.js";
import { lessonFixture as fx, arr } from "./support/fixtures.js";

const cases = Object.entries(fx.metrics as Record<string, any>);

for (const [name, c] of cases) {
  test(`confusionMatrix, accuracyScore, classificationReport match scikit-learn (${name})`, (t) => {
    const cm = confusionMatrix(c.y_true, c.y_pred);
    t.is(cm.dtype, "int64");
    t.deepEqual(cm.shape, [c.confusion_matrix.length, c.confusion_matrix.length]);
    t.deepEqual(Array.from(cm.values()), c.confusion_matrix.flat());
    t.is(accuracyScore(c.y_true, c.y_pred), c.accuracy);
    t.is(classificationReport(c.y_true, c.y_pred, { zeroDivision: 0 }), c.report);
    t.is(classificationReport(c.y_true, c.y_pred, { digits: 4, zeroDivision: 0 }), c.report_digits4);
  });
  if (!c.zero_division_0) continue;
  test(`precisionScore, recallScore, f1Score match scikit-learn with every zeroDivision (${name})`, (t) => {
    for (const zd of [0, 1] as const) {
      const e = c[`zero_division_${zd}`];
      t.is(precisionScore(c.y_true, c.y_pred, { zeroDivision: zd }), e.precision, `precision, zero_division=${zd}`);
      t.is(recallScore(c.y_true, c.y_pred, { zeroDivision: zd }), e.recall, `recall, zero_division=${zd}`);
      t.is(f1Score(c.y_true, c.y_pred, { zeroDivision: zd }), e.f1, `f1, zero_division=${zd}`);
    }
  });
}

test("precisionScore with zeroDivision 'warn' returns 0 and emits an UndefinedMetricWarning", async (t) => {
  const warned = new Promise<Error>((resolve) => process.once("warning", resolve));
  t.is(precisionScore([0, 1, 1, 0], [0, 0, 0, 0]), 0);
  const w = await warned;
  t.is(w.name, "UndefinedMetricWarning");
  t.regex(w.message, /^Precision is ill-defined and being set to 0\.0 due to no predicted samples/);
});

for (const [key, fit] of [["lesson_as_written", "nn_as_written"], ["lesson_true", "nn_true_gradient"]] as const) {
  test(`metrics of the lesson's network (${fit}) match scikit-learn's on NDArray rows (1, 400)`, (t) => {
    const e = fx.metrics[key];
    const Y = arr(fx.Y, "uint8");
    const P = arr(fx[fit].predictions, "int64");
    t.deepEqual(e.y_pred, fx[fit].predictions[0]); // scikit-learn scored these predictions
    t.deepEqual(confusionMatrix(Y, P).tolist(), e.confusion_matrix);
    const r = precisionRecallF1(Y, P);
    t.deepEqual({ precision: r.precision, recall: r.recall, f1: r.f1 }, e.zero_division_warn);
    t.is(r.support, e.confusion_matrix[1][0] + e.confusion_matrix[1][1]); // the true positives: row 1
    t.is(accuracyScore(Y, P), e.accuracy);
    t.is(accuracyScore(Y, P) * 100, fx[fit].accuracy_pct);
  });
}

test("confusionMatrix with labels orders rows and columns as given", (t) => {
  t.deepEqual(Array.from(confusionMatrix([0, 1, 1], [1, 1, 0], { labels: [1, 0] }).values()), [1, 1, 1, 0]);
});

test("precisionScore rejects multiclass targets, a missing posLabel and bad zeroDivision", (t) => {
  t.throws(() => precisionScore([0, 1, 2], [0, 1, 1]), { message: /^Target is multiclass \(labels \[0, 1, 2\]\)/ });
  t.throws(() => precisionScore([0, 2, 2], [0, 2, 0]), { message: "posLabel=1 is not a valid label. It should be one of [0, 2]" });
  t.is(precisionScore([0, 2, 2], [0, 2, 0], { posLabel: 2 }), 1);
  // @ts-expect-error a bad value on purpose
  t.throws(() => f1Score([0, 1], [0, 1], { zeroDivision: 2 }), { message: 'zeroDivision must be "warn", 0 or 1, got 2' });
});

test("accuracyScore rejects different lengths, empty input, non-integer labels and matrices", (t) => {
  t.throws(() => accuracyScore([0, 1, 1], [0, 1]), { message: "Found input variables with inconsistent numbers of samples: [3, 2]" });
  t.throws(() => accuracyScore([], []), { message: "Found empty input: yTrue and yPred have 0 samples" });
  t.throws(() => accuracyScore([0, 0.5], [0, 1]), { message: "yTrue must hold class labels (integers), found 0.5 at index 1" });
  t.throws(() => accuracyScore([0, NaN], [0, 1]), { message: "yTrue must hold class labels (integers), found NaN at index 1" });
  t.throws(() => accuracyScore(arr([[0, 1], [1, 0]]), [0, 1, 1, 0]), {
    message: "yTrue must be 1-D, a row (1, m) or a column (m, 1), got shape (2,2)",
  });
});

test("classificationReport names classes with targetNames and checks their number", (t) => {
  const r = classificationReport([0, 1, 1], [0, 1, 0], { targetNames: ["red", "blue"] });
  t.regex(r, /^ {9}red {7}0\.50 {6}1\.00 {6}0\.67 {9}1$/m);
  t.throws(() => classificationReport([0, 1], [0, 1], { targetNames: ["a"] }), {
    message: "Number of classes, 2, does not match the size of targetNames, 1. Try specifying the labels option",
  });
});

import test from "ava";
import { LogisticRegression } from "../lib/lesson/logistic-regression.js";
import { NDArray } from "../lib/np/ndarray.js";
import { lessonFixture as fx, arr, maxDiff } from "./support/fixtures.js";

const X = arr(fx.X);
const Y = arr(fx.Y, "uint8");
const lr = fx.logistic_regression;

/** The gradient of ½‖w‖² + C Σ log(1 + e^{−s z}) at (w, b): zero at the exact optimum. */
function gradient(w: ArrayLike<number>, b: number, C: number): number[] {
  const x = X.values(), y = Y.values(), m = Y.size;
  const g = [w[0], w[1], 0];
  for (let i = 0; i < m; i++) {
    const z = w[0] * x[i] + w[1] * x[m + i] + b;
    const r = C * (1 / (1 + Math.exp(-z)) - y[i]);
    g[0] += r * x[i];
    g[1] += r * x[m + i];
    g[2] += r;
  }
  return g;
}

test("LogisticRegression.fit on the flower data reaches the exact optimum, near scikit-learn's lbfgs stop", (t) => {
  const clf = new LogisticRegression().fit(X.T, Y.ravel());
  t.deepEqual(clf.coef.shape, [1, 2]);
  t.deepEqual(clf.intercept.shape, [1]);
  // lbfgs stops where its gradient is below 1e-4·scale (here 7e-4); Newton goes to the optimum
  const g = gradient(clf.coef.values(), clf.intercept.item(), 1);
  t.true(Math.max(...g.map(Math.abs)) < 1e-10, `gradient ${g}`);
  t.true(maxDiff(clf.coef, lr.coef) < 1e-5, `coef ${clf.coef.values()} vs ${lr.coef}`);
  t.true(maxDiff(clf.intercept, lr.intercept) < 1e-5, `intercept ${clf.intercept.values()} vs ${lr.intercept}`);
  t.deepEqual(clf.classes, [0, 1]);
  t.true(clf.nIter >= 2 && clf.nIter < 20);
});

test("LogisticRegression.predict gives scikit-learn's predictions and the lesson's 47 %", (t) => {
  const clf = new LogisticRegression().fit(X.T, Y.ravel());
  const P = clf.predict(X.T);
  t.is(P.dtype, "uint8");
  t.deepEqual(Array.from(P.values()), lr.predictions);
  t.is(clf.score(X.T, Y.ravel()), 0.47);
  t.true(maxDiff(clf.predictProba(X.T).values().subarray(0, 10), lr.proba_head) < 1e-4);
});

test("LogisticRegression.fit with a column y warns like scikit-learn (the lesson's In[4])", async (t) => {
  const warned = new Promise<Error>((resolve) => process.once("warning", resolve));
  const clf = new LogisticRegression().fit(X.T, Y.T);
  const w = await warned;
  t.is(w.name, "DataConversionWarning");
  t.regex(w.message, /^A column-vector y was passed when a 1d array was expected/);
  t.true(maxDiff(clf.coef, lr.coef) < 1e-5);
});

test("LogisticRegression with C = 0.01 matches scikit-learn", (t) => {
  const clf = new LogisticRegression({ C: 0.01 }).fit(X.T, Y.ravel());
  t.true(maxDiff(clf.coef, lr.C_0_01.coef) < 1e-5, `${clf.coef.values()} vs ${lr.C_0_01.coef}`);
  t.true(maxDiff(clf.intercept, lr.C_0_01.intercept) < 1e-5);
  const g = gradient(clf.coef.values(), clf.intercept.item(), 0.01);
  t.true(Math.max(...g.map(Math.abs)) < 1e-10, `gradient ${g}`);
});

test("LogisticRegression keeps other labels: predicts classes[0] or classes[1]", (t) => {
  const Xs = arr([[0], [1], [2], [3], [4], [5]]);
  const clf = new LogisticRegression().fit(Xs, [3, 3, 3, 7, 7, 7]);
  t.deepEqual(clf.classes, [3, 7]);
  t.deepEqual(Array.from(clf.predict(arr([[-5], [10]])).values()), [3, 7]);
});

test("LogisticRegression.fit rejects one class, three classes, NaN, empty input and wrong shapes", (t) => {
  const clf = new LogisticRegression();
  t.throws(() => clf.fit(arr([[0], [1]]), [1, 1]), {
    message: "This solver needs samples of at least 2 classes in the data, but the data contains only one class: 1",
  });
  t.throws(() => clf.fit(arr([[0], [1], [2]]), [0, 1, 2]), { message: "LogisticRegression here is binary, but y has 3 classes: [0, 1, 2]" });
  t.throws(() => clf.fit(arr([[0], [1]]), [0, 0.5]), {
    message: "Unknown label type: 'continuous' (y holds 0.5 at index 1): LogisticRegression needs class labels",
  });
  t.throws(() => clf.fit(arr([[0], [NaN]]), [0, 1]), { message: "Input X contains NaN (at flat index 1)." });
  t.throws(() => clf.fit(NDArray.empty([0, 2]), []), { message: "Found array with 0 sample(s) (X shape=(0,2)) while a minimum of 1 is required." });
  t.throws(() => clf.fit(X, Y.ravel()), { message: "Found input variables with inconsistent numbers of samples: [2, 400]" });
  t.throws(() => clf.fit(X.T, Y), { message: "y should be a 1d array, got an array of shape (1,400) instead." });
  t.throws(() => clf.fit(X.ravel(), Y.ravel()), { message: "X must be 2-D with shape (n_samples, n_features), got shape (800,)" });
  t.throws(() => new LogisticRegression({ C: 0 }), { message: "C must be a finite number > 0, got 0" });
});

test("LogisticRegression.predict before fit, or with the wrong number of features, throws", (t) => {
  t.throws(() => new LogisticRegression().predict(X.T), { message: /^This LogisticRegression instance is not fitted yet/ });
  const clf = new LogisticRegression().fit(X.T, Y.ravel());
  t.throws(() => clf.predict(X), { message: "X has 400 features (shape (2,400)), but LogisticRegression is expecting 2 features as input." });
});

/**
 * The lesson's baseline: scikit-learn's `LogisticRegression()` with its defaults (L2 penalty,
 * C = 1, an unpenalised intercept), for two classes.
 *
 * It minimises the same objective as scikit-learn,
 *
 *   ½‖w‖² + C · Σᵢ log(1 + exp(−sᵢ (w·xᵢ + b))),   sᵢ = ±1,
 *
 * but with Newton's method (IRLS) and a backtracking line search instead of lbfgs: the objective
 * is strictly convex, so Newton reaches the exact optimum in a few steps, where lbfgs stops at its
 * tolerance (1e-4). Coefficients therefore agree with scikit-learn's to about 1e-4, and the
 * predictions on the lesson's data are the same (47 %).
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError, formatShape } from "../np/errors.js";
import { checkFinite, checkMatrix, checkNotEmpty, describe } from "./validate.js";
import { warn } from "../notebook/warnings.js";

/** Options of {@link LogisticRegression}, named as scikit-learn's. */
export interface LogisticRegressionOptions {
  /** Inverse of the L2 regularisation strength (scikit-learn's `C`). Default 1. */
  C?: number;
  /** Fit an intercept (not penalised). Default true. */
  fitIntercept?: boolean;
  /** Newton iterations at most. Default 100. */
  maxIter?: number;
  /** Stop when the largest gradient component is below tol · (1 + |objective|). Default 1e-12. */
  tol?: number;
}

/**
 * Binary logistic regression with L2 penalty: scikit-learn's `LogisticRegression()` defaults.
 *
 * @example
 * const clf = new LogisticRegression();
 * clf.fit(X.T, Y.T);                    // X.T: (400, 2), Y.T: (400, 1) — warns like scikit-learn, then ravels
 * const predictions = clf.predict(X.T); // (400,) labels
 */
export class LogisticRegression {
  /** Inverse regularisation strength. */
  readonly C: number;
  /** Whether an intercept is fitted. */
  readonly fitIntercept: boolean;
  /** Iteration limit. */
  readonly maxIter: number;
  /** Convergence tolerance. */
  readonly tol: number;
  private fitted?: { w: Float64Array; b: number; classes: [number, number]; dtype: NDArray["dtype"]; nIter: number };

  /**
   * @param options - `C` (default 1), `fitIntercept` (default true), `maxIter` (default 100), `tol` (default 1e-12)
   * @throws ValueError when C is not a finite positive number
   */
  constructor(options: LogisticRegressionOptions = {}) {
    this.C = options.C ?? 1;
    this.fitIntercept = options.fitIntercept ?? true;
    this.maxIter = options.maxIter ?? 100;
    this.tol = options.tol ?? 1e-12;
    if (!(Number.isFinite(this.C) && this.C > 0)) throw new ValueError(`C must be a finite number > 0, got ${this.C}`);
  }

  /**
   * Fits the model.
   *
   * @param X - training data, shape (n_samples, n_features)
   * @param y - labels, shape (n_samples,), or (n_samples, 1) with scikit-learn's DataConversionWarning;
   *   exactly two distinct values
   * @returns this
   * @throws ValueError on a wrong shape, an empty or non-finite X, or a number of classes other than 2
   */
  fit(X: NDArray, y: NDArray | readonly number[]): this {
    checkMatrix(X, "X", "(n_samples, n_features)");
    checkNotEmpty(X, "X", 0);
    const x = Float64Array.from(X.values());
    checkFinite(x, "X");
    const labels = this.labelsOf(y);
    const [m, n] = X.shape;
    if (labels.values.length !== m) {
      throw new ValueError(`Found input variables with inconsistent numbers of samples: [${m}, ${labels.values.length}]`);
    }
    checkFinite(labels.values, "y");
    const frac = labels.values.findIndex((v) => !Number.isInteger(v));
    if (frac >= 0) {
      throw new ValueError(
        `Unknown label type: 'continuous' (y holds ${labels.values[frac]} at index ${frac}): LogisticRegression needs class labels`,
      );
    }
    const classes = [...new Set(labels.values)].sort((a, b) => a - b);
    if (classes.length !== 2) {
      throw new ValueError(
        classes.length < 2
          ? `This solver needs samples of at least 2 classes in the data, but the data contains only one class: ${classes[0]}`
          : `LogisticRegression here is binary, but y has ${classes.length} classes: [${classes.join(", ")}]`,
      );
    }
    const t = new Float64Array(m);
    for (let i = 0; i < m; i++) t[i] = labels.values[i] === classes[1] ? 1 : 0;
    const { w, b, nIter } = this.newton(x, t, m, n);
    this.fitted = { w, b, classes: [classes[0], classes[1]], dtype: labels.dtype, nIter };
    return this;
  }

  /** The weights, shape (1, n_features), as scikit-learn's `coef_`. */
  get coef(): NDArray {
    const f = this.model();
    return NDArray.fromData(Float64Array.from(f.w), [1, f.w.length], "float64");
  }

  /** The intercept, shape (1,), as scikit-learn's `intercept_`. */
  get intercept(): NDArray {
    return NDArray.fromData(Float64Array.of(this.model().b), [1], "float64");
  }

  /** The two class labels, sorted, as scikit-learn's `classes_`. */
  get classes(): readonly number[] {
    return this.model().classes;
  }

  /** Newton iterations the fit took (scikit-learn's `n_iter_`). */
  get nIter(): number {
    return this.model().nIter;
  }

  /**
   * The signed distance to the boundary, w·x + b, for each sample.
   *
   * @param X - shape (n_samples, n_features)
   * @returns float64, shape (n_samples,)
   * @throws ValueError when not fitted, or on a wrong number of features
   */
  decisionFunction(X: NDArray): NDArray {
    const { w, b } = this.model();
    checkMatrix(X, "X", "(n_samples, n_features)");
    if (X.shape[1] !== w.length) {
      throw new ValueError(
        `X has ${X.shape[1]} features (shape ${formatShape(X.shape)}), but LogisticRegression is expecting ${w.length} features as input.`,
      );
    }
    const x = X.values();
    checkFinite(x, "X");
    const [m, n] = X.shape;
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let j = 0; j < n; j++) z += x[i * n + j] * w[j];
      out[i] = z + b;
    }
    return NDArray.fromData(out, [m], "float64");
  }

  /**
   * Class probabilities.
   *
   * @param X - shape (n_samples, n_features)
   * @returns float64, shape (n_samples, 2): P(classes[0]), P(classes[1])
   * @throws as {@link decisionFunction}
   */
  predictProba(X: NDArray): NDArray {
    const z = this.decisionFunction(X).values();
    const out = new Float64Array(2 * z.length);
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-z[i]));
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return NDArray.fromData(out, [z.length, 2], "float64");
  }

  /**
   * The predicted class of each sample: `classes[1]` where w·x + b > 0, else `classes[0]`.
   *
   * @param X - shape (n_samples, n_features)
   * @returns labels, shape (n_samples,), in the dtype of the y given to `fit`
   * @throws as {@link decisionFunction}
   */
  predict(X: NDArray): NDArray {
    const { classes, dtype } = this.model();
    const z = this.decisionFunction(X).values();
    const out = NDArray.empty([z.length], dtype);
    const v = out.values();
    for (let i = 0; i < z.length; i++) v[i] = z[i] > 0 ? classes[1] : classes[0];
    return out;
  }

  /** The mean accuracy on (X, y), as scikit-learn's `score`. */
  score(X: NDArray, y: NDArray | readonly number[]): number {
    const p = this.predict(X).values();
    const t = this.labelsOf(y).values;
    if (t.length !== p.length) {
      throw new ValueError(`Found input variables with inconsistent numbers of samples: [${p.length}, ${t.length}]`);
    }
    let right = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === t[i]) right++;
    return right / p.length;
  }

  private model() {
    if (!this.fitted) {
      throw new ValueError(
        "This LogisticRegression instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
      );
    }
    return this.fitted;
  }

  private labelsOf(y: NDArray | readonly number[]): { values: Float64Array; dtype: NDArray["dtype"] } {
    if (Array.isArray(y)) return { values: Float64Array.from(y as number[]), dtype: "int64" };
    if (!(y instanceof NDArray)) throw new TypeError(`y must be an NDArray or an array of labels, got ${describe(y)}`);
    if (y.ndim === 2 && y.shape[1] === 1) {
      // scikit-learn warns here and ravels; the lesson's In[4] shows this warning
      warn(
        "A column-vector y was passed when a 1d array was expected. Please change the shape of y to (n_samples, ), for example using ravel().",
        "DataConversionWarning",
        "LogisticRegression.fit",
      );
    } else if (y.ndim !== 1) {
      throw new ValueError(`y should be a 1d array, got an array of shape ${formatShape(y.shape)} instead.`);
    }
    return { values: Float64Array.from(y.values()), dtype: y.dtype === "bool" ? "bool" : y.dtype };
  }

  /** Newton's method with backtracking on the penalised log-loss; t holds 0/1 targets. */
  private newton(x: Float64Array, t: Float64Array, m: number, n: number) {
    const d = n + (this.fitIntercept ? 1 : 0);
    const theta = new Float64Array(d); // [w..., b]
    const C = this.C;
    const zOf = (th: Float64Array, i: number) => {
      let z = this.fitIntercept ? th[n] : 0;
      for (let j = 0; j < n; j++) z += x[i * n + j] * th[j];
      return z;
    };
    const objective = (th: Float64Array) => {
      let loss = 0;
      for (let i = 0; i < m; i++) {
        const s = t[i] === 1 ? 1 : -1;
        const u = -s * zOf(th, i); // log(1 + e^u), stably
        loss += u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
      }
      let reg = 0;
      for (let j = 0; j < n; j++) reg += th[j] * th[j];
      return 0.5 * reg + C * loss;
    };
    let f = objective(theta);
    let iter = 0;
    for (; iter < this.maxIter; iter++) {
      const g = new Float64Array(d);
      const H = new Float64Array(d * d);
      for (let j = 0; j < n; j++) {
        g[j] = theta[j];
        H[j * d + j] = 1;
      }
      const row = new Float64Array(d);
      for (let i = 0; i < m; i++) {
        const z = zOf(theta, i);
        const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        for (let j = 0; j < n; j++) row[j] = x[i * n + j];
        if (this.fitIntercept) row[n] = 1;
        const r = C * (p - t[i]);
        const wgt = C * p * (1 - p);
        for (let j = 0; j < d; j++) {
          g[j] += r * row[j];
          for (let k = 0; k < d; k++) H[j * d + k] += wgt * row[j] * row[k];
        }
      }
      let gmax = 0;
      for (let j = 0; j < d; j++) gmax = Math.max(gmax, Math.abs(g[j]));
      if (gmax <= this.tol * (1 + Math.abs(f))) break;
      const step = solve(H, g, d);
      let stepMax = 0, thetaMax = 0;
      for (let j = 0; j < d; j++) {
        stepMax = Math.max(stepMax, Math.abs(step[j]));
        thetaMax = Math.max(thetaMax, Math.abs(theta[j]));
      }
      // backtracking line search (Armijo); near the optimum the objective cannot resolve the
      // decrease, so a step within rounding noise of f is accepted
      let slope = 0;
      for (let j = 0; j < d; j++) slope -= g[j] * step[j];
      const noise = 1e-13 * (1 + Math.abs(f));
      let a = 1;
      const next = new Float64Array(d);
      for (; a >= 1e-10; a /= 2) {
        for (let j = 0; j < d; j++) next[j] = theta[j] - a * step[j];
        const fn = objective(next);
        if (fn <= f + 1e-4 * a * slope + noise) {
          theta.set(next);
          f = fn;
          break;
        }
      }
      if (a < 1e-10 || stepMax <= 1e-15 * (1 + thetaMax)) break; // no further progress possible
    }
    return { w: theta.slice(0, n), b: this.fitIntercept ? theta[n] : 0, nIter: Math.min(iter + 1, this.maxIter) };
  }
}

/** Solves H s = g for a small symmetric positive-definite H (Gaussian elimination, partial pivoting). */
function solve(H: Float64Array, g: Float64Array, d: number): Float64Array {
  const A = Float64Array.from(H);
  const s = Float64Array.from(g);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r * d + c]) > Math.abs(A[piv * d + c])) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) [A[c * d + k], A[piv * d + k]] = [A[piv * d + k], A[c * d + k]];
      [s[c], s[piv]] = [s[piv], s[c]];
    }
    const diag = A[c * d + c];
    for (let r = c + 1; r < d; r++) {
      const fct = A[r * d + c] / diag;
      if (fct === 0) continue;
      for (let k = c; k < d; k++) A[r * d + k] -= fct * A[c * d + k];
      s[r] -= fct * s[c];
    }
  }
  for (let c = d - 1; c >= 0; c--) {
    let v = s[c];
    for (let k = c + 1; k < d; k++) v -= A[c * d + k] * s[k];
    s[c] = v / A[c * d + c];
  }
  return s;
}

/**
 * The lesson's 2-layer network (In[5]–In[12]), written with `np` the way the original is written
 * with numpy: tanh hidden layer, sigmoid output, cross-entropy cost, gradient descent.
 *
 *   Z1 = W1·X + b1,  A1 = tanh(Z1),  Z2 = W2·A1 + b2,  A2 = sigmoid(Z2)          (1.1–2.2)
 *   J  = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)]                                (4)
 *   dZ2 = A2 − Y,  dW2 = (1/m) dZ2·A1ᵀ,  db2 = (1/m) Σ dZ2                          (5.1–5.3)
 *   dZ1 = W2ᵀ·dZ2 * (1 − A1²),  dW1 = (1/m) dZ1·Xᵀ,  db1 = (1/m) Σ_i dZ1[:, i]      (6.1–6.3)
 *
 * Each public function checks its arguments once, then runs the arithmetic of steps.ts. These are
 * the reference implementations; `nnModel` and `predict` (train.ts) run the same arithmetic in fused
 * loops for speed, and the tests check that both give the same numbers.
 * @module
 */
import * as np from "../np/index.js";
import { NDArray } from "../np/ndarray.js";
import { ValueError, alignError, formatShape } from "../np/errors.js";
import { type Activation, type ActivationName, getActivation } from "./activations.js";
import { type GradientKind, backwardStep, costStep, forwardStep, updateStep } from "./steps.js";
import { checkBinaryLabels, checkFinite, checkMatrix, checkNotEmpty, checkSameColumns } from "./validate.js";

/** The network's parameters, as the lesson's `parameters` dictionary. */
export interface Parameters {
  /** Hidden-layer weights, shape (n_h, n_x). */
  W1: NDArray;
  /** Hidden-layer biases, shape (n_h, 1). */
  b1: NDArray;
  /** Output-layer weights, shape (n_y, n_h). */
  W2: NDArray;
  /** Output-layer bias, shape (n_y, 1). */
  b2: NDArray;
}

/** What forward propagation keeps for the backward pass, as the lesson's `cache`. */
export interface Cache {
  /** W1·X + b1, shape (n_h, m). */
  Z1: NDArray;
  /** g(Z1) (tanh in the lesson), shape (n_h, m). */
  A1: NDArray;
  /** W2·A1 + b2, shape (n_y, m). */
  Z2: NDArray;
  /** sigmoid(Z2), shape (n_y, m). */
  A2: NDArray;
}

/**
 * Gradients of the cost. With the true gradient `db1` is (n_h, 1) and `db2` is (n_y, 1); the
 * original's version gives numbers (`np.sum` over every axis), which broadcast in the update.
 */
export interface Gradients {
  /** ∂J/∂W1, shape (n_h, n_x). */
  dW1: NDArray;
  /** ∂J/∂b1, shape (n_h, 1) — or one number in the original's version. */
  db1: NDArray | number;
  /** ∂J/∂W2, shape (n_y, n_h). */
  dW2: NDArray;
  /** ∂J/∂b2, shape (n_y, 1) — or one number in the original's version. */
  db2: NDArray | number;
}

/** Options shared by the forward and backward passes. */
export interface ActivationOption {
  /** The hidden layer's activation (default "tanh", the lesson's). */
  activation?: ActivationName | Activation;
}

/**
 * The sizes of the three layers (In[5]): inputs from X, 4 hidden units, outputs from Y.
 *
 * @param X - input data, shape (n_x, m)
 * @param Y - labels, shape (n_y, m)
 * @returns `[n_x, n_h, n_y]` with n_h = 4
 * @throws ValueError when X or Y is not 2-D
 * @example layerSizes(X, Y) // [2, 4, 1]
 */
export function layerSizes(X: NDArray, Y: NDArray): [number, number, number] {
  checkMatrix(X, "X", "(n_x, m)");
  checkMatrix(Y, "Y", "(n_y, m)");
  const nX = X.shape[0];
  const nH = 4;
  const nY = Y.shape[0];
  return [nX, nH, nY];
}

/**
 * Random weights from the standard normal distribution and zero biases (In[6]). Seeds numpy's
 * global generator with 2 first, as the lesson ("ЭТУ СТРОКУ НЕ РЕДАКТИРОВАТЬ").
 *
 * @param nX - size of the input layer
 * @param nH - size of the hidden layer
 * @param nY - size of the output layer
 * @returns `{ W1: (nH, nX), b1: (nH, 1), W2: (nY, nH), b2: (nY, 1) }`, float64
 * @throws ValueError when a size is not a positive integer
 * @example initializeParameters(2, 4, 1).W1.get(0, 0) // -0.4167578474054706
 */
export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  for (const [name, v] of [["nX", nX], ["nH", nH], ["nY", nY]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ValueError(`${name} must be a positive integer, got ${v}`);
  }
  np.random.seed(2); // ЭТУ СТРОКУ НЕ РЕДАКТИРОВАТЬ
  const W1 = np.random.normal(0, 1, [nH, nX]);
  const b1 = np.zeros([nH, 1]);
  const W2 = np.random.normal(0, 1, [nY, nH]);
  const b2 = np.zeros([nY, 1]);
  return { W1, b1, W2, b2 };
}

/**
 * Checks parameters against each other and, when given, against X: the shapes the lesson's
 * `np.dot(W1, X)` and the bias additions need. Scans no values.
 *
 * @param p - `{ W1: (n_h, n_x), b1: (n_h, 1), W2: (n_y, n_h), b2: (n_y, 1) }`
 * @param X - input data, shape (n_x, m)
 * @returns `[n_x, n_h, n_y]`
 * @throws TypeError when a parameter is not an NDArray; ValueError naming the parameter (or X) and
 *   the shape it needs when shapes do not fit
 */
export function checkParameters(p: Parameters, X?: NDArray): [number, number, number] {
  if (typeof p !== "object" || p === null) throw new TypeError("parameters must be an object { W1, b1, W2, b2 }");
  for (const k of ["W1", "b1", "W2", "b2"] as const) {
    if (!(p[k] instanceof NDArray)) throw new TypeError(`parameters.${k} must be an NDArray`);
  }
  const [nH, nX] = checkMatrix(p.W1, "W1", "(n_h, n_x)").shape;
  const [nY, nH2] = checkMatrix(p.W2, "W2", "(n_y, n_h)").shape;
  const bad = (k: string, want: string, got: NDArray) =>
    new ValueError(`parameters.${k} must have shape ${want}, got ${formatShape(got.shape)}`);
  if (nH2 !== nH) throw bad("W2", `(n_y, ${nH}) to match W1 ${formatShape(p.W1.shape)}`, p.W2);
  if (p.b1.ndim !== 2 || p.b1.shape[0] !== nH || p.b1.shape[1] !== 1) throw bad("b1", formatShape([nH, 1]), p.b1);
  if (p.b2.ndim !== 2 || p.b2.shape[0] !== nY || p.b2.shape[1] !== 1) throw bad("b2", formatShape([nY, 1]), p.b2);
  if (X !== undefined) {
    checkMatrix(X, "X", "(n_x, m)");
    if (X.shape[0] !== nX) {
      const transposed = X.shape[1] === nX ? "; one column per example: is it transposed (X.T)?" : "";
      throw new ValueError(
        `X must have shape (n_x, m) with n_x = ${nX} for W1 of shape ${formatShape(p.W1.shape)}, got shape ` +
          `${formatShape(X.shape)}${transposed} (numpy: ${alignError(p.W1.shape, X.shape, 1, 0).message})`,
      );
    }
  }
  return [nX, nH, nY];
}

/**
 * Forward propagation (In[7]): Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2).
 *
 * @param X - input data, shape (n_x, m)
 * @param parameters - `{ W1, b1, W2, b2 }`
 * @param options.activation - the hidden activation (default "tanh")
 * @returns `[A2, cache]`: A2 of shape (n_y, m), cache `{ Z1, A1, Z2, A2 }`
 * @throws ValueError when shapes do not fit together
 * @example const [A2, cache] = forwardPropagation(X, parameters);
 */
export function forwardPropagation(X: NDArray, parameters: Parameters, options: ActivationOption = {}): [NDArray, Cache] {
  checkParameters(parameters, X);
  return forwardStep(X, parameters, getActivation(options.activation ?? "tanh"));
}

/**
 * The cross-entropy cost (formula 4): J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)].
 *
 * @param A2 - the network's output, shape (1, m)
 * @param Y - true labels 0/1, shape (1, m)
 * @param parameters - unused, as in the lesson (kept for its signature)
 * @returns the cost, a number
 * @throws ValueError when shapes differ or labels are not 0/1
 * @example computeCost(A2, Y) // 1.127379680265424 at the lesson's initial parameters
 */
export function computeCost(A2: NDArray, Y: NDArray, parameters?: Parameters): number {
  void parameters;
  checkMatrix(A2, "A2", "(n_y, m)");
  checkMatrix(Y, "Y", "(n_y, m)");
  if (A2.shape[0] !== Y.shape[0] || A2.shape[1] !== Y.shape[1]) {
    throw new ValueError(`A2 and Y must have the same shape, got ${formatShape(A2.shape)} and ${formatShape(Y.shape)}`);
  }
  checkNotEmpty(Y, "Y", 1);
  checkBinaryLabels(Y.values(), "Y");
  return costStep(A2, Y);
}

/**
 * Checks X and Y for training once, before any loop: 2-D, same number of examples, not empty,
 * finite, labels 0/1 (scans every value of X and Y).
 *
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (n_y, m)
 * @throws TypeError or ValueError naming X or Y and what is wrong
 */
export function checkTrainingData(X: NDArray, Y: NDArray): void {
  checkMatrix(X, "X", "(n_x, m)");
  checkMatrix(Y, "Y", "(n_y, m)");
  checkSameColumns(X, "X", Y, "Y");
  checkNotEmpty(X, "X", 1);
  checkFinite(X.values(), "X");
  checkBinaryLabels(Y.values(), "Y");
}

/**
 * Backward propagation with the true gradient: each hidden unit's bias gets its own derivative,
 * db1 = (1/m) Σ_i dZ1[:, i] (formula 6.3, `np.sum(dZ1, axis=1, keepdims=True)`).
 *
 * @param parameters - `{ W1, b1, W2, b2 }`
 * @param cache - `{ Z1, A1, Z2, A2 }` from {@link forwardPropagation}
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param options.activation - the hidden activation used forward (default "tanh")
 * @returns `{ dW1: (n_h, n_x), db1: (n_h, 1), dW2: (n_y, n_h), db2: (n_y, 1) }`
 * @throws ValueError on mismatched shapes, NaN in X, or labels other than 0/1
 */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray, options: ActivationOption = {}): Gradients {
  return backwardChecked(parameters, cache, X, Y, options, "true");
}

/**
 * Backward propagation as the original lesson wrote it (In[9]): `db1 = 1/m * np.sum(dZ1)` sums over
 * every axis, so all hidden units share one bias derivative, the sum of theirs. The lesson's
 * printed costs come from this version; {@link gradCheck} shows how it differs from the true gradient.
 *
 * @param parameters - `{ W1, b1, W2, b2 }`
 * @param cache - `{ Z1, A1, Z2, A2 }` from {@link forwardPropagation}
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param options.activation - the hidden activation used forward (default "tanh")
 * @returns `{ dW1, db1: number, dW2, db2: number }`
 * @throws ValueError on mismatched shapes, NaN in X, or labels other than 0/1
 */
export function backwardPropagationAsWritten(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray, options: ActivationOption = {}): Gradients {
  return backwardChecked(parameters, cache, X, Y, options, "as-written");
}

/** Both backward passes: the data checked once, then the arithmetic of steps.ts. */
function backwardChecked(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray, options: ActivationOption, kind: GradientKind): Gradients {
  checkTrainingData(X, Y);
  return backwardStep(parameters, cache, X, Y, getActivation(options.activation ?? "tanh"), kind);
}

/**
 * One gradient-descent step (In[10]): θ = θ − α·dθ for each parameter. Returns new arrays.
 *
 * @param parameters - `{ W1, b1, W2, b2 }`
 * @param grads - `{ dW1, db1, dW2, db2 }` from either backward pass
 * @param learningRate - α (default 1.2, the lesson's)
 * @returns the updated parameters
 * @throws ValueError when a gradient's shape does not fit its parameter
 */
export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  checkParameters(parameters);
  if (!Number.isFinite(learningRate)) throw new ValueError(`learningRate must be a finite number, got ${learningRate}`);
  const updated = updateStep(parameters, grads, learningRate);
  for (const k of ["W1", "b1", "W2", "b2"] as const) {
    const theta = parameters[k], out = updated[k], d = grads[`d${k}`];
    if (out.ndim !== theta.ndim || out.shape.some((n, i) => n !== theta.shape[i])) {
      const dShape = formatShape(typeof d === "number" ? [] : d.shape);
      throw new ValueError(`d${k} of shape ${dShape} does not fit ${k} of shape ${formatShape(theta.shape)}`);
    }
  }
  return updated;
}

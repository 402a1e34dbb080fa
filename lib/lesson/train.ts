/**
 * Training (In[11]–In[13]): `nnModel` runs gradient descent; `predict` (lib/lesson/predict.ts, exported
 * from here too) thresholds the network's output.
 *
 * Both check their input once, at the start, then run fused loops over Float64Arrays by default:
 * the same arithmetic, in the same order, as the `np` functions of steps.ts (which `implementation:
 * "np"` runs, line for line as the lesson), but without allocating arrays each step, with the
 * exp/log of `np`'s fastmath module and the activation's own loops: training runs its `forwardInto` and
 * `backwardInto` over the whole hidden layer and the rest in np's WebAssembly SIMD kernels (see
 * trainFused), prediction its `forwardInto` loop per block of examples. No name is tested. test/lesson-train.test.ts checks that
 * both give the same numbers.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError, formatShape } from "../np/errors.js";
import { exp as fexp, log as flog } from "../np/fastmath.js";
import { logInto, sigmoidInto } from "../np/wasm/math.js";
import { backwardSums, denseInto, reserveFloat64 } from "../np/wasm/dense.js";
import { type Activation, type ActivationName, getActivation } from "./activations.js";
import type { Schedule } from "./schedules.js";
import { formatFixed } from "./format.js";
import { type Parameters, checkTrainingData, initializeParameters, layerSizes } from "./network.js";
import { type GradientKind, backwardStep, costStep, forwardStep, updateStep } from "./steps.js";
import * as np from "../np/index.js";
import { checkOptions, describe } from "./validate.js";

export type { GradientKind } from "./steps.js";
export { predict, type PredictOptions } from "./predict.js";

/** Options of {@link nnModel}. */
export interface NnModelOptions {
  /** Iterations of gradient descent (default 10000). */
  numIterations?: number;
  /** The constant learning rate α (default 1.2), unless `schedule` is given. */
  learningRate?: number;
  /** Print "Cost after iteration i: cost" every 1000 iterations, as the lesson (default false). */
  printCost?: boolean;
  /** "true" (default): the true gradient; "as-written": the original's `db1 = np.sum(dZ1)`. */
  gradient?: GradientKind;
  /** The hidden layer's activation (default "tanh"). */
  activation?: ActivationName | Activation;
  /** A learning-rate schedule α(i); overrides `learningRate`. */
  schedule?: Schedule;
  /** Called with (iteration, cost) every `costEvery` iterations and after the last one. */
  onCost?: (iteration: number, cost: number) => void;
  /** How often `onCost` is called (default 100). */
  costEvery?: number;
  /**
   * Called with (iteration, parameters, cost) on the same iterations as `onCost`: the parameters that
   * iteration starts from (the ones its cost is computed with), as fresh arrays.
   */
  onIteration?: (iteration: number, parameters: Parameters, cost: number) => void;
  /** Where printed lines go (default console.log). */
  print?: (line: string) => void;
  /** "fused" (default): fast loops; "np": the lesson's functions on `np`, step by step. */
  implementation?: "fused" | "np";
}

/** The line the lesson prints: "Cost after iteration 1000: 0.289172" (Python's `%i: %f`). */
export function costLine(iteration: number, cost: number): string {
  return `Cost after iteration ${iteration}: ${formatFixed(cost, 6)}`;
}

const NN_MODEL_OPTIONS = [
  "numIterations", "learningRate", "printCost", "gradient", "activation", "schedule", "onCost", "onIteration", "costEvery", "print", "implementation",
] as const;

/**
 * The options of a call to `nnModel`: the options object, or the original's positional
 * `nn_model(X, Y, n_h, num_iterations, print_cost)`. Nothing passed is ignored: any other form throws.
 */
function nnModelOptions(rest: readonly unknown[]): NnModelOptions {
  const [first, second, ...extra] = rest;
  if (typeof first === "number" || (first === undefined && typeof second === "boolean")) {
    // the original's positional form: nnModel(X, Y, nH, numIterations, printCost)
    if (second !== undefined && typeof second !== "boolean") {
      throw new TypeError(`nnModel(X, Y, nH, numIterations, printCost): printCost must be a boolean, got ${describe(second)}`);
    }
    if (extra.length > 0) throw new TypeError(`nnModel takes at most 5 arguments (X, Y, nH, numIterations, printCost), got ${rest.length + 3}`);
    return { numIterations: first as number | undefined, printCost: second as boolean | undefined };
  }
  if (first !== undefined && (typeof first !== "object" || first === null || Array.isArray(first))) {
    throw new TypeError(`nnModel's 4th argument must be an options object { numIterations, printCost, ... } or numIterations, got ${describe(first)}`);
  }
  if (rest.length > 1) {
    throw new TypeError(`nnModel(X, Y, nH, options) takes no argument after the options object, got ${rest.length - 1} more`);
  }
  return checkOptions((first ?? {}) as NnModelOptions, NN_MODEL_OPTIONS, "nnModel");
}

/**
 * Trains the 2-layer network by gradient descent (In[11]). Seeds numpy's generator with 3, then
 * initialises with {@link initializeParameters} (which seeds 2), as the lesson. X and Y are checked
 * once, here; the loop trusts them.
 *
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param nH - size of the hidden layer
 * @param options - `numIterations` (10000), `learningRate` (1.2), `printCost` (false),
 *   `gradient` ("true" | "as-written"), `activation` ("tanh"), `schedule`, `onCost`, `onIteration`, `costEvery` (100),
 *   `print`, `implementation` ("fused" | "np")
 * @returns the learnt parameters `{ W1: (nH, n_x), b1: (nH, 1), W2: (1, nH), b2: (1, 1) }`
 * @throws ValueError on bad shapes, empty or non-finite X, labels other than 0/1, or bad options;
 *   TypeError on an unknown option or arguments of another form
 * @example
 * const parameters = nnModel(X, Y, 4, { numIterations: 10000, printCost: true, gradient: "as-written" });
 * // Cost after iteration 0: 1.127380 ... Cost after iteration 9000: 0.253411
 */
export function nnModel(X: NDArray, Y: NDArray, nH: number, options?: NnModelOptions): Parameters;
/**
 * The original's positional form, `nn_model(X, Y, n_h, num_iterations = 10000, print_cost = False)`.
 *
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param nH - size of the hidden layer
 * @param numIterations - iterations of gradient descent (default 10000)
 * @param printCost - print the cost every 1000 iterations (default false)
 * @returns the learnt parameters, as the options form
 * @example nnModel(X, Y, 4, 10000, true) // the lesson's In[12], with the true gradient
 */
export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations?: number, printCost?: boolean): Parameters;
export function nnModel(X: NDArray, Y: NDArray, nH: number, ...rest: unknown[]): Parameters {
  const options = nnModelOptions(rest);
  checkTrainingData(X, Y);
  const numIterations = options.numIterations ?? 10000;
  if (!Number.isInteger(numIterations) || numIterations < 0) {
    throw new ValueError(`numIterations must be an integer >= 0, got ${numIterations}`);
  }
  const learningRate = options.learningRate ?? 1.2;
  if (!Number.isFinite(learningRate)) throw new ValueError(`learningRate must be a finite number, got ${learningRate}`);
  const costEvery = options.costEvery ?? 100;
  if (!Number.isInteger(costEvery) || costEvery < 1) throw new ValueError(`costEvery must be an integer >= 1, got ${costEvery}`);
  const gradient = options.gradient ?? "true";
  if (gradient !== "true" && gradient !== "as-written") {
    throw new ValueError(`gradient must be "true" or "as-written", got ${String(gradient)}`);
  }
  const implementation = options.implementation ?? "fused";
  if (implementation !== "fused" && implementation !== "np") {
    throw new ValueError(`implementation must be "fused" or "np", got ${String(implementation)}`);
  }
  const activation = getActivation(options.activation ?? "tanh");
  const print = options.print ?? ((line: string) => console.log(line));
  const rate = options.schedule ?? (() => learningRate);

  np.random.seed(3);
  const [nX, , nY] = layerSizes(X, Y);
  if (nY !== 1) throw new ValueError(`Y must have shape (1, m): one row of 0/1 labels, got shape ${formatShape(Y.shape)}`);
  let parameters = initializeParameters(nX, nH, nY);

  const listens = options.onCost !== undefined || options.onIteration !== undefined;
  const wantCost = (i: number) =>
    (options.printCost === true && i % 1000 === 0) || (listens && (i % costEvery === 0 || i === numIterations - 1));
  const report = (i: number, cost: number, current: () => Parameters) => {
    if (options.printCost === true && i % 1000 === 0) print(costLine(i, cost));
    if (!listens || (i % costEvery !== 0 && i !== numIterations - 1)) return;
    options.onCost?.(i, cost);
    options.onIteration?.(i, current(), cost);
  };

  if (implementation === "np") {
    // the lesson's loop on np, with the steps the public functions run after their checks
    for (let i = 0; i < numIterations; i++) {
      const [A2, cache] = forwardStep(X, parameters, activation);
      const cost = costStep(A2, Y);
      const grads = backwardStep(parameters, cache, X, Y, activation, gradient);
      const before = parameters;
      parameters = updateStep(parameters, grads, rate(i));
      report(i, cost, () => before);
    }
    return parameters;
  }
  return trainFused(X, Y, parameters, numIterations, gradient, activation, rate, wantCost, report);
}

/**
 * The training loop of `nnModel` on flat arrays: one forward, backward and update per iteration.
 *
 * What it buys over the np-helper loop (`implementation: "np"`): no arrays allocated per step and
 * no dispatch per operation. Its array work runs in the WebAssembly SIMD kernels of lib/np/wasm
 * (two examples at a time; JavaScript loops where WebAssembly SIMD is missing), on buffers that live
 * in the kernels' memory, so nothing is copied: the dense layers, the hidden activation (tanh:
 * nH·m values per iteration), the output's sigmoid, the cost's logs and the backward pass's sums
 * (every sum of a hidden unit in one pass over the examples). The numbers are those of the np loop,
 * bit for bit: the same operations in the same order (test/lesson-train.test.ts, the lesson's
 * fixtures). Measured in one process, alternating, CPU time (the lesson's nnModel(X, Y, 4), 10000
 * iterations, the loaded 2-vCPU development machine, medians of 7): 0.17 s against 0.43 s for the
 * scalar JavaScript loop it replaced with printCost, 0.20 s against 0.71 s with a cost every iteration;
 * bench/lesson-nn.bench.ts measures it beside numpy.
 */
function trainFused(
  X: NDArray,
  Y: NDArray,
  start: Parameters,
  numIterations: number,
  gradient: GradientKind,
  g: Activation,
  rate: (i: number) => number,
  wantCost: (i: number) => boolean,
  report: (i: number, cost: number, current: () => Parameters) => void,
): Parameters {
  const [nH, nX] = start.W1.shape;
  const m = X.shape[1];
  const nXp = nX + (nX % 2); // xT's rows padded to even length: the backward sums go two by two
  const s = 2 + nXp; // per hidden unit: Σ dZ2·A1, Σ dZ1, Σ dZ1·x_k
  // every operand of the kernels in their memory: x (nX, m) and its transpose xT (m, nXp), y (m,) 0/1,
  // the parameters, Z1, A1 = g(Z1), D = g'(Z1) (nH, m), Z2, A2, L (the cost's logs) (m,), the sums
  const buffers = reserveFloat64([nX * m, m * nXp, m, nH * nX, nH, nH, 1, nH * m, nH * m, nH * m, m, m, m, nH * s]);
  try {
    let [x, xT, y, W1, b1, W2, b2, Z1, A1, D, Z2, A2, L, acc] = buffers.views();
    x.set(X.values());
    for (let k = 0; k < nX; k++) for (let i = 0; i < m; i++) xT[i * nXp + k] = x[k * m + i];
    y.set(Y.values());
    W1.set(start.W1.values());
    b1.set(start.b1.values());
    W2.set(start.W2.values());
    b2[0] = start.b2.values()[0];
    const dW1 = new Float64Array(nH * nX);
    const db1 = new Float64Array(nH);
    const dW2 = new Float64Array(nH);
    const inv = 1 / m;

    for (let it = 0; it < numIterations; it++) {
      // forward: Z1 = W1·X + b1, A1 = g(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2) = 1/(1 + e^{−Z2})
      denseInto(x, W1, b1, Z1, nX, nH, m);
      g.forwardInto(Z1, A1);
      denseInto(A1, W2, b2, Z2, nH, 1, m);
      sigmoidInto(Z2, 0, A2, 0, m);
      if (wantCost(it)) {
        report(it, cost(A2, y, L), () => asParameters(W1, b1, W2, b2[0], nH, nX));
        [x, xT, y, W1, b1, W2, b2, Z1, A1, D, Z2, A2, L, acc] = buffers.views(); // the report may have grown the memory
      }
      // backward: dZ2 = A2 − Y, dW2 = (1/m) dZ2·A1ᵀ, db2 = (1/m) Σ dZ2,
      // dZ1 = W2ᵀ·dZ2 * g'(Z1), dW1 = (1/m) dZ1·Xᵀ, db1 = (1/m) Σ_i dZ1 (per unit, or over all)
      g.backwardInto(Z1, A1, D);
      acc.fill(0);
      const sumDZ2 = backwardSums(xT, y, A1, D, A2, W2, acc, nXp, nH, m);
      let sumDZ1 = 0;
      for (let h = 0; h < nH; h++) {
        dW2[h] = inv * acc[h * s];
        db1[h] = inv * acc[h * s + 1];
        sumDZ1 += acc[h * s + 1];
        for (let k = 0; k < nX; k++) dW1[h * nX + k] = inv * acc[h * s + 2 + k];
      }
      if (gradient === "as-written") db1.fill(inv * sumDZ1); // the original's np.sum(dZ1): one number for every unit
      const db2 = inv * sumDZ2;
      // update: θ = θ − α dθ
      const alpha = rate(it);
      for (let j = 0; j < nH * nX; j++) W1[j] = W1[j] - alpha * dW1[j];
      for (let h = 0; h < nH; h++) {
        b1[h] = b1[h] - alpha * db1[h];
        W2[h] = W2[h] - alpha * dW2[h];
      }
      b2[0] = b2[0] - alpha * db2;
    }
    return asParameters(W1, b1, W2, b2[0], nH, nX);
  } finally {
    buffers.release();
  }
}

/**
 * The cross-entropy cost −(1/m) Σ (y log(A2) + (1 − y) log(1 − A2)), summed in the lesson's order.
 * With labels 0/1 and every A2 strictly between 0 and 1, one of the two terms of each example is
 * 0·(a finite log), a signed zero, and adding a signed zero to the other (nonzero) term changes
 * nothing: the sum needs one log per example, log(A2) or log(1 − A2), computed by the SIMD kernel
 * over the whole row (`L` is scratch in the kernels' memory). Otherwise (an A2 of exactly 0 or 1,
 * where 0·log 0 is NaN as in numpy) it takes both logs as written.
 */
function cost(A2: Float64Array, y: Float64Array, L: Float64Array): number {
  const m = A2.length;
  let inside = true;
  for (let i = 0; i < m; i++) {
    const a = A2[i];
    inside &&= a > 0 && a < 1;
    L[i] = y[i] === 1 ? a : 1 - a;
  }
  let s = 0;
  if (inside) {
    logInto(L, 0, L, 0, m);
    for (let i = 0; i < m; i++) s += L[i];
  } else {
    for (let i = 0; i < m; i++) s += y[i] * flog(A2[i]) + (1 - y[i]) * flog(1 - A2[i]);
  }
  return -s / m;
}

/** The fused loop's flat arrays as `{ W1, b1, W2, b2 }` (copies). */
function asParameters(W1: Float64Array, b1: Float64Array, W2: Float64Array, b2: number, nH: number, nX: number): Parameters {
  return {
    W1: NDArray.fromData(W1.slice(), [nH, nX], "float64"),
    b1: NDArray.fromData(b1.slice(), [nH, 1], "float64"),
    W2: NDArray.fromData(W2.slice(), [1, nH], "float64"),
    b2: NDArray.fromData(Float64Array.of(b2), [1, 1], "float64"),
  };
}

/**
 * The lesson's accuracy formula (In[4]): (Y·Pᵀ + (1 − Y)·(1 − P)ᵀ) / m · 100, in percent.
 *
 * @param Y - true labels 0/1, shape (1, m)
 * @param P - predictions 0/1, shape (1, m)
 * @returns the percentage of correct predictions
 * @throws ValueError when the shapes differ
 */
export function accuracyPercent(Y: NDArray, P: NDArray): number {
  if (Y.ndim !== 2 || P.ndim !== 2 || Y.shape[0] !== 1 || P.shape[0] !== 1 || Y.shape[1] !== P.shape[1]) {
    throw new ValueError(`Y and P must both have shape (1, m), got ${formatShape(Y.shape)} and ${formatShape(P.shape)}`);
  }
  const right = np.add(np.dot(Y, P.T), np.dot(np.subtract(1, Y), np.subtract(1, P.T))).item();
  return (right / Y.size) * 100;
}

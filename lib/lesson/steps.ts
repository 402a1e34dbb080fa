/**
 * The network's arithmetic without input checks: what the public functions of network.ts run
 * after checking their arguments once, and what `nnModel`'s "np" loop runs 10,000 times on data
 * it checked once before the loop. Written with `np` line for line as the lesson (In[7]–In[10]).
 * Not exported from the package: its callers trust their inputs.
 * @module
 */
import * as np from "../np/index.js";
import type { NDArray } from "../np/ndarray.js";
import type { Activation } from "./activations.js";
import type { Cache, Gradients, Parameters } from "./network.js";

/** Which gradient a backward pass computes: the true one, or the original's (`db1` summed over every axis). */
export type GradientKind = "true" | "as-written";

/** Z1 = W1·X + b1, A1 = g(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2). */
export function forwardStep(X: NDArray, parameters: Parameters, g: Activation): [NDArray, Cache] {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.add(np.dot(W1, X), b1);
  const A1 = g.forward(Z1);
  const Z2 = np.add(np.dot(W2, A1), b2);
  const A2 = np.divide(1, np.add(1, np.exp(np.negative(Z2))));
  return [A2, { Z1, A1, Z2, A2 }];
}

/** J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)]. */
export function costStep(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1]; // number of examples
  const logprobs = np.sum(np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2)))));
  return -logprobs / m;
}

/**
 * dZ2 = A2 − Y, dW2 = (1/m) dZ2·A1ᵀ, dZ1 = W2ᵀ·dZ2 * g'(Z1), dW1 = (1/m) dZ1·Xᵀ; db2 and db1 as
 * sums of dZ2 and dZ1 per unit ("true") or over every axis, one number ("as-written", the original's).
 */
export function backwardStep(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray, g: Activation, kind: GradientKind): Gradients {
  const m = X.shape[1];
  const { W2 } = parameters;
  const { A1, A2, Z1 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const dZ1 = np.multiply(np.dot(W2.T, dZ2), g.backward(Z1, A1));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  if (kind === "as-written") {
    const db2 = (1 / m) * np.sum(dZ2);
    const db1 = (1 / m) * np.sum(dZ1); // the lesson's sum over every axis: one number for all units
    return { dW1, db1, dW2, db2 };
  }
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true })); // one value per hidden unit
  return { dW1, db1, dW2, db2 };
}

/** θ = θ − α·dθ for each parameter, as new arrays. */
export function updateStep(parameters: Parameters, grads: Gradients, learningRate: number): Parameters {
  const step = (theta: NDArray, d: NDArray | number) => np.subtract(theta, np.multiply(learningRate, d));
  return {
    W1: step(parameters.W1, grads.dW1),
    b1: step(parameters.b1, grads.db1),
    W2: step(parameters.W2, grads.dW2),
    b2: step(parameters.b2, grads.db2),
  };
}

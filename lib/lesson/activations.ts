/**
 * Part 3 of the lesson: activation functions and their derivatives.
 *
 *   tanh(x)     = (e^{2x} − 1) / (e^{2x} + 1)     tanh'(x)     = 1 − tanh(x)²
 *   sigmoid(x)  = 1 / (1 + e^{−x})                 sigmoid'(x)  = sigmoid(x)(1 − sigmoid(x))
 *   ReLU(x)     = max(0, x)                        ReLU'(x)     = 1 if x > 0 else 0
 *   softplus(x) = log(1 + e^x)                     softplus'(x) = sigmoid(x)
 *
 * Each is an {@link Activation}: `f` and `df` on numbers (for plots), `forward` and `backward` on
 * arrays (for the network's hidden layer, `nnModel(..., { activation: "relu" })`).
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";

/** The activation names the network accepts for its hidden layer. */
export type ActivationName = "tanh" | "sigmoid" | "relu" | "softplus";

/** An activation function with its derivative, on numbers and on arrays. */
export interface Activation {
  /** Its name, as `nnModel`'s `activation` option takes it. */
  readonly name: ActivationName;
  /** The function at x. */
  f(x: number): number;
  /** Its derivative at x. */
  df(x: number): number;
  /**
   * The derivative from z and from a = f(z), whichever is cheaper (tanh: 1 − a², as the lesson's
   * hint `1 - np.power(A1, 2)`).
   */
  dfza(z: number, a: number): number;
  /** `f` elementwise: A = g(Z), a new float64 array of Z's shape. */
  forward(Z: NDArray): NDArray;
  /** `g'(Z)` elementwise from Z and A = g(Z): the factor in dZ1 = W2ᵀ·dZ2 * g'(Z1). */
  backward(Z: NDArray, A: NDArray): NDArray;
}

/** sigmoid without overflow for large negative x. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + e^x) without overflow: max(x, 0) + log1p(e^{−|x|}). */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

function makeActivation(
  name: ActivationName,
  f: (x: number) => number,
  df: (x: number) => number,
  dfza: (z: number, a: number) => number,
): Activation {
  return {
    name,
    f,
    df,
    dfza,
    forward(Z: NDArray): NDArray {
      const z = Z.values();
      const out = new Float64Array(z.length);
      for (let i = 0; i < z.length; i++) out[i] = f(z[i]);
      return NDArray.fromData(out, Z.shape, "float64");
    },
    backward(Z: NDArray, A: NDArray): NDArray {
      const z = Z.values(), a = A.values();
      const out = new Float64Array(z.length);
      for (let i = 0; i < z.length; i++) out[i] = dfza(z[i], a[i]);
      return NDArray.fromData(out, Z.shape, "float64");
    },
  };
}

/** Hyperbolic tangent, the lesson's hidden-layer activation; tanh' = 1 − tanh². */
export const tanhActivation: Activation = makeActivation("tanh", Math.tanh, (x) => 1 - Math.tanh(x) ** 2, (_z, a) => 1 - a * a);

/** The logistic sigmoid, the lesson's output activation; sigmoid' = sigmoid·(1 − sigmoid). */
export const sigmoidActivation: Activation = makeActivation(
  "sigmoid",
  sigmoid,
  (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  (_z, a) => a * (1 - a),
);

/** The rectifier max(0, x) (Glorot et al., 2011); its derivative is taken as 0 at x = 0. */
export const reluActivation: Activation = makeActivation("relu", (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0), (z) => (z > 0 ? 1 : 0));

/** softplus log(1 + e^x), a smooth ReLU; its derivative is the sigmoid. */
export const softplusActivation: Activation = makeActivation("softplus", softplus, sigmoid, (z) => sigmoid(z));

/** The four activations by name. */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze({
  tanh: tanhActivation,
  sigmoid: sigmoidActivation,
  relu: reluActivation,
  softplus: softplusActivation,
});

/**
 * The activation for a name, or the activation itself.
 *
 * @param a - "tanh", "sigmoid", "relu", "softplus", or an {@link Activation}
 * @returns the activation
 * @throws ValueError for an unknown name
 */
export function getActivation(a: ActivationName | Activation): Activation {
  if (typeof a === "object" && a !== null) return a;
  const found = (activations as Record<string, Activation | undefined>)[a];
  if (!found) {
    throw new ValueError(`unknown activation '${String(a)}': expected one of ${Object.keys(activations).join(", ")}`);
  }
  return found;
}

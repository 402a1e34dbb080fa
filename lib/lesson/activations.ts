/**
 * Part 3 of the lesson: activation functions and their derivatives.
 *
 *   tanh(x)     = (e^{2x} − 1) / (e^{2x} + 1)     tanh'(x)     = 1 − tanh(x)²
 *   sigmoid(x)  = 1 / (1 + e^{−x})                 sigmoid'(x)  = sigmoid(x)(1 − sigmoid(x))
 *   ReLU(x)     = max(0, x)                        ReLU'(x)     = 1 if x > 0 else 0
 *   softplus(x) = log(1 + e^x)                     softplus'(x) = sigmoid(x)
 *
 * Each is an {@link Activation}: `f` and `df` on numbers (for plots), `forward` and `backward` on
 * arrays (for the network's hidden layer, `nnModel(..., { activation: "relu" })`), and its own
 * loops over Float64Arrays for the fused training and prediction loops of train.ts.
 * @module
 */
import * as np from "../np/index.js";
import { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";
import { tanh as ftanh } from "../np/fastmath.js";
import { oneMinusSquareInto, tanhInto } from "../np/wasm/math.js";

/** The activation names the network accepts for its hidden layer. */
export type ActivationName = "tanh" | "sigmoid" | "relu" | "softplus";

/**
 * An activation function with its derivative, on numbers and on arrays. It carries its own functions
 * and loops (`f`, `dfza`, `forwardInto`, `backwardInto`), so the network's fused training and
 * prediction call them without asking which activation it is: an activation made with
 * {@link defineActivation} takes the same fast path as the lesson's tanh.
 */
export interface Activation {
  /** Its name (`nnModel`'s `activation` option takes the built-in ones by name). */
  readonly name: string;
  /** The function at x. */
  f(x: number): number;
  /** Its derivative at x. */
  df(x: number): number;
  /**
   * The derivative from z and from a = f(z), whichever is cheaper (tanh: 1 − a², as the lesson's
   * hint `1 - np.power(A1, 2)`).
   */
  dfza(z: number, a: number): number;
  /** out[i] = f(z[i]) for every i of z: the fused loops' forward kernel. */
  forwardInto(z: Float64Array, out: Float64Array): void;
  /** out[i] = dfza(z[i], a[i]) for every i of z: the fused loops' backward kernel. */
  backwardInto(z: Float64Array, a: Float64Array, out: Float64Array): void;
  /** `f` elementwise: A = g(Z), a new float64 array of Z's shape. */
  forward(Z: NDArray): NDArray;
  /** `g'(Z)` elementwise from Z and A = g(Z): the factor in dZ1 = W2ᵀ·dZ2 * g'(Z1). */
  backward(Z: NDArray, A: NDArray): NDArray;
}

/** What {@link defineActivation} needs; the loops and the array forms are optional. */
export interface ActivationDefinition {
  /** Its name. */
  name: string;
  /** The function at x. */
  f(x: number): number;
  /** Its derivative at x. */
  df(x: number): number;
  /** The derivative from z and a = f(z). */
  dfza(z: number, a: number): number;
  /** A faster forward loop than calling `f` per element, if there is one. */
  forwardInto?(z: Float64Array, out: Float64Array): void;
  /** A faster backward loop than calling `dfza` per element, if there is one. */
  backwardInto?(z: Float64Array, a: Float64Array, out: Float64Array): void;
  /** The array form on `np`, if it differs from applying `f` elementwise (tanh: `np.tanh`). */
  forward?(Z: NDArray): NDArray;
  /** The array form of the derivative on `np` (tanh: `1 - np.power(A, 2)`). */
  backward?(Z: NDArray, A: NDArray): NDArray;
}

/**
 * An {@link Activation} from its function and derivative; the loops default to calling `f` and
 * `dfza` per element, the array forms to those loops over float64 copies.
 *
 * @param d - name, `f`, `df`, `dfza`, and optionally faster loops or `np` array forms
 * @returns the activation, usable as `nnModel(..., { activation })`
 * @example defineActivation({ name: "leaky", f: (x) => (x > 0 ? x : 0.01 * x), df: (x) => (x > 0 ? 1 : 0.01), dfza: (z) => (z > 0 ? 1 : 0.01) })
 */
export function defineActivation(d: ActivationDefinition): Activation {
  const { f, dfza } = d;
  const forwardInto =
    d.forwardInto ??
    ((z: Float64Array, out: Float64Array) => {
      for (let i = 0; i < z.length; i++) out[i] = f(z[i]);
    });
  const backwardInto =
    d.backwardInto ??
    ((z: Float64Array, a: Float64Array, out: Float64Array) => {
      for (let i = 0; i < z.length; i++) out[i] = dfza(z[i], a[i]);
    });
  const float64 = (A: NDArray) => Float64Array.from(A.values());
  return Object.freeze({
    name: d.name,
    f,
    df: d.df,
    dfza,
    forwardInto,
    backwardInto,
    forward:
      d.forward ??
      ((Z: NDArray) => {
        const out = new Float64Array(Z.size);
        forwardInto(float64(Z), out);
        return NDArray.fromData(out, Z.shape, "float64");
      }),
    backward:
      d.backward ??
      ((Z: NDArray, A: NDArray) => {
        const out = new Float64Array(Z.size);
        backwardInto(float64(Z), float64(A), out);
        return NDArray.fromData(out, Z.shape, "float64");
      }),
  });
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

/**
 * Hyperbolic tangent, the lesson's hidden-layer activation; tanh' = 1 − tanh². On numbers and in
 * its loops it is `np`'s own tanh (lib/np/fastmath.ts), so `forward` is `np.tanh` value for value.
 */
export const tanhActivation: Activation = defineActivation({
  name: "tanh",
  f: ftanh,
  df: (x) => 1 - ftanh(x) ** 2,
  dfza: (_z, a) => 1 - a * a,
  forwardInto: (z, out) => tanhInto(z, 0, out, 0, z.length), // WebAssembly SIMD, fastmath's bits
  backwardInto: (_z, a, out) => oneMinusSquareInto(a, 0, out, 0, a.length),
  forward: (Z) => np.tanh(Z),
  backward: (_Z, A) => np.subtract(1, np.power(A, 2)), // the lesson's hint
});

/** The logistic sigmoid, the lesson's output activation; sigmoid' = sigmoid·(1 − sigmoid). */
export const sigmoidActivation: Activation = defineActivation({
  name: "sigmoid",
  f: sigmoid,
  df: (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
  dfza: (_z, a) => a * (1 - a),
});

/** The rectifier max(0, x) (Glorot et al., 2011); its derivative is taken as 0 at x = 0. */
export const reluActivation: Activation = defineActivation({
  name: "relu",
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
  dfza: (z) => (z > 0 ? 1 : 0),
});

/** softplus log(1 + e^x), a smooth ReLU; its derivative is the sigmoid. */
export const softplusActivation: Activation = defineActivation({ name: "softplus", f: softplus, df: sigmoid, dfza: (z) => sigmoid(z) });

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
  if (typeof a === "object" && a !== null) {
    for (const k of ["f", "df", "dfza", "forwardInto", "backwardInto", "forward", "backward"] as const) {
      if (typeof a[k] !== "function") {
        throw new TypeError(`activation ${String(a.name)} has no ${k}() method: make it with defineActivation({ name, f, df, dfza })`);
      }
    }
    return a;
  }
  const found = (activations as Record<string, Activation | undefined>)[a];
  if (!found) {
    throw new ValueError(`unknown activation '${String(a)}': expected one of ${Object.keys(activations).join(", ")}`);
  }
  return found;
}

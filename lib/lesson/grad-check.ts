/**
 * A numerical gradient check: compares a backward pass with central differences of the cost,
 *
 *   ∂J/∂θ ≈ (J(θ + ε) − J(θ − ε)) / 2ε   for every parameter θ,
 *
 * and reports the relative difference ‖g − g_num‖ / (‖g‖ + ‖g_num‖). The true gradient passes
 * (about 1e-9 or less); the original's `db1 = np.sum(dZ1)` fails on b1 (order 1), which is how the
 * lesson's bug shows.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";
import { type ActivationName, type Activation, getActivation } from "./activations.js";
import { type Parameters, checkParameters, checkTrainingData } from "./network.js";
import { type GradientKind, backwardStep, costStep, forwardStep } from "./steps.js";
import { checkOptions } from "./validate.js";

/** The result of {@link gradCheck}. */
export interface GradCheckResult {
  /** ‖g − g_num‖ / (‖g‖ + ‖g_num‖) over all parameters. */
  difference: number;
  /** The same per parameter: W1, b1, W2, b2. */
  perParameter: Record<"W1" | "b1" | "W2" | "b2", number>;
  /** The backward pass's gradient, each with its parameter's shape. */
  analytic: Record<"dW1" | "db1" | "dW2" | "db2", NDArray>;
  /** The central-difference gradient, each with its parameter's shape. */
  numeric: Record<"dW1" | "db1" | "dW2" | "db2", NDArray>;
}

const KEYS = ["W1", "b1", "W2", "b2"] as const;

/**
 * Checks a backward pass against central differences of `computeCost`.
 *
 * @param parameters - `{ W1, b1, W2, b2 }` at which to check
 * @param X - input data, shape (n_x, m)
 * @param Y - labels 0/1, shape (1, m)
 * @param options.gradient - "true" (default, as `backwardPropagation`) or "as-written" (as `backwardPropagationAsWritten`)
 * @param options.epsilon - the step ε (default 1e-7)
 * @param options.activation - the hidden activation (default "tanh")
 * @returns `{ difference, perParameter, analytic, numeric }`
 * @throws ValueError on bad shapes or labels, or an epsilon that is not a small positive number; TypeError on an unknown option
 * @example gradCheck(initializeParameters(2, 4, 1), X, Y, { gradient: "as-written" }).perParameter.b1 // ≈ 0.7
 */
export function gradCheck(
  parameters: Parameters,
  X: NDArray,
  Y: NDArray,
  options: { gradient?: GradientKind; epsilon?: number; activation?: ActivationName | Activation } = {},
): GradCheckResult {
  checkOptions(options, ["gradient", "epsilon", "activation"], "gradCheck");
  checkParameters(parameters, X);
  checkTrainingData(X, Y);
  const epsilon = options.epsilon ?? 1e-7;
  if (!(epsilon > 0 && epsilon < 1)) throw new ValueError(`epsilon must be in (0, 1), got ${epsilon}`);
  const g = getActivation(options.activation ?? "tanh");
  const kind = options.gradient ?? "true";
  if (kind !== "true" && kind !== "as-written") throw new ValueError(`gradient must be "true" or "as-written", got ${String(kind)}`);
  // checked once above; the 2 × (number of parameters) cost evaluations below trust their input
  const [, cache] = forwardStep(X, parameters, g);
  const grads = backwardStep(parameters, cache, X, Y, g, kind);

  const copies = Object.fromEntries(KEYS.map((k) => [k, parameters[k].copy()])) as unknown as Parameters;
  const cost = () => costStep(forwardStep(X, copies, g)[0], Y);
  const analytic = {} as GradCheckResult["analytic"];
  const numeric = {} as GradCheckResult["numeric"];
  const perParameter = {} as GradCheckResult["perParameter"];
  let num2 = 0, a2 = 0, n2 = 0;
  for (const k of KEYS) {
    const theta = copies[k];
    const v = theta.values();
    const d = new Float64Array(v.length);
    for (let j = 0; j < v.length; j++) {
      const keep = v[j];
      v[j] = keep + epsilon;
      const plus = cost();
      v[j] = keep - epsilon;
      const minus = cost();
      v[j] = keep;
      d[j] = (plus - minus) / (2 * epsilon);
    }
    const g = grads[`d${k}`];
    // the original's db1/db2 are one number for all units: spread it over the parameter's shape
    const gv = typeof g === "number" ? new Float64Array(v.length).fill(g) : Float64Array.from(g.values());
    analytic[`d${k}`] = NDArray.fromData(gv, theta.shape, "float64");
    numeric[`d${k}`] = NDArray.fromData(d, theta.shape, "float64");
    let diff = 0, na = 0, nn = 0;
    for (let j = 0; j < v.length; j++) {
      diff += (gv[j] - d[j]) ** 2;
      na += gv[j] ** 2;
      nn += d[j] ** 2;
    }
    perParameter[k] = relative(diff, na, nn);
    num2 += diff;
    a2 += na;
    n2 += nn;
  }
  return { difference: relative(num2, a2, n2), perParameter, analytic, numeric };
}

function relative(diff2: number, a2: number, b2: number): number {
  const den = Math.sqrt(a2) + Math.sqrt(b2);
  return den === 0 ? 0 : Math.sqrt(diff2) / den;
}

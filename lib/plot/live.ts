/**
 * `liveCostCurve()`: the live training figure.
 * @module
 */
import { costCurves } from "./curves.js";
import { LiveCostCurve, type LiveOptions } from "./display.js";

/**
 * Starts a live cost curve: one notebook output that training updates in place (see {@link LiveCostCurve}).
 *
 * @param options - title, update interval in ms, logarithmic y.
 * @returns the live curve; call `push(iteration, cost)` as costs arrive and `close()` at the end.
 * @example
 * ```ts
 * const live = liveCostCurve();
 * for (let i = 0; i < 10000; i++) { ...; if (i % 100 === 0) live.push(i, cost); }
 * live.close();
 * ```
 */
export function liveCostCurve(options: LiveOptions = {}): LiveCostCurve {
  return new LiveCostCurve(options, (l) =>
    costCurves([{ name: "cost", costs: l.costs, iterations: l.iterations }], { title: options.title ?? "Cost during training", logY: options.logY }),
  );
}

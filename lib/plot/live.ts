/**
 * `liveCostCurve()`: the live training figure.
 * @module
 */
import { costCurves } from "./curves.js";
import { LiveCostCurve, type LiveOptions } from "./display.js";

/**
 * Starts a live cost curve: one notebook output that training updates in place (see {@link LiveCostCurve}).
 *
 * @param options - update interval in ms, logarithmic y, and the labels: title (default "Cost during training"),
 *   xlabel ("iteration"), ylabel ("cost"), name (the curve's legend name, default "cost").
 * @returns the live curve; call `push(iteration, cost)` as costs arrive and `close()` at the end.
 * @example
 * ```ts
 * const live = liveCostCurve();
 * for (let i = 0; i < 10000; i++) { ...; if (i % 100 === 0) live.push(i, cost); }
 * live.close();
 * ```
 */
export function liveCostCurve(options: LiveOptions & { xlabel?: string; ylabel?: string; name?: string } = {}): LiveCostCurve {
  return new LiveCostCurve(options, (l) =>
    costCurves([{ name: options.name ?? "cost", costs: l.costs, iterations: l.iterations }], {
      title: options.title ?? "Cost during training",
      xlabel: options.xlabel,
      ylabel: options.ylabel,
      logY: options.logY,
    }),
  );
}

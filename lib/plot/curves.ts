/**
 * Line figures: cost curves, activation functions with their derivatives, learning-rate schedules.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { Figure, axisStyle, baseLayout, legendRight, userText, type Trace } from "./figure.js";
import { subplots } from "./subplots.js";
import { decodeNumbers, encodeTyped, toFloat64, type Numbers } from "./typed.js";
import { ValueError } from "../np/errors.js";

/** matplotlib's default colour cycle (`tab10`), used for line figures. */
export const TAB10 = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"] as const;

/**
 * A line trace (values stored as float32: 7 digits, half the size).
 *
 * @param x - x values.
 * @param y - y values (same length).
 * @param name - legend name (user text, escaped).
 * @param color - CSS colour.
 * @param dash - plotly dash style ("solid", "dash", "dot").
 * @returns the trace.
 * @throws Error when x and y differ in length.
 */
export function lineTrace(x: Numbers, y: Numbers, name: string, color: string, dash = "solid"): Trace {
  const xs = toFloat64(x, "x");
  const ys = toFloat64(y, "y");
  if (xs.length !== ys.length) throw new ValueError(`x and y differ in length: ${xs.length} != ${ys.length}`);
  return { type: "scatter", mode: "lines", name: userText(name), x: encodeTyped(Float32Array.from(xs)), y: encodeTyped(Float32Array.from(ys)), line: { color, width: 2, dash } };
}

/** One cost history for {@link costCurves}. */
export interface CostSeries {
  /** Legend name. */
  name: string;
  /** The costs. */
  costs: Numbers;
  /** Iteration numbers of the costs (default 0, every, 2*every, …). */
  iterations?: Numbers;
  /** Spacing of the default iteration numbers (default 1). */
  every?: number;
}

/** Options of {@link costCurves}. */
export interface CurveOptions {
  /** Title (default "Cost"). */
  title?: string;
  /** x-axis title (default "iteration"). */
  xlabel?: string;
  /** y-axis title (default "cost"). */
  ylabel?: string;
  /** Logarithmic y axis. */
  logY?: boolean;
  width?: number;
  height?: number;
}

/**
 * Cost against iteration for one or more training runs.
 *
 * @param series - one run's costs (an array or NDArray), or several `{ name, costs, every?, iterations? }`.
 * @param options - the labels: title (default "Cost"), xlabel ("iteration"), ylabel ("cost"); logarithmic y; size.
 *   The legend (shown for two or more series) shows each series' name.
 * @returns the figure.
 * @throws Error when iterations and costs differ in length.
 * @example
 * ```ts
 * costCurves([{ name: "as written", costs: costsA, every: 1000 }, { name: "true gradient", costs: costsB, every: 1000 }]);
 * ```
 */
export function costCurves(series: Numbers | readonly CostSeries[], options: CurveOptions = {}): Figure {
  const list: CostSeries[] = isSeriesList(series) ? [...series] : [{ name: "cost", costs: series as Numbers }];
  const data = list.map((s, i) => {
    const costs = toFloat64(s.costs, "costs");
    const it = s.iterations ? toFloat64(s.iterations, "iterations") : Float64Array.from(costs, (_, k) => k * (s.every ?? 1));
    return lineTrace(it, costs, s.name, TAB10[i % TAB10.length]);
  });
  const layout = baseLayout(options.title ?? "Cost", options);
  layout.xaxis = axisStyle(options.xlabel ?? "iteration");
  layout.yaxis = axisStyle(options.ylabel ?? "cost", options.logY ? { type: "log" } : {});
  if (list.length > 1) legendRight(layout, list.map((s) => s.name));
  return new Figure(data, layout);
}

function isSeriesList(s: unknown): s is readonly CostSeries[] {
  return Array.isArray(s) && s.length > 0 && typeof s[0] === "object" && s[0] !== null && "costs" in s[0];
}

/** An activation function and its derivative, both elementwise on an NDArray of z values. */
export interface ActivationCurve {
  /** Name shown as the cell title (e.g. "tanh"). */
  name: string;
  /** g(z). */
  f: (z: NDArray) => Numbers;
  /** g'(z). */
  df: (z: NDArray) => Numbers;
}

/** Options of {@link activationsFigure}. */
export interface ActivationsOptions {
  /** The z range (default [-5, 5]). */
  range?: [number, number];
  /** Number of z values (default 201). */
  samples?: number;
  /** Columns of the grid (default 2). */
  cols?: number;
  /** Title (default "Activation functions and their derivatives"). */
  title?: string;
  /** x-axis title of each cell (default "z"). */
  xlabel?: string;
  /** Legend name of the functions (default "g(z)"). */
  fName?: string;
  /** Legend name of the derivatives (default "g'(z)"). */
  dfName?: string;
}

/**
 * Activation functions and their derivatives as small multiples: one cell per function, g(z) solid,
 * g'(z) dashed.
 *
 * @param activations - the functions, e.g. `[{ name: "tanh", f: np.tanh, df: (z) => np.subtract(1, np.square(np.tanh(z))) }]`.
 * @param options - z range (default [-5, 5]), number of samples (default 201), columns (default 2), and the
 *   labels: title (default "Activation functions and their derivatives"), xlabel ("z"), the legend names
 *   fName ("g(z)") and dfName ("g'(z)").
 * @returns the figure.
 * @throws Error when a function returns the wrong number of values.
 */
export function activationsFigure(activations: readonly ActivationCurve[], options: ActivationsOptions = {}): Figure {
  const [a, b] = options.range ?? [-5, 5];
  const n = options.samples ?? 201;
  const zs = Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  const z = NDArray.fromData(zs, [n], "float64");
  const fName = options.fName ?? "g(z)";
  const dfName = options.dfName ?? "g'(z)";
  const cells = activations.map((act) => {
    const layout = baseLayout(act.name);
    layout.xaxis = axisStyle(options.xlabel ?? "z", { range: [a, b] });
    layout.yaxis = axisStyle(undefined, { showgrid: true, gridcolor: "#e5e5e5" });
    layout.showlegend = true;
    return new Figure(
      [lineTrace(zs, act.f(z.copy()), fName, TAB10[0]), lineTrace(zs, act.df(z.copy()), dfName, TAB10[1], "dash")],
      layout,
    );
  });
  const fig = subplots(cells, { cols: options.cols ?? 2, title: options.title ?? "Activation functions and their derivatives" });
  // one legend entry per line style, not per cell
  fig.data.forEach((t, i) => (t.showlegend = i < 2));
  legendRight(fig.layout, [fName, dfName]);
  return fig;
}

/** A learning-rate schedule for {@link learningRateSchedules}: α as a function of the iteration. */
export interface Schedule {
  name: string;
  alpha: (iteration: number) => number;
}

/**
 * Learning-rate schedules α(n_iter) side by side.
 *
 * @param schedules - named schedules.
 * @param options - number of iterations (default 10000), samples along it (default 500), logarithmic y, size,
 *   and the labels: title (default "Learning-rate schedules"), xlabel ("iteration"), ylabel ("learning rate α");
 *   the legend shows each schedule's name.
 * @returns the figure.
 * @throws Error when a schedule gives a non-finite rate.
 */
export function learningRateSchedules(
  schedules: readonly Schedule[],
  options: { iterations?: number; samples?: number; logY?: boolean; title?: string; xlabel?: string; ylabel?: string; width?: number; height?: number } = {},
): Figure {
  const N = options.iterations ?? 10000;
  const s = Math.min(options.samples ?? 500, N);
  const its = Float64Array.from({ length: s }, (_, i) => Math.round((i * (N - 1)) / Math.max(1, s - 1)));
  const data = schedules.map((sch, k) => {
    const ys = its.map((n) => {
      const v = sch.alpha(n);
      if (!Number.isFinite(v)) throw new ValueError(`schedule ${JSON.stringify(sch.name)} gave ${v} at iteration ${n}`);
      return v;
    });
    return lineTrace(its, ys, sch.name, TAB10[k % TAB10.length]);
  });
  const layout = baseLayout(options.title ?? "Learning-rate schedules", options);
  layout.xaxis = axisStyle(options.xlabel ?? "iteration");
  // from 0 to a little above the largest rate, so that a constant schedule is not hidden by the frame
  const top = Math.max(...data.flatMap((t) => decodeNumbers(t.y)));
  layout.yaxis = axisStyle(options.ylabel ?? "learning rate α", options.logY ? { type: "log" } : { range: [0, (top > 0 ? top : 1) * 1.05] });
  legendRight(layout, schedules.map((s) => s.name));
  return new Figure(data, layout);
}

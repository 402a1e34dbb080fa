/**
 * Watch the network learn: the decision boundary forming over the iterations, beside the cost curve.
 * @module
 */
import { computeCost, forwardPropagation, type Parameters } from "../lesson/network.js";
import { nnModel, predict, type GradientKind } from "../lesson/train.js";
import { NDArray } from "../np/ndarray.js";
import { ValueError } from "../np/errors.js";
import { boundaryGrid } from "./boundary.js";
import { regionColor } from "./colors.js";
import { TAB10, lineTrace } from "./curves.js";
import { labelledPointsTrace } from "./dataset.js";
import { Figure, axisStyle, baseLayout, userText, type FigureSpec, type Layout, type Trace } from "./figure.js";
import { subplots } from "./subplots.js";
import { encodeTyped } from "./typed.js";

/** Options of {@link learningAnimation}. */
export interface LearningAnimationOptions {
  /** Hidden layer size (default 4, as In [13]). */
  nH?: number;
  /** Iterations of gradient descent (default 10000). */
  numIterations?: number;
  /** Learning rate α (default 1.2). */
  learningRate?: number;
  /** A frame every `every` iterations (default 200; 100–250 plays well). */
  every?: number;
  /** "as-written" (default, the lesson's In [13] run with its `db1 = np.sum(dZ1)`) or "true". */
  gradient?: GradientKind;
  /** Grid step of the boundary frames (default 0.15: a coarser grid than the static boundary's 0.01). */
  h?: number;
  /** Iterations shown side by side in the static picture (default 0, N/25, N/5 and N, rounded to frames). */
  snapshots?: readonly number[];
  /** Title (default "The network learning: decision boundary and cost"). */
  title?: string;
  /** Axis titles of the boundary (default "x1", "x2"). */
  xlabel?: string;
  ylabel?: string;
  /** Axis titles of the cost curve (default "iteration", "cost"). */
  costXlabel?: string;
  costYlabel?: string;
  /** The word before the iteration number on the slider and in the static cells (default "iteration"). */
  iterationLabel?: string;
  /** The word before the cost in the static cells (default "cost"). */
  costLabel?: string;
  /** Labels of the buttons (default "▶ Play", "❚❚ Pause"). */
  playLabel?: string;
  pauseLabel?: string;
}

/** One frame of the animation: the iteration, the cost there and the classes on the grid. */
interface Snapshot {
  iteration: number;
  cost: number;
  classes: Uint8Array;
}

function classesOn(parameters: Parameters, grid: NDArray): Uint8Array {
  return Uint8Array.from(predict(parameters, grid).values() as ArrayLike<number>);
}

/** The boundary heatmap: 0/1 on the grid, in the colours of the static boundary's regions. */
function boundaryTrace(xs: Float64Array, ys: Float64Array, classes: Uint8Array): Trace {
  return {
    type: "heatmap",
    x: encodeTyped(Float32Array.from(xs)),
    y: encodeTyped(Float32Array.from(ys)),
    z: encodeTyped(classes, [ys.length, xs.length]),
    zmin: 0,
    zmax: 1,
    colorscale: [[0, regionColor(0)], [1, regionColor(1)]],
    showscale: false,
    zsmooth: false,
    hoverinfo: "skip",
  };
}

function nearestFrames(snapshots: readonly Snapshot[], iterations: readonly number[]): Snapshot[] {
  const out = iterations.map((it) => snapshots.reduce((a, b) => (Math.abs(b.iteration - it) < Math.abs(a.iteration - it) ? b : a)));
  return [...new Set(out)];
}

/**
 * Trains the lesson's network (`nnModel`: seed 3, then the parameters of seed 2) and plays its decision
 * boundary forming: a frame every `every` iterations (the classes `predict` gives on a grid around the
 * data), the cost curve beside it with the frame's iteration marked, play/pause buttons and a slider.
 * It opens on the trained network (the last frame). Its static picture (PNG, SVG; what GitHub and
 * untrusted notebooks show) puts the boundary at a few iterations side by side.
 *
 * @param X - points, shape (2, m).
 * @param Y - labels 0/1, shape (1, m).
 * @param options - `nH` (4), `numIterations` (10000), `learningRate` (1.2), `every` (200), `gradient`
 *   ("as-written", as In [13]), grid step `h` (0.15), `snapshots`, and the labels (title, axis titles,
 *   slider and button words) for a notebook in another language.
 * @returns the figure (`fig.frames` holds the frames).
 * @throws ValueError on bad shapes or options (as `nnModel`), or when `every` is not an integer >= 1.
 * @example
 * ```ts
 * plot.learningAnimation(X, Y, { nH: 4, numIterations: 10000, learningRate: 1.2, every: 200 });
 * ```
 */
export function learningAnimation(X: NDArray, Y: NDArray, options: LearningAnimationOptions = {}): Figure {
  const every = options.every ?? 200;
  if (!Number.isInteger(every) || every < 1) throw new ValueError(`every must be an integer >= 1, got ${every}`);
  const numIterations = options.numIterations ?? 10000;
  const { xs, ys, points } = boundaryGrid(X, options.h ?? 0.15);
  const grid = points.T;
  const snapshots: Snapshot[] = [];
  const costs: { iteration: number; cost: number }[] = [];
  const trained = nnModel(X, Y, options.nH ?? 4, {
    numIterations,
    learningRate: options.learningRate,
    gradient: options.gradient ?? "as-written",
    costEvery: every,
    onIteration: (i, parameters, cost) => {
      if (i % every !== 0) return;
      costs.push({ iteration: i, cost });
      snapshots.push({ iteration: i, cost, classes: classesOn(parameters, grid) });
    },
  });
  const finalCost = computeCost(forwardPropagation(X, trained)[0], Y);
  costs.push({ iteration: numIterations, cost: finalCost });
  snapshots.push({ iteration: numIterations, cost: finalCost, classes: classesOn(trained, grid) });

  const word = options.iterationLabel ?? "iteration";
  const last = snapshots[snapshots.length - 1];
  const points2 = labelledPointsTrace(X, Y, 5);
  const costLine = lineTrace(costs.map((c) => c.iteration), costs.map((c) => c.cost), options.costLabel ?? "cost", TAB10[0]);
  const marker = (s: Snapshot): Partial<Trace> => ({ x: [s.iteration], y: [s.cost] });
  const data: Trace[] = [
    boundaryTrace(xs, ys, last.classes),
    points2,
    { ...costLine, xaxis: "x2", yaxis: "y2", showlegend: false },
    { type: "scatter", mode: "markers", ...marker(last), xaxis: "x2", yaxis: "y2", marker: { color: TAB10[3], size: 10 }, showlegend: false, hovertemplate: `${userText(word)} %{x}: %{y:.4f}<extra></extra>` },
  ];
  const layout = baseLayout(options.title ?? "The network learning: decision boundary and cost", { width: 900, height: 520 });
  layout.margin = { l: 60, r: 30, t: 60, b: 150 };
  const half = (xs[xs.length - 1] - xs[0]) / (2 * (xs.length - 1));
  layout.xaxis = axisStyle(options.xlabel ?? "x1", { domain: [0, 0.45], range: [xs[0] - half, xs[xs.length - 1] + half], anchor: "y" });
  layout.yaxis = axisStyle(options.ylabel ?? "x2", { domain: [0, 1], range: [ys[0] - half, ys[ys.length - 1] + half], anchor: "x" });
  const lo = Math.min(...costs.map((c) => c.cost));
  const hi = Math.max(...costs.map((c) => c.cost));
  const pad = (Math.log10(hi) - Math.log10(lo)) * 0.06 || 0.1;
  layout.xaxis2 = axisStyle(options.costXlabel ?? "iteration", { domain: [0.57, 1], range: [-numIterations * 0.03, numIterations * 1.03], anchor: "y2" });
  layout.yaxis2 = axisStyle(options.costYlabel ?? "cost", { domain: [0, 1], type: "log", range: [Math.log10(lo) - pad, Math.log10(hi) + pad], anchor: "x2" });
  const frameArgs = (duration: number) => ({ mode: "immediate", frame: { duration, redraw: true }, transition: { duration: 0 } });
  layout.updatemenus = [
    {
      type: "buttons",
      direction: "left",
      showactive: false,
      x: 0,
      y: -0.27,
      xanchor: "left",
      yanchor: "top",
      pad: { t: 0, r: 10 },
      buttons: [
        { method: "animate", label: userText(options.playLabel ?? "▶ Play"), args: [null, { ...frameArgs(120), fromcurrent: true }] },
        { method: "animate", label: userText(options.pauseLabel ?? "❚❚ Pause"), args: [[null], frameArgs(0)] },
      ],
    },
  ];
  layout.sliders = [
    {
      active: snapshots.length - 1,
      x: 0.2,
      len: 0.8,
      y: -0.24,
      yanchor: "top",
      pad: { t: 0 },
      currentvalue: { prefix: userText(word) + " ", visible: true },
      steps: snapshots.map((s) => ({ method: "animate", label: String(s.iteration), args: [[String(s.iteration)], frameArgs(0)] })),
    },
  ];
  const fig = new Figure(data, layout);
  fig.frames = snapshots.map((s) => ({ name: String(s.iteration), data: [{ z: encodeTyped(s.classes, [ys.length, xs.length]) }, marker(s)], traces: [0, 3] }));
  fig.staticFigure = staticPicture(X, Y, xs, ys, nearestFrames(snapshots, options.snapshots ?? [0, numIterations / 25, numIterations / 5, numIterations]), options);
  return fig;
}

/** The static picture: the boundary at a few iterations, side by side. */
function staticPicture(X: NDArray, Y: NDArray, xs: Float64Array, ys: Float64Array, shown: readonly Snapshot[], options: LearningAnimationOptions): FigureSpec {
  const half = (xs[xs.length - 1] - xs[0]) / (2 * (xs.length - 1));
  const cells = shown.map((s, i) => {
    const layout: Layout = baseLayout(`${options.iterationLabel ?? "iteration"} ${s.iteration}, ${options.costLabel ?? "cost"} ${s.cost.toFixed(3)}`);
    layout.xaxis = axisStyle(options.xlabel ?? "x1", { range: [xs[0] - half, xs[xs.length - 1] + half] });
    layout.yaxis = axisStyle(i === 0 ? options.ylabel ?? "x2" : undefined, { range: [ys[0] - half, ys[ys.length - 1] + half] });
    return new Figure([boundaryTrace(xs, ys, s.classes), labelledPointsTrace(X, Y, 4)], layout);
  });
  return subplots(cells, { cols: cells.length, cellWidth: 260, cellHeight: 280, title: options.title ?? "The network learning: decision boundary and cost", hgap: 0.05 }).toJSON();
}

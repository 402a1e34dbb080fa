import test from "ava";
import { NDArray } from "../lib/np/ndarray.js";
import { ValueError } from "../lib/np/errors.js";
import { boundaryGrid, classMapPng, decisionBoundary, logisticRegressionBoundary, regionColor } from "../lib/plot/index.js";
import { X, Y, fixture as fx, linear, wedgeModel } from "./browser/sample-figures.js";
import { decodePalettePng, pixelHex } from "./plot-helpers.js";

test("boundaryGrid (np.arange): numpy's grid of plot_decision_boundary on the flower data (1030 x 1008 at h = 0.01)", (t) => {
  const { xs, ys, points } = boundaryGrid(X);
  const g = fx.grid;
  t.is(xs.length, g.nx);
  t.is(ys.length, g.ny);
  t.deepEqual([...xs.slice(0, 3)], g.xs_head);
  t.deepEqual([...ys.slice(0, 3)], g.ys_head);
  t.is(xs[xs.length - 1], g.xs_last);
  t.is(ys[ys.length - 1], g.ys_last);
  t.deepEqual([...xs].filter((_, i) => i % 97 === 0), g.xs_sample);
  t.deepEqual([...ys].filter((_, i) => i % 97 === 0), g.ys_sample);
  t.deepEqual(points.shape, [g.nx * g.ny, 2]);
  (g.points_index as number[]).forEach((k, i) => t.deepEqual([points.get(k, 0), points.get(k, 1)], g.points[i], `point ${k}`));
});

test("decisionBoundary: the class map holds the model's prediction for every grid point, in contourf's colours", (t) => {
  const model = wedgeModel();
  const fig = decisionBoundary(model, X, Y, { title: "wedge" });
  const { xs, ys, points } = boundaryGrid(X);
  const Z = model(points);
  const images = fig.layout.images as { source: string; x: number; y: number; sizex: number; sizey: number; xref: string; layer: string }[];
  t.is(images.length, 1);
  const img = decodePalettePng(images[0].source);
  t.is(img.width, xs.length);
  t.is(img.height, ys.length);
  // the top image row is the largest x2
  let wrong = 0;
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c < xs.length; c++) {
      if (pixelHex(img, ys.length - 1 - r, c) !== regionColor(Z[r * xs.length + c] as 0 | 1)) wrong++;
    }
  }
  t.is(wrong, 0);
  // placed so that pixel centres sit on the grid points; axes span the grid like contourf's
  t.is(images[0].x, xs[0] - 0.005);
  t.is(images[0].y, ys[ys.length - 1] + 0.005);
  t.true(Math.abs(images[0].sizex - xs.length * 0.01) < 1e-12);
  t.is(images[0].layer, "below");
  t.deepEqual((fig.layout.xaxis as { range: number[] }).range, [xs[0], xs[xs.length - 1]]);
  t.deepEqual((fig.layout.yaxis as { range: number[] }).range, [ys[0], ys[ys.length - 1]]);
  // the points on top: all 400, coloured by label
  t.is(fig.data.length, 1);
  t.is(fig.data[0].mode, "markers");
  t.true(images[0].source.length < 20_000, `class map is ${images[0].source.length} characters`);
});

test("logisticRegressionBoundary: uses clf.predict on (n, 2) points and the lesson's title", (t) => {
  let shape: readonly number[] = [];
  const fig = logisticRegressionBoundary({ predict: (pts: NDArray) => ((shape = pts.shape), linear.predict(pts)) }, X, Y);
  t.deepEqual(shape, [fx.grid.nx * fx.grid.ny, 2]);
  t.is(fig.title, "Логистическая регрессия");
});

test("decisionBoundary: a model returning the wrong number of predictions is an error naming both counts", (t) => {
  t.throws(() => decisionBoundary(() => [0, 1], X, Y, { h: 0.1 }), {
    instanceOf: ValueError,
    message: /^the model returned 2 predictions for the \d+ points of a grid of shape \(\d+,\d+\)$/,
  });
});

test("classMapPng: non-integer predictions (probabilities) are an error naming the value", (t) => {
  t.throws(() => classMapPng(Float64Array.from([0, 0.7, 1, 1]), 2, 2), { instanceOf: ValueError, message: "the model must predict integer classes, got 0.7 at grid point 1" });
});

test("decisionBoundary: X must be (2, m) and Y must have m labels", (t) => {
  const bad = NDArray.fromData(new Float64Array(12), [4, 3], "float64");
  t.throws(() => decisionBoundary(wedgeModel(), bad, Y), {
    instanceOf: ValueError,
    message: "X must have shape (2, m) (one column per point, as in the lesson), got shape (4,3)",
  });
  const y3 = NDArray.fromData(new Float64Array(3), [1, 3], "float64");
  t.throws(() => decisionBoundary(wedgeModel(), X, y3), { instanceOf: ValueError, message: "Y has 3 labels (shape (1,3)) but X has 400 points" });
  t.throws(() => decisionBoundary(wedgeModel(), X, Y, { h: 0 }), { instanceOf: ValueError, message: "h must be positive, got 0" });
});

test("classMapPng: a PNG whose chunks carry PNG's CRC-32 (IEND's is the format's constant ae426082)", (t) => {
  const { png } = classMapPng(Float64Array.from([0, 1, 1, 0]), 2, 2);
  t.is(png.subarray(png.length - 4).toString("hex"), "ae426082");
  t.deepEqual(Array.from(decodePalettePng(png).pixels), [1, 0, 0, 1]); // decodePalettePng checks every chunk's CRC
});

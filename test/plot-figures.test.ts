/**
 * Figure JSON (traces, axes, colours) of every figure kind against committed snapshots
 * (test/fixtures/plot-snapshots.json). Class-map images are compared decoded (size, palette, pixels),
 * not as PNG bytes, which depend on the zlib build. After an intended change:
 *   UPDATE_PLOT_SNAPSHOTS=1 npx ava test/plot-figures.test.ts   (then review the diff of the JSON)
 */
import test from "ava";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { activationsFigure, costCurves, decodeNumbers, learningRateSchedules, subplots, type Figure } from "../lib/plot/index.js";
import { sampleFigures } from "./browser/sample-figures.js";
import { decodePalettePng, imageDigest } from "./plot-helpers.js";

const SNAPSHOTS = new URL("./fixtures/plot-snapshots.json", import.meta.url);

function normalise(fig: Figure): unknown {
  return JSON.parse(JSON.stringify(fig), (key, value) =>
    key === "source" && typeof value === "string" && value.startsWith("data:image/png") ? imageDigest(decodePalettePng(value)) : value,
  );
}

const figures = sampleFigures();
const current = Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, normalise(f)]));

const UPDATE = "UPDATE_PLOT_SNAPSHOTS=1 npx ava test/plot-figures.test.ts";
if (process.env.UPDATE_PLOT_SNAPSHOTS === "1") {
  if (process.env.CI === "true") throw new Error("UPDATE_PLOT_SNAPSHOTS=1 under CI=true: snapshots are written by a person, then reviewed");
  writeFileSync(SNAPSHOTS, JSON.stringify(current, null, 1) + "\n");
  console.error("plot-figures: wrote test/fixtures/plot-snapshots.json");
}
// a missing file or entry fails the tests below: a snapshot is written only on request (UPDATE)
const snapshots: Record<string, unknown> = existsSync(SNAPSHOTS) ? JSON.parse(readFileSync(SNAPSHOTS, "utf8")) : {};

test("every figure kind has a committed snapshot, and every snapshot a figure kind", (t) => {
  t.deepEqual(Object.keys(snapshots).sort(), Object.keys(figures).sort(), `missing or stale snapshots: write them with ${UPDATE}`);
});

for (const name of Object.keys(figures)) {
  test(`${name}: figure JSON equals the committed snapshot`, (t) => {
    if (!(name in snapshots)) {
      t.fail(`no snapshot of ${name} in test/fixtures/plot-snapshots.json: write it with ${UPDATE}`);
      return;
    }
    t.deepEqual(current[name], snapshots[name]);
  });
}

test("datasetScatter: one marker trace, labels as colours on matplotlib's Spectral, 400 points", (t) => {
  const [trace] = figures.dataset.data as Record<string, any>[];
  t.is(trace.type, "scatter");
  t.is(trace.mode, "markers");
  t.is(decodeNumbers(trace.x).length, 400);
  t.is(trace.marker.colorscale[0][1], "#9e0142");
  t.is(trace.marker.colorscale[10][1], "#5e4fa2");
  t.deepEqual([trace.marker.cmin, trace.marker.cmax], [0, 1]);
  t.deepEqual(new Set(decodeNumbers(trace.marker.color)), new Set([0, 1]));
});

test("hiddenSizeSweep: seven cells, each with its own axes, class map and 400 points", (t) => {
  const fig = figures.sweep;
  t.is(fig.data.length, 7);
  t.deepEqual(fig.data.map((d) => d.xaxis), ["x", "x2", "x3", "x4", "x5", "x6", "x7"]);
  t.deepEqual((fig.layout.images as { xref: string }[]).map((i) => i.xref), ["x", "x2", "x3", "x4", "x5", "x6", "x7"]);
  const titles = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
  t.deepEqual(titles[0], "Hidden Layer of size 1, accuracy 60.00 %");
  t.deepEqual(titles[6], "Hidden Layer of size 50, accuracy 84.00 %");
});

test("activationsFigure: g and g' per activation, evaluated on the z range", (t) => {
  const fig = figures.activations;
  t.is(fig.data.length, 8);
  const z = decodeNumbers(fig.data[0].x);
  t.is(z.length, 201);
  t.deepEqual([z[0], z[200]], [-5, 5]);
  const tanh = decodeNumbers(fig.data[0].y);
  t.true(Math.abs(tanh[150] - Math.tanh(z[150])) < 1e-6);
  t.is((fig.data[1].line as { dash: string }).dash, "dash");
});

test("costCurves: a plain array is one curve over 0, 1, 2, …; a list gets a legend", (t) => {
  const one = costCurves([0.7, 0.5, 0.3]);
  t.deepEqual(decodeNumbers(one.data[0].x), [0, 1, 2]);
  t.false(one.layout.showlegend);
  t.true(figures.costs.layout.showlegend);
  t.deepEqual(decodeNumbers(figures.costs.data[0].x).slice(0, 3), [0, 100, 200]);
  t.throws(() => costCurves([{ name: "a", costs: [1, 2], iterations: [0] }]), { message: "x and y differ in length: 1 != 2" });
});

test("learningRateSchedules: a schedule giving a non-finite rate is an error naming it", (t) => {
  t.throws(() => learningRateSchedules([{ name: "bad", alpha: (n) => 1 / (n - 10) }], { iterations: 20, samples: 20 }), {
    message: 'schedule "bad" gave Infinity at iteration 10',
  });
});

test("activationsFigure: a function returning the wrong number of values is an error", (t) => {
  t.throws(() => activationsFigure([{ name: "short", f: () => [1, 2], df: () => [1, 2] }]), { message: "x and y differ in length: 201 != 2" });
});

test("subplots: refuses figures that already have several axes, and an empty list", (t) => {
  t.throws(() => subplots([figures.sweep]), { message: "subplots takes single-axes figures; figure 0 has xaxis2" });
  t.throws(() => subplots([]), { message: "subplots needs at least one figure" });
});

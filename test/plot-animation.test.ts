/**
 * learningAnimation: the lesson's In [13] run (as written) played as frames of its decision boundary.
 * Costs come from numpy's run (test/fixtures/lesson.json, scripts/fixtures/lesson.py); the boundary frames
 * are checked against the library's own `predict` on the same grid.
 */
import test from "ava";
import { initializeParameters, loadPlanarDataset, nnModel, predict } from "../lib/lesson/index.js";
import type { Parameters } from "../lib/lesson/network.js";
import { boundaryGrid, decodeNumbers, figureToSvg, learningAnimation, toPng } from "../lib/plot/index.js";
import { lessonFixture as fx } from "./support/fixtures.js";
import { decodePalettePng } from "./plot-helpers.js";

const { X, Y } = loadPlanarDataset();
const fig = learningAnimation(X, Y, { nH: 4, numIterations: 10000, learningRate: 1.2, every: 200 });
const frames = fig.frames as { name: string; data: Record<string, unknown>[]; traces: number[] }[];
const layout = fig.layout as Record<string, any>;

function zOf(spec: unknown): number[] {
  return decodeNumbers(spec);
}

test("a frame every 200 iterations from 0 to 10000, one slider step per frame, play and pause", (t) => {
  const its = Array.from({ length: 51 }, (_, i) => String(i * 200));
  t.deepEqual(frames.map((f) => f.name), its);
  t.true(frames.every((f) => f.traces.join() === "0,3"));
  const steps = layout.sliders[0].steps as { label: string; method: string; args: [string[]] }[];
  t.deepEqual(steps.map((s) => s.label), its);
  t.deepEqual(steps.map((s) => s.args[0][0]), its);
  t.true(steps.every((s) => s.method === "animate"));
  t.is(layout.sliders[0].active, 50);
  const buttons = layout.updatemenus[0].buttons as { method: string; args: unknown[] }[];
  t.deepEqual(buttons.map((b) => b.method), ["animate", "animate"]);
  t.is(buttons[0].args[0], null); // play: every frame
  t.deepEqual(buttons[1].args[0], [null]); // pause
  // the JSON holds the frames; the plain figures stay { data, layout }
  t.is((JSON.parse(JSON.stringify(fig)) as { frames: unknown[] }).frames.length, 51);
});

test("the marked iteration and the cost curve are numpy's costs of the lesson's run (as written)", (t) => {
  const curve = fig.data[2];
  const xs = decodeNumbers(curve.x);
  const ys = decodeNumbers(curve.y);
  for (const [it, cost] of fx.nn_as_written.cost_log as [number, number][]) {
    const k = xs.indexOf(it);
    t.true(k >= 0, `iteration ${it} on the curve`);
    t.true(Math.abs(ys[k] - cost) <= 1e-6 * cost, `cost at ${it}: ${ys[k]} vs numpy ${cost}`); // stored as float32
    const frame = frames.find((f) => f.name === String(it))!;
    t.deepEqual(frame.data[1].x, [it]);
    t.true(Math.abs((frame.data[1].y as number[])[0] - cost) < 1e-12, `marker at ${it}`);
  }
  // opens on the trained network: the marker at the last iteration
  t.deepEqual(fig.data[3].x, [10000]);
});

test("the boundary frames are predict's classes on the grid: the last one those of nnModel's parameters", (t) => {
  const { xs, ys, points } = boundaryGrid(X, 0.15);
  const trained = nnModel(X, Y, 4, { gradient: "as-written" });
  const expected = Array.from(predict(trained, points.T).values() as ArrayLike<number>);
  t.deepEqual(zOf(frames[50].data[0].z), expected);
  t.deepEqual(zOf(fig.data[0].z), expected);
  t.is((fig.data[0].z as { shape: string }).shape, `${ys.length},${xs.length}`);
  // the first frame: the initial parameters (seed 2, as initializeParameters)
  const first = Array.from(predict(initializeParameters(2, 4, 1), points.T).values() as ArrayLike<number>);
  t.deepEqual(zOf(frames[0].data[0].z), first);
  // the boundary changes as the network learns
  t.notDeepEqual(zOf(frames[1].data[0].z), zOf(frames[50].data[0].z));
});

test("nnModel's onIteration gives the parameters each reported iteration starts from, in both implementations", (t) => {
  const seen: Record<string, Parameters[]> = { fused: [], np: [] };
  for (const implementation of ["fused", "np"] as const) {
    nnModel(X, Y, 4, { numIterations: 201, costEvery: 200, gradient: "as-written", implementation, onIteration: (_, p) => seen[implementation].push(p) });
  }
  t.is(seen.fused.length, 2); // 0 and 200 (also the last)
  const init = initializeParameters(2, 4, 1);
  t.deepEqual(Array.from(seen.fused[0].W1.values()), Array.from(init.W1.values()));
  for (const key of ["W1", "b1", "W2", "b2"] as const) {
    const a = seen.fused[1][key].values();
    const b = seen.np[1][key].values();
    for (let i = 0; i < a.length; i++) t.true(Math.abs(a[i] - b[i]) < 1e-9, `${key}[${i}] at iteration 200`);
  }
});

test("the static picture: the boundary at 0, 400, 2000 and 10000 iterations side by side, as a PNG", (t) => {
  const svg = figureToSvg(fig);
  t.is((svg.match(/class="trace heatmap"/g) ?? []).length, 4);
  for (const it of [0, 400, 2000, 10000]) t.true(svg.includes(`iteration ${it}, cost`), `cell of iteration ${it}`);
  const png = decodePalettePng(toPng(fig));
  t.is(png.width, 1040);
  t.true(png.height >= 280);
});

test("small enough for a notebook: the figure's JSON under 600 kB (a notebook stores it twice, plus the PNG)", (t) => {
  t.true(JSON.stringify(fig).length < 600_000, `${JSON.stringify(fig).length} bytes`);
});

test("every word is an option: a Russian animation has no English default left", (t) => {
  const ru = learningAnimation(X, Y, {
    numIterations: 400,
    every: 200,
    title: "Сеть учится",
    xlabel: "x₁",
    ylabel: "x₂",
    costXlabel: "итерация",
    costYlabel: "функция потерь",
    iterationLabel: "итерация",
    costLabel: "потери",
    playLabel: "▶ Пуск",
    pauseLabel: "❚❚ Пауза",
  });
  const text = JSON.stringify(ru) + figureToSvg(ru);
  for (const english of ["iteration", "cost", "Play", "Pause", "network"]) t.false(text.includes(english), english);
  // axis titles (the points' hover text names the coordinates x1, x2 as the lesson does)
  for (const axis of ["xaxis", "yaxis", "xaxis2", "yaxis2"]) t.false(/^x[12]$/.test((ru.layout[axis] as { title: { text: string } }).title.text), axis);
  t.false(/>x[12]</.test(figureToSvg(ru)));
  t.true(text.includes("Сеть учится"));
  t.throws(() => learningAnimation(X, Y, { every: 0 }), { message: "every must be an integer >= 1, got 0" });
});

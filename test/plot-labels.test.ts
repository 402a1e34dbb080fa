/**
 * Every figure's words are options (title, axis titles, legend and trace names), so that a notebook can be
 * entirely Russian or English; the static picture shows them, and no English default is left.
 */
import test from "ava";
import {
  activationsFigure, confusionMatrixFigure, costCurves, datasetScatter, decisionBoundary, figureToSvg, hiddenSizeSweep,
  learningRateSchedules, liveCostCurve, type Figure,
} from "../lib/plot/index.js";
import { X, Y, wedgeModel } from "./browser/sample-figures.js";

const sigmoid = (z: { values(): ArrayLike<number> }) => Float64Array.from(z.values(), (v) => 1 / (1 + Math.exp(-v)));

const russian: Record<string, [Figure, string[]]> = {
  dataset: [datasetScatter(X, Y, { title: "Цветок", xlabel: "признак 1", ylabel: "признак 2" }), ["Цветок", "признак 1", "признак 2"]],
  boundary: [decisionBoundary(wedgeModel(), X, Y, { title: "Граница", xlabel: "признак 1", ylabel: "признак 2" }), ["Граница", "признак 1"]],
  costs: [
    costCurves([{ name: "как в уроке", costs: [0.7, 0.5, 0.3] }, { name: "верный градиент", costs: [0.6, 0.4, 0.2] }], { title: "Потери", xlabel: "итерация", ylabel: "потери", logY: true }),
    ["Потери", "итерация", "потери", "как в уроке", "верный градиент"],
  ],
  activations: [
    activationsFigure([{ name: "сигмоида", f: sigmoid, df: (z) => sigmoid(z).map((a) => a * (1 - a)) }], { title: "Функции активации", xlabel: "z", fName: "g(z)", dfName: "производная" }),
    ["Функции активации", "сигмоида", "производная"],
  ],
  schedules: [
    learningRateSchedules([{ name: "постоянная", alpha: () => 1.2 }], { title: "Скорость обучения", xlabel: "итерация", ylabel: "скорость α" }),
    ["Скорость обучения", "итерация", "скорость α", "постоянная"],
  ],
  confusion: [confusionMatrixFigure([[1, 2], [3, 4]], { title: "Матрица ошибок", xlabel: "предсказано", ylabel: "на самом деле" }), ["Матрица ошибок", "предсказано", "на самом деле"]],
  live: [
    (() => {
      const live = liveCostCurve({ title: "Обучение", xlabel: "итерация", ylabel: "стоимость", name: "стоимость" });
      live.push(0, 0.7);
      live.push(100, 0.5);
      return live.figure();
    })(),
    ["Обучение", "итерация", "стоимость"],
  ],
  sweep: [
    hiddenSizeSweep([{ hiddenSize: 2, predict: wedgeModel() }], X, Y, { h: 0.05, title: "Размер скрытого слоя", cellTitle: (r) => `нейронов: ${r.hiddenSize}` }),
    ["Размер скрытого слоя", "нейронов: 2"],
  ],
};

const ENGLISH = ["Cost", "cost", "iteration", "Activation", "learning rate", "Learning-rate", "Predicted", "True label", "Confusion", "Hidden Layer", "Decision boundary"];

for (const [name, [fig, words]] of Object.entries(russian)) {
  test(`${name}: the given words are in the figure and its static picture, no English default is left`, (t) => {
    const svg = figureToSvg(fig);
    const json = JSON.stringify(fig);
    for (const w of words) t.true(svg.includes(w), `${w} in the SVG`);
    for (const w of ENGLISH) t.false(json.includes(w) || svg.includes(w), `${w} left`);
  });
}

test("defaults stay as they were: English titles and axis titles", (t) => {
  const fig = costCurves([0.5, 0.4]);
  t.is(fig.title, "Cost");
  t.deepEqual([(fig.layout.xaxis as any).title.text, (fig.layout.yaxis as any).title.text], ["iteration", "cost"]);
  const cm = confusionMatrixFigure([[1, 0], [0, 1]]);
  t.deepEqual([(cm.layout.xaxis as any).title.text, (cm.layout.yaxis as any).title.text], ["Predicted label", "True label"]);
});

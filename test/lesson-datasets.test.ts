/** The extra datasets against scikit-learn's generators, their table, and the hidden-size sweep. */
import test from "ava";
import { EXTRA_DATASETS, extraDatasetsTable, loadExtraDatasets } from "../lib/lesson/datasets.js";
import { HIDDEN_LAYER_SIZES, hiddenSizeSweep, sweepLine } from "../lib/lesson/sweep.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { lessonFixture as fx, maxDiff } from "./support/fixtures.js";

test("loadExtraDatasets equals scikit-learn's make_circles/make_moons/make_blobs/make_gaussian_quantiles with the same seeds", (t) => {
  const d = loadExtraDatasets();
  t.deepEqual(Object.keys(d), [...EXTRA_DATASETS]);
  for (const name of EXTRA_DATASETS) {
    t.deepEqual(d[name].X.shape, [2, 200], name);
    t.deepEqual(d[name].Y.shape, [1, 200], name);
    t.is(d[name].Y.dtype, "uint8");
    t.true(maxDiff(d[name].X, fx.extra_datasets[name].X) < 1e-14, `${name} X`);
    t.is(maxDiff(d[name].Y, fx.extra_datasets[name].Y), 0, `${name} Y`);
  }
});

test("extraDatasetsTable: logistic regression as scikit-learn's, the network near numpy's", (t) => {
  const rows = extraDatasetsTable();
  t.deepEqual(rows.map((r) => r.dataset), [...EXTRA_DATASETS]);
  for (const r of rows) {
    const e = fx.extra_datasets[r.dataset];
    t.is(r.m, 200);
    t.is(r.logisticRegressionPercent, e.lr_accuracy_pct, r.dataset);
    // 10000 steps at rate 1.2 amplify last-bit differences on some of these datasets (numpy 1.24
    // and numpy 2.4 themselves disagree on noisy circles, 81 % vs 85 %): a tolerance, not equality
    const tol = r.dataset === "noisy_circles" ? 5 : 1;
    t.true(Math.abs(r.networkPercent - e.nn_accuracy_pct) <= tol, `${r.dataset}: ${r.networkPercent} vs numpy ${e.nn_accuracy_pct}`);
    t.true(r.networkPercent >= r.logisticRegressionPercent || r.dataset === "no_structure");
  }
});

// Some sizes sit on a knife edge: numpy itself goes from 91.0 % to 90.5 % for 5 hidden units when
// X is scaled by 1 ± 1e-15, so only n_h = 4 (the lesson's, stable) is compared exactly.
test("hiddenSizeSweep trains one network per size: 4 hidden units as numpy, the others within 1.5 points", (t) => {
  const { X, Y } = loadPlanarDataset();
  const rows = hiddenSizeSweep(X, Y);
  t.deepEqual(rows.map((r) => r.nH), [...HIDDEN_LAYER_SIZES]);
  rows.forEach((r, i) => {
    const e = fx.sweep[i];
    t.is(r.nH, e.n_h);
    t.deepEqual(r.parameters.W1.shape, [r.nH, 2]);
    if (r.nH === 4) t.is(r.accuracyPercent, e.accuracy_pct);
    else t.true(Math.abs(r.accuracyPercent - e.accuracy_pct) <= 1.5, `${r.nH}: ${r.accuracyPercent} vs ${e.accuracy_pct}`);
  });
  t.is(sweepLine(rows[3]), "Accuracy for 4 hidden units: 90.75 %");
  t.is(sweepLine({ ...rows[3], accuracyPercent: 68 }), "Accuracy for 4 hidden units: 68.0 %");
  t.throws(() => hiddenSizeSweep(X, Y, { sizes: [0] }), { message: "hidden sizes must be positive integers, got 0" });
});

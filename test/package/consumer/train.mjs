// (a) An ES-module script: trains the lesson's network and checks what numpy's lesson printed.
// expected.json is written by .ci/steps/50-package.sh from test/fixtures/lesson.json (numpy's values).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { np, loadPlanarDataset, nnModel, predict, accuracyScore, plot } from "dl-lesson2-ts";
import { np as npOnly } from "dl-lesson2-ts/np";

const expected = JSON.parse(readFileSync(new URL("./expected.json", import.meta.url), "utf8"));
const fail = (message) => { console.error(`train.mjs: ${message}`); process.exit(1); };

// importing the package loads no native or heavy package: resvg and cli-progress come when used
const loaded = Object.keys(createRequire(import.meta.url).cache);
const heavy = loaded.filter((p) => /resvg|cli-progress|plotly/.test(p));
if (heavy.length) fail(`import loaded ${heavy.join(", ")}`);
if (npOnly.NDArray !== np.NDArray) fail("dl-lesson2-ts/np is another copy of np");

const { X, Y } = loadPlanarDataset();
const lines = [];
const parameters = nnModel(X, Y, 4, { numIterations: 10000, printCost: true, print: (l) => lines.push(l) });
const P = predict(parameters, X);
const accuracy = accuracyScore(Y, P) * 100;
if (JSON.stringify(lines) !== JSON.stringify(expected.printed)) fail(`printed ${JSON.stringify(lines)}, numpy printed ${JSON.stringify(expected.printed)}`);
if (Math.abs(accuracy - expected.accuracyPct) > 1e-9) fail(`accuracy ${accuracy} %, numpy's ${expected.accuracyPct} %`);
if (JSON.stringify(np.tolist(P)) !== JSON.stringify(expected.predictions)) fail("predictions differ from numpy's");

// a PNG made outside a notebook: resvg is loaded now, on first use
const png = plot.toPng(plot.datasetScatter(X, Y));
if (png.subarray(1, 4).toString() !== "PNG") fail("toPng did not return a PNG");
console.log(`package: (a) ESM script: nnModel ${accuracy} % (numpy ${expected.accuracyPct} %), ${lines.length} cost lines as numpy's, PNG ${png.length} bytes`);

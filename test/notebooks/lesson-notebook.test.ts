/**
 * The committed, executed lesson notebooks show the original's outputs: the 47 % line, the ten
 * "Cost after iteration ..." lines (numpy's, from test/fixtures/lesson.json), the corrected run's lines,
 * the lesson's figures, every original cell In [1]-In [16], and no scan artefacts in the text.
 * (CI's .ci/steps/20-notebooks.sh re-executes them with tslab and compares; these tests read the files.)
 */
import test from "ava";
import { readFileSync, statSync } from "node:fs";

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: "code" | "markdown";
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
}

const fixture = JSON.parse(readFileSync("test/fixtures/lesson.json", "utf8")) as {
  nn_as_written: { printed: string[] };
  nn_true_gradient: { printed: string[] };
  logistic_regression: { printed: string };
};
const NOTEBOOKS = { ru: "notebooks/lesson2.ipynb", en: "notebooks/lesson2.en.ipynb" } as const;
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

function load(path: string): Cell[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] }).cells;
}
function stdout(cell: Cell): string[] {
  return (cell.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stdout").flatMap((o) => join(o.text).split("\n")).filter((l) => l !== "");
}
function figures(cell: Cell): number {
  return (cell.outputs ?? []).filter((o) => o.data && "application/vnd.plotly.v1+json" in o.data && "image/png" in o.data).length;
}
function cellOf(cells: Cell[], marker: string): Cell {
  const found = cells.filter((c) => c.cell_type === "code" && join(c.source).startsWith(marker));
  if (found.length !== 1) throw new Error(`expected one code cell starting with ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0];
}

for (const [lang, path] of Object.entries(NOTEBOOKS)) {
  const cells = load(path);

  test(`${path}: In [13] prints numpy's ten cost lines and draws the boundary`, (t) => {
    const c = cellOf(cells, "// In [13]");
    t.deepEqual(stdout(c), fixture.nn_as_written.printed);
    t.is(figures(c), 1);
  });

  test(`${path}: In [4] prints the 47 % line and draws the logistic-regression boundary`, (t) => {
    const c = cellOf(cells, "// In [4]");
    const want = lang === "ru" ? fixture.logistic_regression.printed : "Model quality (by the accuracy metric): 47 %";
    t.deepEqual(stdout(c), [want]);
    t.is(figures(c), 1);
  });

  test(`${path}: In [3] draws the dataset`, (t) => {
    t.is(figures(cellOf(cells, "// In [3]")), 1);
  });

  test(`${path}: has the original's cells In [1]-In [16] in order, the lesson's functions with START CODE HERE blocks`, (t) => {
    const starts = cells.filter((c) => c.cell_type === "code").map((c) => join(c.source).match(/^\/\/ In \[(\d+)\]/)?.[1]).filter((x) => x);
    t.deepEqual(starts, Array.from({ length: 16 }, (_, i) => String(i + 1)));
    const code = cells.filter((c) => c.cell_type === "code").map((c) => join(c.source)).join("\n");
    for (const fn of ["layerSizes", "initializeParameters", "forwardPropagation", "computeCost", "backwardPropagation", "updateParameters", "nnModel", "predict"]) {
      t.regex(code, new RegExp(`function ${fn}\\(`), fn);
    }
    t.is(code.match(/\/\/ ### START CODE HERE ###/g)?.length, 9); // as the original: nnModel has two
    t.regex(code, /const db1 = 1 \/ m \* np\.sum\(dZ1\);/, "the original's db1 sum is kept");
  });

  test(`${path}: the corrected run prints the true gradient's cost lines`, (t) => {
    const c = cells.find((x) => x.cell_type === "code" && join(x.source).includes('gradient: "true", printCost: true'));
    t.truthy(c);
    t.deepEqual(stdout(c!).filter((l) => l.startsWith("Cost after")), fixture.nn_true_gradient.printed);
  });

  test(`${path}: every cell tagged figure shows a figure; no error outputs`, (t) => {
    for (const c of cells.filter((x) => x.cell_type === "code")) {
      if (c.metadata.tags?.includes("figure")) t.true(figures(c) >= 1, join(c.source).slice(0, 60));
      t.false((c.outputs ?? []).some((o) => o.output_type === "error"), join(c.source).slice(0, 60));
    }
  });

  test(`${path}: is under 3 MB and its text has no scan artefacts`, (t) => {
    t.true(statSync(path).size < 3 * 1024 * 1024);
    const text = cells.map((c) => join(c.source)).join("\n");
    for (const bad of ["3α2ρужаем", "Peanusyume", "nomepь", "Waz ", "равенстовом", "большинчтве", "і-ом"]) t.false(text.includes(bad), bad);
  });
}

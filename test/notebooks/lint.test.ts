/**
 * The notebook lint (scripts/notebooks/lint.ts): the committed notebooks pass it, and each of its rules
 * fails on a notebook that breaks it (a long line, nested np calls, the wrong language in a title or a
 * printed line, a machine path), through the function and through the command's exit status.
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lintNotebook, latinProse, nestedNpCalls, MAX_LINE, MAX_NESTED_NP, type Cell, type LintProblem, type Notebook } from "../../scripts/notebooks/lint.js";

const NOTEBOOKS = { ru: "notebooks/lesson2.ipynb", en: "notebooks/lesson2.en.ipynb" } as const;
const load = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Notebook;
const rules = (problems: LintProblem[]) => [...new Set(problems.map((p) => p.rule))];

function code(source: string, outputs: Cell["outputs"] = [], tags = ["lesson"]): Cell {
  return { cell_type: "code", source, metadata: { tags }, outputs };
}
const stdout = (text: string) => ({ output_type: "stream", name: "stdout", text });
function figure(layout: Record<string, unknown>, names: string[] = []) {
  return { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { data: names.map((name) => ({ name })), layout }, "text/plain": "Figure" } };
}

for (const [lang, path] of Object.entries(NOTEBOOKS) as [keyof typeof NOTEBOOKS, string][]) {
  test(`${path} passes the notebook lint`, (t) => {
    const problems = lintNotebook(load(path), lang, path);
    t.deepEqual(problems.map((p) => `[${p.rule}] cell ${p.cell}: ${p.message}`), []);
  });
}

test("the lesson's cells have at most 3 nested np calls, and the count sees them", (t) => {
  const cells = load(NOTEBOOKS.ru).cells.filter((c) => c.cell_type === "code" && c.metadata?.tags?.includes("lesson"));
  const count = cells.flatMap((c) => nestedNpCalls(Array.isArray(c.source) ? c.source.join("") : c.source)).length;
  t.true(count <= MAX_NESTED_NP, `${count} nested`);
  t.deepEqual(nestedNpCalls("np.sum(np.add(np.multiply(Y, np.log(A2)), 1))").map((c) => c.name), ["np.add", "np.multiply", "np.log"]);
  t.deepEqual(nestedNpCalls("np.sum(Y.mul(A2.log())); np.dot(W1, X).add(np.tanh(b1)); lib.np.add(np.exp(1))"), []);
  t.deepEqual(nestedNpCalls('np.sum(f("np.log(x)" /* np.log( */), `${np.log(2)}`) // np.exp(np.log(1))').map((c) => c.name), ["np.log"]);
  t.deepEqual(nestedNpCalls("np.random.seed(np.random.randint(0, 5))").map((c) => c.name), ["np.random.randint"]);
});

test("a code line over 100 characters fails", (t) => {
  const ok = "x".repeat(MAX_LINE), long = "y".repeat(MAX_LINE + 1);
  t.deepEqual(lintNotebook({ cells: [code(`const a = 1;\n${ok}`)] }, "en"), []);
  const problems = lintNotebook({ cells: [code(`const a = 1;\n${long}`, [], [])] }, "en");
  t.deepEqual(rules(problems), ["line-length"]);
  t.regex(problems[0].message, /line 2 has 101 characters/);
  // characters, not bytes: 100 Cyrillic letters pass
  t.deepEqual(lintNotebook({ cells: [code("ж".repeat(MAX_LINE))] }, "ru"), []);
});

test("more than 3 nested np calls in the lesson's cells fail; outside the lesson they do not count", (t) => {
  const four = "np.sum(np.log(A)); np.sum(np.exp(B));\nnp.dot(np.tanh(C), D); np.add(np.negative(E), 1);";
  const problems = lintNotebook({ cells: [code(four)] }, "en");
  t.deepEqual(rules(problems), ["nested-np"]);
  t.regex(problems[0].message, /4 nested np calls .*np\.log \(cell 0, line 1\).*np\.negative \(cell 0, line 2\)/);
  t.deepEqual(lintNotebook({ cells: [code(four, [], ["figure"])] }, "en"), []);
  t.deepEqual(lintNotebook({ cells: [code("np.sum(np.log(A)); np.sum(np.exp(B)); np.dot(np.tanh(C), D);")] }, "en"), []);
});

test("English prose in the Russian notebook's titles, axis titles, legend names and printed lines fails", (t) => {
  const ok = [
    stdout("Качество модели (согласно метрике accuracy): 47 %\nCost after iteration 0: 1.127380\n"),
    stdout("j   численно     np.sum(dZ1) (In [9])   np.sum(dZ1, axis=1)\nb1 (In [9], как в уроке): -0.019020\n"),
    figure({ title: { text: "Граница решений, n_h = 4" }, xaxis: { title: { text: "x1" } }, yaxis: { title: { text: "x2" } } }, ["g(z)", "g&#39;(z)", "tanh"]),
    figure({ sliders: [{ currentvalue: { prefix: "итерация " }, steps: [{ label: "200" }] }], updatemenus: [{ buttons: [{ label: "▶ Пуск" }] }] }),
  ];
  t.deepEqual(lintNotebook({ cells: [code("plot()", ok, ["figure"])] }, "ru"), []);
  const bad: [string, NonNullable<Cell["outputs"]>[number]][] = [
    ["title", figure({ title: { text: "Decision boundary, n_h = 4" } })],
    ["axis title", figure({ xaxis: { title: { text: "iterations" } } })],
    ["legend name", figure({}, ["true gradient"])],
    ["subplot title", figure({ annotations: [{ text: "Hidden Layer of size 4" }] })],
    ["tick text", figure({ xaxis: { ticktext: ["0 (red)", "1 (blue)"] } })],
    ["slider prefix", figure({ sliders: [{ currentvalue: { prefix: "iteration " }, steps: [{ label: "200" }] }] })],
    ["button label", figure({ updatemenus: [{ buttons: [{ label: "▶ Play" }, { label: "❚❚ Пауза" }] }] })],
    ["printed line", stdout("accuracy: as in the lesson 91.5 %\n")],
    ["word in parentheses", stdout("облака точек (blobs)\n")],
  ];
  for (const [what, output] of bad) {
    const problems = lintNotebook({ cells: [code("plot()", [output], [])] }, "ru");
    t.deepEqual(rules(problems), ["language"], what);
  }
  t.deepEqual(latinProse("n_h = 4, np.sum(dZ1), x1, f1-score, (In [9]), accuracy 0.91, j m"), []);
  t.deepEqual(latinProse("Cost by hidden activation"), ["Cost", "by", "hidden", "activation"]);
});

test("Cyrillic anywhere in the English notebook fails: markdown, code, printed lines, figure texts", (t) => {
  const cases: [string, Cell][] = [
    ["markdown", { cell_type: "markdown", source: "## Часть 1" }],
    ["code comment", code("// загружаем датасет")],
    ["printed line", code("f()", [stdout("Качество модели: 47 %\n")])],
    ["figure title", code("f()", [figure({ title: { text: "Логистическая регрессия" } })])],
  ];
  for (const [what, cell] of cases) t.deepEqual(rules(lintNotebook({ cells: [cell] }, "en")), ["language"], what);
});

test("an absolute path of the executing machine in an output fails, in every language and cell", (t) => {
  const paths = ["/work/main/notebooks:", "cd: no folder 'x' in /root/notebooks", "/home/me/repo", "at /Users/me/x.ts:1", "C:\\Users\\yaro\\Anaconda3\\lib"];
  for (const p of paths) {
    const problems = lintNotebook({ cells: [code("ls()", [stdout(p + "\n")], ["volatile"])] }, "en");
    t.deepEqual(rules(problems), ["machine-path"], p);
  }
  const html = { output_type: "display_data", data: { "text/html": '<script src="/files/work/x.js"></script><b>/home/me</b>' } };
  t.deepEqual(rules(lintNotebook({ cells: [code("f()", [html])] }, "en")), ["machine-path"]);
  t.deepEqual(lintNotebook({ cells: [code("ls()", [stdout("notebooks:\n  lesson2.ipynb\n")], ["volatile"])] }, "en"), []);
});

test("the command exits 0 on the committed notebooks and 1 on a notebook that breaks a rule", (t) => {
  const run = (...args: string[]) => spawnSync(process.execPath, ["--import=tsx", "scripts/notebooks/lint.ts", ...args], { encoding: "utf8" });
  const good = run();
  t.is(good.status, 0, good.stderr);
  t.regex(good.stdout, /lint\.ts: ok notebooks\/lesson2\.en\.ipynb \(en\)/);
  t.regex(good.stdout, /lint\.ts: ok notebooks\/lesson2\.ipynb \(ru\)/);
  const dir = mkdtempSync(join(tmpdir(), "lint-"));
  try {
    const file = join(dir, "bad.en.ipynb");
    writeFileSync(file, JSON.stringify({ cells: [code("nvidiaSmi()", [stdout("Нет GPU\n")])] }));
    const bad = run(file);
    t.is(bad.status, 1);
    t.regex(bad.stderr, /FAILED .*bad\.en\.ipynb \(en\)[\s\S]*\[language\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The notebook lint: reads the committed notebooks (notebooks/*.ipynb) and fails on
 *
 * - `line-length`: a code line over {@link MAX_LINE} characters (every code cell);
 * - `nested-np`: more than {@link MAX_NESTED_NP} `np.*(...)` calls written inside the parentheses of
 *   another `np.*(...)` call, counted over the lesson's code cells (tagged "lesson", In [1]–In [16]),
 *   e.g. `np.sum(np.log(A2))` is one; `np.sum(A2.log())` and `np.dot(W1, X).add(b1)` are none;
 * - `language`: in the Russian notebook (`lesson2.ipynb`) a figure text (title, axis title, legend name,
 *   tick text, annotation, slider and button label) or a printed line with a Latin word that is neither code (`n_h`, `np.sum(dZ1)`,
 *   `x1`) nor one of the technical terms the Russian lesson itself writes in Latin ({@link RU_TERMS}); in
 *   the English notebook (`*.en.ipynb`) any Cyrillic letter, in its cells or its outputs. The original's own
 *   English lines ("Cost after iteration ...", scikit-learn's warning) are kept as they are, and so are
 *   the shell cells' outputs (cells tagged "volatile": the GPU driver's and the file system's text);
 * - `machine-path`: an absolute path of the machine that executed the notebook (`/work/`, `/root/`,
 *   `/home/`, `/Users/`, `/tmp/`, `C:\Users\` ...) anywhere in a cell's outputs.
 *
 *     npx tsx scripts/notebooks/lint.ts [NOTEBOOK ...]   # default: notebooks/*.ipynb; exit 1 on a problem
 *
 * test/notebooks/lint.test.ts runs it on the committed notebooks (so `npm test` and CI run it) and
 * checks that each rule fails on a violation. CI also runs it in .ci/steps/20-notebooks.sh.
 * @module
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Longest code line, in characters. */
export const MAX_LINE = 100;
/** Most nested `np` calls in the lesson's cells of one notebook. */
export const MAX_NESTED_NP = 3;

/**
 * Words the Russian notebook may write in Latin letters: the metric and function names the Russian
 * lesson itself uses untranslated ("метрике accuracy", "learning rate"), the columns of scikit-learn's
 * classification report, and Jupyter's `In [n]`.
 */
export const RU_TERMS: ReadonlySet<string> = new Set([
  "accuracy", "precision", "recall", "support", "macro", "weighted", "avg",
  "tanh", "sigmoid", "relu", "softplus", "learning", "rate", "max", "in",
]);

/** Lines the original printed in English, kept exactly in both notebooks. */
const ORIGINAL_LINES = [
  /^Cost after iteration \d+: -?\d+\.\d{6}$/,
  /DataConversionWarning: A column-vector y was passed when a 1d array was expected/,
  /^\s*y = column_or_1d\(y, warn=True\)$/,
];

const MACHINE_PATH = /(?:^|[\s'"`(=:,[>])(?:\/(?:work|root|home|Users|tmp|mnt|srv|opt|var|private)\/|[A-Za-z]:\\(?:Users|Windows)\\)/m;

export type Lang = "ru" | "en";

/** One finding: where and what. */
export interface LintProblem {
  notebook: string;
  /** Cell index in the notebook (0-based), or -1 for the whole notebook. */
  cell: number;
  rule: "line-length" | "nested-np" | "language" | "machine-path";
  message: string;
}

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
/** The part of an .ipynb cell the lint reads. */
export interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
  outputs?: Output[];
}
/** The part of an .ipynb file the lint reads. */
export interface Notebook {
  cells: Cell[];
}

const joined = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : s ?? "");
const tagsOf = (c: Cell): string[] => c.metadata?.tags ?? [];

/**
 * The `np` calls written inside another `np` call's parentheses, in TypeScript source: comments and
 * string literals are skipped, template literals' `${...}` expressions are read as code.
 *
 * @param code - TypeScript source.
 * @returns one entry per nested call: its name (`np.log`) and line (1-based).
 */
export function nestedNpCalls(code: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  // open brackets: true where the bracket opened an np call; "`" marks a template literal, "${" its expression
  const stack: (boolean | "`" | "${")[] = [];
  let line = 1;
  let i = 0;
  const inTemplate = () => stack[stack.length - 1] === "`";
  while (i < code.length) {
    const ch = code[i];
    if (ch === "\n") line++;
    if (inTemplate()) {
      if (ch === "\\") i += 2;
      else if (ch === "`") { stack.pop(); i++; }
      else if (ch === "$" && code[i + 1] === "{") { stack.push("${"); i += 2; }
      else i++;
      continue;
    }
    if (ch === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
      continue;
    }
    if (ch === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      const stop = end < 0 ? code.length : end + 2;
      line += (code.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== ch && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (ch === "`") { stack.push("`"); i++; continue; }
    if (ch === "(" || ch === "[" || ch === "{") { stack.push(false); i++; continue; }
    if (ch === ")" || ch === "]" || ch === "}") { stack.pop(); i++; continue; }
    const call = /^np(?:\s*\.\s*[A-Za-z_$][\w$]*)+\s*\(/.exec(code.slice(i, i + 80));
    if (call && !/[\w$.]/.test(code[i - 1] ?? "")) {
      if (stack.includes(true)) found.push({ name: call[0].replace(/[\s(]/g, ""), line });
      stack.push(true);
      i += call[0].length;
      continue;
    }
    i++;
  }
  return found;
}

/**
 * Texts a figure shows: titles, axis titles, legend names, tick texts, annotations, an animation's slider
 * prefix and step labels and its buttons (HTML unescaped).
 */
export function figureTexts(spec: unknown): string[] {
  const out: string[] = [];
  const fig = spec as { data?: Record<string, unknown>[]; layout?: Record<string, unknown> };
  const text = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object" && typeof (v as { text?: unknown }).text === "string") out.push((v as { text: string }).text);
  };
  for (const t of fig.data ?? []) {
    if (typeof t.name === "string") out.push(t.name);
  }
  for (const [key, v] of Object.entries(fig.layout ?? {})) {
    if (key === "title") text(v);
    else if (/^(x|y)axis\d*$/.test(key) && v && typeof v === "object") {
      const axis = v as { title?: unknown; ticktext?: unknown };
      text(axis.title);
      if (Array.isArray(axis.ticktext)) axis.ticktext.forEach(text);
    } else if (key === "annotations" && Array.isArray(v)) v.forEach(text);
    else if (key === "sliders" && Array.isArray(v)) {
      for (const slider of v as { currentvalue?: { prefix?: unknown }; steps?: { label?: unknown }[] }[]) {
        text(slider.currentvalue?.prefix);
        (slider.steps ?? []).forEach((step) => text(step.label));
      }
    } else if (key === "updatemenus" && Array.isArray(v)) {
      for (const menu of v as { buttons?: { label?: unknown }[] }[]) (menu.buttons ?? []).forEach((b) => text(b.label));
    }
  }
  return out.map(plain).filter((s) => s.trim() !== "");
}

function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The lines a reader sees as text in a cell's outputs: streams, errors and text/plain values. */
export function printedLines(cell: Cell): string[] {
  const lines: string[] = [];
  for (const o of cell.outputs ?? []) {
    if (o.output_type === "stream") lines.push(...joined(o.text).split("\n"));
    else if (o.output_type === "error") lines.push(`${o.ename}: ${o.evalue}`);
    else if (o.data && typeof o.data["text/plain"] !== "undefined" && !isFigure(o)) {
      lines.push(...joined(o.data["text/plain"] as string | string[]).split("\n"));
    }
  }
  return lines.filter((l) => l.trim() !== "");
}

const PLOTLY = "application/vnd.plotly.v1+json";
const isFigure = (o: Output): boolean => Boolean(o.data && PLOTLY in o.data);

/**
 * The Latin words of a Russian text that are prose, not code and not a known term: a word counts as code
 * when it holds a digit or one of `_ . = ( ) [ ] / \ | < > + * #` after its surrounding punctuation is
 * stripped; single letters are variables (`j`, `m`, `z`).
 */
export function latinProse(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(/^[(\[{"'«“,;:!?—–-]+|[)\]}"'»”,;:!?.—–-]+$/g, "");
    if (!/[A-Za-z]/.test(token) || /[\d_.=()[\]/\\|<>+*#]/.test(token)) continue;
    for (const w of token.split(/[^A-Za-z]+/)) {
      if (w.length > 1 && !RU_TERMS.has(w.toLowerCase())) words.push(w);
    }
  }
  return words;
}

/** Every string in an output, except pictures and binary data (base64 PNGs, plotly's typed arrays). */
function textsOf(value: unknown, key = ""): string[] {
  if (typeof value === "string") return key.startsWith("image/") || key === "bdata" || value.startsWith("data:") ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => textsOf(v, k));
  return [];
}

const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Lints one notebook.
 *
 * @param nb - the parsed .ipynb.
 * @param lang - "ru" or "en" (which language its titles and printed lines must be in).
 * @param name - the notebook's name in the messages.
 * @returns the problems, empty when the notebook passes.
 */
export function lintNotebook(nb: Notebook, lang: Lang, name = "notebook"): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (cell: number, rule: LintProblem["rule"], message: string) => problems.push({ notebook: name, cell, rule, message });
  let nested: { name: string; line: number; cell: number }[] = [];
  nb.cells.forEach((cell, k) => {
    const source = joined(cell.source);
    if (cell.cell_type === "code") {
      source.split("\n").forEach((l, n) => {
        const length = [...l].length;
        if (length > MAX_LINE) add(k, "line-length", `line ${n + 1} has ${length} characters (at most ${MAX_LINE}): ${l.trim().slice(0, 60)}...`);
      });
      if (tagsOf(cell).includes("lesson")) nested = nested.concat(nestedNpCalls(source).map((c) => ({ ...c, cell: k })));
    }
    if (lang === "en" && CYRILLIC.test(source)) {
      add(k, "language", `Cyrillic in the English notebook's ${cell.cell_type} cell: ${source.split("\n").find((l) => CYRILLIC.test(l))!.trim().slice(0, 80)}`);
    }
    const outputs = cell.outputs ?? [];
    for (const text of outputs.flatMap((o) => textsOf(o))) {
      const m = MACHINE_PATH.exec(text);
      if (m) add(k, "machine-path", `an absolute path of the executing machine in an output: ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 40))}`);
    }
    if (cell.cell_type !== "code" || tagsOf(cell).includes("volatile")) return;
    const texts = printedLines(cell)
      .filter((l) => !ORIGINAL_LINES.some((re) => re.test(l)))
      .map((l) => ({ what: "printed line", text: l }));
    for (const o of outputs) {
      if (isFigure(o)) texts.push(...figureTexts(o.data![PLOTLY]).map((t) => ({ what: "figure text", text: t })));
    }
    for (const { what, text } of texts) {
      if (lang === "en" && CYRILLIC.test(text)) add(k, "language", `Cyrillic in the English notebook's ${what}: ${JSON.stringify(text)}`);
      if (lang === "ru") {
        const words = latinProse(text);
        if (words.length) add(k, "language", `English words (${words.join(", ")}) in the Russian notebook's ${what}: ${JSON.stringify(text)}`);
      }
    }
  });
  if (nested.length > MAX_NESTED_NP) {
    const where = nested.map((c) => `${c.name} (cell ${c.cell}, line ${c.line})`).join(", ");
    add(-1, "nested-np", `${nested.length} nested np calls in the lesson's cells (at most ${MAX_NESTED_NP}): ${where}`);
  }
  return problems;
}

/** "en" for `*.en.ipynb`, else "ru" (the course's language). */
export function langOf(path: string): Lang {
  return basename(path).endsWith(".en.ipynb") ? "en" : "ru";
}

/** Lints the given notebook files (default: notebooks/*.ipynb); prints the problems; returns the exit status. */
export function main(paths: string[]): number {
  const files = paths.length ? paths : readdirSync("notebooks").filter((f) => f.endsWith(".ipynb")).sort().map((f) => join("notebooks", f));
  let failed = 0;
  for (const path of files) {
    const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
    const problems = lintNotebook(nb, langOf(path), path);
    if (problems.length) {
      failed++;
      console.error(`lint.ts: FAILED ${path} (${langOf(path)}):`);
      for (const p of problems) console.error(`  - [${p.rule}]${p.cell >= 0 ? ` cell ${p.cell}:` : ""} ${p.message}`);
    } else {
      const nested = nb.cells.filter((c) => c.cell_type === "code" && tagsOf(c).includes("lesson")).flatMap((c) => nestedNpCalls(joined(c.source))).length;
      console.log(`lint.ts: ok ${path} (${langOf(path)}): code lines <= ${MAX_LINE} characters, ${nested} nested np call(s) in the lesson, ` +
        `titles and printed lines in ${langOf(path) === "ru" ? "Russian" : "English"}, no machine paths`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}

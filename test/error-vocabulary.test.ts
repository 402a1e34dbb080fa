/**
 * One error vocabulary: every message about a shape is written by `formatShape` of lib/np/errors.ts
 * (numpy's "(400,)", "(2,400)"), never by hand. Greps lib/ for shape text built in template literals:
 * `${X.shape.join(",")}` (which prints a 1-D shape as "(400)", not numpy's "(400,)") and tuples put
 * together from numbers, `(${n}, 1)`.
 */
import test from "ava";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const LIB = fileURLToPath(new URL("../lib/", import.meta.url));
/** The one place allowed to build shape text (formatShape, and formatTuple for Python's tuple repr). */
const FORMATTER = "np/errors.ts";

const HAND_BUILT: readonly [RegExp, string][] = [
  [/\$\{[^}]*shape[^}]*\.join\(/i, "a shape joined by hand"],
  [/\(\$\{[^}]+\},\s*(\$\{[^}]+\}|\d+)\)/, "a tuple built from numbers"],
  [/\(\$\{[^}]+\},\)/, "a 1-tuple built by hand"],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The template literals of a source file, with the line each starts on. */
function templateLiterals(src: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const m of src.matchAll(/`(?:[^`\\]|\\.)*`/gs)) {
    out.push({ line: src.slice(0, m.index).split("\n").length, text: m[0] });
  }
  return out;
}

test("no message in lib/ builds shape text by hand: formatShape of lib/np/errors.ts writes every shape", (t) => {
  const found: string[] = [];
  const files = sources(LIB).map((f) => relative(LIB, f).split("\\").join("/"));
  t.true(files.includes(FORMATTER) && files.length > 20, `read ${files.length} files`);
  for (const file of files) {
    if (file === FORMATTER) continue;
    for (const { line, text } of templateLiterals(readFileSync(join(LIB, file), "utf8"))) {
      for (const [re, what] of HAND_BUILT) if (re.test(text)) found.push(`lib/${file}:${line}: ${what}: ${text.slice(0, 100)}`);
    }
  }
  t.deepEqual(found, []);
});

test("the grep finds what it is meant to find", (t) => {
  const flagged = (src: string) => templateLiterals(src).some(({ text }) => HAND_BUILT.some(([re]) => re.test(text)));
  t.true(flagged("throw new ValueError(`got (${Y.shape.join(\",\")})`);"));
  t.true(flagged("bad(`(${nH}, 1)`);"));
  t.true(flagged("`(${shape[0]},)`"));
  t.false(flagged("throw new ValueError(`got ${formatShape(Y.shape)}`);"));
  t.false(flagged("spec.shape = shape.join(\",\");")); // plotly's typed-array spec, not a message
});

/**
 * Bad input to np, the lesson or the figures is one of numpy's error classes (ValueError, TypeError,
 * AxisError, IndexError, OverflowError, MemoryError), never a bare Error. The bare Errors left are not
 * about the caller's values: a missing devDependency and a module that was not loaded.
 */
const BARE_ERROR_ALLOWED: readonly string[] = ["plot/figure.ts", "plot/report.ts"];

test("np, lesson and plot throw numpy's error classes for bad input, not a bare Error", (t) => {
  const found: string[] = [];
  for (const file of sources(LIB).map((f) => relative(LIB, f).split("\\").join("/"))) {
    if (!/^(np|lesson|plot)\//.test(file)) continue;
    readFileSync(join(LIB, file), "utf8").split("\n").forEach((line, i) => {
      if (/\bnew Error\(/.test(line) && !BARE_ERROR_ALLOWED.includes(file)) found.push(`lib/${file}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  t.deepEqual(found, []);
});

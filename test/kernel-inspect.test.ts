/**
 * Shift-Tab's text in the tslab kernel: scripts/kernel/tslab-kernel.cjs replaces tslab's printQuickInfo so
 * that a TSDoc comment shows as written (links inline, every tag with its name). The kernel itself is
 * tested through Jupyter in test/kernel/kernel_test.py (CI: .ci/steps/25-kernel.sh).
 */
import test from "ava";
import { createRequire } from "node:module";
import ts from "typescript";

const require = createRequire(import.meta.url);
const { printQuickInfo } = require("../scripts/kernel/tslab-kernel.cjs") as { printQuickInfo: (info: ts.QuickInfo) => string };

/** TypeScript's own quick info for `name` in a small source file. */
function quickInfo(source: string, name: string): ts.QuickInfo {
  const file = "/virtual/doc.ts";
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (f === file ? ts.ScriptSnapshot.fromString(source) : undefined),
    getCurrentDirectory: () => "/virtual",
    getCompilationSettings: () => ({ noLib: true }),
    getDefaultLibFileName: () => "lib.d.ts",
    fileExists: (f) => f === file,
    readFile: (f) => (f === file ? source : undefined),
  };
  const info = ts.createLanguageService(host).getQuickInfoAtPosition(file, source.lastIndexOf(name));
  if (!info) throw new Error(`no quick info for ${name}`);
  return info;
}

const SOURCE = `
/** The cost curve; {@link start} starts it. */
interface Curve { n: number }
/**
 * Starts a live cost curve (see {@link Curve}).
 * @param every - how often it is redrawn
 * @returns the live curve
 * @throws ValueError when every is not positive
 * @example
 * start(100);
 */
function start(every: number): Curve { return { n: every }; }
start(1);
`;

test("printQuickInfo shows a {@link} inline and keeps @param, @returns, @throws and @example with their names", (t) => {
  const text = printQuickInfo(quickInfo(SOURCE, "start"));
  t.is(
    text,
    [
      "function start(every: number): Curve",
      "Starts a live cost curve (see Curve).",
      "@param every - how often it is redrawn",
      "@returns the live curve",
      "@throws ValueError when every is not positive",
      "@example start(100);",
    ].join("\n\n"),
  );
});

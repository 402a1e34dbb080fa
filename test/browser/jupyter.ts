/**
 * Jupyter helpers of the browser tests: is Jupyter (with the tslab kernel) here, executing a notebook with
 * nbconvert, and a notebook of the plot demo whose import path points at the built library.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PYTHON = process.env.JUPYTER_PYTHON ?? "/usr/bin/python3";
export const DIST_PLOT = join(ROOT, "dist/plot/index.js");
export const FIXTURE = join(ROOT, "test/browser/fixtures/plot-demo.ipynb");

function pythonHas(code: string): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ["-c", code], { stdio: "ignore" }).status === 0;
}

/** Why Jupyter with tslab cannot run these tests, or null when it can. */
export function jupyterMissing(what: "nbconvert" | "notebook"): string | null {
  const mod = what === "nbconvert" ? "nbconvert" : "notebook";
  if (!pythonHas(`import ${mod}`)) return `${PYTHON} has no ${mod}: apt-get install -y ${what === "nbconvert" ? "jupyter-nbconvert" : "python3-notebook"} (scripts/setup.sh does)`;
  if (!pythonHas("from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec('tslab')")) {
    return "the tslab kernel is not registered: bash scripts/install-kernel.sh (scripts/setup.sh does)";
  }
  if (!existsSync(DIST_PLOT)) return `${relative(ROOT, DIST_PLOT)} is missing: npm run build (scripts/setup.sh does)`;
  return null;
}

/**
 * Writes the plot demo notebook into `dir` with its import pointing at dist/plot/index.js from there.
 * @param dir - folder to write into.
 * @returns the notebook's path.
 */
export function writeDemoNotebook(dir: string): string {
  const nb = readFileSync(FIXTURE, "utf8");
  const rel = relative(dir, DIST_PLOT).split("\\").join("/");
  const out = join(dir, "plot-demo.ipynb");
  writeFileSync(out, nb.replace("../../../dist/plot/index.js", rel.startsWith(".") ? rel : "./" + rel));
  return out;
}

/**
 * Executes a notebook with nbconvert and the tslab kernel; any cell error fails it.
 * @param notebook - input path (the kernel runs in its folder).
 * @param outDir - where the executed copy goes.
 * @returns the executed notebook's path.
 */
export function executeNotebook(notebook: string, outDir: string): string {
  execFileSync(PYTHON, ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--ExecutePreprocessor.timeout=300", "--output-dir", outDir, notebook], { stdio: "pipe" });
  return join(outDir, notebook.split("/").pop()!);
}

/**
 * Exports a notebook as nbconvert HTML (the default "lab" template).
 * @param notebook - the notebook.
 * @param outDir - where the .html goes.
 * @returns the HTML file's path.
 */
export function exportHtml(notebook: string, outDir: string): string {
  execFileSync(PYTHON, ["-m", "nbconvert", "--to", "html", "--output-dir", outDir, notebook], { stdio: "pipe" });
  return join(outDir, notebook.split("/").pop()!.replace(/\.ipynb$/, ".html"));
}

/** A notebook's outputs, cell by cell. */
export type Output = { output_type: string; data?: Record<string, unknown>; text?: string | string[]; name?: string };
export function cellOutputs(path: string): Output[][] {
  const nb = JSON.parse(readFileSync(path, "utf8"));
  return nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((c: { outputs: Output[] }) => c.outputs);
}

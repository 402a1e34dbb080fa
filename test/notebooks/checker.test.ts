/**
 * scripts/notebooks/run.py, the notebook checker of CI, on small notebooks run by the real tslab kernel:
 * it must pass a notebook whose outputs match, and fail on a cell error, on a figure cell without a
 * figure and on a printed line that differs from the committed one.
 * Needs Jupyter (Debian's python3-nbclient) and the tslab kernel (scripts/setup.sh); without them the
 * tests say loudly that they skip, and under CI=true a skip fails.
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const RUN = join(process.cwd(), "scripts", "notebooks", "run.py");

interface Cell {
  source: string;
  tags?: string[];
}

function notebook(cells: Cell[]): string {
  const dir = mkdtempSync(join(tmpdir(), "nb-check-"));
  const path = join(dir, "probe.ipynb");
  const nb = {
    cells: cells.map((c, i) => ({
      cell_type: "code", execution_count: null, id: `c${i}`, metadata: c.tags ? { tags: c.tags } : {}, outputs: [], source: c.source,
    })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(path, JSON.stringify(nb));
  return path;
}

function run(mode: "check" | "write", path: string) {
  const r = spawnSync(PYTHON, [RUN, mode, path], { encoding: "utf8", env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// Whether Jupyter (nbclient) and the tslab kernel are here, asked the way run.py asks.
const probe = spawnSync(PYTHON, ["-c", "import nbclient; from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec('tslab')"], {
  encoding: "utf8",
  env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
});
const skipped = probe.status !== 0;
const why = `${probe.stderr ?? ""}`.trim().split("\n").pop() ?? "";
if (skipped) {
  console.error(`\n*** test/notebooks/checker.test.ts SKIPPED: no Jupyter or no tslab kernel (${why}); run bash scripts/setup.sh ***\n`);
}
const jupyterTest = skipped && process.env.CI !== "true" ? test.skip : test;

test("run.py: a skip is a failure under CI=true", (t) => {
  t.false(skipped && process.env.CI === "true", `the notebook checker could not run: ${why}`);
});

jupyterTest("run.py write, then check passes when the printed lines match", (t) => {
  const path = notebook([{ source: 'console.log("hello", 6 * 7)' }, { source: "const x: number = 3;\nx * 2" }]);
  const w = run("write", path);
  t.is(w.status, 0, w.out);
  const saved = JSON.parse(readFileSync(path, "utf8"));
  t.deepEqual(saved.cells[0].outputs[0].text.join(""), "hello 42\n");
  const c = run("check", path);
  t.is(c.status, 0, c.out);
  t.regex(c.out, /ok .*probe\.ipynb: 2 code cells ran without error/);
});

jupyterTest("run.py check fails on a printed line that differs from the committed notebook", (t) => {
  const path = notebook([{ source: 'console.log("hello", 6 * 7)' }]);
  t.is(run("write", path).status, 0);
  const nb = JSON.parse(readFileSync(path, "utf8"));
  nb.cells[0].outputs[0].text = ["hello 43\n"];
  writeFileSync(path, JSON.stringify(nb));
  const c = run("check", path);
  t.is(c.status, 1, c.out);
  t.regex(c.out, /printed lines differ from the committed notebook/);
  t.regex(c.out, /-\[stdout\] hello 43\n\s*\+\[stdout\] hello 42/);
});

jupyterTest("run.py check fails on a cell error and shows the error", (t) => {
  const path = notebook([{ source: "const a = 1;" }, { source: 'throw new Error("boom in cell 2")' }, { source: 'console.log("after")' }]);
  const c = run("check", path);
  t.is(c.status, 1, c.out);
  t.regex(c.out, /a cell raised an error/);
  t.regex(c.out, /Error: boom in cell 2/);
});

jupyterTest("run.py check fails on a TypeScript compile error", (t) => {
  const path = notebook([{ source: 'const n: number = "text";' }]);
  const c = run("check", path);
  t.is(c.status, 1, c.out);
  t.regex(c.out, /Type 'string' is not assignable to type 'number'/);
});

jupyterTest("run.py write fails on a cell tagged figure that shows no figure", (t) => {
  const path = notebook([{ source: 'console.log("no plot here")', tags: ["figure"] }]);
  const c = run("write", path);
  t.is(c.status, 1, c.out);
  t.regex(c.out, /tagged 'figure' but shows no figure/);
});

jupyterTest("run.py check ignores the printed lines of a cell tagged volatile", (t) => {
  const path = notebook([{ source: "console.log(Date.now())", tags: ["volatile"] }]);
  t.is(run("write", path).status, 0);
  const c = run("check", path);
  t.is(c.status, 0, c.out);
});

/** lib/main.ts (`npm start`): the original's printed lines in order, then the rest, then the figures. */
import test from "ava";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lessonFixture as fx } from "./support/fixtures.js";

const root = fileURLToPath(new URL("..", import.meta.url));

function runMain(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", "lib/main.ts", ...args], { cwd: root, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr }),
    );
  });
}

test("main (npm start) prints the original's lines first, in order and to its digits, then the true-gradient run, metrics and figures", async (t) => {
  const out = mkdtempSync(join(tmpdir(), "lesson-main-"));
  try {
    const { stdout, stderr } = await runMain(["--quick", "--out", out]);
    const lines = stdout.split("\n");
    // what the original printed (In[4] and In[13]), nothing before or between
    t.deepEqual(lines.slice(0, 11), [fx.logistic_regression.printed, ...fx.nn_as_written.printed]);
    t.is(lines[0], "Качество модели (согласно метрике accuracy): 47 %");
    // In[4]'s scikit-learn warning goes to stderr, as in the original
    t.regex(stderr, /DataConversionWarning: A column-vector y was passed when a 1d array was expected/);
    // no progress bar when stdout is not a terminal
    t.false(stdout.includes("ETA"));
    // the run with the true gradient prints numpy's lines for it
    const start = lines.findIndex((l) => l.startsWith("=== The network with the true gradient"));
    t.true(start > 11);
    t.deepEqual(lines.slice(start + 1, start + 11), fx.nn_true_gradient.printed);
    // the gradient check shows db1
    t.regex(stdout, /^as-written: .*b1 [1-9]\.\de-1/m);
    // metrics of both networks and the baseline
    t.regex(stdout, /^logistic regression\s+0\.4700 /m);
    t.regex(stdout, /^network, as written\s+0\.9150\s+0\.9109\s+0\.9200\s+0\.9154$/m);
    t.regex(stdout, /^network, true gradient\s+0\.9150\s+0\.9150\s+0\.9150\s+0\.9150$/m);
    t.true(stdout.includes("confusion matrix [[TN FP] [FN TP]] = [[182,18],[16,184]]"));
    // the report and the figures' PNGs, in the folder it names
    t.true(stdout.includes(`the report ${join(out, "index.html")}`));
    for (const name of ["dataset", "logistic_regression", "decision_boundary_h4", "learning_animation", "cost_curves", "confusion_matrix_as_written"]) {
      t.true(existsSync(join(out, `${name}.png`)), `${name}.png`);
      t.false(existsSync(join(out, `${name}.html`)), `no ${name}.html: one report`);
    }
    const total = readdirSync(out).reduce((s, f) => s + statSync(join(out, f)).size, 0);
    t.true(total < 6e6, `the report and its PNGs take ${total} bytes, under 6 MB`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("main rejects unknown arguments (node:util parseArgs) with the usage line", async (t) => {
  await t.throwsAsync(runMain(["--bogus"]), { message: /unknown option "--bogus"\nusage: npm start -- \[--out DIR\] \[--no-figures\] \[--quick\]/ });
  await t.throwsAsync(runMain(["--out"]), { message: /--out needs a folder/ });
  await t.throwsAsync(runMain(["stray"]), { message: /unexpected argument "stray"/ });
});

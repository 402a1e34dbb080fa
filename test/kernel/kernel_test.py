#!/usr/bin/env python3
"""The tslab kernel as a student meets it, through Jupyter's own client (jupyter_client, nbclient):

  - Shift-Tab (an inspect_request) on a function the notebook defines shows its TSDoc, and on the
    library's functions their TSDoc;
  - a cell that throws prints the message first, then the cell's own frames, and no frame of tslab
    or node:vm;
  - In [4]'s DataConversionWarning (LogisticRegression.fit with a column y) is in that cell's outputs,
    not a later cell's, both when a front end runs the cells (jupyter_client) and under nbclient;
  - the shell helpers (ls, cd) print no machine path;
  - after the set-up's warm-up (scripts/kernel/warm-cache.cjs), a fresh kernel of this checkout runs
    the lesson as a student does, from the top, without compiling a cell: every cell from the cache.

The kernel runs in notebooks/ (as Jupyter runs the lesson) and imports the built library, ../dist.

    /usr/bin/python3 test/kernel/kernel_test.py      # .ci/steps/25-kernel.sh runs it

Exit status 0 passed, 1 failed, 3 skipped (no jupyter_client/nbclient, no tslab kernel, no dist/).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernel_client import NOTEBOOKS, ROOT, SHELL_CELL, SHELL_TAIL, Kernel, require, text  # noqa: E402

require("tslab", "kernel_test")
import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

IMPORT = 'import { np, LogisticRegression, loadPlanarDataset, ls, cd } from "../dist/index.js";'
IN4 = "const { X, Y } = loadPlanarDataset();\nconst clf = new LogisticRegression();\nclf.fit(X.T, Y.T);"
DOCUMENTED = '''/**
 * Sigmoid of z, the network's output activation.
 *
 * Arguments:
 * z -- a scalar or numpy array of any size
 *
 * @returns s -- sigmoid(z)
 */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}'''
THROWS = '''function checkedLog(x: number): number {
  if (x <= 0) throw new RangeError(`log of ${x}: x must be positive`);
  return Math.log(x);
}'''


class KernelTest(unittest.TestCase):
    kernel: Kernel

    @classmethod
    def setUpClass(cls) -> None:
        cls.kernel = Kernel("tslab", after_error=0.5)  # tslab aborts requests queued within 200 ms of an error
        status, outputs = cls.kernel.execute(IMPORT)
        assert status == "ok", outputs

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kernel.close()

    def test_shift_tab_shows_the_notebook_functions_doc(self) -> None:
        status, _ = self.kernel.execute(DOCUMENTED)
        self.assertEqual(status, "ok")
        code = "sigmoid(0.5)"
        reply = self.kernel.inspect(code, len("sigm"))
        self.assertTrue(reply["found"], reply)
        doc = reply["data"]["text/plain"]
        self.assertIn("function sigmoid(z: number): number", doc)
        self.assertIn("Sigmoid of z, the network's output activation.", doc)
        self.assertIn("z -- a scalar or numpy array of any size", doc)

    def test_shift_tab_shows_the_library_doc(self) -> None:
        reply = self.kernel.inspect("np.dot(a, b)", len("np.do"))
        self.assertTrue(reply["found"], reply)
        self.assertIn("dot", reply["data"]["text/plain"])
        self.assertGreater(len(reply["data"]["text/plain"].splitlines()), 2, "the TSDoc, not just the signature")
        # scripts/kernel/tslab-kernel.cjs: every tag keeps its name (tslab's own printing drops them)
        doc = reply["data"]["text/plain"]
        self.assertIn("@returns (n, m) for 2-D", doc)
        self.assertIn('@throws ValueError "shapes (4,2) and (3,5) not aligned', doc)

    def test_a_throwing_cell_shows_the_message_and_the_cell_first(self) -> None:
        status, _ = self.kernel.execute(THROWS)
        self.assertEqual(status, "ok")
        status, outputs = self.kernel.execute("const value = -2;\ncheckedLog(value);")
        self.assertEqual(status, "error")
        err = text(outputs, "stderr") + "".join("\n".join(o.get("traceback", [])) for o in outputs if o["type"] == "error")
        lines = err.strip().splitlines()
        self.assertEqual(lines[0], "RangeError: log of -2: x must be positive", err)
        self.assertEqual(lines[1], "    at checkedLog (cell)", err)
        self.assertEqual(lines[2], "    at cell", err)
        for machinery in ("tslab/dist", "node:vm", "evalmachine", ROOT):
            self.assertNotIn(machinery, err)

    def test_a_library_error_shows_numpy_words_then_the_cell(self) -> None:
        status, outputs = self.kernel.execute("np.dot(np.ones([2, 3]), np.ones([2, 2]));")
        self.assertEqual(status, "error")
        lines = text(outputs, "stderr").strip().splitlines()
        self.assertEqual(lines[0], "ValueError: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)")
        self.assertEqual(lines[1], "    at cell")
        self.assertNotIn(ROOT, "\n".join(lines))

    def test_in4_warning_is_in_in4(self) -> None:
        status, outputs = self.kernel.execute(IN4)
        self.assertEqual(status, "ok")
        self.assertRegex(text(outputs, "stderr"), r"DataConversionWarning: A column-vector y was passed when a 1d array was expected")
        status, later = self.kernel.execute("1 + 1")
        self.assertEqual(status, "ok")
        self.assertNotIn("Warning", text(later), "the warning must not show again under the next cell")

    def test_shell_helpers_print_no_machine_path(self) -> None:
        status, outputs = self.kernel.execute(SHELL_CELL)
        self.assertEqual(status, "ok")
        out = text(outputs)
        lines = out.splitlines()
        self.assertIn("lesson2.ipynb", lines)
        self.assertEqual(lines[-3:], SHELL_TAIL)
        self.assertNotIn(ROOT, out)


class NbclientTest(unittest.TestCase):
    def test_in4_warning_is_in_in4_under_nbclient(self) -> None:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(c) for c in (IMPORT, IN4, "clf.predict(X.T).shape")]
        nb.metadata["kernelspec"] = {"name": "tslab", "display_name": "TypeScript", "language": "typescript"}
        NotebookClient(nb, timeout=300, kernel_name="tslab", resources={"metadata": {"path": NOTEBOOKS}}).execute()
        streams = [
            "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stderr")
            for cell in nb.cells
        ]
        self.assertEqual(streams[0], "")
        self.assertRegex(streams[1], r"^LogisticRegression\.fit: DataConversionWarning: A column-vector y was passed")
        self.assertEqual(streams[2], "")


class WarmCacheTest(unittest.TestCase):
    """The set-up's warm-up writes exactly the compile-cache entries the kernel looks up.

    It runs scripts/kernel/warm-cache.cjs into a new cache folder, then a kernel of this checkout (its
    own kernelspec in a Jupyter path of the test's, with TSLAB_COMPILE_CACHE_LOG, which logs "hit KEY"
    or "miss KEY" per cell) executes notebooks/lesson2.ipynb's cells from the top through the last
    cell tagged "lesson", under nbclient. A different working folder, other options, another Node or
    other declarations before a cell would each give other keys: misses.
    """

    def test_a_kernel_after_the_warm_up_compiles_no_cell(self) -> None:
        node = shutil.which("node")
        self.assertIsNotNone(node, "node is not on PATH")
        path = os.path.join(NOTEBOOKS, "lesson2.ipynb")
        with tempfile.TemporaryDirectory() as tmp:
            cache, log = os.path.join(tmp, "cache"), os.path.join(tmp, "log")
            env = {**os.environ, "TSLAB_COMPILE_CACHE": cache}
            env.pop("TSLAB_COMPILE_CACHE_LOG", None)
            warm = subprocess.run([node, os.path.join(ROOT, "scripts", "kernel", "warm-cache.cjs"), "--strict", path],
                                  env=env, capture_output=True, text=True)
            self.assertEqual(warm.returncode, 0, warm.stderr)
            self.assertRegex(warm.stdout, r"0 already cached, [1-9]\d* compiled")

            spec = os.path.join(tmp, "kernels", "tslab-warm-test")
            os.makedirs(spec)
            with open(os.path.join(spec, "kernel.json"), "w") as f:
                json.dump({"argv": [node, os.path.join(ROOT, "scripts", "kernel", "tslab-kernel.cjs"), "kernel",
                                    "--config-path", "{connection_file}"],
                           "display_name": "TypeScript (warm-cache test)", "language": "typescript",
                           "env": {"TSLAB_COMPILE_CACHE": cache, "TSLAB_COMPILE_CACHE_LOG": log}}, f)
            old = os.environ.get("JUPYTER_PATH")
            os.environ["JUPYTER_PATH"] = tmp + (os.pathsep + old if old else "")
            try:
                nb = nbformat.read(path, as_version=4)
                lesson = [i for i, c in enumerate(nb.cells) if "lesson" in c.metadata.get("tags", [])]
                nb.cells = [c for c in nb.cells[: lesson[-1] + 1] if c.cell_type == "code"]
                NotebookClient(nb, timeout=600, kernel_name="tslab-warm-test",
                               resources={"metadata": {"path": NOTEBOOKS}}).execute()
            finally:
                if old is None:
                    del os.environ["JUPYTER_PATH"]
                else:
                    os.environ["JUPYTER_PATH"] = old
            with open(log) as f:
                events = [line.split()[0] for line in f if line.strip()]
        self.assertEqual(events.count("miss"), 0, f"cells compiled after the warm-up: {events}")
        self.assertEqual(events.count("hit"), len(nb.cells), events)


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    if result.wasSuccessful():
        print(f"kernel tests: {result.testsRun} passed")  # the line .ci/run counts
    sys.exit(0 if result.wasSuccessful() else 1)

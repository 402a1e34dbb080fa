#!/usr/bin/env python3
"""Deno's Jupyter kernel (`deno jupyter`, registered as "deno" by scripts/install-kernel.sh) as a
student meets it, through Jupyter's own client (jupyter_client), with the built library (../dist):

  - numpy's repr of an array that is a cell's value, after np.random.seed(1), equals numpy's own
    (Debian's python3-numpy computes it here: the legacy RandomState stream is the same in every numpy);
  - a figure that is a cell's value is ONE output with the plotly JSON, text/html, image/png and
    text/plain, as in tslab; plot.show between two console.log lines keeps its place among them;
  - the live cost curve is one display that training updates (display_data, then update_display_data
    with the same display_id while the cell runs, the last one with the PNG);
  - In [4]'s DataConversionWarning is on stderr in In [4]'s outputs, not a later cell's;
  - a throwing cell shows the message, then the cell's frames, and no frame of Deno or machine path;
  - the shell helpers (ls, cd) print no machine path;
  - the kernel is detected: kernelName() is "deno".

The kernel runs in notebooks/ (as Jupyter runs the lesson).

    /usr/bin/python3 test/kernel/deno_kernel_test.py      # .ci/steps/27-deno.sh runs it

Exit status 0 passed, 1 failed, 3 skipped (no jupyter_client, no deno kernel, no dist/).
"""
from __future__ import annotations

import base64
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernel_client import ROOT, SHELL_CELL, SHELL_TAIL, Kernel, require, text  # noqa: E402

KERNEL = "deno"
PLOTLY = "application/vnd.plotly.v1+json"
require(KERNEL, "deno_kernel_test")

IMPORT = 'import { np, plot, LogisticRegression, loadPlanarDataset, ls, cd, kernelName } from "../dist/index.js";'
IN4 = "const { X, Y } = loadPlanarDataset();\nconst clf = new LogisticRegression();\nclf.fit(X.T, Y.T);"
CURVE = 'plot.costCurves([{ name: "cost", costs: [0.7, 0.5, 0.4], iterations: [0, 100, 200] }], { title: "three costs" })'


def numbers(spec) -> list[float]:
    """A plotly number array: a list, or a typed array ({dtype: "f4" | "f8", bdata: base64})."""
    if isinstance(spec, list):
        return spec
    raw = base64.b64decode(spec["bdata"])
    fmt = {"f4": "f", "f8": "d"}[spec["dtype"]]
    return list(struct.unpack(f"<{len(raw) // struct.calcsize(fmt)}{fmt}", raw))


def value(outputs: list[dict]) -> dict:
    results = [o for o in outputs if o["type"] == "execute_result"]
    assert len(results) == 1, outputs
    return results[0]["data"]


class DenoKernelTest(unittest.TestCase):
    kernel: Kernel

    @classmethod
    def setUpClass(cls) -> None:
        # Deno's kernel can send a cell's last console lines after its idle status (denoland/deno#24737)
        cls.kernel = Kernel(KERNEL, grace=0.5)
        status, outputs = cls.kernel.execute(IMPORT)
        assert status == "ok", outputs

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kernel.close()

    def test_the_kernel_is_detected(self) -> None:
        status, outputs = self.kernel.execute("kernelName()")
        self.assertEqual(status, "ok")
        self.assertEqual(value(outputs)["text/plain"], '"deno"', "plain text: the kernelspec sets NO_COLOR")

    def test_an_array_value_shows_numpys_repr(self) -> None:
        try:
            import numpy
        except ImportError:  # pragma: no cover - Debian's python3-numpy is in scripts/setup.sh's packages
            self.skipTest("numpy is missing (apt-get install python3-numpy)")
        numpy.random.seed(1)
        want = repr(numpy.random.randn(2, 2))
        status, outputs = self.kernel.execute("np.random.seed(1);\nnp.random.randn(2, 2)")
        self.assertEqual(status, "ok")
        self.assertEqual(value(outputs)["text/plain"], want)

    def test_a_figure_value_is_one_output_with_four_mime_types(self) -> None:
        status, outputs = self.kernel.execute(CURVE)
        self.assertEqual(status, "ok")
        self.assertEqual(len(outputs), 1, outputs)
        data = value(outputs)
        self.assertEqual(sorted(data), sorted([PLOTLY, "text/html", "image/png", "text/plain"]))
        for got, want in zip(numbers(data[PLOTLY]["data"][0]["y"]), [0.7, 0.5, 0.4], strict=True):
            self.assertAlmostEqual(got, want, places=6)
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertIn('<div class="dl-plot"', data["text/html"])
        self.assertEqual(data["text/plain"], 'Figure("three costs": 1 trace scatter)')

    def test_show_keeps_its_place_among_printed_lines(self) -> None:
        status, outputs = self.kernel.execute(f'console.log("before");\nplot.show({CURVE});\nconsole.log("after");')
        self.assertEqual(status, "ok")
        kinds = [o["type"] if o["type"] != "stream" else o["text"].strip() for o in outputs]
        self.assertEqual(kinds, ["before", "display_data", "after"])
        self.assertIn("image/png", outputs[1]["data"])

    def test_the_live_cost_curve_is_one_display_updated_while_the_cell_runs(self) -> None:
        code = """const live = plot.liveCostCurve({ intervalMs: 0 });
for (let i = 0; i < 3; i++) { live.push(i * 100, 1 / (i + 1)); console.log(`pushed ${i}`); }
live.close();"""
        status, outputs = self.kernel.execute(code)
        self.assertEqual(status, "ok")
        displays = [o for o in outputs if o["type"] in ("display_data", "update_display_data")]
        self.assertEqual([o["type"] for o in displays], ["display_data"] + ["update_display_data"] * 3)
        ids = {o["transient"]["display_id"] for o in displays}
        self.assertEqual(len(ids), 1, "one display id")
        for got, want in zip(numbers(displays[-2]["data"][PLOTLY]["data"][0]["y"]), [1, 0.5, 1 / 3], strict=True):
            self.assertAlmostEqual(got, want, places=6)
        self.assertNotIn("image/png", displays[-2]["data"], "updates leave the PNG out")
        self.assertIn("image/png", displays[-1]["data"], "close() sends the PNG")
        # sent at once, not when the cell ends: the first update comes before the second line
        order = [o["type"] if o["type"] != "stream" else o["text"].strip() for o in outputs]
        self.assertLess(order.index("update_display_data"), order.index("pushed 1"), order)

    def test_in4_warning_is_on_stderr_in_in4(self) -> None:
        status, outputs = self.kernel.execute(IN4)
        self.assertEqual(status, "ok")
        self.assertRegex(text(outputs, "stderr"),
                         r"^LogisticRegression\.fit: DataConversionWarning: A column-vector y was passed")
        status, later = self.kernel.execute("1 + 1")
        self.assertEqual(status, "ok")
        self.assertNotIn("Warning", text(later))

    def test_a_throwing_cell_shows_the_message_and_the_cell_first(self) -> None:
        define = ("function checkedLog(x: number): number {\n"
                  "  if (x <= 0) throw new RangeError(`log of ${x}: x must be positive`);\n"
                  "  return Math.log(x);\n}")
        status, _ = self.kernel.execute(define)
        self.assertEqual(status, "ok")
        status, outputs = self.kernel.execute("const value = -2;\ncheckedLog(value);")
        self.assertEqual(status, "error")
        errors = [o for o in outputs if o["type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        lines = "\n".join(errors[0]["traceback"]).splitlines()
        self.assertEqual(lines[:3], ["RangeError: log of -2: x must be positive", "    at checkedLog (cell)", "    at cell"])
        self.assertNotIn(ROOT, "\n".join(lines))
        self.assertNotIn("ext:", "\n".join(lines), "no frame of Deno's own code")

    def test_a_library_error_shows_numpy_words_then_the_cell(self) -> None:
        status, outputs = self.kernel.execute("np.dot(np.ones([2, 3]), np.ones([2, 2]));")
        self.assertEqual(status, "error")
        lines = "\n".join(next(o for o in outputs if o["type"] == "error")["traceback"]).splitlines()
        self.assertEqual(lines[0], "ValueError: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)")
        self.assertEqual(lines[1], "    at cell")
        self.assertNotIn(ROOT, "\n".join(lines))

    def test_shell_helpers_print_no_machine_path(self) -> None:
        status, outputs = self.kernel.execute(SHELL_CELL)
        self.assertEqual(status, "ok")
        out = text(outputs)
        lines = out.splitlines()
        self.assertIn("lesson2.ipynb", lines)
        self.assertEqual(lines[-3:], SHELL_TAIL)
        self.assertNotIn(ROOT, out)


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    if result.wasSuccessful():
        print(f"kernel tests: {result.testsRun} passed")  # the line .ci/run counts
    sys.exit(0 if result.wasSuccessful() else 1)

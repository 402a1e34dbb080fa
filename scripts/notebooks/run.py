#!/usr/bin/env python3
"""Executes the project's notebooks with the real tslab kernel (or Deno's) through Jupyter (nbclient).

    python3 scripts/notebooks/run.py check [NOTEBOOK ...]   # execute, compare with the committed outputs
    python3 scripts/notebooks/run.py write [NOTEBOOK ...]   # execute, save the outputs into the notebook
    python3 scripts/notebooks/run.py time NOTEBOOK [--tag lesson]   # execute (only the cells tagged so),
                                                                  # print {"seconds": ...} as JSON (the benchmark)
    python3 scripts/notebooks/run.py check --kernel deno    # the same notebooks in Deno's kernel

`--kernel NAME` runs the notebooks in that Jupyter kernel instead of the one their metadata names
(tslab): the notebooks are the same for both kernels, only the kernelspec changes at run time.
`check --kernel deno` compares with the committed (tslab) outputs; `write` refuses another kernel,
so the committed notebooks keep tslab's outputs. In another kernel than the committed outputs' the
lesson's cells (tagged "lesson": the original's In [1]-In [16]) must print the same lines, digit for
digit; the cells beyond the lesson must print the same lines with every number masked, and the
numbers that differ are listed as notes, not failures: Deno 2.9's V8 computes Math.exp, Math.log,
Math.sin, Math.cos and Math.pow with other last bits than Node 20's V8 (the np layer's own exp, log
and tanh are the same in both), and the sections that train ReLU networks, sweep hidden sizes or
draw the extra datasets with Math.cos/Math.sin grow those last bits into other printed digits.

Without NOTEBOOK it takes every notebooks/*.ipynb. Each notebook runs in its own folder (as Jupyter
runs it), with `allow_errors` off: the first cell that fails stops the run and fails the check, so
no cell after an error runs while tslab is still aborting (and no error is hidden).

`check` fails when
  - a cell raises or shows an error output;
  - a cell tagged "figure" shows no figure, or a cell shows fewer figures than the committed notebook
    (a figure is a display with application/vnd.plotly.v1+json or image/png);
  - a printed line (stdout, stderr, a cell's value as text) differs from the committed notebook's,
    except in cells tagged "volatile" (the GPU, the file listing: they depend on the machine); a
    figure that is a cell's value is a figure, not printed text (tslab sends it as display_data,
    Deno's kernel as an execute_result whose text/plain is the figure's description);
  - the executed notebook is larger than 3 MB.
`write` applies the same checks except the comparison, then saves the executed notebook.

Outputs are saved and compared with this clone's absolute path made relative to the repository root
(`/home/me/dl-lesson2-ts/notebooks` -> `notebooks`), so the committed notebooks carry no path of the
machine that executed them (scripts/notebooks/lint.ts fails on one).

Exit status: 0 passed, 1 failed, 3 skipped (no Jupyter / the kernel is not registered; the caller decides whether
a skip is allowed: under CI=true it is not).
"""
from __future__ import annotations

import argparse
import difflib
import glob
import os
import queue
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_BYTES = 3 * 1024 * 1024
FIGURE_MIMES = ("application/vnd.plotly.v1+json", "image/png")
KERNEL = "tslab"
SKIP = 3


def skip(msg: str) -> None:
    print(f"run.py: SKIPPED: {msg}", file=sys.stderr)
    sys.exit(SKIP)


try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError, DeadKernelError
    from nbclient.util import ensure_async
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
except ImportError as e:  # pragma: no cover - depends on the machine
    skip(f"Jupyter is missing ({e}); install jupyter-nbconvert python3-nbclient python3-ipykernel "
         "(bash scripts/setup.sh does)")


class LateOutputClient(NotebookClient):
    """nbclient that keeps a cell's outputs coming after the kernel said idle, until none came for
    `grace` seconds. Deno's kernel (2.9) sends a cell's console output from another task than its
    status, so the idle message can overtake the cell's last printed lines (measured: idle after the
    first of 6 lines; denoland/deno#24737): plain nbclient stops at idle and drops them, JupyterLab
    shows them. tslab sends everything before idle, so it runs with plain nbclient."""

    grace = 0.3
    waited = 0.0  # seconds spent on the grace periods (the benchmark leaves them out of the kernel's time)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index) -> None:
        idle = False
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.grace if idle else None))
            except queue.Empty:
                self.waited += self.grace
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    idle = True


def client_class(kernel: str) -> type:
    """The nbclient class for a kernel: LateOutputClient for Deno's."""
    return LateOutputClient if kernel.startswith("deno") else NotebookClient


def printed_lines(cell) -> list[str]:
    """What a reader sees as text in a cell: its streams and its value's text/plain, line by line."""
    out: list[str] = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream":
            out += [f"[{o['name']}] {line}" for line in o["text"].splitlines()]
        elif o["output_type"] == "execute_result":
            if any(m in o.get("data", {}) for m in FIGURE_MIMES):
                continue  # a figure as the cell's value (Deno's kernel): counted by figures()
            text = o.get("data", {}).get("text/plain", "")
            out += [f"[value] {line}" for line in text.splitlines()]
    return out


def figures(cell) -> int:
    return sum(1 for o in cell.get("outputs", [])
               if o["output_type"] in ("display_data", "execute_result")
               and any(m in o.get("data", {}) for m in FIGURE_MIMES))


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def relative_paths(nb) -> None:
    """Makes this clone's absolute path relative to the repository root in every text output."""
    def fix(text):
        if isinstance(text, list):
            return [fix(t) for t in text]
        return text.replace(ROOT + os.sep, "").replace(ROOT, ".") if isinstance(text, str) else text
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if "text" in o:
                o["text"] = fix(o["text"])
            for mime, value in o.get("data", {}).items():
                if mime.startswith("text/"):
                    o["data"][mime] = fix(value)
            if "traceback" in o:
                o["traceback"] = fix(o["traceback"])


def execute(path: str, timeout: int, kernel: str = KERNEL, tag: str | None = None):
    """Executes a notebook; returns it, the committed one, the seconds it took (without
    LateOutputClient's waits) and the failure, if any."""
    nb = nbformat.read(path, as_version=4)
    committed = nbformat.read(path, as_version=4)
    if tag:
        nb.cells = [c for c in nb.cells if tag in tags(c)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = client_class(kernel)(nb, kernel_name=kernel, timeout=timeout, allow_errors=False,
                            record_timing=False, resources={"metadata": {"path": os.path.dirname(path)}})
    t0 = time.perf_counter()
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:
        ran = [c for c in nb.cells if c.cell_type == "code" and c.get("execution_count")]
        stderr = "".join(o["text"] for o in (ran[-1].outputs if ran else [])
                         if o["output_type"] == "stream" and o["name"] == "stderr")
        failure = f"a cell raised an error:\n{e}\n{stderr}".rstrip()
    except CellTimeoutError as e:
        failure = f"a cell ran past {timeout} s:\n{e}"
    except DeadKernelError as e:
        failure = f"the kernel died:\n{e}"
    relative_paths(nb)
    return nb, committed, time.perf_counter() - t0 - getattr(client, "waited", 0.0), failure


NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def masked(lines: list[str]) -> list[str]:
    """The lines with every number written as #."""
    return [NUMBER.sub("#", line) for line in lines]


def problems_of(nb, committed, compare: bool, exact_lesson_only: bool = False,
                notes: list[str] | None = None) -> list[str]:
    """What fails the check. exact_lesson_only (another kernel than the committed outputs'): cells not
    tagged "lesson" compare their lines with numbers masked, and the differing numbers go to notes."""
    problems: list[str] = []
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    old = [c for c in committed.cells if c.cell_type == "code"]
    if compare and len(old) != len(code):
        problems.append(f"the notebook has {len(code)} code cells but the committed one {len(old)}")
    for k, (i, cell) in enumerate(code):
        where = f"cell {i} (code cell {k + 1}: {cell.source.splitlines()[0][:60] if cell.source else ''!r})"
        for o in cell.outputs:
            if o["output_type"] == "error":
                problems.append(f"{where}: error output {o.get('ename')}: {o.get('evalue')}")
        n = figures(cell)
        if "figure" in tags(cell) and n == 0:
            problems.append(f"{where}: tagged 'figure' but shows no figure")
        if not compare or k >= len(old):
            continue
        want = figures(old[k])
        if n < want:
            problems.append(f"{where}: shows {n} figure(s), the committed notebook {want}")
        if "volatile" in tags(cell):
            continue
        a, b = printed_lines(old[k]), printed_lines(cell)
        if a != b and exact_lesson_only and "lesson" not in tags(cell) and masked(a) == masked(b):
            if notes is not None:
                diff = "\n".join(d for d in difflib.unified_diff(a, b, "committed", "executed", lineterm="", n=0)
                                 if d[:1] in "+-" and d[:3] not in ("+++", "---"))
                notes.append(f"{where}: numbers differ (beyond the lesson; last bits of Math.*):\n{diff}")
            continue
        if a != b:
            diff = "\n".join(difflib.unified_diff(a, b, "committed", "executed", lineterm="", n=1))
            problems.append(f"{where}: printed lines differ from the committed notebook:\n{diff}")
    return problems


def time_one(args) -> int:
    """Executes one notebook with the kernel its metadata names; prints the wall time as JSON."""
    import json
    if len(args.notebooks) != 1:
        print("run.py: time takes one notebook", file=sys.stderr)
        return 2
    path = os.path.abspath(args.notebooks[0])
    kernel = args.kernel or nbformat.read(path, as_version=4).metadata.get("kernelspec", {}).get("name", KERNEL)
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        skip(f"the '{kernel}' Jupyter kernel is not registered")
    nb, _, secs, failure = execute(path, args.timeout, kernel, args.tag)
    if failure:
        print(f"run.py: {os.path.relpath(path, ROOT)}: {failure}", file=sys.stderr)
        return 1
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(json.dumps({"notebook": os.path.relpath(path, ROOT), "kernel": kernel, "tag": args.tag,
                      "code_cells": cells, "seconds": secs}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("check", "write", "time"))
    ap.add_argument("--tag", help="time: run only the cells with this tag")
    ap.add_argument("notebooks", nargs="*")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell (default 900)")
    ap.add_argument("--kernel", help=f"the Jupyter kernel to run in (default: the notebook's, {KERNEL}; e.g. deno)")
    args = ap.parse_intermixed_args()  # options before or after the notebooks
    if args.mode == "time":
        return time_one(args)
    kernel = args.kernel or KERNEL
    if args.mode == "write" and kernel != KERNEL:
        print(f"run.py: write keeps the committed notebooks' {KERNEL} outputs; check --kernel {kernel} instead",
              file=sys.stderr)
        return 2
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        skip(f"the '{kernel}' Jupyter kernel is not registered: run bash scripts/install-kernel.sh "
             "(bash scripts/setup.sh does)")
    if not os.path.exists(os.path.join(ROOT, "dist", "index.js")):
        print("run.py: dist/index.js is missing: the notebooks import the built library; run npm run build",
              file=sys.stderr)
        return 1
    paths = [os.path.abspath(p) for p in args.notebooks] or sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    if not paths:
        print("run.py: no notebooks found", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        rel = os.path.relpath(path, ROOT)
        print(f"run.py: executing {rel} with the {kernel} kernel ...", flush=True)
        nb, committed, secs, failure = execute(path, args.timeout, kernel)
        committed_kernel = committed.metadata.get("kernelspec", {}).get("name", KERNEL)
        notes: list[str] = []
        # after a failure the later cells did not run: report the failure alone
        problems = [failure] if failure else problems_of(nb, committed, compare=args.mode == "check",
                                                         exact_lesson_only=kernel != committed_kernel, notes=notes)
        for n in notes:
            print("run.py: note: " + n.replace("\n", "\n    "))
        size = len(nbformat.writes(nb).encode())
        if size > MAX_BYTES:
            problems.append(f"the executed notebook is {size / 1e6:.2f} MB, over the 3 MB limit")
        if problems:
            failed += 1
            print(f"run.py: FAILED {rel} ({secs:.1f} s):", file=sys.stderr)
            for p in problems:
                print("  - " + p.replace("\n", "\n    "), file=sys.stderr)
            continue
        nfig = sum(figures(c) for c in nb.cells if c.cell_type == "code")
        ncode = sum(1 for c in nb.cells if c.cell_type == "code")
        if args.mode == "write":
            nbformat.write(nb, path)
            print(f"run.py: wrote {rel}: {ncode} code cells, {nfig} figures, {size / 1e6:.2f} MB, {secs:.1f} s")
        else:
            other = f" ({len(notes)} cells beyond the lesson print other numbers: notes above)" if notes else ""
            print(f"run.py: ok {rel}: {ncode} code cells ran without error in the {kernel} kernel, {nfig} figures, "
                  f"printed lines match{other}, {size / 1e6:.2f} MB, {secs:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

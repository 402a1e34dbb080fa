#!/usr/bin/env python3
"""Where a notebook's time goes: executes it through Jupyter (nbclient, as scripts/notebooks/run.py
does) and prints, as one JSON line, the kernel's start, every code cell's wall and CPU seconds and
the totals.

    python3 bench/notebooks/time_cells.py NOTEBOOK [--tag lesson | --through-tag lesson] [--kernel NAME]

- "start": from asking Jupyter for a kernel to the kernel's first `kernel_info` reply (the process
  started, its modules loaded, ready to execute), wall seconds, and the kernel process's CPU seconds
  by then.
- "cells": one entry per code cell: its index in the notebook, its tags, its first line, the wall
  seconds from the execute request to the reply and the idle status (outputs included), and the
  kernel process's CPU seconds (user + system, its threads and its finished children included) over
  the same span, read from /proc/PID/stat. CPU time is what stays meaningful on a loaded machine.
- "seconds": from asking for a kernel to the last cell's reply, what run.py time measures.

`--tag T` runs only the cells tagged T (run.py time's --tag); `--through-tag T` runs every cell from the
top through the last one tagged T, as a student running the notebook reaches the end of those cells
(each cell's tags are in the output, so the caller can add up the tagged ones); `--kernel` overrides the kernel the
notebook's metadata names. Each notebook runs in its own folder, as Jupyter runs it. A cell that
raises fails the run (exit 1). Exit 3: Jupyter or the kernel is missing (skipped).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

SKIP = 3
try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"time_cells.py: SKIPPED: Jupyter is missing ({e})", file=sys.stderr)
    sys.exit(SKIP)

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process and its waited-for children, from /proc/PID/stat."""
    if pid is None:
        return float("nan")
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    # after the command name: state is field 3, utime/stime/cutime/cstime are fields 14-17
    return sum(int(x) for x in fields[11:15]) / TICKS


def kernel_pid(client: NotebookClient) -> int | None:
    """The kernel process's id (jupyter_client's local provisioner keeps the Popen)."""
    km = client.km
    prov = getattr(km, "provisioner", None)
    proc = getattr(prov, "process", None) or getattr(km, "kernel", None)
    return getattr(proc, "pid", None)


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebook")
    ap.add_argument("--tag", help="run only the cells with this tag")
    ap.add_argument("--through-tag", help="run every cell through the last one with this tag")
    ap.add_argument("--kernel", help="the kernel to use (default: the notebook's)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell (default 900)")
    args = ap.parse_args()

    path = os.path.abspath(args.notebook)
    nb = nbformat.read(path, as_version=4)
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name", "python3")
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        print(f"time_cells.py: SKIPPED: the '{kernel}' Jupyter kernel is not registered", file=sys.stderr)
        return SKIP
    index = [i for i, c in enumerate(nb.cells) if not args.tag or args.tag in tags(c)]
    if args.through_tag:
        tagged = [i for i in index if args.through_tag in tags(nb.cells[i])]
        index = [i for i in index if tagged and i <= tagged[-1]]
    nb.cells = [nb.cells[i] for i in index]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None

    client = NotebookClient(nb, kernel_name=kernel, timeout=args.timeout, allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    cells = []
    t0 = time.perf_counter()
    with client.setup_kernel():
        pid = kernel_pid(client)
        client.wait_for_reply(client.kc.kernel_info())
        start = {"wall": time.perf_counter() - t0, "cpu": cpu_seconds(pid)}
        n = 0
        for k, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            n += 1
            c0 = cpu_seconds(pid)
            w0 = time.perf_counter()
            try:
                client.execute_cell(cell, k, execution_count=n)
            except CellExecutionError as e:
                print(f"time_cells.py: {os.path.basename(path)} cell {index[k]} raised:\n{e}", file=sys.stderr)
                return 1
            cells.append({"index": index[k], "tags": tags(cell),
                          "first_line": (cell.source.splitlines() or [""])[0][:70],
                          "wall": time.perf_counter() - w0, "cpu": cpu_seconds(pid) - c0})
        total = time.perf_counter() - t0
        total_cpu = cpu_seconds(pid)
    print(json.dumps({"notebook": os.path.basename(path), "kernel": kernel, "tag": args.tag,
                      "start": start, "cells": cells, "seconds": total, "cpu": total_cpu}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

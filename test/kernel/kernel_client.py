"""A Jupyter kernel driven as a front end drives it (jupyter_client), for the kernel tests
(kernel_test.py: tslab; deno_kernel_test.py: Deno's kernel). The kernel runs in notebooks/ (as Jupyter
runs the lesson) and imports the built library, ../dist.
"""
from __future__ import annotations

import os
import queue
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
SKIP = 3


def require(kernel: str, who: str) -> None:
    """Exits with SKIP (3), saying why, unless jupyter_client, the kernel and dist/ are here."""
    try:
        import nbclient  # noqa: F401 (kernel_test.py also runs a notebook)
        import nbformat  # noqa: F401
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as e:  # pragma: no cover - depends on the machine
        print(f"{who}: SKIPPED: Jupyter is missing ({e}): apt-get install python3-jupyter-client "
              "python3-nbclient (bash scripts/setup.sh does)", file=sys.stderr)
        sys.exit(SKIP)
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        print(f"{who}: SKIPPED: the {kernel} kernel is not registered (bash scripts/install-kernel.sh)", file=sys.stderr)
        sys.exit(SKIP)
    if not os.path.exists(os.path.join(ROOT, "dist", "index.js")):
        print(f"{who}: SKIPPED: dist/ is missing (npm run build)", file=sys.stderr)
        sys.exit(SKIP)


class Kernel:
    """One kernel in notebooks/.

    grace: after the idle status, a cell's outputs are read until none came for this long (Deno's kernel
    can send a cell's last console lines after idle, denoland/deno#24737; tslab never does: 0).
    after_error: a pause after a failed cell (tslab aborts requests queued within 200 ms of an error).
    """

    def __init__(self, name: str, grace: float = 0.0, after_error: float = 0.0) -> None:
        from jupyter_client.manager import start_new_kernel
        self.grace, self.after_error = grace, after_error
        self.km, self.kc = start_new_kernel(kernel_name=name, cwd=NOTEBOOKS, startup_timeout=120)

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def _reply(self, msg_id: str) -> dict:
        while True:
            reply = self.kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def execute(self, code: str) -> tuple[str, list[dict]]:
        """Runs a cell; returns the reply's status and the cell's outputs, in the order they came."""
        msg_id = self.kc.execute(code)
        outputs: list[dict] = []
        idle = False
        while True:
            try:
                m = self.kc.get_iopub_msg(timeout=self.grace if idle else 300)
            except queue.Empty:
                if idle:
                    break
                raise
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            kind = m["msg_type"]
            if kind == "status" and m["content"]["execution_state"] == "idle":
                idle = True
                if not self.grace:
                    break
            elif kind in ("stream", "error", "execute_result", "display_data", "update_display_data"):
                outputs.append({"type": kind, **m["content"]})
        status = self._reply(msg_id)["status"]
        if status == "error" and self.after_error:
            time.sleep(self.after_error)
        return status, outputs

    def inspect(self, code: str, pos: int) -> dict:
        return self._reply(self.kc.inspect(code, pos))


def text(outputs: list[dict], stream: str | None = None) -> str:
    """The cell's printed text (one stream, or both)."""
    return "".join(o.get("text", "") for o in outputs if o["type"] == "stream" and (stream is None or o["name"] == stream))


SHELL_CELL = 'ls();\ncd("sample_data");\ncd("..");\ncd("notebooks");'
SHELL_TAIL = ["cd: no folder 'sample_data' in .; staying there.", "cd: now in ..", "cd: now in ."]

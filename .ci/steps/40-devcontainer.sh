#!/usr/bin/env bash
# Dev container checks that need no Docker engine (CI has none):
#   1. the set-up scripts parse;
#   2. .devcontainer/devcontainer.json validates against the Dev Container schema vendored in the repository
#      (scripts/devcontainer/devContainer.base.schema.json, Ajv2019), keeps the GPU rule and sets the lesson up
#      (scripts/check-devcontainer.ts);
#   3. scripts/install-kernel.sh registers the tslab kernel (a second run finds it up to date),
#      `jupyter kernelspec list` shows it, and the registered kernel starts and runs a TypeScript cell;
#   4. scripts/gpu-probe.sh runs and says what GPU it sees (none is a normal answer here).
set -euo pipefail
cd "$(dirname "$0")/../.."

section() { echo; echo "--- 40-devcontainer: $*"; }

section "shell scripts parse"
for f in scripts/setup.sh scripts/install-kernel.sh scripts/gpu-probe.sh .devcontainer/start-jupyterlab.sh; do
  bash -n "$f"
  echo "ok $f"
done

section "devcontainer.json: schema, GPU rule, set-up"
npx tsx scripts/check-devcontainer.ts

section "tslab kernel"
bash scripts/install-kernel.sh
bash scripts/install-kernel.sh --check >/dev/null
echo "install-kernel --check: up to date"

if ! command -v jupyter >/dev/null 2>&1; then
  echo "40-devcontainer: no 'jupyter' command on PATH after set-up (Debian: jupyter-core)" >&2
  exit 1
fi
listing="$(PYDEVD_DISABLE_FILE_VALIDATION=1 jupyter kernelspec list)"
printf '%s\n' "$listing"
if ! printf '%s\n' "$listing" | grep -Eq '^\s*tslab\s'; then
  echo "40-devcontainer: '$(command -v jupyter) kernelspec list' does not list tslab" >&2
  exit 1
fi

# The Python that runs `jupyter` (its shebang), to talk to the kernel through jupyter_client.
jupyter_python="$(sed -n '1s/^#! *//p' "$(command -v jupyter)")"
case "$jupyter_python" in
  */env\ *) jupyter_python="${jupyter_python#*/env }" ;;
esac
PYDEVD_DISABLE_FILE_VALIDATION=1 timeout 120 $jupyter_python - <<'EOF'
# Starts the registered tslab kernel and runs one typed cell: the kernelspec works, not only exists.
import sys
from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name="tslab", startup_timeout=60)
try:
    out = []
    def hook(msg):
        content = msg["content"]
        if msg["msg_type"] == "stream":
            out.append(content["text"])
        elif msg["msg_type"] in ("execute_result", "display_data"):
            out.append(content["data"].get("text/plain", ""))
        elif msg["msg_type"] == "error":
            out.append(f"{content['ename']}: {content['evalue']}")
    reply = kc.execute_interactive("const answer: number = 6 * 7;\nanswer", timeout=60, output_hook=hook)
    text = "".join(out).strip()
    print(f"tslab kernel ({km.kernel_spec.display_name}): status {reply['content']['status']}, output {text!r}")
    if reply["content"]["status"] != "ok" or text != "42":
        sys.exit("40-devcontainer: the tslab kernel did not answer 42")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    del kc, km  # while logging still works (the client logs from __del__)
EOF

section "GPU probe"
probe_out="$(bash scripts/gpu-probe.sh)"
printf '%s\n' "$probe_out"
if ! printf '%s\n' "$probe_out" | grep -Eq '^gpu-probe: (no NVIDIA GPU is (visible|usable)|[0-9]+ NVIDIA GPU\(s\) visible)'; then
  echo "40-devcontainer: gpu-probe.sh gave no verdict" >&2
  exit 1
fi

section "passed"

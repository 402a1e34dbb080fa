#!/usr/bin/env bash
# The lesson in Deno's Jupyter kernel (`deno jupyter`, the "deno" kernelspec that scripts/install-kernel.sh
# registers from the project's `deno` devDependency), through Jupyter's clients:
#   - both notebooks, unchanged, executed in the Deno kernel by nbclient (scripts/notebooks/run.py check
#     --kernel deno): no error output, the lesson's printed lines equal the committed (tslab) ones, every
#     cell tagged "figure" shows a figure (the committed notebooks keep tslab's outputs);
#   - test/kernel/deno_kernel_test.py (jupyter_client): numpy's repr, a figure's MIME bundle, the live
#     curve's display updates, the warning on stderr in its cell, tracebacks, the shell helpers.
# Needs what 20-notebooks.sh needs (scripts/setup.sh installs it all). Says loudly when it has to skip;
# under CI=true a skip fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/skip.sh
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's frozen-modules warning from Debian's Python 3.11

py=/usr/bin/python3
[ -x "$py" ] || py=python3
if [ -f scripts/install-kernel.sh ]; then
  bash scripts/install-kernel.sh >/dev/null || echo "27-deno: scripts/install-kernel.sh failed (the checks below say whether the deno kernel is there)"
fi
"$py" scripts/notebooks/run.py check --kernel deno "$@"
rc=$?
if [ $rc -eq 0 ]; then
  "$py" test/kernel/deno_kernel_test.py
  rc=$?
fi
finish_step 27-deno "the notebooks and kernel tests did NOT run in Deno's kernel" $rc

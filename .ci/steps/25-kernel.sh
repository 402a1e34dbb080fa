#!/usr/bin/env bash
# The tslab kernel through Jupyter's own client (test/kernel/kernel_test.py, Debian's python3 with
# python3-jupyter-client and python3-nbclient): Shift-Tab shows TSDoc, a throwing cell reads like a
# Python traceback, In [4]'s warning is in In [4]'s outputs (also under nbclient), the shell helpers
# print no machine path. Says loudly when it has to skip; under CI=true a skip fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/skip.sh
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's frozen-modules warning from Debian's Python 3.11

py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" test/kernel/kernel_test.py
finish_step 25-kernel "the kernel tests did NOT run" $?

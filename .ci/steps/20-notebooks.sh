#!/usr/bin/env bash
# Executes every notebooks/*.ipynb with the real tslab kernel through Jupyter (nbclient) and fails on
# any cell error, a missing figure, or a printed line that differs from the committed notebook
# (scripts/notebooks/run.py). Needs Debian's jupyter-nbconvert python3-nbclient python3-ipykernel,
# the built library (dist/) and the kernel registered: scripts/setup.sh does all three.
# Without Jupyter or the kernel it says loudly that it skipped; under CI=true a skip fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/skip.sh
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's frozen-modules warning from Debian's Python 3.11

py=/usr/bin/python3
[ -x "$py" ] || py=python3
# the committed notebooks must be what scripts/notebooks/lesson2.md builds (no hand edits that the source lacks)
"$py" scripts/notebooks/build.py --check || exit 1
# the notebook lint: code lines <= 100 characters, at most 3 nested np calls in the lesson, titles and printed
# lines in the notebook's language, no machine paths in the outputs (also run by npm test, test/notebooks/lint.test.ts)
npx tsx scripts/notebooks/lint.ts || exit 1
if [ -f scripts/install-kernel.sh ]; then
  bash scripts/install-kernel.sh >/dev/null || echo "20-notebooks: scripts/install-kernel.sh failed (the check below says whether the kernel is there)"
fi
"$py" scripts/notebooks/run.py check "$@"
finish_step 20-notebooks "the notebooks were NOT executed" $?

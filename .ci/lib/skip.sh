# Sourced by .ci/steps/*.sh: how a step ends when the tool it drives says it could not run (exit 3).
# finish_step NAME WHAT RC: RC 3 prints a loud banner saying WHAT did NOT run, and fails under CI=true
# (a skip in CI is a failure); any other RC is the step's own exit status.
finish_step() {
  local name=$1 what=$2 rc=$3
  if [ "$rc" -ne 3 ]; then
    exit "$rc"
  fi
  echo "############################################################"
  echo "## $name: SKIPPED - $what"
  echo "############################################################"
  if [ "${CI:-}" = "true" ]; then
    echo "$name: a skip is a failure under CI=true" >&2
    exit 1
  fi
  exit 0
}

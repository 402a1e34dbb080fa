#!/usr/bin/env bash
# One-step set-up on a fresh Debian machine (the README's set-up command runs it, CI's .ci/run runs it,
# the dev container runs it: its Dockerfile with --system, its postCreateCommand with no option).
#   system:  Debian packages: Jupyter (nbconvert, nbclient, ipykernel, classic Notebook) for the
#            notebooks, Chromium for the browser tests, numpy/matplotlib/scikit-learn for the fixture
#            scripts and the original Python lesson; EXTRA_APT_PACKAGES adds more (the Dockerfile does)
#   project: npm ci, the build of lib/ to dist/, the tslab and Deno kernels and the tslab kernel's compile cache
#            of the notebooks' cells (scripts/install-kernel.sh, which runs scripts/kernel/warm-cache.cjs), plotly.js
#            in Jupyter's nbextensions (scripts/install-nbextension.sh), then the GPU probe (scripts/gpu-probe.sh)
# Safe to run again, and quick when everything is there: each step runs only when something is missing
# or out of date.
#
#   bash scripts/setup.sh             # everything
#   bash scripts/setup.sh --system    # Debian packages only (as root, or with sudo)
#   bash scripts/setup.sh --project   # npm packages, build, kernel, GPU probe only
set -euo pipefail
cd "$(dirname "$0")/.."

do_system=1
do_project=1
case "${1:-}" in
  "") ;;
  --system) do_project=0 ;;
  --project) do_system=0 ;;
  *) echo "setup: unknown option '$1' (use --system, --project or nothing)" >&2; exit 2 ;;
esac

APT_PACKAGES=(
  jupyter-client jupyter-nbconvert python3-nbclient python3-ipykernel python3-notebook jupyter-notebook
  chromium fonts-dejavu-core
  python3-numpy python3-matplotlib python3-sklearn
)
# shellcheck disable=SC2206 # a space-separated list on purpose
APT_PACKAGES+=(${EXTRA_APT_PACKAGES:-})

install_system() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: Debian packages present"
    return
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${missing[*]}, and this is not a Debian-like system (no apt-get): install them by hand" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
}

# True when the build in dist/ is older than a source it is built from.
build_is_stale() {
  local stamp=dist/.build-stamp
  [ -f "$stamp" ] || return 0
  [ -n "$(find lib package.json package-lock.json tsconfig.json tsconfig.build.json -newer "$stamp" -print -quit 2>/dev/null)" ]
}

install_project() {
  # Node 20.19 or newer: the notebooks' tslab require()s the ES-module build in dist/, which Node
  # does without a flag from 20.19 on.
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
    echo "setup: Node.js 20.19 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 1
  fi
  # node_modules is reinstalled when the lock file changed, or when it was installed for another
  # platform or Node (a checkout shared between a Mac or Windows host and the Linux dev container).
  # Node itself says which platform this is; the marker says which one the last `npm ci` here was for
  # (no marker: not known, so install once more).
  local platform marker=node_modules/.setup-platform
  platform="$(node -p 'process.platform + "-" + process.arch + " node " + process.versions.modules')"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
    || [ "$(cat "$marker" 2>/dev/null)" != "$platform" ]; then
    echo "setup: npm ci for $platform (new lock file, or node_modules not yet installed here for it)"
    local before
    before="$(mktemp)"  # npm ci runs the package's `prepare` script, which builds dist/: stamp that build
    npm ci --no-audit --no-fund
    chmod 644 "$before"
    if [ -d dist ]; then mv "$before" dist/.build-stamp; else rm -f "$before"; fi
    echo "$platform" > "$marker"
  else
    echo "setup: npm packages up to date"
  fi
  if build_is_stale; then
    local started
    started="$(mktemp)"  # stamped with the start time, so an edit made during the build still counts
    npm run build
    chmod 644 "$started"
    mv "$started" dist/.build-stamp
  else
    echo "setup: dist/ up to date"
  fi
  bash scripts/install-kernel.sh
  bash scripts/install-nbextension.sh   # plotly.js for the classic Notebook's interactive figures
  bash scripts/gpu-probe.sh
}

if [ $do_system -eq 1 ]; then install_system; fi
if [ $do_project -eq 1 ]; then install_project; fi
echo "setup: done"

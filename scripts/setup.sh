#!/usr/bin/env bash
# One-step set-up on a fresh Debian machine (the README's set-up command runs it):
# system packages (Jupyter, ipykernel, Chromium), the npm packages, the build of lib/ to dist/,
# and the tslab kernel. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(jupyter-nbconvert python3-ipykernel python3-nbclient python3-notebook jupyter-client chromium python3-numpy)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
if [ -x scripts/install-kernel.sh ]; then bash scripts/install-kernel.sh; fi
echo "setup: done"

#!/usr/bin/env bash
# Browser tests of the plots (test/browser/*.browser.ts, ava with test/browser/ava.config.mjs):
#   - the saved interactive HTML figures in Debian's Chromium (playwright-core, no browser download):
#     every figure drawn with the right point/line/image counts, no console error, no network request,
#     user text escaped; the report of `npm start` (index.html) with its learning animation;
#   - the static pictures (PNG/SVG renderer) against plotly.js's rendering of the same JSON: every text
#     plotly.js draws is in the static picture, and no two of its texts overlap;
#   - notebooks executed by nbconvert with the tslab kernel: one bundle per figure, the live cost curve
#     updated in place, the nbconvert HTML export (also of the lesson notebooks) showing every figure offline;
#   - Debian's classic Notebook server on 127.0.0.1: a notebook's plotting cells run in Chromium and
#     plotly.js, served by the Jupyter server's /files/ route, draws them interactively.
# Installs nothing itself: scripts/setup.sh provides chromium, Jupyter, the build (dist/) and the kernel.
# A test whose tools are missing says so loudly; under CI=true it fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's frozen-modules warning from Debian's Python 3.11

missing=()
[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
/usr/bin/python3 -c "import nbconvert, notebook" 2>/dev/null || missing+=("jupyter-nbconvert / python3-notebook")
[ -f dist/plot/index.js ] || missing+=("dist/ (npm run build)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "##################################################################"
  echo "## 30-browser: missing ${missing[*]}"
  echo "## the tests that need them report SKIPPED (a failure under CI=true)"
  echo "##################################################################"
fi
npx ava --config test/browser/ava.config.mjs

#!/usr/bin/env bash
# `npm run notebook`: opens the lesson in Jupyter's classic Notebook (Debian's jupyter-notebook, which
# scripts/setup.sh installs; else `python3 -m notebook`, else JupyterLab), served from the repository
# root, and prints the lesson's URL with its token. Arguments after `--` go to Jupyter:
#
#   npm run notebook                                   # http://localhost:8888/notebooks/notebooks/lesson2.ipynb?token=...
#   npm run notebook -- --port=8890 --no-browser
#   NOTEBOOK=notebooks/lesson2.en.ipynb npm run notebook
#   npm run notebook -- --notebook-dir=notebooks      # serve notebooks/ instead of the root
#
# Secure by default: a random token (or yours in JUPYTER_TOKEN), Jupyter's own Host and Origin checks
# left on, listening on localhost. An empty token is refused: with it, any local user or any web page you
# visit (DNS rebinding) could run code as you.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd -P)"
notebook="${NOTEBOOK:-notebooks/lesson2.ipynb}"
if [ ! -f "$notebook" ]; then
  echo "notebook: $notebook does not exist" >&2
  exit 1
fi

for a in "$@"; do
  case "$a" in
    *[Tt]oken=|*[Tt]oken=\"\"|*[Tt]oken=\'\')
      echo "notebook: refusing an empty token ($a): anyone who reaches the port could run code as you." >&2
      echo "notebook: leave the token out (a random one is made) or set JUPYTER_TOKEN to a secret." >&2
      exit 2 ;;
  esac
done
if [ "${JUPYTER_TOKEN+set}" = set ] && [ -z "$JUPYTER_TOKEN" ]; then
  echo "notebook: JUPYTER_TOKEN is set but empty; refusing to start a server without a token." >&2
  exit 2
fi

if [ ! -f dist/index.js ]; then
  echo "notebook: dist/ is missing: run 'bash scripts/setup.sh' (or 'npm run build') first" >&2
  exit 1
fi
# plotly.js for the interactive figures, in Jupyter's nbextensions route (quick when it is there)
bash scripts/install-nbextension.sh >/dev/null || echo "notebook: plotly.js could not be installed for Jupyter; figures stay pictures" >&2

kind=notebook
if command -v jupyter-notebook >/dev/null 2>&1; then
  cmd=(jupyter-notebook)
elif /usr/bin/python3 -c "import notebook" >/dev/null 2>&1; then
  cmd=(/usr/bin/python3 -m notebook)
elif command -v jupyter-lab >/dev/null 2>&1; then
  cmd=(jupyter-lab); kind=lab
else
  echo "notebook: no Jupyter front end here: run 'bash scripts/setup.sh' (Debian's jupyter-notebook)," >&2
  echo "notebook: or install Jupyter (pip install notebook) and register the kernel with scripts/install-kernel.sh" >&2
  exit 1
fi

export JUPYTER_TOKEN="${JUPYTER_TOKEN:-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))')}"
runtime="$(jupyter --runtime-dir 2>/dev/null || /usr/bin/python3 -c 'from jupyter_core.paths import jupyter_runtime_dir as d; print(d())')"

# Once the server has written its runtime file (named after this process, which exec keeps), print the
# lesson's address with the token, relative to the folder the server serves.
(
  for _ in $(seq 240); do
    kill -0 $$ 2>/dev/null || exit 0
    for f in "$runtime/nbserver-$$.json" "$runtime/jpserver-$$.json"; do
      [ -s "$f" ] || continue
      node - "$f" "$root/$notebook" "$kind" <<'JS' || exit 0
const [file, nb, kind] = process.argv.slice(2);
const fs = require("node:fs"), path = require("node:path");
const info = JSON.parse(fs.readFileSync(file, "utf8"));
const served = info.root_dir ?? info.notebook_dir ?? process.cwd();
const rel = path.relative(served, nb);
const base = info.url.replace(/\/?$/, "/");
const where = rel.startsWith("..") ? "tree" : (kind === "lab" ? "lab/tree/" : "notebooks/") + rel.split(path.sep).map(encodeURIComponent).join("/");
console.log(`\nnpm run notebook: the lesson is at\n\n    ${base}${where}?token=${info.token}\n\n(serving ${served}; Ctrl-C twice stops the server)\n`);
JS
      exit 0
    done
    sleep 0.25
  done
) &

# the repository root, unless the arguments choose the folder to serve
rootarg=(--notebook-dir="$root")
for a in "$@"; do
  case "$a" in --notebook-dir*|--NotebookApp.notebook_dir*|--ServerApp.root_dir*|--root-dir*) rootarg=() ;; esac
done
exec "${cmd[@]}" "${rootarg[@]}" "$root/$notebook" "$@"

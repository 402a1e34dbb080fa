#!/usr/bin/env bash
# Installs plotly.js where the classic Jupyter Notebook serves static files to every notebook page,
# wherever the server was started: <Jupyter data dir>/nbextensions/dl-lesson2-ts/plotly.js, served at
# {base_url}nbextensions/dl-lesson2-ts/plotly.js (what `jupyter nbextension install --user` does, without
# needing that command). The figures' text/html output loads it from there (lib/plot/display.ts).
# No root needed: the data dir is the user's (~/.local/share/jupyter, or $JUPYTER_DATA_DIR), as each
# python3 with Jupyter here reports it. Idempotent: an identical copy is left alone.
#
#   bash scripts/install-nbextension.sh           # install or update
#   bash scripts/install-nbextension.sh --check   # exit 1 unless every data dir has the current copy
set -euo pipefail
cd "$(dirname "$0")/.."

mode=install
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  *) echo "install-nbextension: unknown option '$1' (use --check or nothing)" >&2; exit 2 ;;
esac

src=""
for f in node_modules/plotly.js-dist-min/plotly.min.js node_modules/plotly.js-dist/plotly.js; do
  if [ -f "$f" ]; then src="$f"; break; fi
done
if [ -z "$src" ]; then
  echo "install-nbextension: plotly.js is not in node_modules: run 'npm ci' first (scripts/setup.sh does)" >&2
  exit 1
fi

# Each Jupyter's user data dir (usually one for all of them); JUPYTER_PYTHON picks one Python.
dirs=()
if [ -n "${JUPYTER_PYTHON:-}" ]; then want=("$JUPYTER_PYTHON"); else want=(python3 /usr/bin/python3); fi
for p in "${want[@]}"; do
  command -v "$p" >/dev/null 2>&1 || continue
  d="$("$p" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())' 2>/dev/null || true)"
  [ -n "$d" ] || continue
  case " ${dirs[*]:-} " in *" $d "*) continue ;; esac
  dirs+=("$d")
done
if [ ${#dirs[@]} -eq 0 ]; then
  echo "install-nbextension: no python3 with Jupyter here (apt-get install jupyter-notebook; scripts/setup.sh does)" >&2
  exit 1
fi

status=0
for d in "${dirs[@]}"; do
  dest="$d/nbextensions/dl-lesson2-ts/plotly.js"
  if cmp -s "$src" "$dest"; then
    echo "install-nbextension: $dest is up to date"
  elif [ "$mode" = check ]; then
    echo "install-nbextension: $dest is missing or stale (run bash scripts/install-nbextension.sh)" >&2
    status=1
  else
    mkdir -p "$(dirname "$dest")"
    cp "$src" "$dest.tmp.$$" && mv "$dest.tmp.$$" "$dest"
    echo "install-nbextension: plotly.js ($src) -> $dest"
  fi
done
exit $status

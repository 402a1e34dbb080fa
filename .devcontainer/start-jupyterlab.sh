#!/usr/bin/env bash
# Starts JupyterLab on port 8888 in the background (the dev container's postStartCommand), unless a
# server already answers there. Serves the checkout; logs to /tmp/jupyterlab.log.
#
# Secure by default: a token (kept in ~/.local/share/dl-lesson2/jupyter-token, mode 600, made once; or
# yours in JUPYTER_TOKEN), Jupyter's Host and Origin checks on, listening on 127.0.0.1 inside the
# container. An empty token is refused. The lesson's URL with the token is printed here and kept in
# ~/.local/share/dl-lesson2/jupyterlab-url; `jupyter server list` shows it too.
# In GitHub Codespaces the forwarded name (<codespace>-8888.<forwarding domain>) is added to Jupyter's
# local host names, so the Host check passes for it and for nothing else.
# JUPYTER_IP=0.0.0.0 serves a port published by `docker run -p 127.0.0.1:8888:8888` (the README's manual
# way); the token still guards it.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${JUPYTER_PORT:-8888}"
log="${JUPYTER_LOG:-/tmp/jupyterlab.log}"
ip="${JUPYTER_IP:-127.0.0.1}"
state="${XDG_DATA_HOME:-$HOME/.local/share}/dl-lesson2"
url="http://127.0.0.1:$port"

if curl -fsS -o /dev/null "$url/api" 2>/dev/null; then
  echo "start-jupyterlab: a Jupyter server already answers at $url (jupyter server list shows its token)"
  exit 0
fi
if ! command -v jupyter-lab >/dev/null 2>&1; then
  echo "start-jupyterlab: jupyter-lab is not on PATH (the dev container installs it in /opt/jupyter)" >&2
  exit 1
fi

mkdir -p "$state"
chmod 700 "$state"
if [ "${JUPYTER_TOKEN+set}" = set ]; then
  if [ -z "$JUPYTER_TOKEN" ]; then
    echo "start-jupyterlab: JUPYTER_TOKEN is empty; refusing to start JupyterLab without a token" >&2
    exit 2
  fi
  token="$JUPYTER_TOKEN"
else
  if [ ! -s "$state/jupyter-token" ]; then
    (umask 077; node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))' >"$state/jupyter-token")
  fi
  token="$(cat "$state/jupyter-token")"
fi

hosts="'localhost'"
if [ -n "${CODESPACE_NAME:-}" ] && [ -n "${GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN:-}" ]; then
  hosts="$hosts,'$CODESPACE_NAME-$port.$GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN'"
fi

# setsid + nohup: the server outlives this script, which the dev-container tooling waits for.
# The token goes through the environment, not the command line (which every local user can read).
JUPYTER_TOKEN="$token" setsid nohup jupyter-lab --no-browser --ip="$ip" --port="$port" --ServerApp.port_retries=0 \
  "--ServerApp.local_hostnames=[$hosts]" \
  --ServerApp.root_dir="$PWD" >"$log" 2>&1 </dev/null &

for _ in $(seq 60); do
  if curl -fsS -o /dev/null "$url/api" 2>/dev/null; then
    lesson="http://localhost:$port/lab/tree/notebooks/lesson2.ipynb?token=$token"
    (umask 077; echo "$lesson" >"$state/jupyterlab-url")
    echo "start-jupyterlab: JupyterLab serves the lesson at"
    echo "    $lesson"
    echo "(forwarded port $port; log: $log; the URL is also in $state/jupyterlab-url)"
    exit 0
  fi
  sleep 0.5
done
echo "start-jupyterlab: JupyterLab did not answer at $url within 30 s; the end of $log:" >&2
tail -n 20 "$log" >&2
exit 1

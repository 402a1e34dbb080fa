#!/usr/bin/env bash
# Starts JupyterLab on port 8888 in the background (the dev container's postStartCommand), unless a
# server already answers there. Serves the checkout; logs to /tmp/jupyterlab.log.
# It listens on 127.0.0.1 inside the container without a token: only VS Code's or Codespaces' port
# forwarding reaches it (a Codespaces port is private to its owner by default). JUPYTER_IP=0.0.0.0
# serves a port published by `docker run -p 127.0.0.1:8888:8888` instead (the README's manual way).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${JUPYTER_PORT:-8888}"
log="${JUPYTER_LOG:-/tmp/jupyterlab.log}"
ip="${JUPYTER_IP:-127.0.0.1}"
url="http://127.0.0.1:$port"

if curl -fsS "$url/api" >/dev/null 2>&1; then
  echo "start-jupyterlab: a Jupyter server already answers at $url"
  exit 0
fi
if ! command -v jupyter-lab >/dev/null 2>&1; then
  echo "start-jupyterlab: jupyter-lab is not on PATH (the dev container installs it in /opt/jupyter)" >&2
  exit 1
fi

# setsid + nohup: the server outlives this script, which the dev-container tooling waits for.
setsid nohup jupyter-lab --no-browser --ip="$ip" --port="$port" --ServerApp.port_retries=0 \
  --IdentityProvider.token= --ServerApp.allow_remote_access=True \
  --ServerApp.root_dir="$PWD" >"$log" 2>&1 </dev/null &

for _ in $(seq 60); do
  if curl -fsS "$url/api" >/dev/null 2>&1; then
    echo "start-jupyterlab: JupyterLab serves $url/lab (forwarded port $port; log: $log)"
    exit 0
  fi
  sleep 0.5
done
echo "start-jupyterlab: JupyterLab did not answer at $url within 30 s; the end of $log:" >&2
tail -n 20 "$log" >&2
exit 1

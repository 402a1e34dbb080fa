#!/usr/bin/env bash
# Registers tslab's TypeScript kernel ("tslab", shown as "TypeScript") and its JavaScript kernel
# ("jslab") with Jupyter, the way `tslab install` does, and Deno's kernel ("deno", shown as
# "Deno (TypeScript)", the project's own Deno from the `deno` npm devDependency, as
# `deno jupyter --install` would register it), for each python3 Jupyter found here:
#   - $JUPYTER_PYTHON, when set (only that one);
#   - otherwise `python3` on PATH (the dev container's JupyterLab) and Debian's /usr/bin/python3
#     (jupyter-nbconvert and python3-nbclient, which CI uses); a Python without jupyter_client is skipped.
# The kernelspec runs this checkout's tslab (node_modules/tslab) with the node found now, both by
# absolute path, so the kernel starts whatever PATH Jupyter or VS Code gives it; the same for Deno's
# binary (node_modules/deno/deno, found by the deno package's own install_api.cjs). Deno's spec sets
# NO_COLOR=1: a cell's value is then plain text, as in tslab (Deno colours it with ANSI escapes).
# As root it goes to /usr/local/share/jupyter/kernels (every user), otherwise to the user's
# ~/.local/share/jupyter/kernels; a stale spec of the same name is rewritten where it is.
# Idempotent: an up-to-date spec is left alone. Ends by listing the kernels each Jupyter sees.
# Then fills the kernel's compile cache for the committed notebooks (scripts/kernel/warm-cache.cjs,
# with the node the kernelspec runs), so a student's first run compiles no cell; it never fails here.
#
#   bash scripts/install-kernel.sh           # install or update, then verify
#   bash scripts/install-kernel.sh --check   # verify only: exit 1 unless every Jupyter lists tslab and deno, up to date
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd -P)"

mode=install
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  *) echo "install-kernel: unknown option '$1' (use --check or nothing)" >&2; exit 2 ;;
esac

# The kernel is tslab's own main(), started by scripts/kernel/tslab-kernel.cjs, which fixes how
# Shift-Tab prints TSDoc (see that file); it needs this checkout's node_modules/tslab.
tslab="$root/scripts/kernel/tslab-kernel.cjs"
if [ ! -f "$root/node_modules/tslab/bin/tslab" ]; then
  echo "install-kernel: $root/node_modules/tslab is missing: run 'npm ci' first (scripts/setup.sh does)" >&2
  exit 1
fi
node="$(command -v node || true)"
if [ -z "$node" ]; then
  echo "install-kernel: node is not on PATH: install Node.js 20" >&2
  exit 1
fi
# Deno's binary: install_api.cjs of the `deno` package returns it (and links it into node_modules/deno
# when npm ran no install scripts), for this platform (@deno/linux-x64-glibc and friends). Without it
# tslab is still registered, and the script fails at the end.
deno=""
deno_status=0
if [ ! -f "$root/node_modules/deno/install_api.cjs" ]; then
  echo "install-kernel: $root/node_modules/deno is missing: run 'npm ci' first (scripts/setup.sh does)" >&2
  deno_status=1
elif ! deno="$(cd "$root" && "$node" -e 'process.stdout.write(require("./node_modules/deno/install_api.cjs").runInstall())')" \
  || ! "$deno" --version >/dev/null; then
  echo "install-kernel: the deno binary of node_modules/deno does not run here (see the error above): no Deno kernel" >&2
  deno=""
  deno_status=1
fi

# The Pythons to serve, one per interpreter prefix (a pyenv shim and its target count once).
pythons=()
prefixes=" "
if [ -n "${JUPYTER_PYTHON:-}" ]; then
  want=("$JUPYTER_PYTHON")
else
  want=(python3 /usr/bin/python3)
fi
for p in "${want[@]}"; do
  exe="$(command -v "$p" 2>/dev/null || true)"
  [ -n "$exe" ] || continue
  prefix="$("$exe" -c 'import sys; print(sys.prefix)' 2>/dev/null || true)"
  [ -n "$prefix" ] || continue
  case "$prefixes" in *" $prefix "*) continue ;; esac
  prefixes="$prefixes$prefix "
  if "$exe" -c 'import jupyter_client' 2>/dev/null; then
    pythons+=("$exe")
  else
    echo "install-kernel: skipping $exe ($prefix): it has no jupyter_client"
  fi
done
if [ ${#pythons[@]} -eq 0 ]; then
  echo "install-kernel: no Python with Jupyter found (tried: ${want[*]})." >&2
  echo "  On Debian: apt-get install jupyter-client python3-ipykernel; or install JupyterLab; or set JUPYTER_PYTHON." >&2
  exit 1
fi

# Installs (or, with "check", compares) both kernelspecs through jupyter_client's KernelSpecManager,
# the API that `tslab install` uses. Exit status 1 means a spec is missing or stale.
register_py='
import json, os, sys, tempfile
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

node, tslab, deno, mode = sys.argv[1:5]
ksm = KernelSpecManager()
specs = {
    "tslab": {"argv": [node, tslab, "kernel", "--config-path", "{connection_file}"],
              "display_name": "TypeScript", "language": "typescript"},
    "jslab": {"argv": [node, tslab, "kernel", "--config-path", "{connection_file}", "--js"],
              "display_name": "JavaScript", "language": "javascript"},
    "deno": {"argv": [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
             "display_name": "Deno (TypeScript)", "language": "typescript", "env": {"NO_COLOR": "1"}},
}
if not deno:  # no Deno binary here (said above): tslab only
    del specs["deno"]
stale = 0
for name, want in specs.items():
    try:
        spec = ksm.get_kernel_spec(name)
        have = {"argv": spec.argv, "display_name": spec.display_name, "language": spec.language}
        if spec.env:
            have["env"] = spec.env
        where = spec.resource_dir
    except NoSuchKernel:
        have, where = None, None
    if have == want:
        print(f"  {name}: up to date in {where}")
        continue
    if mode == "check":
        runs = None if have is None else have["argv"]
        print(f"  {name}: missing" if have is None else f"  {name}: stale in {where}: runs {runs}")
        stale = 1
        continue
    if where is not None and os.access(where, os.W_OK):
        with open(os.path.join(where, "kernel.json"), "w") as f:
            json.dump(want, f, indent=1)
        print(f"  {name}: updated in {where}")
        continue
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        with open(os.path.join(tmp, "kernel.json"), "w") as f:
            json.dump(want, f, indent=1)
        dest = ksm.install_kernel_spec(tmp, name, user=os.geteuid() != 0)
    print(f"  {name}: installed in {dest}")
sys.exit(stale)
'

status=$deno_status
for py in "${pythons[@]}"; do
  echo "install-kernel: Jupyter of $py"
  "$py" -c "$register_py" "$node" "$tslab" "$deno" "$mode" || status=1
done

# Verify the way a user would: `jupyter kernelspec list` of each Jupyter must show tslab and deno.
for py in "${pythons[@]}"; do
  # (PYDEVD_...: quiets debugpy's frozen-modules warning that Debian's Python 3.11 prints here)
  if ! listing="$(PYDEVD_DISABLE_FILE_VALIDATION=1 "$py" -m jupyter kernelspec list 2>&1)"; then
    echo "install-kernel: '$py -m jupyter kernelspec list' failed:" >&2
    printf '%s\n' "$listing" >&2
    status=1
    continue
  fi
  echo "install-kernel: $py -m jupyter kernelspec list"
  printf '%s\n' "$listing" | sed 's/^/  /'
  for kernel in tslab deno; do
    if ! printf '%s\n' "$listing" | grep -Eq "^\\s*$kernel\\s"; then
      echo "install-kernel: the $kernel kernel is not listed by $py's Jupyter" >&2
      status=1
    fi
  done
done
# Compile the committed notebooks' cells into the kernel's compile cache, as Python byte-compiles a library
# at install: the cache key holds Node's version, so with the node the kernelspec runs. Says loudly when it
# cannot and goes on (a cold cache is slower, not broken).
if [ "$mode" = install ]; then
  "$node" "$root/scripts/kernel/warm-cache.cjs" \
    || echo "install-kernel: WARNING: scripts/kernel/warm-cache.cjs failed: the notebooks' first run will compile every cell" >&2
fi
exit $status

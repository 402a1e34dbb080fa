#!/usr/bin/env bash
# Says which NVIDIA GPU this machine (or dev container) can use, or says plainly that none is visible.
# The shell twin of the notebook's `!nvidia-smi` cell. Always exits 0: no GPU is a normal answer,
# since the lesson runs on the CPU; the GPU is there for later work.
#
#   bash scripts/gpu-probe.sh
#   NVIDIA_SMI=/path/to/nvidia-smi bash scripts/gpu-probe.sh   # another nvidia-smi (the tests use one)
#
# Inside the dev container the GPU is visible only when the host has the NVIDIA driver and the
# NVIDIA Container Toolkit (see the README's dev-container section).
set -uo pipefail

say() { echo "gpu-probe: $*"; }
smi="${NVIDIA_SMI:-nvidia-smi}"

caps="${NVIDIA_DRIVER_CAPABILITIES:-}"
if [ -n "$caps" ]; then say "NVIDIA_DRIVER_CAPABILITIES=$caps"; fi

if ! command -v "$smi" >/dev/null 2>&1; then
  say "no NVIDIA GPU is visible: $smi is not found."
  if ls /dev/nvidia[0-9]* >/dev/null 2>&1; then
    say "(/dev/nvidia* devices exist, but without nvidia-smi: the driver's utility capability is not passed through)"
  fi
  say "the lesson runs on the CPU; for a GPU in the dev container the host needs the NVIDIA driver and the NVIDIA Container Toolkit."
  exit 0
fi

if ! list=$("$smi" --query-gpu=index,name,driver_version,memory.total --format=csv,noheader 2>&1); then
  say "no NVIDIA GPU is usable: nvidia-smi is installed but failed:"
  printf '%s\n' "$list" | sed 's/^/  /'
  exit 0
fi
count=$(printf '%s\n' "$list" | grep -c .)
if [ "$count" -eq 0 ]; then
  say "no NVIDIA GPU is visible: nvidia-smi lists none."
  exit 0
fi

say "$count NVIDIA GPU(s) visible:"
printf '%s\n' "$list" | while IFS=, read -r index name driver memory; do
  echo "  GPU $index:$name, driver$driver,$memory"
done
echo
"$smi" || say "(nvidia-smi's table could not be printed)"

# Vulkan (the "graphics" driver capability): only where the Vulkan tools are installed, as in the dev container.
if command -v vulkaninfo >/dev/null 2>&1; then
  if devices=$(vulkaninfo --summary 2>/dev/null | grep -E '^\s*deviceName' | sed 's/^\s*deviceName\s*=\s*//'); then
    if [ -n "$devices" ]; then
      say "Vulkan devices: $(printf '%s' "$devices" | paste -sd ';' -)"
    else
      say "Vulkan: no device (is 'graphics' in NVIDIA_DRIVER_CAPABILITIES?)"
    fi
  else
    say "Vulkan: vulkaninfo failed (is 'graphics' in NVIDIA_DRIVER_CAPABILITIES?)"
  fi
fi
exit 0

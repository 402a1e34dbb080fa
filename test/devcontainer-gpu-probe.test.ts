import test from "ava";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// scripts/gpu-probe.sh run against stand-in nvidia-smi programs (NVIDIA_SMI), so that every branch
// is checked on any machine, with or without a GPU. The real GPU is checked on a GPU machine.
const probe = fileURLToPath(new URL("../scripts/gpu-probe.sh", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gpu-probe-"));

/** Writes an executable stand-in for nvidia-smi that runs the given shell body. */
function fakeSmi(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Runs the probe with NVIDIA_SMI set; returns its exit status and output. */
function runProbe(smi: string, extraEnv: Record<string, string> = {}): { status: number | null; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NVIDIA_SMI: smi, ...extraEnv };
  if (!("NVIDIA_DRIVER_CAPABILITIES" in extraEnv)) delete env["NVIDIA_DRIVER_CAPABILITIES"];
  const result = spawnSync("bash", [probe], { env, encoding: "utf8" });
  return { status: result.status, out: result.stdout + result.stderr };
}

test("gpu-probe.sh says plainly that no GPU is visible when nvidia-smi is missing, and exits 0", (t) => {
  const { status, out } = runProbe(join(dir, "no-such-nvidia-smi"));
  t.is(status, 0);
  t.true(out.startsWith(`gpu-probe: no NVIDIA GPU is visible: ${join(dir, "no-such-nvidia-smi")} is not found.\n`), out);
  t.regex(out, /the host needs the NVIDIA driver and the NVIDIA Container Toolkit/);
});

test("gpu-probe.sh reports a failing nvidia-smi with its message, and exits 0", (t) => {
  const smi = fakeSmi("failing", 'echo "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver." >&2; exit 9');
  const { status, out } = runProbe(smi);
  t.is(status, 0);
  t.is(
    out,
    "gpu-probe: no NVIDIA GPU is usable: nvidia-smi is installed but failed:\n" +
      "  NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.\n",
  );
});

test("gpu-probe.sh reports an nvidia-smi that lists no GPU", (t) => {
  const smi = fakeSmi("empty", "exit 0");
  const { status, out } = runProbe(smi);
  t.is(status, 0);
  t.is(out, "gpu-probe: no NVIDIA GPU is visible: nvidia-smi lists none.\n");
});

test("gpu-probe.sh lists each visible GPU, then nvidia-smi's table", (t) => {
  const smi = fakeSmi(
    "two",
    [
      'if [ "$1" = "--query-gpu=index,name,driver_version,memory.total" ]; then',
      '  echo "0, NVIDIA H100 80GB HBM3, 570.86.15, 81559 MiB"',
      '  echo "1, NVIDIA L4, 570.86.15, 23034 MiB"',
      "  exit 0",
      "fi",
      'echo "| NVIDIA-SMI 570.86.15 (table) |"',
    ].join("\n"),
  );
  const { status, out } = runProbe(smi, { NVIDIA_DRIVER_CAPABILITIES: "compute,utility,graphics" });
  t.is(status, 0);
  const lines = out.split("\n");
  t.deepEqual(lines.slice(0, 6), [
    "gpu-probe: NVIDIA_DRIVER_CAPABILITIES=compute,utility,graphics",
    "gpu-probe: 2 NVIDIA GPU(s) visible:",
    "  GPU 0: NVIDIA H100 80GB HBM3, driver 570.86.15, 81559 MiB",
    "  GPU 1: NVIDIA L4, driver 570.86.15, 23034 MiB",
    "",
    "| NVIDIA-SMI 570.86.15 (table) |",
  ]);
});

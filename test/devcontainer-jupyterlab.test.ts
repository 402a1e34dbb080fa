/**
 * .devcontainer/start-jupyterlab.sh starts JupyterLab securely: a token (made once, mode 600, passed in
 * the environment, not on the command line), never an empty one, Jupyter's Host and Origin checks left on,
 * and in Codespaces only the codespace's forwarded name added to the local host names.
 * A stand-in `jupyter-lab` on PATH records how it was started and answers on the port as JupyterLab would.
 */
import test from "ava";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { freePort } from "./support/net.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = join(import.meta.dirname, "../.devcontainer/start-jupyterlab.sh");

/** Runs the script with a stand-in jupyter-lab; returns its output, the recorded start, and the state dir. */
async function start(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "start-jupyterlab-"));
  const record = join(dir, "record.json");
  const fake = join(dir, "jupyter-lab");
  writeFileSync(
    fake,
    `#!/usr/bin/env bash
node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ args: process.argv.slice(2), token: process.env.JUPYTER_TOKEN ?? null }))' ${JSON.stringify(record)} "$@"
port=""; for a in "$@"; do case "$a" in --port=*) port="\${a#--port=}" ;; esac; done
echo $$ > ${JSON.stringify(join(dir, "pid"))}
exec node -e 'require("http").createServer((q, r) => r.end("{}")).listen(Number(process.argv[1]), "127.0.0.1")' "$port"
`,
  );
  chmodSync(fake, 0o755);
  const port = await freePort();
  const r = spawnSync("bash", [SCRIPT], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, HOME: dir, XDG_DATA_HOME: join(dir, "share"), JUPYTER_PORT: String(port), JUPYTER_LOG: join(dir, "log"), ...env },
  });
  const cleanup = () => {
    try {
      process.kill(Number(readFileSync(join(dir, "pid"), "utf8")));
    } catch {
      // not started
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let started: { args: string[]; token: string | null } | null = null;
  try {
    started = JSON.parse(readFileSync(record, "utf8"));
  } catch {
    // not started
  }
  return { r, started, state: join(dir, "share", "dl-lesson2"), port, cleanup };
}

test.serial("start-jupyterlab: a kept token in the environment, Host/Origin checks on, the URL printed", async (t) => {
  const s = await start({ CODESPACE_NAME: "", GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN: "" });
  try {
    t.is(s.r.status, 0, s.r.stderr);
    const token = readFileSync(join(s.state, "jupyter-token"), "utf8");
    t.regex(token, /^[0-9a-f]{48}$/);
    t.is(statSync(join(s.state, "jupyter-token")).mode & 0o777, 0o600);
    t.is(s.started!.token, token, "the token reaches Jupyter through JUPYTER_TOKEN");
    const args = s.started!.args.join(" ");
    t.false(args.includes(token), "the token is not on the command line");
    t.notRegex(args, /token=(\s|$)|allow_remote_access|allow_origin|disable_check_xsrf/);
    t.true(s.started!.args.includes("--ip=127.0.0.1"));
    t.true(s.started!.args.includes("--ServerApp.local_hostnames=['localhost']"));
    t.true(s.r.stdout.includes(`http://localhost:${s.port}/lab/tree/notebooks/lesson2.ipynb?token=${token}`), s.r.stdout);
  } finally {
    s.cleanup();
  }
});

test.serial("start-jupyterlab: in Codespaces only the forwarded name is added to the local host names", async (t) => {
  const s = await start({ CODESPACE_NAME: "fluffy-space", GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN: "app.github.dev" });
  try {
    t.is(s.r.status, 0, s.r.stderr);
    t.true(s.started!.args.includes(`--ServerApp.local_hostnames=['localhost','fluffy-space-${s.port}.app.github.dev']`), s.started!.args.join(" "));
  } finally {
    s.cleanup();
  }
});

test.serial("start-jupyterlab: an empty JUPYTER_TOKEN is refused, JupyterLab not started", async (t) => {
  const s = await start({ JUPYTER_TOKEN: "" });
  try {
    t.is(s.r.status, 2);
    t.regex(s.r.stderr, /refusing to start JupyterLab without a token/);
    t.is(s.started, null);
  } finally {
    s.cleanup();
  }
});

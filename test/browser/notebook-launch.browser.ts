/**
 * `npm run notebook` as a student uses it: the classic Notebook it starts is secure (a token, Jupyter's
 * Host check on, no empty token accepted), and the lesson opened from the URL it prints runs in Chromium
 * with every figure drawn by plotly.js and no cell error, whether the server serves the repository root
 * (the default) or notebooks/ (`-- --notebook-dir=notebooks`), where plotly.js comes from Jupyter's
 * nbextensions route that the launcher fills.
 *
 * Each server gets its own Jupyter data and config folders, so the test also shows that the launcher
 * installs plotly.js for Jupyter by itself.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../support/net.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test, { type ExecutionContext } from "ava";
import { CHROMIUM, launch, openPage, testIf } from "./chromium.js";
import { ROOT, jupyterMissing } from "./jupyter.js";

const jupyter = jupyterMissing("notebook");
const securityTest = testIf("classic Jupyter Notebook + tslab", jupyter === null, jupyter ?? "");
const missing = !existsChromium() ? `${CHROMIUM} is missing: apt-get install -y chromium` : jupyter;
const browserTest = testIf("Chromium + classic Jupyter Notebook + tslab", missing === null, missing ?? "");

function existsChromium(): boolean {
  return spawnSync(CHROMIUM, ["--version"], { stdio: "ignore" }).status === 0;
}

/** A server started by `npm run notebook`, its printed lesson URL, and how to stop it. */
interface Launched {
  url: string;
  origin: string;
  token: string;
  stop(): void;
}

const temps: string[] = [];
function jupyterEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "npm-notebook-"));
  temps.push(home);
  return { ...process.env, JUPYTER_DATA_DIR: join(home, "data"), JUPYTER_CONFIG_DIR: join(home, "config"), BROWSER: "true", ...extra };
}

/** Runs `npm run notebook -- <args>` in its own process group and waits for the URL it prints. */
async function npmRunNotebook(args: string[], env: Record<string, string> = {}): Promise<Launched> {
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["run", "notebook", "--", "--no-browser", "--allow-root", `--port=${port}`, "--port-retries=0", ...args], {
    cwd: ROOT,
    env: jupyterEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const m = /the lesson is at\s+(http:\/\/\S+\?token=([0-9a-f]+))/.exec(log);
    if (m) return { url: m[1], origin: new URL(m[1]).origin, token: m[2], stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`npm run notebook printed no lesson URL:\n${log}`);
}

securityTest("npm run notebook: refuses a request without the token and one with a foreign Host header", async (t) => {
  const server = await npmRunNotebook([]);
  try {
    t.regex(server.url, /\/notebooks\/notebooks\/lesson2\.ipynb\?token=[0-9a-f]{48}$/);
    const api = `${server.origin}/api/contents/notebooks`;
    t.is((await fetch(api)).status, 403, "no token: refused");
    t.is((await fetch(`${api}?token=wrong`)).status, 403, "a wrong token: refused");
    t.is((await fetch(`${api}?token=${server.token}`)).status, 200, "the printed token: served");
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends Host: evil.example (fetch cannot
    // set Host, so curl does)
    const rebound = spawnSync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: evil.example", `${api}?token=${server.token}`], { encoding: "utf8" });
    t.is(rebound.stdout, "403", "a foreign Host header: refused even with the token");
    const local = spawnSync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", `Host: localhost:${new URL(server.origin).port}`, `${api}?token=${server.token}`], { encoding: "utf8" });
    t.is(local.stdout, "200", "Host: localhost is served");
  } finally {
    server.stop();
  }
});

securityTest("npm run notebook: an empty token is refused before Jupyter starts", (t) => {
  for (const [args, env] of [
    [["--NotebookApp.token="], {}],
    [["--ServerApp.token=''"], {}],
    [[], { JUPYTER_TOKEN: "" }],
  ] as const) {
    const r = spawnSync("npm", ["run", "notebook", "--", "--no-browser", "--allow-root", ...args], { cwd: ROOT, env: jupyterEnv(env), encoding: "utf8", timeout: 60_000 });
    t.is(r.status, 2, `${args.join(" ")} ${JSON.stringify(env)}: ${r.stderr}`);
    t.regex(r.stderr, /refusing/);
    t.notRegex(r.stdout + r.stderr, /is running at/);
  }
});

/** Opens the printed URL in Chromium, runs every cell, and reports cell errors and figures. */
async function runLessonInBrowser(t: ExecutionContext, server: Launched, expectedFigures: number): Promise<void> {
  const browser = await launch();
  try {
    const { page, log } = await openPage(await browser.newContext(), server.origin);
    const plotlyRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("plotly")) plotlyRequests.push(r.url().replace(/\?.*$/, ""));
    });
    await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: 120_000 });
    type Nb = { kernel?: { is_connected(): boolean; info_reply?: unknown }; execute_all_cells(): void; get_cells(): { cell_type: string; input_prompt_number?: unknown; output_area?: { outputs: { output_type: string; name?: string; text?: string }[] } }[] };
    await page.waitForFunction(
      () => {
        const nb = (window as unknown as { Jupyter?: { notebook?: Nb } }).Jupyter?.notebook;
        return nb?.kernel?.is_connected() === true && nb.kernel.info_reply !== undefined;
      },
      undefined,
      { timeout: 120_000 },
    );
    // never write the run's outputs back (the notebook is a copy, and autosave is off too)
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { set_autosave_interval(ms: number): void } } }).Jupyter.notebook.set_autosave_interval(0));
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: Nb } }).Jupyter.notebook.execute_all_cells());
    // done when no code cell is queued or running ("*") and the last one has its number
    await page.waitForFunction(
      () => {
        const cells = (window as unknown as { Jupyter: { notebook: Nb } }).Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code");
        return cells.every((c) => c.input_prompt_number !== "*") && typeof cells[cells.length - 1].input_prompt_number === "number";
      },
      undefined,
      { timeout: 600_000, polling: 1000 },
    );
    const cells = await page.evaluate(() =>
      (window as unknown as { Jupyter: { notebook: Nb } }).Jupyter.notebook
        .get_cells()
        .filter((c) => c.cell_type === "code")
        .map((c) => ({
          ran: typeof c.input_prompt_number === "number",
          errors: (c.output_area?.outputs ?? [])
            .filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr" && /^\w*Error\b/m.test(o.text ?? "")))
            .map((o) => o.text ?? o.output_type),
        })),
    );
    await page.waitForFunction((n) => document.querySelectorAll(".output_area .dl-plot .main-svg").length >= n, expectedFigures, { timeout: 60_000 }).catch(() => undefined);
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll(".output_area .dl-plot")].map((d) => ({
        drawn: d.querySelector(".main-svg") !== null,
        picture: d.querySelector(":scope > img") !== null,
        note: d.querySelector(".dl-plot-note")?.textContent ?? null,
      })),
    );
    const shot = join(tmpdir(), `npm-notebook-${new URL(server.url).pathname.split("/").length}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    t.log(`screenshot: ${shot}`);
    t.deepEqual(cells.filter((c) => !c.ran).length, 0, "every code cell ran");
    t.deepEqual(cells.flatMap((c) => c.errors), [], "no cell error");
    t.true(figures.length >= expectedFigures, `${figures.length} figures, expected ${expectedFigures}`);
    t.deepEqual(figures.filter((f) => !f.drawn), [], "every figure drawn by plotly.js");
    t.deepEqual([...new Set(plotlyRequests)], [`${server.origin}/nbextensions/dl-lesson2-ts/plotly.js`], "plotly.js from the nbextensions route, once");
    t.deepEqual(log.network, [], "no request leaves 127.0.0.1");
  } finally {
    await browser.close();
  }
}

function committedFigures(notebook: string): number {
  const r = spawnSync("node", ["-e", `const nb=require(${JSON.stringify(join(ROOT, notebook))});console.log(nb.cells.flatMap(c=>c.outputs??[]).filter(o=>o.data&&o.data["application/vnd.plotly.v1+json"]).length)`], { encoding: "utf8" });
  return Number(r.stdout.trim());
}

/** A copy of the lesson beside it (same imports), opened instead of it so that no run touches the committed file. */
function lessonCopy(): { rel: string; remove(): void } {
  const name = `tmp-launch-${process.pid}-${Date.now()}.ipynb`;
  copyFileSync(join(ROOT, "notebooks/lesson2.ipynb"), join(ROOT, "notebooks", name));
  return { rel: `notebooks/${name}`, remove: () => rmSync(join(ROOT, "notebooks", name), { force: true }) };
}

browserTest("npm run notebook at the repository root: the lesson runs with every figure interactive and no cell error", async (t) => {
  t.timeout(15 * 60_000);
  const copy = lessonCopy();
  const server = await npmRunNotebook([], { NOTEBOOK: copy.rel });
  try {
    t.true(server.url.includes(`/notebooks/${copy.rel}?token=`), server.url);
    await runLessonInBrowser(t, server, committedFigures("notebooks/lesson2.ipynb"));
  } finally {
    server.stop();
    copy.remove();
  }
});

browserTest("npm run notebook serving notebooks/: the lesson's figures are interactive there too", async (t) => {
  t.timeout(15 * 60_000);
  const copy = lessonCopy();
  const server = await npmRunNotebook(["--notebook-dir=notebooks"], { NOTEBOOK: copy.rel });
  try {
    t.true(server.url.includes(`:${new URL(server.url).port}/notebooks/${copy.rel.slice("notebooks/".length)}?token=`), `the server serves notebooks/: ${server.url}`);
    await runLessonInBrowser(t, server, committedFigures("notebooks/lesson2.ipynb"));
  } finally {
    server.stop();
    copy.remove();
  }
});

test.after.always("remove the servers' temporary Jupyter folders", () => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/**
 * The interactive plot in Debian's classic Notebook: a server on 127.0.0.1 with the tslab kernel, a
 * notebook opened in Chromium, its plotting cells run, and plotly.js (loaded once from the server's
 * nbextensions route, never a CDN) draws every figure in place of its picture.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../support/net.js";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CHROMIUM, launch, openPage, testIf } from "./chromium.js";
import { PYTHON, ROOT, jupyterMissing, writeDemoNotebook } from "./jupyter.js";

const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing: apt-get install -y chromium` : jupyterMissing("notebook");
const test = testIf("Chromium + classic Jupyter Notebook + tslab", missing === null, missing ?? "");

async function startNotebook(port: number): Promise<ChildProcess> {
  const server = spawn(
    PYTHON,
    ["-m", "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", `--port=${port}`, "--port-retries=0",
      `--notebook-dir=${ROOT}`, "--NotebookApp.token=", "--NotebookApp.password=", "--NotebookApp.disable_check_xsrf=True"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, JUPYTER_CONFIG_DIR: mkdtempSync("/tmp/plot-jupyter-config-") } },
  );
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/status`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`the Notebook server did not start on 127.0.0.1:${port}:\n${log}`);
}

test("plot in classic Notebook: running the cells draws each figure interactively with plotly.js from nbextensions/", async (t) => {
  const work = mkdtempSync(join(ROOT, "test/browser/tmp-run-"));
  const notebook = writeDemoNotebook(work);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startNotebook(port);
  const browser = await launch();
  try {
    const { page, log } = await openPage(await browser.newContext(), origin);
    const plotlyRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("plotly.js")) plotlyRequests.push(r.url());
    });
    await page.goto(`${origin}/notebooks/${relative(ROOT, notebook)}`);
    await page.waitForFunction(
      () => {
        const nb = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean; info_reply?: unknown } } } }).Jupyter?.notebook;
        return nb?.kernel?.is_connected() === true && nb.kernel.info_reply !== undefined;
      },
      undefined,
      { timeout: 120_000 },
    );
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { execute_all_cells(): void } } }).Jupyter.notebook.execute_all_cells());
    // every cell ran (its prompt has a number), then each of the three figures has its plotly.js plot
    await page.waitForFunction(
      () => {
        const cells = (window as unknown as { Jupyter: { notebook: { get_cells(): { input_prompt_number?: unknown }[] } } }).Jupyter.notebook.get_cells();
        return cells.every((c) => typeof c.input_prompt_number === "number");
      },
      undefined,
      { timeout: 180_000 },
    );
    await page.waitForFunction(
      () => [...document.querySelectorAll(".output_area .dl-plot")].filter((d) => d.querySelector(".main-svg")).length >= 3,
      undefined,
      { timeout: 60_000 },
    );
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll(".output_area .dl-plot")].map((d) => ({
        points: d.querySelectorAll(".scatterlayer .trace .points path.point").length,
        lines: d.querySelectorAll(".scatterlayer .trace path.js-line").length,
        images: d.querySelectorAll(".imagelayer image").length,
        title: d.querySelector(".gtitle")?.textContent ?? null,
        picture: d.querySelector(":scope > img") !== null,
      })),
    );
    const shot = join(tmpdir(), "plot-classic-notebook.png");
    await page.screenshot({ path: shot, fullPage: true });
    t.log(`screenshot: ${shot}`);
    t.is(drawn.length, 3);
    t.deepEqual(drawn[0], { points: 60, lines: 0, images: 0, title: "</script><img src=x onerror=alert(1)>", picture: false });
    t.deepEqual(drawn[1], { points: 60, lines: 0, images: 1, title: "x1 * x2 > 0", picture: false });
    t.is(drawn[2].lines, 1);
    t.is(drawn[2].title, "live cost");
    t.is(plotlyRequests.length, 1, "plotly.js is fetched once per page");
    // scripts/install-nbextension.sh (set-up) put plotly.js in the user's Jupyter data dir
    t.true(plotlyRequests[0].startsWith(`${origin}/nbextensions/dl-lesson2-ts/plotly.js`), plotlyRequests[0]);
    t.deepEqual(log.network, [], "no request leaves 127.0.0.1");
    t.deepEqual(log.dialogs, [], "the title's markup never runs");
    t.deepEqual(await page.evaluate(() => document.querySelectorAll("img[src='x']").length), 0);
    // the Notebook page itself logs nothing the figures caused
    t.deepEqual(log.errors.filter((e) => /plot|Plotly|dl-plot/i.test(e)), []);
    t.log("console errors of the Notebook page (not the figures'):", log.errors);
  } finally {
    await browser.close();
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
});

/**
 * Figures in notebooks executed by real Jupyter (nbconvert, tslab kernel): each figure is one output
 * bundle (plotly JSON, HTML, PNG, text), a figure as a cell's last value shows itself and prints nothing,
 * the live cost curve is one output updated in place, and the nbconvert HTML export shows every figure
 * (as its picture) with no console error and no network request.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PLOTLY_MIME } from "../../lib/plot/index.js";
import { CHROMIUM, launch, openPage, testIf } from "./chromium.js";
import { ROOT, cellOutputs, executeNotebook, exportHtml, jupyterMissing, writeDemoNotebook, type Output } from "./jupyter.js";

const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing: apt-get install -y chromium` : jupyterMissing("nbconvert");
const test = testIf("Chromium + Jupyter nbconvert + tslab", missing === null, missing ?? "");

const BUNDLE = [PLOTLY_MIME, "image/png", "text/html", "text/plain"].sort();
const isFigure = (o: Output) => o.output_type === "display_data" && o.data !== undefined && PLOTLY_MIME in o.data;

/** Loads an nbconvert HTML export and reports the figures it shows. */
async function figuresShown(html: string) {
  const browser = await launch();
  try {
    const { page, log } = await openPage(await browser.newContext());
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll(".dl-plot")].map((d) => {
        const img = d.querySelector("img");
        return { image: img !== null && img.complete && img.naturalWidth > 0, svg: d.querySelector(".main-svg") !== null };
      }),
    );
    const injected = await page.evaluate(() => document.querySelectorAll("img[src='x']").length);
    return { shown, injected, log };
  } finally {
    await browser.close();
  }
}

test("plot in tslab: figures are single bundles, the live curve one updated output, the nbconvert HTML shows them offline", async (t) => {
  const work = mkdtempSync(join(ROOT, "test/browser/tmp-run-"));
  const out = mkdtempSync(join(tmpdir(), "plot-nb-"));
  try {
    const executed = executeNotebook(writeDemoNotebook(work), out);
    const cells = cellOutputs(executed);
    // cell 1 defines data; cells 2-4 each show exactly one figure bundle and print nothing
    t.deepEqual(cells[0], []);
    for (const i of [1, 2, 3]) {
      t.is(cells[i].length, 1, `cell ${i + 1} has one output: ${JSON.stringify(cells[i].map((o) => o.output_type))}`);
      t.true(isFigure(cells[i][0]), `cell ${i + 1} output is a figure`);
      t.deepEqual(Object.keys(cells[i][0].data!).sort(), BUNDLE);
    }
    const scatter = cells[1][0].data![PLOTLY_MIME] as { layout: { title: { text: string } } };
    t.is(scatter.layout.title.text, "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    const live = cells[3][0].data![PLOTLY_MIME] as { data: { x: { bdata: string } }[] };
    t.is(Buffer.from(live.data[0].x.bdata, "base64").length / 4, 30, "the live curve's final update holds all 30 costs");
    for (const o of cells.flat()) t.true(JSON.stringify(o).length < 150_000, "a figure output stays small (plotly.js is not inlined)");

    const html = exportHtml(executed, out);
    const { shown, injected, log } = await figuresShown(html);
    t.is(shown.length, 3);
    t.true(shown.every((s) => s.image || s.svg), JSON.stringify(shown));
    t.is(injected, 0);
    t.deepEqual(log.errors, []);
    t.deepEqual(log.network, []);
    t.deepEqual(log.dialogs, []);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

// The lesson notebooks, once committed with outputs: their nbconvert HTML shows every figure offline.
const lessons = existsSync(join(ROOT, "notebooks"))
  ? readdirSync(join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) => join(ROOT, "notebooks", f))
  : [];
for (const nb of lessons) {
  const figures = cellOutputs(nb).flat().filter(isFigure).length;
  if (figures === 0) {
    console.error(`\n!!!!!!!! ${nb} has no figure outputs yet (not executed): its nbconvert HTML check waits for them !!!!!!!!\n`);
    continue;
  }
  test(`plot in ${nb.split("/").pop()}: nbconvert HTML shows all ${figures} figures offline`, async (t) => {
    const out = mkdtempSync(join(tmpdir(), "plot-lesson-"));
    try {
      const { shown, log } = await figuresShown(exportHtml(nb, out));
      t.is(shown.length, figures);
      t.true(shown.every((s) => s.image || s.svg), JSON.stringify(shown));
      t.deepEqual(log.errors, []);
      t.deepEqual(log.network, []);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}

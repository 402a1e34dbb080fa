/**
 * Display in tslab without Jupyter: a figure is one bundle of four MIME types, sent through the kernel's
 * own display channel (stood in for by a recorder on tslab's dist/jupyter.js), as a cell's last value
 * without a printed line; the live curve is one display id, updated in place.
 */
import test from "ava";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import { Figure, JUPYTER_DISPLAY, PLOTLY_MIME, costCurves, inNotebook, liveCostCurve, mimeBundle, sendBundle } from "../lib/plot/index.js";
import { decodePalettePng } from "./plot-helpers.js";

const require = createRequire(import.meta.url);
type Message = { data: { data: Record<string, unknown>; transient: { display_id?: string } }; update: boolean };

/** Stands in for a running tslab kernel: __tslab__.require("tslab") and a recording display channel. */
function fakeKernel(): { messages: Message[]; stop(): void } {
  const pub = require("tslab");
  const jupyter = require("tslab/dist/jupyter.js");
  const messages: Message[] = [];
  const g = globalThis as { __tslab__?: unknown };
  g.__tslab__ = { require: (id: string) => (id === "tslab" ? pub : require(id)) };
  jupyter.lastWriteDisplayData = (data: Message["data"], update: boolean) => messages.push({ data, update });
  return {
    messages,
    stop() {
      delete g.__tslab__;
      jupyter.lastWriteDisplayData = null;
    },
  };
}

const fig = costCurves([0.7, 0.5, 0.4], { title: "cost" });

test.serial("mimeBundle: plotly JSON, HTML with the PNG picture, PNG and text", (t) => {
  const b = mimeBundle(fig);
  t.deepEqual(Object.keys(b).sort(), [PLOTLY_MIME, "image/png", "text/html", "text/plain"].sort());
  t.deepEqual(b[PLOTLY_MIME], fig.toJSON());
  const png = decodePalettePng(Buffer.from(b["image/png"] as string, "base64"));
  t.deepEqual([png.width, png.height], [700, 450]);
  t.true((b["text/html"] as string).includes(`src="data:image/png;base64,${b["image/png"]}"`));
  t.is(b["text/plain"], 'Figure("cost": 1 trace scatter)');
  const viaProtocol = fig[JUPYTER_DISPLAY]();
  t.deepEqual(Object.keys(viaProtocol).sort(), Object.keys(b).sort());
  t.deepEqual(viaProtocol[PLOTLY_MIME], b[PLOTLY_MIME]);
  t.is(viaProtocol["image/png"], b["image/png"]);
});

test.serial("Figure: outside a notebook it inspects as a description and sends nothing", (t) => {
  t.false(inNotebook());
  t.false(sendBundle({ "text/plain": "x" }));
  t.is(inspect(fig), 'Figure("cost": 1 trace scatter)');
});

test.serial("Figure: in tslab, a cell's last value (console.log) is one display_data bundle and no printed line", (t) => {
  const kernel = fakeKernel();
  const writes: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    t.true(inNotebook());
    console.log(fig); // what tslab does with a cell's last value
    console.log("next line");
  } finally {
    process.stdout.write = write;
    kernel.stop();
  }
  t.is(kernel.messages.length, 1);
  t.false(kernel.messages[0].update);
  t.deepEqual(Object.keys(kernel.messages[0].data.data).sort(), [PLOTLY_MIME, "image/png", "text/html", "text/plain"].sort());
  t.deepEqual(writes, ["next line\n"]);
});

test.serial("liveCostCurve: one display id, first display_data then update_display_data, the PNG at close", (t) => {
  const kernel = fakeKernel();
  try {
    const live = liveCostCurve({ intervalMs: 0, title: "live" });
    for (let i = 0; i < 5; i++) live.push(i * 10, 1 / (i + 1));
    live.close();
    const ids = new Set(kernel.messages.map((m) => m.data.transient.display_id));
    t.is(ids.size, 1);
    t.is(kernel.messages.length, 6);
    t.deepEqual(kernel.messages.map((m) => m.update), [false, true, true, true, true, true]);
    t.false("image/png" in kernel.messages[0].data.data);
    const last = kernel.messages[5].data.data;
    t.true("image/png" in last);
    const spec = last[PLOTLY_MIME] as ReturnType<Figure["toJSON"]>;
    t.is(Buffer.from((spec.data[0].y as { bdata: string }).bdata, "base64").length / 4, 5);
    t.deepEqual(live.iterations, [0, 10, 20, 30, 40]);
    t.throws(() => live.push(50, NaN), { message: "cost at iteration 50 is NaN: training diverged" });
  } finally {
    kernel.stop();
  }
});

test.serial("mimeBundle: without the PNG (live updates) the HTML holds no empty picture", (t) => {
  const b = mimeBundle(fig, { png: false });
  t.false("image/png" in b);
  t.false((b["text/html"] as string).includes("<img"));
});

test("figureHtml: the script is valid JavaScript and looks for plotly.js in Jupyter's nbextensions route first", async (t) => {
  const { figureHtml, PLOTLY_NBEXTENSION } = await import("../lib/plot/display.js");
  const html = figureHtml(fig, Buffer.alloc(0), "../node_modules/plotly.js-dist/plotly.js");
  const script = html.split('<script type="text/javascript">')[1].split("</script>")[0];
  t.notThrows(() => new Function(script), "the script parses");
  t.is(PLOTLY_NBEXTENSION, "nbextensions/dl-lesson2-ts/plotly.js");
  t.true(script.includes(JSON.stringify(PLOTLY_NBEXTENSION)));
  t.regex(script, /Static picture: this Jupyter server does not serve plotly\.js/, "a visible note when plotly.js cannot load");
});

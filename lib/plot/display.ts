/**
 * Showing figures in Jupyter: one MIME bundle per figure, sent through the tslab kernel or Deno's, and
 * a live figure that training updates in place.
 *
 * How `text/html` gets plotly.js without network and without inlining it: the HTML output holds the
 * static PNG and a small script. Where `window.Plotly` already exists it draws at once. On a Jupyter
 * page (the classic Notebook's body carries `data-base-url`; JupyterLab's page has `jupyter-config-data`)
 * the script loads plotly.js once per page from the server's static `nbextensions` route,
 * `{base_url}nbextensions/dl-lesson2-ts/plotly.js`, which `scripts/install-nbextension.sh` (run by
 * `scripts/setup.sh` and `npm run notebook`) fills in the user's Jupyter data dir: it works wherever the
 * server was started, at the repository root or in `notebooks/`. If that fails it tries the `/files/`
 * route at the path of `node_modules/plotly.js-dist` relative to the notebook (only inside the server's
 * root), and if that fails too the picture stays with a visible note saying why and how to fix it.
 * Where no Jupyter page is around (nbconvert HTML, GitHub, an untrusted notebook whose scripts do not
 * run) the PNG stays, silently. JupyterLab, Notebook 7 and VS Code use `application/vnd.plotly.v1+json`.
 * @module
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import { escapeHtml, jsonForScript } from "./escape.js";
import { Figure, JUPYTER_DISPLAY, displayHooks, type MimeBundle } from "./figure.js";
import { plotlyPath, toPng } from "./export.js";
import { ValueError } from "../np/errors.js";
import { inDenoKernel, inTslab } from "../notebook/kernel.js";

const require = createRequire(import.meta.url);

/** MIME type of plotly.js JSON figures (JupyterLab, Notebook 7 with the plotly extension, VS Code). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Where `scripts/install-nbextension.sh` puts plotly.js, relative to a Jupyter server's base URL. */
export const PLOTLY_NBEXTENSION = "nbextensions/dl-lesson2-ts/plotly.js";

function plotlyFromNotebookDir(): string {
  return relative(process.cwd(), plotlyPath()).split(sep).join("/");
}

/**
 * The `text/html` output of a figure: the static PNG (shown where scripts do not run) and a script that
 * replaces it by the interactive plot, loading plotly.js from the Jupyter server (see the module notes).
 *
 * @param fig - the figure.
 * @param png - its PNG bytes (the fallback picture; empty for none, as in live updates).
 * @param plotlyRelPath - path of plotly.js relative to the notebook's folder, with `/` (the second
 *   place the script looks, through the server's `/files/` route).
 * @returns the HTML; all user text is escaped and the JSON cannot close the script.
 */
export function figureHtml(fig: Figure, png: Buffer, plotlyRelPath = plotlyFromNotebookDir()): string {
  const id = "dlplot-" + randomBytes(6).toString("hex");
  const width = Number((fig.layout.width as number) ?? 700);
  return `<div class="dl-plot" id="${id}" style="width:${width}px;max-width:100%">
${png.length ? `<img alt="${escapeHtml(fig.title || "figure")}" src="data:image/png;base64,${png.toString("base64")}" style="max-width:100%">` : ""}
</div>
<script type="text/javascript">
(function () {
  var spec = ${jsonForScript(fig.toJSON())};
  var rel = ${jsonForScript(plotlyRelPath)};
  var ext = ${jsonForScript(PLOTLY_NBEXTENSION)};
  var el = document.getElementById(${jsonForScript(id)});
  if (!el) return;
  function draw(P) { if (!P) return; el.innerHTML = ""; P.newPlot(el, { data: spec.data, layout: spec.layout, frames: spec.frames, config: { displaylogo: false } }); }
  if (window.Plotly) { draw(window.Plotly); return; }
  /* the Jupyter server's base URL: classic Notebook's body, or JupyterLab's page config */
  var body = document.body, base = body && body.getAttribute("data-base-url"), nb = body && body.getAttribute("data-notebook-path");
  if (base === null) {
    var cfg = document.getElementById("jupyter-config-data");
    try { base = cfg ? JSON.parse(cfg.textContent).baseUrl : null; } catch (e) { base = null; }
  }
  if (!base) return; /* no Jupyter server (nbconvert HTML, a saved page): keep the picture */
  base = base.replace(/\\/?$/, "/");
  var urls = [base + ext];
  if (nb !== null) { /* classic Notebook: also plotly.js beside the notebook, through /files/ */
    var parts = nb.split("/"); parts.pop();
    var steps = rel.split("/"), ok = true;
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] === "..") { if (!parts.length) { ok = false; break; } parts.pop(); }
      else if (steps[i] && steps[i] !== ".") parts.push(steps[i]);
    }
    if (ok) urls.push(base + "files/" + parts.map(encodeURIComponent).join("/"));
  }
  function load(k, ok, fail) {
    if (k >= urls.length) { fail(); return; }
    var s = document.createElement("script");
    s.src = urls[k];
    s.onload = function () { window.Plotly ? ok(window.Plotly) : load(k + 1, ok, fail); };
    s.onerror = function () { s.remove(); load(k + 1, ok, fail); };
    document.head.appendChild(s);
  }
  if (!window.__dlPlotly) {
    window.__dlPlotly = new Promise(function (ok, fail) { load(0, ok, fail); });
  }
  window.__dlPlotly.then(draw, function () {
    if (el.querySelector(".dl-plot-note")) return;
    var note = document.createElement("div");
    note.className = "dl-plot-note";
    note.style.cssText = "font-size:85%;color:#8a4b00";
    note.textContent = "Static picture: this Jupyter server does not serve plotly.js (" + urls[0] +
      "). For interactive figures: in the classic Notebook run 'bash scripts/install-nbextension.sh' " +
      "(scripts/setup.sh does) and reload the page; in JupyterLab install the Python package plotly (its renderer).";
    el.appendChild(note);
  });
})();
</script>`;
}

/**
 * The Jupyter MIME bundle of a figure: plotly JSON, HTML (interactive where scripts run), a static PNG
 * and a text description.
 *
 * @param fig - the figure.
 * @param options - `png: false` leaves out the PNG (and the HTML's picture), for fast live updates.
 * @returns the bundle, PNG as base64.
 */
export function mimeBundle(fig: Figure, options: { png?: boolean } = {}): MimeBundle {
  const png = options.png === false ? Buffer.alloc(0) : toPng(fig);
  const bundle: MimeBundle = {
    [PLOTLY_MIME]: fig.toJSON(),
    "text/html": figureHtml(fig, png),
    "text/plain": fig.describe(),
  };
  if (png.length) bundle["image/png"] = png.toString("base64");
  return bundle;
}

displayHooks.bundle = (fig) => mimeBundle(fig);

type WriteDisplayData = (data: { data: MimeBundle; metadata: object; transient: { display_id?: string } }, update: boolean) => void;

/**
 * The running tslab kernel's display channel, or null outside tslab.
 *
 * tslab (1.0.22) gives user code `display.html(...)` and friends, one MIME type per message. A bundle
 * needs the function those call, `lastWriteDisplayData` of tslab's `dist/jupyter.js`, which sends a
 * `display_data` / `update_display_data` message with any `data` dict. We find the kernel's own copy:
 * `globalThis.__tslab__.require("tslab")` is the kernel's public module (tslab hooks that name), and
 * its `jupyter.js` sits next to it in Node's module cache.
 */
function tslabWriter(): WriteDisplayData | null {
  const g = globalThis as { __tslab__?: { require?: (id: string) => unknown } };
  const req = g.__tslab__?.require;
  if (typeof req !== "function") return null;
  let pub: unknown;
  try {
    pub = req("tslab");
  } catch {
    return null;
  }
  const entry = Object.values(require.cache).find((m) => m?.exports === pub);
  if (!entry) return null;
  try {
    const jupyter = createRequire(entry.filename)("./jupyter.js") as { lastWriteDisplayData?: WriteDisplayData | null };
    const w = jupyter.lastWriteDisplayData;
    return typeof w === "function" ? w : null;
  } catch {
    return null;
  }
}

/** `Deno.jupyter.broadcast`: sends one Jupyter message on the kernel's IOPub channel. */
type DenoBroadcast = (msgType: string, content: object) => void;

/**
 * Deno's kernel's display channel, or null outside Deno's kernel.
 *
 * Not `Deno.jupyter.display`: that is an async function which `await`s before it sends, so a figure
 * shown by a synchronous cell (training with a live curve, `plot.show` between `console.log`s) would
 * leave only when the cell ends, after all its printed lines, and every live update at once.
 * `Deno.jupyter.broadcast` (Deno 2.9) sends at once, in order with the cell's `console` output, as
 * tslab does.
 */
function denoWriter(): WriteDisplayData | null {
  if (!inDenoKernel()) return null;
  const broadcast = (globalThis as unknown as { Deno: { jupyter: { broadcast?: DenoBroadcast } } }).Deno.jupyter.broadcast;
  if (typeof broadcast !== "function") return null;
  return (content, update) => broadcast(update ? "update_display_data" : "display_data", content);
}

/** The running kernel's display channel: tslab's or Deno's, null outside both. */
function kernelWriter(): WriteDisplayData | null {
  return tslabWriter() ?? denoWriter();
}

/** Whether code runs inside a tslab kernel or Deno's, which can display bundles now. */
export function inNotebook(): boolean {
  return kernelWriter() !== null;
}

/**
 * Sends a MIME bundle as one Jupyter output (`display_data`, or `update_display_data` for an existing
 * display id).
 *
 * @param bundle - MIME type to data.
 * @param options - `displayId` to update later; `update: true` to replace the output with that id.
 * @returns false outside a kernel (nothing sent).
 */
export function sendBundle(bundle: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const write = kernelWriter();
  if (!write) return false;
  write({ data: bundle, metadata: {}, transient: options.displayId ? { display_id: options.displayId } : {} }, options.update === true);
  return true;
}

/**
 * Displays a figure (or anything with a `Symbol.for("Jupyter.display")` method) as one output in a
 * notebook (tslab or Deno); prints its description elsewhere.
 *
 * @param obj - the figure.
 * @example
 * ```ts
 * show(datasetScatter(X, Y));
 * ```
 */
export function show(obj: Figure | { [JUPYTER_DISPLAY](): MimeBundle }): void {
  if (!sendBundle(obj[JUPYTER_DISPLAY]())) console.log(obj instanceof Figure ? obj.describe() : String(obj));
}

/**
 * tslab prints a cell's last value with `console.log`, which calls this inspect hook: the figure is
 * sent as one display bundle and the newline `console.log` then writes is dropped, so the cell shows
 * the figure only. In Deno's kernel (which shows a cell's last value through the figure's
 * `Symbol.for("Jupyter.display")` method, not through this hook) `console.log(fig)` shows the figure
 * too, followed by an empty line: Deno's console writes to the cell without `process.stdout`, so that
 * line cannot be dropped. Outside a kernel the hook returns undefined (the figure prints its description).
 */
displayHooks.inspect = (fig) => {
  if (!sendBundle(mimeBundle(fig))) return undefined;
  if (!inTslab()) return "";
  const stdout = process.stdout;
  const original = stdout.write;
  const once = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = original;
    if (chunk === "\n") return true;
    return (original as (...a: unknown[]) => boolean).call(stdout, chunk, ...rest);
  } as typeof stdout.write;
  stdout.write = once;
  queueMicrotask(() => {
    if (stdout.write === once) stdout.write = original;
  });
  return "";
};

/** Options of {@link LiveCostCurve}. */
export interface LiveOptions {
  /** Title (default "Cost during training"). */
  title?: string;
  /** Least time between two updates of the output, in ms (default 250). */
  intervalMs?: number;
  /** Logarithmic y axis. */
  logY?: boolean;
}

/**
 * A cost curve that training updates in place: one notebook output (a Jupyter display id), redrawn as
 * costs arrive (at most every `intervalMs`), completed with its static PNG by `close()`.
 * Outside a notebook it only records the costs.
 *
 * @example
 * ```ts
 * const live = new LiveCostCurve({ title: "n_h = 4" });
 * nnModel(X, Y, 4, { numIterations: 10000, callback: (i, cost) => live.push(i, cost) });
 * live.close();
 * ```
 */
export class LiveCostCurve {
  /** Iterations recorded so far. */
  readonly iterations: number[] = [];
  /** Costs recorded so far. */
  readonly costs: number[] = [];
  private readonly id = randomBytes(8).toString("hex");
  private shown = false;
  private last = 0;
  private readonly options: LiveOptions;
  private readonly makeFigure: (l: LiveCostCurve) => Figure;

  /**
   * @param options - title, update interval, log scale.
   * @param makeFigure - builds the figure from the recorded costs (given by `live.ts`).
   */
  constructor(options: LiveOptions, makeFigure: (l: LiveCostCurve) => Figure) {
    this.options = options;
    this.makeFigure = makeFigure;
  }

  /**
   * Records one cost and redraws the output when `intervalMs` has passed since the last redraw.
   * @param iteration - the iteration number.
   * @param cost - the cost.
   * @throws Error when the cost is not a finite number.
   */
  push(iteration: number, cost: number): void {
    if (!Number.isFinite(cost)) throw new ValueError(`cost at iteration ${iteration} is ${cost}: training diverged`);
    this.iterations.push(iteration);
    this.costs.push(cost);
    const now = Date.now();
    if (!this.shown || now - this.last >= (this.options.intervalMs ?? 250)) this.send(false);
  }

  /** The figure of the costs recorded so far. */
  figure(): Figure {
    return this.makeFigure(this);
  }

  /** Final redraw with the static PNG; call when training ends. */
  close(): void {
    this.send(true);
  }

  private send(final: boolean): void {
    this.last = Date.now();
    const sent = sendBundle(mimeBundle(this.figure(), { png: final }), { displayId: this.id, update: this.shown });
    if (sent) this.shown = true;
  }
}

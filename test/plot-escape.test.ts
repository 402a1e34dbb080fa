/** User text in every HTML and SVG output shows as text: titles, axis labels, trace names, class labels. */
import test from "ava";
import { confusionMatrixFigure, costCurves, datasetScatter, escapeHtml, figureToSvg, jsonForScript, mimeBundle, toHtml } from "../lib/plot/index.js";
import { X, Y } from "./browser/sample-figures.js";

const XSS = "</script><img src=x onerror=alert(1)>";

test("escapeHtml: markup characters become entities", (t) => {
  t.is(escapeHtml(XSS), "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
  t.is(escapeHtml(`a & "b" 'c'`), "a &amp; &quot;b&quot; &#39;c&#39;");
});

test("jsonForScript: no string in the data can close a script element", (t) => {
  const json = jsonForScript({ title: XSS, other: "<!-- & \u2028" });
  t.false(json.includes("<"));
  t.false(json.includes(">"));
  t.deepEqual(JSON.parse(json), { title: XSS, other: "<!-- & \u2028" });
});

const fig = datasetScatter(X, Y, { title: XSS, xlabel: XSS, ylabel: "<b>x2</b> & more" });
const many = [
  fig,
  costCurves([{ name: XSS, costs: [1, 0.5] }, { name: "b", costs: [1, 0.4] }], { title: XSS }),
  confusionMatrixFigure([[1, 2], [3, 4]], { labels: [XSS, "ok"], title: XSS }),
];

test("datasetScatter: user text is stored escaped, as plotly.js pseudo-HTML shows it literally", (t) => {
  t.is((fig.layout.title as { text: string }).text, escapeHtml(XSS));
  t.is((fig.layout.yaxis as { title: { text: string } }).title.text, "&lt;b&gt;x2&lt;/b&gt; &amp; more");
  t.is(fig.title, XSS);
});

test("figureToSvg: user text appears escaped, never as markup", (t) => {
  for (const f of many) {
    const svg = figureToSvg(f);
    t.false(svg.includes("<img"), f.title);
    t.false(svg.includes("</script"), f.title);
    t.true(svg.includes("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), f.title);
  }
  t.true(figureToSvg(fig).includes("&lt;b&gt;x2&lt;/b&gt; &amp; more"));
});

test("toHtml: the page title and the figure data are escaped; the only script ends are ours", (t) => {
  const html = toHtml(many, { title: XSS });
  t.true(html.includes(`<title>${escapeHtml(XSS)}</title>`));
  t.false(html.includes("<img src=x"));
  t.is(html.match(/<\/script>/gi)!.length, 2, "plotly.js and the drawing script");
});

test("mimeBundle: the text/html output escapes the title and holds no raw markup from it", (t) => {
  const html = mimeBundle(fig)["text/html"] as string;
  t.false(html.includes("<img src=x"));
  t.is(html.match(/<\/script>/gi)!.length, 1);
  t.true(html.includes(`alt="${escapeHtml(XSS)}"`));
});

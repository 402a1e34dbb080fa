/**
 * A small SVG renderer for the figure kinds used here (scatter markers and lines, heatmaps, class-map
 * images, annotations, small multiples), so figures can be saved as SVG/PNG without a browser.
 * It follows plotly.js's layout rules closely enough to look alike; it is not a full plotly.js.
 * @module
 */
import { colorscaleAt } from "./colors.js";
import { escapeHtml } from "./escape.js";
import { plainText, type FigureSpec, type Trace } from "./figure.js";
import { autoRange, autoTicks, type Extreme } from "./ticks.js";
import { decodeNumbers } from "./typed.js";
import { ValueError } from "../np/errors.js";

type Obj = Record<string, any>;

interface Axis {
  key: string; // "x", "x2", "y", ...
  spec: Obj;
  lo: number; // pixel start (left for x, bottom for y)
  hi: number; // pixel end
  r0: number; // data range (in log10 for log axes)
  r1: number;
  log: boolean;
}

const DEFAULT_MARGIN = { l: 80, r: 80, t: 100, b: 80 };

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, "");
}

function xmlText(text: string): string {
  return escapeHtml(plainText(text));
}

function axisKey(name: string): string {
  // "xaxis2" -> "x2", "yaxis" -> "y"
  return name[0] + name.slice(5);
}

function layoutName(key: string): string {
  return key[0] + "axis" + key.slice(1);
}

/** A heatmap's z as rows: nested arrays, or a typed spec with `shape` "rows,cols". */
function heatRows(z: unknown): number[][] {
  if (Array.isArray(z)) return z.map((r) => decodeNumbers(r));
  const shape = String((z as { shape?: string }).shape ?? "").split(",").map(Number);
  const flat = decodeNumbers(z);
  const cols = shape.length === 2 ? shape[1] : flat.length;
  return Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
}

/** A heatmap's cell centres along x or y (the given coordinates, or 0, 1, 2, …) and the cell size. */
function heatCentres(t: Trace, dim: "x" | "y", z: number[][]): { c: number[]; step: number } {
  const n = dim === "x" ? (z[0]?.length ?? 0) : z.length;
  const c = t[dim] ? decodeNumbers(t[dim]) : Array.from({ length: n }, (_, i) => i);
  return { c, step: c.length > 1 ? (c[c.length - 1] - c[0]) / (c.length - 1) : 1 };
}

function traceValues(t: Trace, dim: "x" | "y"): number[] {
  if (t.type === "heatmap") {
    const { c, step } = heatCentres(t, dim, heatRows(t.z));
    return c.length ? [Math.min(...c) - step / 2, Math.max(...c) + step / 2] : [];
  }
  return decodeNumbers(t[dim]);
}

function buildAxes(fig: FigureSpec, plot: { x: number; y: number; w: number; h: number }): Map<string, Axis> {
  const layout = fig.layout as Obj;
  const keys = new Set<string>(["x", "y"]);
  for (const k of Object.keys(layout)) if (/^[xy]axis\d*$/.test(k)) keys.add(axisKey(k));
  for (const t of fig.data) {
    keys.add((t.xaxis as string) ?? "x");
    keys.add((t.yaxis as string) ?? "y");
  }
  const axes = new Map<string, Axis>();
  for (const key of keys) {
    const spec: Obj = layout[layoutName(key)] ?? {};
    const isX = key[0] === "x";
    const [d0, d1] = (spec.domain as [number, number]) ?? [0, 1];
    const lo = isX ? plot.x + d0 * plot.w : plot.y + (1 - d0) * plot.h;
    const hi = isX ? plot.x + d1 * plot.w : plot.y + (1 - d1) * plot.h;
    const log = spec.type === "log";
    let r0: number;
    let r1: number;
    if (Array.isArray(spec.range)) {
      [r0, r1] = spec.range as [number, number];
    } else {
      // plotly.js's autorange: markers are padded by their radius and 5 % of the axis; a line's x is not padded, its y is
      const mins: Extreme[] = [];
      const maxs: Extreme[] = [];
      const length = Math.abs(hi - lo);
      for (const t of fig.data) {
        if (((isX ? t.xaxis : t.yaxis) ?? key[0]) !== key) continue;
        const markers = t.type === "scatter" && String(t.mode ?? "markers").includes("markers");
        const size = Number((t.marker as Obj | undefined)?.size ?? 6);
        const pad = t.type !== "scatter" ? 0 : (markers ? Math.max(size / 1.6, 3) : 0) + (markers || !isX ? 0.05 * length : 0);
        let min = Infinity;
        let max = -Infinity;
        for (let v of traceValues(t, isX ? "x" : "y")) {
          if (log) v = v > 0 ? Math.log10(v) : NaN;
          if (Number.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        if (Number.isFinite(min)) {
          mins.push({ val: min, pad });
          maxs.push({ val: max, pad });
        }
      }
      [r0, r1] = autoRange(mins, maxs, length);
      if (spec.autorange === "reversed") [r0, r1] = [r1, r0];
    }
    axes.set(key, { key, spec, lo, hi, r0, r1, log });
  }
  return axes;
}

function toPx(a: Axis, v: number): number {
  const u = a.log ? Math.log10(v) : v;
  return a.lo + ((u - a.r0) / (a.r1 - a.r0)) * (a.hi - a.lo);
}

function ticks(a: Axis): { v: number; label: string; minor?: boolean }[] {
  const s = a.spec;
  if (Array.isArray(s.tickvals)) {
    const text: string[] = Array.isArray(s.ticktext) ? s.ticktext : [];
    return (s.tickvals as number[]).map((v, i) => ({ v, label: text[i] !== undefined ? plainText(String(text[i])) : fmt(v) }));
  }
  return autoTicks([a.r0, a.r1], Math.abs(a.hi - a.lo), a.key[0] === "y" ? "y" : "x", a.log).map((t) => ({
    v: a.log ? Math.pow(10, t.at) : t.at,
    label: t.label,
    minor: t.minor,
  }));
}

/** Estimated width in px of a text in DejaVu Sans (about 0.62 em a character). */
export function textWidth(s: string, size: number): number {
  return Math.max(0, ...plainText(s).split("\n").map((l) => l.length)) * size * 0.62;
}

function markerColors(t: Trace, n: number): string[] {
  const marker: Obj = (t.marker as Obj) ?? {};
  const c = marker.color;
  if (typeof c === "string") return new Array(n).fill(c);
  if (Array.isArray(c) && typeof c[0] === "string") return c as string[];
  if (c != null) {
    const vals = decodeNumbers(c);
    const scale = (marker.colorscale as [number, string][]) ?? [[0, "#440154"], [1, "#fde725"]];
    const cmin = marker.cmin ?? Math.min(...vals);
    const cmax = marker.cmax ?? Math.max(...vals);
    return vals.map((v) => colorscaleAt(scale, cmax > cmin ? (v - cmin) / (cmax - cmin) : 0));
  }
  return new Array(n).fill("#1f77b4");
}

function dashArray(dash: string | undefined): string {
  if (!dash || dash === "solid") return "";
  if (dash === "dot") return ' stroke-dasharray="3,3"';
  if (dash === "dash") return ' stroke-dasharray="9,9"';
  if (dash === "dashdot") return ' stroke-dasharray="9,3,3,3"';
  return ` stroke-dasharray="${escapeHtml(dash.replace(/px/g, ""))}"`;
}

function text(x: number, y: number, s: string, opts: { size?: number; anchor?: string; color?: string; weight?: string; rotate?: number; baseline?: string } = {}): string {
  const lines = plainText(s).split("\n");
  const size = opts.size ?? 12;
  const rot = opts.rotate ? ` transform="rotate(${opts.rotate} ${fmt(x)} ${fmt(y)})"` : "";
  const base = opts.baseline ?? "middle";
  const dy0 = base === "middle" ? -((lines.length - 1) * size * 1.2) / 2 : base === "hanging" ? 0 : -(lines.length - 1) * size * 1.2;
  const spans = lines
    .map((l, i) => `<tspan x="${fmt(x)}" dy="${fmt(i === 0 ? dy0 + (base === "middle" ? size * 0.35 : base === "hanging" ? size * 0.8 : 0) : size * 1.2)}">${escapeHtml(l)}</tspan>`)
    .join("");
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-size="${size}" text-anchor="${opts.anchor ?? "middle"}" fill="${escapeHtml(opts.color ?? "#000000")}"${opts.weight ? ` font-weight="${opts.weight}"` : ""}${rot}>${spans}</text>`;
}

/**
 * Renders a figure as a standalone SVG document. A figure with a `staticFigure` (an animation) is drawn
 * as that figure.
 *
 * @param figure - a figure or its `{ data, layout }` JSON.
 * @returns the SVG text (all user text escaped).
 * @throws Error for a trace type it does not draw.
 */
export function figureToSvg(figure: FigureSpec): string {
  const fig = (figure as { staticFigure?: FigureSpec }).staticFigure ?? figure;
  const layout = fig.layout as Obj;
  const W: number = layout.width ?? 700;
  const H: number = layout.height ?? 450;
  const m = { ...DEFAULT_MARGIN, ...(layout.margin ?? {}) };
  let plot = { x: m.l, y: m.t, w: W - m.l - m.r, h: H - m.t - m.b };
  let axes = buildAxes(fig, plot);
  // plotly.js's automargin on the left: room for the widest tick label of the leftmost y axes and their title
  let left = m.l;
  for (const a of axes.values()) {
    if (a.key[0] !== "y" || a.spec.automargin !== true) continue;
    const xa = axes.get(a.spec.anchor ?? "x" + a.key.slice(1));
    if (!xa || Math.abs(xa.lo - plot.x) > 0.5) continue;
    const labels = Math.max(0, ...ticks(a).map((t) => textWidth(t.label, t.minor ? 9 : 11)));
    left = Math.max(left, (a.spec.ticks === "outside" ? 5 : 0) + 3 + labels + (a.spec.title?.text ? 12 + 14 : 4));
  }
  if (left > m.l) {
    plot = { x: left, y: m.t, w: W - left - m.r, h: H - m.t - m.b };
    axes = buildAxes(fig, plot);
  }
  const font = (layout.font as Obj) ?? {};
  const family = escapeHtml(font.family ?? "DejaVu Sans, Arial, sans-serif");
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${family}">`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${escapeHtml(layout.paper_bgcolor ?? "#ffffff")}"/>`);

  // subplots: pairs of anchored axes
  const pairs: [Axis, Axis][] = [];
  for (const a of axes.values()) {
    if (a.key[0] !== "x") continue;
    const yk = a.spec.anchor ?? "y" + a.key.slice(1);
    const ya = axes.get(yk);
    if (ya) pairs.push([a, ya]);
  }
  const defs: string[] = [];
  pairs.forEach(([xa, ya], i) => {
    defs.push(`<clipPath id="clip${i}"><rect x="${fmt(xa.lo)}" y="${fmt(ya.hi)}" width="${fmt(xa.hi - xa.lo)}" height="${fmt(ya.lo - ya.hi)}"/></clipPath>`);
  });
  out.push(`<defs>${defs.join("")}</defs>`);
  const clipOf = (xk: string, yk: string) => pairs.findIndex(([xa, ya]) => xa.key === xk && ya.key === yk);

  for (const [xa, ya] of pairs) {
    out.push(`<rect x="${fmt(xa.lo)}" y="${fmt(ya.hi)}" width="${fmt(xa.hi - xa.lo)}" height="${fmt(ya.lo - ya.hi)}" fill="${escapeHtml(layout.plot_bgcolor ?? "#ffffff")}"/>`);
  }
  // images under the data
  for (const img of (layout.images as Obj[] | undefined) ?? []) {
    const xa = axes.get(img.xref);
    const ya = axes.get(img.yref);
    if (!xa || !ya) continue;
    const x0 = toPx(xa, img.x);
    const x1 = toPx(xa, img.x + img.sizex);
    const yTop = toPx(ya, img.y);
    const yBot = toPx(ya, img.y - img.sizey);
    const ci = clipOf(xa.key, ya.key);
    out.push(
      `<image${ci >= 0 ? ` clip-path="url(#clip${ci})"` : ""} x="${fmt(Math.min(x0, x1))}" y="${fmt(Math.min(yTop, yBot))}" width="${fmt(Math.abs(x1 - x0))}" height="${fmt(Math.abs(yBot - yTop))}" preserveAspectRatio="none" xlink:href="${escapeHtml(String(img.source))}" href="${escapeHtml(String(img.source))}"/>`,
    );
  }
  // grid lines
  for (const [xa, ya] of pairs) {
    for (const a of [xa, ya]) {
      if (!a.spec.showgrid) continue;
      for (const t of ticks(a)) {
        const p = toPx(a, t.v);
        out.push(a === xa
          ? `<line x1="${fmt(p)}" x2="${fmt(p)}" y1="${fmt(ya.lo)}" y2="${fmt(ya.hi)}" stroke="${escapeHtml(a.spec.gridcolor ?? "#eeeeee")}"/>`
          : `<line x1="${fmt(xa.lo)}" x2="${fmt(xa.hi)}" y1="${fmt(p)}" y2="${fmt(p)}" stroke="${escapeHtml(a.spec.gridcolor ?? "#eeeeee")}"/>`);
      }
    }
  }
  // traces
  fig.data.forEach((t, ti) => {
    const xa = axes.get((t.xaxis as string) ?? "x")!;
    const ya = axes.get((t.yaxis as string) ?? "y")!;
    const ci = clipOf(xa.key, ya.key);
    const clip = ci >= 0 ? ` clip-path="url(#clip${ci})"` : "";
    if (t.type === "heatmap") {
      const z = heatRows(t.z);
      const { c: xs, step: dx } = heatCentres(t, "x", z);
      const { c: ys, step: dy } = heatCentres(t, "y", z);
      const scale = (t.colorscale as [number, string][]) ?? [[0, "#ffffff"], [1, "#000000"]];
      const zmin = (t.zmin as number) ?? Math.min(...z.flat());
      const zmax = (t.zmax as number) ?? Math.max(...z.flat());
      const cells: string[] = [];
      const colour = (v: number) => colorscaleAt(scale, zmax > zmin ? (v - zmin) / (zmax - zmin) : 0);
      z.forEach((row, i) => {
        const yt = toPx(ya, ys[i] - dy / 2);
        const yb = toPx(ya, ys[i] + dy / 2);
        // one rectangle per run of equal cells along the row
        for (let j = 0; j < row.length; ) {
          let k = j + 1;
          while (k < row.length && row[k] === row[j]) k++;
          const xl = toPx(xa, xs[j] - dx / 2);
          const xr = toPx(xa, xs[k - 1] + dx / 2);
          cells.push(`<rect x="${fmt(Math.min(xl, xr))}" y="${fmt(Math.min(yt, yb))}" width="${fmt(Math.abs(xr - xl))}" height="${fmt(Math.abs(yb - yt))}" fill="${colour(row[j])}"/>`);
          j = k;
        }
      });
      out.push(`<g class="trace heatmap" shape-rendering="crispEdges"${clip}>${cells.join("")}</g>`);
      return;
    }
    if (t.type !== "scatter") throw new ValueError(`figureToSvg draws scatter and heatmap traces, not ${JSON.stringify(t.type)} (trace ${ti})`);
    const xs = decodeNumbers(t.x);
    const ys = decodeNumbers(t.y);
    const mode = String(t.mode ?? "markers");
    if (mode.includes("lines")) {
      const line: Obj = (t.line as Obj) ?? {};
      let d = "";
      let pen = false;
      for (let i = 0; i < xs.length; i++) {
        const ok = Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && (!ya.log || ys[i] > 0);
        if (!ok) { pen = false; continue; }
        d += `${pen ? "L" : "M"}${fmt(toPx(xa, xs[i]))},${fmt(toPx(ya, ys[i]))}`;
        pen = true;
      }
      out.push(`<path class="trace line"${clip} d="${d}" fill="none" stroke="${escapeHtml(line.color ?? "#1f77b4")}" stroke-width="${line.width ?? 2}"${dashArray(line.dash)} stroke-linejoin="round"/>`);
    }
    if (mode.includes("markers")) {
      const marker: Obj = (t.marker as Obj) ?? {};
      const r = (marker.size ?? 6) / 2;
      const colors = markerColors(t, xs.length);
      const op = marker.opacity !== undefined ? ` fill-opacity="${marker.opacity}"` : "";
      const pts: string[] = [];
      for (let i = 0; i < xs.length; i++) {
        if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
        pts.push(`<circle cx="${fmt(toPx(xa, xs[i]))}" cy="${fmt(toPx(ya, ys[i]))}" r="${fmt(r)}" fill="${escapeHtml(colors[i])}"/>`);
      }
      out.push(`<g class="trace points"${clip}${op}>${pts.join("")}</g>`);
    }
  });
  // frames, ticks, labels
  for (const [xa, ya] of pairs) {
    for (const a of [xa, ya]) {
      const s = a.spec;
      const isX = a === xa;
      const color = escapeHtml(s.linecolor ?? "#000000");
      if (s.showline) {
        out.push(isX
          ? `<line x1="${fmt(xa.lo)}" x2="${fmt(xa.hi)}" y1="${fmt(ya.lo)}" y2="${fmt(ya.lo)}" stroke="${color}"/>`
          : `<line x1="${fmt(xa.lo)}" x2="${fmt(xa.lo)}" y1="${fmt(ya.lo)}" y2="${fmt(ya.hi)}" stroke="${color}"/>`);
        if (s.mirror) {
          out.push(isX
            ? `<line x1="${fmt(xa.lo)}" x2="${fmt(xa.hi)}" y1="${fmt(ya.hi)}" y2="${fmt(ya.hi)}" stroke="${color}"/>`
            : `<line x1="${fmt(xa.hi)}" x2="${fmt(xa.hi)}" y1="${fmt(ya.lo)}" y2="${fmt(ya.hi)}" stroke="${color}"/>`);
        }
      }
      const tickLen = s.ticks === "outside" ? 5 : 0;
      let labelWidth = 0;
      for (const t of ticks(a)) {
        const p = toPx(a, t.v);
        if (p < Math.min(a.lo, a.hi) - 0.5 || p > Math.max(a.lo, a.hi) + 0.5) continue;
        const size = t.minor ? 9 : 11;
        labelWidth = Math.max(labelWidth, textWidth(t.label, size));
        if (isX) {
          if (tickLen) out.push(`<line x1="${fmt(p)}" x2="${fmt(p)}" y1="${fmt(ya.lo)}" y2="${fmt(ya.lo + tickLen)}" stroke="${color}"/>`);
          out.push(text(p, ya.lo + tickLen + 3, t.label, { size, baseline: "hanging" }));
        } else {
          if (tickLen) out.push(`<line x1="${fmt(xa.lo - tickLen)}" x2="${fmt(xa.lo)}" y1="${fmt(p)}" y2="${fmt(p)}" stroke="${color}"/>`);
          out.push(text(xa.lo - tickLen - 3, p, t.label, { size, anchor: "end" }));
        }
      }
      const title = s.title?.text;
      if (title) {
        // below the tick labels, or left of the widest one, as plotly.js places axis titles
        out.push(isX
          ? text((xa.lo + xa.hi) / 2, ya.lo + tickLen + 20, title, { size: 12, baseline: "hanging" })
          : text(xa.lo - tickLen - 3 - labelWidth - 12, (ya.lo + ya.hi) / 2, title, { size: 12, rotate: -90 }));
      }
    }
  }
  // annotations
  for (const an of (layout.annotations as Obj[] | undefined) ?? []) {
    const px = an.xref === "paper" || !an.xref ? plot.x + an.x * plot.w : toPx(axes.get(an.xref)!, an.x);
    const py = an.yref === "paper" || !an.yref ? plot.y + (1 - an.y) * plot.h : toPx(axes.get(an.yref)!, an.y);
    const anchor = an.xanchor === "left" ? "start" : an.xanchor === "right" ? "end" : "middle";
    const baseline = an.yanchor === "bottom" ? "auto" : an.yanchor === "top" ? "hanging" : "middle";
    out.push(text(px, py - (an.yanchor === "bottom" ? 4 : 0), String(an.text ?? ""), { size: an.font?.size ?? 12, color: an.font?.color, anchor, baseline }));
  }
  // legend: outside the plot area, right of it (plotly.js's default place), so that it covers no data
  if (layout.showlegend) {
    const entries = fig.data.filter((t) => t.showlegend !== false && t.name);
    if (entries.length) {
      const spec: Obj = (layout.legend as Obj) ?? {};
      const x0 = plot.x + (spec.x ?? 1.02) * plot.w;
      const y0 = plot.y + (1 - (spec.y ?? 1)) * plot.h;
      out.push(`<g class="legend">`);
      entries.forEach((t, i) => {
        const y = y0 + 10 + i * 19;
        const line: Obj = (t.line as Obj) ?? {};
        out.push(`<line x1="${fmt(x0 + 5)}" x2="${fmt(x0 + 35)}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="${escapeHtml(line.color ?? "#1f77b4")}" stroke-width="2"${dashArray(line.dash)}/>`);
        out.push(text(x0 + 40, y, String(t.name), { size: 12, anchor: "start" }));
      });
      out.push(`</g>`);
    }
  }
  const title = (layout.title as Obj | undefined)?.text;
  if (title) out.push(text(W / 2, Math.max(16, m.t / 2), title, { size: 16 }));
  out.push(`</svg>`);
  return out.join("\n");
}

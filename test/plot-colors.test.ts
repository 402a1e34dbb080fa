import test from "ava";
import { loadFixture } from "./support/fixtures.js";
import { SPECTRAL_COLORSCALE, SPECTRAL_DATA, colorscaleAt, labelColor, regionColor, spectral, toHex } from "../lib/plot/index.js";
import { parseColor } from "../lib/plot/colors.js";

// made by scripts/fixtures/plot.py with matplotlib (Debian's python3-matplotlib)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>("plot");

test("SPECTRAL_DATA: the anchors of matplotlib's _cm.py _Spectral_data", (t) => {
  t.is(SPECTRAL_DATA.length, fx.spectral_data.length);
  SPECTRAL_DATA.forEach((c, i) => c.forEach((v, k) => t.true(Math.abs(v - fx.spectral_data[i][k]) < 1e-15, `anchor ${i} channel ${k}`)));
});

test("spectral: equals matplotlib's plt.cm.Spectral(t), lookup-table steps and clipping included", (t) => {
  fx.spectral_t.forEach((v: number, i: number) => {
    const ours = spectral(v);
    const theirs: number[] = fx.spectral_rgba[i];
    t.true(ours.every((c, k) => Math.abs(c - theirs[k]) < 1e-12), `t=${v}: ${ours} vs ${theirs}`);
  });
  t.deepEqual(spectral(NaN), [0, 0, 0, 0]);
});

test("labelColor: the colours plt.scatter(c=Y, cmap=Spectral) gives the lesson's two classes", (t) => {
  t.is(labelColor(0, 0, 1), toHex(fx.scatter_rgba["0"]));
  t.is(labelColor(1, 0, 1), toHex(fx.scatter_rgba["1"]));
  t.is(labelColor(0, 0, 1), "#9e0142");
  t.is(labelColor(1, 0, 1), "#5e4fa2");
});

test("regionColor: the colours contourf(xx, yy, Z, cmap=Spectral) fills a 0/1 class map with", (t) => {
  t.deepEqual(fx.contourf_levels.map((v: number) => Math.round(v * 100) / 100), [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.05]);
  t.is(regionColor(0), toHex(fx.contourf_region_rgba["0"]));
  t.is(regionColor(1), toHex(fx.contourf_region_rgba["1"]));
});

test("SPECTRAL_COLORSCALE: plotly stops at the anchors, ends equal to matplotlib's", (t) => {
  t.is(SPECTRAL_COLORSCALE.length, 11);
  t.deepEqual(SPECTRAL_COLORSCALE[0], [0, toHex(spectral(0))]);
  t.deepEqual(SPECTRAL_COLORSCALE[10], [1, toHex(spectral(1))]);
  // plotly's linear interpolation stays within one lookup-table step (plus rounding) of matplotlib's colours
  for (const [i, v] of (fx.spectral_t as number[]).entries()) {
    if (v < 0 || v > 1) continue;
    const ours = parseColor(colorscaleAt(SPECTRAL_COLORSCALE, v));
    const theirs = (fx.spectral_rgba[i] as number[]).slice(0, 3).map((c) => c * 255);
    t.true(ours.slice(0, 3).every((c, k) => Math.abs(c - theirs[k]) <= 3), `t=${v}: ${ours} vs ${theirs}`);
  }
});

test("parseColor: reads hex and rgb(), rejects other forms with the colour in the message", (t) => {
  t.deepEqual(parseColor("#9e0142"), [158, 1, 66, 1]);
  t.deepEqual(parseColor("#fff"), [255, 255, 255, 1]);
  t.deepEqual(parseColor("rgba(1, 2, 3, 0.5)"), [1, 2, 3, 0.5]);
  t.throws(() => parseColor("red"), { message: 'unsupported colour "red": use #rrggbb, #rgb, rgb() or rgba()' });
});

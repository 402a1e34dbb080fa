/**
 * Colours: matplotlib's `Spectral` colormap, defined by hand (plotly.js has no Spectral scale).
 * @module
 */
import { ValueError } from "../np/errors.js";

/**
 * The eleven anchor colours of matplotlib's `Spectral` colormap, as RGB in [0, 1].
 *
 * Source: matplotlib `lib/matplotlib/_cm.py`, `_Spectral_data` (ColorBrewer's 11-class "Spectral",
 * each channel a byte over 255; `_cm.py` writes the same numbers as decimals such as
 * `0.61960784313725492 = 158/255`). matplotlib turns it into a colormap with
 * `LinearSegmentedColormap.from_list` semantics: anchors evenly spaced on [0, 1], linear in between,
 * sampled into a 256-entry lookup table.
 */
export const SPECTRAL_DATA: readonly (readonly [number, number, number])[] = [
  [158, 1, 66],
  [213, 62, 79],
  [244, 109, 67],
  [253, 174, 97],
  [254, 224, 139],
  [255, 255, 191],
  [230, 245, 152],
  [171, 221, 164],
  [102, 194, 165],
  [50, 136, 189],
  [94, 79, 162],
].map(([r, g, b]) => [r / 255, g / 255, b / 255] as const);

/** Number of entries in matplotlib's lookup table for a named colormap (`rcParams["image.lut"]`). */
export const LUT_SIZE = 256;

function interpolateAnchors(x: number): [number, number, number] {
  const n = SPECTRAL_DATA.length - 1;
  const pos = x * n;
  const i = Math.min(Math.floor(pos), n - 1);
  const f = pos - i;
  const a = SPECTRAL_DATA[i];
  const b = SPECTRAL_DATA[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

const SPECTRAL_LUT: readonly [number, number, number][] = Array.from({ length: LUT_SIZE }, (_, i) =>
  interpolateAnchors(i / (LUT_SIZE - 1)),
);

/**
 * matplotlib's `plt.cm.Spectral(t)`: the colour for a value already normalised to [0, 1].
 *
 * Like matplotlib, the value picks one of 256 lookup-table entries (`floor(t * 256)`, with 1.0 mapping
 * to the last entry); values outside [0, 1] clip to the ends, NaN gives transparent black.
 *
 * @param t - normalised value, usually `(v - vmin) / (vmax - vmin)`.
 * @returns `[r, g, b, a]`, each in [0, 1], as matplotlib returns them.
 * @example
 * ```ts
 * spectral(0);   // [0.6196…, 0.0039…, 0.2588…, 1]  (#9e0142, class 0 in the lesson's plots)
 * spectral(1);   // [0.3686…, 0.3098…, 0.6353…, 1]  (#5e4fa2, class 1)
 * ```
 */
export function spectral(t: number): [number, number, number, number] {
  if (Number.isNaN(t)) return [0, 0, 0, 0];
  let i = Math.floor(t * LUT_SIZE);
  if (i < 0) i = 0;
  if (i > LUT_SIZE - 1) i = LUT_SIZE - 1;
  const [r, g, b] = SPECTRAL_LUT[i];
  return [r, g, b, 1];
}

/**
 * Formats an RGB(A) colour with channels in [0, 1] as a CSS hex colour `#rrggbb`.
 *
 * @param rgb - `[r, g, b]` or `[r, g, b, a]` (alpha ignored).
 * @returns the lowercase hex string.
 * @example
 * ```ts
 * toHex(spectral(0)); // "#9e0142"
 * ```
 */
export function toHex(rgb: readonly number[]): string {
  return (
    "#" +
    rgb
      .slice(0, 3)
      .map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, "0"))
      .join("")
  );
}

/**
 * matplotlib's Spectral as a plotly.js colorscale: the eleven anchors at evenly spaced positions.
 *
 * plotly.js interpolates linearly between them, matplotlib picks one of 256 table entries, so a colour in
 * between can differ by one table step plus rounding (at most 3/255 per channel, measured against
 * matplotlib in test/plot-colors.test.ts); the ends, which the lesson's two classes use, are identical.
 */
export const SPECTRAL_COLORSCALE: readonly [number, string][] = SPECTRAL_DATA.map(
  (c, i) => [i / (SPECTRAL_DATA.length - 1), toHex(c)] as [number, string],
);

/**
 * Colour of the filled class regions in the lesson's decision-boundary plots, as matplotlib's
 * `plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral)` draws them for a 0/1 class map.
 *
 * For data in [0, 1] contourf picks the levels 0, 0.15, …, 1.05 (`MaxNLocator`), fills each band with
 * the colour of its midpoint normalised to [0, 1.05]: class 0 lies in the first band (midpoint 0.075),
 * class 1 in the last (midpoint 0.975).
 *
 * @param cls - the class, 0 or 1.
 * @returns the CSS hex colour of that class's region.
 */
export function regionColor(cls: 0 | 1): string {
  const mid = cls === 0 ? 0.075 : 0.975;
  return toHex(spectral(mid / 1.05));
}

/**
 * Colour of a class label's scatter point, as `plt.scatter(..., c=Y, cmap=plt.cm.Spectral)` draws it:
 * the label normalised over the labels' min and max.
 *
 * @param label - the label value.
 * @param min - smallest label in the data.
 * @param max - largest label in the data.
 * @returns the CSS hex colour.
 */
export function labelColor(label: number, min: number, max: number): string {
  return toHex(spectral(max > min ? (label - min) / (max - min) : 0));
}

/**
 * Parses a CSS colour of the forms `#rgb`, `#rrggbb`, `rgb(r,g,b)`, `rgba(r,g,b,a)` into bytes.
 *
 * @param css - the colour string.
 * @returns `[r, g, b, a]` with r, g, b in 0..255 and a in [0, 1].
 * @throws Error for any other form.
 */
export function parseColor(css: string): [number, number, number, number] {
  const s = css.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) {
    const v = parseInt(m[1], 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, 1];
  }
  m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) {
    const [r, g, b] = m[1].split("").map((h) => parseInt(h + h, 16));
    return [r, g, b, 1];
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  throw new ValueError(`unsupported colour ${JSON.stringify(css)}: use #rrggbb, #rgb, rgb() or rgba()`);
}

/**
 * The colour a plotly.js colorscale gives a value, interpolating linearly between its stops.
 *
 * @param scale - `[position, colour]` stops, positions increasing from 0 to 1.
 * @param t - normalised value (clipped to [0, 1]).
 * @returns a CSS `rgb(r,g,b)` string.
 */
export function colorscaleAt(scale: readonly (readonly [number, string])[], t: number): string {
  const x = Math.min(1, Math.max(0, Number.isNaN(t) ? 0 : t));
  let i = 0;
  while (i < scale.length - 2 && x > scale[i + 1][0]) i++;
  const [p0, c0] = scale[i];
  const [p1, c1] = scale[Math.min(i + 1, scale.length - 1)];
  const f = p1 > p0 ? (x - p0) / (p1 - p0) : 0;
  const a = parseColor(c0);
  const b = parseColor(c1);
  const ch = (k: number) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${ch(0)},${ch(1)},${ch(2)})`;
}

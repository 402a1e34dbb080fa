/**
 * A minimal PNG encoder for class maps: 8-bit palette images, deflated with Node's zlib.
 * @module
 */
import { crc32, deflateSync } from "node:zlib"; // zlib.crc32: Node 20.15+ (package.json asks for 20.19)
import { ValueError } from "../np/errors.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes an image of palette indices as a PNG (colour type 3, 8 bits per pixel).
 *
 * @param indices - `width * height` palette indices, row by row from the top.
 * @param width - image width in pixels.
 * @param height - image height in pixels.
 * @param palette - colours as `[r, g, b]` bytes; at most 256.
 * @returns the PNG file bytes.
 * @throws ValueError when sizes disagree or an index has no palette colour.
 */
export function encodePalettePng(indices: Uint8Array, width: number, height: number, palette: readonly (readonly [number, number, number])[]): Buffer {
  if (indices.length !== width * height) {
    throw new ValueError(`an image of ${width}x${height} pixels needs ${width * height} indices, got ${indices.length}`);
  }
  if (palette.length < 1 || palette.length > 256) throw new ValueError(`palette needs 1 to 256 colours, got ${palette.length}`);
  const raw = new Uint8Array((width + 1) * height);
  for (let r = 0; r < height; r++) {
    raw[r * (width + 1)] = 0; // filter type None
    for (let c = 0; c < width; c++) {
      const v = indices[r * width + c];
      if (v >= palette.length) throw new ValueError(`index ${v} at row ${r}, column ${c} is outside the palette of ${palette.length}`);
      raw[r * (width + 1) + 1 + c] = v;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: palette
  const plte = Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/**
 * Reduces an opaque RGBA image to at most 256 colours (the most frequent exact colours are kept, every
 * other pixel takes the nearest kept colour), so a plot's PNG can be a small palette image. Plots have
 * few colours besides the anti-aliased edges, which is all the reduction approximates.
 *
 * @param rgba - `width * height * 4` bytes, alpha ignored (the figures are opaque).
 * @returns palette indices and the palette.
 */
export function quantize(rgba: Uint8Array): { indices: Uint8Array; palette: [number, number, number][] } {
  const n = rgba.length / 4;
  const exact = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = (rgba[4 * i] << 16) | (rgba[4 * i + 1] << 8) | rgba[4 * i + 2];
    exact.set(key, (exact.get(key) ?? 0) + 1);
  }
  let keep: number[];
  if (exact.size <= 256) {
    keep = [...exact.keys()];
  } else {
    keep = [...exact.entries()].sort((a, b) => b[1] - a[1]).slice(0, 256).map(([k]) => k);
  }
  const palette = keep.map((k) => [(k >> 16) & 255, (k >> 8) & 255, k & 255] as [number, number, number]);
  const nearest = new Map<number, number>();
  keep.forEach((k, i) => nearest.set(k, i));
  const indices = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rgba[4 * i];
    const g = rgba[4 * i + 1];
    const b = rgba[4 * i + 2];
    const key = (r << 16) | (g << 8) | b;
    let idx = nearest.get(key);
    if (idx === undefined) {
      let best = Infinity;
      idx = 0;
      for (let j = 0; j < palette.length; j++) {
        const p = palette[j];
        const d = (p[0] - r) ** 2 + (p[1] - g) ** 2 + (p[2] - b) ** 2;
        if (d < best) {
          best = d;
          idx = j;
        }
      }
      nearest.set(key, idx);
    }
    indices[i] = idx;
  }
  return { indices, palette };
}

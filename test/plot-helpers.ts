/** Helpers of the plot tests: reading back the palette PNGs that lib/plot writes. */
import { createHash } from "node:crypto";
import { crc32, inflateSync } from "node:zlib";

/** A decoded 8-bit palette PNG (what encodePalettePng writes: filter type 0 on every row). */
export interface PalettePng {
  width: number;
  height: number;
  palette: [number, number, number][];
  /** one palette index per pixel, rows from the top */
  pixels: Uint8Array;
}

/**
 * Decodes a PNG of colour type 3, bit depth 8, no interlace, filter 0 rows; checks every chunk's CRC.
 * @param png - file bytes (or a `data:image/png;base64,` URL).
 */
export function decodePalettePng(png: Buffer | string): PalettePng {
  const buf = typeof png === "string" ? Buffer.from(png.replace(/^data:image\/png;base64,/, ""), "base64") : png;
  if (buf.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  let off = 8;
  let width = 0;
  let height = 0;
  let palette: [number, number, number][] = [];
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("ascii", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (buf.readUInt32BE(off + 8 + len) !== crc32(buf.subarray(off + 4, off + 8 + len))) throw new Error(`chunk ${type}: bad CRC`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 3) throw new Error(`not an 8-bit palette PNG (depth ${data[8]}, colour type ${data[9]})`);
    } else if (type === "PLTE") {
      palette = [];
      for (let i = 0; i < len; i += 3) palette.push([data[i], data[i + 1], data[i + 2]]);
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    if (raw[r * (width + 1)] !== 0) throw new Error(`row ${r} uses filter ${raw[r * (width + 1)]}`);
    pixels.set(raw.subarray(r * (width + 1) + 1, (r + 1) * (width + 1)), r * width);
  }
  return { width, height, palette, pixels };
}

/** The colour of pixel (row, col) as `#rrggbb`. */
export function pixelHex(img: PalettePng, row: number, col: number): string {
  const [r, g, b] = img.palette[img.pixels[row * img.width + col]];
  return "#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("");
}

/** A short stable digest of a decoded image (size, palette and pixels), for snapshots. */
export function imageDigest(img: PalettePng): string {
  const h = createHash("sha256");
  h.update(`${img.width}x${img.height};${img.palette.join(";")};`);
  h.update(img.pixels);
  return `${img.width}x${img.height} ${img.palette.length} colours sha256:${h.digest("hex").slice(0, 16)}`;
}

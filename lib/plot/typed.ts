/**
 * Numeric inputs (NDArray or plain arrays) and plotly.js's typed-array JSON form `{ dtype, bdata }`.
 * @module
 */
import { NDArray } from "../np/ndarray.js";

/** Numbers a figure function accepts: an `NDArray` (any shape, read in C order) or a plain array. */
export type Numbers = NDArray | ArrayLike<number> | readonly number[];

/** plotly.js's compact typed-array form: little-endian bytes in base64 (plotly.js 2.28 and later). */
export interface TypedSpec {
  /** `"f8"` float64, `"f4"` float32, `"u1"` uint8, `"i4"` int32. */
  dtype: "f8" | "f4" | "u1" | "i4";
  /** base64 of the raw little-endian bytes. */
  bdata: string;
  /** for 2-D data (heatmap z): `"rows,cols"`. */
  shape?: string;
}

/**
 * Reads numbers from an NDArray or array into a fresh Float64Array (C order).
 *
 * @param x - the numbers.
 * @param name - what they are, for the error message.
 * @returns a copy as Float64Array.
 * @throws TypeError when `x` is neither an NDArray nor an array of numbers.
 */
export function toFloat64(x: Numbers, name = "array"): Float64Array {
  if (x instanceof NDArray) return Float64Array.from(x.values() as ArrayLike<number>, Number);
  if (x == null || typeof (x as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${name} must be an NDArray or an array of numbers, got ${typeof x}`);
  }
  const out = Float64Array.from(x as ArrayLike<number>, Number);
  return out;
}

/**
 * The shape of an input: an NDArray's shape, or `[length]` for a plain array.
 *
 * @param x - the numbers.
 * @returns the shape.
 */
export function shapeOf(x: Numbers): readonly number[] {
  return x instanceof NDArray ? x.shape : [(x as ArrayLike<number>).length];
}

function bytesOf(data: Float64Array | Float32Array | Uint8Array | Int32Array): string {
  if (typeof Buffer === "function") return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
  let binary = ""; // a web page: no Buffer, the browser's btoa
  for (const b of new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Encodes numbers for plotly.js as `{ dtype, bdata }`: about a third of the size of JSON numbers and exact.
 *
 * @param data - a typed array (float64, float32, uint8 or int32).
 * @param shape - optional `[rows, cols]` for 2-D data.
 * @returns the typed spec.
 */
export function encodeTyped(data: Float64Array | Float32Array | Uint8Array | Int32Array, shape?: readonly number[]): TypedSpec {
  const dtype = data instanceof Float64Array ? "f8" : data instanceof Float32Array ? "f4" : data instanceof Uint8Array ? "u1" : "i4";
  const spec: TypedSpec = { dtype, bdata: bytesOf(data) };
  if (shape) spec.shape = shape.join(",");
  return spec;
}

/**
 * Reads a plotly.js data array back as numbers: a plain array, a typed array or a `{ dtype, bdata }` spec.
 *
 * @param v - the value of a trace attribute such as `x`.
 * @returns the numbers as a plain array (`NaN` for null entries).
 */
export function decodeNumbers(v: unknown): number[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.map((e) => (e == null ? NaN : Number(e)));
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  const spec = v as TypedSpec;
  if (typeof spec.bdata === "string") {
    const buf = typeof Buffer === "function"
      ? Buffer.from(spec.bdata, "base64")
      : Uint8Array.from(atob(spec.bdata), (c) => c.charCodeAt(0)); // a web page: the browser's atob
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    switch (spec.dtype) {
      case "f8": return Array.from(new Float64Array(ab));
      case "f4": return Array.from(new Float32Array(ab));
      case "u1": return Array.from(new Uint8Array(ab));
      case "i4": return Array.from(new Int32Array(ab));
    }
  }
  throw new TypeError(`cannot read numbers from ${JSON.stringify(v).slice(0, 80)}`);
}

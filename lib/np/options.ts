/**
 * Checks at the boundary of `np`: options objects (numpy's keyword arguments), integers, shapes
 * and sizes, each failing with numpy's own error text rather than a JavaScript one.
 * @module
 */
import type { DType } from "./dtype.js";
import { MemoryError, ValueError, formatTuple, pyTypeName } from "./errors.js";

/**
 * Throws numpy's TypeError for an options object with a key `fn` does not take
 * ("sum() got an unexpected keyword argument 'foo'"), and a clear one for `out`, which np does not
 * support (every function returns a new array), or for options that are not an object.
 */
export function checkOptions(fn: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options) || pyTypeName(options) !== "dict") {
    throw new TypeError(`${fn}() takes its keyword arguments as an options object such as { ${allowed[0] ?? "axis"}: ... }, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    if (key === "out") {
      throw new TypeError(`${fn}(): np does not support the 'out' argument; use the array ${fn}() returns`);
    }
    throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
  }
}

/** A short description of a value for error texts. */
export function describe(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number" || typeof v === "boolean" || v === undefined || v === null) return String(v);
  return pyTypeName(v);
}

/** An integer argument, or numpy's "'float' object cannot be interpreted as an integer". */
export function toInteger(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`'${pyTypeName(v)}' object cannot be interpreted as an integer`);
  return v;
}

/**
 * A shape argument (one integer for 1-D, or a list of integers) as a new array, checked as numpy
 * checks it: "expected a sequence of integers or a single integer, got '2.5'", "'float' object
 * cannot be interpreted as an integer", "negative dimensions are not allowed".
 */
export function toShape(shape: unknown): number[] {
  let dims: number[];
  if (typeof shape === "number") {
    if (!Number.isInteger(shape)) throw new TypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
    dims = [shape];
  } else if (Array.isArray(shape)) {
    dims = shape.map(toInteger);
  } else {
    throw new TypeError(`expected a sequence of integers or a single integer, got ${describe(shape)}`);
  }
  for (const d of dims) if (d < 0) throw new ValueError("negative dimensions are not allowed");
  return dims;
}

/** Bytes per element of each dtype in numpy. */
const ITEMSIZE: Record<DType, number> = { bool: 1, uint8: 1, int32: 4, int64: 8, float32: 4, float64: 8 };

/** The most bytes one array may take here: a JavaScript ArrayBuffer holds at most 4 GiB. */
export const MAX_BYTES = 2 ** 32;

/** numpy's binary size text: "74.5 GiB", "512. MiB", "100 bytes". */
function sizeText(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let unit = Math.floor(Math.max(Math.floor(Math.log2(bytes)), 1) / 10);
  let n = bytes / 2 ** (unit * 10);
  if (Math.round(n) === 1024) {
    unit += 1;
    n /= 1024;
  }
  if (unit === 0) return `${n.toFixed(0)} bytes`;
  const text = Math.round(n) < 1000 ? n.toPrecision(3) : n.toFixed(0);
  return `${text.includes(".") ? text : `${text}.`} ${units[unit]}`;
}

/**
 * Checks that an array of `shape` and `dtype` can be allocated, with numpy's errors: "array is
 * too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size." beyond 2**63
 * bytes, else numpy's MemoryError "Unable to allocate 74.5 GiB for an array with shape
 * (10000000000,) and data type float64" beyond the 4 GiB a JavaScript buffer holds.
 */
export function checkSize(shape: readonly number[], dtype: DType): void {
  let size = 1;
  for (const d of shape) {
    if (d >= 2 ** 63) throw new ValueError("Maximum allowed dimension exceeded");
    size *= d;
  }
  const bytes = size * ITEMSIZE[dtype];
  if (bytes <= MAX_BYTES) return;
  if (bytes >= 2 ** 63) throw new ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  throw new MemoryError(`Unable to allocate ${sizeText(bytes)} for an array with shape ${formatTuple(shape)} and data type ${dtype}`);
}


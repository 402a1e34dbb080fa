/**
 * Array creation: `array`, `asarray`, `zeros`, `ones`, `full`, `zeros_like`, `ones_like`,
 * `arange`, `linspace`, `meshgrid`.
 * @module
 */
import { type DType, type TypedArray, allocate, allocateOutput, checkDType, promoteTypes } from "./dtype.js";
import { castValue, fromScalar, isInt64Number, scalarType } from "./convert.js";
import { ValueError, formatTuple } from "./errors.js";
import { checkOptions, checkSize, describe, toInteger, toShape } from "./options.js";
import { type ArrayLike, NDArray, shapeSize } from "./ndarray.js";
import { basicIndex } from "./indexing.js";

/**
 * A dtype name as `np` functions accept it (`"int"` and `"float"` mean int64 and float64), or an
 * options object `{ dtype }` standing for numpy's keyword (`np.zeros([2, 2], { dtype: "int32" })`).
 */
export type DTypeLike = DType | "int" | "float" | { readonly dtype: DType | "int" | "float" };

/** A shape: one number for 1-D, or the dimensions. */
export type ShapeLike = number | readonly number[];

function typedArrayDType(data: unknown): DType | undefined {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Uint8Array) return "uint8";
  return undefined;
}

/** A typed array as a 1-D NDArray of its own dtype (no copy); anything else unchanged. */
function wrapTyped(x: unknown): unknown {
  const td = typedArrayDType(x);
  return td === undefined ? x : NDArray.fromData(x as TypedArray, [(x as TypedArray).length], td);
}

/** The elements of one level of nested input: an array's items, or an NDArray's sub-arrays along axis 0. */
function children(x: readonly unknown[] | NDArray): unknown[] {
  if (x instanceof NDArray) return Array.from({ length: x.shape[0] }, (_, i) => basicIndex(x, [i]));
  const out = new Array<unknown>(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!(i in x) || x[i] === undefined) {
      throw new TypeError(`np.array: element ${i} of a list is ${i in x ? "undefined" : "a hole"}; np.array takes numbers, booleans, nested arrays, typed arrays or NDArrays`);
    }
    out[i] = wrapTyped(x[i]);
  }
  return out;
}

/** numpy's error for ragged input, naming the regular part found so far. */
function raggedError(shape: readonly number[]): ValueError {
  return new ValueError(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${shape.length} dimensions. The detected shape was ${formatTuple(shape)} + inhomogeneous part.`,
  );
}

function isSequence(x: unknown): x is readonly unknown[] | NDArray {
  return Array.isArray(x) || (x instanceof NDArray && x.ndim > 0);
}

/**
 * Finds the shape and dtype of nested input level by level, as numpy does: each level must be all
 * sequences of one length, or all scalars; NDArrays (and typed arrays) bring their own shape and
 * dtype. Otherwise numpy's "inhomogeneous shape after N dimensions" error names the regular part.
 */
function inspectNested(x: unknown): { shape: number[]; dtype: DType } {
  const shape: number[] = [];
  let level: unknown[] = [wrapTyped(x)];
  let dtype: DType | undefined;
  const promote = (t: DType) => {
    dtype = dtype === undefined ? t : promoteTypes(dtype, t);
  };
  for (;;) {
    // a level of NDArrays of one shape: their whole shape at once (so (0, 2) children give (n, 0, 2))
    const first = level[0];
    if (first instanceof NDArray && level.every((a) => a instanceof NDArray && a.ndim === first.ndim && a.shape.every((d, i) => d === first.shape[i]))) {
      shape.push(...first.shape);
      for (const a of level) promote((a as NDArray).dtype);
      return { shape, dtype: dtype ?? "float64" };
    }
    // NDArrays of different shapes: ragged after their common leading dimensions, as numpy finds
    if (first instanceof NDArray && first.ndim > 0 && level.every((a) => a instanceof NDArray && a.ndim > 0)) {
      const shapes = level.map((a) => (a as NDArray).shape);
      let p = 0;
      while (shapes.every((sh) => p < sh.length && sh[p] === shapes[0][p])) p++;
      throw raggedError([...shape, ...shapes[0].slice(0, p)]);
    }
    const seqs = level.filter(isSequence);
    if (seqs.length === 0) break;
    const lists = seqs.map(children);
    if (seqs.length !== level.length || lists.some((l) => l.length !== lists[0].length)) {
      throw raggedError(shape);
    }
    shape.push(lists[0].length);
    level = lists.flat(1);
  }
  for (const v of level) {
    if (v instanceof NDArray) promote(v.dtype);
    else if (typeof v === "number" || typeof v === "boolean") promote(scalarType(v));
    else {
      throw new TypeError(`could not convert ${v === null ? "null" : typeof v} to a number (np.array takes numbers, booleans, nested arrays, typed arrays or NDArrays)`);
    }
  }
  return { shape, dtype: dtype ?? "float64" };
}

/** Writes the elements of nested input in C order: NDArrays cast as `astype`, JavaScript values checked as numpy checks Python scalars. */
function fillNested(x: unknown, out: TypedArray, dtype: DType, k: number): number {
  if (x instanceof NDArray) {
    const v = x.values();
    if (x.dtype === dtype) for (let i = 0; i < v.length; i++) out[k++] = v[i];
    else for (let i = 0; i < v.length; i++) out[k++] = castValue(x.dtype, dtype, v[i]);
    return k;
  }
  if (typeof x === "number" || typeof x === "boolean") {
    out[k] = fromScalar(dtype, x);
    return k + 1;
  }
  if (!Array.isArray(x)) return fillNested(wrapTyped(x), out, dtype, k);
  for (const e of x) k = fillNested(e, out, dtype, k);
  return k;
}

/**
 * Creates an array from nested JavaScript arrays, a typed array, a number or an NDArray, as
 * numpy's `np.array` (always a copy).
 *
 * @param object - nested arrays of numbers/booleans (all rows the same length), a Float64Array /
 *   Float32Array / Int32Array / Uint8Array, a number, a boolean or an NDArray.
 * @param dtype - the element type; inferred when omitted (bool for booleans, int64 for integers,
 *   float64 as soon as one number has a fraction).
 * @returns a new C-ordered array.
 * @throws ValueError for ragged input: "setting an array element with a sequence. The requested
 *   array has an inhomogeneous shape after 1 dimensions. ..."
 * @example
 * ```ts
 * np.array([[1, 2], [3, 4.5]]).shape; // [2, 2], float64
 * ```
 */
export function array(object: ArrayLike | TypedArray, dtype?: DTypeLike): NDArray {
  const info = inspectNested(object);
  const dt = dtype === undefined ? info.dtype : checkDType(dtype);
  checkSize(info.shape, dt);
  const out = allocateOutput(dt, shapeSize(info.shape));
  fillNested(object, out, dt, 0);
  return NDArray.fromData(out, info.shape, dt);
}

/**
 * Like `array`, but returns an NDArray input itself when no dtype change is asked (numpy's `asarray`).
 *
 * @param a - anything `array` takes.
 * @param dtype - the element type; a converted copy when it differs.
 * @returns `a` itself or a new array.
 */
export function asarray(a: ArrayLike | TypedArray, dtype?: DTypeLike): NDArray {
  if (a instanceof NDArray) return dtype === undefined || checkDType(dtype) === a.dtype ? a : a.astype(dtype);
  return array(a, dtype);
}

/**
 * An array of `shape` filled with `value`, as numpy's `np.full`.
 *
 * @param shape - a number (1-D) or the dimensions.
 * @param value - the fill value (a boolean or a number).
 * @param dtype - inferred from `value` when omitted (int64 for integers, float64, bool).
 * @throws ValueError "negative dimensions are not allowed".
 * @example
 * ```ts
 * np.full([2, 3], 7); // int64 array of 7s
 * ```
 */
export function full(shape: ShapeLike, value: number | boolean, dtype?: DTypeLike): NDArray {
  const dims = toShape(shape);
  if (typeof value !== "number" && typeof value !== "boolean") {
    throw new TypeError(`full(): the fill value must be a number or a boolean, got ${describe(value)}`);
  }
  const dt = dtype === undefined ? scalarType(value) : checkDType(dtype);
  checkSize(dims, dt);
  const out = allocate(dt, shapeSize(dims));
  // a whole number is a Python int (checked against the dtype); any other number a Python float (cast)
  const v = typeof value === "boolean" || isInt64Number(value) ? fromScalar(dt, value) : castValue("float64", dt, value);
  if (v !== 0) out.fill(v);
  return NDArray.fromData(out, dims, dt);
}

/**
 * An array of zeros, as numpy's `np.zeros`.
 * @param shape - a number (1-D) or the dimensions, e.g. `[4, 1]`.
 * @param dtype - float64 by default.
 * @example
 * ```ts
 * const b1 = np.zeros([4, 1]);
 * ```
 */
export function zeros(shape: ShapeLike, dtype: DTypeLike = "float64"): NDArray {
  return full(shape, 0, dtype);
}

/**
 * An array of ones, as numpy's `np.ones`.
 * @param shape - a number (1-D) or the dimensions.
 * @param dtype - float64 by default.
 */
export function ones(shape: ShapeLike, dtype: DTypeLike = "float64"): NDArray {
  return full(shape, 1, dtype);
}

/**
 * Zeros with the shape (and, unless given, the dtype) of `a`, as numpy's `np.zeros_like`.
 * @param a - the model array.
 * @param dtype - overrides `a`'s dtype.
 */
export function zeros_like(a: ArrayLike, dtype?: DTypeLike): NDArray {
  const arr = asarray(a);
  return full(arr.shape, 0, dtype ?? arr.dtype);
}

/**
 * Ones with the shape (and, unless given, the dtype) of `a`, as numpy's `np.ones_like`.
 * @param a - the model array.
 * @param dtype - overrides `a`'s dtype.
 */
export function ones_like(a: ArrayLike, dtype?: DTypeLike): NDArray {
  const arr = asarray(a);
  return full(arr.shape, 1, dtype ?? arr.dtype);
}

/**
 * Evenly spaced values in [start, stop), as numpy's `np.arange`.
 *
 * Follows numpy exactly: the length is `ceil((stop - start) / step)`, the first two values are
 * `start` and `start + step`, and the i-th is `start + i * delta` with `delta` the difference of
 * those two (so float grids match numpy's element for element, the decision-boundary grid included).
 *
 * @param start - the first value, or the end when it is the only argument (`np.arange(5)`).
 * @param stop - the end (excluded).
 * @param step - the spacing, 1 by default; may be negative, never 0.
 * @param dtype - int64 when every argument is an integer, else float64.
 * @returns a 1-D array (empty when the range is empty).
 * @throws RangeError "division by zero" for step 0 (numpy's ZeroDivisionError).
 * @example
 * ```ts
 * np.arange(-1.5, 1.5, 0.5); // [-1.5, -1, -0.5, 0, 0.5, 1]
 * ```
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DTypeLike): NDArray {
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0;
  }
  for (const [name, v] of [["start", start], ["stop", stop], ["step", step]] as const) {
    if (typeof v !== "number") throw new TypeError(`arange: ${name} must be a number, got ${describe(v)}`);
  }
  if (step === 0) throw new RangeError("division by zero");
  const dt =
    dtype === undefined ? (isInt64Number(start) && isInt64Number(stop) && isInt64Number(step) ? "int64" : "float64") : checkDType(dtype);
  const delta = stop - start;
  const q = delta / step;
  if (q !== q) throw new ValueError("arange: cannot compute length");
  // numpy: a range shorter than one step (or a step of ±Infinity) still holds `start`
  const len = q === 0 && delta !== 0 ? (Object.is(q, -0) ? 0 : 1) : Math.max(0, Math.ceil(q));
  if (len >= 2 ** 63) throw new ValueError("Maximum allowed size exceeded");
  if (dt === "bool" && len > 2) throw new TypeError("arange() is only supported for booleans when the result has at most length 2.");
  checkSize([len], dt);
  const out = allocateOutput(dt, len);
  if (len > 0) out[0] = fromScalar(dt, start);
  if (len > 1) {
    out[1] = fromScalar(dt, start + step);
    const first = out[0];
    const d = out[1] - first;
    for (let i = 2; i < len; i++) out[i] = first + i * d;
  }
  return NDArray.fromData(out, [len], dt);
}

/** Options of `linspace`. */
export interface LinspaceOptions {
  /** Include `stop` as the last sample (default true). */
  endpoint?: boolean;
  /** The element type (float64 by default; integer types take the floor, as numpy). */
  dtype?: DTypeLike;
}

/**
 * `num` evenly spaced samples from `start` to `stop`, as numpy's `np.linspace`, with numpy's
 * formula: `start + i * step` with `step = (stop - start) / (num - 1)`, and the last sample set to
 * `stop` exactly when `endpoint` is true.
 *
 * @param start - the first sample.
 * @param stop - the last sample (or the end, excluded, when `endpoint` is false).
 * @param num - how many samples (default 50), a non-negative integer.
 * @param options - `{ endpoint, dtype }`.
 * @throws ValueError "Number of samples, -1, must be non-negative."
 * @example
 * ```ts
 * np.linspace(0, 3.12, 200); // the flower's angles
 * ```
 */
export function linspace(start: number, stop: number, num = 50, options: LinspaceOptions = {}): NDArray {
  checkOptions("linspace", options, ["endpoint", "dtype"]);
  for (const [name, v] of [["start", start], ["stop", stop]] as const) {
    if (typeof v !== "number") throw new TypeError(`linspace: ${name} must be a number, got ${describe(v)}`);
  }
  toInteger(num);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const dt = options.dtype === undefined ? "float64" : checkDType(options.dtype);
  checkSize([num], "float64");
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  if (div > 0) {
    const step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  const result = NDArray.fromData(y, [num], "float64");
  if (dt === "float64") return result;
  // numpy floors before an integer cast; bool is "non-zero", as astype
  if (dt !== "float32" && dt !== "bool") for (let i = 0; i < num; i++) y[i] = Math.floor(y[i]);
  return result.astype(dt);
}

/** Options of `meshgrid`. */
export interface MeshgridOptions {
  /** "xy" (default): results of shape (len(y), len(x)); "ij": (len(x), len(y)), as numpy's `indexing`. */
  indexing?: "xy" | "ij";
}

/**
 * Coordinate matrices from two coordinate vectors, as numpy's `np.meshgrid(x, y)`: with the default
 * 'xy' indexing both results have shape (len(y), len(x)), `XX` repeating `x` along rows and `YY`
 * repeating `y` along columns; with 'ij' they have shape (len(x), len(y)). The results are copies
 * (numpy's `copy=True`), each of its input's dtype.
 *
 * Each row of the result is one copy of a whole vector (TypedArray.set, a memcpy) or one value
 * repeated (TypedArray.fill, a memset): on the lesson's 1008 x 1030 grid, 2 x 8 MB in about 1-2 ms of
 * CPU, about what the memory's first writes cost (an element-by-element loop took 1.5 ms for YY
 * alone, measured on one core).
 *
 * @param x - 1-D (or flattened) x coordinates, length nx.
 * @param y - 1-D (or flattened) y coordinates, length ny.
 * @param options - `{ indexing }`: "xy" (default) or "ij".
 * @returns `[XX, YY]`, each (ny, nx) ('xy') or (nx, ny) ('ij').
 * @throws ValueError "Valid values for `indexing` are 'xy' and 'ij'."
 * @example
 * ```ts
 * const [xx, yy] = np.meshgrid(np.arange(0, 1, 0.5), np.arange(0, 3));
 * xx.shape; // [3, 2]
 * ```
 */
export function meshgrid(x: ArrayLike, y: ArrayLike, options: MeshgridOptions = {}): [NDArray, NDArray] {
  checkOptions("meshgrid", options, ["indexing"]);
  const indexing = options.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const xa = asarray(x);
  const ya = asarray(y);
  const xv = xa.values();
  const yv = ya.values();
  // 'xy': rows follow y, columns x; 'ij': rows follow x, columns y
  const [rowsOf, colsOf] = indexing === "xy" ? [yv, xv] : [xv, yv];
  const rows = rowsOf.length;
  const cols = colsOf.length;
  const R = allocateOutput(indexing === "xy" ? ya.dtype : xa.dtype, rows * cols); // each row one value of rowsOf
  const C = allocateOutput(indexing === "xy" ? xa.dtype : ya.dtype, rows * cols); // each row all of colsOf
  for (let i = 0; i < rows; i++) {
    C.set(colsOf, i * cols);
    R.fill(rowsOf[i], i * cols, (i + 1) * cols);
  }
  const XX = NDArray.fromData(indexing === "xy" ? C : R, [rows, cols], xa.dtype);
  const YY = NDArray.fromData(indexing === "xy" ? R : C, [rows, cols], ya.dtype);
  return [XX, YY];
}

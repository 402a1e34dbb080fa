/**
 * Array creation: `array`, `asarray`, `zeros`, `ones`, `full`, `zeros_like`, `ones_like`,
 * `arange`, `linspace`, `meshgrid`.
 * @module
 */
import { type DType, type TypedArray, allocate, allocateOutput, castScalar, checkDType, dtypeOfScalar, promoteTypes } from "./dtype.js";
import { ValueError } from "./errors.js";
import { type ArrayLike, NDArray, shapeSize } from "./ndarray.js";
import { basicIndex } from "./indexing.js";

/** A dtype name as `np` functions accept it (`"int"` and `"float"` mean int64 and float64). */
export type DTypeLike = DType | "int" | "float";

/** A shape: one number for 1-D, or the dimensions. */
export type ShapeLike = number | readonly number[];

function toShape(shape: ShapeLike): number[] {
  const dims = typeof shape === "number" ? [shape] : shape.slice();
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer`);
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return dims;
}

function typedArrayDType(data: unknown): DType | undefined {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Uint8Array) return "uint8";
  return undefined;
}

/** Python's repr of a shape tuple, as numpy's ragged-array message prints it: "(2,)", "(2, 2)". */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function isSequence(x: unknown): x is readonly unknown[] | TypedArray | NDArray {
  return Array.isArray(x) || typedArrayDType(x) !== undefined || x instanceof NDArray;
}

/** A 0-d view as its element (a boolean for bool, as `tolist` gives it); any other view as itself. */
function item(view: NDArray, dtype: DType): unknown {
  return view.ndim > 0 ? view : dtype === "bool" ? view.item() !== 0 : view.item();
}

function children(x: readonly unknown[] | TypedArray | NDArray): readonly unknown[] {
  if (x instanceof NDArray) return x.ndim === 0 ? [x.item()] : Array.from({ length: x.shape[0] }, (_, i) => item(basicIndex(x, [i]), x.dtype));
  return Array.isArray(x) ? x : Array.from(x as TypedArray);
}

/**
 * Finds the shape and dtype of nested input level by level, as numpy does: each level must be all
 * sequences of one length, or all scalars. Otherwise numpy's "inhomogeneous shape after N
 * dimensions" error names the regular part found so far.
 */
function inspectNested(x: ArrayLike | TypedArray): { shape: number[]; dtype: DType } {
  if (x instanceof NDArray) return { shape: x.shape.slice(), dtype: x.dtype };
  const td = typedArrayDType(x);
  if (td !== undefined) return { shape: [(x as TypedArray).length], dtype: td };
  const shape: number[] = [];
  let level: readonly unknown[] = [x];
  for (;;) {
    const seqs = level.filter(isSequence);
    if (seqs.length === 0) break;
    const lists = seqs.map(children);
    if (seqs.length !== level.length || lists.some((l) => l.length !== lists[0].length)) {
      throw new ValueError(
        "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
          `${shape.length} dimensions. The detected shape was ${tupleRepr(shape)} + inhomogeneous part.`,
      );
    }
    shape.push(lists[0].length);
    level = lists.flat(1);
  }
  let dtype: DType | undefined;
  for (const v of level) {
    if (typeof v !== "number" && typeof v !== "boolean") {
      throw new TypeError(`could not convert ${v === null ? "null" : typeof v} to a number (np.array takes numbers, booleans, nested arrays, typed arrays or NDArrays)`);
    }
    const t = dtypeOfScalar(v);
    dtype = dtype === undefined ? t : promoteTypes(dtype, t);
  }
  return { shape, dtype: dtype ?? "float64" };
}

function fillNested(x: ArrayLike | TypedArray, out: TypedArray, dtype: DType, k: number): number {
  if (x instanceof NDArray) {
    const v = x.values();
    for (let i = 0; i < v.length; i++) out[k++] = castScalar(dtype, v[i]);
    return k;
  }
  if (typeof x === "number" || typeof x === "boolean") {
    out[k] = castScalar(dtype, +x);
    return k + 1;
  }
  if (!Array.isArray(x)) {
    const v = x as TypedArray;
    for (let i = 0; i < v.length; i++) out[k++] = castScalar(dtype, v[i]);
    return k;
  }
  for (const e of x) k = fillNested(e as ArrayLike, out, dtype, k);
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
  const dt = dtype === undefined ? dtypeOfScalar(value) : checkDType(dtype);
  const out = allocate(dt, shapeSize(dims));
  const v = castScalar(dt, +value);
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
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  for (const [name, v] of [["start", start], ["stop", stop], ["step", step]] as const) {
    if (typeof v !== "number") throw new TypeError(`arange: ${name} must be a number, got ${typeof v}`);
  }
  if (step === 0) throw new RangeError("division by zero");
  const dt =
    dtype === undefined ? (Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step) ? "int64" : "float64") : checkDType(dtype);
  const len = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isFinite(len)) throw new ValueError("Maximum allowed size exceeded");
  const out = allocateOutput(dt, len);
  if (len > 0) out[0] = castScalar(dt, start);
  if (len > 1) {
    const second = castScalar(dt, start + step);
    out[1] = second;
    const first = out[0];
    const delta = out[1] - first;
    for (let i = 2; i < len; i++) out[i] = first + i * delta;
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
  if (!Number.isInteger(num)) throw new TypeError(`'${num}' cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
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
  if (options.dtype === undefined) return result;
  const dt = checkDType(options.dtype);
  if (dt !== "float64" && dt !== "float32") for (let i = 0; i < num; i++) y[i] = Math.floor(y[i]);
  return result.astype(dt);
}

/**
 * Coordinate matrices from two coordinate vectors, as numpy's `np.meshgrid(x, y)` with its
 * default 'xy' indexing: both results have shape (len(y), len(x)); `XX` repeats `x` along rows,
 * `YY` repeats `y` along columns. The results are copies.
 *
 * @param x - 1-D (or flattened) x coordinates, length nx.
 * @param y - 1-D (or flattened) y coordinates, length ny.
 * @returns `[XX, YY]`, each (ny, nx).
 * @example
 * ```ts
 * const [xx, yy] = np.meshgrid(np.arange(0, 1, 0.5), np.arange(0, 3));
 * xx.shape; // [3, 2]
 * ```
 */
export function meshgrid(x: ArrayLike, y: ArrayLike): [NDArray, NDArray] {
  const xv = asarray(x).values();
  const yv = asarray(y).values();
  const xa = asarray(x);
  const ya = asarray(y);
  const nx = xv.length;
  const ny = yv.length;
  const XX = allocateOutput(xa.dtype, nx * ny);
  const YY = allocateOutput(ya.dtype, nx * ny);
  for (let i = 0; i < ny; i++) {
    XX.set(xv, i * nx);
    YY.fill(yv[i], i * nx, (i + 1) * nx);
  }
  return [NDArray.fromData(XX, [ny, nx], xa.dtype), NDArray.fromData(YY, [ny, nx], ya.dtype)];
}


/**
 * `NDArray`: numpy's ndarray on top of a scijs `ndarray` view (data, shape, stride, offset).
 *
 * The scijs view is public as `.nd`, so an array can be handed to any ndarray-* package.
 * scijs does no bounds checks and accepts stride-0 views; this class checks indices and marks
 * broadcast views read-only, so no write can go silently wrong.
 *
 * This is the class core: it imports no np function, so no np module imports it back in a cycle.
 * The chained methods (`sum`, `slice`, `tolist`, printing, the operators `add`, `dot`, ...) are
 * attached from lib/np/methods-*.ts, which lib/np/index.ts imports (lib/np/methods-attach.ts says how).
 * @module
 */
import ndarray from "ndarray";
import { type DType, type TypedArray, allocate, allocateOutput, checkDType } from "./dtype.js";
import { castValue, fromScalar } from "./convert.js";
import { nocopyStrides, reshapeDims } from "./reshape.js";
import { IndexError, ValueError, formatShape, indexError, normalizeAxis } from "./errors.js";

/** The scijs view type this library stores. */
export type NdView = ndarray.NdArray<TypedArray>;

/** Anything `np` functions accept where numpy accepts an array: an NDArray, a number, a boolean, or nested arrays. */
export type ArrayLike = NDArray | number | boolean | NestedArray;
/** Nested JavaScript arrays of numbers or booleans (typed arrays and NDArrays as rows), as `np.array` takes them. */
export type NestedArray = readonly (number | boolean | NDArray | TypedArray | NestedArray)[];

type ViewClass = new (data: TypedArray, ...dimsStridesOffset: number[]) => NdView;
/**
 * For each storage type and number of dimensions: the class of scijs's views, once checked to
 * build by position the view the public constructor builds; null where it does not.
 */
const VIEW_CLASSES = new Map<unknown, (ViewClass | null)[]>();

/**
 * The class of `view` (scijs's public constructor made it) when `new C(data, ...shape, ...stride,
 * offset)` builds the same view: same class, data, shape, stride, offset and nothing else. null
 * otherwise, for instance if a scijs version constructs its views in another way.
 */
export function positionalViewClass(view: NdView): ViewClass | null {
  const C = view.constructor as ViewClass;
  const { data, shape, stride, offset } = view;
  let copy: NdView;
  try {
    copy = new C(data, ...shape, ...stride, offset);
  } catch {
    return null;
  }
  const same = (a: readonly number[], b: readonly number[]) => Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  const keys = (v: object) => Object.keys(v).sort().join();
  const ok =
    Object.getPrototypeOf(copy) === Object.getPrototypeOf(view) && copy.data === data && same(shape, copy.shape) &&
    same(stride, copy.stride) && copy.offset === offset && keys(copy) === keys(view);
  return ok ? C : null;
}

/**
 * The view scijs's public constructor `ndarray(data, shape, stride, offset)` makes, made faster:
 * the public constructor sniffs the storage type on every call (Object.prototype.toString), about
 * 150 ns against 25 ns for the view itself, and the lesson's training loop makes tens of views per
 * iteration (measured: 1.3x its CPU time when every view goes through it). So the first view of
 * each storage type and number of dimensions comes from the public constructor, and later ones
 * from that view's own class by position, once `positionalViewClass` has checked that this builds
 * the same view; where it does not, every view of that kind goes through the public constructor.
 */
export function makeView(data: TypedArray, shape: readonly number[], stride: readonly number[], offset: number): NdView {
  const d = shape.length;
  let byDim = VIEW_CLASSES.get(data.constructor);
  if (byDim === undefined) {
    byDim = [];
    VIEW_CLASSES.set(data.constructor, byDim);
  }
  const C = byDim[d];
  if (C === undefined || C === null) {
    const view = ndarray(data, shape.slice(), stride.slice(), offset);
    if (C === undefined) byDim[d] = positionalViewClass(view);
    return view;
  }
  switch (d) {
    case 0:
      return new C(data, offset);
    case 1:
      return new C(data, shape[0], stride[0], offset);
    case 2:
      return new C(data, shape[0], shape[1], stride[0], stride[1], offset);
    case 3:
      return new C(data, shape[0], shape[1], shape[2], stride[0], stride[1], stride[2], offset);
    default:
      return new C(data, ...shape, ...stride, offset);
  }
}

/** A C-ordered view of all of `data` with the given shape (strides computed here, no arrays built). */
export function makeCView(data: TypedArray, shape: readonly number[]): NdView {
  const d = shape.length;
  const C = VIEW_CLASSES.get(data.constructor)?.[d];
  if (C) {
    if (d === 1) return new C(data, shape[0], 1, 0);
    if (d === 2) return new C(data, shape[0], shape[1], shape[1], 1, 0);
  }
  return makeView(data, shape, cStrides(shape), 0);
}

/** The product of a shape's dimensions. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order (row-major) strides for a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] || 1;
  }
  return strides;
}

/** Checks that every dimension of a requested shape is a non-negative integer. */
export function checkShape(shape: readonly number[]): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ValueError(`negative dimensions are not allowed (shape ${formatShape(shape)})`);
    }
  }
}

/** A numpy-style n-dimensional array. Create them with `np.array`, `np.zeros`, ... rather than `new`. */
export class NDArray {
  /** The scijs ndarray view holding data, shape, stride and offset. */
  readonly nd: NdView;
  /** The element type. */
  readonly dtype: DType;
  /** False for broadcast views and other views numpy marks read-only. */
  readonly writeable: boolean;

  /** Wraps a scijs view. Most users want `np.array` instead. */
  constructor(nd: NdView, dtype: DType, writeable = true) {
    this.nd = nd;
    this.dtype = dtype;
    this.writeable = writeable;
  }

  /** Wraps C-ordered storage of the given shape (no copy). */
  static fromData(data: TypedArray, shape: readonly number[], dtype: DType): NDArray {
    if (data.length !== shapeSize(shape)) {
      throw new ValueError(`cannot reshape array of size ${data.length} into shape ${formatShape(shape)}`);
    }
    return new NDArray(makeCView(data, shape), dtype);
  }

  /** A new zero-filled array. */
  static empty(shape: readonly number[], dtype: DType = "float64"): NDArray {
    checkShape(shape);
    return NDArray.fromData(allocate(dtype, shapeSize(shape)), shape, dtype);
  }

  /** The dimensions, like numpy's `.shape` tuple. */
  get shape(): readonly number[] {
    return this.nd.shape;
  }

  /** The number of dimensions. */
  get ndim(): number {
    return this.nd.shape.length;
  }

  /** The number of elements. */
  get size(): number {
    return shapeSize(this.nd.shape);
  }

  /** Element strides (in elements, not bytes as numpy's `.strides`). */
  get strides(): readonly number[] {
    return this.nd.stride;
  }

  /** The transpose (a view), like numpy's `.T`. */
  get T(): NDArray {
    return this.transpose();
  }

  /** True when the elements lie in C order in `nd.data` from `nd.offset` on, with no gaps. */
  get isCContiguous(): boolean {
    const { shape, stride } = this.nd;
    let expected = 1;
    for (let i = shape.length - 1; i >= 0; i--) {
      if (shape[i] !== 1 && stride[i] !== expected) return false;
      expected *= shape[i];
    }
    return true;
  }

  /**
   * The elements in C order as a typed array. When the array is C-contiguous and spans all of its
   * storage this is the storage itself (no copy): treat it as read-only unless you own the array.
   */
  values(): TypedArray {
    const { data, offset } = this.nd;
    const n = this.size;
    if (this.isCContiguous) {
      return offset === 0 && data.length === n ? data : (data.subarray(offset, offset + n) as TypedArray);
    }
    // Gather in C order: one strided run along the last axis per step of an odometer.
    const out = allocateOutput(this.dtype, n);
    const { shape, stride } = this.nd;
    const nd = shape.length;
    const inner = shape[nd - 1];
    const s = stride[nd - 1];
    const idx = new Array<number>(nd).fill(0);
    let o = offset;
    for (let k = 0; k < n; k += inner) {
      for (let i = 0; i < inner; i++) out[k + i] = data[o + i * s];
      for (let d = nd - 2; d >= 0; d--) {
        o += stride[d];
        if (++idx[d] < shape[d]) break;
        o -= stride[d] * shape[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** Calls `f` with the storage offset of each element, in C order. */
  forEachOffset(f: (offset: number) => void): void {
    const { shape, stride, offset } = this.nd;
    const nd = shape.length;
    if (this.size === 0) return;
    if (nd === 0) {
      f(offset);
      return;
    }
    const idx = new Array<number>(nd).fill(0);
    let o = offset;
    const last = nd - 1;
    const n0 = shape[last];
    const s0 = stride[last];
    for (;;) {
      for (let i = 0; i < n0; i++) f(o + i * s0);
      let d = last - 1;
      while (d >= 0) {
        idx[d]++;
        o += stride[d];
        if (idx[d] < shape[d]) break;
        o -= stride[d] * shape[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) return;
    }
  }

  private storageOffset(index: readonly number[]): number {
    const { shape, stride, offset } = this.nd;
    if (index.length !== shape.length) {
      throw new IndexError(`expected ${shape.length} indices for array of shape ${formatShape(shape)}, got ${index.length}`);
    }
    let o = offset;
    for (let d = 0; d < index.length; d++) {
      let i = index[d];
      if (!Number.isInteger(i)) throw new IndexError(`only integers are valid indices, got ${i}`);
      if (i < -shape[d] || i >= shape[d]) throw indexError(i, d, shape[d]);
      if (i < 0) i += shape[d];
      o += i * stride[d];
    }
    return o;
  }

  /** One element, `a.get(i, j)` for numpy's `a[i, j]`; negative indices count from the end. */
  get(...index: number[]): number {
    return this.nd.data[this.storageOffset(index)];
  }

  /** Sets one element, `a.set(i, j, value)` for numpy's `a[i, j] = value`. */
  set(...args: (number | boolean)[]): void {
    if (!this.writeable) throw new ValueError("assignment destination is read-only");
    const value = args.pop() as unknown;
    if (typeof value !== "number" && typeof value !== "boolean") {
      throw new TypeError(`set(...index, value): the value must be a number or a boolean, got ${value === undefined ? "undefined" : typeof value}`);
    }
    this.nd.data[this.storageOffset(args as number[])] = fromScalar(this.dtype, value);
  }

  /** The only element of a size-1 array, as numpy's `.item()`. */
  item(): number {
    if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    return this.values()[0];
  }

  /** A C-ordered copy, as numpy's `.copy()`. */
  copy(): NDArray {
    const out = allocateOutput(this.dtype, this.size);
    out.set(this.values());
    return NDArray.fromData(out, this.shape, this.dtype);
  }

  /** A copy converted to `dtype` (truncation toward zero for float → int, as numpy). */
  astype(dtype: DType | "int" | "float" | { readonly dtype: DType | "int" | "float" }): NDArray {
    const to = checkDType(dtype);
    const src = this.values();
    const out = allocateOutput(to, src.length);
    const from = this.dtype;
    // A plain copy is exact when the target holds every value of the source (a widening cast).
    const small = from === "bool" || from === "uint8";
    const widening =
      to === from || to === "float64" || to === "float32" || (to === "int64" && (small || from === "int32")) || (to === "int32" && small);
    if (widening) out.set(src);
    else for (let i = 0; i < src.length; i++) out[i] = castValue(from, to, src[i]);
    return NDArray.fromData(out, this.shape, to);
  }

  /** A new shape for the same elements: a view wherever numpy gives one (numpy's no-copy rule), else a copy. One dimension may be -1. */
  reshape(...shape: number[] | [readonly number[]]): NDArray {
    const req = (Array.isArray(shape[0]) ? shape[0] : shape) as readonly unknown[];
    const dims = reshapeDims(req, this.size);
    const strides = this.isCContiguous ? cStrides(dims) : nocopyStrides(this.nd.shape, this.nd.stride, dims);
    if (strides !== null) return new NDArray(makeView(this.nd.data, dims, strides, this.nd.offset), this.dtype, this.writeable);
    return NDArray.fromData(this.values(), dims, this.dtype);
  }

  /** The elements as 1-D, as numpy's `ravel`: a view when C-contiguous, else a copy (as numpy's order='C'). */
  ravel(): NDArray {
    // not contiguous: values() gathers into fresh storage, which is the copy (no second one)
    return this.isCContiguous ? this.reshape(this.size) : NDArray.fromData(this.values(), [this.size], this.dtype);
  }

  /** A copy as 1-D, as numpy's `flatten`. */
  flatten(): NDArray {
    return this.copy().reshape(this.size);
  }

  /** Permutes the axes (a view); with no arguments reverses them, as numpy's `transpose`. */
  transpose(...axes: number[]): NDArray {
    const nd = this.ndim;
    const { shape, stride } = this.nd;
    if (axes.length === 0 && nd === 2) {
      // the common `.T` of a matrix, without building index arrays
      return new NDArray(makeView(this.nd.data, [shape[1], shape[0]], [stride[1], stride[0]], this.nd.offset), this.dtype, this.writeable);
    }
    let order: number[];
    if (axes.length === 0) order = Array.from({ length: nd }, (_, i) => nd - 1 - i);
    else {
      if (axes.length !== nd) throw new ValueError("axes don't match array");
      order = axes.map((a) => normalizeAxis(a, nd));
      if (new Set(order).size !== nd) throw new ValueError("repeated axis in transpose");
    }
    return new NDArray(makeView(this.nd.data, order.map((i) => shape[i]), order.map((i) => stride[i]), this.nd.offset), this.dtype, this.writeable);
  }
}

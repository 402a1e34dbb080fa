/**
 * Reductions `sum`, `mean`, `max`, `min`, `prod`, `argmax`, `argmin`, all through one axis/keepdims
 * helper (`reduce`), as numpy runs them all through one reduction routine.
 *
 * Without an axis the result is a JavaScript number (numpy's scalar); with one it is an NDArray.
 * `sum` adds contiguous runs with numpy's pairwise summation, so totals match numpy's bit for bit.
 * @module
 */
import { type DType, type TypedArray, allocateOutput, checkDType, isFloat, sumType } from "./dtype.js";
import { TWO53, castValue, wrapInt } from "./convert.js";
import { ValueError, emptyReductionError, normalizeAxis, pyTypeName } from "./errors.js";
import { checkOptions } from "./options.js";
import type { DTypeLike } from "./creation.js";
import type { Data } from "./kernels.js";
import { type ArrayLike, NDArray, shapeSize } from "./ndarray.js";
import { asarray } from "./creation.js";

/** numpy's keyword arguments of a reduction. */
export interface ReduceOptions {
  /**
   * The dtype to compute in and return (sum, mean and prod, as numpy's `dtype=`): the input is cast
   * to it first; integer results wrap (`np.sum(uint8s, { dtype: "uint8" })` is the sum modulo 256).
   */
  dtype?: DTypeLike;
  /** The axis or axes to reduce; `null` or omitted reduces all of them. Negative counts from the end. */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as length-1 dimensions, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Options that make a reduction return an array: an axis, or keepdims. */
export type ArrayReduceOptions = { axis: number | readonly number[]; keepdims?: boolean } | { axis?: null; keepdims: true };
/** Options that make a reduction return a number: no axis, no keepdims. */
export type ScalarReduceOptions = { axis?: null; keepdims?: false };

/** numpy's pairwise summation of n elements from a[o] with stride s (blocks of 128, 8 accumulators). */
export function pairwiseSum(a: Data, o: number, n: number, s: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[o + i * s];
    return res;
  }
  if (n <= 128) {
    let r0 = a[o], r1 = a[o + s], r2 = a[o + 2 * s], r3 = a[o + 3 * s];
    let r4 = a[o + 4 * s], r5 = a[o + 5 * s], r6 = a[o + 6 * s], r7 = a[o + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = o + i * s;
      r0 += a[p];
      r1 += a[p + s];
      r2 += a[p + 2 * s];
      r3 += a[p + 3 * s];
      r4 += a[p + 4 * s];
      r5 += a[p + 5 * s];
      r6 += a[p + 6 * s];
      r7 += a[p + 7 * s];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[o + i * s];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, o, n2, s) + pairwiseSum(a, o + n2 * s, n - n2, s);
}

/** `pairwiseSum` in float32, as numpy's float32 loop: every addition rounded to float32 (Math.fround). */
export function pairwiseSum32(a: Data, o: number, n: number, s: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + a[o + i * s]);
    return res;
  }
  if (n <= 128) {
    let r0 = a[o], r1 = a[o + s], r2 = a[o + 2 * s], r3 = a[o + 3 * s];
    let r4 = a[o + 4 * s], r5 = a[o + 5 * s], r6 = a[o + 6 * s], r7 = a[o + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = o + i * s;
      r0 = f(r0 + a[p]);
      r1 = f(r1 + a[p + s]);
      r2 = f(r2 + a[p + 2 * s]);
      r3 = f(r3 + a[p + 3 * s]);
      r4 = f(r4 + a[p + 4 * s]);
      r5 = f(r5 + a[p + 5 * s]);
      r6 = f(r6 + a[p + 6 * s]);
      r7 = f(r7 + a[p + 7 * s]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + a[o + i * s]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSum32(a, o, n2, s) + pairwiseSum32(a, o + n2 * s, n - n2, s));
}

/**
 * One reduction: reduces `n` elements from `a[o]` with stride `s`. `pairwise` says whether the
 * run is one of numpy's contiguous inner loops (sum then adds pairwise, as numpy does).
 */
interface Reducer {
  readonly name: string;
  /** numpy's name of the operation in "zero-size array to reduction operation maximum ...". */
  readonly opName: string;
  readonly emptyOk: boolean;
  readonly outType: (t: DType) => DType;
  readonly run: (a: Data, o: number, n: number, s: number, pairwise: boolean) => number;
  /**
   * Reduces n gathered elements made of runs of `runLength` along the array's last axis (numpy
   * adds each run pairwise, then the run totals one after another). Only sum and mean care.
   */
  readonly runs?: (a: Data, n: number, runLength: number) => number;
}

function sequentialSum(a: Data, o: number, n: number, s: number): number {
  let r = 0;
  for (let i = 0; i < n; i++) r += a[o + i * s];
  return r;
}

function sumOfRuns(a: Data, n: number, runLength: number): number {
  let res = 0;
  for (let o = 0; o < n; o += runLength) res += pairwiseSum(a, o, runLength, 1);
  return res;
}

const SUM: Reducer = {
  name: "sum",
  opName: "add",
  emptyOk: true,
  outType: sumType,
  run: (a, o, n, s, pairwise) => (pairwise ? pairwiseSum(a, o, n, s) : sequentialSum(a, o, n, s)),
  runs: sumOfRuns,
};

function sequentialSum32(a: Data, o: number, n: number, s: number): number {
  let r = 0;
  for (let i = 0; i < n; i++) r = Math.fround(r + a[o + i * s]);
  return r;
}

function sumOfRuns32(a: Data, n: number, runLength: number): number {
  let res = 0;
  for (let o = 0; o < n; o += runLength) res = Math.fround(res + pairwiseSum32(a, o, runLength, 1));
  return res;
}

/** float32 sums: numpy's order, each addition rounded to float32. */
const SUM32: Reducer = {
  name: "sum",
  opName: "add",
  emptyOk: true,
  outType: sumType,
  run: (a, o, n, s, pairwise) => (pairwise ? pairwiseSum32(a, o, n, s) : sequentialSum32(a, o, n, s)),
  runs: sumOfRuns32,
};

const MEAN32: Reducer = {
  name: "mean",
  opName: "add",
  emptyOk: true,
  outType: () => "float32",
  run: (a, o, n, s, pairwise) => Math.fround((pairwise ? pairwiseSum32(a, o, n, s) : sequentialSum32(a, o, n, s)) / n),
  runs: (a, n, runLength) => Math.fround(sumOfRuns32(a, n, runLength) / n),
};

/** Integer sums in int64, exact (BigInt once a partial sum leaves the doubles' exact range) and wrapped as numpy's. */
function intSum(a: Data, o: number, n: number, s: number): number {
  let r = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const v = a[o + i * s];
    r += v;
    if (v > largest) largest = v;
    else if (-v > largest) largest = -v;
  }
  if (largest * n < TWO53) return r + 0;
  let big = 0n;
  for (let i = 0; i < n; i++) big += BigInt(a[o + i * s]);
  return Number(BigInt.asIntN(64, big));
}

/** Integer products in int64, wrapping as numpy's (no −0). */
function intProd(a: Data, o: number, n: number, s: number): number {
  let r = 1;
  for (let i = 0; i < n; i++) {
    const next = r * a[o + i * s];
    if (!(next > -TWO53 && next < TWO53)) {
      let big = BigInt(r);
      for (let j = i; j < n; j++) big = BigInt.asIntN(64, big * BigInt(a[o + j * s]));
      return Number(big);
    }
    r = next;
  }
  return r + 0;
}

/** float32 products, each multiplication rounded to float32 as numpy's float32 loop. */
const PROD32: Reducer = {
  name: "prod",
  opName: "multiply",
  emptyOk: true,
  outType: sumType,
  run: (a, o, n, s) => {
    let r = 1;
    for (let i = 0; i < n; i++) r = Math.fround(r * a[o + i * s]);
    return r;
  },
};

const SUM_INT: Reducer = {
  name: "sum",
  opName: "add",
  emptyOk: true,
  outType: sumType,
  run: intSum,
  runs: (a, n) => intSum(a, 0, n, 1),
};

const PROD_INT: Reducer = {
  name: "prod",
  opName: "multiply",
  emptyOk: true,
  outType: sumType,
  run: intProd,
};

const MEAN: Reducer = {
  name: "mean",
  opName: "add",
  emptyOk: true,
  outType: (t) => (t === "float32" ? "float32" : "float64"),
  run: (a, o, n, s, pairwise) => (pairwise ? pairwiseSum(a, o, n, s) : sequentialSum(a, o, n, s)) / n,
  runs: (a, n, runLength) => sumOfRuns(a, n, runLength) / n,
};

const PROD: Reducer = {
  name: "prod",
  opName: "multiply",
  emptyOk: true,
  outType: sumType,
  run: (a, o, n, s) => {
    let r = 1;
    for (let i = 0; i < n; i++) r *= a[o + i * s];
    return r;
  },
};

const MAX: Reducer = {
  name: "max",
  opName: "maximum",
  emptyOk: false,
  outType: (t) => t,
  run: (a, o, n, s) => {
    let r = a[o];
    for (let i = 1; i < n; i++) {
      const v = a[o + i * s];
      if (v >= r || v !== v) {
        r = v; // on a tie (0 and -0) the later one, as numpy
        if (v !== v) return v;
      }
    }
    return r;
  },
};

const MIN: Reducer = {
  name: "min",
  opName: "minimum",
  emptyOk: false,
  outType: (t) => t,
  run: (a, o, n, s) => {
    let r = a[o];
    for (let i = 1; i < n; i++) {
      const v = a[o + i * s];
      if (v <= r || v !== v) {
        r = v;
        if (v !== v) return v;
      }
    }
    return r;
  },
};

/** argmax/argmin: the first index of the extreme value; the first NaN wins, as numpy. */
function argReducer(name: "argmax" | "argmin"): Reducer {
  const sign = name === "argmax" ? 1 : -1; // argmin is argmax of the negated values
  return {
    name,
    opName: name,
    emptyOk: false,
    outType: () => "int64",
    run: (a, o, n, s) => {
      let r = sign * a[o];
      if (r !== r) return 0;
      let best = 0;
      for (let i = 1; i < n; i++) {
        const v = sign * a[o + i * s];
        if (v > r) {
          r = v;
          best = i;
        } else if (v !== v) return i;
      }
      return best;
    },
  };
}

const ARGMAX = argReducer("argmax");
const ARGMIN = argReducer("argmin");

/**
 * Reduces axis `ax` of a C-contiguous array seen as (outer, n, inner) with inner > 1, the way
 * numpy's loop does it: row by row, each output row combined with the next input row (for sum,
 * the same additions in the same order as numpy's). Returns false for reducers it does not cover.
 */
function reduceRows(r: Reducer, a: Data, offset: number, outer: number, n: number, inner: number, out: TypedArray): boolean {
  if (r === SUM || r === MEAN || r === SUM32 || r === MEAN32) sumRows(a, offset, outer, n, inner, out, r === MEAN || r === MEAN32 ? n : 1);
  else if (r === PROD || r === PROD32) prodRows(a, offset, outer, n, inner, out);
  else if (r === MAX || r === MIN) extremeRows(a, offset, outer, n, inner, out, r === MAX ? 1 : -1);
  else return false;
  return true;
}

function sumRows(a: Data, offset: number, outer: number, n: number, inner: number, out: TypedArray, divisor: number): void {
  for (let o = 0; o < outer; o++) {
    const base = offset + o * n * inner;
    const ob = o * inner;
    for (let j = 0; j < inner; j++) out[ob + j] = 0 + a[base + j];
    for (let p = 1; p < n; p++) {
      const row = base + p * inner;
      for (let j = 0; j < inner; j++) out[ob + j] += a[row + j];
    }
    if (divisor !== 1) for (let j = 0; j < inner; j++) out[ob + j] /= divisor;
  }
}

function prodRows(a: Data, offset: number, outer: number, n: number, inner: number, out: TypedArray): void {
  for (let o = 0; o < outer; o++) {
    const base = offset + o * n * inner;
    const ob = o * inner;
    for (let j = 0; j < inner; j++) out[ob + j] = a[base + j];
    for (let p = 1; p < n; p++) {
      const row = base + p * inner;
      for (let j = 0; j < inner; j++) out[ob + j] *= a[row + j];
    }
  }
}

/** max (sign 1) or min (sign -1) row by row; a NaN, once met, stays. */
function extremeRows(a: Data, offset: number, outer: number, n: number, inner: number, out: TypedArray, sign: number): void {
  for (let o = 0; o < outer; o++) {
    const base = offset + o * n * inner;
    const ob = o * inner;
    for (let j = 0; j < inner; j++) out[ob + j] = a[base + j];
    for (let p = 1; p < n; p++) {
      const row = base + p * inner;
      for (let j = 0; j < inner; j++) {
        const acc = out[ob + j];
        const v = a[row + j];
        if (sign * v >= sign * acc || (v !== v && acc === acc)) out[ob + j] = v;
      }
    }
  }
}

/** The axes to reduce, normalised and checked. */
function reducedAxes(axis: ReduceOptions["axis"], ndim: number, forMean = false): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  // numpy's ufunc reductions let a 0-d array be reduced along axis 0 or -1 (given as a number); mean does not
  if (ndim === 0 && (axis === 0 || axis === -1) && !forMean) return [];
  if (typeof axis !== "number" && !Array.isArray(axis)) throw new TypeError(`'${pyTypeName(axis)}' object cannot be interpreted as an integer`);
  const list = typeof axis === "number" ? [axis] : axis;
  const axes = list.map((ax) => normalizeAxis(ax, ndim));
  if (new Set(axes).size !== axes.length) throw new ValueError("duplicate value in 'axis'");
  return axes;
}

/**
 * The one reduction helper: reduces `a` over the chosen axes with `r`, honouring keepdims.
 * Returns a number when no axis is given and keepdims is false, else an NDArray.
 */
function reduce(r: Reducer, x: ArrayLike, options: ReduceOptions = {}): number | NDArray {
  if (x === undefined) throw new TypeError(`${r.name}() missing 1 required positional argument: 'a'`);
  const a = asarray(x);
  r = a.dtype === "float32" ? (r === SUM ? SUM32 : r === MEAN ? MEAN32 : r === PROD ? PROD32 : r) : isFloat(a.dtype) ? r : r === SUM ? SUM_INT : r === PROD ? PROD_INT : r;
  // The common case first: everything of a contiguous array into one number (one pairwise run).
  if ((options.axis === undefined || options.axis === null) && !options.keepdims && a.size > 0 && a.isCContiguous) {
    const v = r.run(a.nd.data, a.nd.offset, a.size, 1, true);
    return r.outType(a.dtype) === "float32" ? Math.fround(v) : v;
  }
  const shape = a.nd.shape;
  const nd = shape.length;
  if ((r === ARGMAX || r === ARGMIN) && options.axis !== undefined && options.axis !== null && typeof options.axis !== "number") {
    throw new TypeError(`'${Array.isArray(options.axis) ? "list" : typeof options.axis}' object cannot be interpreted as an integer`);
  }
  const axes = reducedAxes(options.axis, nd, r === MEAN || r === MEAN32);
  const isArg = r === ARGMAX || r === ARGMIN;
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  // argmax/argmin without an axis index the flattened (C-order) array.
  const source = isArg && axes.length > 1 ? a.ravel() : a;
  const src = source.nd;
  const redAxes = isArg && axes.length > 1 ? [0] : [...axes].sort((x, y) => x - y);
  const keptAxes = isArg && axes.length > 1 ? [] : kept;
  const count = shapeSize(redAxes.map((i) => src.shape[i]));
  const outShape = keptAxes.map((i) => src.shape[i]);
  const outSize = shapeSize(outShape);
  if (count === 0 && !r.emptyOk) {
    if (isArg) throw new ValueError(`attempt to get ${r.name} of an empty sequence`);
    throw emptyReductionError(r.opName);
  }
  const dt = r.outType(a.dtype);
  const out = allocateOutput(dt, outSize);
  // One axis of a contiguous array with contiguous axes after it: numpy's row-by-row loop.
  if (!isArg && redAxes.length === 1 && count > 0 && a.isCContiguous && redAxes[0] < nd - 1) {
    const ax = redAxes[0];
    const inner = shapeSize(shape.slice(ax + 1));
    if (inner > 1 && reduceRows(r, a.nd.data, a.nd.offset, shapeSize(shape.slice(0, ax)), shape[ax], inner, out)) {
      const finalShape = options.keepdims ? shape.map((d, i) => (i === ax ? 1 : d)) : outShape;
      return NDArray.fromData(out, finalShape, dt);
    }
  }
  // One run per output element: the reduced axes as one strided run when they collapse to one
  // (always for a single axis), else gathered into a scratch buffer in C order.
  const single = redAxes.length === 1;
  const runStride = single ? src.stride[redAxes[0]] : 1;
  // numpy's inner loop runs along the axis of smallest stride: when that is the reduced axis, sum adds pairwise along it
  const contiguousRun = single ? runStride === 1 || innermost(src.shape, src.stride, redAxes[0]) : runsAreContiguous(src.shape, src.stride, redAxes);
  const scratch = single || contiguousRun ? null : new Float64Array(count);
  const last = src.shape.length - 1;
  const runLength = redAxes.includes(last) && src.stride[last] === 1 ? src.shape[last] : 1;
  const keptShape = keptAxes.map((i) => src.shape[i]);
  const keptStride = keptAxes.map((i) => src.stride[i]);
  const redShape = redAxes.map((i) => src.shape[i]);
  const redStride = redAxes.map((i) => src.stride[i]);
  const idx = new Array<number>(keptAxes.length).fill(0);
  let o = src.offset;
  for (let k = 0; k < outSize; k++) {
    if (scratch !== null) {
      gather(src.data, o, redShape, redStride, scratch);
      out[k] = r.runs ? r.runs(scratch, count, runLength) : r.run(scratch, 0, count, 1, false);
    } else {
      out[k] = r.run(src.data, o, count, runStride, contiguousRun);
    }
    for (let d = keptAxes.length - 1; d >= 0; d--) {
      o += keptStride[d];
      if (++idx[d] < keptShape[d]) break;
      o -= keptStride[d] * keptShape[d];
      idx[d] = 0;
    }
  }
  const noAxis = options.axis === undefined || options.axis === null;
  if (noAxis && !options.keepdims) return out[0];
  const finalShape = options.keepdims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : outShape;
  return NDArray.fromData(out, finalShape, dt);
}

/**
 * numpy's `dtype=` of sum/mean/prod: the input cast to `dtype`, reduced, and the result in `dtype`
 * (integer sums wrap; an integer mean is the wrapped sum divided, then truncated).
 */
function reduceAs(r: Reducer, x: ArrayLike, options: ReduceOptions): number | NDArray {
  const dt = checkDType(options.dtype);
  const { dtype: _, ...rest } = options;
  const a = asarray(x).astype(dt);
  if (r === MEAN) reducedAxes(options.axis, a.ndim, true); // mean's own axis rule
  if (isFloat(dt)) return reduce(r, a, rest);
  const total = reduce(r === MEAN ? SUM : r, a, rest);
  const n = r === MEAN ? a.size / (typeof total === "number" ? 1 : total.size) : 1;
  const finishOne = (v: number) => (r === MEAN ? castValue("float64", dt, wrapInt(dt, v) / n) : wrapInt(dt, v));
  if (typeof total === "number") return finishOne(total);
  const v = total.values();
  const out = allocateOutput(dt, v.length);
  for (let i = 0; i < v.length; i++) out[i] = finishOne(v[i]);
  return NDArray.fromData(out, total.shape, dt);
}

/** True when axis `ax` has the smallest stride of the array's axes longer than 1 (numpy's iterator makes it the inner loop). */
function innermost(shape: readonly number[], stride: readonly number[], ax: number): boolean {
  const s = Math.abs(stride[ax]);
  return shape.every((d, i) => i === ax || d <= 1 || Math.abs(stride[i]) > s);
}

/** True when the reduced axes are the trailing axes of a C-contiguous block (one pairwise run). */
function runsAreContiguous(shape: readonly number[], stride: readonly number[], axes: readonly number[]): boolean {
  const sorted = [...axes].sort((x, y) => x - y);
  let expected = 1;
  for (let j = sorted.length - 1; j >= 0; j--) {
    const ax = sorted[j];
    if (ax !== shape.length - (sorted.length - j)) return false;
    if (shape[ax] !== 1 && stride[ax] !== expected) return false;
    expected *= shape[ax];
  }
  return true;
}

function gather(data: Data, o: number, shape: readonly number[], stride: readonly number[], out: Float64Array): void {
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < out.length; k++) {
    out[k] = data[o];
    for (let d = nd - 1; d >= 0; d--) {
      o += stride[d];
      if (++idx[d] < shape[d]) break;
      o -= stride[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/**
 * Sum of elements, as numpy's `np.sum`, with numpy's pairwise summation.
 * @param a - any array.
 * @param options - `{ axis, keepdims }`: axis a number, a list of numbers, or null (all).
 * @returns a number without axis/keepdims, else an array (ints and bools sum to int64).
 * @throws AxisError "axis 2 is out of bounds for array of dimension 2"; ValueError "duplicate value in 'axis'".
 * @example
 * ```ts
 * np.sum(dZ1);                                   // a number (the lesson's db1)
 * np.sum(dZ1, { axis: 1, keepdims: true });      // (4, 1)
 * ```
 */
export function sum(a: ArrayLike, options?: ScalarReduceOptions): number;
export function sum(a: ArrayLike, options: ArrayReduceOptions): NDArray;
export function sum(a: ArrayLike, options?: ReduceOptions): number | NDArray;
export function sum(a: ArrayLike, options?: ReduceOptions): number | NDArray {
  checkOptions("sum", options, ["axis", "keepdims", "dtype"]);
  return options?.dtype === undefined ? reduce(SUM, a, options) : reduceAs(SUM, a, options);
}

/**
 * Arithmetic mean, as numpy's `np.mean` (the sum divided by the count; NaN for an empty array).
 * @param a - any array.
 * @param options - `{ axis, keepdims }`.
 * @returns a number without axis/keepdims, else a float array.
 */
export function mean(a: ArrayLike, options?: ScalarReduceOptions): number;
export function mean(a: ArrayLike, options: ArrayReduceOptions): NDArray;
export function mean(a: ArrayLike, options?: ReduceOptions): number | NDArray;
export function mean(a: ArrayLike, options?: ReduceOptions): number | NDArray {
  checkOptions("mean", options, ["axis", "keepdims", "dtype"]);
  return options?.dtype === undefined ? reduce(MEAN, a, options) : reduceAs(MEAN, a, options);
}

/**
 * Largest element, as numpy's `np.max` (NaN propagates).
 * @param a - any array.
 * @param options - `{ axis, keepdims }`.
 * @throws ValueError "zero-size array to reduction operation maximum which has no identity".
 * @example
 * ```ts
 * const xMax = np.max(X.slice(0, null)) + 1;
 * ```
 */
export function max(a: ArrayLike, options?: ScalarReduceOptions): number;
export function max(a: ArrayLike, options: ArrayReduceOptions): NDArray;
export function max(a: ArrayLike, options?: ReduceOptions): number | NDArray;
export function max(a: ArrayLike, options?: ReduceOptions): number | NDArray {
  checkOptions("max", options, ["axis", "keepdims"]);
  return reduce(MAX, a, options);
}

/**
 * Smallest element, as numpy's `np.min` (NaN propagates).
 * @throws ValueError "zero-size array to reduction operation minimum which has no identity".
 */
export function min(a: ArrayLike, options?: ScalarReduceOptions): number;
export function min(a: ArrayLike, options: ArrayReduceOptions): NDArray;
export function min(a: ArrayLike, options?: ReduceOptions): number | NDArray;
export function min(a: ArrayLike, options?: ReduceOptions): number | NDArray {
  checkOptions("min", options, ["axis", "keepdims"]);
  return reduce(MIN, a, options);
}

/** Product of elements, as numpy's `np.prod` (1 for an empty array; ints and bools give int64). */
export function prod(a: ArrayLike, options?: ScalarReduceOptions): number;
export function prod(a: ArrayLike, options: ArrayReduceOptions): NDArray;
export function prod(a: ArrayLike, options?: ReduceOptions): number | NDArray;
export function prod(a: ArrayLike, options?: ReduceOptions): number | NDArray {
  checkOptions("prod", options, ["axis", "keepdims", "dtype"]);
  return options?.dtype === undefined ? reduce(PROD, a, options) : reduceAs(PROD, a, options);
}

/** Options of argmax/argmin: one axis (numpy takes no list here). */
export type ArgOptions = { axis?: number | null; keepdims?: boolean };

/**
 * Index of the largest element (the first one; the first NaN if any), as numpy's `np.argmax`.
 * Without an axis, the index into the flattened array.
 * @returns a number without axis, else an int64 array.
 * @throws ValueError "attempt to get argmax of an empty sequence".
 */
export function argmax(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function argmax(a: ArrayLike, options: { axis: number; keepdims?: boolean } | { axis?: null; keepdims: true }): NDArray;
export function argmax(a: ArrayLike, options?: ArgOptions): number | NDArray;
export function argmax(a: ArrayLike, options?: ArgOptions): number | NDArray {
  checkOptions("argmax", options, ["axis", "keepdims"]);
  return reduce(ARGMAX, a, options);
}

/**
 * Index of the smallest element (the first one; the first NaN if any), as numpy's `np.argmin`.
 * @throws ValueError "attempt to get argmin of an empty sequence".
 */
export function argmin(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function argmin(a: ArrayLike, options: { axis: number; keepdims?: boolean } | { axis?: null; keepdims: true }): NDArray;
export function argmin(a: ArrayLike, options?: ArgOptions): number | NDArray;
export function argmin(a: ArrayLike, options?: ArgOptions): number | NDArray {
  checkOptions("argmin", options, ["axis", "keepdims"]);
  return reduce(ARGMIN, a, options);
}

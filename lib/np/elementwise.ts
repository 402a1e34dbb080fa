/**
 * Elementwise binary ops with numpy's broadcasting and a JavaScript number on either side: `add`,
 * `subtract`, `multiply`, `divide`, `power`, `maximum`, `minimum`, the comparisons, and `where`.
 *
 * Every public function is one line into `binary`, which checks the operands once, picks the
 * result dtype by numpy's rules (NEP 50: a JavaScript number is a "weak" scalar that takes the
 * array's dtype), and runs the op's loops from kernels.ts on one of four paths: same-shape
 * contiguous, scalar right, scalar left, or the general broadcast, one row at a time (a row of
 * (n,m) against one value of (n,1), or against the shared row of (1,m), runs the unit-stride loops).
 * @module
 */
import { type DType, type TypedArray, allocateOutput, checkWeakInt, divideType, dtypeOfScalar, isFloat, isInteger, promoteTypes, promoteWithScalar } from "./dtype.js";
import { ValueError, boolOperatorError } from "./errors.js";
import { add64, mul64, pow32, pow64, powU8, sub64 } from "./intmath.js";
import { checkSize } from "./options.js";
import { type BinaryKernels, compileBinary, storageId } from "./kernels.js";
import { type ArrayLike, NDArray, type NdView, makeCView, shapeSize } from "./ndarray.js";
import { asarray } from "./creation.js";
import { broadcastShapes, broadcastStrides } from "./shape.js";
import { BinaryMode, parallelBinary } from "./parallel/ops.js";

/** How an op's result dtype follows from the operands' common dtype. */
type ResultRule = "same" | "divide" | "bool";

/** One binary op: its expression, its loops and its dtype rule. */
export interface BinaryOp {
  readonly name: string;
  readonly expr: string;
  /** The op's loops, compiled once per combination of storage types (see `kernelsFor`). */
  readonly kernels: (BinaryKernels | undefined)[];
  readonly result: ResultRule;
  /** Comparisons accept any Python int (numpy 2 compares out-of-range ints without error). */
  readonly comparison: boolean;
  /** Helper functions the expression calls (intmath.ts). */
  readonly fns: Record<string, (x: number, y: number) => number>;
}

function op(name: string, expr: string, result: ResultRule = "same", fns: Record<string, (x: number, y: number) => number> = {}): BinaryOp {
  return { name, expr, kernels: [], result, comparison: result === "bool", fns };
}

/**
 * The loops of `op` for these storage types. Each combination (float64 * float64, uint8 *
 * float64, ...) gets its own compiled copy, so that every loop V8 sees reads and writes one kind
 * of typed array (a loop shared by several kinds checks the kind at every element).
 */
function kernelsFor(op: BinaryOp, a: TypedArray, b: TypedArray, out: TypedArray): BinaryKernels {
  const key = storageId(a) * 16 + storageId(b) * 4 + storageId(out);
  let k = op.kernels[key];
  if (k === undefined) {
    k = compileBinary(op.name, op.expr, op.fns);
    op.kernels[key] = k;
  }
  return k;
}

/** The op table: each op's expression in `x` (left) and `y` (right). */
export const OPS = {
  add: op("add", "x + y"),
  subtract: op("subtract", "x - y"),
  multiply: op("multiply", "x * y"),
  divide: op("divide", "x / y", "divide"),
  // C's pow gives 1 for 1**y and (-1)**(+-inf), where JavaScript's Math.pow gives NaN
  power: op("power", "(x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) ? 1 : Math.pow(x, y)"),
  // equal operands (0 and -0) give the second, as numpy's loops
  maximum: op("maximum", "(x > y || x !== x) ? x : y"),
  minimum: op("minimum", "(x < y || x !== x) ? x : y"),
  greater: op("greater", "x > y ? 1 : 0", "bool"),
  greater_equal: op("greater_equal", "x >= y ? 1 : 0", "bool"),
  less: op("less", "x < y ? 1 : 0", "bool"),
  less_equal: op("less_equal", "x <= y ? 1 : 0", "bool"),
  equal: op("equal", "x === y ? 1 : 0", "bool"),
  not_equal: op("not_equal", "x !== y ? 1 : 0", "bool"),
} as const;

/** `x ** 2` is exactly `x * x` (one correctly rounded product) and far faster than Math.pow. */
const SQUARE = op("power_square", "x * x");
/** numpy computes `x ** 0.5` for a scalar 0.5 as a square root (so (-0) ** 0.5 is -0 and (-inf) ** 0.5 NaN). */
const SQRT = op("power_sqrt", "Math.sqrt(x)");

/** The loop for `x op s` with a number s on the right of a float array: power by 2 or 0.5 as SQUARE or SQRT. */
function floatScalarRight(op: BinaryOp, s: number): BinaryOp {
  return op !== OPS.power ? op : s === 2 ? SQUARE : s === 0.5 ? SQRT : op;
}

/**
 * The integer loops that wrap as numpy's: an op whose result dtype is listed here runs this
 * expression instead (int32 and uint8 sums and differences are exact in a double and wrap on the
 * typed array's store; products and powers need Math.imul or squaring; int64 needs intmath.ts).
 */
const INT_OPS: Partial<Record<DType, Partial<Record<string, BinaryOp>>>> = {
  int64: {
    add: op("add_int64", "add64(x, y)", "same", { add64 }),
    subtract: op("subtract_int64", "sub64(x, y)", "same", { sub64 }),
    multiply: op("multiply_int64", "mul64(x, y)", "same", { mul64 }),
    power: op("power_int64", "pow64(x, y)", "same", { pow64 }),
  },
  int32: {
    multiply: op("multiply_int32", "Math.imul(x, y)"),
    power: op("power_int32", "pow32(x, y)", "same", { pow32 }),
  },
  uint8: { power: op("power_uint8", "powU8(x, y)", "same", { powU8 }) },
};

/** The op that computes `op` for result dtype `dt`: its wrapping integer loop where it has one. */
function forDType(op: BinaryOp, dt: DType): BinaryOp {
  if (dt === "float64" || dt === "float32" || dt === "bool") return op; // the lesson's path: no lookup
  return INT_OPS[dt]?.[op.name] ?? op;
}

function outType(op: BinaryOp, t: DType): DType {
  if (op.result === "bool") return "bool";
  if (op.result === "divide") return divideType(t);
  if (t === "bool" && op === OPS.subtract) throw boolOperatorError("subtract");
  if (t === "bool" && op === OPS.power) return "int64"; // numpy gives int8, which np does not have
  return t;
}

/** The scalar as the computation sees it: rounded to float32 when the op runs in float32. */
function scalarIn(t: DType, s: number | boolean): number {
  return t === "float32" ? Math.fround(+s) : +s;
}

function isContiguous(a: NDArray): boolean {
  return a.isCContiguous;
}

/** Bool results of arithmetic (True + True) are normalised to 0/1, as numpy's logical add. */
function finish(out: TypedArray, shape: readonly number[], dtype: DType, op: BinaryOp): NDArray {
  if (dtype === "bool" && op.result !== "bool") for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
  return NDArray.fromData(out, shape, dtype);
}

/** numpy refuses integer ** negative integer (when there is any element); `exponent` is only read for an integer power. */
function checkIntPower(op: BinaryOp, t: DType, exponent: NDArray | number, size: number): void {
  if (op !== OPS.power || !isInteger(t) || size === 0) return;
  const neg = typeof exponent === "number" ? exponent < 0 : exponent.values().some((v: number) => v < 0);
  if (neg) throw new ValueError("Integers to negative integer powers are not allowed.");
}

function arrayScalar(op: BinaryOp, a: NDArray, s: number | boolean, scalarOnLeft: boolean): NDArray {
  // a Python int must fit the array's dtype, except where the loop runs in float64 (true division)
  if (!op.comparison && op.result !== "divide" && typeof s === "number") checkWeakInt(a.dtype, s);
  const t = promoteWithScalar(a.dtype, s);
  const dt = outType(op, t);
  const v = scalarIn(t, s);
  checkIntPower(op, t, scalarOnLeft ? a : v, a.size);
  op = forDType(op, dt);
  const src = isContiguous(a) ? a : a.copy();
  const n = src.size;
  const out = allocateOutput(dt, n);
  const data = src.nd.data;
  const o = src.nd.offset;
  const run = !scalarOnLeft && isFloat(dt) ? floatScalarRight(op, v) : op;
  const k = kernelsFor(run, data, data, out);
  const mode = scalarOnLeft ? BinaryMode.ScalarLeft : BinaryMode.ScalarRight;
  if (parallelBinary(run, k, mode, data, o, data, o, v, out)) return finish(out, src.shape, dt, op);
  if (scalarOnLeft) k.scalarLeft(v, data, o, out, 0, n);
  else k.scalarRight(data, o, v, out, 0, n);
  return finish(out, src.shape, dt, op);
}

function arrayArray(op: BinaryOp, a: NDArray, b: NDArray): NDArray {
  const t = promoteTypes(a.dtype, b.dtype);
  const dt = outType(op, t);
  const as = a.nd.shape;
  const bs = b.nd.shape;
  if (op === OPS.power) checkIntPower(op, t, b, shapeSize(broadcastShapes(as, bs)));
  op = forDType(op, dt);
  if (as.length === bs.length && as.every((d, i) => d === bs[i]) && isContiguous(a) && isContiguous(b)) {
    const n = shapeSize(as);
    const out = allocateOutput(dt, n);
    const k = kernelsFor(op, a.nd.data, b.nd.data, out);
    if (!parallelBinary(op, k, BinaryMode.Same, a.nd.data, a.nd.offset, b.nd.data, b.nd.offset, 0, out)) {
      k.same(a.nd.data, a.nd.offset, b.nd.data, b.nd.offset, out, 0, n);
    }
    return finish(out, as, dt, op);
  }
  const shape = broadcastShapes(as, bs);
  checkSize(shape, dt);
  const n = shapeSize(shape);
  const out = allocateOutput(dt, n);
  if (n === 0) return finish(out, shape, dt, op);
  const k = kernelsFor(op, a.nd.data, b.nd.data, out);
  const nd = shape.length;
  if (nd === 0) {
    k.same(a.nd.data, a.nd.offset, b.nd.data, b.nd.offset, out, 0, 1);
    return finish(out, shape, dt, op);
  }
  const sa = broadcastStrides(a, shape);
  const sb = broadcastStrides(b, shape);
  const ad = a.nd.data;
  const bd = b.nd.data;
  // every thread on a large broadcast (not power's: its rows may take the square root below)
  if (op !== OPS.power && parallelBinary(op, k, BinaryMode.Rows, ad, a.nd.offset, bd, b.nd.offset, 0, out, shape, sa, sb)) {
    return finish(out, shape, dt, op);
  }
  const inner = shape[nd - 1];
  const ia = sa[nd - 1];
  const ib = sb[nd - 1];
  // Odometer over the outer axes; each step runs one row of `inner` elements, with the unit-stride
  // loops where a row is contiguous on one side and one repeated value on the other ((n,1)
  // against (n,m), the lesson's `+ b1`) or contiguous on both ((1,m) against (n,m)).
  const row = ia === 1 && ib === 0 ? 1 : ia === 0 && ib === 1 ? 2 : ia === 1 && ib === 1 ? 3 : 0;
  // numpy's float power takes a broadcast exponent of 0.5 as a square root, as for a scalar 0.5
  const sqrtRows = op === OPS.power && isFloat(dt) && row === 1;
  const kSqrt = sqrtRows ? kernelsFor(SQRT, ad, bd, out) : k;
  const idx = new Array<number>(nd).fill(0);
  let ao = a.nd.offset;
  let bo = b.nd.offset;
  for (let o = 0; o < n; o += inner) {
    if (row === 1) (sqrtRows && bd[bo] === 0.5 ? kSqrt : k).scalarRight(ad, ao, bd[bo], out, o, inner);
    else if (row === 2) k.scalarLeft(ad[ao], bd, bo, out, o, inner);
    else if (row === 3) k.same(ad, ao, bd, bo, out, o, inner);
    else k.strided(ad, ao, ia, bd, bo, ib, out, o, inner);
    for (let d = nd - 2; d >= 0; d--) {
      ao += sa[d];
      bo += sb[d];
      if (++idx[d] < shape[d]) break;
      ao -= sa[d] * shape[d];
      bo -= sb[d] * shape[d];
      idx[d] = 0;
    }
  }
  return finish(out, shape, dt, op);
}

/** The dtype of a number OP number (both weak): bool, int64 or float64. */
function scalarScalarType(x: number | boolean, y: number | boolean): DType {
  const tx = dtypeOfScalar(x);
  const ty = dtypeOfScalar(y);
  return promoteTypes(tx, ty);
}

/**
 * The fast paths below serve arrays up to this many elements; larger ones take the general path
 * (where the work, not the dispatch, is what counts).
 */
const FAST_MAX = 1 << 16;

/** The number of elements of a C-contiguous view, or -1 when the view is not C-contiguous. */
function contiguousSize(nd: NdView): number {
  const { shape, stride } = nd;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && stride[i] !== expected) return -1;
    expected *= shape[i];
  }
  return expected;
}

/**
 * The lesson's common case of an array and a number (`np.add(1, E)`, `np.power(A1, 2)`,
 * `np.multiply(1 / m, G)`): a contiguous float64 array and a non-comparison op, straight to the
 * kernel. The result is what `arrayScalar` computes (float64 takes any number as float64, no
 * bounds or integer-power checks apply); this only skips its general steps. undefined: not this case.
 */
function fastArrayScalar(op: BinaryOp, a: NDArray, s: number, scalarOnLeft: boolean): NDArray | undefined {
  if (a.dtype !== "float64" || op.comparison) return undefined;
  const nd = a.nd;
  const n = contiguousSize(nd);
  if (n < 0 || n > FAST_MAX) return undefined;
  const data = nd.data;
  const out = allocateOutput("float64", n);
  if (scalarOnLeft) kernelsFor(op, data, data, out).scalarLeft(s, data, nd.offset, out, 0, n);
  else kernelsFor(floatScalarRight(op, s), data, data, out).scalarRight(data, nd.offset, s, out, 0, n);
  return new NDArray(makeCView(out, nd.shape), "float64");
}

/**
 * The lesson's common case of two arrays: a float64 result (float64 with float64, uint8, int64 or
 * bool), not a comparison or a power, and either the same shape, both contiguous (`np.multiply(Y,
 * L)`), or a contiguous (n, m) against an (n, 1) column or a contiguous (1, m) row on either side
 * (`np.add(np.dot(W1, X), b1)`). The same kernels on the same rows as `arrayArray`, without its
 * general steps (promotion tables, the broadcast shape and strides, the odometer). Measured with
 * `fastArrayScalar`, alternating in one process over the lesson's loop (bench/np-training): 4-11 %
 * less CPU time per iteration. undefined: not this case.
 */
function fastArrayArray(op: BinaryOp, a: NDArray, b: NDArray): NDArray | undefined {
  if (op.comparison || op === OPS.power || (a.dtype !== "float64" && b.dtype !== "float64")) return undefined;
  const an = a.nd;
  const bn = b.nd;
  const na = contiguousSize(an);
  const nb = contiguousSize(bn);
  if (na > FAST_MAX || nb > FAST_MAX) return undefined;
  const as = an.shape;
  const bs = bn.shape;
  const ad = an.data;
  const bd = bn.data;
  if (na >= 0 && nb >= 0 && as.length === bs.length) {
    let same = true;
    for (let i = 0; i < as.length; i++) if (as[i] !== bs[i]) same = false;
    if (same) {
      const out = allocateOutput("float64", na);
      kernelsFor(op, ad, bd, out).same(ad, an.offset, bd, bn.offset, out, 0, na);
      return new NDArray(makeCView(out, as), "float64");
    }
  }
  if (as.length !== 2 || bs.length !== 2) return undefined;
  // (n, m) against (n, 1) or (1, m), in either order: one row of the result per pass
  const [n, m] = na >= 0 && as[1] !== 1 ? [as[0], as[1]] : nb >= 0 && bs[1] !== 1 ? [bs[0], bs[1]] : [-1, -1];
  const aFull = n >= 0 && na === n * m && as[0] === n;
  const bFull = n >= 0 && nb === n * m && bs[0] === n;
  if (aFull === bFull) return undefined;
  const other = aFull ? bn : an;
  const os = other.shape;
  const column = os[0] === n && os[1] === 1;
  const row = os[0] === 1 && os[1] === m && other.stride[1] === 1;
  if (!column && !row) return undefined;
  const out = allocateOutput("float64", n * m);
  const k = kernelsFor(op, ad, bd, out);
  const step = column ? other.stride[0] : 0;
  let oo = other.offset;
  for (let i = 0, o = 0; i < n; i++, o += m, oo += step) {
    if (aFull) {
      if (column) k.scalarRight(ad, an.offset + o, bd[oo], out, o, m);
      else k.same(ad, an.offset + o, bd, oo, out, o, m);
    } else if (column) k.scalarLeft(ad[oo], bd, bn.offset + o, out, o, m);
    else k.same(ad, oo, bd, bn.offset + o, out, o, m);
  }
  return new NDArray(makeCView(out, aFull ? as : bs), "float64");
}

/**
 * Runs a binary op with numpy's broadcasting and dtype rules. Public ops are one call into this.
 * @throws ValueError "operands could not be broadcast together with shapes (2,3) (4,)".
 */
export function binary(op: BinaryOp, a: ArrayLike, b: ArrayLike): NDArray {
  // the lesson's common cases first (see the fast paths above); undefined means the general path
  const fast = a instanceof NDArray
      ? typeof b === "number" ? fastArrayScalar(op, a, b, false) : b instanceof NDArray ? fastArrayArray(op, a, b) : undefined
      : typeof a === "number" && b instanceof NDArray ? fastArrayScalar(op, b, a, true) : undefined;
  if (fast !== undefined) return fast;
  if (a === undefined || b === undefined) {
    throw new TypeError(`${op.name}() takes from 2 to 3 positional arguments but ${a === undefined ? 0 : 1} were given`);
  }
  const aScalar = typeof a === "number" || typeof a === "boolean";
  const bScalar = typeof b === "number" || typeof b === "boolean";
  if (aScalar && bScalar) {
    const t = scalarScalarType(a, b);
    return arrayArray(op, asarray(a, t), asarray(b, t));
  }
  if (bScalar) return arrayScalar(op, asarray(a), b, false);
  if (aScalar) return arrayScalar(op, asarray(b), a, true);
  return arrayArray(op, asarray(a), asarray(b));
}

/**
 * `x1 + x2` elementwise, as numpy's `np.add`, with broadcasting; a number on either side.
 * @param x1 - an array (any shape) or a number.
 * @param x2 - an array whose shape broadcasts with x1's, or a number.
 * @returns an array of the broadcast shape; dtype by numpy's promotion (bool + bool is logical or).
 * @throws ValueError when the shapes do not broadcast.
 * @example
 * ```ts
 * const Z1 = np.add(np.dot(W1, X), b1); // (4, 400) + (4, 1)
 * ```
 */
export function add(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.add, x1, x2);
}

/**
 * `x1 - x2` elementwise, as numpy's `np.subtract`; `np.subtract(1, Y)` on a uint8 `Y` stays uint8.
 * @throws TypeError for two bool operands (numpy refuses boolean subtract).
 * @example
 * ```ts
 * const dZ2 = np.subtract(A2, Y);
 * ```
 */
export function subtract(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.subtract, x1, x2);
}

/**
 * `x1 * x2` elementwise, as numpy's `np.multiply`; uint8 * float64 is float64.
 * @example
 * ```ts
 * np.multiply(Y, np.log(A2));
 * ```
 */
export function multiply(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.multiply, x1, x2);
}

/**
 * `x1 / x2` elementwise (true division), as numpy's `np.divide`: integers give float64.
 * @example
 * ```ts
 * const A2 = np.divide(1, np.add(1, np.exp(np.negative(Z2))));
 * ```
 */
export function divide(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.divide, x1, x2);
}

/**
 * `x1 ** x2` elementwise, as numpy's `np.power`.
 * @throws ValueError "Integers to negative integer powers are not allowed."
 * @example
 * ```ts
 * np.subtract(1, np.power(A1, 2));
 * ```
 */
export function power(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.power, x1, x2);
}

/** The larger of x1 and x2 elementwise, as numpy's `np.maximum` (NaN wins). */
export function maximum(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.maximum, x1, x2);
}

/** The smaller of x1 and x2 elementwise, as numpy's `np.minimum` (NaN wins). */
export function minimum(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.minimum, x1, x2);
}

/**
 * `x1 > x2` elementwise, a bool array, as numpy's `np.greater`.
 * @example
 * ```ts
 * np.greater(A2, 0.5).astype("int64"); // predictions
 * ```
 */
export function greater(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.greater, x1, x2);
}

/** `x1 >= x2` elementwise, a bool array, as numpy's `np.greater_equal`. */
export function greater_equal(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.greater_equal, x1, x2);
}

/** `x1 < x2` elementwise, a bool array, as numpy's `np.less`. */
export function less(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.less, x1, x2);
}

/** `x1 <= x2` elementwise, a bool array, as numpy's `np.less_equal`. */
export function less_equal(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.less_equal, x1, x2);
}

/** `x1 == x2` elementwise, a bool array, as numpy's `np.equal` (NaN is never equal). */
export function equal(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.equal, x1, x2);
}

/** `x1 != x2` elementwise, a bool array, as numpy's `np.not_equal`. */
export function not_equal(x1: ArrayLike, x2: ArrayLike): NDArray {
  return binary(OPS.not_equal, x1, x2);
}

/**
 * Picks `x` where `condition` is true (non-zero) and `y` elsewhere, as numpy's `np.where(c, x, y)`,
 * broadcasting all three.
 * @param condition - an array (or number) read as booleans.
 * @param x - values where the condition holds.
 * @param y - values elsewhere.
 * @returns the broadcast shape; dtype the promotion of x's and y's (numbers are weak).
 * @example
 * ```ts
 * np.where(np.greater(Z, 0), Z, 0); // ReLU
 * ```
 */
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray {
  if (x === undefined && y === undefined) {
    throw new TypeError("np.where(condition) without x and y (numpy's nonzero) is not supported here; call np.where(condition, x, y)");
  }
  if (x === undefined || y === undefined) throw new ValueError("either both or neither of x and y should be given");
  const c = asarray(condition);
  const xs = typeof x === "number" || typeof x === "boolean";
  const ys = typeof y === "number" || typeof y === "boolean";
  let t: DType;
  if (xs && ys) t = scalarScalarType(x, y);
  else if (xs) t = promoteWithScalar(asarray(y).dtype, x);
  else if (ys) t = promoteWithScalar(asarray(x).dtype, y);
  else t = promoteTypes(asarray(x).dtype, asarray(y).dtype);
  // numpy casts a Python int that does not fit the result's integer dtype (np.where(c, uint8s, 256) holds 0)
  const xa = xs ? asarray(x, isFloat(t) || typeof x === "boolean" ? t : dtypeOfScalar(x)) : asarray(x);
  const ya = ys ? asarray(y, isFloat(t) || typeof y === "boolean" ? t : dtypeOfScalar(y)) : asarray(y);
  const shape = broadcastShapes(c.shape, xa.shape, ya.shape);
  const n = shapeSize(shape);
  const out = allocateOutput(t, n);
  // Fast path: each operand is one value or a contiguous array of the result's shape.
  const step = (a: NDArray) => (a.size === 1 ? 0 : a.isCContiguous && a.size === n && a.ndim === shape.length ? 1 : -1);
  const [ic, ix, iy] = [step(c), step(xa), step(ya)];
  if (ic >= 0 && ix >= 0 && iy >= 0) {
    const [cd, xd, yd] = [c.nd.data, xa.nd.data, ya.nd.data];
    const [co, xo, yo] = [c.nd.offset, xa.nd.offset, ya.nd.offset];
    for (let k = 0; k < n; k++) out[k] = cd[co + k * ic] !== 0 ? xd[xo + k * ix] : yd[yo + k * iy];
    return NDArray.fromData(out, shape, t);
  }
  const sc = broadcastStrides(c, shape);
  const sx = broadcastStrides(xa, shape);
  const sy = broadcastStrides(ya, shape);
  const idx = new Array<number>(shape.length).fill(0);
  let co = c.nd.offset;
  let xo = xa.nd.offset;
  let yo = ya.nd.offset;
  for (let k = 0; k < n; k++) {
    out[k] = c.nd.data[co] !== 0 ? xa.nd.data[xo] : ya.nd.data[yo];
    for (let d = shape.length - 1; d >= 0; d--) {
      co += sc[d];
      xo += sx[d];
      yo += sy[d];
      if (++idx[d] < shape[d]) break;
      co -= sc[d] * shape[d];
      xo -= sx[d] * shape[d];
      yo -= sy[d] * shape[d];
      idx[d] = 0;
    }
  }
  return NDArray.fromData(out, shape, t);
}

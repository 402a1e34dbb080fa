/**
 * Elementwise functions of one array: `negative`, `abs`, `sign`, `square` (dtype kept) and
 * `tanh`, `exp`, `log`, `log1p`, `sqrt`, `sin`, `cos` (float results).
 *
 * exp, log and tanh use the hand-written kernels of fastmath.ts (see there why): on contiguous
 * float64 arrays their WebAssembly SIMD versions (lib/np/wasm/math.ts, the same bits, 2-4x faster
 * per element), elsewhere the scalar ones; the others use `Math`'s, which V8 compiles inline or which
 * are not on the lesson's hot path.
 * @module
 */
import { type DType, type TypedArray, allocateOutput, floatType } from "./dtype.js";
import { boolOperatorError } from "./errors.js";
import { abs64, mul64, neg64 } from "./intmath.js";
import { exp as fexp, log as flog, tanh as ftanh } from "./fastmath.js";
import { expInto, logInto, tanhInto } from "./wasm/math.js";
import { type UnaryKernels, compileUnary, storageId } from "./kernels.js";
import { type ArrayLike, NDArray } from "./ndarray.js";
import { asarray } from "./creation.js";
import { parallelUnary } from "./parallel/ops.js";

/** One unary op: how to build its loop, and whether it keeps the input's dtype or returns floats. */
interface UnaryOp {
  readonly name: string;
  readonly expr: string;
  readonly fns: Record<string, (x: number) => number>;
  readonly compile: () => UnaryKernels;
  /** The loop compiled once per combination of input and output storage (monomorphic access). */
  readonly kernels: (UnaryKernels | undefined)[];
  readonly keepsDType: boolean;
}

function op(name: string, expr: string, keepsDType: boolean, fns: Record<string, (x: number) => number> = {}): UnaryOp {
  return { name, expr, fns, compile: () => compileUnary(name, expr, fns), kernels: [], keepsDType };
}

function kernelsFor(u: UnaryOp, a: TypedArray, out: TypedArray): UnaryKernels {
  const key = storageId(a) * 4 + storageId(out);
  let k = u.kernels[key];
  if (k === undefined) {
    k = u.compile();
    u.kernels[key] = k;
  }
  return k;
}

const UNARY = {
  negative: op("negative", "-x", true),
  abs: op("abs", "Math.abs(x)", true),
  sign: op("sign", "x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x", true),
  square: op("square", "x * x", true),
  tanh: op("tanh", "tanh(x)", false, { tanh: ftanh }),
  exp: op("exp", "exp(x)", false, { exp: fexp }),
  log: op("log", "log(x)", false, { log: flog }),
  log1p: op("log1p", "Math.log1p(x)", false),
  sqrt: op("sqrt", "Math.sqrt(x)", false),
  sin: op("sin", "Math.sin(x)", false),
  cos: op("cos", "Math.cos(x)", false),
} as const;

/**
 * The array kernels `(src, srcOffset, out, outOffset, n)` of the ops that have one for float64 input
 * and output: WebAssembly SIMD with fastmath's bits (a worker can call them on its slice).
 */
const FLOAT64_KERNELS: Partial<Record<keyof typeof UNARY, (src: Float64Array, so: number, out: Float64Array, oo: number, n: number) => void>> = {
  exp: expInto,
  log: logInto,
  tanh: tanhInto,
};

/** The loops that wrap as numpy's int64 (and int32 squares) do; the others wrap on the typed array's store. */
const INT_UNARY: Partial<Record<DType, Partial<Record<string, UnaryOp>>>> = {
  int64: {
    negative: op("negative_int64", "neg64(x)", true, { neg64 }),
    abs: op("abs_int64", "abs64(x)", true, { abs64 }),
    square: op("square_int64", "mul64(x, x)", true, { mul64: mul64 as unknown as (x: number) => number }),
  },
  int32: { square: op("square_int32", "Math.imul(x, x)", true) },
};

/** Runs a unary op over any array (strided views included), returning a new C-ordered array. */
function unary(name: keyof typeof UNARY, x: ArrayLike): NDArray {
  if (x === undefined) throw new TypeError(`${name}() takes from 1 to 2 positional arguments but 0 were given`);
  const a = asarray(x);
  if (name === "negative" && a.dtype === "bool") throw boolOperatorError("negative");
  if (name === "sign" && a.dtype === "bool") {
    throw new TypeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
  }
  // numpy squares bools in int8, which np does not have: int64, the same values
  const base = UNARY[name];
  const from = a.dtype;
  const dt: DType = from === "bool" && name === "square" ? "int64" : base.keepsDType ? from : floatType(from);
  const u = dt === "float64" || dt === "float32" ? base : (INT_UNARY[dt]?.[name] ?? base);
  const n = a.size;
  const out = allocateOutput(dt, n);
  const { data, shape, stride, offset } = a.nd;
  const nd = shape.length;
  const simd = FLOAT64_KERNELS[name];
  if (simd !== undefined && (a.isCContiguous || nd === 0) && data instanceof Float64Array && out instanceof Float64Array) {
    simd(data, offset, out, 0, n);
    return NDArray.fromData(out, shape, dt);
  }
  const kernels = kernelsFor(u, data, out);
  const flat = a.isCContiguous || nd === 0;
  if (parallelUnary(u, kernels, data, offset, out, flat ? [n] : shape, flat ? [1] : stride)) {
    // every thread on a large array (parallel/)
  } else if (flat) {
    kernels.strided(data, offset, 1, out, 0, n);
  } else if (n > 0) {
    const inner = shape[nd - 1];
    const idx = new Array<number>(nd).fill(0);
    let o = offset;
    for (let k = 0; k < n; k += inner) {
      kernels.strided(data, o, stride[nd - 1], out, k, inner);
      for (let d = nd - 2; d >= 0; d--) {
        o += stride[d];
        if (++idx[d] < shape[d]) break;
        o -= stride[d] * shape[d];
        idx[d] = 0;
      }
    }
  }
  if (dt === "bool") for (let i = 0; i < n; i++) out[i] = out[i] ? 1 : 0;
  return NDArray.fromData(out, shape, dt);
}

/**
 * `-x` elementwise, as numpy's `np.negative` (dtype kept; unsigned values wrap as in numpy).
 * @throws TypeError for a bool array (numpy refuses boolean negative).
 * @example
 * ```ts
 * np.exp(np.negative(Z2));
 * ```
 */
export function negative(x: ArrayLike): NDArray {
  return unary("negative", x);
}

/** The absolute value elementwise, as numpy's `np.abs` (dtype kept). */
export function abs(x: ArrayLike): NDArray {
  return unary("abs", x);
}

/** -1, 0 or 1 by the sign of each element (NaN stays NaN), as numpy's `np.sign` (dtype kept). */
export function sign(x: ArrayLike): NDArray {
  return unary("sign", x);
}

/** `x * x` elementwise, as numpy's `np.square` (dtype kept). */
export function square(x: ArrayLike): NDArray {
  return unary("square", x);
}

/**
 * The hyperbolic tangent elementwise, as numpy's `np.tanh` (within 2 ulp of numpy's).
 * @param x - any array or number; integers give float64.
 * @returns a float array of x's shape.
 * @example
 * ```ts
 * const A1 = np.tanh(Z1);
 * ```
 */
export function tanh(x: ArrayLike): NDArray {
  return unary("tanh", x);
}

/**
 * e**x elementwise, as numpy's `np.exp` (within 1 ulp of numpy's).
 * @example
 * ```ts
 * const A2 = np.divide(1, np.add(1, np.exp(np.negative(Z2))));
 * ```
 */
export function exp(x: ArrayLike): NDArray {
  return unary("exp", x);
}

/**
 * The natural logarithm elementwise, as numpy's `np.log` (within 1 ulp): log(0) is -Infinity,
 * a negative input gives NaN.
 * @example
 * ```ts
 * np.multiply(Y, np.log(A2));
 * ```
 */
export function log(x: ArrayLike): NDArray {
  return unary("log", x);
}

/** log(1 + x) elementwise, accurate for small x, as numpy's `np.log1p`. */
export function log1p(x: ArrayLike): NDArray {
  return unary("log1p", x);
}

/** The square root elementwise, as numpy's `np.sqrt` (NaN for negative input). */
export function sqrt(x: ArrayLike): NDArray {
  return unary("sqrt", x);
}

/** The sine elementwise (radians), as numpy's `np.sin`. */
export function sin(x: ArrayLike): NDArray {
  return unary("sin", x);
}

/** The cosine elementwise (radians), as numpy's `np.cos`. */
export function cos(x: ArrayLike): NDArray {
  return unary("cos", x);
}

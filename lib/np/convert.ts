/**
 * The one place where a value becomes an element of a dtype, with numpy's rules:
 *
 * - `fromScalar`: a JavaScript number or boolean stored as numpy stores a Python scalar
 *   (`np.array([300], "uint8")`, `np.full`, `a.set(i, v)`): a whole number is a Python int and must fit
 *   ("Python integer 300 out of bounds for uint8"), NaN and infinities cannot become integers, −0 becomes 0.
 * - `castValue`: an element of a float array converted by `astype` (numpy's unsafe cast, as on x86:
 *   NaN and out-of-range values become the smallest integer).
 * - `wrapInt`: an exact integer result reduced modulo 2**bits, as numpy's integer arithmetic wraps.
 * - `scalarType`: the dtype numpy gives a bare JavaScript value (bool, int64 for a whole number an
 *   int64 holds, else float64).
 * @module
 */
import type { DType } from "./dtype.js";
import { OverflowError, ValueError } from "./errors.js";

/** 2**63: the first whole number an int64 cannot hold. */
export const TWO63 = 9223372036854775808;
/** 2**53: below it every integer is exact in a double. */
export const TWO53 = 9007199254740992;

/** The smallest and largest value of each integer dtype. */
export const INT_BOUNDS: Partial<Record<DType, readonly [number, number]>> = {
  uint8: [0, 255],
  int32: [-2147483648, 2147483647],
  int64: [-TWO63, TWO63 - 1024], // the largest double below 2**63
};

/** True for a JavaScript number that numpy would see as a Python int an int64 holds: whole and in [-2**63, 2**63). */
export function isInt64Number(v: number): boolean {
  return Number.isInteger(v) && v >= -TWO63 && v < TWO63;
}

/** The dtype numpy gives a bare JavaScript value: bool, int64 for whole numbers an int64 holds, else float64. */
export function scalarType(v: number | boolean): DType {
  if (typeof v === "boolean") return "bool";
  return isInt64Number(v) ? "int64" : "float64";
}

/** A whole number as Python prints it (no exponent): 1e20 → "100000000000000000000". */
export function intText(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

/**
 * A JavaScript number or boolean as an element of `dtype`, checked as numpy checks a Python scalar:
 * @throws ValueError "cannot convert float NaN to integer"; OverflowError "cannot convert float
 *   infinity to integer", "Python integer 300 out of bounds for uint8".
 */
export function fromScalar(dtype: DType, v: number | boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  switch (dtype) {
    case "float64":
      return v;
    case "float32":
      return Math.fround(v);
    case "bool":
      return v !== 0 ? 1 : 0;
    default: {
      if (v !== v) throw new ValueError("cannot convert float NaN to integer");
      if (v === Infinity || v === -Infinity) throw new OverflowError("cannot convert float infinity to integer");
      const t = Math.trunc(v) + 0;
      if (t < -TWO63 || t >= TWO63) throw new OverflowError("Python int too large to convert to C long");
      const [lo, hi] = INT_BOUNDS[dtype] as readonly [number, number];
      if (t < lo || t > hi) throw new OverflowError(`Python integer ${intText(t)} out of bounds for ${dtype}`);
      return t;
    }
  }
}

/** An exact integer reduced to `dtype` modulo 2**bits (numpy's wraparound); −0 becomes 0. */
export function wrapInt(dtype: DType, v: number): number {
  switch (dtype) {
    case "int64":
      return v >= -TWO63 && v < TWO63 ? v + 0 : Number(BigInt.asIntN(64, BigInt(v)));
    case "int32":
      return v | 0;
    case "uint8":
      return v & 0xff;
    case "bool":
      return v !== 0 ? 1 : 0;
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
  }
}

/** A float converted to int32 as numpy's cast does on x86: truncation, NaN and out-of-range give -2**31. */
function floatToInt32(v: number): number {
  return v > -2147483649 && v < 2147483648 ? Math.trunc(v) | 0 : -2147483648;
}

/**
 * An element of a `from` array converted to `to`, as numpy's `astype` (an unsafe cast): integers
 * wrap modulo 2**bits; floats truncate toward zero, and NaN, infinities and values out of range
 * become the smallest value of int32/int64 (0 for uint8), as numpy on x86; anything non-zero is True.
 */
export function castValue(from: DType, to: DType, v: number): number {
  if (to === "float64") return v;
  if (to === "float32") return Math.fround(v);
  if (to === "bool") return v !== 0 ? 1 : 0;
  if (from !== "float64" && from !== "float32") return wrapInt(to, v);
  switch (to) {
    case "int64":
      return v >= -TWO63 && v < TWO63 ? Math.trunc(v) + 0 : -TWO63;
    case "int32":
      return floatToInt32(v);
    default:
      return floatToInt32(v) & 0xff;
  }
}

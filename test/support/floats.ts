/**
 * Test support: reading the floats the fixture generators write, and measuring how far two doubles are
 * apart. One copy for every test (np, random, printing, the lesson).
 * @module
 */

/** A fixture number: JSON numbers as they are, and Python's "nan", "inf", "-inf" spelled out. */
export type FixtureFloat = number | string;

/**
 * Decodes a fixture number: a JSON number, or Python's `repr` of a non-finite float.
 *
 * @param v - `1.5`, `"nan"`, `"inf"` or `"-inf"` (any other string is read with `Number`)
 * @returns the double
 * @example decodeFloat("-inf") // -Infinity
 */
export function decodeFloat(v: FixtureFloat): number {
  if (typeof v === "number") return v;
  return v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : Number(v);
}

/**
 * Python's `float.hex` ("-0x1.8p+1", "nan", "inf", "-0x0.0p+0") to the exact double.
 *
 * @param h - the text `float.hex` wrote
 * @returns the double, bit for bit
 * @throws Error on text that is not `float.hex`'s
 */
export function fromHex(h: string): number {
  if (h === "nan") return NaN;
  if (h === "inf" || h === "-inf") return h === "inf" ? Infinity : -Infinity;
  const m = /^(-)?0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(`bad hex float ${h}`);
  const mantissa = parseInt(m[2] + m[3], 16); // < 2**53: exact
  return (m[1] ? -1 : 1) * mantissa * 2 ** (parseInt(m[4], 10) - 4 * m[3].length);
}

/**
 * |got − want| in units in the last place of `want` (float32 units for float32 results; subnormals
 * in the smallest ulp). 0 for identical values and for two NaNs; Infinity when only one is finite.
 *
 * @param got - the value computed
 * @param want - the reference value
 * @param dtype - "float32" to measure in float32's ulps; float64 otherwise
 * @returns the distance in ulps (not always a whole number)
 */
export function ulps(got: number, want: number, dtype = "float64"): number {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return 0;
  if (!Number.isFinite(got) || !Number.isFinite(want)) return Infinity;
  const bits = dtype === "float32" ? 23 : 52;
  const minExp = dtype === "float32" ? -126 : -1022;
  const e = Math.max(Math.floor(Math.log2(Math.abs(want) || Number.MIN_VALUE)), minExp);
  return Math.abs(got - want) / 2 ** (e - bits);
}

const bits = new DataView(new ArrayBuffer(8));

/** The bit pattern of a double as an ordinal: consecutive doubles have consecutive ordinals, across 0 too. */
function ordinal(x: number): bigint {
  bits.setFloat64(0, x);
  const u = bits.getBigUint64(0);
  return u >= 1n << 63n ? -(u - (1n << 63n)) : u;
}

/**
 * How many doubles lie between a and b, plus one (0 when equal): the exact ulp distance.
 *
 * @param a - a double
 * @param b - a double
 * @returns the number of steps from one to the other
 */
export function ulpDistance(a: number, b: number): number {
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** Test helper: reading the float.hex strings that the fixture scripts write (exact, with nan/inf/-0). */

/** Python's `float.hex` ("-0x1.8p+1", "nan", "inf") to the exact double. */
export function fromHex(h: string): number {
  if (h === "nan") return NaN;
  if (h === "inf" || h === "-inf") return h === "inf" ? Infinity : -Infinity;
  const m = /^(-)?0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(`bad hex float ${h}`);
  const mantissa = parseInt(m[2] + m[3], 16); // < 2**53: exact
  return (m[1] ? -1 : 1) * mantissa * 2 ** (parseInt(m[4], 10) - 4 * m[3].length);
}

/**
 * Python's number formatting where the lesson prints numbers: `"%f" % x` and `"{:.2f}"` round
 * the exact binary value half-to-even; JavaScript's `toFixed` rounds exact ties up. The two differ
 * only on exact ties (0.125 → Python "0.12", `toFixed` "0.13"), which this module handles.
 * @module
 */

/**
 * Formats `x` with `digits` decimals exactly as Python's `"%.{digits}f" % x`.
 *
 * @param x - the number
 * @param digits - decimals after the point (0 to 20), 6 for Python's `%f`
 * @returns the text, e.g. `formatFixed(1.127379680265424, 6)` → `"1.127380"`
 * @example formatFixed(0.125, 2) // "0.12" (half to even, like Python)
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  if (Object.is(x, -0)) return "-" + (0).toFixed(digits); // Python keeps the sign of -0.0; toFixed drops it
  const rounded = x.toFixed(digits);
  // toFixed(d) rounds ties away from zero; Python rounds exact ties to even. An exact tie shows
  // as a 5 followed only by zeros in the exact expansion (toFixed(100) is exact for |x| < 1e21
  // down to 1e-100, enough for every double the lesson prints).
  if (Math.abs(x) >= 1e21) return rounded;
  const exact = x.toFixed(100);
  const point = exact.indexOf(".");
  const tail = exact.slice(point + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  // an exact tie: truncate, then round up only if the last kept digit is odd
  const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
  const lastDigit = Number(truncated[truncated.length - 1]);
  return lastDigit % 2 === 0 ? truncated : rounded;
}

/** Python's `"%d" % x` for a float: truncation toward zero (`"%d" % 47.9` → `"47"`). */
export function formatInt(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot convert float ${x} to integer`);
  const t = Math.trunc(x);
  return (t === 0 ? 0 : t).toString();
}

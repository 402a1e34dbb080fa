/**
 * Integer arithmetic that wraps modulo 2**bits as numpy's does. int32 and uint8 results are exact
 * in a double before the typed array's store reduces them (except products and powers, done here
 * with `Math.imul` and squaring); int64 works in doubles while they are exact (below 2**53) and
 * in BigInt beyond, wrapped to 64 bits, then stored rounded to the nearest double (np's int64
 * storage holds integers exactly up to 2**53).
 * @module
 */
import { TWO53, TWO63 } from "./convert.js";

/** A 64-bit result of BigInt arithmetic as a double. */
function wrap64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

/** int64 x + y with wraparound. */
export function add64(x: number, y: number): number {
  const r = x + y;
  return r > -TWO53 && r < TWO53 ? r + 0 : wrap64(BigInt(x) + BigInt(y));
}

/** int64 x - y with wraparound. */
export function sub64(x: number, y: number): number {
  const r = x - y;
  return r > -TWO53 && r < TWO53 ? r + 0 : wrap64(BigInt(x) - BigInt(y));
}

/** int64 x * y with wraparound (no −0). */
export function mul64(x: number, y: number): number {
  const r = x * y;
  return r > -TWO53 && r < TWO53 ? r + 0 : wrap64(BigInt(x) * BigInt(y));
}

/** int64 -x: -(-2**63) wraps to -2**63. */
export function neg64(x: number): number {
  return x === -TWO63 ? x : 0 - x;
}

/** int64 |x|: |-2**63| wraps to -2**63. */
export function abs64(x: number): number {
  return x === -TWO63 ? x : Math.abs(x);
}

/** int64 x ** y (y >= 0) by squaring, wrapping modulo 2**64. */
export function pow64(x: number, y: number): number {
  let r = 1;
  let b = x;
  let e = y;
  while (e > 0) {
    if (e % 2 === 1) r *= b;
    e = Math.floor(e / 2);
    if (e > 0) b *= b;
    if (!(Math.abs(r) < TWO53 && Math.abs(b) < TWO53)) return powBig(x, y);
  }
  return r + 0;
}

function powBig(x: number, y: number): number {
  let r = 1n;
  let b = BigInt.asIntN(64, BigInt(x));
  let e = BigInt(y);
  while (e > 0n) {
    if (e & 1n) r = BigInt.asIntN(64, r * b);
    e >>= 1n;
    if (e > 0n) b = BigInt.asIntN(64, b * b);
  }
  return Number(r);
}

/** int32 x ** y (y >= 0) by squaring, wrapping modulo 2**32. */
export function pow32(x: number, y: number): number {
  let r = 1;
  let b = x | 0;
  let e = y;
  while (e > 0) {
    if (e % 2 === 1) r = Math.imul(r, b);
    e = Math.floor(e / 2);
    b = Math.imul(b, b);
  }
  return r;
}

/** uint8 x ** y (y >= 0) by squaring, wrapping modulo 2**8. */
export function powU8(x: number, y: number): number {
  return pow32(x, y) & 0xff;
}

/**
 * Whether this code runs inside the tslab Jupyter kernel (which sets `globalThis.__tslab__` before the
 * first cell runs).
 * @module
 */

/** True inside a tslab kernel. */
export function inTslab(): boolean {
  return typeof (globalThis as { __tslab__?: unknown }).__tslab__ === "object";
}

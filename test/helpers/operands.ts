/**
 * Seeded random operands for the matrix-product tests (test/np-dot-kernels.test.ts,
 * test/np-dot-wasm.test.ts): values whose sums round differently in another order, and specials.
 */

/** A seeded generator (mulberry32), so that a failure is reproducible. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1e308, -1e308, 5e-324, -5e-324];

/** `len` values: mostly signed numbers over twelve decades (sums that round differently in another order), some exact, some special. */
export function values(rand: () => number, len: number, specials: boolean): Float64Array {
  const d = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const r = rand();
    if (specials && r < 0.15) d[i] = SPECIALS[Math.floor(rand() * SPECIALS.length)];
    else if (r < 0.25) d[i] = Math.floor(rand() * 7) - 3;
    else d[i] = (rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 6);
  }
  return d;
}

/** A number as the message should show it (-0 too). */
export const show = (x: number) => (Object.is(x, -0) ? "-0" : String(x));

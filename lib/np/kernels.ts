/**
 * The loop family behind every elementwise binary op: one set of loops per op, built from the op's
 * expression in `x` and `y` (for example `"x + y"`).
 *
 * Why the loops are built from a string: a single shared loop that calls `f(x, y)` per element
 * sees a different `f` for every op, so V8 cannot inline it and every element pays a call (about
 * 3x slower at the lesson's sizes). Compiling each op's loops separately gives V8 one small,
 * monomorphic loop per op, with the expression inlined. The generated code is exactly the four
 * loops below with the expression pasted in (four times in the unrolled loops); nothing else is
 * generated.
 *
 * Kernels trust their inputs: shapes, strides and dtypes are checked by the callers in
 * elementwise.ts.
 * @module
 */
import type { TypedArray } from "./dtype.js";

/** Storage a kernel reads: any typed array (or a plain array in tests). */
export type Data = TypedArray | ArrayLike<number>;

/**
 * 0-3 for the four kinds of storage (Float64Array, Uint8Array, Int32Array, Float32Array). Ops
 * compile their loops once per combination, so that each loop V8 sees reads and writes one kind
 * of typed array: a loop shared by several kinds checks the kind at every element.
 */
export function storageId(d: TypedArray): number {
  return d instanceof Float64Array ? 0 : d instanceof Uint8Array ? 1 : d instanceof Int32Array ? 2 : 3;
}

/** The loops of one binary op. `out` is always fresh, C-ordered storage written from index `o`. */
export interface BinaryKernels {
  /** out[o+i] = f(a[ao+i], b[bo+i]): both operands contiguous, same shape. */
  same(a: Data, ao: number, b: Data, bo: number, out: TypedArray, o: number, n: number): void;
  /** out[o+i] = f(a[ao+i*sa], b[bo+i*sb]): one row of a broadcast, any strides (0 for a broadcast axis). */
  strided(a: Data, ao: number, sa: number, b: Data, bo: number, sb: number, out: TypedArray, o: number, n: number): void;
  /** out[o+i] = f(a[ao+i], s): a contiguous array and a scalar on the right. */
  scalarRight(a: Data, ao: number, s: number, out: TypedArray, o: number, n: number): void;
  /** out[o+i] = f(s, b[bo+i]): a scalar on the left and a contiguous array. */
  scalarLeft(s: number, b: Data, bo: number, out: TypedArray, o: number, n: number): void;
}

/**
 * Builds the loops for the expression `expr` in `x` (left operand) and `y` (right operand);
 * `fns` are helper functions the expression may call (the wrapping int64 arithmetic of
 * intmath.ts), bound by name. `expr` comes from this library's op table, never from user input.
 */
export function compileBinary(name: string, expr: string, fns: Record<string, (x: number, y: number) => number> = {}): BinaryKernels {
  const names = Object.keys(fns);
  return new Function(...names, binarySource(name, expr))(...names.map((k) => fns[k])) as BinaryKernels;
}

/**
 * The source text of `compileBinary`'s loops (a function body returning the four loops). Worker
 * threads (parallel/) compile this same text, so that they run the same loops as the main thread.
 */
export function binarySource(name: string, expr: string): string {
  // The unit-stride loops are unrolled by four (about a third faster in V8 at these sizes).
  const x4 = (load: (d: number) => string, store: (d: number) => string) =>
    [0, 1, 2, 3].map((d) => `{ ${load(d)} ${store(d)} = ${expr}; }`).join(" ");
  const source = `"use strict";
return {
  same: function ${name}_same(a, ao, b, bo, out, o, n) {
    let i = 0;
    for (; i + 3 < n; i += 4) { ${x4((d) => `const x = a[ao + i + ${d}], y = b[bo + i + ${d}];`, (d) => `out[o + i + ${d}]`)} }
    for (; i < n; i++) { const x = a[ao + i], y = b[bo + i]; out[o + i] = ${expr}; }
  },
  strided: function ${name}_strided(a, ao, sa, b, bo, sb, out, o, n) {
    for (let i = 0; i < n; i++) { const x = a[ao], y = b[bo]; out[o + i] = ${expr}; ao += sa; bo += sb; }
  },
  scalarRight: function ${name}_scalarRight(a, ao, y, out, o, n) {
    let i = 0;
    for (; i + 3 < n; i += 4) { ${x4((d) => `const x = a[ao + i + ${d}];`, (d) => `out[o + i + ${d}]`)} }
    for (; i < n; i++) { const x = a[ao + i]; out[o + i] = ${expr}; }
  },
  scalarLeft: function ${name}_scalarLeft(x, b, bo, out, o, n) {
    let i = 0;
    for (; i + 3 < n; i += 4) { ${x4((d) => `const y = b[bo + i + ${d}];`, (d) => `out[o + i + ${d}]`)} }
    for (; i < n; i++) { const y = b[bo + i]; out[o + i] = ${expr}; }
  },
};`;
  return source;
}

/** The loops of one unary op. */
export interface UnaryKernels {
  /** out[o+i] = f(a[ao+i*sa]) for i < n. */
  strided(a: Data, ao: number, sa: number, out: TypedArray, o: number, n: number): void;
}

/**
 * Builds the loop for the expression `expr` in `x`; `fns` are the helper functions the expression
 * may call (the hand-written exp/tanh/log of fastmath.ts), bound by name.
 */
export function compileUnary(name: string, expr: string, fns: Record<string, (x: number) => number> = {}): UnaryKernels {
  const names = Object.keys(fns);
  return new Function(...names, unarySource(name, expr))(...names.map((k) => fns[k])) as UnaryKernels;
}

/** The source text of `compileUnary`'s loop (see `binarySource`). */
export function unarySource(name: string, expr: string): string {
  return `"use strict";
return {
  strided: function ${name}_strided(a, ao, sa, out, o, n) {
    if (sa === 1) { for (let i = 0; i < n; i++) { const x = a[ao + i]; out[o + i] = ${expr}; } return; }
    for (let i = 0; i < n; i++) { const x = a[ao]; out[o + i] = ${expr}; ao += sa; }
  },
};`;
}

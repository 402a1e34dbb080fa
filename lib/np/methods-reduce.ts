/**
 * numpy's reductions as `NDArray` methods: `a.sum()`, `a.mean({ axis: 1, keepdims: true })`, ...
 * Each is its np function (lib/np/reduce.ts) with the array first. How method modules work:
 * lib/np/methods-attach.ts.
 * @module
 */
import type { NDArray } from "./ndarray.js";
import { attachMethods } from "./methods-attach.js";
import * as reductions from "./reduce.js";
import type { ArgOptions, ArrayReduceOptions, ReduceOptions, ScalarReduceOptions } from "./reduce.js";

declare module "./ndarray.js" {
  interface NDArray {
    /** Sum of elements; see `np.sum`. */
    sum(options?: ScalarReduceOptions): number;
    sum(options: ArrayReduceOptions): NDArray;
    sum(options?: ReduceOptions): number | NDArray;

    /** Arithmetic mean; see `np.mean`. */
    mean(options?: ScalarReduceOptions): number;
    mean(options: ArrayReduceOptions): NDArray;
    mean(options?: ReduceOptions): number | NDArray;

    /** Largest element; see `np.max`. */
    max(options?: ScalarReduceOptions): number;
    max(options: ArrayReduceOptions): NDArray;
    max(options?: ReduceOptions): number | NDArray;

    /** Smallest element; see `np.min`. */
    min(options?: ScalarReduceOptions): number;
    min(options: ArrayReduceOptions): NDArray;
    min(options?: ReduceOptions): number | NDArray;

    /** Product of elements; see `np.prod`. */
    prod(options?: ScalarReduceOptions): number;
    prod(options: ArrayReduceOptions): NDArray;
    prod(options?: ReduceOptions): number | NDArray;

    /** Index of the largest element; see `np.argmax`. */
    argmax(options?: { axis?: null; keepdims?: false }): number;
    argmax(options: { axis: number; keepdims?: boolean } | { axis?: null; keepdims: true }): NDArray;
    argmax(options?: ArgOptions): number | NDArray;

    /** Index of the smallest element; see `np.argmin`. */
    argmin(options?: { axis?: null; keepdims?: false }): number;
    argmin(options: { axis: number; keepdims?: boolean } | { axis?: null; keepdims: true }): NDArray;
    argmin(options?: ArgOptions): number | NDArray;
  }
}

// Each method has overloads (a number without axis, an array with one); as in a class, the one
// implementation below covers them all, which TypeScript checks only by this cast.
attachMethods({
  sum(options?: ReduceOptions) {
    return reductions.sum(this, options);
  },
  mean(options?: ReduceOptions) {
    return reductions.mean(this, options);
  },
  max(options?: ReduceOptions) {
    return reductions.max(this, options);
  },
  min(options?: ReduceOptions) {
    return reductions.min(this, options);
  },
  prod(options?: ReduceOptions) {
    return reductions.prod(this, options);
  },
  argmax(options?: ArgOptions) {
    return reductions.argmax(this, options);
  },
  argmin(options?: ArgOptions) {
    return reductions.argmin(this, options);
  },
} as Partial<NDArray> & ThisType<NDArray>);

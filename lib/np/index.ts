/**
 * `np`: the numpy-like layer. Names mirror numpy; an options object stands for numpy's keyword
 * arguments (`np.sum(a, { axis: 1, keepdims: true })`). This file only re-exports.
 * @module
 */
export { NDArray } from "./ndarray.js";
export type { ArrayLike, NestedArray } from "./ndarray.js";
export type { DType } from "./dtype.js";
export { ValueError, AxisError, IndexError } from "./errors.js";

/**
 * `np`: the numpy-like layer. Names mirror numpy; an options object stands for numpy's keyword
 * arguments (`np.sum(a, { axis: 1, keepdims: true })`). This file only re-exports, and imports the
 * modules that attach `NDArray`'s methods (`a.add(b)`, ...), so every user of np gets them.
 * @module
 */
import "./methods.js";
export { NDArray } from "./ndarray.js";
export type { ArrayLike, NestedArray } from "./ndarray.js";
export type { DType } from "./dtype.js";
export { ValueError, AxisError, IndexError, OverflowError } from "./errors.js";
export { array, asarray, zeros, ones, full, zeros_like, ones_like, arange, linspace, meshgrid } from "./creation.js";
export type { DTypeLike, ShapeLike, LinspaceOptions, MeshgridOptions } from "./creation.js";
export { concatenate, stack, column_stack, c_ } from "./join.js";
export { reshape, ravel, transpose, squeeze, expand_dims, broadcast_to, broadcastShapes as broadcast_shapes } from "./shape.js";
export type { Index } from "./indexing.js";
export {
  add, subtract, multiply, divide, power, maximum, minimum,
  greater, greater_equal, less, less_equal, equal, not_equal, where,
} from "./elementwise.js";
export { negative, abs, sign, square, tanh, exp, log, log1p, sqrt, sin, cos } from "./unary.js";
export { sum, mean, max, min, prod, argmax, argmin } from "./reduce.js";
export type { ReduceOptions, ArrayReduceOptions, ScalarReduceOptions, ArgOptions } from "./reduce.js";
export { dot, matmul } from "./linalg.js";
export { tolist } from "./tolist.js";
export type { NestedList } from "./tolist.js";
export * as random from "./random/index.js";
export { array_repr, array_str, array2string, set_printoptions, get_printoptions } from "./print.js";
export { getNumThreads, setNumThreads } from "./parallel/index.js";
export type { PrintOptions, Array2StringOptions } from "./print.js";

/**
 * `np.tolist`: an array as nested JavaScript arrays, as numpy's `ndarray.tolist()`.
 * @module
 */
import { type ArrayLike, NDArray } from "./ndarray.js";
import { asarray } from "./creation.js";

/** Nested arrays of numbers (or booleans for a bool array); a 0-d array gives its element. */
export type NestedList = number | boolean | NestedList[];

/**
 * The elements as nested JavaScript arrays in C order, as numpy's `a.tolist()`. Bool arrays give
 * `true`/`false`; every other dtype gives numbers.
 * @param a - any array.
 * @returns nested arrays with `a`'s shape (a bare number or boolean for a 0-d array).
 * @example
 * ```ts
 * np.tolist(np.zeros([2, 2])); // [[0, 0], [0, 0]]
 * ```
 */
export function tolist(a: ArrayLike): NestedList {
  const arr: NDArray = asarray(a);
  const v = arr.values();
  const isBool = arr.dtype === "bool";
  const shape = arr.shape;
  let k = 0;
  const build = (d: number): NestedList => {
    if (d === shape.length) {
      const x = v[k++];
      return isBool ? x !== 0 : x;
    }
    const out: NestedList[] = new Array(shape[d]);
    for (let i = 0; i < shape[d]; i++) out[i] = build(d + 1);
    return out;
  };
  return build(0);
}

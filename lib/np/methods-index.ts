/**
 * Getting elements out of an `NDArray` as methods: `a.slice(...)` (numpy's basic indexing, a view)
 * and `a.tolist()`. How method modules work: lib/np/methods-attach.ts.
 * @module
 */
import type { NDArray } from "./ndarray.js";
import { attachMethods } from "./methods-attach.js";
import { type Index, basicIndex, parseIndex } from "./indexing.js";
import { type NestedList, tolist } from "./tolist.js";

declare module "./ndarray.js" {
  interface NDArray {
    /**
     * numpy's basic indexing, as a view: `a.slice(0, null)` is `a[0, :]`, `a.slice([1, 3])` is
     * `a[1:3]`, `a.slice(null, [null, null, -1])` is `a[:, ::-1]`; or in numpy's own syntax,
     * `a.slice("0, :")`. Integers drop their axis; the view shares `a`'s data.
     * @param index - integers, `null` for `:`, `[start, stop, step?]` for `start:stop:step` (null for
     *   a default), `"..."`; or one string in numpy's syntax.
     * @throws IndexError "index 5 is out of bounds for axis 0 with size 3", "too many indices for array ...".
     * @example
     * ```ts
     * const x1 = X.slice(0, null); // X[0, :]
     * ```
     */
    slice(...index: Index[] | [string]): NDArray;

    /** The elements as nested JavaScript arrays, as numpy's `a.tolist()`. */
    tolist(): NestedList;
  }
}

attachMethods({
  slice(...index: Index[] | [string]) {
    const items = index.length === 1 && typeof index[0] === "string" && index[0] !== "..." ? parseIndex(index[0]) : (index as Index[]);
    return basicIndex(this, items);
  },
  tolist() {
    return tolist(this);
  },
});

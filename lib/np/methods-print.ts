/**
 * Printing an `NDArray`: `String(a)`, `console.log(a)` and tslab show numpy's repr
 * (lib/np/print.ts). How method modules work: lib/np/methods-attach.ts.
 * @module
 */
import type { NDArray } from "./ndarray.js";
import { attachMethods } from "./methods-attach.js";
import { formatArray } from "./print.js";

declare module "./ndarray.js" {
  interface NDArray {
    /** numpy-style repr: `array([[1., 2.],\n       [3., 4.]])`. */
    toString(): string;
  }
}

attachMethods({
  toString() {
    return formatArray(this);
  },
  /** tslab and `console.log` show the numpy-style repr. */
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return formatArray(this);
  },
});

/**
 * How the method modules (`methods-*.ts`) add methods to `NDArray.prototype`: tfjs-core's
 * chained-ops pattern. The class core (`ndarray.ts`) imports none of the np functions, so no module
 * imports it back in a cycle; each method module declares its methods on the `NDArray` interface
 * (TypeScript's declaration merging, where the TSDoc lives) and attaches them with `attachMethods`.
 * `lib/np/index.ts` imports every method module, so any array a user gets has all the methods.
 * @module
 */
import { NDArray } from "./ndarray.js";

/**
 * Defines `methods` on `NDArray.prototype` as a class body would: not enumerable (so `for...in`,
 * `Object.keys` and deep-equality checks see only the array's fields), writable and configurable.
 * @param methods - an object literal of methods (symbol keys included); `this` inside them is the NDArray.
 */
export function attachMethods(methods: Partial<NDArray> & ThisType<NDArray>): void {
  for (const key of Reflect.ownKeys(methods)) {
    const value: unknown = Reflect.get(methods, key);
    Object.defineProperty(NDArray.prototype, key, { value, writable: true, configurable: true, enumerable: false });
  }
}

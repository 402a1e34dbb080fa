/**
 * numpy-style printing. PLACEHOLDER: the printing work replaces this with numpy's repr rules
 * (precision 8, threshold 1000, edge items 3, line width 75, dtype-aware).
 * @module
 */
import type { NDArray } from "./ndarray.js";

/** numpy's repr of an array. */
export function formatArray(a: NDArray): string {
  return `array(${JSON.stringify(Array.from(a.values()))}, shape=(${a.shape.join(",")}), dtype=${a.dtype})`;
}

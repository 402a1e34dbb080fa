/**
 * `np.random`: numpy's legacy module-level random functions over one global {@link RandomState}
 * (seeded from the operating system until `np.random.seed(n)` is called), bit-identical to numpy's
 * streams for uniform and integer draws, and for about 99.96 % of normal draws (the rest are the
 * draws where glibc's own `log`, which numpy calls, is not correctly rounded; see ./log.ts).
 * @module
 */
import type { NDArray } from "../ndarray.js";
import { RandomState, type Size } from "./random-state.js";

export { RandomState, MAX_SEED, type Size } from "./random-state.js";

/** The generator behind the module-level functions, as numpy's hidden `np.random.mtrand._rand`. */
const globalState = new RandomState();

/**
 * Seeds the global generator, as `np.random.seed(n)`; also forgets the cached normal value.
 *
 * @param seed - an integer in [0, 2**32 - 1]; omitted, a seed from the operating system.
 * @throws ValueError "Seed must be between 0 and 2**32 - 1".
 * @example np.random.seed(1); np.random.randn() // 1.6243453636632417
 */
export function seed(seed?: number): void {
  globalState.seed(seed);
}

/**
 * Uniform samples in [0, 1) of the given dimensions, as `np.random.rand(d0, d1, ...)`.
 *
 * @param shape - the dimensions; none gives one value.
 * @returns a JS number for `rand()`, else a float64 NDArray of shape `(d0, d1, ...)`.
 * @example np.random.rand(3, 2)
 */
export function rand(): number;
export function rand(...shape: number[]): NDArray;
export function rand(...shape: number[]): number | NDArray {
  return globalState.rand(...shape);
}

/**
 * Standard normal samples of the given dimensions, as `np.random.randn(d0, d1, ...)`.
 *
 * @param shape - the dimensions; none gives one value.
 * @returns a JS number for `randn()`, else a float64 NDArray of shape `(d0, d1, ...)`.
 * @example np.random.seed(1); np.random.randn(2, 2) // array([[ 1.62434536, -0.61175641], [-0.52817175, -1.07296862]])
 */
export function randn(): number;
export function randn(...shape: number[]): NDArray;
export function randn(...shape: number[]): number | NDArray {
  return globalState.randn(...shape);
}

/**
 * Uniform samples in [0, 1), as `np.random.random_sample(size)`.
 *
 * @param size - a length or shape; omitted, one value.
 * @returns a JS number without `size`, else a float64 NDArray.
 */
export function random_sample(): number;
export function random_sample(size: Size): NDArray;
export function random_sample(size?: Size): number | NDArray {
  return size === undefined ? globalState.random_sample() : globalState.random_sample(size);
}

/**
 * Uniform samples in [0, 1), as `np.random.random(size)` (the same as `random_sample`).
 *
 * @param size - a length or shape; omitted, one value.
 * @returns a JS number without `size`, else a float64 NDArray.
 */
export function random(): number;
export function random(size: Size): NDArray;
export function random(size?: Size): number | NDArray {
  return size === undefined ? globalState.random_sample() : globalState.random_sample(size);
}

/**
 * Normal samples loc + scale * N(0, 1), as `np.random.normal(loc, scale, size)`.
 *
 * @param loc - the mean (default 0).
 * @param scale - the standard deviation (default 1), >= 0.
 * @param size - a length or shape; omitted, one value.
 * @returns a JS number without `size`, else a float64 NDArray.
 * @throws ValueError "scale < 0".
 * @example np.random.seed(2); np.random.normal(0, 1, [4, 2]) // the lesson's W1
 */
export function normal(loc?: number, scale?: number): number;
export function normal(loc: number, scale: number, size: Size): NDArray;
export function normal(loc = 0, scale = 1, size?: Size): number | NDArray {
  return size === undefined ? globalState.normal(loc, scale) : globalState.normal(loc, scale, size);
}

/**
 * Uniform samples in [low, high), as `np.random.uniform(low, high, size)`.
 *
 * @param low - the lower bound (default 0).
 * @param high - the upper bound (default 1).
 * @param size - a length or shape; omitted, one value.
 * @returns a JS number without `size`, else a float64 NDArray.
 * @throws OverflowError "Range exceeds valid bounds" when high - low is not finite.
 */
export function uniform(low?: number, high?: number): number;
export function uniform(low: number, high: number, size: Size): NDArray;
export function uniform(low = 0, high = 1, size?: Size): number | NDArray {
  return size === undefined ? globalState.uniform(low, high) : globalState.uniform(low, high, size);
}

/**
 * Uniform integers in [low, high) (in [0, low) without `high`), as `np.random.randint`, int64.
 *
 * @param low - the lowest value, or the exclusive upper bound when `high` is omitted.
 * @param high - one above the highest value.
 * @param size - a length or shape; omitted, one value.
 * @returns a JS number without `size`, else an int64 NDArray.
 * @throws ValueError "low >= high" / "high <= 0"; TypeError for non-integer bounds.
 * @example np.random.randint(0, 10, [2, 3])
 */
export function randint(low: number, high?: number | null): number;
export function randint(low: number, high: number | null | undefined, size: Size): NDArray;
export function randint(low: number, high?: number | null, size?: Size): number | NDArray {
  return size === undefined ? globalState.randint(low, high) : globalState.randint(low, high, size);
}

/**
 * A shuffled copy: `permutation(n)` of `arange(n)`, or of an array along its first axis.
 *
 * @param x - a length, or an NDArray with at least one dimension.
 * @returns a new NDArray (int64 for a length).
 * @throws IndexError "x must be an integer or at least 1-dimensional".
 */
export function permutation(x: number | NDArray): NDArray {
  return globalState.permutation(x);
}

/**
 * Shuffles an array in place along its first axis, as `np.random.shuffle(x)`.
 *
 * @param x - a writable NDArray with at least one dimension.
 * @throws IndexError for a 0-d array; ValueError for a read-only view.
 */
export function shuffle(x: NDArray): void {
  globalState.shuffle(x);
}
